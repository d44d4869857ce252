import { describe, expect, it } from 'vitest';
import { makeItem, signedInStructure } from '../../test/factories.ts';
import { useTestApp } from '../../test/test-app.ts';

const t = useTestApp();
const db = () => t.connection.db;

async function postNeed(headers: Record<string, string>, payload: Record<string, unknown>) {
  return t.app.inject({ method: 'POST', url: '/api/needs', headers, payload: { visibility: 'all', ...payload } });
}

describe('needs (« je cherche »)', () => {
  it('posts a need with its dates, found among open needs', async () => {
    const seeker = await signedInStructure(t.app, db());
    const response = await postNeed(seeker.headers, {
      kind: 'item',
      title: 'Trois tonnelles pour la fête',
      categoryId: 'tonnelles',
      neededFrom: '2027-06-14',
      neededUntil: '2027-06-15',
    });
    expect(response.statusCode, response.body).toBe(201);
    expect(response.json()).toMatchObject({
      status: 'open',
      neededFrom: '2027-06-14',
      neededUntil: '2027-06-15',
      responseCount: 0,
      viewer: { canEdit: true, canRespond: false },
    });
    const open = (
      await t.app.inject({ method: 'GET', url: `/api/needs?organisation=${seeker.organisation.id}&q=tonnelles` })
    ).json();
    expect(open.items.map((n: { title: string }) => n.title)).toEqual(['Trois tonnelles pour la fête']);
  });

  it.each([
    [
      'dates in the wrong order',
      { kind: 'item', title: 'Un barnum', neededFrom: '2027-06-15', neededUntil: '2027-06-14' },
      'neededUntil',
    ],
    ['a domain on an item need', { kind: 'item', title: 'Un barnum', serviceDomain: 'pedagogie' }, 'serviceDomain'],
    ['a category on a service need', { kind: 'service', title: 'De l’aide', categoryId: 'tonnelles' }, 'categoryId'],
    ['an unknown category', { kind: 'item', title: 'Un barnum', categoryId: 'fusees' }, 'categoryId'],
    ['a date that is not a day', { kind: 'item', title: 'Un barnum', neededFrom: '14/06/2027' }, 'neededFrom'],
  ])('refuses %s', async (_case, payload, field) => {
    const seeker = await signedInStructure(t.app, db());
    const response = await postNeed(seeker.headers, payload);
    expect(response.statusCode).toBe(400);
    expect(response.json().details.map((d: { path: string }) => d.path)).toContain(field);
  });

  it('takes answers from other structures, each seeing only its own, and can be marked fulfilled', async () => {
    const seeker = await signedInStructure(t.app, db());
    const need = (await postNeed(seeker.headers, { kind: 'item', title: 'Un vélo cargo' })).json();
    const url = `/api/needs/${need.id}`;
    const lender = await signedInStructure(t.app, db());
    const bike = await makeItem(db(), { organisationId: lender.organisation.id, title: 'Vélo cargo' });
    const answer = await t.app.inject({
      method: 'POST',
      url: `${url}/responses`,
      headers: lender.headers,
      payload: { message: 'Le nôtre est libre en juin', itemId: bike.id },
    });
    expect(answer.statusCode, answer.body).toBe(201);
    expect(answer.json()).toMatchObject({
      message: 'Le nôtre est libre en juin',
      item: { id: bike.id, title: 'Vélo cargo' },
    });

    const other = await signedInStructure(t.app, db());
    await t.app.inject({
      method: 'POST',
      url: `${url}/responses`,
      headers: other.headers,
      payload: { message: 'Nous aussi' },
    });
    const foreignListing = await t.app.inject({
      method: 'POST',
      url: `${url}/responses`,
      headers: other.headers,
      payload: { message: 'Prenez celui-ci', itemId: bike.id },
    });
    expect(foreignListing.statusCode).toBe(400);

    const bySeeker = (await t.app.inject({ method: 'GET', url, headers: seeker.headers })).json();
    expect(bySeeker.responses).toHaveLength(2);
    expect(bySeeker.responseCount).toBe(2);
    const byOther = (await t.app.inject({ method: 'GET', url, headers: other.headers })).json();
    expect(byOther.responses.map((r: { message: string }) => r.message)).toEqual(['Nous aussi']);
    expect(byOther.viewer).toEqual({ canEdit: false, canRespond: true });
    const anonymous = (await t.app.inject({ method: 'GET', url })).json();
    expect(anonymous.responses).toEqual([]);

    const ownAnswer = await t.app.inject({
      method: 'POST',
      url: `${url}/responses`,
      headers: seeker.headers,
      payload: { message: 'Moi-même' },
    });
    expect(ownAnswer.statusCode).toBe(403);

    const fulfilled = await t.app.inject({
      method: 'PATCH',
      url,
      headers: seeker.headers,
      payload: { status: 'fulfilled' },
    });
    expect(fulfilled.json().status).toBe('fulfilled');
    const late = await t.app.inject({
      method: 'POST',
      url: `${url}/responses`,
      headers: other.headers,
      payload: { message: 'Trop tard ?' },
    });
    expect(late.statusCode).toBe(409);
    const open = (
      await t.app.inject({ method: 'GET', url: `/api/needs?organisation=${seeker.organisation.id}` })
    ).json();
    expect(open.items).toEqual([]);
    const done = (
      await t.app.inject({ method: 'GET', url: `/api/needs?organisation=${seeker.organisation.id}&status=fulfilled` })
    ).json();
    expect(done.items).toHaveLength(1);
  });

  it('leaves closed needs out of search, and their page to their structure', async () => {
    const seeker = await signedInStructure(t.app, db());
    const need = (await postNeed(seeker.headers, { kind: 'item', title: 'Grilles d’exposition' })).json();
    await t.app.inject({
      method: 'PATCH',
      url: `/api/needs/${need.id}`,
      headers: seeker.headers,
      payload: { status: 'closed' },
    });
    const search = await t.app.inject({ method: 'GET', url: `/api/needs?status=closed` });
    expect(search.statusCode).toBe(400);
    expect(search.json().details[0].path).toBe('status');
    const other = await signedInStructure(t.app, db());
    expect(
      (await t.app.inject({ method: 'GET', url: `/api/needs/${need.id}`, headers: other.headers })).statusCode,
    ).toBe(404);
    expect(
      (await t.app.inject({ method: 'GET', url: `/api/needs/${need.id}`, headers: seeker.headers })).statusCode,
    ).toBe(200);
  });

  it('cannot be changed by another structure (403: it sees the need, not its own)', async () => {
    const seeker = await signedInStructure(t.app, db());
    const need = (
      await postNeed(seeker.headers, {
        kind: 'service',
        title: 'Aide comptable',
        serviceDomain: 'gestion_comptabilite',
      })
    ).json();
    const intruder = await signedInStructure(t.app, db());
    const response = await t.app.inject({
      method: 'PATCH',
      url: `/api/needs/${need.id}`,
      headers: intruder.headers,
      payload: { status: 'closed' },
    });
    expect(response.statusCode).toBe(403);
    expect(
      (await t.app.inject({ method: 'DELETE', url: `/api/needs/${need.id}`, headers: intruder.headers })).statusCode,
    ).toBe(403);
  });
});
