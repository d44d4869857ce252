import { and, asc, eq } from 'drizzle-orm';
import type { App } from '../src/app.ts';
import type { Database } from '../src/db/client.ts';
import { auditEntries } from '../src/db/schema/audit.ts';
import { events } from '../src/db/schema/events.ts';
import { networkRoles } from '../src/db/schema/memberships.ts';
import { makeNetwork, makeUser, signIn, signedInStructure, uniqueSuffix } from './factories.ts';

/** A network with an admin and a moderator signed in, and one structure of it (its manager signed in). */
export async function moderatedNetwork(app: App, db: Database) {
  const network = await makeNetwork(db);
  const admin = await makeUser(db, { name: 'Admin du réseau' });
  const moderator = await makeUser(db, { name: 'Modératrice du réseau' });
  await db.insert(networkRoles).values([
    { userId: admin.id, networkId: network.id, role: 'admin' },
    { userId: moderator.id, networkId: network.id, role: 'moderator' },
  ]);
  const lender = await signedInStructure(app, db, { networkId: network.id, name: `Prêteur ${uniqueSuffix()}` });
  return {
    network,
    admin: { ...admin, headers: await signIn(app, admin.email) },
    moderator: { ...moderator, headers: await signIn(app, moderator.email) },
    lender,
  };
}

/** An admin of a network of their own, signed in. */
export async function foreignAdmin(app: App, db: Database) {
  const network = await makeNetwork(db);
  const admin = await makeUser(db, { name: 'Admin d’ailleurs' });
  await db.insert(networkRoles).values({ userId: admin.id, networkId: network.id, role: 'admin' });
  return { network, ...admin, headers: await signIn(app, admin.email) };
}

/** The audit entries about one target, oldest first. */
export async function auditAbout(db: Database, targetId: string) {
  return db.select().from(auditEntries).where(eq(auditEntries.targetId, targetId)).orderBy(asc(auditEntries.id));
}

/** The events of one type about a structure, oldest first. */
export async function eventsOf(db: Database, type: string, where: { organisationId?: string; userId?: string }) {
  return db
    .select()
    .from(events)
    .where(
      and(
        eq(events.type, type),
        where.organisationId ? eq(events.organisationId, where.organisationId) : undefined,
        where.userId ? eq(events.userId, where.userId) : undefined,
      ),
    )
    .orderBy(asc(events.id));
}
