import { eq, sql } from 'drizzle-orm';
import { describe, expect, it } from 'vitest';
import { bookings } from '../db/schema/bookings.ts';
import { dayFromToday, lendingScene, makeBooking, makeUser } from '../../test/factories.ts';
import { mailboxOf, tokenIn } from '../../test/mail.ts';
import { useTestApp } from '../../test/test-app.ts';

const t = useTestApp();
const db = () => t.connection.db;

async function requestWithLinks() {
  const scene = await lendingScene(t.app, db());
  const booking = await makeBooking(t.app, scene.borrower.headers, {
    itemId: scene.item.id,
    startDate: dayFromToday(10),
    endDate: dayFromToday(12),
    message: 'Pour la kermesse',
  });
  const [mail] = await mailboxOf(t.connection, scene.lender.manager.email);
  expect(mail!.kind).toBe('booking.requested');
  const links = [...mail!.text!.matchAll(/http:\/\/mutua\.test\/action\/([\w.-]+)/g)].map((match) => match[1]!);
  expect(links).toHaveLength(2);
  return { scene, booking, accept: links[0]!, decline: links[1]! };
}

async function statusOf(id: string) {
  const [row] = await db().select({ status: bookings.status }).from(bookings).where(eq(bookings.id, id));
  return row!.status;
}

describe('acting from the new-request email', () => {
  it('shows what the link would do without doing it (GET never acts), then accepts once on confirmation', async () => {
    const { booking, accept } = await requestWithLinks();
    const shown = await t.app.inject({ method: 'GET', url: `/api/email-actions/${accept}` });
    expect(shown.statusCode).toBe(200);
    expect(shown.json()).toMatchObject({
      action: 'accept',
      booking: { id: booking.id, status: 'requested', message: 'Pour la kermesse' },
    });
    expect(await statusOf(booking.id)).toBe('requested');
    const confirmed = await t.app.inject({
      method: 'POST',
      url: `/api/email-actions/${accept}`,
      payload: { message: 'Avec plaisir' },
    });
    expect(confirmed.statusCode).toBe(200);
    expect(confirmed.json()).toMatchObject({ status: 'accepted', answer: 'Avec plaisir' });
    const reused = await t.app.inject({ method: 'POST', url: `/api/email-actions/${accept}`, payload: {} });
    expect(reused.statusCode).toBe(409);
    expect(reused.json()).toMatchObject({ error: 'link_used' });
  });

  it('answers the same 409 as the app when someone was faster, and changes nothing', async () => {
    const { scene, booking, decline } = await requestWithLinks();
    await t.app.inject({
      method: 'POST',
      url: `/api/bookings/${booking.id}/accept`,
      headers: scene.lender.headers,
      payload: {},
    });
    const late = await t.app.inject({
      method: 'POST',
      url: `/api/email-actions/${decline}`,
      payload: { reason: 'Non' },
    });
    expect(late.statusCode).toBe(409);
    expect(late.json()).toMatchObject({ error: 'booking_out_of_order' });
    expect(await statusOf(booking.id)).toBe('accepted');
  });

  it('gives one 200 and one 409 to two confirmations at once', async () => {
    const { booking, accept } = await requestWithLinks();
    const answers = await Promise.all(
      [0, 1].map(() => t.app.inject({ method: 'POST', url: `/api/email-actions/${accept}`, payload: {} })),
    );
    expect(answers.map((answer) => answer.statusCode).sort()).toEqual([200, 409]);
    expect(await statusOf(booking.id)).toBe('accepted');
  });

  it('refuses an expired link, a tampered one and a link of another kind, with nothing changed', async () => {
    const { booking, accept } = await requestWithLinks();
    const tampered = `${accept.slice(0, -3)}${accept.endsWith('A') ? 'BBB' : 'AAA'}`;
    expect(
      (await t.app.inject({ method: 'POST', url: `/api/email-actions/${tampered}`, payload: {} })).json(),
    ).toMatchObject({ error: 'link_invalid' });
    const person = await makeUser(db());
    await t.app.inject({ method: 'POST', url: '/api/auth/password-reset', payload: { email: person.email } });
    const resetToken = tokenIn((await mailboxOf(t.connection, person.email))[0]!.text, '/mot-de-passe');
    expect(
      (await t.app.inject({ method: 'POST', url: `/api/email-actions/${resetToken}`, payload: {} })).statusCode,
    ).toBe(400);
    await db().execute(
      sql`update single_use_tokens set created_at = created_at - interval '30 days', expires_at = now() - interval '1 minute' where booking_id = ${booking.id}`,
    );
    const expired = await t.app.inject({ method: 'POST', url: `/api/email-actions/${accept}`, payload: {} });
    expect(expired.statusCode).toBe(410);
    expect(expired.json()).toMatchObject({ error: 'link_expired' });
    expect(await statusOf(booking.id)).toBe('requested');
  });
});
