import { eq } from 'drizzle-orm';
import { describe, expect, it } from 'vitest';
import { notifications } from '../db/schema/notifications.ts';
import { notificationKinds } from '../domain/notifications.ts';
import {
  addMember,
  dayFromToday,
  lendingScene,
  makeBooking,
  makeNetwork,
  makeNetworkAdmin,
  makeStructureWithManager,
  signIn,
} from '../../test/factories.ts';
import { mailboxOf } from '../../test/mail.ts';
import { useTestApp } from '../../test/test-app.ts';

const t = useTestApp();
const db = () => t.connection.db;

async function sceneWithEmail() {
  const scene = await lendingScene(t.app, db());
  await makeBooking(t.app, scene.borrower.headers, {
    itemId: scene.item.id,
    startDate: dayFromToday(10),
    endDate: dayFromToday(11),
  });
  await mailboxOf(t.connection, scene.lender.manager.email);
  const [email] = await db()
    .select()
    .from(notifications)
    .where(eq(notifications.toAddress, scene.lender.manager.email));
  return { scene, email: email! };
}

describe('/api/admin/emails: the mailbox of a network', () => {
  it('shows a network’s admins the emails of its people, rendered; another network’s admins never see them', async () => {
    const { scene, email } = await sceneWithEmail();
    const admin = await signIn(t.app, (await makeNetworkAdmin(db(), scene.lender.networkId)).email);
    const listed = (await t.app.inject({ method: 'GET', url: '/api/admin/emails?status=sent', headers: admin })).json();
    expect(listed.emails).toContainEqual(
      expect.objectContaining({
        id: String(email.id),
        kind: 'booking.requested',
        to: scene.lender.manager.email,
        status: 'sent',
        undeliverable: false,
      }),
    );
    const detail = (await t.app.inject({ method: 'GET', url: `/api/admin/emails/${email.id}`, headers: admin })).json();
    expect(detail.html).toContain(scene.item.title);
    expect(detail.messageId).toMatch(/^<[0-9a-f]{32}@mutua\.test>$/);

    const stranger = await signIn(t.app, (await makeNetworkAdmin(db(), (await makeNetwork(db())).id)).email);
    expect(
      (await t.app.inject({ method: 'GET', url: '/api/admin/emails', headers: stranger })).json().emails,
    ).not.toContainEqual(expect.objectContaining({ id: String(email.id) }));
    expect(
      (await t.app.inject({ method: 'GET', url: `/api/admin/emails/${email.id}`, headers: stranger })).statusCode,
    ).toBe(404);
    expect(
      (await t.app.inject({ method: 'GET', url: '/api/admin/emails', headers: scene.lender.headers })).statusCode,
    ).toBe(403);
  });

  it('sends a failed email again on request, and refuses to resend one that went', async () => {
    const { scene, email } = await sceneWithEmail();
    const admin = await signIn(t.app, (await makeNetworkAdmin(db(), scene.lender.networkId)).email);
    const sent = await t.app.inject({ method: 'POST', url: `/api/admin/emails/${email.id}/retry`, headers: admin });
    expect(sent.statusCode).toBe(409);
    expect(sent.json()).toMatchObject({ error: 'email_not_retryable' });
    await db()
      .update(notifications)
      .set({ status: 'failed', sentAt: null, lastError: '550 No such user' })
      .where(eq(notifications.id, email.id));
    const retried = await t.app.inject({ method: 'POST', url: `/api/admin/emails/${email.id}/retry`, headers: admin });
    expect(retried.statusCode).toBe(200);
    expect(retried.json()).toMatchObject({ status: 'queued', lastError: null });
    expect((await mailboxOf(t.connection, scene.lender.manager.email)).map((row) => row.status)).toEqual(['sent']);
  });

  it('previews every template in both languages', async () => {
    const { scene } = await sceneWithEmail();
    const admin = await signIn(t.app, (await makeNetworkAdmin(db(), scene.lender.networkId)).email);
    const templates = (await t.app.inject({ method: 'GET', url: '/api/admin/email-templates', headers: admin })).json()
      .templates;
    expect(templates.map((template: { kind: string }) => template.kind).sort()).toEqual(
      [...notificationKinds, 'digest'].sort(),
    );
    for (const template of templates) {
      expect(template.fr.subject).not.toBe(template.en.subject);
      expect(template.fr.html).toContain('lang="fr"');
    }
  });
});

describe('the mailbox never crosses networks', () => {
  it('does not show a network’s admins the loans of someone who only asked to join one of its structures', async () => {
    const { scene, email } = await sceneWithEmail();
    const otherNetwork = await makeNetwork(db());
    const { organisation } = await makeStructureWithManager(db(), { networkId: otherNetwork.id });
    await addMember(db(), scene.lender.manager.id, organisation.id, 'member', 'pending');
    const otherAdmin = await signIn(t.app, (await makeNetworkAdmin(db(), otherNetwork.id)).email);
    expect(
      (await t.app.inject({ method: 'GET', url: `/api/admin/emails/${email.id}`, headers: otherAdmin })).statusCode,
    ).toBe(404);
  });
});
