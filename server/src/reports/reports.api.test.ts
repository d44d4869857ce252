import { eq } from 'drizzle-orm';
import { describe, expect, it } from 'vitest';
import { items } from '../db/schema/items.ts';
import { organisations } from '../db/schema/organisations.ts';
import { reports } from '../db/schema/reports.ts';
import { dayFromToday, makeBooking, makeItem, signedInStructure, uniqueSuffix } from '../../test/factories.ts';
import { auditAbout, eventsOf, foreignAdmin, moderatedNetwork } from '../../test/listing-moderation-factories.ts';
import { useTestApp } from '../../test/test-app.ts';

const t = useTestApp();
const db = () => t.connection.db;

/** A network, its admin and moderator, a lender O with a published item, and a member of another structure X who reports. */
async function reportScene() {
  const scene = await moderatedNetwork(t.app, db());
  const reporter = await signedInStructure(t.app, db(), {
    networkId: scene.network.id,
    name: `Rapporteuse ${uniqueSuffix()}`,
    managerName: 'Aïcha qui signale',
  });
  const item = await makeItem(db(), {
    organisationId: scene.lender.organisation.id,
    title: `Échafaudage ${uniqueSuffix()}`,
    visibility: 'networks',
  });
  return { ...scene, reporter, item };
}

function report(headers: Record<string, string>, payload: object) {
  return t.app.inject({ method: 'POST', url: '/api/reports', headers, payload });
}

function resolve(headers: Record<string, string>, reportId: string, payload: object) {
  return t.app.inject({ method: 'POST', url: `/api/admin/reports/${reportId}/resolve`, headers, payload });
}

async function reportItem(scene: Awaited<ReturnType<typeof reportScene>>) {
  const response = await report(scene.reporter.headers, {
    targetType: 'item',
    targetId: scene.item.id,
    reasonCode: 'unsafe',
    text: 'Les roues ne se bloquent plus.',
  });
  expect(response.statusCode, response.body).toBe(201);
  return response.json<{ id: string }>().id;
}

async function itemStatus(itemId: string) {
  const [row] = await db().select({ status: items.status }).from(items).where(eq(items.id, itemId));
  return row?.status;
}

describe('POST /api/reports', () => {
  it('files one report per person and thing, for the networks both structures share, and tells the moderation', async () => {
    const scene = await reportScene();
    const reportId = await reportItem(scene);
    const [row] = await db().select().from(reports).where(eq(reports.id, reportId));
    expect(row).toMatchObject({
      targetType: 'item',
      targetId: scene.item.id,
      organisationId: scene.lender.organisation.id,
      networkIds: [scene.network.id],
      reporterId: scene.reporter.manager.id,
      reporterOrganisationId: scene.reporter.organisation.id,
      reasonCode: 'unsafe',
      text: 'Les roues ne se bloquent plus.',
      resolvedAt: null,
    });
    const second = await report(scene.reporter.headers, {
      targetType: 'item',
      targetId: scene.item.id,
      reasonCode: 'spam',
    });
    expect(second.statusCode).toBe(409);
    expect(second.json().error).toBe('report_already_open');
    expect(
      (await eventsOf(db(), 'report.received', { organisationId: scene.lender.organisation.id })).map((e) => e.params),
    ).toEqual([{ reportId }]);
  });

  it('answers 404 for what the reporter cannot see, and 400 for an unknown reason', async () => {
    const scene = await reportScene();
    const outsider = await signedInStructure(t.app, db(), {});
    const unseen = await report(outsider.headers, { targetType: 'item', targetId: scene.item.id, reasonCode: 'spam' });
    expect(unseen.statusCode).toBe(404);
    const nothing = await report(scene.reporter.headers, {
      targetType: 'service',
      targetId: scene.item.id,
      reasonCode: 'spam',
    });
    expect(nothing.statusCode).toBe(404);
    const badReason = await report(scene.reporter.headers, {
      targetType: 'item',
      targetId: scene.item.id,
      reasonCode: 'boring',
    });
    expect(badReason.statusCode).toBe(400);
    expect(await db().select().from(reports).where(eq(reports.targetId, scene.item.id))).toEqual([]);
  });

  it('reports a message of a loan only to its two sides; hiding it shows both sides that a message was removed', async () => {
    const scene = await reportScene();
    const lent = await makeItem(db(), { organisationId: scene.lender.organisation.id, visibility: 'all' });
    const booking = await makeBooking(t.app, scene.reporter.headers, {
      itemId: lent.id,
      startDate: dayFromToday(10),
      endDate: dayFromToday(11),
    });
    const posted = await t.app.inject({
      method: 'POST',
      url: `/api/bookings/${booking.id}/messages`,
      headers: scene.lender.headers,
      payload: { body: 'Un message insultant.' },
    });
    expect(posted.statusCode, posted.body).toBe(201);
    const messageId = posted.json<{ id: string }>().id;

    const outsider = await signedInStructure(t.app, db(), { networkId: scene.network.id });
    const notASide = await report(outsider.headers, {
      targetType: 'message',
      targetId: messageId,
      reasonCode: 'inappropriate',
    });
    expect(notASide.statusCode).toBe(404);
    const filed = await report(scene.reporter.headers, {
      targetType: 'message',
      targetId: messageId,
      reasonCode: 'inappropriate',
    });
    expect(filed.statusCode, filed.body).toBe(201);
    const reportId = filed.json<{ id: string }>().id;

    const detail = await t.app.inject({
      method: 'GET',
      url: `/api/admin/reports/${reportId}`,
      headers: scene.moderator.headers,
    });
    expect(detail.statusCode, detail.body).toBe(200);
    expect(detail.json()).toMatchObject({
      target: { type: 'message', excerpt: 'Un message insultant.', bookingId: booking.id, hidden: false },
      structure: { id: scene.lender.organisation.id },
    });

    const resolved = await resolve(scene.moderator.headers, reportId, { outcome: 'hidden', note: 'Message masqué.' });
    expect(resolved.statusCode, resolved.body).toBe(200);
    for (const headers of [scene.lender.headers, scene.reporter.headers]) {
      const messages = await t.app.inject({ method: 'GET', url: `/api/bookings/${booking.id}/messages`, headers });
      expect(messages.json().map((m: { id: string; body: string }) => [m.id, m.body])).toEqual([[messageId, '']]);
    }
    expect((await auditAbout(db(), messageId)).map(({ action, note }) => ({ action, note }))).toEqual([
      { action: 'message.hidden', note: 'Message masqué.' },
    ]);
  });
});

describe('handling reports', () => {
  it('lists the open reports of the caller’s networks, oldest first, with their target; a foreign admin sees none of them', async () => {
    const scene = await reportScene();
    const first = await reportItem(scene);
    const second = await report(scene.reporter.headers, {
      targetType: 'organisation',
      targetId: scene.lender.organisation.id,
      reasonCode: 'misleading',
    });
    expect(second.statusCode, second.body).toBe(201);
    const list = await t.app.inject({ method: 'GET', url: '/api/admin/reports', headers: scene.moderator.headers });
    expect(list.statusCode, list.body).toBe(200);
    expect(list.json().reports.map((r: { id: string }) => r.id)).toEqual([first, second.json().id]);
    expect(list.json().reports[0]).toMatchObject({
      target: { type: 'item', id: scene.item.id, title: scene.item.title, status: 'published', exists: true },
      structure: { id: scene.lender.organisation.id, name: scene.lender.organisation.name, status: 'active' },
      reasonCode: 'unsafe',
      text: 'Les roues ne se bloquent plus.',
      reporter: { name: 'Aïcha qui signale', structure: { id: scene.reporter.organisation.id } },
      resolution: null,
    });

    const elsewhere = await foreignAdmin(t.app, db());
    const foreignList = await t.app.inject({ method: 'GET', url: '/api/admin/reports', headers: elsewhere.headers });
    expect(foreignList.json().reports).toEqual([]);
    for (const request of [
      { method: 'GET' as const, url: `/api/admin/reports/${first}` },
      {
        method: 'POST' as const,
        url: `/api/admin/reports/${first}/resolve`,
        payload: { outcome: 'dismissed', note: 'Non.' },
      },
    ]) {
      expect((await t.app.inject({ ...request, headers: elsewhere.headers })).statusCode).toBe(404);
    }
    // The reporter sees their report in « mes signalements », not in the moderators' screens.
    expect(
      (await t.app.inject({ method: 'GET', url: `/api/admin/reports/${first}`, headers: scene.reporter.headers }))
        .statusCode,
    ).toBe(403);
  });

  it('hides the reported listing in one step, tells the reporter, and refuses to resolve twice', async () => {
    const scene = await reportScene();
    const reportId = await reportItem(scene);
    const resolved = await resolve(scene.moderator.headers, reportId, {
      outcome: 'hidden',
      note: 'Annonce masquée en attendant la réparation.',
    });
    expect(resolved.statusCode, resolved.body).toBe(200);
    expect(resolved.json()).toMatchObject({
      target: { status: 'hidden', hidden: true },
      resolution: {
        outcome: 'hidden',
        note: 'Annonce masquée en attendant la réparation.',
        resolvedBy: { id: scene.moderator.id },
      },
      standing: { status: 'active', openReports: 0, hiddenListings: 1 },
    });
    expect(await itemStatus(scene.item.id)).toBe('hidden');
    expect((await auditAbout(db(), scene.item.id)).map(({ action, note }) => ({ action, note }))).toEqual([
      { action: 'listing.hidden', note: 'Annonce masquée en attendant la réparation.' },
    ]);
    expect((await auditAbout(db(), reportId)).map(({ action, note, after }) => ({ action, note, after }))).toEqual([
      { action: 'report.resolved', note: 'Annonce masquée en attendant la réparation.', after: { outcome: 'hidden' } },
    ]);
    expect(
      (await eventsOf(db(), 'report.resolved', { userId: scene.reporter.manager.id })).map((e) => e.params),
    ).toEqual([{ reportId, outcome: 'hidden' }]);

    const twice = await resolve(scene.admin.headers, reportId, { outcome: 'dismissed', note: 'Rien.' });
    expect(twice.statusCode).toBe(409);
    expect(twice.json().error).toBe('report_already_resolved');

    const mine = await t.app.inject({ method: 'GET', url: '/api/me/reports', headers: scene.reporter.headers });
    expect(mine.statusCode, mine.body).toBe(200);
    expect(mine.json().reports).toEqual([
      expect.objectContaining({
        id: reportId,
        outcome: 'hidden',
        target: { type: 'item', id: scene.item.id, title: scene.item.title },
      }),
    ]);
    expect(JSON.stringify(mine.json())).not.toContain('en attendant la réparation');
  });

  it('lets an admin suspend the reported structure, not a moderator', async () => {
    const scene = await reportScene();
    const reportId = await reportItem(scene);
    const byModerator = await resolve(scene.moderator.headers, reportId, { outcome: 'suspended', note: 'Dangereux.' });
    expect(byModerator.statusCode).toBe(403);
    const [open] = await db().select().from(reports).where(eq(reports.id, reportId));
    expect(open!.resolvedAt).toBeNull();

    const byAdmin = await resolve(scene.admin.headers, reportId, {
      outcome: 'suspended',
      note: 'Matériel dangereux prêté à plusieurs reprises.',
    });
    expect(byAdmin.statusCode, byAdmin.body).toBe(200);
    expect(byAdmin.json().standing.status).toBe('suspended');
    const [organisation] = await db()
      .select({ status: organisations.status })
      .from(organisations)
      .where(eq(organisations.id, scene.lender.organisation.id));
    expect(organisation!.status).toBe('suspended');
    expect(
      (await auditAbout(db(), scene.lender.organisation.id)).map(({ action, note }) => ({ action, note })),
    ).toEqual([{ action: 'organisation.suspended', note: 'Matériel dangereux prêté à plusieurs reprises.' }]);
    expect(
      (await eventsOf(db(), 'report.resolved', { userId: scene.reporter.manager.id })).map((e) => e.params),
    ).toEqual([{ reportId, outcome: 'suspended' }]);
  });

  it('dismisses without touching the target, and needs a note', async () => {
    const scene = await reportScene();
    const reportId = await reportItem(scene);
    const noNote = await resolve(scene.moderator.headers, reportId, { outcome: 'dismissed', note: '  ' });
    expect(noNote.statusCode).toBe(400);
    const organisationReport = await report(scene.reporter.headers, {
      targetType: 'organisation',
      targetId: scene.lender.organisation.id,
      reasonCode: 'other',
    });
    const hideAStructure = await resolve(scene.moderator.headers, organisationReport.json().id, {
      outcome: 'hidden',
      note: 'Masquer.',
    });
    expect(hideAStructure.statusCode).toBe(400);
    const dismissed = await resolve(scene.moderator.headers, reportId, {
      outcome: 'dismissed',
      note: 'Vérifié sur place : conforme.',
    });
    expect(dismissed.statusCode, dismissed.body).toBe(200);
    expect(await itemStatus(scene.item.id)).toBe('published');
    expect((await auditAbout(db(), scene.item.id)).map((e) => e.action)).toEqual([]);
    // Once resolved, the same person may report it again.
    expect((await reportItem(scene)).length).toBeGreaterThan(0);
  });
});
