import { and, eq, gt, sql } from 'drizzle-orm';
import type { Actor } from '../auth/actor.ts';
import type { Database } from '../db/client.ts';
import { singleUseTokens } from '../db/schema/tokens.ts';
import { users } from '../db/schema/users.ts';
import { issueToken, redeemToken } from '../email-links/tokens.ts';
import { recordEvent } from '../events/record.ts';
import { AppError } from '../domain/errors.ts';

export const verifyEmailHours = 48;

/** Sends (again) the link that confirms the person's address, in the caller's transaction. */
export async function sendVerificationLink(tx: Database, user: { id: string; email: string }) {
  const token = await issueToken(tx, {
    purpose: 'verify_email',
    userId: user.id,
    email: user.email,
    validForSeconds: verifyEmailHours * 3600,
  });
  await recordEvent(tx, {
    type: 'account.verify_email',
    userId: user.id,
    actorId: user.id,
    params: { tokenId: token.id, expiresInHours: verifyEmailHours },
  });
}

/** « Renvoyer le lien »: at most one a minute, and none once the address is confirmed. */
export async function resendVerification(db: Database, actor: Actor) {
  if (actor.user.emailVerified) throw new AppError('already_verified', 'Votre adresse est déjà confirmée.');
  await db.transaction(async (tx) => {
    await tx.select({ id: users.id }).from(users).where(eq(users.id, actor.user.id)).for('update');
    const [recent] = await tx
      .select({ id: singleUseTokens.id })
      .from(singleUseTokens)
      .where(
        and(
          eq(singleUseTokens.userId, actor.user.id),
          eq(singleUseTokens.purpose, 'verify_email'),
          gt(singleUseTokens.createdAt, sql`now() - interval '1 minute'`),
        ),
      );
    if (recent)
      throw new AppError('rate_limited', 'Un lien vient de partir : attendez une minute avant d’en demander un autre.');
    await sendVerificationLink(tx, actor.user);
  });
}

/** The link from the email: confirms the address it was sent to (not one changed since). */
export async function verifyEmail(db: Database, secret: string, token: string) {
  return db.transaction(async (tx) => {
    const link = await redeemToken(tx, secret, token, 'verify_email');
    const [user] = await tx
      .update(users)
      .set({ emailVerifiedAt: sql`coalesce(${users.emailVerifiedAt}, now())` })
      .where(and(eq(users.id, link.userId!), eq(users.email, link.email!)))
      .returning({ email: users.email });
    if (!user)
      throw new AppError(
        'link_invalid',
        'Ce lien était pour une adresse qui a changé depuis : demandez-en un nouveau.',
      );
    return { email: user.email };
  });
}
