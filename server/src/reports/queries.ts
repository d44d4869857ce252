import { and, arrayOverlaps, asc, count, desc, eq, inArray, isNull, sql, type SQL } from 'drizzle-orm';
import { alias } from 'drizzle-orm/pg-core';
import type { Database } from '../db/client.ts';
import { bookingMessages } from '../db/schema/bookings.ts';
import { items } from '../db/schema/items.ts';
import { organisationNetworks, organisations } from '../db/schema/organisations.ts';
import { reports } from '../db/schema/reports.ts';
import { services } from '../db/schema/services.ts';
import { users } from '../db/schema/users.ts';
import type { ReportTarget } from '../domain/reports.ts';

export async function selectOrganisationNetworkIds(db: Database, organisationId: string): Promise<string[]> {
  const rows = await db
    .select({ networkId: organisationNetworks.networkId })
    .from(organisationNetworks)
    .where(eq(organisationNetworks.organisationId, organisationId))
    .orderBy(asc(organisationNetworks.networkId));
  return rows.map((row) => row.networkId);
}

export async function selectMessage(db: Database, messageId: string) {
  const [row] = await db
    .select({
      bookingId: bookingMessages.bookingId,
      authorOrganisationId: bookingMessages.authorOrganisationId,
      hiddenAt: bookingMessages.hiddenAt,
    })
    .from(bookingMessages)
    .where(eq(bookingMessages.id, messageId));
  return row;
}

export async function insertReport(db: Database, report: typeof reports.$inferInsert) {
  const [row] = await db.insert(reports).values(report).returning({ id: reports.id });
  return row!;
}

const reporter = alias(users, 'reporter');
const resolver = alias(users, 'resolver');
const reporterOrganisation = alias(organisations, 'reporter_organisation');

const reportColumns = {
  id: reports.id,
  targetType: reports.targetType,
  targetId: reports.targetId,
  organisationId: reports.organisationId,
  reasonCode: reports.reasonCode,
  text: reports.text,
  createdAt: reports.createdAt,
  createdKey: sql<string>`to_char(${reports.createdAt} at time zone 'UTC', 'YYYY-MM-DD"T"HH24:MI:SS.US"Z"')`,
  resolvedAt: reports.resolvedAt,
  outcome: reports.outcome,
  resolutionNote: reports.resolutionNote,
  reporterId: reports.reporterId,
  reporterName: reporter.name,
  reporterOrganisationId: reporterOrganisation.id,
  reporterOrganisationName: reporterOrganisation.name,
  structure: { id: organisations.id, name: organisations.name, status: organisations.status },
  resolverId: resolver.id,
  resolverName: resolver.name,
};

export type ReportFilters = {
  networkIds: string[];
  open?: boolean;
  targetType?: ReportTarget;
  target?: { type: string; id: string };
  id?: string;
  /** Keyset [createdKey, id] in the list's order. */
  after?: [string, string];
  ascending: boolean;
  limit: number;
};

/** Reports made in these networks, with who made them, the structure they are about and who resolved them. */
export async function selectReports(db: Database, filters: ReportFilters) {
  const conditions: (SQL | undefined)[] = [
    arrayOverlaps(reports.networkIds, filters.networkIds),
    filters.open === undefined
      ? undefined
      : filters.open
        ? isNull(reports.resolvedAt)
        : sql`${reports.resolvedAt} is not null`,
    filters.targetType ? eq(reports.targetType, filters.targetType) : undefined,
    filters.target
      ? and(eq(reports.targetType, filters.target.type), eq(reports.targetId, filters.target.id))
      : undefined,
    filters.id ? eq(reports.id, filters.id) : undefined,
  ];
  if (filters.after) {
    const [createdAt, id] = filters.after;
    const beyond = filters.ascending ? sql`>` : sql`<`;
    conditions.push(
      sql`(${reports.createdAt} ${beyond} ${createdAt}::timestamptz or (${reports.createdAt} = ${createdAt}::timestamptz and ${reports.id} ${beyond} ${id}::uuid))`,
    );
  }
  const order = filters.ascending ? asc : desc;
  return db
    .select(reportColumns)
    .from(reports)
    .leftJoin(organisations, eq(organisations.id, reports.organisationId))
    .leftJoin(reporter, eq(reporter.id, reports.reporterId))
    .leftJoin(reporterOrganisation, eq(reporterOrganisation.id, reports.reporterOrganisationId))
    .leftJoin(resolver, eq(resolver.id, reports.resolvedBy))
    .where(and(...conditions))
    .orderBy(order(reports.createdAt), order(reports.id))
    .limit(filters.limit);
}
export type ReportRow = Awaited<ReturnType<typeof selectReports>>[number];

/** A person's own reports, newest first. */
export async function selectReportsBy(db: Database, reporterId: string) {
  return db
    .select({
      id: reports.id,
      targetType: reports.targetType,
      targetId: reports.targetId,
      reasonCode: reports.reasonCode,
      text: reports.text,
      createdAt: reports.createdAt,
      outcome: reports.outcome,
      resolvedAt: reports.resolvedAt,
    })
    .from(reports)
    .where(eq(reports.reporterId, reporterId))
    .orderBy(desc(reports.createdAt), desc(reports.id))
    .limit(100);
}

export type TargetFacts = {
  title: string | null;
  excerpt: string | null;
  status: string | null;
  bookingId: string | null;
  hidden: boolean;
};

/** What each target is now, by `type:id`: a listing's title and status, a message's text, a structure's name. */
export async function selectTargetFacts(db: Database, targets: Array<{ targetType: string; targetId: string }>) {
  const idsOf = (type: ReportTarget) => [
    ...new Set(targets.filter((t) => t.targetType === type).map((t) => t.targetId)),
  ];
  const facts = new Map<string, TargetFacts>();
  const itemIds = idsOf('item');
  const serviceIds = idsOf('service');
  const messageIds = idsOf('message');
  const organisationIds = idsOf('organisation');
  for (const [type, table, ids] of [
    ['item', items, itemIds],
    ['service', services, serviceIds],
  ] as const) {
    if (ids.length === 0) continue;
    const rows = await db
      .select({
        id: table.id,
        title: table.title,
        excerpt: sql<string>`left(${table.description}, 300)`,
        status: table.status,
      })
      .from(table)
      .where(inArray(table.id, ids));
    for (const row of rows) {
      facts.set(`${type}:${row.id}`, {
        title: row.title,
        excerpt: row.excerpt,
        status: row.status,
        bookingId: null,
        hidden: row.status === 'hidden',
      });
    }
  }
  if (messageIds.length > 0) {
    const rows = await db
      .select({
        id: bookingMessages.id,
        excerpt: sql<string>`left(${bookingMessages.body}, 300)`,
        bookingId: bookingMessages.bookingId,
        hiddenAt: bookingMessages.hiddenAt,
      })
      .from(bookingMessages)
      .where(inArray(bookingMessages.id, messageIds));
    for (const row of rows) {
      facts.set(`message:${row.id}`, {
        title: null,
        excerpt: row.excerpt,
        status: null,
        bookingId: row.bookingId,
        hidden: row.hiddenAt !== null,
      });
    }
  }
  if (organisationIds.length > 0) {
    const rows = await db
      .select({ id: organisations.id, name: organisations.name, status: organisations.status })
      .from(organisations)
      .where(inArray(organisations.id, organisationIds));
    for (const row of rows) {
      facts.set(`organisation:${row.id}`, {
        title: row.name,
        excerpt: null,
        status: row.status,
        bookingId: null,
        hidden: false,
      });
    }
  }
  return facts;
}

/** Compare-and-set: only an open report is resolved, so two moderators at once resolve it once. */
export async function resolveOpenReport(
  db: Database,
  reportId: string,
  resolution: { resolvedBy: string; outcome: string; resolutionNote: string },
) {
  const [row] = await db
    .update(reports)
    .set({ ...resolution, resolvedAt: sql`now()` })
    .where(and(eq(reports.id, reportId), isNull(reports.resolvedAt)))
    .returning({ reporterId: reports.reporterId });
  return row;
}

export async function selectReportCore(db: Database, reportId: string) {
  const [row] = await db
    .select({
      targetType: reports.targetType,
      targetId: reports.targetId,
      organisationId: reports.organisationId,
      resolvedAt: reports.resolvedAt,
    })
    .from(reports)
    .where(eq(reports.id, reportId));
  return row;
}

/** Hides a message for both sides; false when it was hidden already. */
export async function hideMessage(db: Database, messageId: string) {
  const [row] = await db
    .update(bookingMessages)
    .set({ hiddenAt: sql`now()` })
    .where(and(eq(bookingMessages.id, messageId), isNull(bookingMessages.hiddenAt)))
    .returning({ id: bookingMessages.id });
  return Boolean(row);
}

/** How a structure stands with these networks' moderation: open reports about it, its hidden listings. */
export async function selectStanding(db: Database, organisationId: string, networkIds: string[]) {
  const [open] = await db
    .select({ total: count() })
    .from(reports)
    .where(
      and(
        eq(reports.organisationId, organisationId),
        isNull(reports.resolvedAt),
        arrayOverlaps(reports.networkIds, networkIds),
      ),
    );
  const [hidden] = await db
    .select({
      total: sql<number>`(select count(*) from ${items} where ${items.organisationId} = ${organisationId} and ${items.status} = 'hidden')::int + (select count(*) from ${services} where ${services.organisationId} = ${organisationId} and ${services.status} = 'hidden')::int`,
    })
    .from(organisations)
    .where(eq(organisations.id, organisationId));
  return { openReports: open?.total ?? 0, hiddenListings: hidden?.total ?? 0 };
}
