import { describe, expect, it } from 'vitest';
import { makeNetwork, makeNetworkAdmin, makeStructureWithManager, signIn } from '../../test/factories.ts';
import { useTestApp } from '../../test/test-app.ts';

const t = useTestApp();
const db = () => t.connection.db;

async function pendingStructureWithAdmin() {
  const structure = await makeStructureWithManager(db(), { status: 'pending' });
  const admin = await makeNetworkAdmin(db(), structure.networkId);
  return { ...structure, adminHeaders: await signIn(t.app, admin.email) };
}

describe('GET /api/admin/organisations', () => {
  it('lists the pending structures of the admin’s networks with their managers', async () => {
    const { organisation, manager, adminHeaders } = await pendingStructureWithAdmin();
    const elsewhere = await makeStructureWithManager(db(), { status: 'pending' });
    const response = await t.app.inject({
      method: 'GET',
      url: '/api/admin/organisations?status=pending',
      headers: adminHeaders,
    });
    expect(response.statusCode).toBe(200);
    const listed = response.json().organisations;
    expect(listed).toEqual([
      expect.objectContaining({
        id: organisation.id,
        status: 'pending',
        managers: [{ name: manager.name, email: manager.email }],
      }),
    ]);
    expect(listed.map((o: { id: string }) => o.id)).not.toContain(elsewhere.organisation.id);
  });

  it('is for network admins only', async () => {
    const { manager } = await makeStructureWithManager(db());
    const asManager = await t.app.inject({
      method: 'GET',
      url: '/api/admin/organisations',
      headers: await signIn(t.app, manager.email),
    });
    expect(asManager.statusCode).toBe(403);
    expect(asManager.json().error).toBe('forbidden');
    expect((await t.app.inject({ method: 'GET', url: '/api/admin/organisations' })).statusCode).toBe(401);
  });

  it('refuses an unknown status filter', async () => {
    const { adminHeaders } = await pendingStructureWithAdmin();
    const response = await t.app.inject({
      method: 'GET',
      url: '/api/admin/organisations?status=deleted',
      headers: adminHeaders,
    });
    expect(response.statusCode).toBe(400);
  });
});

describe('approving and rejecting a structure', () => {
  it('approves a pending structure: its people can then publish and borrow', async () => {
    const { organisation, manager, adminHeaders } = await pendingStructureWithAdmin();
    const managerHeaders = await signIn(t.app, manager.email);
    const before = (await t.app.inject({ method: 'GET', url: '/api/me', headers: managerHeaders })).json();
    expect(before.memberships[0].canTrade).toBe(false);

    const response = await t.app.inject({
      method: 'POST',
      url: `/api/admin/organisations/${organisation.id}/approve`,
      headers: adminHeaders,
    });
    expect(response.statusCode).toBe(200);
    expect(response.json()).toMatchObject({ id: organisation.id, status: 'active', reviewedAt: expect.any(String) });

    const after = (await t.app.inject({ method: 'GET', url: '/api/me', headers: managerHeaders })).json();
    expect(after.memberships[0]).toMatchObject({ canTrade: true, organisation: { status: 'active' } });
    const directory = (
      await t.app.inject({ method: 'GET', url: `/api/organisations?q=${encodeURIComponent(organisation.name)}` })
    ).json();
    expect(directory.organisations.map((o: { id: string }) => o.id)).toContain(organisation.id);
  });

  it('decides once: a second decision is a 409', async () => {
    const { organisation, adminHeaders } = await pendingStructureWithAdmin();
    await t.app.inject({
      method: 'POST',
      url: `/api/admin/organisations/${organisation.id}/approve`,
      headers: adminHeaders,
    });
    const again = await t.app.inject({
      method: 'POST',
      url: `/api/admin/organisations/${organisation.id}/reject`,
      headers: adminHeaders,
      payload: { reason: 'Trop tard' },
    });
    expect(again.statusCode).toBe(409);
    expect(again.json()).toEqual({
      error: 'organisation_not_pending',
      message: "Cette structure n'est plus en attente (elle est active).",
    });
  });

  it('applies one of two simultaneous decisions and answers the other with a 409', async () => {
    const { organisation, adminHeaders } = await pendingStructureWithAdmin();
    const responses = await Promise.all([
      t.app.inject({
        method: 'POST',
        url: `/api/admin/organisations/${organisation.id}/approve`,
        headers: adminHeaders,
      }),
      t.app.inject({
        method: 'POST',
        url: `/api/admin/organisations/${organisation.id}/reject`,
        headers: adminHeaders,
        payload: { reason: 'Hors du territoire' },
      }),
    ]);
    expect(responses.map((r) => r.statusCode).sort()).toEqual([200, 409]);
  });

  it('rejects with a reason, kept for the structure to read', async () => {
    const { organisation, manager, adminHeaders } = await pendingStructureWithAdmin();
    const response = await t.app.inject({
      method: 'POST',
      url: `/api/admin/organisations/${organisation.id}/reject`,
      headers: adminHeaders,
      payload: { reason: 'Structure hors du territoire du réseau' },
    });
    expect(response.statusCode).toBe(200);
    expect(response.json()).toMatchObject({
      status: 'rejected',
      rejectionReason: 'Structure hors du territoire du réseau',
    });
    const managerHeaders = await signIn(t.app, manager.email);
    const me = (await t.app.inject({ method: 'GET', url: '/api/me', headers: managerHeaders })).json();
    expect(me.memberships[0]).toMatchObject({ canTrade: false, organisation: { status: 'rejected' } });
    const own = (
      await t.app.inject({ method: 'GET', url: `/api/organisations/${organisation.id}`, headers: managerHeaders })
    ).json();
    expect(own.rejectionReason).toBe('Structure hors du territoire du réseau');
  });

  it("cannot decide for another network's structure, nor without being admin", async () => {
    const { organisation, manager } = await pendingStructureWithAdmin();
    const otherAdmin = await makeNetworkAdmin(db(), (await makeNetwork(db())).id);
    const url = `/api/admin/organisations/${organisation.id}/approve`;
    const asOtherAdmin = await t.app.inject({ method: 'POST', url, headers: await signIn(t.app, otherAdmin.email) });
    expect(asOtherAdmin.statusCode).toBe(404);
    const asManager = await t.app.inject({ method: 'POST', url, headers: await signIn(t.app, manager.email) });
    expect(asManager.statusCode).toBe(403);
    const me = (
      await t.app.inject({ method: 'GET', url: '/api/me', headers: await signIn(t.app, manager.email) })
    ).json();
    expect(me.memberships[0].organisation.status).toBe('pending');
  });

  it.each([{}, { reason: '' }, { reason: '   ' }])(
    'refuses a rejection without a reason (%j): nothing changes',
    async (payload) => {
      const { organisation, manager, adminHeaders } = await pendingStructureWithAdmin();
      const response = await t.app.inject({
        method: 'POST',
        url: `/api/admin/organisations/${organisation.id}/reject`,
        headers: adminHeaders,
        payload,
      });
      expect(response.statusCode).toBe(400);
      expect(response.json()).toMatchObject({
        error: 'validation_failed',
        details: [expect.objectContaining({ path: 'reason' })],
      });
      const me = (
        await t.app.inject({ method: 'GET', url: '/api/me', headers: await signIn(t.app, manager.email) })
      ).json();
      expect(me.memberships[0].organisation.status).toBe('pending');
    },
  );

  it('refuses unknown fields in a rejection', async () => {
    const { organisation, adminHeaders } = await pendingStructureWithAdmin();
    const response = await t.app.inject({
      method: 'POST',
      url: `/api/admin/organisations/${organisation.id}/reject`,
      headers: adminHeaders,
      payload: { reason: 'x', notify: false },
    });
    expect(response.statusCode).toBe(400);
    expect(response.json().details[0].path).toBe('notify');
  });
});
