import { randomBytes } from 'node:crypto';
import { hashPassword } from '../src/auth/passwords.ts';
import type { Database } from '../src/db/client.ts';
import { memberships, networkRoles } from '../src/db/schema/memberships.ts';
import { networks } from '../src/db/schema/networks.ts';
import { organisationNetworks, organisations } from '../src/db/schema/organisations.ts';
import { users } from '../src/db/schema/users.ts';
import { items } from '../src/db/schema/items.ts';
import { services } from '../src/db/schema/services.ts';
import type { OrganisationKind, OrganisationStatus } from '../src/domain/organisations.ts';
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

export async function makeUser(db: Database, overrides: { name?: string; email?: string } = {}) {
  const email = overrides.email ?? `personne-${uniqueSuffix()}@test.mutua.fr`;
  const [user] = await db
    .insert(users)
    .values({ email, name: overrides.name ?? 'Personne de test', passwordHash: await passwordHash })
    .returning({ id: users.id, email: users.email, name: users.name });
  return user!;
}

export async function makeOrganisation(
  db: Database,
  options: { networkId: string; status?: OrganisationStatus; name?: string; city?: string; postcode?: string; kind?: OrganisationKind },
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
  options: { networkId?: string; status?: OrganisationStatus; name?: string; city?: string; postcode?: string } = {},
) {
  const networkId = options.networkId ?? (await makeNetwork(db)).id;
  const organisation = await makeOrganisation(db, { ...options, networkId });
  const manager = await makeUser(db, { name: 'Gestionnaire' });
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

export async function makeService(db: Database, overrides: Partial<typeof services.$inferInsert> & { organisationId: string }) {
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
export async function signedInStructure(app: App, db: Database, options: { networkId?: string; status?: OrganisationStatus } = {}) {
  const structure = await makeStructureWithManager(db, options);
  return { ...structure, headers: await signIn(app, structure.manager.email) };
}
