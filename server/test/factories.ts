import { randomBytes } from 'node:crypto';
import { eq, sql } from 'drizzle-orm';
import { hashPassword } from '../src/auth/passwords.ts';
import type { Database } from '../src/db/client.ts';
import { memberships, networkRoles } from '../src/db/schema/memberships.ts';
import { networks } from '../src/db/schema/networks.ts';
import { organisationNetworks, organisations } from '../src/db/schema/organisations.ts';
import { users } from '../src/db/schema/users.ts';
import { items } from '../src/db/schema/items.ts';
import { services } from '../src/db/schema/services.ts';
import { bookingGroups, bookings } from '../src/db/schema/bookings.ts';
import type { OrganisationKind, OrganisationStatus } from '../src/domain/organisations.ts';
import type { BookingAction } from '../src/domain/booking-lifecycle.ts';
import type { Booking } from '../src/domain/bookings.ts';
import { addDays, isoWeekday, parisToday } from '../src/domain/calendar-days.ts';
import type { App } from '../src/app.ts';

export const testPassword = 'mot-de-passe-de-test';
const passwordHash = hashPassword(testPassword);

export function uniqueSuffix(): string {
  return randomBytes(4).toString('hex');
}

export async function makeNetwork(db: Database, name = `Réseau ${uniqueSuffix()}`) {
  const [network] = await db
    .insert(networks)
    .values({ slug: `reseau-${uniqueSuffix()}`, name })
    .returning({ id: networks.id, slug: networks.slug, name: networks.name });
  return network!;
}

export async function makeUser(db: Database, overrides: { name?: string; email?: string; verified?: boolean } = {}) {
  const email = overrides.email ?? `personne-${uniqueSuffix()}@test.mutua.fr`;
  const [user] = await db
    .insert(users)
    .values({
      email,
      name: overrides.name ?? 'Personne de test',
      passwordHash: await passwordHash,
      emailVerifiedAt: overrides.verified === false ? null : new Date(),
    })
    .returning({ id: users.id, email: users.email, name: users.name });
  return user!;
}

export async function makeOrganisation(
  db: Database,
  options: {
    networkId: string;
    status?: OrganisationStatus;
    name?: string;
    city?: string;
    postcode?: string;
    kind?: OrganisationKind;
  },
) {
  const status = options.status ?? 'active';
  const [organisation] = await db
    .insert(organisations)
    .values({
      name: options.name ?? `Structure ${uniqueSuffix()}`,
      kind: options.kind ?? 'association',
      status,
      city: options.city ?? 'Lille',
      postcode: options.postcode ?? '59000',
      territoryCode: (options.postcode ?? '59000').slice(0, 2),
      reviewedAt: status === 'pending' ? null : new Date(),
    })
    .returning({ id: organisations.id, name: organisations.name });
  await db.insert(organisationNetworks).values({ organisationId: organisation!.id, networkId: options.networkId });
  return organisation!;
}

export async function addMember(
  db: Database,
  userId: string,
  organisationId: string,
  role: 'member' | 'manager' = 'member',
  status: 'pending' | 'active' = 'active',
) {
  await db.insert(memberships).values({ userId, organisationId, role, status });
}

export async function makeNetworkAdmin(db: Database, networkId: string) {
  const user = await makeUser(db, { name: 'Admin de test' });
  await db.insert(networkRoles).values({ userId: user.id, networkId, role: 'admin' });
  return user;
}

/** A structure with its manager, in a network of its own unless one is given. */
export async function makeStructureWithManager(
  db: Database,
  options: {
    networkId?: string;
    status?: OrganisationStatus;
    name?: string;
    city?: string;
    postcode?: string;
    managerName?: string;
  } = {},
) {
  const networkId = options.networkId ?? (await makeNetwork(db)).id;
  const organisation = await makeOrganisation(db, { ...options, networkId });
  const manager = await makeUser(db, { name: options.managerName ?? 'Gestionnaire' });
  await addMember(db, manager.id, organisation.id, 'manager');
  return { networkId, organisation, manager };
}

/** Signs in through the API and returns the headers that carry the session. */
export async function signIn(app: App, email: string, password = testPassword) {
  const response = await app.inject({ method: 'POST', url: '/api/auth/login', payload: { email, password } });
  if (response.statusCode !== 200) throw new Error(`sign-in failed for ${email}: ${response.body}`);
  return { authorization: `Bearer ${response.json<{ token: string }>().token}` };
}

type ItemOverrides = Partial<typeof items.$inferInsert> & { organisationId: string };

/** An item inserted as it is (published and visible to all unless told otherwise), placed in Lille by default. */
export async function makeItem(db: Database, overrides: ItemOverrides) {
  const [item] = await db
    .insert(items)
    .values({
      title: `Objet ${uniqueSuffix()}`,
      categoryId: 'outillage',
      pickupCity: 'Lille',
      pickupPostcode: '59000',
      territoryCode: '59',
      latitude: 50.6292,
      longitude: 3.0573,
      status: 'published',
      visibility: 'all',
      ...overrides,
    })
    .returning({ id: items.id, title: items.title });
  return item!;
}

export async function makeService(
  db: Database,
  overrides: Partial<typeof services.$inferInsert> & { organisationId: string },
) {
  const [service] = await db
    .insert(services)
    .values({
      title: `Service ${uniqueSuffix()}`,
      domain: 'transition_ecologique',
      city: 'Lille',
      postcode: '59000',
      territoryCode: '59',
      latitude: 50.6292,
      longitude: 3.0573,
      status: 'published',
      visibility: 'all',
      ...overrides,
    })
    .returning({ id: services.id, title: services.title });
  return service!;
}

/** A member of an approved structure, signed in: the usual lender or borrower of a test. */
export async function signedInStructure(
  app: App,
  db: Database,
  options: { networkId?: string; status?: OrganisationStatus; name?: string; managerName?: string } = {},
) {
  const structure = await makeStructureWithManager(db, options);
  return { ...structure, headers: await signIn(app, structure.manager.email) };
}

/** A plain member (not a manager) of a structure, signed in. */
export async function signedInMember(app: App, db: Database, organisationId: string, name = 'Membre de test') {
  const user = await makeUser(db, { name });
  await addMember(db, user.id, organisationId, 'member');
  return { user, headers: await signIn(app, user.email) };
}

/** A Paris calendar day, `days` from today in Paris (negative: in the past). */
export function dayFromToday(days: number): string {
  return addDays(parisToday(), days);
}

/** The first day on or after `from` that falls on ISO `weekday` (1 = lundi … 7 = dimanche). */
export function nextWeekday(from: string, weekday: number): string {
  let day = from;
  while (isoWeekday(day) !== weekday) day = addDays(day, 1);
  return day;
}

export type BookingDetail = Booking & {
  events: Array<{
    action: string;
    fromStatus: string | null;
    toStatus: string;
    party: string;
    actor: { id: string; name: string } | null;
    note: string | null;
    at: string;
  }>;
};

/** A loan request through the API, as the borrower makes it: a 201 or the test stops there. */
export async function makeBooking(
  app: App,
  headers: Record<string, string>,
  payload: {
    itemId: string;
    startDate: string;
    endDate: string;
    quantity?: number;
    message?: string;
    organisationId?: string;
  },
): Promise<BookingDetail> {
  const response = await app.inject({ method: 'POST', url: '/api/bookings', headers, payload });
  if (response.statusCode !== 201) throw new Error(`booking request failed (${response.statusCode}): ${response.body}`);
  return response.json<BookingDetail>();
}

/** One step of a booking's life through the API (accept, pickup…): a 200 or the test stops there. */
export async function moveBookingTo(
  app: App,
  headers: Record<string, string>,
  bookingId: string,
  action: Exclude<BookingAction, 'expire'>,
  body: Record<string, unknown> = {},
): Promise<BookingDetail> {
  const response = await app.inject({
    method: 'POST',
    url: `/api/bookings/${bookingId}/${action}`,
    headers,
    payload: body,
  });
  if (response.statusCode !== 200)
    throw new Error(`${action} of booking ${bookingId} failed (${response.statusCode}): ${response.body}`);
  return response.json<BookingDetail>();
}

/** A lender with one item (published, visible to all; rules as given) and a borrower, both signed in. */
export async function lendingScene(app: App, db: Database, item: Omit<ItemOverrides, 'organisationId'> = {}) {
  const lender = await signedInStructure(app, db, {
    name: `Prêteur ${uniqueSuffix()}`,
    managerName: 'Camille du prêteur',
  });
  const borrower = await signedInStructure(app, db, {
    name: `Emprunteur ${uniqueSuffix()}`,
    managerName: 'Noé de l’emprunteur',
  });
  const made = await makeItem(db, {
    title: `Tonnelle ${uniqueSuffix()}`,
    ...item,
    organisationId: lender.organisation.id,
  });
  return { lender, borrower, item: made };
}

/** What a structure has asked for, read in the database: requests and baskets. */
export async function bookingCounts(db: Database, borrowerOrganisationId: string) {
  const [requests] = await db
    .select({ count: sql<number>`count(*)::int` })
    .from(bookings)
    .where(eq(bookings.borrowerOrganisationId, borrowerOrganisationId));
  const [groups] = await db
    .select({ count: sql<number>`count(*)::int` })
    .from(bookingGroups)
    .where(eq(bookingGroups.borrowerOrganisationId, borrowerOrganisationId));
  return { bookings: requests!.count, groups: groups!.count };
}

/** The units of an item free each day from `from` to `to`, as its public calendar shows them. */
export async function unitsFreeByDay(
  app: App,
  itemId: string,
  from: string,
  to: string,
): Promise<Record<string, number>> {
  const response = await app.inject({ method: 'GET', url: `/api/items/${itemId}/availability?from=${from}&to=${to}` });
  if (response.statusCode !== 200) throw new Error(`availability failed (${response.statusCode}): ${response.body}`);
  return Object.fromEntries(
    response.json<{ days: Array<{ date: string; unitsFree: number }> }>().days.map((day) => [day.date, day.unitsFree]),
  );
}
