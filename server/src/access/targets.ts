import { eq, sql, type SQL } from 'drizzle-orm';
import type { PgColumn } from 'drizzle-orm/pg-core';
import type { Database } from '../db/client.ts';
import { bookings } from '../db/schema/bookings.ts';
import { networks } from '../db/schema/networks.ts';
import { reports } from '../db/schema/reports.ts';
import { users } from '../db/schema/users.ts';
import { items } from '../db/schema/items.ts';
import { needs } from '../db/schema/needs.ts';
import { organisationNetworks, organisations } from '../db/schema/organisations.ts';
import { services } from '../db/schema/services.ts';
import type {
  BookingTarget,
  ListingTarget,
  NetworkTarget,
  OrganisationTarget,
  PersonTarget,
  ReportTarget,
} from './decide.ts';

/** What access decisions read of the things asked about: owners, statuses, networks. Nothing else. */

const networksOfOrganisation = (organisationId: PgColumn | SQL) =>
  sql<
    string[]
  >`coalesce((select array_agg(${organisationNetworks.networkId}::text order by ${organisationNetworks.networkId}) from ${organisationNetworks} where ${organisationNetworks.organisationId} = ${organisationId}), '{}')`;

export async function loadOrganisationTarget(db: Database, id: string): Promise<OrganisationTarget | null> {
  const [row] = await db
    .select({
      id: organisations.id,
      status: organisations.status,
      networkIds: networksOfOrganisation(organisations.id),
    })
    .from(organisations)
    .where(eq(organisations.id, id));
  return row ? { type: 'organisation', ...row } : null;
}

export type ListingType = 'item' | 'service' | 'need';

export async function loadListingTarget(db: Database, type: ListingType, id: string): Promise<ListingTarget | null> {
  const table = type === 'item' ? items : type === 'service' ? services : needs;
  // A need is « published » while open or fulfilled; a closed one stays with its structure.
  const listed = type === 'need' ? sql`${needs.status} <> 'closed'` : sql`${table.status} = 'published'`;
  const [row] = await db
    .select({
      id: table.id,
      organisationId: table.organisationId,
      organisationStatus: organisations.status,
      visibility: table.visibility,
      findable: sql<boolean>`(${listed} and ${organisations.status} = 'active')`,
      hidden: type === 'need' ? sql<boolean>`false` : sql<boolean>`${table.status} = 'hidden'`,
      networkIds: networksOfOrganisation(table.organisationId),
    })
    .from(table)
    .innerJoin(organisations, eq(organisations.id, table.organisationId))
    .where(eq(table.id, id));
  return row ? { type: 'listing', ...row } : null;
}

export async function loadBookingTarget(db: Database, id: string): Promise<BookingTarget | null> {
  const [row] = await db
    .select({
      id: bookings.id,
      lenderOrganisationId: bookings.lenderOrganisationId,
      borrowerOrganisationId: bookings.borrowerOrganisationId,
    })
    .from(bookings)
    .where(eq(bookings.id, id));
  return row ? { type: 'booking', ...row } : null;
}

export async function loadNetworkTarget(db: Database, id: string): Promise<NetworkTarget | null> {
  const [row] = await db.select({ id: networks.id }).from(networks).where(eq(networks.id, id));
  return row ? { type: 'network', id: row.id } : null;
}

/** A person and the networks of the structures they belong to (pending memberships included). */
export async function loadPersonTarget(db: Database, id: string): Promise<PersonTarget | null> {
  const [row] = await db
    .select({
      id: users.id,
      // Spelled out: in a one-table select the builder leaves columns unqualified, and both
      // tables of the subquery have an organisation_id.
      networkIds: sql<
        string[]
      >`coalesce((select array_agg(distinct person_networks.network_id::text) from memberships person_memberships join organisation_networks person_networks on person_networks.organisation_id = person_memberships.organisation_id where person_memberships.user_id = ${id}), '{}')`,
    })
    .from(users)
    .where(eq(users.id, id));
  return row ? { type: 'person', ...row } : null;
}

export async function loadReportTarget(db: Database, id: string): Promise<ReportTarget | null> {
  const [row] = await db
    .select({
      id: reports.id,
      reporterId: reports.reporterId,
      networkIds: sql<string[]>`${reports.networkIds}::text[]`,
    })
    .from(reports)
    .where(eq(reports.id, id));
  return row ? { type: 'report', ...row } : null;
}
