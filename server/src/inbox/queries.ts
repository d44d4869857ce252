import { and, eq, inArray, sql, type SQL } from 'drizzle-orm';
import type { Database } from '../db/client.ts';
import { rowsOf } from '../db/client.ts';
import { bookingEvents, bookingLines, bookings } from '../db/schema/bookings.ts';
import { events } from '../db/schema/events.ts';
import { loanFollowUps } from '../db/schema/follow-ups.ts';
import { items } from '../db/schema/items.ts';
import { memberships } from '../db/schema/memberships.ts';
import { networks } from '../db/schema/networks.ts';
import { notifications } from '../db/schema/notifications.ts';
import { organisationNetworks, organisations } from '../db/schema/organisations.ts';
import { reports } from '../db/schema/reports.ts';
import { services } from '../db/schema/services.ts';
import { users } from '../db/schema/users.ts';
import type { FollowUpReason } from '../domain/follow-ups.ts';
import type { InboxKind } from './schemas.ts';

/** The networks whose inbox is read, and those of them where the caller also sees structures and emails. */
export type InboxScope = {
  networkIds: string[];
  /** Admins' networks: structures pending approval. */
  organisationNetworkIds: string[];
  /** Admins' networks: emails that failed. */
  emailNetworkIds: string[];
  kind?: InboxKind;
  /** Paris calendar day, for overdue loans. */
  today: string;
  now: Date;
};

/** Where the list resumes: after this entry, in (since, kind, reason, id) order. */
export type InboxAfter = { since: string; kind: string; reason: string; id: string };

const uuids = (ids: string[]) => sql`${`{${ids.join(',')}}`}::uuid[]`;

/**
 * What waits for a human in these networks, one row per entry: a UNION of one branch per kind,
 * each with its start of waiting and the networks (among the scope) it waits in. Loans are one
 * entry per reason, in the networks that have not yet handled it for that reason.
 */
function waitingEntries(scope: InboxScope): SQL {
  const branches: SQL[] = [];
  const wants = (kind: InboxKind) => !scope.kind || scope.kind === kind;
  if (wants('organisation') && scope.organisationNetworkIds.length > 0) {
    branches.push(sql`select 'organisation'::text as kind, ''::text as reason, o.created_at as since, o.id::text as id,
        array_agg(onw.network_id order by onw.network_id) as network_ids
      from ${organisations} o join ${organisationNetworks} onw on onw.organisation_id = o.id
      where o.status = 'pending' and onw.network_id = any(${uuids(scope.organisationNetworkIds)})
      group by o.id`);
  }
  if (wants('listing') && scope.networkIds.length > 0) {
    for (const table of [items, services]) {
      branches.push(sql`select 'listing'::text as kind, ''::text as reason, l.updated_at as since, l.id::text as id,
          array_agg(onw.network_id order by onw.network_id) as network_ids
        from ${table} l join ${organisationNetworks} onw on onw.organisation_id = l.organisation_id
        where l.status = 'pending_review' and onw.network_id = any(${uuids(scope.networkIds)})
        group by l.id`);
    }
  }
  if (wants('report') && scope.networkIds.length > 0) {
    branches.push(sql`select 'report'::text as kind, ''::text as reason, r.created_at as since, r.id::text as id,
        array(select unnest(r.network_ids) intersect select unnest(${uuids(scope.networkIds)}) order by 1) as network_ids
      from ${reports} r
      where r.resolved_at is null and r.network_ids && ${uuids(scope.networkIds)}`);
  }
  if (wants('loan') && scope.networkIds.length > 0) branches.push(loansNeedingAHuman(scope));
  if (wants('email') && scope.emailNetworkIds.length > 0) {
    branches.push(sql`select 'email'::text as kind, ''::text as reason, nt.created_at as since, nt.id::text as id,
        array_agg(n.id order by n.id) as network_ids
      from ${notifications} nt join ${events} e on e.id = nt.event_id
        join ${networks} n on n.id = any(${uuids(scope.emailNetworkIds)})
      where nt.channel = 'email' and nt.status = 'failed' and ${emailInScopeOf(sql`n.id`)}
      group by nt.id`);
  }
  if (branches.length === 0) {
    return sql`select null::text as kind, null::text as reason, null::timestamptz as since, null::text as id, null::uuid[] as network_ids where false`;
  }
  return sql.join(branches, sql` union all `);
}

/**
 * Loans that need a human, per reason: a request expiring within 24 hours unanswered, an item
 * overdue by more than the network's days (Paris days), an item returned damaged or incomplete,
 * an accepted or picked-up loan one of whose structures, or the person who asked, is suspended.
 */
function loansNeedingAHuman(scope: InboxScope): SQL {
  const now = scope.now.toISOString();
  const reasons: Array<{ reason: FollowUpReason; when: SQL; since: SQL }> = [
    {
      reason: 'unanswered',
      when: sql`b.status = 'requested' and b.expires_at > ${now}::timestamptz and b.expires_at <= ${now}::timestamptz + interval '24 hours'`,
      since: sql`greatest(b.created_at, b.expires_at - interval '24 hours')`,
    },
    {
      reason: 'overdue',
      when: sql`b.status = 'picked_up' and b.end_date + n.overdue_days_before_inbox < ${scope.today}::date`,
      since: sql`((b.end_date + n.overdue_days_before_inbox + 1)::timestamp at time zone 'Europe/Paris')`,
    },
    {
      reason: 'returned_damaged',
      when: sql`b.return_condition in ('damaged', 'incomplete')`,
      since: sql`coalesce((select max(be.created_at) from ${bookingEvents} be where be.booking_id = b.id and be.action = 'return'), b.updated_at)`,
    },
    {
      reason: 'party_suspended',
      when: sql`b.status in ('accepted', 'picked_up') and (lo.status = 'suspended' or bo.status = 'suspended' or u.suspended_at is not null)`,
      since: sql`least(u.suspended_at, case when lo.status = 'suspended' then lo.updated_at end, case when bo.status = 'suspended' then bo.updated_at end)`,
    },
  ];
  return sql.join(
    reasons.map(
      ({
        reason,
        when,
        since,
      }) => sql`select 'loan'::text as kind, ${reason}::text as reason, min(${since}) as since, b.id::text as id,
        array_agg(distinct n.id) as network_ids
      from ${bookings} b
        join ${organisations} lo on lo.id = b.lender_organisation_id
        join ${organisations} bo on bo.id = b.borrower_organisation_id
        left join ${users} u on u.id = b.requested_by
        join ${organisationNetworks} onw
          on onw.organisation_id in (b.lender_organisation_id, b.borrower_organisation_id)
          and onw.network_id = any(${uuids(scope.networkIds)})
        join ${networks} n on n.id = onw.network_id
      where ${when}
        and not exists (select 1 from ${loanFollowUps} f
          where f.booking_id = b.id and f.network_id = n.id and f.reason = ${reason})
      group by b.id`,
    ),
    sql` union all `,
  );
}

/**
 * The emails network `networkId`'s admins read (notifications/admin-emails.ts, inAdminScope):
 * about its structures and their loans, and a person's own emails while they belong to one.
 */
function emailInScopeOf(networkId: SQL): SQL {
  const structures = sql`(select onw2.organisation_id from ${organisationNetworks} onw2 where onw2.network_id = ${networkId})`;
  const memberOfThem = (activeOnly: boolean) =>
    sql`exists (select 1 from ${memberships} m where m.user_id = nt.recipient_id and m.organisation_id in ${structures}${activeOnly ? sql` and m.status = 'active'` : sql``})`;
  return sql`(e.organisation_id in ${structures}
    or exists (select 1 from ${bookings} eb where eb.id = e.booking_id
      and (eb.lender_organisation_id in ${structures} or eb.borrower_organisation_id in ${structures}))
    or (e.booking_id is null and e.organisation_id is null and e.type like 'account.%' and ${memberOfThem(false)})
    or (e.booking_id is null and e.organisation_id is null and e.type not like 'account.%' and ${memberOfThem(true)}))`;
}

export type InboxRow = {
  kind: InboxKind;
  reason: string;
  since: Date | string;
  since_key: string;
  id: string;
  network_ids: string[] | string;
};

/** One page of the inbox, oldest first. */
export async function selectInboxPage(db: Database, scope: InboxScope, after: InboxAfter | undefined, limit: number) {
  const resume = after
    ? sql`where (since, kind, reason, id) > (${after.since}::timestamptz, ${after.kind}, ${after.reason}, ${after.id})`
    : sql``;
  return rowsOf<InboxRow>(
    await db.execute(sql`select kind, reason, since,
        to_char(since at time zone 'UTC', 'YYYY-MM-DD"T"HH24:MI:SS.US"Z"') as since_key, id, network_ids::text[] as network_ids
      from (${waitingEntries(scope)}) entries
      ${resume}
      order by since, kind, reason, id
      limit ${limit}`),
  );
}

/** How many entries wait, by kind: one statement. */
export async function countInbox(db: Database, scope: InboxScope) {
  const rows = rowsOf<{ kind: InboxKind; count: number }>(
    await db.execute(sql`select kind, count(*)::int as count from (${waitingEntries(scope)}) entries group by kind`),
  );
  return Object.fromEntries(rows.map((row) => [row.kind, Number(row.count)])) as Partial<Record<InboxKind, number>>;
}

export async function selectNetworkNames(db: Database, ids: string[]) {
  if (ids.length === 0) return [];
  return db.select({ id: networks.id, name: networks.name }).from(networks).where(inArray(networks.id, ids));
}

export async function selectOrganisationContexts(db: Database, ids: string[]) {
  if (ids.length === 0) return [];
  return db
    .select({ id: organisations.id, name: organisations.name, city: organisations.city, kind: organisations.kind })
    .from(organisations)
    .where(inArray(organisations.id, ids));
}

export async function selectListingContexts(db: Database, ids: string[]) {
  if (ids.length === 0) return [];
  const columns = (table: typeof items | typeof services) => ({
    id: table.id,
    title: table.title,
    organisationId: organisations.id,
    organisationName: organisations.name,
  });
  const [itemRows, serviceRows] = await Promise.all([
    db
      .select(columns(items))
      .from(items)
      .innerJoin(organisations, eq(organisations.id, items.organisationId))
      .where(inArray(items.id, ids)),
    db
      .select(columns(services))
      .from(services)
      .innerJoin(organisations, eq(organisations.id, services.organisationId))
      .where(inArray(services.id, ids)),
  ]);
  return [
    ...itemRows.map((row) => ({ ...row, type: 'item' as const })),
    ...serviceRows.map((row) => ({ ...row, type: 'service' as const })),
  ];
}

export async function selectReportContexts(db: Database, ids: string[]) {
  if (ids.length === 0) return [];
  return db
    .select({
      id: reports.id,
      targetType: reports.targetType,
      targetId: reports.targetId,
      reasonCode: reports.reasonCode,
      text: reports.text,
      organisationId: organisations.id,
      organisationName: organisations.name,
      // What is reported, named as the moderator will recognise it.
      targetLabel: sql<string | null>`case ${reports.targetType}
        when 'item' then (select reported_item.title from items reported_item where reported_item.id = ${reports.targetId})
        when 'service' then (select reported_service.title from services reported_service where reported_service.id = ${reports.targetId})
        when 'message' then (select left(reported_message.body, 80) from booking_messages reported_message where reported_message.id = ${reports.targetId})
        else ${organisations.name} end`,
    })
    .from(reports)
    .innerJoin(organisations, eq(organisations.id, reports.organisationId))
    .where(inArray(reports.id, ids));
}

export async function selectLoanContexts(db: Database, ids: string[]) {
  if (ids.length === 0) return { loans: [], lines: [] };
  const lender = sql<string>`(select name from ${organisations} where id = ${bookings.lenderOrganisationId})`;
  const borrower = sql<string>`(select name from ${organisations} where id = ${bookings.borrowerOrganisationId})`;
  const [loans, lines] = await Promise.all([
    db
      .select({
        id: bookings.id,
        kind: bookings.kind,
        status: bookings.status,
        lenderId: bookings.lenderOrganisationId,
        lenderName: lender,
        borrowerId: bookings.borrowerOrganisationId,
        borrowerName: borrower,
        startDate: bookings.startDate,
        endDate: bookings.endDate,
        startsAt: bookings.startsAt,
        endsAt: bookings.endsAt,
        expiresAt: bookings.expiresAt,
        returnCondition: bookings.returnCondition,
        incidentNote: bookings.incidentNote,
        serviceTitle: services.title,
        requesterName: users.name,
      })
      .from(bookings)
      .leftJoin(services, eq(services.id, bookings.serviceId))
      .leftJoin(users, eq(users.id, bookings.requestedBy))
      .where(inArray(bookings.id, ids)),
    db
      .select({ bookingId: bookingLines.bookingId, title: items.title, quantity: bookingLines.quantity })
      .from(bookingLines)
      .innerJoin(items, eq(items.id, bookingLines.itemId))
      .where(inArray(bookingLines.bookingId, ids))
      .orderBy(items.title),
  ]);
  return { loans, lines };
}

export async function selectEmailContexts(db: Database, ids: number[]) {
  if (ids.length === 0) return [];
  return db
    .select({
      id: notifications.id,
      kind: notifications.kind,
      to: notifications.toAddress,
      subject: notifications.subject,
      lastError: notifications.lastError,
      attempts: notifications.attempts,
    })
    .from(notifications)
    .where(inArray(notifications.id, ids));
}

/** The networks among `networkIds` that see this loan: those of its lender's or borrower's structure. */
export async function selectLoanNetworks(db: Database, bookingId: string, networkIds: string[]): Promise<string[]> {
  if (networkIds.length === 0) return [];
  const rows = await db
    .selectDistinct({ networkId: organisationNetworks.networkId })
    .from(bookings)
    .innerJoin(
      organisationNetworks,
      sql`${organisationNetworks.organisationId} in (${bookings.lenderOrganisationId}, ${bookings.borrowerOrganisationId})`,
    )
    .where(and(eq(bookings.id, bookingId), inArray(organisationNetworks.networkId, networkIds)));
  return rows.map((row) => row.networkId).sort();
}

/** Marks the loan handled for `reason` in these networks (again: the newer note and instant win). */
export async function upsertFollowUps(
  db: Database,
  followUp: { bookingId: string; networkIds: string[]; reason: FollowUpReason; handledBy: string; note: string },
) {
  return db
    .insert(loanFollowUps)
    .values(
      followUp.networkIds.map((networkId) => ({
        bookingId: followUp.bookingId,
        networkId,
        reason: followUp.reason,
        handledBy: followUp.handledBy,
        note: followUp.note,
      })),
    )
    .onConflictDoUpdate({
      target: [loanFollowUps.bookingId, loanFollowUps.networkId, loanFollowUps.reason],
      set: { handledBy: followUp.handledBy, note: followUp.note, handledAt: sql`now()` },
    })
    .returning({ handledAt: loanFollowUps.handledAt });
}
