import { eq } from 'drizzle-orm';
import type { Actor } from '../auth/actor.ts';
import { assertStrongPassword, hashPassword, personalWords, verifyPassword } from '../auth/passwords.ts';
import type { Database } from '../db/client.ts';
import { users } from '../db/schema/users.ts';
import { fieldError } from '../domain/errors.ts';
import { voidTokens } from '../email-links/tokens.ts';
import { recordEvent } from '../events/record.ts';
import { deleteOtherSessions, findPasswordHash } from './queries.ts';

/**
 * « Changer mon mot de passe » with the current one. This session stays; every other one ends
 * (whoever knew the old password is out), pending reset links stop working, and the person is
 * told by email. A wrong current password is a 400 about that field, not a sign-out.
 */
export async function changePassword(
  db: Database,
  actor: Actor,
  input: { currentPassword: string; newPassword: string },
): Promise<{ endedSessions: number }> {
  if (!(await verifyPassword(await findPasswordHash(db, actor.user.id), input.currentPassword))) {
    throw fieldError('currentPassword', 'Ce n’est pas votre mot de passe actuel.', 'current');
  }
  if (input.newPassword === input.currentPassword) {
    throw fieldError('newPassword', 'C’est déjà votre mot de passe : choisissez-en un autre.', 'different');
  }
  await assertStrongPassword(input.newPassword, 'newPassword', personalWords(actor.user));
  const passwordHash = await hashPassword(input.newPassword);
  return db.transaction(async (tx) => {
    await tx.update(users).set({ passwordHash }).where(eq(users.id, actor.user.id));
    const endedSessions = await deleteOtherSessions(tx, actor.user.id, actor.sessionId);
    await voidTokens(tx, actor.user.id, 'reset_password');
    await recordEvent(tx, { type: 'account.password_changed', userId: actor.user.id, actorId: actor.user.id });
    return { endedSessions };
  });
}
