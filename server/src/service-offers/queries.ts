import { asc, eq, type SQL, sql } from 'drizzle-orm';
import type { Database } from '../db/client.ts';
import type { ServiceSlot } from '../domain/bookings.ts';
import { serviceSlots } from '../db/schema/availability.ts';
import { bookings } from '../db/schema/bookings.ts';
import { organisations } from '../db/schema/organisations.ts';
import { services } from '../db/schema/services.ts';

export type ServiceRow = typeof services.$inferSelect;
export type NewServiceRow = typeof services.$inferInsert;

const ownerColumns = {
  id: organisations.id,
  name: organisations.name,
  kind: organisations.kind,
  city: organisations.city,
};

/** The search columns service offers give listings/search.ts (`category` filters on the domain). */
export const searchableServices = {
  id: services.id,
  organisationId: services.organisationId,
  visibility: services.visibility,
  status: services.status,
  search: services.search,
  title: services.title,
  territoryCode: services.territoryCode,
  createdAt: services.createdAt,
  categoryId: null,
  latitude: services.latitude,
  longitude: services.longitude,
};

export function inDomain(domain: string): SQL {
  return sql`${services.domain}::text = ${domain}`;
}

export async function selectServiceSummaries(
  db: Database,
  plan: { where: SQL; orderBy: SQL[]; columns: { distanceKm: SQL<number | null>; sortKey: SQL<string> } },
  limit: number,
) {
  return db
    .select({
      id: services.id,
      title: services.title,
      excerpt: sql<string>`left(${services.description}, 200)`,
      domain: services.domain,
      format: services.format,
      durationMinutes: services.durationMinutes,
      participation: services.participation,
      priceCents: services.priceCents,
      city: services.city,
      postcode: services.postcode,
      territoryCode: services.territoryCode,
      latitude: services.latitude,
      longitude: services.longitude,
      status: services.status,
      visibility: services.visibility,
      organisation: ownerColumns,
      distanceKm: plan.columns.distanceKm,
      sortKey: plan.columns.sortKey,
      createdAt: services.createdAt,
    })
    .from(services)
    .innerJoin(organisations, eq(organisations.id, services.organisationId))
    .where(plan.where)
    .orderBy(...plan.orderBy)
    .limit(limit);
}

export async function selectService(db: Database, id: string) {
  const [row] = await db
    .select({ service: services, organisation: { ...ownerColumns, status: organisations.status } })
    .from(services)
    .innerJoin(organisations, eq(organisations.id, services.organisationId))
    .where(eq(services.id, id));
  return row;
}

export async function insertService(db: Database, service: NewServiceRow) {
  const [row] = await db.insert(services).values(service).returning({ id: services.id });
  return row!;
}

export async function updateServiceRow(db: Database, id: string, changes: Partial<NewServiceRow>) {
  await db
    .update(services)
    .set({ ...changes, updatedAt: new Date() })
    .where(eq(services.id, id));
}

export async function deleteServiceRow(db: Database, id: string) {
  await db.delete(services).where(eq(services.id, id));
}

/**
 * The service's status and whether any booking, in any status, is for it; locks the service
 * first, so that a request made meanwhile waits (its foreign key check) and then finds it archived or gone.
 */
export async function lockServiceForRemoval(db: Database, id: string) {
  const [service] = await db
    .select({ status: services.status })
    .from(services)
    .where(eq(services.id, id))
    .for('update');
  if (!service) return undefined;
  const [booking] = await db.select({ id: bookings.id }).from(bookings).where(eq(bookings.serviceId, id)).limit(1);
  return { status: service.status, hasBookings: Boolean(booking) };
}

/** A service's weekly slots, Monday first, as HH:MM. */
export async function selectSlots(db: Database, serviceId: string): Promise<ServiceSlot[]> {
  const rows = await db
    .select({ weekday: serviceSlots.weekday, startsAt: serviceSlots.startsAt, endsAt: serviceSlots.endsAt })
    .from(serviceSlots)
    .where(eq(serviceSlots.serviceId, serviceId))
    .orderBy(asc(serviceSlots.weekday), asc(serviceSlots.startsAt));
  return rows.map((row) => ({
    weekday: row.weekday,
    startsAt: row.startsAt.slice(0, 5),
    endsAt: row.endsAt.slice(0, 5),
  }));
}

export async function replaceSlots(db: Database, serviceId: string, slots: ServiceSlot[]) {
  await db.delete(serviceSlots).where(eq(serviceSlots.serviceId, serviceId));
  if (slots.length > 0) await db.insert(serviceSlots).values(slots.map((slot) => ({ serviceId, ...slot })));
}
