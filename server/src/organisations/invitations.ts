import { and, desc, eq, gt, isNull, sql } from 'drizzle-orm';
import type { Actor } from '../auth/actor.ts';
import { requireAccess } from '../access/require-access.ts';
import type { Database } from '../db/client.ts';
import { memberships } from '../db/schema/memberships.ts';
import { organisationNetworks, organisations } from '../db/schema/organisations.ts';
import { singleUseTokens } from '../db/schema/tokens.ts';
import { users } from '../db/schema/users.ts';
import { inspectToken, issueToken, redeemToken, type TokenRow } from '../email-links/tokens.ts';
import { recordAudit } from '../audit/record.ts';
import { recordEvent } from '../events/record.ts';
import { AppError } from '../domain/errors.ts';

export const invitationDays = 14;

function present(row: TokenRow) {
  return {
    id: row.id,
    email: row.email!,
    role: row.role!,
    expiresAt: row.expiresAt.toISOString(),
    createdAt: row.createdAt.toISOString(),
  };
}

/** A manager invites a colleague by email; the invitation is in the inviter's language until the person has one. */
export async function inviteToOrganisation(
  db: Database,
  actor: Actor,
  organisationId: string,
  input: { email: string; role: 'member' | 'manager' },
) {
  await requireAccess(db, actor, 'organisation.manage_members', { organisation: organisationId });
  const email = input.email.trim().toLowerCase();
  const [member] = await db
    .select({ status: memberships.status })
    .from(memberships)
    .innerJoin(users, eq(users.id, memberships.userId))
    .where(and(eq(memberships.organisationId, organisationId), eq(users.email, email)));
  if (member?.status === 'active')
    throw new AppError('already_member', 'Cette personne est déjà membre de la structure.');
  return db.transaction(async (tx) => {
    // Inviting the same address again replaces the earlier invitation: one link works, the latest.
    await voidInvitations(tx, organisationId, email);
    const token = await issueToken(tx, {
      purpose: 'invitation',
      email,
      organisationId,
      role: input.role,
      createdBy: actor.user.id,
      validForSeconds: invitationDays * 24 * 3600,
    });
    await recordEvent(tx, {
      type: 'organisation.invitation',
      actorId: actor.user.id,
      organisationId,
      params: { tokenId: token.id, email, role: input.role, locale: actor.user.locale, expiresInDays: invitationDays },
    });
    return present(token);
  });
}

async function voidInvitations(tx: Database, organisationId: string, email: string) {
  await tx
    .update(singleUseTokens)
    .set({ usedAt: sql`now()` })
    .where(
      and(
        eq(singleUseTokens.purpose, 'invitation'),
        eq(singleUseTokens.organisationId, organisationId),
        eq(singleUseTokens.email, email),
        isNull(singleUseTokens.usedAt),
      ),
    );
}

export async function listInvitations(db: Database, actor: Actor, organisationId: string) {
  await requireAccess(db, actor, 'organisation.manage_members', { organisation: organisationId });
  const rows = await db
    .select()
    .from(singleUseTokens)
    .where(
      and(
        eq(singleUseTokens.purpose, 'invitation'),
        eq(singleUseTokens.organisationId, organisationId),
        isNull(singleUseTokens.usedAt),
        gt(singleUseTokens.expiresAt, sql`now()`),
      ),
    )
    .orderBy(desc(singleUseTokens.createdAt));
  return { invitations: rows.map(present) };
}

/** Cancelling uses the link up: it no longer works. */
export async function cancelInvitation(db: Database, actor: Actor, organisationId: string, invitationId: string) {
  await requireAccess(db, actor, 'organisation.manage_members', { organisation: organisationId });
  const rows = await db
    .update(singleUseTokens)
    .set({ usedAt: sql`now()` })
    .where(
      and(
        eq(singleUseTokens.id, invitationId),
        eq(singleUseTokens.purpose, 'invitation'),
        eq(singleUseTokens.organisationId, organisationId),
        isNull(singleUseTokens.usedAt),
      ),
    )
    .returning({ id: singleUseTokens.id });
  if (rows.length === 0) throw new AppError('not_found', 'Invitation introuvable.');
}

/** The page behind the link: which structure, which role, for which address (and whether it has an account). */
export async function describeInvitation(db: Database, secret: string, token: string) {
  const link = await inspectToken(db, secret, token, 'invitation');
  const [organisation] = await db
    .select({ name: organisations.name })
    .from(organisations)
    .where(eq(organisations.id, link.organisationId!));
  const [account] = await db.select({ id: users.id }).from(users).where(eq(users.email, link.email!));
  return { organisationName: organisation!.name, role: link.role!, email: link.email!, hasAccount: Boolean(account) };
}

/**
 * Joins the structure through the link, in the caller's transaction. The link was sent to one
 * address: only the account of that address may use it (a manager's invitation must not pass to
 * whoever forwards it).
 */
export async function joinByInvitation(
  tx: Database,
  secret: string,
  token: string,
  user: { id: string; email: string },
) {
  const link = await redeemToken(tx, secret, token, 'invitation');
  if (link.email !== user.email) {
    throw new AppError(
      'forbidden',
      `Cette invitation a été envoyée à ${link.email} : connectez-vous avec le compte de cette adresse.`,
    );
  }
  const [existing] = await tx
    .select({ role: memberships.role, status: memberships.status })
    .from(memberships)
    .where(and(eq(memberships.organisationId, link.organisationId!), eq(memberships.userId, user.id)));
  if (existing?.status === 'active') throw new AppError('already_member', 'Vous êtes déjà membre de cette structure.');
  await voidInvitations(tx, link.organisationId!, link.email!);
  await tx
    .insert(memberships)
    .values({ userId: user.id, organisationId: link.organisationId!, role: link.role!, status: 'active' })
    .onConflictDoUpdate({
      target: [memberships.userId, memberships.organisationId],
      set: { role: link.role!, status: 'active' },
    });
  // The invitation reached that mailbox: the address is confirmed.
  await tx
    .update(users)
    .set({ emailVerifiedAt: sql`coalesce(${users.emailVerifiedAt}, now())` })
    .where(eq(users.id, user.id));
  await recordEvent(tx, {
    type: 'membership.joined',
    actorId: user.id,
    organisationId: link.organisationId!,
    userId: user.id,
    params: { role: link.role!, invitedBy: link.createdBy },
  });
  const structureNetworks = await tx
    .select({ id: organisationNetworks.networkId })
    .from(organisationNetworks)
    .where(eq(organisationNetworks.organisationId, link.organisationId!));
  await recordAudit(tx, {
    actorId: user.id,
    action: 'membership.accepted',
    target: { type: 'membership', id: user.id },
    organisationId: link.organisationId!,
    networkIds: structureNetworks.map((network) => network.id),
    // Only what changed: a pending request keeps its role when the invitation offers the same one.
    before: existing
      ? { ...(existing.role === link.role ? {} : { role: existing.role }), status: existing.status }
      : null,
    after: { ...(existing?.role === link.role ? {} : { role: link.role! }), status: 'active' },
  });
  return { organisationId: link.organisationId! };
}

export async function acceptInvitation(db: Database, secret: string, actor: Actor, token: string) {
  return db.transaction((tx) => joinByInvitation(tx, secret, token, actor.user));
}
