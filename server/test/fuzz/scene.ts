import type { InjectOptions } from 'fastify';
import type { App } from '../../src/app.ts';
import type { Database } from '../../src/db/client.ts';
import {
  dayFromToday,
  lendingScene,
  makeBooking,
  makeItem,
  makeNetworkAdmin,
  makeService,
  makeStructureWithManager,
  moveBookingTo,
  signIn,
  signedInMember,
} from '../factories.ts';

export type Actor = 'anonymous' | 'lender' | 'borrower' | 'member' | 'admin' | 'pending';

/** Real ids, by the resource a path or a field names, so that generated requests sometimes reach real rows. */
export type IdPools = Record<
  | 'organisations'
  | 'users'
  | 'items'
  | 'services'
  | 'needs'
  | 'bookings'
  | 'groups'
  | 'periods'
  | 'invitations'
  | 'notifications'
  | 'emails',
  string[]
>;

export type Scene = {
  headers: Record<Actor, Record<string, string>>;
  ids: IdPools;
  /** Real next-page cursors, by list (its OpenAPI path), and tokens of the calendar feed. */
  cursors: Record<string, string[]>;
  tokens: string[];
  emails: string[];
};

/**
 * A small network with some of everything: a lender (manager of an approved structure) with
 * items, a service, a need, blocked periods and an invitation; a borrower whose requests it
 * received (one accepted, with a message); a plain member of the lender; the network's admin;
 * and the person of a structure still waiting for approval.
 */
export async function buildScene(app: App, db: Database): Promise<Scene> {
  const inject = async (request: InjectOptions) => {
    const response = await app.inject(request);
    if (response.statusCode >= 300) throw new Error(`scene: ${JSON.stringify(request)} → ${response.body}`);
    return response;
  };
  const json = async <T>(request: InjectOptions) => JSON.parse((await inject(request)).body) as T;

  const { lender, borrower, item } = await lendingScene(app, db, { quantity: 3 });
  const networkId = lender.networkId;
  const member = await signedInMember(app, db, lender.organisation.id);
  const admin = await makeNetworkAdmin(db, networkId);
  const pending = await makeStructureWithManager(db, { status: 'pending', networkId });
  const otherItem = await makeItem(db, { organisationId: lender.organisation.id, title: 'Scie sauteuse' });
  const service = await makeService(db, { organisationId: lender.organisation.id, title: 'Animation de réunion' });

  const loan = await makeBooking(app, borrower.headers, {
    itemId: item.id,
    startDate: dayFromToday(12),
    endDate: dayFromToday(13),
  });
  const accepted = await makeBooking(app, borrower.headers, {
    itemId: otherItem.id,
    startDate: dayFromToday(20),
    endDate: dayFromToday(22),
  });
  await moveBookingTo(app, lender.headers, accepted.id, 'accept');
  await inject({
    method: 'POST',
    url: `/api/bookings/${accepted.id}/messages`,
    headers: borrower.headers,
    payload: { body: 'Nous passerons vers 10 h.' },
  });
  const batch = await json<{ id: string }>({
    method: 'POST',
    url: '/api/bookings/batch',
    headers: borrower.headers,
    payload: {
      lines: [{ itemId: item.id }, { itemId: otherItem.id }],
      startDate: dayFromToday(30),
      endDate: dayFromToday(31),
    },
  });
  const period = await json<{ id: string }>({
    method: 'POST',
    url: `/api/items/${item.id}/blocked-periods`,
    headers: lender.headers,
    payload: { startDate: dayFromToday(40), endDate: dayFromToday(45), reason: 'repair' },
  });
  const need = await json<{ id: string }>({
    method: 'POST',
    url: '/api/needs',
    headers: borrower.headers,
    payload: { kind: 'item', title: 'Des tonnelles pour la fête', categoryId: 'tonnelles', visibility: 'all' },
  });
  const invitation = await json<{ id: string }>({
    method: 'POST',
    url: `/api/organisations/${lender.organisation.id}/invitations`,
    headers: lender.headers,
    payload: { email: 'invitee@test.mutua.fr', role: 'member' },
  });
  const feed = await json<{ url: string }>({
    method: 'POST',
    url: `/api/organisations/${lender.organisation.id}/calendar-feed`,
    headers: lender.headers,
  });

  const headers = {
    anonymous: {},
    lender: lender.headers,
    borrower: borrower.headers,
    member: member.headers,
    admin: await signIn(app, admin.email),
    pending: await signIn(app, pending.manager.email),
  };
  const notifications = await json<{ notifications: Array<{ id: string | number }> }>({
    method: 'GET',
    url: '/api/notifications',
    headers: lender.headers,
  });
  const emails = await json<{ emails: Array<{ id: string | number }> }>({
    method: 'GET',
    url: '/api/admin/emails',
    headers: headers.admin,
  });

  const cursors: Record<string, string[]> = {};
  for (const [url, actor] of [
    ['/api/items?limit=1', 'anonymous'],
    ['/api/items?limit=1&q=scie', 'lender'],
    ['/api/services?limit=1', 'anonymous'],
    ['/api/needs?limit=1', 'anonymous'],
    ['/api/organisations?limit=1', 'anonymous'],
    ['/api/bookings?as=borrower&limit=1', 'borrower'],
    ['/api/bookings?as=lender&limit=1', 'lender'],
    ['/api/notifications?limit=1', 'lender'],
    ['/api/admin/emails?limit=1', 'admin'],
  ] as const) {
    const page = await json<{ nextCursor?: string | null }>({ method: 'GET', url, headers: headers[actor] });
    const list = url.split('?')[0]!;
    if (page.nextCursor) cursors[list] = [...(cursors[list] ?? []), page.nextCursor];
  }

  return {
    headers,
    ids: {
      organisations: [lender.organisation.id, borrower.organisation.id, pending.organisation.id],
      users: [lender.manager.id, borrower.manager.id, member.user.id, admin.id, pending.manager.id],
      items: [item.id, otherItem.id],
      services: [service.id],
      needs: [need.id],
      bookings: [loan.id, accepted.id],
      groups: [batch.id],
      periods: [period.id],
      invitations: [invitation.id],
      notifications: notifications.notifications.map((notification) => String(notification.id)),
      emails: emails.emails.map((email) => String(email.id)),
    },
    cursors,
    tokens: [
      new URL(feed.url).pathname
        .split('/')
        .at(-1)!
        .replace(/\.ics$/, ''),
    ],
    emails: [lender.manager.email, borrower.manager.email, member.user.email, admin.email],
  };
}
