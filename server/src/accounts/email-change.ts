import { eq, sql } from 'drizzle-orm';
import type { Actor } from '../auth/actor.ts';
import { verifyPassword } from '../auth/passwords.ts';
import type { Database } from '../db/client.ts';
import { databaseError, uniqueViolation } from '../db/errors.ts';
import { users } from '../db/schema/users.ts';
import { issueToken, redeemToken } from '../email-links/tokens.ts';
import { recordEvent } from '../events/record.ts';
import { AppError } from '../domain/errors.ts';
import { normaliseEmail } from './service.ts';

export const emailChangeHours = 24;

const taken = () => new AppError('email_taken', 'Un compte existe déjà avec cette adresse e-mail.');

/** A new address is confirmed on that address before it replaces the old one. */
export async function requestEmailChange(db: Database, actor: Actor, input: { email: string; password: string }) {
  const [user] = await db.select({ passwordHash: users.passwordHash }).from(users).where(eq(users.id, actor.user.id));
  if (!(await verifyPassword(user?.passwordHash, input.password)))
    throw new AppError('invalid_credentials', 'Mot de passe incorrect.');
  const email = normaliseEmail(input.email);
  if (email === actor.user.email)
    throw new AppError('validation_failed', 'C’est déjà votre adresse.', [
      { path: 'email', code: 'different', message: 'C’est déjà votre adresse.' },
    ]);
  const [existing] = await db.select({ id: users.id }).from(users).where(eq(users.email, email));
  if (existing) throw taken();
  await db.transaction(async (tx) => {
    const token = await issueToken(tx, {
      purpose: 'change_email',
      userId: actor.user.id,
      email,
      validForSeconds: emailChangeHours * 3600,
    });
    await recordEvent(tx, {
      type: 'account.email_change',
      userId: actor.user.id,
      actorId: actor.user.id,
      params: { tokenId: token.id, newEmail: email, expiresInHours: emailChangeHours },
    });
  });
}

/** The link from the new mailbox: the address changes, confirmed, and a refusal of the old one is forgotten. */
export async function confirmEmailChange(db: Database, secret: string, token: string) {
  return db.transaction(async (tx) => {
    const link = await redeemToken(tx, secret, token, 'change_email');
    try {
      await tx
        .update(users)
        .set({
          email: link.email!,
          emailVerifiedAt: sql`now()`,
          emailUndeliverableAt: null,
          emailUndeliverableReason: null,
        })
        .where(eq(users.id, link.userId!));
    } catch (error) {
      if (databaseError(error)?.code === uniqueViolation) throw taken();
      throw error;
    }
    await recordEvent(tx, { type: 'account.email_changed', userId: link.userId!, actorId: link.userId! });
    return { email: link.email! };
  });
}
