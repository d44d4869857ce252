import { and, eq, gt, isNull, sql } from 'drizzle-orm';
import type { Database } from '../db/client.ts';
import { memberships, networkRoles } from '../db/schema/memberships.ts';
import { networks } from '../db/schema/networks.ts';
import { organisationNetworks, organisations } from '../db/schema/organisations.ts';
import { sessions, users } from '../db/schema/users.ts';
import type { MembershipRole, NetworkRoleName, OrganisationKind, OrganisationStatus } from '../domain/organisations.ts';

/** Who is calling, with what they may act for: loaded once per authenticated request. */
export type Actor = {
  sessionId: string;
  user: {
    id: string;
    email: string;
    name: string;
    locale: 'fr' | 'en';
    /** Until the address is confirmed, the person browses but does not trade. */
    emailVerified: boolean;
    /** The mail server refused the address for good: the app asks to fix it. */
    emailUndeliverable: boolean;
  };
  memberships: Array<{
    role: MembershipRole;
    status: 'pending' | 'active';
    organisation: {
      id: string;
      name: string;
      kind: OrganisationKind;
      status: OrganisationStatus;
      city: string;
      /** The networks the structure belongs to: what its people see is decided by them. */
      networkIds: string[];
    };
  }>;
  networkRoles: Array<{ role: NetworkRoleName; network: { id: string; slug: string; name: string } }>;
};

const personColumns = {
  id: users.id,
  email: users.email,
  name: users.name,
  locale: users.locale,
  emailVerified: sql<boolean>`${users.emailVerifiedAt} is not null`,
  emailUndeliverable: sql<boolean>`${users.emailUndeliverableAt} is not null`,
};

export async function loadActor(db: Database, sessionId: string, userId: string): Promise<Actor | null> {
  const [person] = await db
    .select(personColumns)
    .from(sessions)
    .innerJoin(users, eq(users.id, sessions.userId))
    .where(
      and(
        eq(sessions.id, sessionId),
        eq(sessions.userId, userId),
        gt(sessions.expiresAt, new Date()),
        // A suspended person's sessions are ended when they are suspended; this holds meanwhile.
        isNull(users.suspendedAt),
      ),
    );
  return person ? withMemberships(db, person, sessionId) : null;
}

/**
 * The person a single-use link was sent to, acting through it without a session (an email's
 * « Accepter »): the same rules apply to them as when signed in.
 */
export async function loadActorByLink(db: Database, userId: string): Promise<Actor | null> {
  const [person] = await db.select(personColumns).from(users).where(eq(users.id, userId));
  return person ? withMemberships(db, person, '') : null;
}

async function withMemberships(db: Database, person: Actor['user'], sessionId: string): Promise<Actor> {
  const userId = person.id;
  const [membershipRows, roleRows] = await Promise.all([
    db
      .select({
        role: memberships.role,
        status: memberships.status,
        organisation: {
          id: organisations.id,
          name: organisations.name,
          kind: organisations.kind,
          status: organisations.status,
          city: organisations.city,
          networkIds: sql<
            string[]
          >`coalesce((select array_agg(${organisationNetworks.networkId}::text order by ${organisationNetworks.networkId}) from ${organisationNetworks} where ${organisationNetworks.organisationId} = ${organisations.id}), '{}')`,
        },
      })
      .from(memberships)
      .innerJoin(organisations, eq(organisations.id, memberships.organisationId))
      .where(eq(memberships.userId, userId))
      .orderBy(organisations.name),
    db
      .select({ role: networkRoles.role, network: { id: networks.id, slug: networks.slug, name: networks.name } })
      .from(networkRoles)
      .innerJoin(networks, eq(networks.id, networkRoles.networkId))
      .where(eq(networkRoles.userId, userId))
      .orderBy(networks.name),
  ]);
  return { sessionId, user: person, memberships: membershipRows, networkRoles: roleRows };
}
