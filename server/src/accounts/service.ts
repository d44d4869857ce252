import type { Actor } from '../auth/actor.ts';
import { loadActor } from '../auth/actor.ts';
import { verifyPassword } from '../auth/passwords.ts';
import type { Database } from '../db/client.ts';
import type { LoginInput, MePatch } from '../domain/accounts.ts';
import { organisationCanTrade } from '../domain/organisations.ts';
import { AppError, fieldError } from '../domain/errors.ts';
import { recordAudit } from '../audit/record.ts';
import {
  clearDeletionRequest,
  deleteSession,
  findUserByEmail,
  insertSession,
  type SessionClient,
  touchSession,
  updateUser,
} from './queries.ts';

const invalidCredentials = () => new AppError('invalid_credentials', 'Adresse e-mail ou mot de passe incorrect.');

export function normaliseEmail(email: string): string {
  return email.trim().toLowerCase();
}

export async function login(db: Database, input: LoginInput, sessionDays: number, client: SessionClient) {
  const user = await findUserByEmail(db, normaliseEmail(input.email));
  if (!(await verifyPassword(user?.passwordHash, input.password)) || !user) throw invalidCredentials();
  // Said only to whoever knows the password: a stranger learns nothing of the account.
  if (user.suspended)
    throw new AppError('account_suspended', 'Votre compte a été suspendu par le réseau : contactez-le pour en parler.');
  if (user.deletionRequestedAt) await cancelDeletion(db, user.id, user.deletionRequestedAt);
  const session = await insertSession(db, user.id, sessionExpiry(sessionDays), client);
  return {
    userId: user.id,
    sessionId: session.id,
    expiresAt: session.expiresAt,
    me: describeActor((await loadActor(db, session.id, user.id))!),
  };
}

/** Signing in within the grace period cancels a requested deletion (its email says so), audited. */
async function cancelDeletion(db: Database, userId: string, requestedAt: Date) {
  await db.transaction(async (tx) => {
    if (!(await clearDeletionRequest(tx, userId))) return;
    await recordAudit(tx, {
      actorId: userId,
      action: 'account.erasure_cancelled',
      target: { type: 'user', id: userId },
      organisationId: null,
      networkIds: [],
      before: { deletionRequestedAt: requestedAt.toISOString() },
      after: { deletionRequestedAt: null },
    });
  });
}

export async function logout(db: Database, actor: Actor | null) {
  if (actor) await deleteSession(db, actor.sessionId);
}

/** `/api/me`: the app asks on every page, which is also when a session counts as seen. */
export async function showMe(db: Database, actor: Actor) {
  await touchSession(db, actor.sessionId);
  return describeActor(actor);
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

export function sessionExpiry(sessionDays: number): Date {
  return new Date(Date.now() + sessionDays * 24 * 3600 * 1000);
}
