import { describe, expect, it } from 'vitest';
import { dayFromToday, lendingScene, makeBooking, signedInMember, signedInStructure } from '../../test/factories.ts';
import { useTestApp } from '../../test/test-app.ts';

const t = useTestApp();
const db = () => t.connection.db;

type Message = {
  id: string;
  body: string;
  author: { id: string; name: string } | null;
  organisation: { id: string; name: string };
  mine: boolean;
  createdAt: string;
};

async function write(headers: Record<string, string> | undefined, bookingId: string, body: unknown) {
  return t.app.inject({ method: 'POST', url: `/api/bookings/${bookingId}/messages`, headers, payload: { body } });
}

async function read(headers: Record<string, string> | undefined, bookingId: string) {
  return t.app.inject({ method: 'GET', url: `/api/bookings/${bookingId}/messages`, headers });
}

async function conversation() {
  const scene = await lendingScene(t.app, db());
  const booking = await makeBooking(t.app, scene.borrower.headers, {
    itemId: scene.item.id,
    startDate: dayFromToday(10),
    endDate: dayFromToday(11),
  });
  return { ...scene, booking };
}

describe('the conversation of a request', () => {
  it('lets both sides write and read, oldest first, each seeing which messages are its own', async () => {
    const { lender, borrower, booking } = await conversation();
    const colleague = await signedInMember(t.app, db(), lender.organisation.id, 'Sacha, bénévole du prêteur');

    const question = await write(borrower.headers, booking.id, '  Peut-on passer samedi matin ?  ');
    expect(question.statusCode, question.body).toBe(201);
    expect(question.json()).toMatchObject({
      body: 'Peut-on passer samedi matin ?',
      author: { id: borrower.manager.id, name: 'Noé de l’emprunteur' },
      organisation: { id: borrower.organisation.id, name: borrower.organisation.name },
      mine: true,
    });
    const answer = await write(colleague.headers, booking.id, 'Oui, entre 9 h et 12 h.');
    expect(answer.statusCode).toBe(201);
    expect(answer.json()).toMatchObject({
      author: { name: 'Sacha, bénévole du prêteur' },
      organisation: { id: lender.organisation.id },
      mine: true,
    });

    const byBorrower = await read(borrower.headers, booking.id);
    expect(byBorrower.statusCode).toBe(200);
    expect(byBorrower.json<Message[]>().map((m) => [m.body, m.organisation.id, m.mine])).toEqual([
      ['Peut-on passer samedi matin ?', borrower.organisation.id, true],
      ['Oui, entre 9 h et 12 h.', lender.organisation.id, false],
    ]);
    // Every member of the lending structure sees the lender's messages as its own.
    const byLender = (await read(lender.headers, booking.id)).json<Message[]>();
    expect(byLender.map((m) => [m.author?.name, m.mine])).toEqual([
      ['Noé de l’emprunteur', false],
      ['Sacha, bénévole du prêteur', true],
    ]);
  });

  it('keeps the conversation from other structures (404) and anonymous callers (401)', async () => {
    const { borrower, booking } = await conversation();
    await write(borrower.headers, booking.id, 'Message privé');
    const stranger = await signedInStructure(t.app, db());
    const peek = await read(stranger.headers, booking.id);
    expect(peek.statusCode).toBe(404);
    expect(peek.json()).toMatchObject({ error: 'not_found', message: 'Demande introuvable.' });
    expect((await write(stranger.headers, booking.id, 'Bonjour')).statusCode).toBe(404);
    expect((await read(undefined, booking.id)).statusCode).toBe(401);
    expect((await write(undefined, booking.id, 'Bonjour')).statusCode).toBe(401);
    expect((await read(borrower.headers, booking.id)).json<Message[]>().map((m) => m.body)).toEqual(['Message privé']);
  });

  it('refuses an empty message (400) and writes nothing', async () => {
    const { borrower, booking } = await conversation();
    for (const body of ['', '   \n ']) {
      const response = await write(borrower.headers, booking.id, body);
      expect(response.statusCode).toBe(400);
      expect(response.json()).toMatchObject({ error: 'validation_failed', details: [{ path: 'body' }] });
    }
    expect((await read(borrower.headers, booking.id)).json()).toEqual([]);
  });

  it('answers 404 for a request that does not exist', async () => {
    const borrower = await signedInStructure(t.app, db());
    const unknown = '00000000-0000-4000-8000-000000000000';
    expect((await read(borrower.headers, unknown)).statusCode).toBe(404);
    expect((await write(borrower.headers, unknown, 'Allô ?')).statusCode).toBe(404);
  });
});
