import { eq } from 'drizzle-orm';
import { describe, expect, it } from 'vitest';
import { items } from '../db/schema/items.ts';
import { networks } from '../db/schema/networks.ts';
import { makeItem, makeService, signedInMember, uniqueSuffix } from '../../test/factories.ts';
import { auditAbout, eventsOf, foreignAdmin, moderatedNetwork } from '../../test/listing-moderation-factories.ts';
import { useTestApp } from '../../test/test-app.ts';

const t = useTestApp();
const db = () => t.connection.db;

function moderate(
  headers: Record<string, string>,
  listing: { type: 'items' | 'services'; id: string },
  action: 'approve' | 'request-changes' | 'hide' | 'unhide' | 'archive',
  payload: object = {},
) {
  return t.app.inject({
    method: 'POST',
    url: `/api/admin/listings/${listing.type}/${listing.id}/${action}`,
    headers,
    payload,
  });
}

/** The ids search finds among a structure's listings, for someone not signed in. */
async function found(kind: 'items' | 'services', organisationId: string) {
  const response = await t.app.inject({ method: 'GET', url: `/api/${kind}?organisation=${organisationId}` });
  expect(response.statusCode, response.body).toBe(200);
  return response.json<{ items: Array<{ id: string }> }>().items.map((listing) => listing.id);
}

async function statusOf(itemId: string) {
  const [row] = await db().select({ status: items.status }).from(items).where(eq(items.id, itemId));
  return row?.status;
}

async function publish(headers: Record<string, string>, title: string) {
  const response = await t.app.inject({
    method: 'POST',
    url: '/api/items',
    headers,
    payload: { title, categoryId: 'tonnelles', quantity: 1, visibility: 'all' },
  });
  expect(response.statusCode, response.body).toBe(201);
  return response.json<{ id: string; status: string }>();
}

describe('hiding and unhiding a listing', () => {
  it('takes it out of search at once, freezes it for its structure, and brings it back on unhide, each step audited and told', async () => {
    const { moderator, lender } = await moderatedNetwork(t.app, db());
    const organisationId = lender.organisation.id;
    const item = await makeItem(db(), { organisationId, title: `Barnum ${uniqueSuffix()}` });
    expect(await found('items', organisationId)).toEqual([item.id]);

    const hidden = await moderate(moderator.headers, { type: 'items', id: item.id }, 'hide', {
      reason: 'Photo sans rapport avec l’objet.',
    });
    expect(hidden.statusCode, hidden.body).toBe(200);
    expect(hidden.json()).toMatchObject({
      id: item.id,
      type: 'item',
      status: 'hidden',
      structure: { id: organisationId },
    });
    expect(await found('items', organisationId)).toEqual([]);

    // The structure cannot publish it again, nor edit it.
    const republish = await t.app.inject({
      method: 'PATCH',
      url: `/api/items/${item.id}`,
      headers: lender.headers,
      payload: { status: 'published' },
    });
    expect(republish.statusCode).toBe(403);
    expect(republish.json().error).toBe('listing_hidden');
    expect(await statusOf(item.id)).toBe('hidden');

    const again = await moderate(moderator.headers, { type: 'items', id: item.id }, 'hide', { reason: 'Encore.' });
    expect(again.statusCode).toBe(409);
    expect(again.json().error).toBe('listing_moderation_conflict');

    const unhidden = await moderate(moderator.headers, { type: 'items', id: item.id }, 'unhide');
    expect(unhidden.statusCode, unhidden.body).toBe(200);
    expect(unhidden.json().status).toBe('published');
    expect(await found('items', organisationId)).toEqual([item.id]);

    const audit = await auditAbout(db(), item.id);
    expect(
      audit.map(({ action, before, after, note, actorId, organisationId: about }) => ({
        action,
        before,
        after,
        note,
        actorId,
        about,
      })),
    ).toEqual([
      {
        action: 'listing.hidden',
        before: { status: 'published' },
        after: { status: 'hidden' },
        note: 'Photo sans rapport avec l’objet.',
        actorId: moderator.id,
        about: organisationId,
      },
      {
        action: 'listing.unhidden',
        before: { status: 'hidden' },
        after: { status: 'published' },
        note: null,
        actorId: moderator.id,
        about: organisationId,
      },
    ]);
    expect((await eventsOf(db(), 'listing.hidden', { organisationId })).map((e) => e.params)).toEqual([
      { listingType: 'item', listingId: item.id, reason: 'Photo sans rapport avec l’objet.' },
    ]);
    expect((await eventsOf(db(), 'listing.restored', { organisationId })).map((e) => e.params)).toEqual([
      { listingType: 'item', listingId: item.id },
    ]);
  });

  it('hides a service offer too, and refuses a blank reason without writing anything', async () => {
    const { admin, lender } = await moderatedNetwork(t.app, db());
    const service = await makeService(db(), { organisationId: lender.organisation.id });
    expect(await found('services', lender.organisation.id)).toEqual([service.id]);
    const blank = await moderate(admin.headers, { type: 'services', id: service.id }, 'hide', { reason: '   ' });
    expect(blank.statusCode).toBe(400);
    expect(await auditAbout(db(), service.id)).toEqual([]);
    const hidden = await moderate(admin.headers, { type: 'services', id: service.id }, 'hide', {
      reason: 'Hors charte.',
    });
    expect(hidden.statusCode, hidden.body).toBe(200);
    expect(await found('services', lender.organisation.id)).toEqual([]);
  });

  it('lets only one of two moderators acting at once succeed', async () => {
    const { moderator, admin, lender } = await moderatedNetwork(t.app, db());
    const item = await makeItem(db(), { organisationId: lender.organisation.id });
    const answers = await Promise.all([
      moderate(moderator.headers, { type: 'items', id: item.id }, 'hide', { reason: 'Un.' }),
      moderate(admin.headers, { type: 'items', id: item.id }, 'hide', { reason: 'Deux.' }),
    ]);
    expect(answers.map((a) => a.statusCode).sort()).toEqual([200, 409]);
    expect((await auditAbout(db(), item.id)).map((e) => e.action)).toEqual(['listing.hidden']);
  });

  it('is for the moderation of the listing’s networks only', async () => {
    const { lender } = await moderatedNetwork(t.app, db());
    const elsewhere = await foreignAdmin(t.app, db());
    const member = await signedInMember(t.app, db(), lender.organisation.id);
    const item = await makeItem(db(), { organisationId: lender.organisation.id, visibility: 'networks' });
    const foreign = await moderate(elsewhere.headers, { type: 'items', id: item.id }, 'hide', { reason: 'Non.' });
    expect(foreign.statusCode).toBe(404);
    const own = await moderate(member.headers, { type: 'items', id: item.id }, 'hide', { reason: 'Non.' });
    expect(own.statusCode).toBe(403);
    const list = await t.app.inject({
      method: 'GET',
      url: '/api/admin/listings?status=published',
      headers: elsewhere.headers,
    });
    expect(list.statusCode).toBe(200);
    expect(list.json().listings.map((l: { id: string }) => l.id)).not.toContain(item.id);
    expect(await statusOf(item.id)).toBe('published');
  });
});

describe('reviewing new listings', () => {
  it('lists what waits oldest first, publishes on approval, sends back to draft with a message', async () => {
    const { network, moderator, lender } = await moderatedNetwork(t.app, db());
    await db().update(networks).set({ listingReview: 'every' }).where(eq(networks.id, network.id));
    const first = await publish(lender.headers, `Tonnelle ${uniqueSuffix()}`);
    const second = await publish(lender.headers, `Barnum ${uniqueSuffix()}`);
    expect([first.status, second.status]).toEqual(['pending_review', 'pending_review']);
    expect(await found('items', lender.organisation.id)).toEqual([]);

    const waiting = await t.app.inject({ method: 'GET', url: '/api/admin/listings', headers: moderator.headers });
    expect(waiting.statusCode, waiting.body).toBe(200);
    expect(waiting.json().listings.map((l: { id: string }) => l.id)).toEqual([first.id, second.id]);
    expect(waiting.json().listings[0]).toMatchObject({
      type: 'item',
      status: 'pending_review',
      category: 'tonnelles',
      structure: { id: lender.organisation.id, name: lender.organisation.name },
      networks: [{ id: network.id, name: network.name }],
    });

    const approved = await moderate(moderator.headers, { type: 'items', id: first.id }, 'approve');
    expect(approved.statusCode, approved.body).toBe(200);
    expect(approved.json().status).toBe('published');
    expect(await found('items', lender.organisation.id)).toEqual([first.id]);
    const twice = await moderate(moderator.headers, { type: 'items', id: first.id }, 'approve');
    expect(twice.statusCode).toBe(409);
    expect(twice.json().error).toBe('listing_moderation_conflict');

    const blank = await moderate(moderator.headers, { type: 'items', id: second.id }, 'request-changes', {
      message: ' ',
    });
    expect(blank.statusCode).toBe(400);
    const sentBack = await moderate(moderator.headers, { type: 'items', id: second.id }, 'request-changes', {
      message: 'Ajoutez une photo et les dimensions.',
    });
    expect(sentBack.statusCode, sentBack.body).toBe(200);
    expect(sentBack.json().status).toBe('draft');

    const organisationId = lender.organisation.id;
    expect((await eventsOf(db(), 'listing.approved', { organisationId })).map((e) => e.params)).toEqual([
      { listingType: 'item', listingId: first.id },
    ]);
    expect((await eventsOf(db(), 'listing.changes_requested', { organisationId })).map((e) => e.params)).toEqual([
      { listingType: 'item', listingId: second.id, message: 'Ajoutez une photo et les dimensions.' },
    ]);
    expect((await auditAbout(db(), second.id)).map(({ action, note }) => ({ action, note }))).toEqual([
      { action: 'listing.changes_requested', note: 'Ajoutez une photo et les dimensions.' },
    ]);
    const left = await t.app.inject({ method: 'GET', url: '/api/admin/listings', headers: moderator.headers });
    expect(left.json().listings).toEqual([]);
  });

  it('under the « first » policy, reviews a structure’s first three listings and publishes the fourth at once', async () => {
    const { network, moderator, lender } = await moderatedNetwork(t.app, db());
    await db().update(networks).set({ listingReview: 'first' }).where(eq(networks.id, network.id));
    for (let count = 0; count < 3; count += 1) {
      const listing = await publish(lender.headers, `Objet ${count} ${uniqueSuffix()}`);
      expect(listing.status).toBe('pending_review');
      expect((await moderate(moderator.headers, { type: 'items', id: listing.id }, 'approve')).statusCode).toBe(200);
    }
    const fourth = await publish(lender.headers, `Quatrième ${uniqueSuffix()}`);
    expect(fourth.status).toBe('published');
    expect(await found('items', lender.organisation.id)).toContain(fourth.id);
  });
});

describe('archiving a listing', () => {
  it('archives what is not archived yet, with the reason told to the structure', async () => {
    const { admin, lender } = await moderatedNetwork(t.app, db());
    const item = await makeItem(db(), { organisationId: lender.organisation.id });
    const archived = await moderate(admin.headers, { type: 'items', id: item.id }, 'archive', {
      reason: 'Doublon de la tonnelle 3x3.',
    });
    expect(archived.statusCode, archived.body).toBe(200);
    expect(archived.json().status).toBe('archived');
    expect(await found('items', lender.organisation.id)).toEqual([]);
    const twice = await moderate(admin.headers, { type: 'items', id: item.id }, 'archive', {});
    expect(twice.statusCode).toBe(409);
    expect(
      (await eventsOf(db(), 'listing.archived', { organisationId: lender.organisation.id })).map((e) => e.params),
    ).toEqual([{ listingType: 'item', listingId: item.id, reason: 'Doublon de la tonnelle 3x3.' }]);
    expect((await auditAbout(db(), item.id)).map(({ action, before, after }) => ({ action, before, after }))).toEqual([
      { action: 'listing.archived', before: { status: 'published' }, after: { status: 'archived' } },
    ]);
  });
});
