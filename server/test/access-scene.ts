import { randomUUID } from 'node:crypto';
import type { App } from '../src/app.ts';
import type { Database } from '../src/db/client.ts';
import { networkRoles } from '../src/db/schema/memberships.ts';
import { needs } from '../src/db/schema/needs.ts';
import { sessions } from '../src/db/schema/users.ts';
import {
  addMember,
  dayFromToday,
  makeItem,
  makeNetwork,
  makeOrganisation,
  makeService,
  makeUser,
  moveBookingTo,
  uniqueSuffix,
} from './factories.ts';

/**
 * The people of the authorisation matrix, around one structure O that owns things, in network N:
 * anonymous, the manager of a pending structure P of N, a member and a manager of O, a member of
 * another approved structure X of N (the borrower), a moderator and an admin of N, an admin of
 * another network M.
 */
export const matrixActors = [
  'anonymous',
  'pendingStructure',
  'ownerMember',
  'ownerManager',
  'otherMember',
  'moderator',
  'admin',
  'foreignAdmin',
] as const;
export type MatrixActor = (typeof matrixActors)[number];

export type AccessScene = Awaited<ReturnType<typeof buildAccessScene>>;

/** A session for `userId` without going through sign-in (no password hashing, no throttling). */
async function sessionHeaders(app: App, db: Database, userId: string) {
  const sessionId = randomUUID();
  await db.insert(sessions).values({ id: sessionId, userId, expiresAt: new Date(Date.now() + 3600_000) });
  return { authorization: `Bearer ${app.signSession({ sub: userId, sid: sessionId })}` };
}

export async function buildAccessScene(app: App, db: Database) {
  const network = await makeNetwork(db);
  const otherNetwork = await makeNetwork(db);
  const owner = await makeOrganisation(db, { networkId: network.id, name: `O ${uniqueSuffix()}` });
  const other = await makeOrganisation(db, { networkId: network.id, name: `X ${uniqueSuffix()}` });
  const pending = await makeOrganisation(db, { networkId: network.id, status: 'pending', name: `P ${uniqueSuffix()}` });
  const foreign = await makeOrganisation(db, {
    networkId: otherNetwork.id,
    status: 'pending',
    name: `F ${uniqueSuffix()}`,
  });

  const people = {
    pendingStructure: await makeUser(db, { name: 'Gestionnaire de P' }),
    ownerMember: await makeUser(db, { name: 'Membre de O' }),
    ownerManager: await makeUser(db, { name: 'Gestionnaire de O' }),
    otherMember: await makeUser(db, { name: 'Membre de X' }),
    moderator: await makeUser(db, { name: 'Modération de N' }),
    admin: await makeUser(db, { name: 'Admin de N' }),
    foreignAdmin: await makeUser(db, { name: 'Admin de M' }),
  };
  await addMember(db, people.pendingStructure.id, pending.id, 'manager');
  await addMember(db, people.ownerMember.id, owner.id, 'member');
  await addMember(db, people.ownerManager.id, owner.id, 'manager');
  await addMember(db, people.otherMember.id, other.id, 'member');
  await db.insert(networkRoles).values([
    { userId: people.moderator.id, networkId: network.id, role: 'moderator' },
    { userId: people.admin.id, networkId: network.id, role: 'admin' },
    { userId: people.foreignAdmin.id, networkId: otherNetwork.id, role: 'admin' },
  ]);
  const joiner = await makeUser(db, { name: 'Candidate à O' });
  await addMember(db, joiner.id, owner.id, 'member', 'pending');

  const headers = {} as Record<MatrixActor, Record<string, string>>;
  headers.anonymous = {};
  for (const actor of matrixActors.filter((a) => a !== 'anonymous')) {
    headers[actor] = await sessionHeaders(app, db, people[actor as Exclude<MatrixActor, 'anonymous'>].id);
  }

  // What O lends and asks for; all for « my networks » only, so that who sees them is decided by N.
  const item = await makeItem(db, {
    organisationId: owner.id,
    visibility: 'networks',
    quantity: 3,
    title: 'Tonnelle 3x3',
  });
  const spareItem = await makeItem(db, { organisationId: owner.id, visibility: 'networks', title: 'Scie sauteuse' });
  const draft = await makeItem(db, { organisationId: owner.id, visibility: 'networks', status: 'draft' });
  const service = await makeService(db, { organisationId: owner.id, visibility: 'networks' });
  const [need] = await db
    .insert(needs)
    .values({ organisationId: owner.id, kind: 'item', title: 'Cherche des grilles', visibility: 'networks' })
    .returning({ id: needs.id });

  return {
    network,
    otherNetwork,
    owner,
    other,
    pending,
    foreign,
    people,
    joiner,
    headers,
    item,
    spareItem,
    draft,
    service,
    need: need!,
    /** The loans between X and O, made on first use: they cost a dozen requests. */
    loans: memoise(() => buildLoans(app, headers, item, spareItem, service)),
  };
}

function memoise<T>(make: () => Promise<T>): () => Promise<T> {
  let made: Promise<T> | undefined;
  return () => (made ??= make());
}

/** X borrows from O: one request waiting, one loan accepted, one handed over, one returned, a service, a basket. */
async function buildLoans(
  app: App,
  headers: Record<MatrixActor, Record<string, string>>,
  item: { id: string },
  spareItem: { id: string },
  service: { id: string },
) {
  const asX = headers.otherMember;
  const asO = headers.ownerManager;
  const request = async (startIn: number) => {
    const response = await app.inject({
      method: 'POST',
      url: '/api/bookings',
      headers: asX,
      payload: { itemId: item.id, startDate: dayFromToday(startIn), endDate: dayFromToday(startIn + 1) },
    });
    if (response.statusCode !== 201) throw new Error(`scene booking failed: ${response.body}`);
    return response.json<{ id: string }>().id;
  };
  const requested = await request(10);
  const accepted = await request(14);
  await moveBookingTo(app, asO, accepted, 'accept');
  const pickedUp = await request(0);
  await moveBookingTo(app, asO, pickedUp, 'accept');
  await moveBookingTo(app, asO, pickedUp, 'pickup');
  const returned = await request(3);
  await moveBookingTo(app, asO, returned, 'accept');
  await moveBookingTo(app, asO, returned, 'pickup');
  await moveBookingTo(app, asO, returned, 'return');
  const serviceAccepted = await (async () => {
    const startsAt = new Date(Date.now() + 20 * 24 * 3600_000);
    startsAt.setUTCHours(9, 0, 0, 0);
    const response = await app.inject({
      method: 'POST',
      url: '/api/bookings',
      headers: asX,
      payload: {
        serviceId: service.id,
        startsAt: startsAt.toISOString(),
        endsAt: new Date(startsAt.getTime() + 2 * 3600_000).toISOString(),
      },
    });
    if (response.statusCode !== 201) throw new Error(`scene service booking failed: ${response.body}`);
    const id = response.json<{ id: string }>().id;
    await moveBookingTo(app, asO, id, 'accept');
    return id;
  })();
  const basket = await app.inject({
    method: 'POST',
    url: '/api/bookings/batch',
    headers: asX,
    payload: { startDate: dayFromToday(30), endDate: dayFromToday(31), lines: [{ itemId: spareItem.id }] },
  });
  if (basket.statusCode !== 201) throw new Error(`scene basket failed: ${basket.body}`);
  const groupId = basket.json<{ id: string }>().id;

  return { requested, accepted, pickedUp, returned, serviceAccepted, groupId };
}
