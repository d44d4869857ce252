import { randomUUID } from 'node:crypto';
import { and, eq } from 'drizzle-orm';
import { beforeAll, describe, expect, it } from 'vitest';
import { notifications } from '../db/schema/notifications.ts';
import { sessions } from '../db/schema/users.ts';
import { buildAccessScene, type AccessScene, type MatrixActor, matrixActors } from '../../test/access-scene.ts';
import { dayFromToday, testPassword, uniqueSuffix } from '../../test/factories.ts';
import { useTestApp } from '../../test/test-app.ts';
import {
  type Cell,
  type Request,
  type Case,
  everyone,
  signedIn,
  sameForAll,
  seesListing,
  editsListing,
  ownsListing,
  publishes,
  teamOfOwner,
  managerOfOwner,
  lenderSide,
  borrowerSide,
  eitherSide,
  networkAdmins,
  adminOfItsNetwork,
  reviewsPending,
} from '../../test/access-matrix-kit.ts';
import { auditMatrix } from '../../test/matrix-rows/audit.ts';
import { moderationMatrix } from '../../test/matrix-rows/moderation.ts';
import { listingModerationMatrix } from '../../test/matrix-rows/listing-moderation.ts';
import { reportsMatrix } from '../../test/matrix-rows/reports.ts';
import { inboxMatrix } from '../../test/matrix-rows/inbox.ts';
import { peopleMatrix } from '../../test/matrix-rows/people.ts';
import { networkSettingsMatrix } from '../../test/matrix-rows/network-settings.ts';
import { impactMatrix } from '../../test/matrix-rows/impact.ts';
import { privacyMatrix } from '../../test/matrix-rows/privacy.ts';
import { chartersMatrix } from '../../test/matrix-rows/charters.ts';
import { referenceAdminMatrix } from '../../test/matrix-rows/reference-admin.ts';
import type { App } from '../app.ts';
import type { Database } from '../db/client.ts';

/**
 * The authorisation matrix: every route of the API × every kind of caller → the status they get.
 * `ok` is any 2xx; a number is that exact status. Refusals follow one rule: 401 for nobody signed
 * in, 404 for what the caller may not know exists, 403 for what they see but may not do. A route
 * added without its row here fails the first test.
 */
const garbledToken = 'pas-un-vrai-jeton';
const day = (days: number) => dayFromToday(days);

async function asOwnerManager(app: App, scene: AccessScene, method: 'POST' | 'GET', url: string, payload?: unknown) {
  const response = await app.inject({
    method,
    url,
    headers: scene.headers.ownerManager,
    ...(payload === undefined ? {} : { payload: payload as object }),
  });
  if (response.statusCode >= 300) throw new Error(`setup ${method} ${url} failed: ${response.body}`);
  return response.json();
}

const matrix: Record<string, Case[]> = {
  ...auditMatrix,
  ...moderationMatrix,
  ...listingModerationMatrix,
  ...reportsMatrix,
  ...inboxMatrix,
  ...peopleMatrix,
  ...networkSettingsMatrix,
  ...impactMatrix,
  ...privacyMatrix,
  ...chartersMatrix,
  ...referenceAdminMatrix,
  'GET /api/health': [{ request: () => ({ url: '/api/health' }), expect: everyone }],
  'GET /api/categories': [{ request: () => ({ url: '/api/categories' }), expect: everyone }],
  'GET /api/territories': [{ request: () => ({ url: '/api/territories' }), expect: everyone }],

  'POST /api/auth/register': [
    {
      request: () => ({
        url: '/api/auth/register',
        payload: {
          email: `nouvelle-${uniqueSuffix()}@test.mutua.fr`,
          password: 'une phrase de passe solide',
          name: 'Nouvelle personne',
          organisation: { name: `Nouvelle ${uniqueSuffix()}`, kind: 'association', city: 'Lille', postcode: '59000' },
        },
      }),
      expect: everyone,
    },
  ],
  'POST /api/auth/login': [
    {
      request: (scene) => ({
        url: '/api/auth/login',
        payload: { email: scene.people.ownerMember.email, password: testPassword },
      }),
      expect: everyone,
    },
  ],
  'POST /api/auth/logout': [{ request: () => ({ url: '/api/auth/logout' }), expect: everyone }],
  'GET /api/me': [{ request: () => ({ url: '/api/me' }), expect: signedIn }],
  'POST /api/me/password': [
    {
      request: () => ({
        url: '/api/me/password',
        payload: { currentPassword: testPassword, newPassword: 'une autre phrase de passe solide' },
      }),
      expect: signedIn,
    },
  ],
  'GET /api/me/sessions': [{ request: () => ({ url: '/api/me/sessions' }), expect: signedIn }],
  'POST /api/me/sessions/revoke-others': [
    { request: () => ({ url: '/api/me/sessions/revoke-others' }), expect: signedIn },
  ],
  'DELETE /api/me/sessions/:id': [
    {
      what: "the owner manager's other session",
      request: async (s, _app, db) => {
        const id = randomUUID();
        await db
          .insert(sessions)
          .values({ id, userId: s.people.ownerManager.id, expiresAt: new Date(Date.now() + 3600_000) });
        return { url: `/api/me/sessions/${id}` };
      },
      expect: [401, 404, 404, 'ok', 404, 404, 404, 404],
    },
  ],
  'PATCH /api/me': [{ request: () => ({ url: '/api/me', payload: { name: 'Nom changé' } }), expect: signedIn }],
  'POST /api/me/email': [
    {
      request: () => ({
        url: '/api/me/email',
        payload: { email: `autre-${uniqueSuffix()}@test.mutua.fr`, password: testPassword },
      }),
      expect: signedIn,
    },
  ],
  'POST /api/auth/email-change/confirm': [
    {
      request: () => ({ url: '/api/auth/email-change/confirm', payload: { token: garbledToken } }),
      expect: sameForAll(400),
    },
  ],
  'POST /api/auth/verify-email': [
    { request: () => ({ url: '/api/auth/verify-email', payload: { token: garbledToken } }), expect: sameForAll(400) },
  ],
  'POST /api/auth/verify-email/resend': [
    { request: () => ({ url: '/api/auth/verify-email/resend' }), expect: [401, 409, 409, 409, 409, 409, 409, 409] },
  ],
  'POST /api/auth/password-reset': [
    {
      request: (scene) => ({ url: '/api/auth/password-reset', payload: { email: scene.people.ownerMember.email } }),
      expect: everyone,
    },
  ],
  'GET /api/auth/password-reset/:token': [
    { request: () => ({ url: `/api/auth/password-reset/${garbledToken}` }), expect: sameForAll(400) },
  ],
  'POST /api/auth/password-reset/confirm': [
    {
      request: () => ({
        url: '/api/auth/password-reset/confirm',
        payload: { token: garbledToken, password: 'une phrase de passe solide' },
      }),
      expect: sameForAll(400),
    },
  ],

  'GET /api/organisations': [{ request: () => ({ url: '/api/organisations' }), expect: everyone }],
  'GET /api/organisations/:id': [
    { what: 'an approved structure', request: (s) => ({ url: `/api/organisations/${s.owner.id}` }), expect: everyone },
    {
      what: 'a pending structure',
      request: (s) => ({ url: `/api/organisations/${s.pending.id}` }),
      expect: [404, 'ok', 404, 404, 404, 'ok', 'ok', 404],
    },
  ],
  'PATCH /api/organisations/:id': [
    {
      request: (s) => ({ url: `/api/organisations/${s.owner.id}`, payload: { description: 'Une ressourcerie.' } }),
      expect: managerOfOwner,
    },
  ],
  'GET /api/organisations/:id/members': [
    { request: (s) => ({ url: `/api/organisations/${s.owner.id}/members` }), expect: teamOfOwner },
  ],
  'POST /api/organisations/:id/members/:userId/accept': [
    {
      request: (s) => ({ url: `/api/organisations/${s.owner.id}/members/${s.joiner.id}/accept` }),
      expect: managerOfOwner,
    },
  ],
  'PATCH /api/organisations/:id/members/:userId': [
    {
      request: (s) => ({
        url: `/api/organisations/${s.owner.id}/members/${s.people.ownerMember.id}`,
        payload: { role: 'manager' },
      }),
      expect: managerOfOwner,
    },
  ],
  'DELETE /api/organisations/:id/members/:userId': [
    { request: (s) => ({ url: `/api/organisations/${s.owner.id}/members/${s.joiner.id}` }), expect: managerOfOwner },
  ],
  'GET /api/organisations/:id/invitations': [
    { request: (s) => ({ url: `/api/organisations/${s.owner.id}/invitations` }), expect: managerOfOwner },
  ],
  'POST /api/organisations/:id/invitations': [
    {
      request: (s) => ({
        url: `/api/organisations/${s.owner.id}/invitations`,
        payload: { email: `invitee-${uniqueSuffix()}@test.mutua.fr`, role: 'member' },
      }),
      expect: managerOfOwner,
    },
  ],
  'DELETE /api/organisations/:id/invitations/:invitationId': [
    {
      request: async (s, app) => {
        const invitation = await asOwnerManager(app, s, 'POST', `/api/organisations/${s.owner.id}/invitations`, {
          email: `invitee-${uniqueSuffix()}@test.mutua.fr`,
          role: 'member',
        });
        return { url: `/api/organisations/${s.owner.id}/invitations/${invitation.id}` };
      },
      expect: managerOfOwner,
    },
  ],
  'GET /api/invitations/:token': [
    { request: () => ({ url: `/api/invitations/${garbledToken}` }), expect: sameForAll(400) },
  ],
  'POST /api/invitations/:token/accept': [
    {
      request: () => ({ url: `/api/invitations/${garbledToken}/accept` }),
      expect: [401, 400, 400, 400, 400, 400, 400, 400],
    },
  ],
  'GET /api/organisations/:id/listings': [
    { request: (s) => ({ url: `/api/organisations/${s.owner.id}/listings` }), expect: teamOfOwner },
  ],
  'GET /api/organisations/:id/calendar-feed': [
    {
      request: async (s, app) => {
        await asOwnerManager(app, s, 'POST', `/api/organisations/${s.owner.id}/calendar-feed`);
        return { url: `/api/organisations/${s.owner.id}/calendar-feed` };
      },
      expect: teamOfOwner,
    },
  ],
  'POST /api/organisations/:id/calendar-feed': [
    { request: (s) => ({ url: `/api/organisations/${s.owner.id}/calendar-feed` }), expect: managerOfOwner },
  ],
  'DELETE /api/organisations/:id/calendar-feed': [
    {
      request: async (s, app) => {
        await asOwnerManager(app, s, 'POST', `/api/organisations/${s.owner.id}/calendar-feed`);
        return { url: `/api/organisations/${s.owner.id}/calendar-feed` };
      },
      expect: managerOfOwner,
    },
  ],
  'GET /api/calendar/:token.ics': [
    { request: () => ({ url: `/api/calendar/${'x'.repeat(32)}.ics` }), expect: sameForAll(404) },
  ],
  'GET /api/bookings/:id.ics': [
    { request: async (s) => ({ url: `/api/bookings/${(await s.loans()).accepted}.ics` }), expect: eitherSide },
  ],

  'GET /api/admin/organisations': [{ request: () => ({ url: '/api/admin/organisations' }), expect: networkAdmins }],
  'POST /api/admin/organisations/:id/approve': [
    { request: (s) => ({ url: `/api/admin/organisations/${s.pending.id}/approve` }), expect: reviewsPending },
  ],
  'POST /api/admin/organisations/:id/reject': [
    {
      request: (s) => ({
        url: `/api/admin/organisations/${s.pending.id}/reject`,
        payload: { reason: 'Hors du territoire.' },
      }),
      expect: reviewsPending,
    },
  ],

  'GET /api/items': [{ request: () => ({ url: '/api/items' }), expect: everyone }],
  'POST /api/items': [
    {
      request: () => ({ url: '/api/items', payload: { title: 'Grille d’exposition', categoryId: 'outillage' } }),
      expect: publishes,
    },
  ],
  'GET /api/items/:id': [
    { what: 'a « réseaux » item', request: (s) => ({ url: `/api/items/${s.item.id}` }), expect: seesListing },
    {
      what: 'a draft',
      request: (s) => ({ url: `/api/items/${s.draft.id}` }),
      expect: [404, 404, 'ok', 'ok', 404, 'ok', 'ok', 404],
    },
  ],
  'PATCH /api/items/:id': [
    {
      request: (s) => ({ url: `/api/items/${s.item.id}`, payload: { description: 'Avec ses sardines.' } }),
      expect: editsListing,
    },
  ],
  'DELETE /api/items/:id': [
    { request: (s) => ({ url: `/api/items/${s.draft.id}` }), expect: [401, 404, 'ok', 'ok', 404, 403, 403, 404] },
  ],
  'POST /api/items/:id/duplicate': [
    { request: (s) => ({ url: `/api/items/${s.item.id}/duplicate` }), expect: editsListing },
  ],
  'POST /api/items/import': [
    {
      request: () => ({
        url: '/api/items/import?dryRun=true',
        headers: { 'content-type': 'text/csv' },
        payload: 'titre;categorie\nTonnelle;outillage\n',
      }),
      expect: managerOfOwner,
    },
  ],
  'GET /api/items/import/template': [{ request: () => ({ url: '/api/items/import/template' }), expect: everyone }],
  'GET /api/items/:id/availability': [
    { request: (s) => ({ url: `/api/items/${s.item.id}/availability?from=${day(1)}` }), expect: seesListing },
  ],
  'GET /api/items/:id/blocked-periods': [
    { request: (s) => ({ url: `/api/items/${s.item.id}/blocked-periods` }), expect: ownsListing },
  ],
  'POST /api/items/:id/blocked-periods': [
    {
      request: (s) => ({
        url: `/api/items/${s.item.id}/blocked-periods`,
        payload: { startDate: day(60), endDate: day(61), reason: 'repair' },
      }),
      expect: editsListing,
    },
  ],
  'DELETE /api/items/:id/blocked-periods/:periodId': [
    {
      request: async (s, app) => {
        const period = await asOwnerManager(app, s, 'POST', `/api/items/${s.item.id}/blocked-periods`, {
          startDate: day(70),
          endDate: day(71),
          reason: 'repair',
        });
        return { url: `/api/items/${s.item.id}/blocked-periods/${period.id}` };
      },
      expect: editsListing,
    },
  ],

  'GET /api/services': [{ request: () => ({ url: '/api/services' }), expect: everyone }],
  'POST /api/services': [
    {
      request: () => ({
        url: '/api/services',
        payload: { title: 'Animation de réunion', domain: 'animation_facilitation' },
      }),
      expect: publishes,
    },
  ],
  'GET /api/services/:id': [{ request: (s) => ({ url: `/api/services/${s.service.id}` }), expect: seesListing }],
  'PATCH /api/services/:id': [
    {
      request: (s) => ({ url: `/api/services/${s.service.id}`, payload: { description: 'En visio aussi.' } }),
      expect: editsListing,
    },
  ],
  'DELETE /api/services/:id': [
    {
      request: async (s, app) => {
        const spare = await asOwnerManager(app, s, 'POST', '/api/services', {
          title: 'Conseil',
          domain: 'animation_facilitation',
        });
        return { url: `/api/services/${spare.id}` };
      },
      expect: editsListing,
    },
  ],

  'GET /api/needs': [{ request: () => ({ url: '/api/needs' }), expect: everyone }],
  'POST /api/needs': [
    {
      request: () => ({ url: '/api/needs', payload: { kind: 'item', title: 'Cherche un barnum' } }),
      expect: publishes,
    },
  ],
  'GET /api/needs/:id': [{ request: (s) => ({ url: `/api/needs/${s.need.id}` }), expect: seesListing }],
  'PATCH /api/needs/:id': [
    {
      request: (s) => ({ url: `/api/needs/${s.need.id}`, payload: { description: 'Pour juin.' } }),
      expect: editsListing,
    },
  ],
  'DELETE /api/needs/:id': [{ request: (s) => ({ url: `/api/needs/${s.need.id}` }), expect: editsListing }],
  'POST /api/needs/:id/responses': [
    {
      request: (s) => ({ url: `/api/needs/${s.need.id}/responses`, payload: { message: 'Nous en avons.' } }),
      expect: [401, 404, 403, 403, 'ok', 403, 403, 404],
    },
  ],

  'POST /api/bookings': [
    {
      request: (s) => ({
        url: '/api/bookings',
        payload: { itemId: s.spareItem.id, startDate: day(40), endDate: day(41) },
      }),
      expect: [401, 403, 400, 400, 'ok', 403, 403, 403],
    },
  ],
  'POST /api/bookings/batch': [
    {
      request: (s) => ({
        url: '/api/bookings/batch',
        payload: { startDate: day(45), endDate: day(46), lines: [{ itemId: s.spareItem.id }] },
      }),
      expect: [401, 403, 400, 400, 'ok', 403, 403, 403],
    },
  ],
  'GET /api/bookings': [{ request: () => ({ url: '/api/bookings?as=borrower' }), expect: signedIn }],
  'GET /api/bookings/dashboard': [{ request: () => ({ url: '/api/bookings/dashboard' }), expect: signedIn }],
  'GET /api/bookings/groups/:id': [
    { request: async (s) => ({ url: `/api/bookings/groups/${(await s.loans()).groupId}` }), expect: eitherSide },
  ],
  'GET /api/bookings/:id': [
    { request: async (s) => ({ url: `/api/bookings/${(await s.loans()).requested}` }), expect: eitherSide },
  ],
  'POST /api/bookings/:id/accept': [
    { request: async (s) => ({ url: `/api/bookings/${(await s.loans()).requested}/accept` }), expect: lenderSide },
  ],
  'POST /api/bookings/:id/decline': [
    { request: async (s) => ({ url: `/api/bookings/${(await s.loans()).requested}/decline` }), expect: lenderSide },
  ],
  'POST /api/bookings/:id/cancel': [
    { request: async (s) => ({ url: `/api/bookings/${(await s.loans()).requested}/cancel` }), expect: borrowerSide },
  ],
  'POST /api/bookings/:id/pickup': [
    { request: async (s) => ({ url: `/api/bookings/${(await s.loans()).accepted}/pickup` }), expect: lenderSide },
  ],
  'POST /api/bookings/:id/return': [
    { request: async (s) => ({ url: `/api/bookings/${(await s.loans()).pickedUp}/return` }), expect: lenderSide },
  ],
  'POST /api/bookings/:id/done': [
    { request: async (s) => ({ url: `/api/bookings/${(await s.loans()).serviceAccepted}/done` }), expect: lenderSide },
  ],
  'POST /api/bookings/:id/close': [
    { request: async (s) => ({ url: `/api/bookings/${(await s.loans()).returned}/close` }), expect: eitherSide },
  ],
  'GET /api/bookings/:id/messages': [
    { request: async (s) => ({ url: `/api/bookings/${(await s.loans()).requested}/messages` }), expect: eitherSide },
  ],
  'POST /api/bookings/:id/messages': [
    {
      request: async (s) => ({
        url: `/api/bookings/${(await s.loans()).requested}/messages`,
        payload: { body: 'Bonjour !' },
      }),
      expect: eitherSide,
    },
  ],
  'GET /api/email-actions/:token': [
    { request: () => ({ url: `/api/email-actions/${garbledToken}` }), expect: sameForAll(400) },
  ],
  'POST /api/email-actions/:token': [
    { request: () => ({ url: `/api/email-actions/${garbledToken}` }), expect: sameForAll(400) },
  ],

  'GET /api/notifications': [{ request: () => ({ url: '/api/notifications' }), expect: signedIn }],
  'GET /api/notifications/unread': [{ request: () => ({ url: '/api/notifications/unread' }), expect: signedIn }],
  'POST /api/notifications/:id/read': [
    {
      request: async (s, _app, db) => {
        await s.loans();
        const [mine] = await db
          .select({ id: notifications.id })
          .from(notifications)
          .where(and(eq(notifications.recipientId, s.people.ownerManager.id), eq(notifications.channel, 'in_app')))
          .limit(1);
        return { url: `/api/notifications/${mine!.id}/read` };
      },
      expect: [401, 404, 404, 'ok', 404, 404, 404, 404],
    },
  ],
  'POST /api/notifications/read-all': [{ request: () => ({ url: '/api/notifications/read-all' }), expect: signedIn }],
  'GET /api/me/notification-preferences': [
    { request: () => ({ url: '/api/me/notification-preferences' }), expect: signedIn },
  ],
  'PATCH /api/me/notification-preferences': [
    {
      request: () => ({
        url: '/api/me/notification-preferences',
        payload: { preferences: [{ kind: 'booking.message', email: 'digest' }] },
      }),
      expect: signedIn,
    },
  ],
  'GET /api/unsubscribe/:token': [
    { request: () => ({ url: `/api/unsubscribe/${garbledToken}` }), expect: sameForAll(400) },
  ],
  'POST /api/unsubscribe/:token': [
    { request: () => ({ url: `/api/unsubscribe/${garbledToken}` }), expect: sameForAll(400) },
  ],

  'GET /api/admin/emails': [{ request: () => ({ url: '/api/admin/emails' }), expect: networkAdmins }],
  'GET /api/admin/emails/:id': [
    {
      request: async (s, _app, db) => {
        await s.loans();
        return { url: `/api/admin/emails/${await emailTo(db, s.people.ownerManager.id)}` };
      },
      expect: adminOfItsNetwork,
    },
  ],
  'POST /api/admin/emails/:id/retry': [
    {
      request: async (s, _app, db) => {
        await s.loans();
        const id = await emailTo(db, s.people.ownerManager.id);
        await db.update(notifications).set({ status: 'failed' }).where(eq(notifications.id, id));
        return { url: `/api/admin/emails/${id}/retry` };
      },
      expect: adminOfItsNetwork,
    },
  ],
  'GET /api/admin/email-templates': [{ request: () => ({ url: '/api/admin/email-templates' }), expect: networkAdmins }],

  'POST /api/items/:id/photos': [
    { request: (s) => photoUpload(`/api/items/${s.item.id}/photos`), expect: editsListing },
  ],
  'DELETE /api/items/:id/photos/:photoId': [
    {
      request: async (s, app) => ({
        url: `/api/items/${s.item.id}/photos/${await uploadedPhoto(app, s, 'items', s.item.id)}`,
      }),
      expect: editsListing,
    },
  ],
  'POST /api/services/:id/photos': [
    { request: (s) => photoUpload(`/api/services/${s.service.id}/photos`), expect: editsListing },
  ],
  'DELETE /api/services/:id/photos/:photoId': [
    {
      request: async (s, app) => ({
        url: `/api/services/${s.service.id}/photos/${await uploadedPhoto(app, s, 'services', s.service.id)}`,
      }),
      expect: editsListing,
    },
  ],
  'GET /api/photos/:id/:file': [
    {
      request: async (s, app) => ({
        url: `/api/photos/${await uploadedPhoto(app, s, 'items', s.item.id)}/medium.webp`,
      }),
      expect: seesListing,
    },
  ],
};

async function emailTo(db: Database, recipientId: string): Promise<number> {
  const [email] = await db
    .select({ id: notifications.id })
    .from(notifications)
    .where(and(eq(notifications.recipientId, recipientId), eq(notifications.channel, 'email')))
    .limit(1);
  return email!.id;
}

// A 1×1 PNG: the smallest photo the API accepts.
const tinyPng = Buffer.from(
  'iVBORw0KGgoAAAANSUhEUgAAAAEAAAABCAYAAAAfFcSJAAAADUlEQVR42mP8z8BQDwAEhQGAhKmMIQAAAABJRU5ErkJggg==',
  'base64',
);

function photoUpload(url: string): Request {
  const boundary = `----mutua${uniqueSuffix()}`;
  const body = Buffer.concat([
    Buffer.from(
      `--${boundary}\r\nContent-Disposition: form-data; name="photo"; filename="photo.png"\r\nContent-Type: image/png\r\n\r\n`,
    ),
    tinyPng,
    Buffer.from(`\r\n--${boundary}--\r\n`),
  ]);
  return { url, payload: body, headers: { 'content-type': `multipart/form-data; boundary=${boundary}` } };
}

async function uploadedPhoto(
  app: App,
  scene: AccessScene,
  listings: 'items' | 'services',
  id: string,
): Promise<string> {
  const upload = photoUpload(`/api/${listings}/${id}/photos`);
  const response = await app.inject({
    method: 'POST',
    url: upload.url,
    payload: upload.payload as Buffer,
    headers: { ...scene.headers.ownerManager, ...upload.headers },
  });
  if (response.statusCode !== 201) throw new Error(`setup photo upload failed: ${response.body}`);
  return response.json<{ id: string }>().id;
}

const context = useTestApp();

/** The routes the API documents: its route table, as clients see it. */
function documentedRoutes(app: App): string[] {
  const document = app.swagger() as { paths: Record<string, Record<string, unknown>> };
  return Object.entries(document.paths).flatMap(([path, operations]) =>
    Object.keys(operations)
      .filter((method) => ['get', 'post', 'put', 'patch', 'delete'].includes(method))
      .map((method) => `${method.toUpperCase()} ${path.replace(/\{(\w+)\}/g, ':$1')}`),
  );
}

describe('the authorisation matrix', () => {
  it('has a row for every route, and no row for a route that does not exist', () => {
    const routes = documentedRoutes(context.app).filter((route) => !route.includes('/api/docs'));
    expect(
      routes.filter((route) => !(route in matrix)),
      'routes without a row in the matrix',
    ).toEqual([]);
    expect(
      Object.keys(matrix).filter((route) => !routes.includes(route)),
      'rows for unknown routes',
    ).toEqual([]);
  });

  let shared: AccessScene;
  beforeAll(async () => {
    shared = await buildAccessScene(context.app, context.connection.db);
  }, 60_000);

  for (const [route, cases] of Object.entries(matrix)) {
    const [method] = route.split(' ') as ['GET' | 'POST' | 'PATCH' | 'DELETE'];
    for (const matrixCase of cases) {
      it(`${route}${matrixCase.what ? ` (${matrixCase.what})` : ''}`, async () => {
        const got: Cell[] = [];
        const { app, connection } = context;
        const sharedRequest = method === 'GET' ? await matrixCase.request(shared, app, connection.db) : null;
        // Refusals write nothing, so the callers refused share one world; each caller let through gets
        // a world of their own, so that one caller's success cannot decide another's answer.
        const refusedScene = sharedRequest ? shared : await buildAccessScene(app, connection.db);
        const refusedRequest = sharedRequest ?? (await matrixCase.request(refusedScene, app, connection.db));
        for (const [index, actor] of matrixActors.entries()) {
          const refused = [401, 403, 404].includes(matrixCase.expect[index] as number);
          if (refused || sharedRequest) {
            got.push(await statusFor(refusedScene, actor, method, refusedRequest));
            continue;
          }
          const scene = await buildAccessScene(app, connection.db);
          got.push(await statusFor(scene, actor, method, await matrixCase.request(scene, app, connection.db)));
        }
        expect(Object.fromEntries(matrixActors.map((a, i) => [a, got[i]]))).toEqual(
          Object.fromEntries(matrixActors.map((a, i) => [a, matrixCase.expect[i]])),
        );
      }, 120_000);
    }
  }
});

async function statusFor(scene: AccessScene, actor: MatrixActor, method: string, request: Request): Promise<Cell> {
  const response = await context.app.inject({
    method: method as 'GET',
    url: request.url,
    headers: { ...scene.headers[actor], ...request.headers },
    ...(request.payload === undefined ? {} : { payload: request.payload as object }),
  });
  if (response.statusCode >= 500) throw new Error(`${method} ${request.url} as ${actor}: ${response.body}`);
  return response.statusCode < 300 ? 'ok' : response.statusCode;
}
