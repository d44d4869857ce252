import { sql } from 'drizzle-orm';
import {
  bigserial,
  check,
  date,
  foreignKey,
  index,
  integer,
  pgEnum,
  pgTable,
  primaryKey,
  text,
  timestamp,
  unique,
  uuid,
} from 'drizzle-orm/pg-core';
import { bookingActions, bookingStatuses } from '../../domain/booking-lifecycle.ts';
import { declineCodes } from '../../domain/notifications.ts';
import { items } from './items.ts';
import { organisations } from './organisations.ts';
import { services } from './services.ts';
import { users } from './users.ts';

export const bookingStatusEnum = pgEnum('booking_status', bookingStatuses);
export const bookingKindEnum = pgEnum('booking_kind', ['item', 'service']);
export const bookingPartyEnum = pgEnum('booking_party', ['lender', 'borrower', 'system']);
export const bookingActionEnum = pgEnum('booking_action', ['request', ...bookingActions]);
/** The state an item comes back in (retour). */
export const returnConditionEnum = pgEnum('return_condition', ['as_lent', 'worn', 'damaged', 'incomplete']);

/** The codes as SQL literals, for the check (they are ours, not input). */
const declineCodeList = sql.raw(declineCodes.map((code) => `'${code}'`).join(', '));

/** One « panier »: the same dates, several items from several lenders, asked for at once. */
export const bookingGroups = pgTable('booking_groups', {
  id: uuid('id').primaryKey().defaultRandom(),
  borrowerOrganisationId: uuid('borrower_organisation_id')
    .notNull()
    .references(() => organisations.id, { onDelete: 'no action' }),
  requestedBy: uuid('requested_by').references(() => users.id, { onDelete: 'set null' }),
  startDate: date('start_date', { mode: 'string' }).notNull(),
  endDate: date('end_date', { mode: 'string' }).notNull(),
  createdAt: timestamp('created_at', { withTimezone: true }).notNull().defaultNow(),
});

/**
 * A request from one structure (borrower) to another (lender): items by Paris calendar days
 * (its lines), or a service by time slot. Its status moves only through domain/booking-lifecycle.ts.
 * A loan is history: its structures, basket, item or service cannot be deleted under it
 * (no action or restrict: refused; a listing with loans is archived instead), while a person
 * who acted on it may go (set null), so erasing an account anonymises the loan rather than
 * removing it. No action, not restrict, for the structures: both engines then refuse with
 * foreign_key_violation (PGlite says restrict_violation for restrict, PostgreSQL 15 does not).
 */
export const bookings = pgTable(
  'bookings',
  {
    id: uuid('id').primaryKey().defaultRandom(),
    groupId: uuid('group_id').references(() => bookingGroups.id, { onDelete: 'no action' }),
    kind: bookingKindEnum('kind').notNull(),
    serviceId: uuid('service_id').references(() => services.id, { onDelete: 'restrict' }),
    lenderOrganisationId: uuid('lender_organisation_id')
      .notNull()
      .references(() => organisations.id, { onDelete: 'no action' }),
    borrowerOrganisationId: uuid('borrower_organisation_id')
      .notNull()
      .references(() => organisations.id, { onDelete: 'no action' }),
    requestedBy: uuid('requested_by').references(() => users.id, { onDelete: 'set null' }),
    status: bookingStatusEnum('status').notNull().default('requested'),
    /** Items: first and last day of the loan, Europe/Paris, both included. */
    startDate: date('start_date', { mode: 'string' }),
    endDate: date('end_date', { mode: 'string' }),
    /** Services: the time slot. */
    startsAt: timestamp('starts_at', { withTimezone: true }),
    endsAt: timestamp('ends_at', { withTimezone: true }),
    message: text('message').notNull().default(''),
    /** The lender's word when accepting or declining, as typed. */
    answer: text('answer'),
    /** Declined by the platform, not a person: why, as a code the reader's language phrases. */
    declineCode: text('decline_code'),
    cancelReason: text('cancel_reason'),
    returnCondition: returnConditionEnum('return_condition'),
    incidentNote: text('incident_note'),
    feedback: text('feedback'),
    /** A request not answered by then expires. */
    expiresAt: timestamp('expires_at', { withTimezone: true }),
    /** Bumped on every change: the SEQUENCE of the booking's iCal event. */
    revision: integer('revision').notNull().default(0),
    createdAt: timestamp('created_at', { withTimezone: true }).notNull().defaultNow(),
    updatedAt: timestamp('updated_at', { withTimezone: true }).notNull().defaultNow(),
  },
  (table) => [
    unique('bookings_id_lender_key').on(table.id, table.lenderOrganisationId),
    index('bookings_lender_idx').on(table.lenderOrganisationId, table.status, table.startDate),
    index('bookings_borrower_idx').on(table.borrowerOrganisationId, table.status, table.startDate),
    index('bookings_group_idx').on(table.groupId),
    index('bookings_service_idx').on(table.serviceId),
    // A person's suspension declines the requests they made; erasure finds their traces.
    index('bookings_requested_by_idx').on(table.requestedBy),
    // The moderation inbox: loans out past their last day.
    index('bookings_out_idx')
      .on(table.endDate)
      .where(sql`${table.status} in ('accepted', 'picked_up')`),
    index('bookings_expiring_idx')
      .on(table.expiresAt)
      .where(sql`${table.status} = 'requested'`),
    check('bookings_two_parties', sql`${table.lenderOrganisationId} <> ${table.borrowerOrganisationId}`),
    check(
      'bookings_kind_fields',
      sql`case ${table.kind}
        when 'item' then ${table.startDate} is not null and ${table.endDate} >= ${table.startDate} and ${table.serviceId} is null and ${table.startsAt} is null and ${table.endsAt} is null
        else ${table.serviceId} is not null and ${table.endsAt} > ${table.startsAt} and ${table.startDate} is null and ${table.endDate} is null end`,
    ),
    check(
      'bookings_decline_code',
      sql`${table.declineCode} is null or (${table.status} = 'declined' and ${table.declineCode} in (${declineCodeList}))`,
    ),
    check(
      'bookings_kind_statuses',
      sql`(${table.kind} = 'item' and ${table.status} <> 'done') or (${table.kind} = 'service' and ${table.status} not in ('picked_up', 'returned'))`,
    ),
  ],
);

/** An item, and how many of its units, in a request. The item is always the lender's own. */
export const bookingLines = pgTable(
  'booking_lines',
  {
    id: uuid('id').primaryKey().defaultRandom(),
    bookingId: uuid('booking_id').notNull(),
    lenderOrganisationId: uuid('lender_organisation_id').notNull(),
    itemId: uuid('item_id').notNull(),
    quantity: integer('quantity').notNull(),
  },
  (table) => [
    foreignKey({
      name: 'booking_lines_booking_fk',
      columns: [table.bookingId, table.lenderOrganisationId],
      foreignColumns: [bookings.id, bookings.lenderOrganisationId],
    }).onDelete('cascade'),
    foreignKey({
      name: 'booking_lines_item_fk',
      columns: [table.itemId, table.lenderOrganisationId],
      foreignColumns: [items.id, items.organisationId],
    }).onDelete('restrict'),
    unique('booking_lines_item_once').on(table.bookingId, table.itemId),
    index('booking_lines_item_idx').on(table.itemId),
    check('booking_lines_quantity', sql`${table.quantity} between 1 and 10000`),
  ],
);

/**
 * The units an accepted or picked-up line holds, from its first day to the day after its last
 * day plus the item's buffer (`held_until` excluded); once returned, until the day after the
 * return plus the buffer, if that is sooner. The exclusion constraint of the bookings
 * migration forbids two holds of the same unit on overlapping days, and a trigger keeps
 * `unit_number` within the item's quantity: over-committing an item cannot be written.
 */
export const bookingUnits = pgTable(
  'booking_units',
  {
    lineId: uuid('line_id')
      .notNull()
      .references(() => bookingLines.id, { onDelete: 'cascade' }),
    itemId: uuid('item_id')
      .notNull()
      .references(() => items.id, { onDelete: 'restrict' }),
    unitNumber: integer('unit_number').notNull(),
    heldFrom: date('held_from', { mode: 'string' }).notNull(),
    heldUntil: date('held_until', { mode: 'string' }).notNull(),
  },
  (table) => [
    primaryKey({ name: 'booking_units_pkey', columns: [table.lineId, table.unitNumber] }),
    check('booking_units_unit_number', sql`${table.unitNumber} >= 1`),
    check('booking_units_order', sql`${table.heldUntil} > ${table.heldFrom}`),
  ],
);

/** Every change of a booking, with who and when: its history, and the events notifications read. */
export const bookingEvents = pgTable(
  'booking_events',
  {
    id: bigserial('id', { mode: 'number' }).primaryKey(),
    bookingId: uuid('booking_id')
      .notNull()
      .references(() => bookings.id, { onDelete: 'cascade' }),
    action: bookingActionEnum('action').notNull(),
    fromStatus: bookingStatusEnum('from_status'),
    toStatus: bookingStatusEnum('to_status').notNull(),
    party: bookingPartyEnum('party').notNull(),
    actorId: uuid('actor_id').references(() => users.id, { onDelete: 'set null' }),
    /** What the person typed with the step (a reason, a note), as typed. */
    note: text('note'),
    /** A step the platform took for a reason (a competing request accepted): its code. */
    reasonCode: text('reason_code'),
    createdAt: timestamp('created_at', { withTimezone: true }).notNull().defaultNow(),
  },
  (table) => [index('booking_events_booking_idx').on(table.bookingId, table.id)],
);

/** The conversation between borrower and lender on one request. */
export const bookingMessages = pgTable(
  'booking_messages',
  {
    id: uuid('id').primaryKey().defaultRandom(),
    bookingId: uuid('booking_id')
      .notNull()
      .references(() => bookings.id, { onDelete: 'cascade' }),
    authorId: uuid('author_id').references(() => users.id, { onDelete: 'set null' }),
    authorOrganisationId: uuid('author_organisation_id')
      .notNull()
      .references(() => organisations.id, { onDelete: 'no action' }),
    body: text('body').notNull(),
    createdAt: timestamp('created_at', { withTimezone: true }).notNull().defaultNow(),
    /** Hidden by a moderator after a report: the two sides then see that a message was removed. */
    hiddenAt: timestamp('hidden_at', { withTimezone: true }),
  },
  (table) => [
    index('booking_messages_booking_idx').on(table.bookingId, table.createdAt),
    check('booking_messages_body', sql`length(trim(${table.body})) between 1 and 4000`),
  ],
);

/** A structure's private iCal feed: whoever has the token URL reads its loans. Revoked by deleting or rotating. */
export const calendarFeeds = pgTable('calendar_feeds', {
  organisationId: uuid('organisation_id')
    .primaryKey()
    .references(() => organisations.id, { onDelete: 'cascade' }),
  token: text('token').notNull().unique('calendar_feeds_token_key'),
  createdBy: uuid('created_by').references(() => users.id, { onDelete: 'set null' }),
  createdAt: timestamp('created_at', { withTimezone: true }).notNull().defaultNow(),
});
