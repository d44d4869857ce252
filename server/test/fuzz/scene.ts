import type { InjectOptions } from 'fastify';
import type { App } from '../../src/app.ts';
import type { Database } from '../../src/db/client.ts';
import { buildAccessScene } from '../access-scene.ts';
import { dayFromToday } from '../factories.ts';

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
 * The authorisation matrix's network (test/access-scene.ts) with its loans, and some more of
 * everything: a message, a blocked period, a basket, an invitation, a calendar feed. The lender
 * is the manager of the structure that owns things, the borrower the member of the other
 * approved structure, `member` a plain member of the lender, `pending` the person of a structure
 * still waiting for approval.
 */
export async function buildScene(app: App, db: Database): Promise<Scene> {
  const inject = async (request: InjectOptions) => {
    const response = await app.inject(request);
    if (response.statusCode >= 300) throw new Error(`scene: ${JSON.stringify(request)} → ${response.body}`);
    return response;
  };
  const json = async <T>(request: InjectOptions) => JSON.parse((await inject(request)).body) as T;

  const world = await buildAccessScene(app, db);
  const loans = await world.loans();
  const headers: Record<Actor, Record<string, string>> = {
    anonymous: {},
    lender: world.headers.ownerManager,
    borrower: world.headers.otherMember,
    member: world.headers.ownerMember,
    admin: world.headers.admin,
    pending: world.headers.pendingStructure,
  };

  await inject({
    method: 'POST',
    url: `/api/bookings/${loans.accepted}/messages`,
    headers: headers.borrower,
    payload: { body: 'Nous passerons vers 10 h.' },
  });
  const period = await json<{ id: string }>({
    method: 'POST',
    url: `/api/items/${world.item.id}/blocked-periods`,
    headers: headers.lender,
    payload: { startDate: dayFromToday(40), endDate: dayFromToday(45), reason: 'repair' },
  });
  const invitation = await json<{ id: string }>({
    method: 'POST',
    url: `/api/organisations/${world.owner.id}/invitations`,
    headers: headers.lender,
    payload: { email: 'invitee@test.mutua.fr', role: 'member' },
  });
  const feed = await json<{ url: string }>({
    method: 'POST',
    url: `/api/organisations/${world.owner.id}/calendar-feed`,
    headers: headers.lender,
  });
  const notifications = await json<{ notifications: Array<{ id: string | number }> }>({
    method: 'GET',
    url: '/api/notifications',
    headers: headers.lender,
  });
  const emails = await json<{ emails: Array<{ id: string | number }> }>({
    method: 'GET',
    url: '/api/admin/emails',
    headers: headers.admin,
  });

  const cursors: Record<string, string[]> = {};
  for (const [url, actor] of [
    ['/api/items?limit=1', 'borrower'],
    ['/api/items?limit=1&q=scie', 'lender'],
    ['/api/services?limit=1', 'anonymous'],
    ['/api/needs?limit=1', 'borrower'],
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

  const { people } = world;
  return {
    headers,
    ids: {
      organisations: [world.owner.id, world.other.id, world.pending.id],
      users: [
        people.ownerManager.id,
        people.otherMember.id,
        people.ownerMember.id,
        people.admin.id,
        people.pendingStructure.id,
        world.joiner.id,
      ],
      items: [world.item.id, world.spareItem.id, world.draft.id],
      services: [world.service.id],
      needs: [world.need.id],
      bookings: [loans.requested, loans.accepted, loans.pickedUp, loans.returned, loans.serviceAccepted],
      groups: [loans.groupId],
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
    emails: [people.ownerManager.email, people.otherMember.email, people.ownerMember.email, people.admin.email],
  };
}
