import type { Actor } from '../auth/actor.ts';
import { loadActor } from '../auth/actor.ts';
import { hashPassword, verifyPassword } from '../auth/passwords.ts';
import type { Database } from '../db/client.ts';
import { recordEvent } from '../notifications/record.ts';
import type { LoginInput, MePatch, RegisterInput } from '../domain/accounts.ts';
import { organisationCanTrade } from '../domain/organisations.ts';
import { AppError, fieldError } from '../domain/errors.ts';
import {
  findJoinableOrganisation,
  findNetwork,
  insertMembership,
  insertOrganisation,
} from '../organisations/queries.ts';
import { joinByInvitation } from '../organisations/invitations.ts';
import { sendVerificationLink } from './email-verification.ts';
import { deleteSession, findUserByEmail, insertSession, insertUser, updateUser } from './queries.ts';

const invalidCredentials = () => new AppError('invalid_credentials', 'Adresse e-mail ou mot de passe incorrect.');

export function normaliseEmail(email: string): string {
  return email.trim().toLowerCase();
}

/** Creates the person, then their new structure (pending) or their request to join one, in one transaction. */
export async function register(db: Database, input: RegisterInput, sessionDays: number, secret: string) {
  if ([input.organisation, input.joinOrganisationId, input.invitationToken].filter(Boolean).length !== 1) {
    throw fieldError('organisation', 'Indiquez soit une nouvelle structure, soit la structure à rejoindre.', 'oneOf');
  }
  const passwordHash = await hashPassword(input.password);
  const email = normaliseEmail(input.email);
  const { userId, sessionId, expiresAt } = await db.transaction(async (tx) => {
    const user = await insertUser(tx, { email, name: input.name.trim(), passwordHash, locale: input.locale ?? 'fr' });
    if (!user) throw new AppError('email_taken', 'Un compte existe déjà avec cette adresse e-mail.');
    if (input.invitationToken) {
      await joinByInvitation(tx, secret, input.invitationToken, { id: user.id, email });
    } else {
      await sendVerificationLink(tx, { id: user.id, email });
    }
    if (input.organisation) {
      const network = await findNetwork(tx, input.organisation.networkId);
      if (!network) {
        throw fieldError('organisation.networkId', 'Ce réseau est inconnu.', 'exists');
      }
      const organisation = await insertOrganisation(tx, input.organisation, network.id);
      if (!organisation) {
        throw new AppError(
          'organisation_exists',
          'Une structure de ce nom existe déjà à ce code postal : demandez plutôt à la rejoindre.',
        );
      }
      await insertMembership(tx, {
        userId: user.id,
        organisationId: organisation.id,
        role: 'manager',
        status: 'active',
      });
    } else if (input.joinOrganisationId) {
      const organisation = await findJoinableOrganisation(tx, input.joinOrganisationId);
      if (!organisation) throw new AppError('not_found', 'La structure à rejoindre est introuvable.');
      await insertMembership(tx, {
        userId: user.id,
        organisationId: organisation.id,
        role: 'member',
        status: 'pending',
      });
      await recordEvent(tx, {
        type: 'membership.requested',
        actorId: user.id,
        organisationId: organisation.id,
        userId: user.id,
      });
    }
    const session = await insertSession(tx, user.id, sessionExpiry(sessionDays));
    return { userId: user.id, sessionId: session.id, expiresAt: session.expiresAt };
  });
  return { userId, sessionId, expiresAt, me: describeActor((await loadActor(db, sessionId, userId))!) };
}

export async function login(db: Database, input: LoginInput, sessionDays: number) {
  const user = await findUserByEmail(db, normaliseEmail(input.email));
  if (!(await verifyPassword(user?.passwordHash, input.password)) || !user) throw invalidCredentials();
  const session = await insertSession(db, user.id, sessionExpiry(sessionDays));
  return {
    userId: user.id,
    sessionId: session.id,
    expiresAt: session.expiresAt,
    me: describeActor((await loadActor(db, session.id, user.id))!),
  };
}

export async function logout(db: Database, actor: Actor | null) {
  if (actor) await deleteSession(db, actor.sessionId);
}

/** The person's own settings: their name, and the language of the app and of their emails. */
export async function updateMe(db: Database, actor: Actor, patch: MePatch) {
  if (patch.name !== undefined && !patch.name.trim()) throw fieldError('name', 'Indiquez votre nom.', 'required');
  await updateUser(db, actor.user.id, {
    ...(patch.name ? { name: patch.name.trim() } : {}),
    ...(patch.locale ? { locale: patch.locale } : {}),
  });
  return describeActor((await loadActor(db, actor.sessionId, actor.user.id))!);
}

/** The `/api/me` view of an actor. */
export function describeActor(actor: Actor) {
  return {
    user: actor.user,
    memberships: actor.memberships.map((m) => ({
      ...m,
      canTrade: actor.user.emailVerified && m.status === 'active' && organisationCanTrade(m.organisation.status),
    })),
    networkRoles: actor.networkRoles,
  };
}

function sessionExpiry(sessionDays: number): Date {
  return new Date(Date.now() + sessionDays * 24 * 3600 * 1000);
}
