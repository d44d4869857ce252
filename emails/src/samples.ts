import type { BookingSummary, EmailInputs, EmailKind, EmailLocale, RenderContext } from './contract.ts';

/**
 * Realistic inputs for every kind, from across Hauts-de-France: what the preview renders and what
 * the tests start from. Some days are chosen on purpose: 29 March and 25 October 2026 are the
 * Sundays when Paris changes clocks.
 */

const publicUrl = 'https://mutua.example.org';

const tonnelleLoan: BookingSummary = {
  id: '5f0c8d2e-2b1a-4c39-9e1f-7a6b3d2c1e40',
  kind: 'item',
  lenderName: 'La Tonnelle Solidaire',
  borrowerName: 'Centre social Les Tisserands',
  lines: [
    { title: 'Tonnelle 3×3 m', quantity: 2 },
    { title: 'Lot de 50 gobelets réutilisables', quantity: 1 },
  ],
  serviceTitle: null,
  startDate: '2026-03-31',
  endDate: '2026-04-02',
  startsAt: null,
  endsAt: null,
  handover: {
    place: '12 rue de Gand, Lille',
    hours: { opensAt: '09:00', closesAt: '17:30' },
    instructions: 'Sonnez à l’atelier, au fond de la cour.',
  },
  url: `${publicUrl}/prets/5f0c8d2e-2b1a-4c39-9e1f-7a6b3d2c1e40`,
};

/** Returned on the Sunday the clocks go back. */
const cargoBikeLoan: BookingSummary = {
  id: '0b6e1f7a-93d4-4d0b-8c55-2e4a9f1b7c63',
  kind: 'item',
  lenderName: 'Les Vélos du Beffroi',
  borrowerName: 'Ressourcerie du Valenciennois',
  lines: [{ title: 'Vélo cargo biporteur', quantity: 1 }],
  serviceTitle: null,
  startDate: '2026-10-23',
  endDate: '2026-10-25',
  startsAt: null,
  endsAt: null,
  handover: { place: 'Valenciennes', hours: null, instructions: '' },
  url: `${publicUrl}/prets/0b6e1f7a-93d4-4d0b-8c55-2e4a9f1b7c63`,
};

const facilitationBooking: BookingSummary = {
  id: 'c3a9e0d4-6f21-4b7e-a8d2-91f5b0c4e7a8',
  kind: 'service',
  lenderName: 'SCIC Les Ateliers du Lien',
  borrowerName: 'Maison des associations de Lens',
  lines: [],
  serviceTitle: 'Animation de réunion et facilitation',
  // 9 h 30 – 12 h 00, Paris summer time.
  startsAt: '2026-04-14T07:30:00.000Z',
  endsAt: '2026-04-14T10:00:00.000Z',
  startDate: null,
  endDate: null,
  handover: null,
  url: `${publicUrl}/prets/c3a9e0d4-6f21-4b7e-a8d2-91f5b0c4e7a8`,
};

const bookingRequested: EmailInputs['booking.requested'] = {
  booking: tonnelleLoan,
  message:
    'Bonjour, c’est pour la fête de quartier du Pile, le mercredi après-midi.\nNous pouvons venir avec notre utilitaire. Merci d’avance !',
  // 18 h 00 in Paris, still winter time.
  expiresAt: '2026-03-27T17:00:00.000Z',
  acceptUrl: `${publicUrl}/action/q7Lk2vX9Mn8Bv7Cx6Za5Sd.f4Gh3Jk2Lq1Wr0Ty9Ui8Op`,
  declineUrl: `${publicUrl}/action/Rt6Yu5Io4Pa3Sd2Fg1Hj0Kl.z9Xc8Vb7Nm6Ql5Wk4Ej3Rh`,
};

const reminderAnswerDue: EmailInputs['reminder.answer_due'] = {
  booking: facilitationBooking,
  expiresAt: '2026-04-08T16:00:00.000Z',
};

const listingApproved: EmailInputs['listing.approved'] = {
  listingTitle: 'Sonorisation portable 200 W',
  url: `${publicUrl}/materiel/7d2f9a41`,
};

export const sampleInputs: { [K in EmailKind]: EmailInputs[K] } = {
  'account.verify_email': {
    url: `${publicUrl}/verifier-email/Zr81mQa4Yc2kLp0v5sTq1w.Qm9vZ3hq0aZt1XcVbN2e4A`,
    expiresInHours: 24,
  },
  'account.password_reset': {
    url: `${publicUrl}/mot-de-passe/Hx3pW7cdK9sLm2Qa4Rt8Vw.p0Oi9Uy8Tr7Ew6Qa5Sd4Fg`,
    expiresInMinutes: 30,
  },
  // 10 h 15 in Paris, the morning the clocks go forward.
  'account.password_changed': { changedAt: '2026-03-29T08:15:00.000Z', resetUrl: `${publicUrl}/mot-de-passe-oublie` },
  'account.email_change': {
    newEmail: 'camille.martin@tisserands-roubaix.fr',
    url: `${publicUrl}/adresse/Mb56Tt0qZx9Cv8Bn7Ma6Ls.k5Jh4Gf3Ds2Aq1Wz0Xe9Rc`,
    expiresInHours: 48,
  },
  'account.signup_attempt': {
    attemptedAt: '2026-10-25T17:40:00.000Z',
    signInUrl: `${publicUrl}/connexion`,
    resetUrl: `${publicUrl}/mot-de-passe-oublie`,
  },
  'organisation.approved': { organisationName: 'Centre social Les Tisserands', url: `${publicUrl}/ma-structure` },
  'organisation.rejected': {
    organisationName: 'Collectif Zéro Déchet Amiénois',
    reason: 'Il manque les statuts de l’association : pouvez-vous les ajouter à la fiche de la structure ?',
    url: `${publicUrl}/ma-structure`,
  },
  'organisation.suspended': {
    organisationName: 'Recyclerie du Val',
    reason: 'Plusieurs prêts rendus abîmés sans explication : parlons-en avant de reprendre les échanges.',
    url: `${publicUrl}/ma-structure`,
  },
  'organisation.reinstated': { organisationName: 'Recyclerie du Val', url: `${publicUrl}/ma-structure` },
  'organisation.reopened': { organisationName: 'Collectif Zéro Déchet Amiénois', url: `${publicUrl}/ma-structure` },
  'organisation.changes_requested': {
    organisationName: 'Jardin partagé des Hortillons',
    message: 'Pouvez-vous préciser l’adresse du local et ajouter un numéro de téléphone ?',
    url: `${publicUrl}/ma-structure`,
  },
  'organisation.invitation': {
    organisationName: 'La Tonnelle Solidaire',
    inviterName: 'Sophie Delattre',
    role: 'member',
    url: `${publicUrl}/invitation/Yc4e8RnKq2Ws3Ed4Rf5Tg6.h7Yj8Uk9Il0Op1Aq2Sw3De`,
    expiresInDays: 7,
  },
  'membership.requested': {
    organisationName: 'La Tonnelle Solidaire',
    personName: 'Mehdi Benali',
    url: `${publicUrl}/ma-structure`,
  },
  'membership.accepted': { organisationName: 'Centre social Les Tisserands', url: `${publicUrl}/ma-structure` },
  'booking.requested': bookingRequested,
  'booking.accepted': {
    booking: tonnelleLoan,
    answer: 'Avec plaisir ! Retrait à partir de 9 h au 12 rue des Sarrazins, à Lille : sonnez à l’atelier.',
  },
  'booking.declined': { booking: tonnelleLoan, reason: { code: 'dates_taken' }, side: 'borrower' },
  'booking.cancelled': {
    booking: tonnelleLoan,
    by: 'borrower',
    reason: 'La fête de quartier est reportée à cause de la météo.',
  },
  'booking.expired': { booking: facilitationBooking, side: 'borrower' },
  'booking.message': {
    booking: tonnelleLoan,
    authorName: 'Sophie Delattre',
    authorOrganisationName: 'La Tonnelle Solidaire',
    body: 'Bonjour Camille,\nLes tonnelles sont prêtes. Pensez à prévoir des sangles pour le transport.',
  },
  'reminder.pickup': { booking: tonnelleLoan, side: 'borrower' },
  'reminder.return': { booking: cargoBikeLoan, side: 'borrower' },
  'reminder.overdue': { booking: tonnelleLoan, side: 'lender', daysLate: 2 },
  'reminder.answer_due': reminderAnswerDue,
  'reminder.request_expiring': { booking: tonnelleLoan, expiresAt: '2026-03-27T17:00:00.000Z' },
  'need.response': {
    needTitle: 'Vélo cargo pour livrer des paniers de légumes',
    organisationName: 'Les Vélos du Beffroi',
    message:
      'Nous avons un biporteur libre le jeudi matin, à Arras. Il faut juste savoir le manier : on peut vous montrer.',
    url: `${publicUrl}/besoins/4a8c2e19`,
  },
  'listing.approved': listingApproved,
  'listing.changes_requested': {
    listingTitle: 'Vidéoprojecteur',
    message: 'Pourriez-vous ajouter une photo et préciser si le câble HDMI est fourni ?',
    url: `${publicUrl}/inventaire/materiel/93be10c7`,
  },
  'listing.hidden': {
    listingTitle: 'Remorque vélo',
    reason: 'Plusieurs membres nous disent que la remorque n’est plus prêtée depuis cet hiver.',
    url: `${publicUrl}/inventaire/materiel/1f6d0a52`,
  },
  'listing.restored': { listingTitle: 'Remorque vélo', url: `${publicUrl}/materiel/1f6d0a52` },
  'listing.archived': {
    listingTitle: 'Friteuse professionnelle',
    reason: 'Le matériel de cuisson à l’huile n’est plus prêté dans le réseau depuis la nouvelle charte.',
    url: `${publicUrl}/inventaire/materiel/8b3e5c17`,
  },
  'report.received': {
    subject: 'listing',
    subjectLabel: 'Barnum 6×3 m',
    reasonCode: 'misleading',
    text: 'Le barnum annoncé n’a plus que deux bâches latérales sur quatre, les photos sont anciennes.',
    url: `${publicUrl}/admin/signalements/2d9f4b61-7c3a-4e85-b0d2-6a1e9c8f5b37`,
  },
  'report.resolved': {
    subject: 'listing',
    subjectLabel: 'Barnum 6×3 m',
    outcome: 'hidden',
    url: `${publicUrl}/notifications`,
  },
  'account.suspended': {
    reason: 'Plusieurs messages insultants envoyés à d’autres structures : parlons-en avant toute reprise.',
    networkNames: ['Réseau des ressourceries des Hauts-de-France'],
    url: publicUrl,
  },
  'account.reinstated': { signInUrl: `${publicUrl}/connexion` },
  // 23 h 30 in Paris on the Saturday before the clocks go back: still the 24th there, already late in UTC.
  'account.deletion_scheduled': { eraseAfter: '2026-10-24T21:30:00.000Z', signInUrl: `${publicUrl}/connexion` },
  'network_role.changed': {
    networkName: 'Réseau des ressourceries des Hauts-de-France',
    role: 'moderator',
    url: `${publicUrl}/admin`,
  },
  digest: {
    day: '2026-03-29',
    entries: [
      { kind: 'booking.requested', input: bookingRequested },
      { kind: 'reminder.answer_due', input: reminderAnswerDue },
      { kind: 'listing.approved', input: listingApproved },
    ],
    newListings: [
      {
        title: 'Scie sauteuse',
        organisationName: 'Ressourcerie du Valenciennois',
        city: 'Valenciennes',
        url: `${publicUrl}/materiel/5c1e7b30`,
      },
      {
        title: 'Panneaux d’exposition (lot de 10)',
        organisationName: 'Maison des associations',
        city: 'Saint-Quentin',
        url: `${publicUrl}/materiel/e20a4f96`,
      },
    ],
    url: publicUrl,
  },
};

export function sampleContext(locale: EmailLocale): RenderContext {
  return {
    locale,
    recipientName: 'Camille',
    publicUrl,
    unsubscribeUrl: `${publicUrl}/desabonnement/Uv09sPq2Lk8Jh7Gf6Ds5Aq4Wz3Xe2Rc1Vb0Nm9Ml8Kj7Hg6Fd5Sa4Qw3Er2Ty1Ui0O.p9Lo8Ki7Ju6Hy5Gt4Fr3Ed2`,
    preferencesUrl: `${publicUrl}/notifications/preferences`,
  };
}
