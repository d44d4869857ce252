import { and, count, eq, gt, sql } from 'drizzle-orm';
import { assertStrongPassword, hashPassword, personalWords } from '../auth/passwords.ts';
import type { Database } from '../db/client.ts';
import { singleUseTokens } from '../db/schema/tokens.ts';
import { sessions, users } from '../db/schema/users.ts';
import { inspectToken, issueToken, redeemToken, voidTokens } from '../email-links/tokens.ts';
import { recordEvent } from '../events/record.ts';
import { normaliseEmail } from './service.ts';

export const resetLinkMinutes = 60;
/** Links a person can be sent per hour: enough for a lost email, not a way to flood a mailbox. */
const resetLinksPerHour = 3;

/**
 * « Mot de passe oublié » : the answer is the same whether the address has an account or not,
 * and whether a link was sent or held back (too many this hour); only the mailbox tells.
 */
export async function requestPasswordReset(db: Database, email: string) {
  const [user] = await db
    .select({ id: users.id })
    .from(users)
    .where(eq(users.email, normaliseEmail(email)));
  if (!user) return;
  await db.transaction(async (tx) => {
    await tx.select({ id: users.id }).from(users).where(eq(users.id, user.id)).for('update');
    const [recent] = await tx
      .select({ count: count() })
      .from(singleUseTokens)
      .where(
        and(
          eq(singleUseTokens.userId, user.id),
          eq(singleUseTokens.purpose, 'reset_password'),
          gt(singleUseTokens.createdAt, sql`now() - interval '1 hour'`),
        ),
      );
    if ((recent?.count ?? 0) >= resetLinksPerHour) return;
    const token = await issueToken(tx, {
      purpose: 'reset_password',
      userId: user.id,
      validForSeconds: resetLinkMinutes * 60,
    });
    await recordEvent(tx, {
      type: 'account.password_reset',
      userId: user.id,
      params: { tokenId: token.id, expiresInMinutes: resetLinkMinutes },
    });
  });
}

/** The form behind the link: whose password it sets, if the link still works. */
export async function inspectPasswordReset(db: Database, secret: string, token: string) {
  const link = await inspectToken(db, secret, token, 'reset_password');
  const [user] = await db.select({ email: users.email }).from(users).where(eq(users.id, link.userId!));
  return { email: user!.email };
}

/**
 * Sets the new password, once: every session ends (whoever had the old password is out), the
 * other reset links stop working, and the person is told by email.
 */
export async function resetPassword(db: Database, secret: string, token: string, password: string) {
  // A bad link first, then a weak password: the person's own address counts as guessable too.
  const { email } = await inspectPasswordReset(db, secret, token);
  await assertStrongPassword(password, 'password', personalWords({ email }));
  const passwordHash = await hashPassword(password);
  await db.transaction(async (tx) => {
    const link = await redeemToken(tx, secret, token, 'reset_password');
    await tx.update(users).set({ passwordHash }).where(eq(users.id, link.userId!));
    await tx.delete(sessions).where(eq(sessions.userId, link.userId!));
    await voidTokens(tx, link.userId!, 'reset_password');
    await recordEvent(tx, { type: 'account.password_changed', userId: link.userId!, actorId: link.userId! });
  });
}
