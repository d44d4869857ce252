import { and, desc, eq, gt, isNotNull, ne, sql } from 'drizzle-orm';
import type { Database } from '../db/client.ts';
import { organisations } from '../db/schema/organisations.ts';
import { sessions, users } from '../db/schema/users.ts';

export async function insertUser(
  db: Database,
  user: { email: string; name: string; passwordHash: string; locale: 'fr' | 'en' },
) {
  const [row] = await db.insert(users).values(user).onConflictDoNothing().returning({ id: users.id });
  return row;
}

export async function findUserByEmail(db: Database, email: string) {
  const [row] = await db
    .select({
      id: users.id,
      passwordHash: users.passwordHash,
      suspended: sql<boolean>`${users.suspendedAt} is not null`,
      deletionRequestedAt: users.deletionRequestedAt,
    })
    .from(users)
    .where(eq(users.email, email));
  return row;
}

/** Clears a requested deletion; answers whether there was one. */
export async function clearDeletionRequest(db: Database, userId: string): Promise<boolean> {
  const cleared = await db
    .update(users)
    .set({ deletionRequestedAt: null, eraseAfter: null })
    .where(and(eq(users.id, userId), isNotNull(users.deletionRequestedAt)))
    .returning({ id: users.id });
  return cleared.length > 0;
}

export async function findPasswordHash(db: Database, userId: string) {
  const [row] = await db.select({ passwordHash: users.passwordHash }).from(users).where(eq(users.id, userId));
  return row?.passwordHash;
}

export async function updateUser(db: Database, userId: string, changes: { name?: string; locale?: 'fr' | 'en' }) {
  if (Object.keys(changes).length > 0) await db.update(users).set(changes).where(eq(users.id, userId));
}

/** What the sign-in request tells about the device, kept to tell one's sessions apart. */
export type SessionClient = { userAgent: string | null; ipAddress: string };

export async function insertSession(db: Database, userId: string, expiresAt: Date, client: SessionClient) {
  const [row] = await db
    .insert(sessions)
    .values({
      userId,
      expiresAt,
      lastSeenAt: sql`now()`,
      userAgent: client.userAgent?.slice(0, 400) || null,
      ipAddress: client.ipAddress,
    })
    .returning({ id: sessions.id, expiresAt: sessions.expiresAt });
  await db.update(users).set({ lastLoginAt: new Date() }).where(eq(users.id, userId));
  return row!;
}

export async function deleteSession(db: Database, sessionId: string) {
  await db.delete(sessions).where(eq(sessions.id, sessionId));
}

/** At most one write every five minutes per session: enough for « vue il y a … ». */
export async function touchSession(db: Database, sessionId: string) {
  await db
    .update(sessions)
    .set({ lastSeenAt: sql`now()` })
    .where(
      and(
        eq(sessions.id, sessionId),
        sql`(${sessions.lastSeenAt} is null or ${sessions.lastSeenAt} < now() - interval '5 minutes')`,
      ),
    );
}

/** The person's sessions still running, the most recently used first. */
export async function selectSessions(db: Database, userId: string) {
  return db
    .select({
      id: sessions.id,
      createdAt: sessions.createdAt,
      lastSeenAt: sessions.lastSeenAt,
      expiresAt: sessions.expiresAt,
      userAgent: sessions.userAgent,
      ipAddress: sessions.ipAddress,
    })
    .from(sessions)
    .where(and(eq(sessions.userId, userId), gt(sessions.expiresAt, sql`now()`)))
    .orderBy(desc(sql`coalesce(${sessions.lastSeenAt}, ${sessions.createdAt})`), desc(sessions.createdAt));
}

/** Ends every session of the person but `keep`; answers how many ended. */
export async function deleteOtherSessions(db: Database, userId: string, keep: string) {
  const ended = await db
    .delete(sessions)
    .where(and(eq(sessions.userId, userId), ne(sessions.id, keep)))
    .returning({ id: sessions.id });
  return ended.length;
}

/** Ends one session of the person; false when it is not theirs (or already over). */
export async function deleteSessionOf(db: Database, userId: string, sessionId: string) {
  const ended = await db
    .delete(sessions)
    .where(and(eq(sessions.id, sessionId), eq(sessions.userId, userId)))
    .returning({ id: sessions.id });
  return ended.length > 0;
}

/** Whether a structure of that name already exists at that postcode (the unique index's rule). */
export async function organisationNameTaken(db: Database, name: string, postcode: string) {
  const [row] = await db
    .select({ id: organisations.id })
    .from(organisations)
    .where(and(sql`lower(${organisations.name}) = lower(${name.trim()})`, eq(organisations.postcode, postcode)));
  return Boolean(row);
}
