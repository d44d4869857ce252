import { and, asc, eq, inArray, or, sql } from 'drizzle-orm';
import { alias } from 'drizzle-orm/pg-core';
import type { Database } from '../db/client.ts';
import { auditEntries } from '../db/schema/audit.ts';
import { bookingEvents, bookingGroups, bookingLines, bookingMessages, bookings } from '../db/schema/bookings.ts';
import { events } from '../db/schema/events.ts';
import { items } from '../db/schema/items.ts';
import { memberships, networkRoles } from '../db/schema/memberships.ts';
import { charterReadings, networks } from '../db/schema/networks.ts';
import { needResponses } from '../db/schema/needs.ts';
import { notificationPreferences, notifications } from '../db/schema/notifications.ts';
import { organisations } from '../db/schema/organisations.ts';
import { reports } from '../db/schema/reports.ts';
import { services } from '../db/schema/services.ts';
import { sessions, users } from '../db/schema/users.ts';

/**
 * The person's own rows, table by table, for « Mes données ». Every query is keyed on their id
 * (or their own address); other people's columns are never selected.
 */
const lender = alias(organisations, 'lender');
const borrower = alias(organisations, 'borrower');

export async function selectProfile(db: Database, userId: string) {
  const [row] = await db
    .select({
      id: users.id,
      name: users.name,
      email: users.email,
      locale: users.locale,
      createdAt: users.createdAt,
      lastLoginAt: users.lastLoginAt,
      emailVerifiedAt: users.emailVerifiedAt,
      emailUndeliverableAt: users.emailUndeliverableAt,
      suspendedAt: users.suspendedAt,
      suspensionReason: users.suspensionReason,
      deletionRequestedAt: users.deletionRequestedAt,
      eraseAfter: users.eraseAfter,
    })
    .from(users)
    .where(eq(users.id, userId));
  return row;
}

export function selectSessionsOf(db: Database, userId: string) {
  return db
    .select({
      createdAt: sessions.createdAt,
      lastSeenAt: sessions.lastSeenAt,
      expiresAt: sessions.expiresAt,
      userAgent: sessions.userAgent,
      ipAddress: sessions.ipAddress,
    })
    .from(sessions)
    .where(eq(sessions.userId, userId))
    .orderBy(asc(sessions.createdAt));
}

export function selectMembershipsOf(db: Database, userId: string) {
  return db
    .select({
      organisation: { id: organisations.id, name: organisations.name },
      role: memberships.role,
      status: memberships.status,
      createdAt: memberships.createdAt,
    })
    .from(memberships)
    .innerJoin(organisations, eq(organisations.id, memberships.organisationId))
    .where(eq(memberships.userId, userId))
    .orderBy(asc(memberships.createdAt));
}

export function selectNetworkRolesOf(db: Database, userId: string) {
  return db
    .select({
      network: { id: networks.id, name: networks.name },
      role: networkRoles.role,
      createdAt: networkRoles.createdAt,
    })
    .from(networkRoles)
    .innerJoin(networks, eq(networks.id, networkRoles.networkId))
    .where(eq(networkRoles.userId, userId))
    .orderBy(asc(networkRoles.createdAt));
}

/** The requests the person made, with both structures, what was asked and their own message (not the lender's answer). */
export function selectRequestsOf(db: Database, userId: string) {
  return db
    .select({
      id: bookings.id,
      kind: bookings.kind,
      status: bookings.status,
      basketId: bookings.groupId,
      lender: { id: lender.id, name: lender.name },
      borrower: { id: borrower.id, name: borrower.name },
      service: sql<{
        id: string;
        title: string;
      } | null>`case when ${services.id} is null then null else json_build_object('id', ${services.id}, 'title', ${services.title}) end`,
      startDate: bookings.startDate,
      endDate: bookings.endDate,
      startsAt: bookings.startsAt,
      endsAt: bookings.endsAt,
      message: bookings.message,
      createdAt: bookings.createdAt,
    })
    .from(bookings)
    .innerJoin(lender, eq(lender.id, bookings.lenderOrganisationId))
    .innerJoin(borrower, eq(borrower.id, bookings.borrowerOrganisationId))
    .leftJoin(services, eq(services.id, bookings.serviceId))
    .where(eq(bookings.requestedBy, userId))
    .orderBy(asc(bookings.createdAt));
}

export function selectLinesOf(db: Database, bookingIds: string[]) {
  if (bookingIds.length === 0) return Promise.resolve([]);
  return db
    .select({
      bookingId: bookingLines.bookingId,
      itemId: bookingLines.itemId,
      title: items.title,
      quantity: bookingLines.quantity,
    })
    .from(bookingLines)
    .innerJoin(items, eq(items.id, bookingLines.itemId))
    .where(inArray(bookingLines.bookingId, bookingIds))
    .orderBy(asc(items.title));
}

export function selectBasketsOf(db: Database, userId: string) {
  return db
    .select({
      id: bookingGroups.id,
      borrower: { id: organisations.id, name: organisations.name },
      startDate: bookingGroups.startDate,
      endDate: bookingGroups.endDate,
      createdAt: bookingGroups.createdAt,
    })
    .from(bookingGroups)
    .innerJoin(organisations, eq(organisations.id, bookingGroups.borrowerOrganisationId))
    .where(eq(bookingGroups.requestedBy, userId))
    .orderBy(asc(bookingGroups.createdAt));
}

export function selectStepsOf(db: Database, userId: string) {
  return db
    .select({
      bookingId: bookingEvents.bookingId,
      action: bookingEvents.action,
      toStatus: bookingEvents.toStatus,
      note: bookingEvents.note,
      at: bookingEvents.createdAt,
    })
    .from(bookingEvents)
    .where(eq(bookingEvents.actorId, userId))
    .orderBy(asc(bookingEvents.id));
}

/** Only the messages they wrote: the other side's are the other side's data. */
export function selectMessagesOf(db: Database, userId: string) {
  return db
    .select({
      id: bookingMessages.id,
      bookingId: bookingMessages.bookingId,
      organisation: { id: organisations.id, name: organisations.name },
      body: bookingMessages.body,
      createdAt: bookingMessages.createdAt,
      hiddenAt: bookingMessages.hiddenAt,
    })
    .from(bookingMessages)
    .innerJoin(organisations, eq(organisations.id, bookingMessages.authorOrganisationId))
    .where(eq(bookingMessages.authorId, userId))
    .orderBy(asc(bookingMessages.createdAt));
}

export function selectNeedResponsesOf(db: Database, userId: string) {
  return db
    .select({
      id: needResponses.id,
      needId: needResponses.needId,
      organisation: { id: organisations.id, name: organisations.name },
      message: needResponses.message,
      createdAt: needResponses.createdAt,
    })
    .from(needResponses)
    .innerJoin(organisations, eq(organisations.id, needResponses.organisationId))
    .where(eq(needResponses.authorId, userId))
    .orderBy(asc(needResponses.createdAt));
}

/** In-app and email rows addressed to them (by account or by address), with their event's codes; never the rendered text. */
export function selectNotificationsOf(db: Database, userId: string, email: string) {
  return db
    .select({
      kind: notifications.kind,
      channel: notifications.channel,
      params: events.params,
      toAddress: notifications.toAddress,
      status: notifications.status,
      createdAt: notifications.createdAt,
      readAt: notifications.readAt,
      sentAt: notifications.sentAt,
    })
    .from(notifications)
    .innerJoin(events, eq(events.id, notifications.eventId))
    .where(or(eq(notifications.recipientId, userId), eq(sql`lower(${notifications.toAddress})`, email.toLowerCase())))
    .orderBy(asc(notifications.id));
}

export function selectPreferencesOf(db: Database, userId: string) {
  return db
    .select({
      kind: notificationPreferences.kind,
      email: notificationPreferences.email,
      updatedAt: notificationPreferences.updatedAt,
    })
    .from(notificationPreferences)
    .where(eq(notificationPreferences.userId, userId))
    .orderBy(asc(notificationPreferences.kind));
}

export function selectReportsOf(db: Database, userId: string) {
  return db
    .select({
      id: reports.id,
      targetType: reports.targetType,
      targetId: reports.targetId,
      about: { id: organisations.id, name: organisations.name },
      reasonCode: reports.reasonCode,
      text: reports.text,
      createdAt: reports.createdAt,
      resolvedAt: reports.resolvedAt,
      outcome: reports.outcome,
    })
    .from(reports)
    .innerJoin(organisations, eq(organisations.id, reports.organisationId))
    .where(eq(reports.reporterId, userId))
    .orderBy(asc(reports.createdAt));
}

export function selectCharterReadingsOf(db: Database, userId: string) {
  return db
    .select({
      network: { id: networks.id, name: networks.name },
      version: charterReadings.version,
      readAt: charterReadings.readAt,
    })
    .from(charterReadings)
    .innerJoin(networks, eq(networks.id, charterReadings.networkId))
    .where(eq(charterReadings.userId, userId))
    .orderBy(asc(charterReadings.readAt));
}

/** Entries where they acted, or whose target is them (as a person or as a member). Names are not looked up: ids only. */
export function selectAuditOf(db: Database, userId: string) {
  return db
    .select({
      at: auditEntries.at,
      action: auditEntries.action,
      actorId: auditEntries.actorId,
      targetType: auditEntries.targetType,
      targetId: auditEntries.targetId,
      organisation: sql<{
        id: string;
        name: string;
      } | null>`case when ${organisations.id} is null then null else json_build_object('id', ${organisations.id}, 'name', ${organisations.name}) end`,
      before: auditEntries.before,
      after: auditEntries.after,
      note: auditEntries.note,
    })
    .from(auditEntries)
    .leftJoin(organisations, eq(organisations.id, auditEntries.organisationId))
    .where(
      or(
        eq(auditEntries.actorId, userId),
        and(inArray(auditEntries.targetType, ['user', 'membership']), eq(auditEntries.targetId, userId)),
      ),
    )
    .orderBy(asc(auditEntries.id));
}
