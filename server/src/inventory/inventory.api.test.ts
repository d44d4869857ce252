import { describe, expect, it } from 'vitest';
import {
  makeItem,
  makeService,
  makeStructureWithManager,
  signedInMember,
  signedInStructure,
} from '../../test/factories.ts';
import { useTestApp } from '../../test/test-app.ts';

const t = useTestApp();
const db = () => t.connection.db;

type Inventory = {
  items: Array<{ title: string; status: string; kind: string }>;
  services: Array<{ title: string; status: string; kind: string }>;
};

describe("a structure's inventory", () => {
  it('shows its members every item and service of theirs, in every status, newest first', async () => {
    const lender = await makeStructureWithManager(db());
    const organisationId = lender.organisation.id;
    const statuses = ['published', 'draft', 'pending_review', 'hidden', 'archived'] as const;
    for (const [index, status] of statuses.entries()) {
      const createdAt = new Date(Date.UTC(2026, 0, 1 + index));
      await makeItem(db(), { organisationId, title: `Objet ${status}`, status, visibility: 'networks', createdAt });
      await makeService(db(), { organisationId, title: `Service ${status}`, status, createdAt });
    }
    const other = (await makeStructureWithManager(db())).organisation.id;
    await makeItem(db(), { organisationId: other, title: 'Objet d’une autre structure' });

    const member = await signedInMember(t.app, db(), organisationId);
    const response = await t.app.inject({
      method: 'GET',
      url: `/api/organisations/${organisationId}/listings`,
      headers: member.headers,
    });
    expect(response.statusCode, response.body).toBe(200);
    const inventory = response.json<Inventory>();
    const newestFirst = [...statuses].reverse();
    expect(inventory.items.map((item) => [item.title, item.status, item.kind])).toEqual(
      newestFirst.map((status) => [`Objet ${status}`, status, 'item']),
    );
    expect(inventory.services.map((service) => [service.title, service.status, service.kind])).toEqual(
      newestFirst.map((status) => [`Service ${status}`, status, 'service']),
    );
  });

  it('is closed to other structures and to anonymous callers', async () => {
    const lender = await makeStructureWithManager(db());
    await makeItem(db(), { organisationId: lender.organisation.id, title: 'Brouillon', status: 'draft' });
    const url = `/api/organisations/${lender.organisation.id}/listings`;
    const outsider = await signedInStructure(t.app, db(), { networkId: lender.networkId });
    const refused = await t.app.inject({ method: 'GET', url, headers: outsider.headers });
    expect(refused.statusCode).toBe(403);
    expect(refused.json()).toMatchObject({ error: 'forbidden' });
    expect(refused.body).not.toContain('Brouillon');
    expect((await t.app.inject({ method: 'GET', url })).statusCode).toBe(401);
  });
});
