import { describe, expect, it } from 'vitest';
import { makeUser, signIn, testPassword } from '../../test/factories.ts';
import { mailboxOf } from '../../test/mail.ts';
import { useTestApp } from '../../test/test-app.ts';

const t = useTestApp();

function changePassword(headers: Record<string, string>, currentPassword: string, newPassword: string) {
  return t.app.inject({ method: 'POST', url: '/api/me/password', headers, payload: { currentPassword, newPassword } });
}

const me = (headers: Record<string, string>) => t.app.inject({ method: 'GET', url: '/api/me', headers });
const login = (email: string, password: string) =>
  t.app.inject({ method: 'POST', url: '/api/auth/login', payload: { email, password } });

describe('POST /api/me/password', () => {
  it('changes the password with the current one: this session stays, the others end, an email tells', async () => {
    const person = await makeUser(t.connection.db);
    const here = await signIn(t.app, person.email);
    const elsewhere = await signIn(t.app, person.email);
    const changed = await changePassword(here, testPassword, 'trois mots bien choisis');
    expect(changed.statusCode).toBe(204);

    expect((await me(here)).statusCode).toBe(200);
    expect((await me(elsewhere)).statusCode).toBe(401);
    expect((await login(person.email, testPassword)).statusCode).toBe(401);
    expect((await login(person.email, 'trois mots bien choisis')).statusCode).toBe(200);
    expect((await mailboxOf(t.connection, person.email)).map((mail) => mail.kind)).toEqual([
      'account.password_changed',
    ]);
  });

  it('refuses a wrong current password with a 400 about that field, and signs nobody out', async () => {
    const person = await makeUser(t.connection.db);
    const here = await signIn(t.app, person.email);
    const elsewhere = await signIn(t.app, person.email);
    const refused = await changePassword(here, 'pas-le-bon-mot', 'trois mots bien choisis');
    expect(refused.statusCode).toBe(400);
    expect(refused.json()).toEqual({
      error: 'validation_failed',
      message: expect.any(String),
      details: [{ path: 'currentPassword', code: 'current', message: 'Ce n’est pas votre mot de passe actuel.' }],
    });
    expect((await me(here)).statusCode).toBe(200);
    expect((await me(elsewhere)).statusCode).toBe(200);
    expect((await login(person.email, testPassword)).statusCode).toBe(200);
    expect(await mailboxOf(t.connection, person.email)).toEqual([]);
  });

  it.each(['1234567890', ' '.repeat(10), 'azertyuiop', 'motdepasse'])(
    'refuses %j as the new password, naming the field, and keeps the old one',
    async (weak) => {
      const person = await makeUser(t.connection.db);
      const here = await signIn(t.app, person.email);
      const refused = await changePassword(here, testPassword, weak);
      expect(refused.statusCode).toBe(400);
      expect(refused.json().details).toEqual([
        { path: 'newPassword', code: 'strength', message: expect.stringMatching(/trop facile à deviner/) },
      ]);
      expect((await login(person.email, testPassword)).statusCode).toBe(200);
    },
  );

  it('refuses the same password again, and a short one by its schema', async () => {
    const person = await makeUser(t.connection.db);
    const here = await signIn(t.app, person.email);
    const same = await changePassword(here, testPassword, testPassword);
    expect(same.json().details).toEqual([expect.objectContaining({ path: 'newPassword', code: 'different' })]);
    const short = await changePassword(here, testPassword, 'court');
    expect(short.statusCode).toBe(400);
    expect(short.json().details).toEqual([expect.objectContaining({ path: 'newPassword', code: 'minLength' })]);
  });

  it('is for signed-in people only', async () => {
    const anonymous = await t.app.inject({
      method: 'POST',
      url: '/api/me/password',
      payload: { currentPassword: testPassword, newPassword: 'trois mots bien choisis' },
    });
    expect(anonymous.statusCode).toBe(401);
  });
});
