import { eq } from 'drizzle-orm';
import type { Database } from '../db/client.ts';
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
    .select({ id: users.id, passwordHash: users.passwordHash })
    .from(users)
    .where(eq(users.email, email));
  return row;
}

export async function updateUser(db: Database, userId: string, changes: { name?: string; locale?: 'fr' | 'en' }) {
  if (Object.keys(changes).length > 0) await db.update(users).set(changes).where(eq(users.id, userId));
}

export async function insertSession(db: Database, userId: string, expiresAt: Date) {
  const [row] = await db
    .insert(sessions)
    .values({ userId, expiresAt })
    .returning({ id: sessions.id, expiresAt: sessions.expiresAt });
  await db.update(users).set({ lastLoginAt: new Date() }).where(eq(users.id, userId));
  return row!;
}

export async function deleteSession(db: Database, sessionId: string) {
  await db.delete(sessions).where(eq(sessions.id, sessionId));
}
