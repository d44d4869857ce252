import { eq, sql } from 'drizzle-orm';
import { describe, expect, it } from 'vitest';
import { items } from '../db/schema/items.ts';
import { networks } from '../db/schema/networks.ts';
import {
  addMember,
  makeItem,
  makeNetwork,
  makeStructureWithManager,
  makeUser,
  signIn,
  signedInStructure,
} from '../../test/factories.ts';
import { useTestApp } from '../../test/test-app.ts';
import { itemCategories } from '../db/seed/categories.ts';

const t = useTestApp();
const db = () => t.connection.db;

async function countItems(organisationId: string) {
  const [row] = await db()
    .select({ count: sql<number>`count(*)::int` })
    .from(items)
    .where(eq(items.organisationId, organisationId));
  return row!.count;
}

const newItem = {
  title: 'Tonnelle 3x3',
  categoryId: 'tonnelles',
  quantity: 2,
  replacementValue: 180.5,
  deposit: 50,
  visibility: 'all',
};

describe('POST /api/items', () => {
  it('lists an item of the caller’s structure, placed at the structure’s address, and makes it findable', async () => {
    const lender = await signedInStructure(t.app, db(), {});
    const response = await t.app.inject({
      method: 'POST',
      url: '/api/items',
      headers: lender.headers,
      payload: newItem,
    });
    expect(response.statusCode, response.body).toBe(201);
    expect(response.json()).toMatchObject({
      title: 'Tonnelle 3x3',
      status: 'published',
      quantity: 2,
      replacementValue: 180.5,
      deposit: 50,
      fee: 'free',
      feeAmount: null,
      pickupCity: 'Lille',
      territoryCode: '59',
      category: { id: 'tonnelles', name: 'Tonnelles', parentId: 'evenementiel' },
      organisation: { id: lender.organisation.id },
      viewer: { canEdit: true },
    });
    const found = (
      await t.app.inject({ method: 'GET', url: `/api/items?organisation=${lender.organisation.id}&q=tonnelles` })
    ).json();
    expect(found.items.map((i: { id: string }) => i.id)).toEqual([response.json().id]);
  });

  it('lets a plain member of an approved structure list too, and places the item where told', async () => {
    const { organisation } = await makeStructureWithManager(db());
    const member = await makeUser(db());
    await addMember(db(), member.id, organisation.id, 'member');
    const response = await t.app.inject({
      method: 'POST',
      url: '/api/items',
      headers: await signIn(t.app, member.email),
      payload: {
        title: 'Grelinette',
        categoryId: 'jardin',
        pickupCity: 'amiens',
        pickupPostcode: '80000',
        fee: 'per_day',
        feeAmount: 2,
      },
    });
    expect(response.statusCode).toBe(201);
    expect(response.json()).toMatchObject({ pickupCity: 'Amiens', territoryCode: '80', fee: 'per_day', feeAmount: 2 });
  });

  it('refuses a pending structure (it cannot publish yet), anonymous callers, and another structure', async () => {
    const pending = await signedInStructure(t.app, db(), { status: 'pending' });
    const refused = await t.app.inject({
      method: 'POST',
      url: '/api/items',
      headers: pending.headers,
      payload: newItem,
    });
    expect(refused.statusCode).toBe(403);
    expect(refused.json()).toMatchObject({
      error: 'organisation_not_active',
      message: expect.stringContaining('pas encore validée'),
    });
    expect(await countItems(pending.organisation.id)).toBe(0);

    expect((await t.app.inject({ method: 'POST', url: '/api/items', payload: newItem })).statusCode).toBe(401);

    const lender = await signedInStructure(t.app, db());
    const other = await makeStructureWithManager(db());
    const forOther = await t.app.inject({
      method: 'POST',
      url: '/api/items',
      headers: lender.headers,
      payload: { ...newItem, organisationId: other.organisation.id },
    });
    expect(forOther.statusCode).toBe(403);
    expect(await countItems(other.organisation.id)).toBe(0);
  });

  it.each([
    ['an unknown category', { categoryId: 'fusees' }, 'categoryId'],
    ['a negative quantity', { quantity: -1 }, 'quantity'],
    ['a quantity of zero', { quantity: 0 }, 'quantity'],
    ['a fractional quantity', { quantity: 1.5 }, 'quantity'],
    ['a negative replacement value', { replacementValue: -10 }, 'replacementValue'],
    ['a fee without its amount', { fee: 'per_day' }, 'feeAmount'],
    ['an amount for a free loan', { fee: 'free', feeAmount: 3 }, 'feeAmount'],
    ['a maximum shorter than the minimum', { minLoanDays: 5, maxLoanDays: 2 }, 'maxLoanDays'],
    ['an unknown condition', { condition: 'cassé' }, 'condition'],
    ['a status kept for moderators', { status: 'hidden' }, 'status'],
    ['an unknown field', { colour: 'red' }, 'colour'],
    ['a too short title', { title: 'ab' }, 'title'],
    ['a bad postcode', { pickupPostcode: '59' }, 'pickupPostcode'],
    ['a text quantity', { quantity: '2' }, 'quantity'],
  ])('refuses %s with a 400 naming the field, and writes nothing', async (_case, change, field) => {
    const lender = await signedInStructure(t.app, db());
    const response = await t.app.inject({
      method: 'POST',
      url: '/api/items',
      headers: lender.headers,
      payload: { ...newItem, ...change },
    });
    expect(response.statusCode).toBe(400);
    expect(response.json().error).toBe('validation_failed');
    expect(response.json().details.map((d: { path: string }) => d.path)).toContain(field);
    expect(await countItems(lender.organisation.id)).toBe(0);
  });

  it('waits for review when the network moderates listings', async () => {
    const network = await makeNetwork(db());
    await db().update(networks).set({ listingReview: 'every' }).where(eq(networks.id, network.id));
    const lender = await signedInStructure(t.app, db(), { networkId: network.id });
    const response = await t.app.inject({
      method: 'POST',
      url: '/api/items',
      headers: lender.headers,
      payload: newItem,
    });
    expect(response.json().status).toBe('pending_review');
    const found = (
      await t.app.inject({ method: 'GET', url: `/api/items?organisation=${lender.organisation.id}` })
    ).json();
    expect(found.items).toEqual([]);
  });
});

describe('PATCH, DELETE and duplicate', () => {
  it('lets the lender edit, archive and publish again', async () => {
    const lender = await signedInStructure(t.app, db());
    const item = await makeItem(db(), { organisationId: lender.organisation.id, title: 'Scie sauteuse' });
    const url = `/api/items/${item.id}`;
    const edited = await t.app.inject({
      method: 'PATCH',
      url,
      headers: lender.headers,
      payload: { quantity: 3, fee: 'per_loan', feeAmount: 5, status: 'archived' },
    });
    expect(edited.statusCode, edited.body).toBe(200);
    expect(edited.json()).toMatchObject({ quantity: 3, fee: 'per_loan', feeAmount: 5, status: 'archived' });
    expect(
      (await t.app.inject({ method: 'GET', url: `/api/items?organisation=${lender.organisation.id}` })).json().items,
    ).toEqual([]);
    const republished = await t.app.inject({
      method: 'PATCH',
      url,
      headers: lender.headers,
      payload: { status: 'published', fee: 'free' },
    });
    expect(republished.json()).toMatchObject({ status: 'published', fee: 'free', feeAmount: null });
  });

  it("refuses another structure's PATCH and DELETE (403 when it sees the item, 404 when not), and changes nothing", async () => {
    const lender = await signedInStructure(t.app, db());
    const item = await makeItem(db(), { organisationId: lender.organisation.id, title: 'Perceuse', quantity: 1 });
    const hidden = await makeItem(db(), { organisationId: lender.organisation.id, status: 'draft', quantity: 1 });
    const intruder = await signedInStructure(t.app, db());
    for (const [target, status] of [
      [item.id, 403],
      [hidden.id, 404],
    ] as const) {
      const patch = await t.app.inject({
        method: 'PATCH',
        url: `/api/items/${target}`,
        headers: intruder.headers,
        payload: { quantity: 99 },
      });
      expect(patch.statusCode).toBe(status);
      const remove = await t.app.inject({ method: 'DELETE', url: `/api/items/${target}`, headers: intruder.headers });
      expect(remove.statusCode).toBe(status);
    }
    const still = (await t.app.inject({ method: 'GET', url: `/api/items/${item.id}` })).json();
    expect(still.quantity).toBe(1);
  });

  it('keeps a listing hidden by moderation hidden', async () => {
    const lender = await signedInStructure(t.app, db());
    const item = await makeItem(db(), { organisationId: lender.organisation.id, status: 'hidden' });
    const response = await t.app.inject({
      method: 'PATCH',
      url: `/api/items/${item.id}`,
      headers: lender.headers,
      payload: { status: 'published' },
    });
    expect(response.statusCode).toBe(403);
    expect(response.json().error).toBe('listing_hidden');
  });

  it('keeps a hidden listing frozen for its structure: no edit, no copy to publish, no new photo', async () => {
    const lender = await signedInStructure(t.app, db());
    const item = await makeItem(db(), { organisationId: lender.organisation.id, status: 'hidden', title: 'Sono' });
    const attempts = [
      { method: 'PATCH' as const, url: `/api/items/${item.id}`, payload: { title: 'Sono (bis)' } },
      { method: 'POST' as const, url: `/api/items/${item.id}/duplicate` },
      { method: 'DELETE' as const, url: `/api/items/${item.id}` },
    ];
    for (const attempt of attempts) {
      const response = await t.app.inject({ ...attempt, headers: lender.headers });
      expect(response.statusCode, attempt.method).toBe(403);
      expect(response.json().error).toBe('listing_hidden');
    }
    const [counted] = await db()
      .select({ count: sql<number>`count(*)::int` })
      .from(items)
      .where(eq(items.organisationId, lender.organisation.id));
    expect(counted!.count).toBe(1);
    const [still] = await db()
      .select({ status: items.status, title: items.title })
      .from(items)
      .where(eq(items.id, item.id));
    expect(still).toEqual({ status: 'hidden', title: 'Sono' });
  });

  it('checks the rules on the item as a whole after a partial change', async () => {
    const lender = await signedInStructure(t.app, db());
    const item = await makeItem(db(), { organisationId: lender.organisation.id, minLoanDays: 3 });
    const response = await t.app.inject({
      method: 'PATCH',
      url: `/api/items/${item.id}`,
      headers: lender.headers,
      payload: { maxLoanDays: 2 },
    });
    expect(response.statusCode).toBe(400);
    expect(response.json().details[0].path).toBe('maxLoanDays');
    const empty = await t.app.inject({
      method: 'PATCH',
      url: `/api/items/${item.id}`,
      headers: lender.headers,
      payload: {},
    });
    expect(empty.statusCode).toBe(400);
  });

  it('duplicates an item as a draft, then deletes it', async () => {
    const lender = await signedInStructure(t.app, db());
    const item = await makeItem(db(), { organisationId: lender.organisation.id, title: 'Table pliante', quantity: 10 });
    const copy = await t.app.inject({
      method: 'POST',
      url: `/api/items/${item.id}/duplicate`,
      headers: lender.headers,
    });
    expect(copy.statusCode).toBe(201);
    expect(copy.json()).toMatchObject({ title: 'Table pliante (copie)', quantity: 10, status: 'draft' });
    const inventory = (
      await t.app.inject({
        method: 'GET',
        url: `/api/organisations/${lender.organisation.id}/listings`,
        headers: lender.headers,
      })
    ).json();
    expect(inventory.items.map((i: { status: string }) => i.status).sort()).toEqual(['draft', 'published']);
    const removed = await t.app.inject({
      method: 'DELETE',
      url: `/api/items/${copy.json().id}`,
      headers: lender.headers,
    });
    expect(removed.statusCode).toBe(204);
    expect(await countItems(lender.organisation.id)).toBe(1);
  });

  it("never shows a structure's inventory to another", async () => {
    const lender = await signedInStructure(t.app, db());
    const other = await signedInStructure(t.app, db());
    const response = await t.app.inject({
      method: 'GET',
      url: `/api/organisations/${lender.organisation.id}/listings`,
      headers: other.headers,
    });
    // The structure is in the directory (it may know it exists), its drafts are not for others.
    expect(response.statusCode).toBe(403);
  });
});

describe('GET /api/categories and /api/territories', () => {
  it('lists the taxonomy, families before their sub-categories, in French or English', async () => {
    const french = (await t.app.inject({ method: 'GET', url: '/api/categories' })).json().categories;
    // Other files add categories of their own to a shared database (admins manage the taxonomy): the seed's keep their order.
    const seeded = new Set(itemCategories.map((category) => category.id));
    const ids = french.map((c: { id: string }) => c.id).filter((id: string) => seeded.has(id));
    expect(ids.slice(0, 5)).toEqual(['evenementiel', 'tonnelles', 'barnums', 'tables', 'chaises']);
    expect(ids).toEqual(
      expect.arrayContaining([
        'mobilite',
        'velos-cargos',
        'outillage',
        'son-lumiere',
        'cuisine-vaisselle',
        'jardin',
        'informatique',
        'autre',
      ]),
    );
    const english = (await t.app.inject({ method: 'GET', url: '/api/categories?lang=en' })).json().categories;
    expect(english.find((c: { id: string }) => c.id === 'velos-cargos').name).toBe('Cargo bikes');
  });

  it('lists the five départements with their communes and coordinates', async () => {
    const territories = (await t.app.inject({ method: 'GET', url: '/api/territories' })).json().territories;
    expect(territories.map((d: { code: string }) => d.code)).toEqual(['02', '59', '60', '62', '80']);
    const somme = territories.find((d: { code: string }) => d.code === '80');
    expect(somme.communes).toContainEqual(
      expect.objectContaining({ name: 'Amiens', inseeCode: '80021', latitude: expect.any(Number) }),
    );
  });
});
