import { eq, sql } from 'drizzle-orm';
import type { Database } from '../db/client.ts';
import { singleUseTokens } from '../db/schema/tokens.ts';
import { AppError } from '../domain/errors.ts';
import { compactUuid, expandUuid, signer } from './signing.ts';

export type TokenPurpose = (typeof singleUseTokens.$inferSelect)['purpose'];
export type TokenRow = typeof singleUseTokens.$inferSelect;

/** Creates a link's row (in the caller's transaction); the email signs its id when it is written. */
export async function issueToken(
  tx: Database,
  token: Omit<typeof singleUseTokens.$inferInsert, 'expiresAt'> & { validForSeconds: number },
): Promise<TokenRow> {
  const { validForSeconds, ...fields } = token;
  const [row] = await tx
    .insert(singleUseTokens)
    .values({ ...fields, expiresAt: new Date(Date.now() + validForSeconds * 1000) })
    .returning();
  return row!;
}

/** The text of a link: the row's id (16 bytes), signed with a key of the server's secret for that purpose. */
export function signToken(secret: string, token: Pick<TokenRow, 'id' | 'purpose'>): string {
  return signer(secret, `single-use:${token.purpose}`).sign([compactUuid(token.id)]);
}

const invalid = () =>
  new AppError('link_invalid', 'Ce lien n’est pas valable : il a peut-être été mal copié. Demandez-en un nouveau.');

function idOf(secret: string, text: string, purpose: TokenPurpose): string {
  const parts = signer(secret, `single-use:${purpose}`).verify(text);
  const id = parts?.length === 1 ? expandUuid(parts[0]!) : null;
  if (!id) throw invalid();
  return id;
}

function checkUsable(row: TokenRow | undefined): TokenRow {
  if (!row) throw invalid();
  if (row.usedAt) throw new AppError('link_used', 'Ce lien a déjà servi : il ne fonctionne qu’une fois.');
  if (row.expiresAt <= new Date()) throw new AppError('link_expired', 'Ce lien a expiré. Demandez-en un nouveau.');
  return row;
}

/** Reads a link without using it up (the page that asks to confirm: GET never acts). */
export async function inspectToken(
  db: Database,
  secret: string,
  text: string,
  purpose: TokenPurpose,
): Promise<TokenRow> {
  const id = idOf(secret, text, purpose);
  const [row] = await db.select().from(singleUseTokens).where(eq(singleUseTokens.id, id));
  return checkUsable(row);
}

/**
 * Uses a link up, in the caller's transaction: the row is locked, so of two confirmations at
 * once one gets it and the other finds it used (409).
 */
export async function redeemToken(
  tx: Database,
  secret: string,
  text: string,
  purpose: TokenPurpose,
): Promise<TokenRow> {
  const id = idOf(secret, text, purpose);
  const [row] = await tx.select().from(singleUseTokens).where(eq(singleUseTokens.id, id)).for('update');
  const usable = checkUsable(row);
  await tx
    .update(singleUseTokens)
    .set({ usedAt: sql`now()` })
    .where(eq(singleUseTokens.id, usable.id));
  return usable;
}

/** The other links of the same purpose for a person stop working (a new password makes older reset links void). */
export async function voidTokens(tx: Database, userId: string, purpose: TokenPurpose) {
  await tx
    .update(singleUseTokens)
    .set({ usedAt: sql`now()` })
    .where(
      sql`${singleUseTokens.userId} = ${userId} and ${singleUseTokens.purpose} = ${purpose} and ${singleUseTokens.usedAt} is null`,
    );
}
