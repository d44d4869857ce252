import { eq, sql } from 'drizzle-orm';
import { memberships } from '../db/schema/memberships.ts';
import { describe, expect, it } from 'vitest';
import { users } from '../db/schema/users.ts';
import {
  lendingScene,
  makeStructureWithManager,
  makeUser,
  signIn,
  testPassword,
  uniqueSuffix,
} from '../../test/factories.ts';
import { mailboxOf, testPublicUrl, tokenIn } from '../../test/mail.ts';
import { useTestApp } from '../../test/test-app.ts';

const t = useTestApp();
const db = () => t.connection.db;

async function registerNewStructure(locale?: 'fr' | 'en') {
  const suffix = uniqueSuffix();
  const email = `nouvelle-${suffix}@test.mutua.fr`;
  const password = 'un-mot-de-passe-solide';
  const response = await t.app.inject({
    method: 'POST',
    url: '/api/auth/register',
    payload: {
      email,
      password,
      name: 'Alice',
      organisation: { name: `Asso ${suffix}`, kind: 'association', city: 'Lille', postcode: '59000' },
      ...(locale ? { locale } : {}),
    },
  });
  // « Vérifiez vos e-mails »: no session yet; the person signs in (before or after opening the link).
  expect(response.statusCode).toBe(202);
  return { email, headers: await signIn(t.app, email, password) };
}

describe('email verification', () => {
  it('sends a link at sign-up; until it is opened the person browses but cannot trade', async () => {
    const person = await registerNewStructure();
    const me = (await t.app.inject({ method: 'GET', url: '/api/me', headers: person.headers })).json();
    expect(me.user.emailVerified).toBe(false);
    const [mail] = await mailboxOf(t.connection, person.email);
    expect(mail).toMatchObject({ kind: 'account.verify_email', status: 'sent', locale: 'fr' });
    const scene = await lendingScene(t.app, db());
    const listings = await t.app.inject({ method: 'GET', url: '/api/items', headers: person.headers });
    expect(listings.statusCode).toBe(200);
    const token = tokenIn(mail!.text, '/verifier-email');
    const verified = await t.app.inject({ method: 'POST', url: '/api/auth/verify-email', payload: { token } });
    expect(verified.json()).toEqual({ email: person.email });
    expect(
      (await t.app.inject({ method: 'GET', url: '/api/me', headers: person.headers })).json().user.emailVerified,
    ).toBe(true);
    // Used once only.
    const again = await t.app.inject({ method: 'POST', url: '/api/auth/verify-email', payload: { token } });
    expect(again.statusCode).toBe(409);
    expect(again.json()).toMatchObject({ error: 'link_used' });
    void scene;
  });

  it('refuses to let an unverified person borrow (403 email_unverified), and resends the link at most once a minute', async () => {
    const scene = await lendingScene(t.app, db());
    const { organisation } = await makeStructureWithManager(db(), { networkId: scene.lender.networkId });
    const unverified = await makeUser(db(), { verified: false });
    await db()
      .insert(memberships)
      .values({ userId: unverified.id, organisationId: organisation.id, role: 'manager', status: 'active' });
    const headers = await signIn(t.app, unverified.email);
    const refused = await t.app.inject({
      method: 'POST',
      url: '/api/bookings',
      headers,
      payload: { itemId: scene.item.id, startDate: '2099-01-01', endDate: '2099-01-02' },
    });
    expect(refused.statusCode).toBe(403);
    expect(refused.json()).toMatchObject({ error: 'email_unverified' });
    expect((await t.app.inject({ method: 'POST', url: '/api/auth/verify-email/resend', headers })).statusCode).toBe(
      202,
    );
    const second = await t.app.inject({ method: 'POST', url: '/api/auth/verify-email/resend', headers });
    expect(second.statusCode).toBe(429);
    expect((await mailboxOf(t.connection, unverified.email)).map((mail) => mail.kind)).toEqual([
      'account.verify_email',
    ]);
  });

  it('refuses tampered, unknown and expired links with a clear error and changes nothing', async () => {
    const person = await registerNewStructure();
    const [mail] = await mailboxOf(t.connection, person.email);
    const token = tokenIn(mail!.text, '/verifier-email');
    const [payload, signature] = token.split('.');
    for (const bad of [
      `${payload}.${signature!.slice(0, -2)}xx`,
      'pas-un-lien-du-tout',
      `${Buffer.alloc(16).toString('base64url')}.${signature}`,
    ]) {
      const response = await t.app.inject({ method: 'POST', url: '/api/auth/verify-email', payload: { token: bad } });
      expect(response.statusCode, bad).toBe(400);
      expect(response.json()).toMatchObject({ error: 'link_invalid', message: expect.stringContaining('lien') });
    }
    // A link for another purpose never passes.
    expect(
      (
        await t.app.inject({
          method: 'POST',
          url: '/api/auth/password-reset/confirm',
          payload: { token, password: 'un-autre-mot-de-passe' },
        })
      ).statusCode,
    ).toBe(400);
    await db().execute(
      sql`update single_use_tokens set created_at = created_at - interval '3 days', expires_at = expires_at - interval '3 days' where purpose = 'verify_email' and email = ${person.email}`,
    );
    const expired = await t.app.inject({ method: 'POST', url: '/api/auth/verify-email', payload: { token } });
    expect(expired.statusCode).toBe(410);
    expect(expired.json()).toMatchObject({ error: 'link_expired' });
    expect(
      (await t.app.inject({ method: 'GET', url: '/api/me', headers: person.headers })).json().user.emailVerified,
    ).toBe(false);
  });

  it('writes the emails in the person’s language', async () => {
    const person = await registerNewStructure('en');
    const [mail] = await mailboxOf(t.connection, person.email);
    expect(mail!.locale).toBe('en');
    expect(mail!.subject).not.toMatch(/adresse/i);
  });
});

describe('sign-up with an address that has an account', () => {
  it('tells its owner by email, in their language, at most once an hour, and sends no verification link', async () => {
    const owner = await makeUser(db());
    await db().update(users).set({ locale: 'en' }).where(eq(users.id, owner.id));
    for (let attempt = 0; attempt < 3; attempt += 1) {
      const suffix = uniqueSuffix();
      const response = await t.app.inject({
        method: 'POST',
        url: '/api/auth/register',
        payload: {
          email: owner.email.toUpperCase(),
          password: 'un-mot-de-passe-solide',
          name: 'Quelqu’un',
          organisation: { name: `Asso ${suffix}`, kind: 'association', city: 'Lille', postcode: '59000' },
        },
      });
      expect(response.statusCode).toBe(202);
    }
    const mails = await mailboxOf(t.connection, owner.email);
    expect(mails.map((mail) => mail.kind)).toEqual(['account.signup_attempt']);
    expect(mails[0]).toMatchObject({ status: 'sent', locale: 'en' });
    expect(mails[0]!.subject).toBe('Someone tried to create an account with your address');
    expect(mails[0]!.text).toContain(`${testPublicUrl}/connexion`);
    expect(mails[0]!.text).toContain(`${testPublicUrl}/mot-de-passe-oublie`);
  });
});

describe('password reset', () => {
  it('answers the same whether or not the address exists, and gets a person back in with a single-use link', async () => {
    const user = await makeUser(db());
    const unknown = await t.app.inject({
      method: 'POST',
      url: '/api/auth/password-reset',
      payload: { email: `personne-${uniqueSuffix()}@nulle-part.fr` },
    });
    const known = await t.app.inject({
      method: 'POST',
      url: '/api/auth/password-reset',
      payload: { email: user.email.toUpperCase() },
    });
    expect(known.statusCode).toBe(202);
    expect(unknown.statusCode).toBe(202);
    expect(known.json()).toEqual(unknown.json());
    const session = await signIn(t.app, user.email);
    const [mail] = await mailboxOf(t.connection, user.email);
    expect(mail).toMatchObject({ kind: 'account.password_reset' });
    const token = tokenIn(mail!.text, '/mot-de-passe');
    expect((await t.app.inject({ method: 'GET', url: `/api/auth/password-reset/${token}` })).json()).toEqual({
      email: user.email,
    });
    const reset = await t.app.inject({
      method: 'POST',
      url: '/api/auth/password-reset/confirm',
      payload: { token, password: 'mon-nouveau-mot-de-passe' },
    });
    expect(reset.statusCode).toBe(204);
    // Every session ended; the old password no longer works, the new one does.
    expect((await t.app.inject({ method: 'GET', url: '/api/me', headers: session })).statusCode).toBe(401);
    expect(
      (
        await t.app.inject({
          method: 'POST',
          url: '/api/auth/login',
          payload: { email: user.email, password: testPassword },
        })
      ).statusCode,
    ).toBe(401);
    await signIn(t.app, user.email, 'mon-nouveau-mot-de-passe');
    const reused = await t.app.inject({
      method: 'POST',
      url: '/api/auth/password-reset/confirm',
      payload: { token, password: 'encore-un-autre-mot' },
    });
    expect(reused.statusCode).toBe(409);
    await signIn(t.app, user.email, 'mon-nouveau-mot-de-passe');
    expect((await mailboxOf(t.connection, user.email)).map((email) => email.kind)).toEqual([
      'account.password_reset',
      'account.password_changed',
    ]);
  });

  it('refuses a new password too easy to guess, and leaves the link usable', async () => {
    const user = await makeUser(db());
    await t.app.inject({ method: 'POST', url: '/api/auth/password-reset', payload: { email: user.email } });
    const token = tokenIn((await mailboxOf(t.connection, user.email))[0]!.text, '/mot-de-passe');
    for (const password of ['1234567890', 'azertyuiop', user.email.split('@')[0]!.padEnd(10, '1')]) {
      const weak = await t.app.inject({
        method: 'POST',
        url: '/api/auth/password-reset/confirm',
        payload: { token, password },
      });
      expect(weak.statusCode, password).toBe(400);
      expect(weak.json()).toMatchObject({
        error: 'validation_failed',
        details: [{ path: 'password', code: 'strength', message: expect.any(String) }],
      });
    }
    const strong = await t.app.inject({
      method: 'POST',
      url: '/api/auth/password-reset/confirm',
      payload: { token, password: 'mon-nouveau-mot-de-passe' },
    });
    expect(strong.statusCode).toBe(204);
  });

  it('sends at most three links an hour to one address (the answer stays the same)', async () => {
    const user = await makeUser(db());
    for (let attempt = 0; attempt < 5; attempt += 1) {
      expect(
        (await t.app.inject({ method: 'POST', url: '/api/auth/password-reset', payload: { email: user.email } }))
          .statusCode,
      ).toBe(202);
    }
    expect(await mailboxOf(t.connection, user.email)).toHaveLength(3);
  });
});

describe('change of address', () => {
  it('confirms the new address on that address before using it', async () => {
    const user = await makeUser(db());
    const headers = await signIn(t.app, user.email);
    const newEmail = `nouvelle-adresse-${uniqueSuffix()}@test.mutua.fr`;
    expect(
      (
        await t.app.inject({
          method: 'POST',
          url: '/api/me/email',
          headers,
          payload: { email: newEmail, password: 'mauvais-mot-de-passe' },
        })
      ).statusCode,
    ).toBe(401);
    const asked = await t.app.inject({
      method: 'POST',
      url: '/api/me/email',
      headers,
      payload: { email: newEmail, password: testPassword },
    });
    expect(asked.statusCode).toBe(202);
    expect((await t.app.inject({ method: 'GET', url: '/api/me', headers })).json().user.email).toBe(user.email);
    expect(await mailboxOf(t.connection, user.email)).toEqual([]);
    const [mail] = await mailboxOf(t.connection, newEmail);
    expect(mail).toMatchObject({ kind: 'account.email_change' });
    const confirmed = await t.app.inject({
      method: 'POST',
      url: '/api/auth/email-change/confirm',
      payload: { token: tokenIn(mail!.text, '/adresse') },
    });
    expect(confirmed.json()).toEqual({ email: newEmail });
    const [row] = await db().select({ email: users.email }).from(users).where(eq(users.id, user.id));
    expect(row!.email).toBe(newEmail);
  });
});

describe('invitations', () => {
  it('lets a manager invite a colleague without an account, who signs up through the link and joins at once', async () => {
    const { organisation, manager } = await makeStructureWithManager(db());
    const headers = await signIn(t.app, manager.email);
    const email = `collegue-${uniqueSuffix()}@test.mutua.fr`;
    const invited = await t.app.inject({
      method: 'POST',
      url: `/api/organisations/${organisation.id}/invitations`,
      headers,
      payload: { email, role: 'member' },
    });
    expect(invited.statusCode).toBe(201);
    expect(
      (await t.app.inject({ method: 'GET', url: `/api/organisations/${organisation.id}/invitations`, headers })).json()
        .invitations,
    ).toHaveLength(1);
    const [mail] = await mailboxOf(t.connection, email);
    expect(mail).toMatchObject({ kind: 'organisation.invitation' });
    expect(mail!.text).toContain(organisation.name);
    const token = tokenIn(mail!.text, '/invitation');
    expect((await t.app.inject({ method: 'GET', url: `/api/invitations/${token}` })).json()).toEqual({
      organisationName: organisation.name,
      role: 'member',
      email,
      hasAccount: false,
    });
    const wrongAddress = await t.app.inject({
      method: 'POST',
      url: '/api/auth/register',
      payload: {
        email: `autre-${uniqueSuffix()}@test.mutua.fr`,
        password: 'un-mot-de-passe-solide',
        name: 'Intrus',
        invitationToken: token,
      },
    });
    expect(wrongAddress.statusCode).toBe(403);
    const joined = await t.app.inject({
      method: 'POST',
      url: '/api/auth/register',
      payload: { email, password: 'un-mot-de-passe-solide', name: 'Zoé', invitationToken: token },
    });
    expect(joined.statusCode).toBe(201);
    expect(joined.json()).toMatchObject({
      user: { email, emailVerified: true },
      memberships: [{ role: 'member', status: 'active', organisation: { id: organisation.id } }],
    });
    // No verification email: the invitation proved the address.
    expect((await mailboxOf(t.connection, email)).map((m) => m.kind)).toEqual(['organisation.invitation']);
  });

  it('is for managers only, and for the invited address only', async () => {
    const { organisation, manager } = await makeStructureWithManager(db());
    const member = await makeUser(db());
    await db()
      .insert(memberships)
      .values({ userId: member.id, organisationId: organisation.id, role: 'member', status: 'active' });
    const memberHeaders = await signIn(t.app, member.email);
    expect(
      (
        await t.app.inject({
          method: 'POST',
          url: `/api/organisations/${organisation.id}/invitations`,
          headers: memberHeaders,
          payload: { email: 'x@test.mutua.fr', role: 'manager' },
        })
      ).statusCode,
    ).toBe(403);
    const invitee = await makeUser(db());
    const other = await makeUser(db());
    await t.app.inject({
      method: 'POST',
      url: `/api/organisations/${organisation.id}/invitations`,
      headers: await signIn(t.app, manager.email),
      payload: { email: invitee.email, role: 'manager' },
    });
    const token = tokenIn((await mailboxOf(t.connection, invitee.email))[0]!.text, '/invitation');
    expect(
      (
        await t.app.inject({
          method: 'POST',
          url: `/api/invitations/${token}/accept`,
          headers: await signIn(t.app, other.email),
        })
      ).statusCode,
    ).toBe(403);
    const accepted = await t.app.inject({
      method: 'POST',
      url: `/api/invitations/${token}/accept`,
      headers: await signIn(t.app, invitee.email),
    });
    expect(accepted.json()).toEqual({ organisationId: organisation.id });
    const members = (
      await t.app.inject({
        method: 'GET',
        url: `/api/organisations/${organisation.id}/members`,
        headers: await signIn(t.app, invitee.email),
      })
    ).json();
    expect(members.members).toContainEqual(
      expect.objectContaining({ user: expect.objectContaining({ id: invitee.id }), role: 'manager', status: 'active' }),
    );
  });
});

describe('invitations sent twice', () => {
  it('keeps only the latest link of an address, and closes it once the person joined', async () => {
    const { organisation, manager } = await makeStructureWithManager(db());
    const headers = await signIn(t.app, manager.email);
    const email = `deux-fois-${uniqueSuffix()}@test.mutua.fr`;
    for (const role of ['member', 'manager'] as const) {
      expect(
        (
          await t.app.inject({
            method: 'POST',
            url: `/api/organisations/${organisation.id}/invitations`,
            headers,
            payload: { email, role },
          })
        ).statusCode,
      ).toBe(201);
    }
    const pending = (
      await t.app.inject({ method: 'GET', url: `/api/organisations/${organisation.id}/invitations`, headers })
    ).json().invitations;
    expect(pending).toEqual([expect.objectContaining({ email, role: 'manager' })]);
    const [first, second] = (await mailboxOf(t.connection, email)).map((mail) => tokenIn(mail.text, '/invitation'));
    expect((await t.app.inject({ method: 'GET', url: `/api/invitations/${first}` })).json()).toMatchObject({
      error: 'link_used',
    });
    const joined = await t.app.inject({
      method: 'POST',
      url: '/api/auth/register',
      payload: { email, password: 'un-mot-de-passe-solide', name: 'Lina', invitationToken: second },
    });
    expect(joined.statusCode).toBe(201);
    expect(
      (await t.app.inject({ method: 'GET', url: `/api/organisations/${organisation.id}/invitations`, headers })).json()
        .invitations,
    ).toEqual([]);
  });
});

describe('PATCH /api/me', () => {
  it('changes the language of the emails, and refuses a blank name with a 400', async () => {
    const user = await makeUser(db());
    const headers = await signIn(t.app, user.email);
    const changed = await t.app.inject({ method: 'PATCH', url: '/api/me', headers, payload: { locale: 'en' } });
    expect(changed.json().user).toMatchObject({ locale: 'en', name: user.name });
    const blank = await t.app.inject({ method: 'PATCH', url: '/api/me', headers, payload: { name: '   ' } });
    expect(blank.statusCode).toBe(400);
    expect(blank.json()).toMatchObject({
      error: 'validation_failed',
      details: [expect.objectContaining({ path: 'name' })],
    });
  });
});
