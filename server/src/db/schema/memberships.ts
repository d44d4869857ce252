import { index, pgEnum, pgTable, primaryKey, timestamp, uuid } from 'drizzle-orm/pg-core';
import { networks } from './networks.ts';
import { organisations } from './organisations.ts';
import { users } from './users.ts';

export const membershipRoleEnum = pgEnum('membership_role', ['member', 'manager']);
/** pending: the person asked to join; a manager of the structure accepts. */
export const membershipStatusEnum = pgEnum('membership_status', ['pending', 'active']);

/** A person acting for a structure. */
export const memberships = pgTable(
  'memberships',
  {
    userId: uuid('user_id')
      .notNull()
      .references(() => users.id, { onDelete: 'cascade' }),
    organisationId: uuid('organisation_id')
      .notNull()
      .references(() => organisations.id, { onDelete: 'cascade' }),
    role: membershipRoleEnum('role').notNull().default('member'),
    status: membershipStatusEnum('status').notNull().default('pending'),
    createdAt: timestamp('created_at', { withTimezone: true }).notNull().defaultNow(),
  },
  (table) => [
    primaryKey({ columns: [table.userId, table.organisationId] }),
    index('memberships_organisation_idx').on(table.organisationId),
  ],
);

export const networkRoleEnum = pgEnum('network_role', ['admin', 'moderator']);

/** A person who runs a network: admins approve structures, moderators handle listings and reports. */
export const networkRoles = pgTable(
  'network_roles',
  {
    userId: uuid('user_id')
      .notNull()
      .references(() => users.id, { onDelete: 'cascade' }),
    networkId: uuid('network_id')
      .notNull()
      .references(() => networks.id, { onDelete: 'cascade' }),
    role: networkRoleEnum('role').notNull(),
    createdAt: timestamp('created_at', { withTimezone: true }).notNull().defaultNow(),
  },
  (table) => [primaryKey({ columns: [table.userId, table.networkId] })],
);
