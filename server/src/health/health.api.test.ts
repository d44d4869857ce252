import { describe, expect, it } from 'vitest';
import { useTestApp } from '../../test/test-app.ts';

const t = useTestApp();

describe('GET /api/health', () => {
  it('answers ok once the database answers', async () => {
    const response = await t.app.inject({ method: 'GET', url: '/api/health' });
    expect(response.statusCode).toBe(200);
    expect(response.json()).toEqual({ status: 'ok' });
  });
});

describe('the OpenAPI document', () => {
  it('documents every API route with its schemas', async () => {
    const document = (await t.app.inject({ method: 'GET', url: '/api/docs/json' })).json();
    expect(document.openapi).toMatch(/^3\./);
    const expected = {
      '/api/health': ['get'],
      '/api/auth/register': ['post'],
      '/api/auth/login': ['post'],
      '/api/auth/logout': ['post'],
      '/api/me': ['get', 'patch', 'delete'],
      '/api/me/password': ['post'],
      '/api/me/sessions': ['get'],
      '/api/me/sessions/revoke-others': ['post'],
      '/api/me/sessions/{id}': ['delete'],
      '/api/organisations': ['get'],
      '/api/organisations/{id}': ['get', 'patch'],
      '/api/organisations/{id}/members': ['get'],
      '/api/organisations/{id}/members/{userId}/accept': ['post'],
      '/api/organisations/{id}/members/{userId}': ['patch', 'delete'],
      '/api/admin/organisations': ['get'],
      '/api/admin/organisations/{id}/approve': ['post'],
      '/api/admin/organisations/{id}/reject': ['post'],
      '/api/admin/organisations/{id}/suspend': ['post'],
      '/api/admin/organisations/{id}/reinstate': ['post'],
      '/api/admin/organisations/{id}/reopen': ['post'],
      '/api/admin/organisations/{id}/request-changes': ['post'],
      '/api/admin/audit': ['get'],
      '/api/categories': ['get'],
      '/api/territories': ['get'],
      '/api/items': ['get', 'post'],
      '/api/items/{id}': ['get', 'patch', 'delete'],
      '/api/items/{id}/duplicate': ['post'],
      '/api/items/import': ['post'],
      '/api/items/import/template': ['get'],
      '/api/items/{id}/photos': ['post'],
      '/api/items/{id}/photos/{photoId}': ['delete'],
      '/api/services': ['get', 'post'],
      '/api/services/{id}': ['get', 'patch', 'delete'],
      '/api/services/{id}/photos': ['post'],
      '/api/services/{id}/photos/{photoId}': ['delete'],
      '/api/photos/{id}/{file}': ['get'],
      '/api/organisations/{id}/listings': ['get'],
      '/api/needs': ['get', 'post'],
      '/api/needs/{id}': ['get', 'patch', 'delete'],
      '/api/needs/{id}/responses': ['post'],
      '/api/items/{id}/availability': ['get'],
      '/api/items/{id}/blocked-periods': ['get', 'post'],
      '/api/items/{id}/blocked-periods/{periodId}': ['delete'],
      '/api/bookings': ['get', 'post'],
      '/api/bookings/batch': ['post'],
      '/api/bookings/dashboard': ['get'],
      '/api/bookings/groups/{id}': ['get'],
      '/api/bookings/{id}': ['get'],
      '/api/bookings/{id}/accept': ['post'],
      '/api/bookings/{id}/decline': ['post'],
      '/api/bookings/{id}/cancel': ['post'],
      '/api/bookings/{id}/pickup': ['post'],
      '/api/bookings/{id}/return': ['post'],
      '/api/bookings/{id}/done': ['post'],
      '/api/bookings/{id}/close': ['post'],
      '/api/bookings/{id}/messages': ['get', 'post'],
      '/api/bookings/{id}.ics': ['get'],
      '/api/calendar/{token}.ics': ['get'],
      '/api/organisations/{id}/calendar-feed': ['get', 'post', 'delete'],
      '/api/notifications': ['get'],
      '/api/notifications/unread': ['get'],
      '/api/notifications/{id}/read': ['post'],
      '/api/notifications/read-all': ['post'],
      '/api/me/notification-preferences': ['get', 'patch'],
      '/api/unsubscribe/{token}': ['get', 'post'],
      '/api/admin/emails': ['get'],
      '/api/admin/emails/{id}': ['get'],
      '/api/admin/emails/{id}/retry': ['post'],
      '/api/admin/email-templates': ['get'],
      '/api/me/email': ['post'],
      '/api/auth/email-change/confirm': ['post'],
      '/api/auth/verify-email': ['post'],
      '/api/auth/verify-email/resend': ['post'],
      '/api/auth/password-reset': ['post'],
      '/api/auth/password-reset/{token}': ['get'],
      '/api/auth/password-reset/confirm': ['post'],
      '/api/organisations/{id}/invitations': ['get', 'post'],
      '/api/organisations/{id}/invitations/{invitationId}': ['delete'],
      '/api/invitations/{token}': ['get'],
      '/api/invitations/{token}/accept': ['post'],
      '/api/email-actions/{token}': ['get', 'post'],
      '/api/admin/listings': ['get'],
      '/api/admin/listings/{type}/{id}/approve': ['post'],
      '/api/admin/listings/{type}/{id}/request-changes': ['post'],
      '/api/admin/listings/{type}/{id}/hide': ['post'],
      '/api/admin/listings/{type}/{id}/unhide': ['post'],
      '/api/admin/listings/{type}/{id}/archive': ['post'],
      '/api/reports': ['post'],
      '/api/me/reports': ['get'],
      '/api/admin/reports': ['get'],
      '/api/admin/reports/{id}': ['get'],
      '/api/admin/reports/{id}/resolve': ['post'],
      '/api/admin/impact': ['get'],
      '/api/admin/impact/method': ['get', 'patch'],
      '/api/admin/impact/factors': ['put'],
      '/api/admin/inbox': ['get'],
      '/api/admin/inbox/counts': ['get'],
      '/api/admin/loans/{bookingId}/follow-up': ['post'],
      '/api/admin/users': ['get'],
      '/api/admin/users/{id}/suspend': ['post'],
      '/api/admin/users/{id}/reinstate': ['post'],
      '/api/admin/networks': ['get'],
      '/api/admin/networks/{id}': ['get', 'patch'],
      '/api/admin/networks/{id}/moderators': ['post'],
      '/api/admin/networks/{id}/moderators/{userId}': ['delete'],
      '/api/me/export': ['get'],
      '/api/admin/users/{id}/export': ['get'],
      '/api/admin/users/{id}': ['delete'],
      '/api/charters': ['get'],
      '/api/networks/{id}/charter': ['get'],
      '/api/admin/networks/{id}/charters': ['get', 'post'],
      '/api/me/charters': ['get'],
      '/api/me/charters/{networkId}/read': ['post'],
      '/api/admin/categories': ['get', 'post'],
      '/api/admin/categories/{id}': ['patch', 'delete'],
      '/api/admin/networks/{id}/territories': ['get', 'put'],
    };
    expect(Object.keys(document.paths).sort()).toEqual(Object.keys(expected).sort());
    for (const [path, methods] of Object.entries(expected)) {
      for (const method of methods) {
        const operation = document.paths[path][method];
        expect(operation.summary, `${method} ${path}`).toBeTruthy();
        const success = Object.keys(operation.responses).filter((status) => status.startsWith('2'));
        // Sign-up: 202 « vérifiez vos e-mails », or 201 with a session through an invitation.
        expect(success, `${method} ${path}`).toHaveLength(path === '/api/auth/register' ? 2 : 1);
        expect(
          operation.responses[success[0]!].content ?? operation.responses[success[0]!].description,
          `${method} ${path}`,
        ).toBeTruthy();
      }
    }
    expect(
      document.paths['/api/auth/register'].post.requestBody.content['application/json'].schema.properties,
    ).toHaveProperty('organisation');
  });

  it('serves Swagger UI', async () => {
    const response = await t.app.inject({ method: 'GET', url: '/api/docs' });
    expect([200, 302]).toContain(response.statusCode);
  });

  it('answers unknown API routes with the JSON error shape', async () => {
    const response = await t.app.inject({ method: 'GET', url: '/api/nothing-here' });
    expect(response.statusCode).toBe(404);
    expect(response.json()).toMatchObject({ error: 'not_found', message: expect.any(String) });
  });
});
