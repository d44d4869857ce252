import { describe, expect, it } from 'vitest';
import { declineCodes, type NotificationKind, notificationKinds } from '@mutua/server/domain/notifications';
import type { AppNotification } from '@mutua/server/contract';
import { translator } from '../i18n/index.ts';
import { kindName, notificationPhrase } from './phrases.ts';

const about = { title: 'Tonnelle 3×3 m', organisationName: 'La Tonnelle Solidaire' };
const fr = translator('fr');
const en = translator('en');

function phrase(
  lang: 'fr' | 'en',
  kind: NotificationKind,
  params: Record<string, unknown> = {},
  of: AppNotification['about'] = about,
) {
  return notificationPhrase(translator(lang), { kind, params, about: of });
}

describe('notificationPhrase', () => {
  it('has a sentence of its own for every kind, in both languages, with nothing left to fill', () => {
    const params = { daysLate: 2, expiresAt: '2026-06-14T10:00:00Z', party: 'lender' };
    for (const kind of notificationKinds) {
      for (const t of [fr, en]) {
        expect(t.maybe(`notifications.kinds.${kind}`), `${t.lang} ${kind}`).toBeDefined();
        expect(t.maybe(`notifications.kindNames.${kind}`), `${t.lang} ${kind} name`).toBeDefined();
        const text = phrase(t.lang, kind, params);
        expect(text, `${t.lang} ${kind}`).not.toMatch(/[{}]/);
        expect(text, `${t.lang} ${kind}`).not.toContain('notifications.');
      }
    }
  });

  it('says who did what, to what', () => {
    expect(phrase('fr', 'booking.accepted')).toBe('La Tonnelle Solidaire a accepté votre demande : Tonnelle 3×3 m');
    expect(phrase('en', 'booking.accepted')).toBe('La Tonnelle Solidaire accepted your request: Tonnelle 3×3 m');
    expect(phrase('fr', 'booking.requested')).toBe('Nouvelle demande de La Tonnelle Solidaire : Tonnelle 3×3 m');
  });

  it('tells a decline the platform made from the lender’s own', () => {
    expect(phrase('fr', 'booking.declined')).toBe(
      'La Tonnelle Solidaire ne peut pas donner suite à votre demande : Tonnelle 3×3 m',
    );
    expect(phrase('fr', 'booking.declined', { reasonCode: 'dates_taken' })).toContain(
      'Une autre demande a été acceptée sur ces dates.',
    );
    expect(phrase('en', 'booking.declined', { reasonCode: 'slot_taken' })).toContain(
      'This slot went to another request.',
    );
    // A code newer than the app: the plain sentence rather than nothing.
    expect(phrase('fr', 'booking.declined', { reasonCode: 'not_yet_known' })).toBe(phrase('fr', 'booking.declined'));
  });

  it('phrases every code of a decline the platform makes, in the bell, on the booking and in its history', () => {
    for (const code of declineCodes) {
      for (const t of [fr, en]) {
        expect(phrase(t.lang, 'booking.declined', { reasonCode: code }), `${t.lang} ${code}`).not.toBe(
          phrase(t.lang, 'booking.declined'),
        );
        expect(t.maybe(`lending.declineCodes.${code}`), `${t.lang} ${code}`).toBeDefined();
        expect(t.maybe(`lending.eventReasons.${code}`), `${t.lang} ${code}`).toBeDefined();
      }
    }
    // Read by both sides: a fact about the suspended structure, with the other one named.
    expect(phrase('fr', 'booking.declined', { reasonCode: 'lender_suspended' })).toBe(
      'Demande close : Tonnelle 3×3 m, avec La Tonnelle Solidaire. La structure à laquelle elle était adressée n’est plus active sur Mutua.',
    );
    expect(phrase('en', 'booking.declined', { reasonCode: 'borrower_suspended' })).toBe(
      'Request closed: Tonnelle 3×3 m, with La Tonnelle Solidaire. The organisation that made it is no longer active on Mutua.',
    );
  });

  it('counts the days late and tells when a request expires, in Paris', () => {
    expect(phrase('fr', 'reminder.overdue', { daysLate: 1 })).toBe(
      'Retour en retard de 1 jour : Tonnelle 3×3 m, avec La Tonnelle Solidaire',
    );
    expect(phrase('en', 'reminder.overdue', { daysLate: 3 })).toBe(
      'Return 3 days late: Tonnelle 3×3 m, with La Tonnelle Solidaire',
    );
    expect(phrase('fr', 'reminder.overdue')).toBe('Retour en retard : Tonnelle 3×3 m, avec La Tonnelle Solidaire');
    // 22:30 UTC on 13 June is already the 14th in Paris.
    expect(phrase('fr', 'reminder.answer_due', { expiresAt: '2026-06-13T22:30:00Z' })).toContain(
      'elle expire le 14 juin 2026 à 00:30',
    );
    expect(phrase('fr', 'reminder.request_expiring', { expiresAt: 'soon' })).toBe(
      'Votre demande attend encore la réponse de La Tonnelle Solidaire : Tonnelle 3×3 m.',
    );
  });

  it('still reads well when a name is missing', () => {
    expect(phrase('fr', 'booking.accepted', {}, { title: 'Sono', organisationName: null })).toBe(
      'Une structure a accepté votre demande : Sono',
    );
    expect(phrase('fr', 'listing.hidden', {}, { title: null, organisationName: null })).toBe(
      'Une de vos annonces a été masquée par la modération.',
    );
  });
});

describe('kindName', () => {
  it('names every kind and the digest, and shows an unknown kind as it is', () => {
    expect(kindName(fr, 'digest')).toBe('Récapitulatif du jour');
    expect(kindName(en, 'booking.requested')).toBe('New request received');
    expect(kindName(fr, 'something.new')).toBe('something.new');
  });
});
