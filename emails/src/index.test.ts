import { describe, expect, it } from 'vitest';
import {
  emailKinds,
  renderEmail,
  sampleContext,
  sampleInputs,
  summarise,
  type DigestEntry,
  type EmailInputs,
  type EmailKind,
  type RenderContext,
} from './index.ts';

type Case = { [K in EmailKind]: { name: string; kind: K; input: EmailInputs[K] } }[EmailKind];
type EntryKind = Exclude<EmailKind, 'digest'>;

// The one place where a kind and its input are tied by hand; every call site is checked by K.
const caseOf = <K extends EmailKind>(name: string, kind: K, input: EmailInputs[K]) => ({ name, kind, input }) as Case;
const entryOf = <K extends EntryKind>(kind: K) => ({ kind, input: sampleInputs[kind] }) as DigestEntry;
const render = <K extends EmailKind>(c: { kind: K; input: EmailInputs[K] }, context: RenderContext) =>
  renderEmail(c.kind, c.input, context);

const itemBooking = sampleInputs['booking.requested'].booking;
const serviceBooking = sampleInputs['booking.expired'].booking;
const bookingKinds = [
  'booking.requested',
  'booking.accepted',
  'booking.declined',
  'booking.cancelled',
  'booking.expired',
  'booking.message',
  'reminder.pickup',
  'reminder.return',
  'reminder.overdue',
  'reminder.answer_due',
  'reminder.request_expiring',
] as const;
const sidedKinds = ['booking.expired', 'reminder.pickup', 'reminder.return', 'reminder.overdue'] as const;

/** Every sample, then the variants a template branches on: item or service, either side, optional parts missing. */
const cases: Case[] = [
  ...emailKinds.map((kind) => caseOf(kind, kind, sampleInputs[kind])),
  ...bookingKinds.flatMap((kind) =>
    [itemBooking, serviceBooking].map((booking) =>
      caseOf(`${kind} (${booking.kind})`, kind, { ...sampleInputs[kind], booking }),
    ),
  ),
  ...sidedKinds.flatMap((kind) =>
    (['lender', 'borrower'] as const).flatMap((side) =>
      [itemBooking, serviceBooking].map((booking) =>
        caseOf(`${kind} (${booking.kind}, to the ${side})`, kind, { ...sampleInputs[kind], booking, side }),
      ),
    ),
  ),
  caseOf('booking.requested without answer links', 'booking.requested', {
    ...sampleInputs['booking.requested'],
    acceptUrl: null,
    declineUrl: null,
  }),
  caseOf('booking.requested without message nor deadline', 'booking.requested', {
    ...sampleInputs['booking.requested'],
    message: '  ',
    expiresAt: null,
  }),
  caseOf('booking.requested, one line', 'booking.requested', {
    ...sampleInputs['booking.requested'],
    booking: { ...itemBooking, lines: [{ title: 'Tonnelle 3×3 m', quantity: 3 }] },
  }),
  caseOf('booking.accepted without answer', 'booking.accepted', { booking: itemBooking, answer: null }),
  caseOf('booking.declined, slot taken', 'booking.declined', {
    booking: serviceBooking,
    reason: { code: 'slot_taken' },
    side: 'borrower',
  }),
  caseOf('booking.declined, lender’s words', 'booking.declined', {
    booking: itemBooking,
    reason: { code: 'lender', text: 'La tonnelle est en réparation.' },
    side: 'borrower',
  }),
  caseOf('booking.declined, lender silent', 'booking.declined', {
    booking: itemBooking,
    reason: { code: 'lender', text: null },
    side: 'borrower',
  }),
  ...(['borrower_suspended', 'lender_suspended', 'requester_suspended'] as const).flatMap((code) =>
    (['lender', 'borrower'] as const).flatMap((side) =>
      [itemBooking, serviceBooking].map((booking) =>
        caseOf(`booking.declined, ${code} (${booking.kind}, to the ${side})`, 'booking.declined', {
          booking,
          reason: { code },
          side,
        }),
      ),
    ),
  ),
  caseOf('booking.cancelled by the lender, no reason', 'booking.cancelled', {
    booking: itemBooking,
    by: 'lender',
    reason: null,
  }),
  caseOf('reminder.overdue, one day', 'reminder.overdue', { ...sampleInputs['reminder.overdue'], daysLate: 1 }),
  caseOf('organisation.rejected without reason', 'organisation.rejected', {
    ...sampleInputs['organisation.rejected'],
    reason: null,
  }),
  caseOf('organisation.invitation as manager', 'organisation.invitation', {
    ...sampleInputs['organisation.invitation'],
    role: 'manager',
    expiresInDays: 1,
  }),
  caseOf('listing.hidden without reason', 'listing.hidden', { ...sampleInputs['listing.hidden'], reason: null }),
  ...(['message', 'organisation'] as const).map((subject) =>
    caseOf(`report.received (${subject})`, 'report.received', { ...sampleInputs['report.received'], subject }),
  ),
  ...(['inappropriate', 'spam', 'unsafe', 'other'] as const).map((reasonCode) =>
    caseOf(`report.received (${reasonCode})`, 'report.received', { ...sampleInputs['report.received'], reasonCode }),
  ),
  caseOf('listing.archived without reason', 'listing.archived', { ...sampleInputs['listing.archived'], reason: null }),
  ...(['message', 'organisation'] as const).flatMap((subject) =>
    (['dismissed', 'hidden', 'suspended'] as const).map((outcome) =>
      caseOf(`report.resolved (${subject}, ${outcome})`, 'report.resolved', {
        ...sampleInputs['report.resolved'],
        subject,
        outcome,
      }),
    ),
  ),
  caseOf('account.suspended without reason nor network', 'account.suspended', {
    ...sampleInputs['account.suspended'],
    reason: null,
    networkNames: [],
  }),
  caseOf('account.suspended, three networks', 'account.suspended', {
    ...sampleInputs['account.suspended'],
    networkNames: ['Réseau A', 'Réseau B', 'Réseau C'],
  }),
  ...(['admin', null] as const).map((role) =>
    caseOf(`network_role.changed (${role ?? 'none'})`, 'network_role.changed', {
      ...sampleInputs['network_role.changed'],
      role,
    }),
  ),
  caseOf('digest, empty', 'digest', { ...sampleInputs.digest, entries: [], newListings: [] }),
  caseOf('digest, every kind held', 'digest', {
    ...sampleInputs.digest,
    entries: emailKinds.filter((kind) => kind !== 'digest').map(entryOf),
  }),
];

const leftovers = /\bundefined\b|\bnull\b|\bNaN\b|\[object Object\]|Invalid Date|\{\{|\}\}|\$\{|\{[a-z]\w*\}|%s/i;
/** Our own wording: the lines that are not someone's quoted words. */
const ownLines = (text: string) =>
  text
    .split('\n')
    .filter((line) => !line.startsWith('> '))
    .join('\n');

describe.each(cases)('$name', (testCase) => {
  const french = render(testCase, sampleContext('fr'));
  const english = render(testCase, sampleContext('en'));

  it.each([
    ['fr', french],
    ['en', english],
  ])('renders in %s with a subject, a text and an HTML part, nothing left unfilled', (_locale, email) => {
    for (const part of [email.subject, email.text, email.html]) {
      expect(part.trim()).not.toBe('');
      expect(part).not.toMatch(leftovers);
    }
    expect(email.subject).not.toMatch(/\n/);
    expect(email.html.startsWith('<!doctype html>')).toBe(true);
  });

  it('has a French and an English subject that differ', () => {
    expect(french.subject).not.toBe(english.subject);
    expect(french.html).toContain('<html lang="fr"');
    expect(english.html).toContain('<html lang="en"');
  });

  it('keeps its typography: narrow no-break spaces in French, no straight apostrophe', () => {
    for (const part of [french.subject, ownLines(french.text)]) expect(part).not.toMatch(/ [:;!?»]|« /);
    for (const part of [french.subject, english.subject, ownLines(french.text), ownLines(english.text)])
      expect(part).not.toContain("'");
  });
});

describe('escaping', () => {
  const payload = '<script>alert(1)</script> "><img src=x onerror=alert(1)>';
  const typedByPeople = new Set([
    'title',
    'serviceTitle',
    'lenderName',
    'borrowerName',
    'message',
    'answer',
    'text',
    'body',
    'authorName',
    'authorOrganisationName',
    'organisationName',
    'inviterName',
    'personName',
    'needTitle',
    'listingTitle',
    'subjectLabel',
    'networkName',
    'networkNames',
    'newEmail',
    'city',
    'reason',
  ]);

  function mapStrings(value: unknown, change: (key: string, text: string) => string, key = ''): unknown {
    if (typeof value === 'string') return change(key, value);
    if (Array.isArray(value)) return value.map((item) => mapStrings(item, change, key));
    if (value !== null && typeof value === 'object')
      return Object.fromEntries(Object.entries(value).map(([name, inner]) => [name, mapStrings(inner, change, name)]));
    return value;
  }
  const tamper = (testCase: Case, change: (key: string, text: string) => string) =>
    ({ kind: testCase.kind, input: mapStrings(testCase.input, change) }) as Case;

  it.each(cases)('shows what people typed as text, never as markup: $name', (testCase) => {
    const hostile = tamper(testCase, (key, text) => (typedByPeople.has(key) ? `${text} ${payload}` : text));
    for (const locale of ['fr', 'en'] as const) {
      const email = render(hostile, { ...sampleContext(locale), recipientName: `Camille ${payload}` });
      expect(email.html).not.toMatch(/<script|<img/i);
      expect(email.html).toContain(
        '&lt;script&gt;alert(1)&lt;/script&gt; &quot;&gt;&lt;img src=x onerror=alert(1)&gt;',
      );
      expect(email.text).toContain(payload);
      if (email.subject.includes('alert')) expect(email.subject).toContain(payload);
    }
  });

  it.each(cases)('never writes a javascript: URL: $name', (testCase) => {
    const hostile = tamper(testCase, (key, text) => (/url$/i.test(key) ? 'javascript:alert(document.cookie)' : text));
    const context: RenderContext = {
      ...sampleContext('fr'),
      publicUrl: 'javascript:alert(1)',
      preferencesUrl: 'JAVASCRIPT:alert(1)',
      unsubscribeUrl: ' javascript:alert(1)',
    };
    const email = render(hostile, context);
    expect(email.html).not.toMatch(/javascript:/i);
    expect(email.text).not.toMatch(/javascript:/i);
  });
});

describe('days', () => {
  const acrossClockChanges = { ...itemBooking, startDate: '2026-03-29', endDate: '2026-10-25' };

  it('do not shift, whatever the server’s time zone', () => {
    const pickup = render(
      { kind: 'reminder.pickup', input: { booking: acrossClockChanges, side: 'borrower' } },
      sampleContext('fr'),
    );
    expect(pickup.subject).toContain('dimanche 29 mars 2026');
    expect(pickup.text).toContain('du dimanche 29 mars au dimanche 25 octobre 2026');
    const giveBack = render(
      { kind: 'reminder.return', input: { booking: acrossClockChanges, side: 'lender' } },
      sampleContext('en'),
    );
    expect(giveBack.subject).toContain('Sunday 25 October 2026');
    const digest = render(
      { kind: 'digest', input: { ...sampleInputs.digest, day: '2026-10-25' } },
      sampleContext('fr'),
    );
    expect(digest.subject).toContain('25 octobre');
    expect(render({ kind: 'digest', input: sampleInputs.digest }, sampleContext('fr')).subject).toContain('29 mars');
  });
});

describe('footer', () => {
  it.each(emailKinds)('%s has the unsubscribe link only when given, and the preferences link always', (kind) => {
    for (const locale of ['fr', 'en'] as const) {
      const context = sampleContext(locale);
      const withLink = render({ kind, input: sampleInputs[kind] } as Case, context);
      const without = render({ kind, input: sampleInputs[kind] } as Case, { ...context, unsubscribeUrl: null });
      expect(withLink.html).toContain(`href="${context.unsubscribeUrl}"`);
      expect(withLink.text).toContain(context.unsubscribeUrl);
      expect(without.html).not.toContain('se-desabonner');
      expect(without.text).not.toContain('se-desabonner');
      expect(without.text).not.toMatch(/désabonner|unsubscribe/i);
      expect(without.html).toContain(`href="${context.preferencesUrl}"`);
      expect(without.text).toContain(context.preferencesUrl);
      expect(without.text).toContain(
        locale === 'fr'
          ? 'Mutua — la plateforme de mutualisation de votre réseau'
          : 'Mutua — your network’s sharing platform',
      );
    }
  });
});

describe('greeting', () => {
  it('uses the reader’s name when known', () => {
    expect(render(cases[0] as Case, sampleContext('fr')).text.startsWith('Bonjour Camille,\n')).toBe(true);
    expect(render(cases[0] as Case, { ...sampleContext('en'), recipientName: null }).text.startsWith('Hello,\n')).toBe(
      true,
    );
  });
});

describe('summarise', () => {
  it.each(emailKinds)('%s gives one line and the link to the thing', (kind) => {
    for (const locale of ['fr', 'en'] as const) {
      const summary = summarise(kind, sampleInputs[kind], locale);
      expect(summary.text.trim()).not.toBe('');
      expect(summary.text).not.toMatch(/\n/);
      expect(summary.text).not.toMatch(leftovers);
      expect(summary.url).toMatch(/^https:\/\/mutua\.example\.org/);
    }
  });

  it('is what the digest lists for each held notification', () => {
    const digest = render({ kind: 'digest', input: sampleInputs.digest }, sampleContext('fr'));
    for (const entry of sampleInputs.digest.entries) {
      const summary = summarise(entry.kind, entry.input, 'fr');
      expect(digest.text).toContain(`- ${summary.text}\n  ${summary.url}`);
    }
  });
});

describe('emailKinds', () => {
  it('lists exactly the kinds of sampleInputs, once each', () => {
    expect([...emailKinds].sort()).toEqual(Object.keys(sampleInputs).sort());
    expect(new Set(emailKinds).size).toBe(emailKinds.length);
  });
});
