import { describe, expect, it } from 'vitest';
import { makeService, signedInStructure } from '../../test/factories.ts';
import { useTestApp } from '../../test/test-app.ts';

const t = useTestApp();
const db = () => t.connection.db;

describe('service offers', () => {
  it('offers a service and finds it by text and domain', async () => {
    const provider = await signedInStructure(t.app, db());
    const response = await t.app.inject({
      method: 'POST',
      url: '/api/services',
      headers: provider.headers,
      payload: {
        title: 'Animation de réunions participatives',
        domain: 'animation_facilitation',
        format: 'on_site',
        durationMinutes: 120,
        providerName: 'Hugo',
        participation: 'exchange',
        visibility: 'all',
      },
    });
    expect(response.statusCode, response.body).toBe(201);
    expect(response.json()).toMatchObject({
      kind: 'service',
      status: 'published',
      city: 'Lille',
      price: null,
      viewer: { canEdit: true },
    });
    const base = `/api/services?organisation=${provider.organisation.id}`;
    const byText = (await t.app.inject({ method: 'GET', url: `${base}&q=reunion%20participative` })).json();
    expect(byText.items.map((s: { title: string }) => s.title)).toEqual(['Animation de réunions participatives']);
    const byDomain = (await t.app.inject({ method: 'GET', url: `${base}&category=pedagogie` })).json();
    expect(byDomain.items).toEqual([]);
    expect(
      (await t.app.inject({ method: 'GET', url: `${base}&category=animation_facilitation` })).json().items,
    ).toHaveLength(1);
  });

  it('asks a price exactly when the participation is a price', async () => {
    const provider = await signedInStructure(t.app, db());
    const base = { title: 'Théâtre-forum', domain: 'pedagogie' };
    for (const payload of [
      { ...base, participation: 'price' },
      { ...base, participation: 'free', price: 10 },
      { ...base, domain: 'cuisine' },
    ]) {
      const response = await t.app.inject({ method: 'POST', url: '/api/services', headers: provider.headers, payload });
      expect(response.statusCode, JSON.stringify(payload)).toBe(400);
    }
    const priced = await t.app.inject({
      method: 'POST',
      url: '/api/services',
      headers: provider.headers,
      payload: { ...base, participation: 'price', price: 250 },
    });
    expect(priced.json()).toMatchObject({ participation: 'price', price: 250 });
    const unknownDomain = await t.app.inject({ method: 'GET', url: '/api/services?category=tonnelles' });
    expect(unknownDomain.statusCode).toBe(400);
  });

  it("lets only the provider's structure change or delete it", async () => {
    const provider = await signedInStructure(t.app, db());
    const service = await makeService(db(), { organisationId: provider.organisation.id });
    const intruder = await signedInStructure(t.app, db());
    const url = `/api/services/${service.id}`;
    expect(
      (await t.app.inject({ method: 'PATCH', url, headers: intruder.headers, payload: { title: 'Piraté' } }))
        .statusCode,
    ).toBe(403);
    expect((await t.app.inject({ method: 'DELETE', url, headers: intruder.headers })).statusCode).toBe(403);
    const edited = await t.app.inject({
      method: 'PATCH',
      url,
      headers: provider.headers,
      payload: { postcode: '80000', city: 'Amiens', status: 'draft' },
    });
    expect(edited.json()).toMatchObject({ city: 'Amiens', territoryCode: '80', status: 'draft' });
    expect((await t.app.inject({ method: 'GET', url })).statusCode).toBe(404);
    expect((await t.app.inject({ method: 'DELETE', url, headers: provider.headers })).statusCode).toBe(204);
  });
});
