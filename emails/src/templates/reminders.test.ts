import { describe, expect, it } from 'vitest';
import type { BookingSummary } from '../contract.ts';
import { renderEmail, sampleContext, sampleInputs } from '../index.ts';

const loan: BookingSummary = {
  ...sampleInputs['reminder.pickup'].booking,
  startDate: '2026-03-31',
  endDate: '2026-04-02',
};
const service = sampleInputs['booking.expired'].booking;

describe('reminders', () => {
  it('say the actual day of the pickup and of the return, never « demain »', () => {
    for (const side of ['lender', 'borrower'] as const) {
      const pickup = renderEmail('reminder.pickup', { booking: loan, side }, sampleContext('fr'));
      expect(pickup.subject).toContain('Retrait prévu le mardi 31 mars 2026');
      expect(pickup.text).toContain('Retrait prévu le mardi 31 mars 2026');
      const giveBack = renderEmail('reminder.return', { booking: loan, side }, sampleContext('en'));
      expect(giveBack.subject).toContain('Return planned on Thursday 2 April 2026');
      for (const email of [pickup, giveBack])
        expect(`${email.subject} ${email.text}`).not.toMatch(/demain|tomorrow|aujourd’hui|today/i);
    }
  });

  it('give a service’s day and time', () => {
    const pickup = renderEmail('reminder.pickup', { booking: service, side: 'borrower' }, sampleContext('fr'));
    expect(pickup.subject).toContain('Prestation prévue le mardi 14 avril 2026 à 9\u00a0h\u00a030');
  });

  it('say when a late return was due and by how much', () => {
    const { text } = renderEmail(
      'reminder.overdue',
      { booking: loan, side: 'borrower', daysLate: 3 },
      sampleContext('fr'),
    );
    expect(text).toContain('Le retour était prévu le jeudi 2 avril 2026 (3 jours de retard).');
  });

  it('give the deadline of a request waiting for an answer', () => {
    const lender = renderEmail(
      'reminder.answer_due',
      { booking: loan, expiresAt: '2026-03-28T23:30:00.000Z' },
      sampleContext('fr'),
    );
    expect(lender.text).toContain('elle expirera le dimanche 29 mars 2026 à 0\u00a0h\u00a030');
    const borrower = renderEmail(
      'reminder.request_expiring',
      { booking: loan, expiresAt: '2026-10-25T01:30:00.000Z' },
      sampleContext('en'),
    );
    expect(borrower.text).toContain('it will expire on Sunday 25 October 2026 at 02:30');
  });

  it('refuse to guess a day the booking does not have', () => {
    expect(() =>
      renderEmail('reminder.pickup', { booking: { ...loan, startDate: null }, side: 'borrower' }, sampleContext('fr')),
    ).toThrow(/start/);
  });
});
