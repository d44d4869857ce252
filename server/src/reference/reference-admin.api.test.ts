import { and, eq } from 'drizzle-orm';
import { describe, expect, it } from 'vitest';
import { auditEntries } from '../db/schema/audit.ts';
import { categories } from '../db/schema/categories.ts';
import { networkTerritories } from '../db/schema/networks.ts';
import {
  makeItem,
  makeNetwork,
  makeNetworkAdmin,
  signIn,
  signedInStructure,
  uniqueSuffix,
} from '../../test/factories.ts';
import { useTestApp } from '../../test/test-app.ts';

// Categories are the platform's: a database of its own, so that other files' taxonomy stays the seed's.
const t = useTestApp({ ownDatabase: true });
const db = () => t.connection.db;

async function signedInAdmin() {
  const network = await makeNetwork(db());
  const admin = await makeNetworkAdmin(db(), network.id);
  return { network, admin, headers: await signIn(t.app, admin.email) };
}

async function auditOf(targetType: string, targetId: string) {
  return db()
    .select({
      action: auditEntries.action,
      actorId: auditEntries.actorId,
      before: auditEntries.before,
      after: auditEntries.after,
      networkIds: auditEntries.networkIds,
    })
    .from(auditEntries)
    .where(and(eq(auditEntries.targetType, targetType), eq(auditEntries.targetId, targetId)))
    .orderBy(auditEntries.id);
}

describe('categories, managed by any network’s admins', () => {
  it('adds, renames, reorders and deletes a category, each change audited with before and after', async () => {
    const { network, admin, headers } = await signedInAdmin();
    const family = `famille-${uniqueSuffix()}`;
    const child = `${family}-sous`;

    const created = await t.app.inject({
      method: 'POST',
      url: '/api/admin/categories',
      headers,
      payload: { id: family, nameFr: 'Cuisine', nameEn: 'Kitchen' },
    });
    expect(created.statusCode, created.body).toBe(201);
    const sub = await t.app.inject({
      method: 'POST',
      url: '/api/admin/categories',
      headers,
      payload: { id: child, parentId: family, nameFr: 'Marmites', nameEn: 'Pots', position: 3 },
    });
    expect(sub.json()).toMatchObject({ id: child, parentId: family, position: 3, itemCount: 0 });
    const grandChild = await t.app.inject({
      method: 'POST',
      url: '/api/admin/categories',
      headers,
      payload: { id: `${child}-x`, parentId: child, nameFr: 'Trop profond', nameEn: 'Too deep' },
    });
    expect(grandChild.statusCode).toBe(400);
    const again = await t.app.inject({
      method: 'POST',
      url: '/api/admin/categories',
      headers,
      payload: { id: family, nameFr: 'Doublon', nameEn: 'Twice' },
    });
    expect(again.json()).toMatchObject({ error: 'validation_failed', details: [{ path: 'id', code: 'unique' }] });

    const renamed = await t.app.inject({
      method: 'PATCH',
      url: `/api/admin/categories/${child}`,
      headers,
      payload: { nameFr: 'Grandes marmites', nameEn: 'Pots', position: 1 },
    });
    expect(renamed.json()).toMatchObject({ nameFr: 'Grandes marmites', position: 1 });

    const list = await t.app.inject({ method: 'GET', url: '/api/admin/categories', headers });
    expect(list.json().categories.find((c: { id: string }) => c.id === family)).toMatchObject({ childCount: 1 });
    const publicList = await t.app.inject({ method: 'GET', url: '/api/categories' });
    expect(publicList.json().categories.find((c: { id: string }) => c.id === child)).toMatchObject({
      name: 'Grandes marmites',
    });

    // The family holds a sub-category: it stays.
    const inUse = await t.app.inject({ method: 'DELETE', url: `/api/admin/categories/${family}`, headers });
    expect(inUse.statusCode).toBe(409);
    expect(inUse.json()).toMatchObject({ error: 'category_in_use' });

    expect((await t.app.inject({ method: 'DELETE', url: `/api/admin/categories/${child}`, headers })).statusCode).toBe(
      200,
    );
    expect(await db().select().from(categories).where(eq(categories.id, child))).toEqual([]);

    expect(await auditOf('category', child)).toEqual([
      {
        action: 'category.changed',
        actorId: admin.id,
        before: null,
        after: { id: child, parentId: family, nameFr: 'Marmites', nameEn: 'Pots', position: 3 },
        networkIds: [network.id],
      },
      {
        action: 'category.changed',
        actorId: admin.id,
        before: { nameFr: 'Marmites', position: 3 },
        after: { nameFr: 'Grandes marmites', position: 1 },
        networkIds: [network.id],
      },
      {
        action: 'category.changed',
        actorId: admin.id,
        before: { id: child, parentId: family, nameFr: 'Grandes marmites', nameEn: 'Pots', position: 1 },
        after: null,
        networkIds: [network.id],
      },
    ]);
  });

  it('refuses to delete a category an item uses (409), and lets nobody but admins manage them', async () => {
    const { network, headers } = await signedInAdmin();
    const id = `utilisee-${uniqueSuffix()}`;
    await db().insert(categories).values({ id, nameFr: 'Utilisée', nameEn: 'Used' });
    const structure = await signedInStructure(t.app, db(), { networkId: network.id });
    await makeItem(db(), { organisationId: structure.organisation.id, categoryId: id });

    const response = await t.app.inject({ method: 'DELETE', url: `/api/admin/categories/${id}`, headers });
    expect(response.statusCode).toBe(409);
    expect(response.json()).toMatchObject({ error: 'category_in_use', message: expect.stringMatching(/objets/) });
    expect(await db().select().from(categories).where(eq(categories.id, id))).toHaveLength(1);
    expect(await auditOf('category', id)).toEqual([]);

    const asManager = await t.app.inject({
      method: 'PATCH',
      url: `/api/admin/categories/${id}`,
      headers: structure.headers,
      payload: { nameFr: 'Pirate' },
    });
    expect(asManager.statusCode).toBe(403);
    expect(
      (await t.app.inject({ method: 'DELETE', url: '/api/admin/categories/inconnue-x', headers })).statusCode,
    ).toBe(404);
  });
});

describe('a network’s territories', () => {
  it('replaces the départements with known codes only, audited with the lists before and after', async () => {
    const { network, admin, headers } = await signedInAdmin();
    const put = (codes: string[], as = headers) =>
      t.app.inject({
        method: 'PUT',
        url: `/api/admin/networks/${network.id}/territories`,
        headers: as,
        payload: { codes },
      });

    expect((await put(['80', '59'])).json()).toEqual({ networkId: network.id, codes: ['59', '80'] });
    const unknown = await put(['59', 'ZZ']);
    expect(unknown.statusCode).toBe(400);
    expect(unknown.json()).toMatchObject({
      error: 'validation_failed',
      details: [{ path: 'codes.1', code: 'exists' }],
    });
    expect((await put(['59', '62'])).statusCode).toBe(200);

    const read = await t.app.inject({ method: 'GET', url: `/api/admin/networks/${network.id}/territories`, headers });
    expect(read.json()).toEqual({ networkId: network.id, codes: ['59', '62'] });
    expect(
      (await db().select().from(networkTerritories).where(eq(networkTerritories.networkId, network.id))).length,
    ).toBe(2);

    expect(await auditOf('network', network.id)).toEqual([
      {
        action: 'territory.changed',
        actorId: admin.id,
        before: { codes: [] },
        after: { codes: ['59', '80'] },
        networkIds: [network.id],
      },
      {
        action: 'territory.changed',
        actorId: admin.id,
        before: { codes: ['59', '80'] },
        after: { codes: ['59', '62'] },
        networkIds: [network.id],
      },
    ]);

    const foreign = await signedInAdmin();
    expect((await put(['02'], foreign.headers)).statusCode).toBe(403);
    const foreignRead = await t.app.inject({
      method: 'GET',
      url: `/api/admin/networks/${network.id}/territories`,
      headers: foreign.headers,
    });
    expect(foreignRead.statusCode).toBe(403);
  });
});
