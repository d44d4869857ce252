import { sql } from 'drizzle-orm';
import { check, index, pgTable, text, timestamp, uniqueIndex, uuid } from 'drizzle-orm/pg-core';
import { reportOutcomes, reportReasons, reportTargets } from '../../domain/reports.ts';
import { organisations } from './organisations.ts';
import { users } from './users.ts';

const literals = (codes: readonly string[]) => sql.raw(codes.map((code) => `'${code}'`).join(', '));

/**
 * A member's report of a listing, a message or a structure. `organisation_id` is the structure
 * the report is about (the listing's owner, the message's author structure, the structure
 * itself); `network_ids` the networks whose moderators handle it, fixed when it is made.
 */
export const reports = pgTable(
  'reports',
  {
    id: uuid('id').primaryKey().defaultRandom(),
    targetType: text('target_type').notNull(),
    targetId: uuid('target_id').notNull(),
    organisationId: uuid('organisation_id')
      .notNull()
      .references(() => organisations.id, { onDelete: 'cascade' }),
    networkIds: uuid('network_ids').array().notNull(),
    reporterId: uuid('reporter_id').references(() => users.id, { onDelete: 'set null' }),
    reporterOrganisationId: uuid('reporter_organisation_id').references(() => organisations.id, {
      onDelete: 'set null',
    }),
    reasonCode: text('reason_code').notNull(),
    /** What the reporter wrote, as typed. */
    text: text('text').notNull().default(''),
    createdAt: timestamp('created_at', { withTimezone: true }).notNull().defaultNow(),
    resolvedAt: timestamp('resolved_at', { withTimezone: true }),
    resolvedBy: uuid('resolved_by').references(() => users.id, { onDelete: 'set null' }),
    outcome: text('outcome'),
    /** What the resolver wrote of what they did, as typed. */
    resolutionNote: text('resolution_note'),
  },
  (table) => [
    index('reports_networks_idx').using('gin', table.networkIds),
    index('reports_open_idx')
      .on(table.createdAt)
      .where(sql`${table.resolvedAt} is null`),
    // One open report per person and thing: a second click does not file a second report.
    uniqueIndex('reports_one_open_per_reporter')
      .on(table.reporterId, table.targetType, table.targetId)
      .where(sql`${table.resolvedAt} is null`),
    check('reports_target_type', sql`${table.targetType} in (${literals(reportTargets)})`),
    check('reports_reason_code', sql`${table.reasonCode} in (${literals(reportReasons)})`),
    check('reports_outcome', sql`${table.outcome} is null or ${table.outcome} in (${literals(reportOutcomes)})`),
    check('reports_resolved_together', sql`(${table.resolvedAt} is null) = (${table.outcome} is null)`),
    check('reports_has_networks', sql`cardinality(${table.networkIds}) >= 1`),
    check('reports_text_length', sql`length(${table.text}) <= 2000`),
  ],
);
