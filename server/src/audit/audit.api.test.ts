import { eq, sql } from 'drizzle-orm';
import { describe, expect, it } from 'vitest';
import {
  addMember,
  makeNetwork,
  makeNetworkAdmin,
  makeOrganisation,
  makeStructureWithManager,
  makeUser,
  signIn,
} from '../../test/factories.ts';
import { mailboxOf, tokenIn } from '../../test/mail.ts';
import { useTestApp } from '../../test/test-app.ts';
import { auditEntries } from '../db/schema/audit.ts';
import { recordAudit } from './record.ts';

const t = useTestApp();
const db = () => t.connection.db;

type Entry = {
  id: string;
  at: string;
  action: string;
  actor: { id: string; name: string } | null;
  targetType: string;
  targetId: string;
  targetName: string | null;
  organisation: { id: string; name: string } | null;
  before: Record<string, unknown> | null;
  after: Record<string, unknown> | null;
  note: string | null;
};

/** A network with its admin, signed in, and a pending structure of it. */
async function networkWithAdmin(structureName?: string) {
  const structure = await makeStructureWithManager(db(), { status: 'pending', name: structureName });
  const admin = await makeNetworkAdmin(db(), structure.networkId);
  return { ...structure, admin, adminHeaders: await signIn(t.app, admin.email) };
}

async function journal(headers: Record<string, string>, query = '') {
  const response = await t.app.inject({ method: 'GET', url: `/api/admin/audit${query}`, headers });
  expect(response.statusCode, response.body).toBe(200);
  return response.json<{ entries: Entry[]; nextCursor: string | null }>();
}

function postgresError(error: unknown): { code?: string; message?: string } {
  for (let cause: unknown = error; cause; cause = (cause as { cause?: unknown }).cause) {
    if ((cause as { code?: string }).code) return cause as { code: string; message: string };
  }
  return {};
}

describe('the audit log is append-only, by the database', () => {
  it('refuses an UPDATE, a DELETE and a TRUNCATE, and the entry stays as written', async () => {
    const { organisation, networkId } = await makeStructureWithManager(db());
    await recordAudit(db(), {
      actorId: null,
      action: 'organisation.approved',
      target: { type: 'organisation', id: organisation.id },
      organisationId: organisation.id,
      networkIds: [networkId],
      after: { status: 'active' },
      note: 'écrit une fois',
    });
    const [written] = await db().select().from(auditEntries).where(eq(auditEntries.organisationId, organisation.id));
    expect(written).toBeDefined();

    const attempts = [
      sql`update audit_entries set note = 'réécrit' where id = ${written!.id}`,
      sql`delete from audit_entries where id = ${written!.id}`,
      sql`truncate audit_entries`,
    ];
    for (const [index, statement] of attempts.entries()) {
      const error = await db()
        .execute(statement)
        .then(
          () => null,
          (caught: unknown) => caught,
        );
      expect(error, `statement ${index} went through`).not.toBeNull();
      const { code, message } = postgresError(error);
      expect(code).toBe('42501');
      expect(message).toMatch(/audit_entries is append-only: (UPDATE|DELETE|TRUNCATE) refused/);
    }
    const [after] = await db().select().from(auditEntries).where(eq(auditEntries.id, written!.id));
    expect(after).toEqual(written);
  });
});

describe('what is recorded', () => {
  it('an approval: who, what, the status before and after', async () => {
    const { organisation, admin, adminHeaders } = await networkWithAdmin();
    const approve = await t.app.inject({
      method: 'POST',
      url: `/api/admin/organisations/${organisation.id}/approve`,
      headers: adminHeaders,
    });
    expect(approve.statusCode).toBe(200);

    const { entries } = await journal(adminHeaders);
    expect(entries).toEqual([
      {
        id: expect.stringMatching(/^\d+$/),
        at: expect.any(String),
        action: 'organisation.approved',
        actor: { id: admin.id, name: admin.name },
        targetType: 'organisation',
        targetId: organisation.id,
        targetName: null,
        organisation: { id: organisation.id, name: organisation.name },
        before: { status: 'pending' },
        after: { status: 'active' },
        note: null,
      },
    ]);
    expect(Math.abs(Date.parse(entries[0]!.at) - Date.now())).toBeLessThan(60_000);
  });

  it('a refusal, with its reason as the note', async () => {
    const { organisation, adminHeaders } = await networkWithAdmin();
    const reject = await t.app.inject({
      method: 'POST',
      url: `/api/admin/organisations/${organisation.id}/reject`,
      headers: adminHeaders,
      payload: { reason: 'Statuts manquants : merci de les joindre.' },
    });
    expect(reject.statusCode).toBe(200);
    const { entries } = await journal(adminHeaders);
    expect(entries).toEqual([
      expect.objectContaining({
        action: 'organisation.rejected',
        before: { status: 'pending' },
        after: { status: 'rejected' },
        note: 'Statuts manquants : merci de les joindre.',
      }),
    ]);
  });

  it('nothing when the action is refused (approving an approved structure)', async () => {
    const { organisation, adminHeaders } = await networkWithAdmin();
    const url = `/api/admin/organisations/${organisation.id}/approve`;
    expect((await t.app.inject({ method: 'POST', url, headers: adminHeaders })).statusCode).toBe(200);
    const again = await t.app.inject({ method: 'POST', url, headers: adminHeaders });
    expect(again.statusCode).toBe(409);
    const { entries } = await journal(adminHeaders);
    expect(entries.map((entry) => entry.action)).toEqual(['organisation.approved']);
  });

  it('a request accepted, a role changed, a member removed and someone leaving, read by every network of the structure', async () => {
    const { organisation, networkId, manager } = await makeStructureWithManager(db());
    const otherNetwork = await makeNetwork(db());
    await db().execute(
      sql`insert into organisation_networks (organisation_id, network_id) values (${organisation.id}, ${otherNetwork.id})`,
    );
    const adminHeaders = await signIn(t.app, (await makeNetworkAdmin(db(), networkId)).email);
    const otherAdminHeaders = await signIn(t.app, (await makeNetworkAdmin(db(), otherNetwork.id)).email);
    const managerHeaders = await signIn(t.app, manager.email);
    const applicant = await makeUser(db(), { name: 'Camille Demandeuse' });
    await addMember(db(), applicant.id, organisation.id, 'member', 'pending');
    const leaver = await makeUser(db(), { name: 'Lou Partante' });
    await addMember(db(), leaver.id, organisation.id, 'member');
    const members = `/api/organisations/${organisation.id}/members`;

    const accept = await t.app.inject({
      method: 'POST',
      url: `${members}/${applicant.id}/accept`,
      headers: managerHeaders,
    });
    expect(accept.statusCode, accept.body).toBe(200);
    const promote = await t.app.inject({
      method: 'PATCH',
      url: `${members}/${applicant.id}`,
      headers: managerHeaders,
      payload: { role: 'manager' },
    });
    expect(promote.statusCode, promote.body).toBe(200);
    const remove = await t.app.inject({ method: 'DELETE', url: `${members}/${applicant.id}`, headers: managerHeaders });
    expect(remove.statusCode, remove.body).toBe(204);
    const leave = await t.app.inject({
      method: 'DELETE',
      url: `${members}/${leaver.id}`,
      headers: await signIn(t.app, leaver.email),
    });
    expect(leave.statusCode, leave.body).toBe(204);

    const { entries } = await journal(adminHeaders, `?organisationId=${organisation.id}`);
    const byManager = { id: manager.id, name: manager.name };
    expect(
      entries.map(({ action, actor, targetId, targetName, before, after }) => ({
        action,
        actor,
        targetId,
        targetName,
        before,
        after,
      })),
    ).toEqual([
      {
        action: 'membership.removed',
        actor: { id: leaver.id, name: 'Lou Partante' },
        targetId: leaver.id,
        targetName: 'Lou Partante',
        before: { role: 'member', status: 'active' },
        after: null,
      },
      {
        action: 'membership.removed',
        actor: byManager,
        targetId: applicant.id,
        targetName: 'Camille Demandeuse',
        before: { role: 'manager', status: 'active' },
        after: null,
      },
      {
        action: 'membership.role_changed',
        actor: byManager,
        targetId: applicant.id,
        targetName: 'Camille Demandeuse',
        before: { role: 'member' },
        after: { role: 'manager' },
      },
      {
        action: 'membership.accepted',
        actor: byManager,
        targetId: applicant.id,
        targetName: 'Camille Demandeuse',
        before: { status: 'pending' },
        after: { status: 'active' },
      },
    ]);
    const seenByOther = await journal(otherAdminHeaders, `?organisationId=${organisation.id}`);
    expect(seenByOther.entries.map((entry) => entry.id)).toEqual(entries.map((entry) => entry.id));
  });
});

describe('an invitation taken', () => {
  it('records the membership it creates, by the person invited', async () => {
    const { organisation, networkId, manager } = await makeStructureWithManager(db());
    const adminHeaders = await signIn(t.app, (await makeNetworkAdmin(db(), networkId)).email);
    const invitee = await makeUser(db(), { name: 'Sacha Invitée' });
    const invite = await t.app.inject({
      method: 'POST',
      url: `/api/organisations/${organisation.id}/invitations`,
      headers: await signIn(t.app, manager.email),
      payload: { email: invitee.email, role: 'manager' },
    });
    expect(invite.statusCode, invite.body).toBe(201);
    const token = tokenIn((await mailboxOf(t.connection, invitee.email))[0]!.text, '/invitation');
    const accepted = await t.app.inject({
      method: 'POST',
      url: `/api/invitations/${token}/accept`,
      headers: await signIn(t.app, invitee.email),
    });
    expect(accepted.statusCode, accepted.body).toBe(200);
    const { entries } = await journal(adminHeaders, `?organisationId=${organisation.id}`);
    expect(entries).toEqual([
      expect.objectContaining({
        action: 'membership.accepted',
        actor: { id: invitee.id, name: 'Sacha Invitée' },
        targetType: 'membership',
        targetId: invitee.id,
        before: null,
        after: { role: 'manager', status: 'active' },
      }),
    ]);
  });
});

describe('GET /api/admin/audit', () => {
  it('shows an admin of another network none of this network’s entries', async () => {
    const { organisation, adminHeaders } = await networkWithAdmin();
    await t.app.inject({
      method: 'POST',
      url: `/api/admin/organisations/${organisation.id}/approve`,
      headers: adminHeaders,
    });
    const foreign = await makeNetworkAdmin(db(), (await makeNetwork(db())).id);
    const foreignHeaders = await signIn(t.app, foreign.email);
    const seen = await journal(foreignHeaders);
    expect(seen.entries.map((entry) => entry.organisation?.id)).not.toContain(organisation.id);
    const filtered = await journal(foreignHeaders, `?organisationId=${organisation.id}`);
    expect(filtered.entries).toEqual([]);
  });

  it('is for network admins only', async () => {
    const { manager } = await makeStructureWithManager(db());
    const asManager = await t.app.inject({
      method: 'GET',
      url: '/api/admin/audit',
      headers: await signIn(t.app, manager.email),
    });
    expect(asManager.statusCode).toBe(403);
    expect((await t.app.inject({ method: 'GET', url: '/api/admin/audit' })).statusCode).toBe(401);
  });

  it('filters by action, structure, person, text (whatever the accents) and days of Paris, and pages newest first', async () => {
    const network = await makeNetwork(db());
    const admin = await makeNetworkAdmin(db(), network.id);
    const headers = await signIn(t.app, admin.email);
    const cafe = await makeOrganisation(db(), { networkId: network.id, name: 'Café Solidaire Élan' });
    const atelier = await makeOrganisation(db(), { networkId: network.id, name: 'Atelier du Vélo' });
    const other = await makeUser(db(), { name: 'Zoé Modératrice' });
    const entry = (
      at: string,
      organisationId: string,
      action: 'organisation.approved' | 'organisation.rejected',
      actorId: string,
      note: string | null = null,
    ) =>
      db()
        .insert(auditEntries)
        .values({
          at: new Date(at),
          actorId,
          action,
          targetType: 'organisation',
          targetId: organisationId,
          organisationId,
          networkIds: [network.id],
          note,
        });
    // Paris is UTC+2 then: 21:30 UTC is still 31 March there, 22:30 UTC already 1 April.
    await entry('2027-03-31T21:30:00Z', cafe.id, 'organisation.approved', admin.id); // 31 March in Paris
    await entry('2027-03-31T22:30:00Z', atelier.id, 'organisation.rejected', admin.id, 'Dossier incomplet'); // 1 April in Paris
    await entry('2027-04-02T10:00:00Z', atelier.id, 'organisation.approved', other.id, 'Après relance téléphonique');

    const ids = async (query: string) =>
      (await journal(headers, query)).entries.map((e) => `${e.action} ${e.organisation?.name}`);

    expect(await ids('')).toEqual([
      'organisation.approved Atelier du Vélo',
      'organisation.rejected Atelier du Vélo',
      'organisation.approved Café Solidaire Élan',
    ]);
    expect(await ids('?action=organisation.rejected')).toEqual(['organisation.rejected Atelier du Vélo']);
    expect(await ids(`?organisationId=${cafe.id}`)).toEqual(['organisation.approved Café Solidaire Élan']);
    expect(await ids(`?actorId=${other.id}`)).toEqual(['organisation.approved Atelier du Vélo']);
    expect(await ids('?q=cafe%20solidaire%20elan')).toEqual(['organisation.approved Café Solidaire Élan']);
    expect(await ids('?q=VELO')).toHaveLength(2);
    expect(await ids('?q=zoe')).toEqual(['organisation.approved Atelier du Vélo']);
    expect(await ids('?q=apres%20relance')).toEqual(['organisation.approved Atelier du Vélo']);
    expect(await ids('?from=2027-04-01&to=2027-04-01')).toEqual(['organisation.rejected Atelier du Vélo']);
    expect(await ids('?to=2027-03-31')).toEqual(['organisation.approved Café Solidaire Élan']);
    expect(await ids('?from=2027-04-02')).toEqual(['organisation.approved Atelier du Vélo']);

    const first = await journal(headers, '?limit=2');
    expect(first.entries).toHaveLength(2);
    expect(first.nextCursor).toEqual(expect.any(String));
    const second = await journal(headers, `?limit=2&cursor=${encodeURIComponent(first.nextCursor!)}`);
    expect(second.entries.map((e) => e.organisation?.name)).toEqual(['Café Solidaire Élan']);
    expect(second.nextCursor).toBeNull();
    // The person an entry is about is found too, not only the one who acted.
    const member = await makeUser(db(), { name: 'Léonie Bénévole' });
    await db()
      .insert(auditEntries)
      .values({
        at: new Date('2027-04-03T10:00:00Z'),
        actorId: admin.id,
        action: 'membership.role_changed',
        targetType: 'membership',
        targetId: member.id,
        organisationId: cafe.id,
        networkIds: [network.id],
      });
    expect(await ids('?q=leonie')).toEqual(['membership.role_changed Café Solidaire Élan']);
  });

  it('refuses bad filters with a 400', async () => {
    const { adminHeaders } = await networkWithAdmin();
    for (const query of [
      '?action=organisation.deleted',
      '?from=2027-02-30',
      '?from=2027-04-02&to=2027-04-01',
      '?cursor=abc',
    ]) {
      const response = await t.app.inject({ method: 'GET', url: `/api/admin/audit${query}`, headers: adminHeaders });
      expect(response.statusCode, query).toBe(400);
    }
  });

  it('keeps an entry whose person was erased, without a name', async () => {
    const { organisation, networkId, adminHeaders } = await networkWithAdmin();
    const gone = await makeUser(db(), { name: 'Personne effacée' });
    await recordAudit(db(), {
      actorId: gone.id,
      action: 'membership.removed',
      target: { type: 'membership', id: gone.id },
      organisationId: organisation.id,
      networkIds: [networkId],
      before: { role: 'member', status: 'active' },
    });
    await db().execute(sql`delete from users where id = ${gone.id}`);
    const { entries } = await journal(adminHeaders);
    expect(entries).toEqual([
      expect.objectContaining({ action: 'membership.removed', actor: null, targetId: gone.id, targetName: null }),
    ]);
  });
});
