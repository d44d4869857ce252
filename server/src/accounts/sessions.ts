import Bowser from 'bowser';
import type { Actor } from '../auth/actor.ts';
import type { Database } from '../db/client.ts';
import { AppError } from '../domain/errors.ts';
import { deleteOtherSessions, deleteSessionOf, selectSessions } from './queries.ts';

/** « Mes sessions »: where the account is signed in, this one marked. */
export async function listSessions(db: Database, actor: Actor) {
  const rows = await selectSessions(db, actor.user.id);
  return {
    sessions: rows.map((session) => ({
      id: session.id,
      createdAt: session.createdAt.toISOString(),
      lastSeenAt: session.lastSeenAt?.toISOString() ?? null,
      expiresAt: session.expiresAt.toISOString(),
      ...deviceOf(session.userAgent),
      ipAddress: session.ipAddress,
      current: session.id === actor.sessionId,
    })),
  };
}

/** « Se déconnecter de partout ailleurs »: every session but the caller's ends. */
export async function revokeOtherSessions(db: Database, actor: Actor) {
  return { revoked: await deleteOtherSessions(db, actor.user.id, actor.sessionId) };
}

/** Ends one of the person's sessions (the caller's own too: then it is a sign-out). */
export async function revokeSession(db: Database, actor: Actor, sessionId: string) {
  if (!(await deleteSessionOf(db, actor.user.id, sessionId)))
    throw new AppError('not_found', 'Cette session est introuvable : elle est peut-être déjà terminée.');
  return { wasCurrent: sessionId === actor.sessionId };
}

/** The browser and system a User-Agent names (product names: not translated), null when it names none. */
function deviceOf(userAgent: string | null): { browser: string | null; system: string | null } {
  if (!userAgent) return { browser: null, system: null };
  const parsed = Bowser.parse(userAgent);
  return { browser: parsed.browser.name || null, system: parsed.os.name || null };
}
