import { describe, expect, it } from 'vitest';
import type { Booking } from '@mutua/server/contract';
import { translator } from '../i18n/index.ts';
import {
  bookingTitle,
  bookingWhen,
  dateRangeLabel,
  formatInstant,
  hasCalendarFile,
  lineLabel,
  loanDays,
  otherParty,
  parisDay,
  serviceTimeLabel,
} from './booking-labels.ts';

const fr = translator('fr');
const en = translator('en');
const nbsp = (text: string) => text.replace(/[\u00a0\u202f]/g, ' ');

describe('dateRangeLabel', () => {
  it('says the days of a loan as people do, the year once', () => {
    expect(dateRangeLabel(fr, '2026-06-13', '2026-06-15')).toBe('du sam. 13 juin au lun. 15 juin 2026');
    expect(dateRangeLabel(fr, '2026-06-13', '2026-06-15', true)).toBe('Du sam. 13 juin au lun. 15 juin 2026');
    expect(dateRangeLabel(en, '2026-06-13', '2026-06-15')).toBe('from Sat 13 June to Mon 15 June 2026');
  });

  it('names both years when the loan crosses the new year, and one day once', () => {
    expect(dateRangeLabel(fr, '2026-12-30', '2027-01-02')).toBe('du mer. 30 décembre 2026 au sam. 2 janvier 2027');
    expect(dateRangeLabel(fr, '2026-06-13', '2026-06-13')).toBe('le sam. 13 juin 2026');
  });

  it('never lets the machine’s time zone move a calendar day (the tests run in São Paulo)', () => {
    expect(dateRangeLabel(fr, '2026-03-29', '2026-03-29')).toBe('le dim. 29 mars 2026');
  });

  it('counts the days of a loan, both ends included, across a change of hour', () => {
    expect(loanDays('2026-06-13', '2026-06-15')).toBe(3);
    expect(loanDays('2026-03-28', '2026-03-30')).toBe(3);
    expect(loanDays('2026-06-13', '2026-06-13')).toBe(1);
  });
});

describe('services and instants', () => {
  it('tells a service’s time in Paris', () => {
    // 12:00 UTC in June is 14:00 in Paris.
    expect(serviceTimeLabel(fr, '2026-06-16T12:00:00Z', '2026-06-16T14:00:00Z')).toBe(
      'le mar. 16 juin 2026, de 14:00 à 16:00',
    );
    expect(serviceTimeLabel(fr, '2026-06-16T12:00:00Z', '2026-06-17T08:00:00Z', true)).toBe(
      'Du mar. 16 juin 2026 à 14:00 au mer. 17 juin 2026 à 10:00',
    );
  });

  it('takes the Paris day of an instant, not the machine’s', () => {
    expect(parisDay('2026-03-28T23:30:00Z')).toBe('2026-03-29');
    expect(nbsp(formatInstant('fr', '2026-06-13T12:05:00Z'))).toBe('13 juin 2026 à 14:05');
  });

  it('tells when a booking happens, whatever its kind', () => {
    expect(
      bookingWhen(fr, { startDate: '2026-06-13', endDate: '2026-06-15', startsAt: null, endsAt: null }, true),
    ).toBe('Du sam. 13 juin au lun. 15 juin 2026');
    expect(
      bookingWhen(fr, {
        startDate: null,
        endDate: null,
        startsAt: '2026-06-16T12:00:00Z',
        endsAt: '2026-06-16T14:00:00Z',
      }),
    ).toBe('le mar. 16 juin 2026, de 14:00 à 16:00');
  });
});

describe('what a booking is about', () => {
  const line = (title: string, quantity = 1) => ({ itemId: title, title, quantity });

  it('names the item, its quantity, and how many others come with it', () => {
    expect(lineLabel(fr, line('Chaise pliante', 20))).toBe('20 × Chaise pliante');
    expect(bookingTitle(fr, { kind: 'item', service: null, lines: [line('Tonnelle 3 × 3 m')] })).toBe(
      'Tonnelle 3 × 3 m',
    );
    expect(bookingTitle(fr, { kind: 'item', service: null, lines: [line('Tonnelle'), line('Table', 4)] })).toBe(
      'Tonnelle et 1 autre objet',
    );
    expect(
      bookingTitle(fr, { kind: 'item', service: null, lines: [line('Tonnelle'), line('Table'), line('Banc')] }),
    ).toBe('Tonnelle et 2 autres objets');
    expect(bookingTitle(fr, { kind: 'service', service: { id: 's', title: 'Animation d’AG' }, lines: [] })).toBe(
      'Animation d’AG',
    );
  });

  it('shows the structure on the other side', () => {
    const lender = { id: 'l', name: 'La Tonnelle Solidaire', kind: 'association' as const, city: 'Lille' };
    const borrower = { id: 'b', name: 'Les Tisserands', kind: 'association' as const, city: 'Roubaix' };
    const asLender = { lender, borrower, viewer: { role: 'lender' as const, actions: [] } };
    expect(otherParty(asLender).name).toBe('Les Tisserands');
    expect(otherParty({ ...asLender, viewer: { role: 'borrower' as const, actions: [] } }).name).toBe(
      'La Tonnelle Solidaire',
    );
  });

  it('offers the calendar file once the booking will happen', () => {
    const statuses: Array<Booking['status']> = ['requested', 'accepted', 'picked_up', 'returned', 'declined'];
    expect(statuses.filter((status) => hasCalendarFile({ status }))).toEqual(['accepted', 'picked_up']);
  });
});
