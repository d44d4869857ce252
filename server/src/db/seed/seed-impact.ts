import { and, eq } from 'drizzle-orm';
import type { BookingAction, BookingStatus } from '../../domain/booking-lifecycle.ts';
import { addDays, parisInstant, parisToday } from '../../domain/calendar-days.ts';
import { quarterOf } from '../../impact/period.ts';
import type { Database } from '../client.ts';
import { bookingEvents, bookingLines, bookings } from '../schema/bookings.ts';
import { impactFactors } from '../schema/impact.ts';
import { items } from '../schema/items.ts';
import { organisationNetworks } from '../schema/organisations.ts';
import { services } from '../schema/services.ts';
import { demoOrganisations } from './demo-data.ts';
import type { DemoIds } from './demo-ids.ts';

const ademe = (what: string) => `ADEME, Base Empreinte / Impact CO2 — ${what}`;
const estimate = (how: string) => `Estimation du réseau — ${how}`;

/**
 * kg CO₂e to manufacture one item, per demo category. ADEME publishes a chair, a table and a
 * laptop; for the rest the network estimates: the main materials' mass times a generic factor
 * (steel ≈ 2, aluminium ≈ 8, plastics and textiles ≈ 3 to 5 kg CO₂e per kg), rounded, and marked
 * as an estimate. « Cuisine & vaisselle » and « Autre » are left without a factor on purpose: the
 * dashboard lists them as « sans facteur » rather than counting them as zero.
 */
const demoFactors: Array<{ categoryId: string; kg: number; source: string; estimated: boolean }> = [
  { categoryId: 'chaises', kg: 18.6, source: ademe('chaise en bois'), estimated: false },
  { categoryId: 'tables', kg: 80.2, source: ademe('table en bois'), estimated: false },
  { categoryId: 'informatique', kg: 170.3, source: ademe('ordinateur portable'), estimated: false },
  {
    categoryId: 'evenementiel',
    kg: 40,
    source: estimate('matériel d’événement, 15 kg d’acier et de bois'),
    estimated: true,
  },
  { categoryId: 'tonnelles', kg: 60, source: estimate('20 kg d’acier et 4 kg de toile polyester'), estimated: true },
  { categoryId: 'barnums', kg: 330, source: estimate('120 kg d’acier et 30 kg de bâche PVC'), estimated: true },
  { categoryId: 'velos-cargos', kg: 250, source: estimate('cadre acier, batterie 500 Wh'), estimated: true },
  { categoryId: 'remorques', kg: 40, source: estimate('12 kg d’acier et d’aluminium'), estimated: true },
  { categoryId: 'outillage', kg: 30, source: estimate('outil électroportatif, 3 kg'), estimated: true },
  { categoryId: 'panneaux', kg: 20, source: estimate('panneau ou grille, 8 kg d’acier'), estimated: true },
  { categoryId: 'kakemonos', kg: 10, source: estimate('mât aluminium et bâche imprimée'), estimated: true },
  { categoryId: 'videoprojecteurs', kg: 90, source: estimate('appareil électronique de 3 kg'), estimated: true },
  { categoryId: 'exposition-communication', kg: 15, source: estimate('chevalet de conférence'), estimated: true },
  { categoryId: 'son-lumiere', kg: 50, source: estimate('enceinte ou projecteur sur batterie'), estimated: true },
  { categoryId: 'jardin', kg: 30, source: estimate('outil de jardin, acier et bois'), estimated: true },
];

type PastLoan = {
  lender: string;
  borrower: string;
  lines?: Array<[title: string, quantity: number]>;
  service?: string;
  /** Days after the quarter's first day, and the length in days. */
  offset: number;
  days: number;
};

/** Loans handed over and brought back this quarter, so that « Ce trimestre » has figures whatever the day. */
const thisQuarter: PastLoan[] = [
  { lender: 'tonnelle', borrower: 'beffroi', lines: [['Chaises pliantes', 40]], offset: 3, days: 2 },
  { lender: 'saint-quentin', borrower: 'alentour', lines: [['Tables de brasserie', 10]], offset: 8, days: 2 },
  { lender: 'velo-amiens', borrower: 'graines', lines: [['Vélo cargo biporteur électrique', 1]], offset: 12, days: 3 },
  { lender: 'graines', borrower: 'recyclerie', service: 'Animation d’une Fresque du climat', offset: 15, days: 1 },
  {
    lender: 'alentour',
    borrower: 'tisserands',
    lines: [['Ordinateurs portables reconditionnés', 4]],
    offset: 18,
    days: 5,
  },
  {
    lender: 'recyclerie',
    borrower: 'jardins-bethune',
    lines: [
      ['Scie sauteuse', 1],
      ['Ponceuse orbitale', 1],
    ],
    offset: 22,
    days: 2,
  },
  { lender: 'graines', borrower: 'beauvaisis', lines: [['Grilles d’exposition', 10]], offset: 27, days: 3 },
  // Two pairs that had exchanged before: not every loan of the quarter is a first exchange.
  { lender: 'tonnelle', borrower: 'beauvaisis', lines: [['Tables pliantes 180 cm', 6]], offset: 10, days: 2 },
  { lender: 'tonnelle', borrower: 'alentour', lines: [['Tonnelle pliante 3x3 m', 1]], offset: 30, days: 2 },
  {
    lender: 'tisserands',
    borrower: 'regie-calais',
    lines: [['Gobelets réutilisables (lot de 500)', 2]],
    offset: 33,
    days: 1,
  },
];

/** And a few the quarter before, for « Trimestre précédent » and the year's chart. */
const previousQuarter: PastLoan[] = [
  { lender: 'tonnelle', borrower: 'alentour', lines: [['Tonnelle pliante 3x3 m', 2]], offset: 20, days: 2 },
  { lender: 'velo-amiens', borrower: 'beauvaisis', lines: [['Remorque vélo de transport', 1]], offset: 45, days: 4 },
  { lender: 'jardins-bethune', borrower: 'graines', lines: [['Broyeur de végétaux', 1]], offset: 60, days: 1 },
  {
    lender: 'beffroi',
    borrower: 'tisserands',
    service: 'Facilitation de réunion et d’assemblée générale',
    offset: 70,
    days: 1,
  },
];

const closedPath: Array<{ action: 'request' | BookingAction; to: BookingStatus; party: 'lender' | 'borrower' }> = [
  { action: 'request', to: 'requested', party: 'borrower' },
  { action: 'accept', to: 'accepted', party: 'lender' },
  { action: 'pickup', to: 'picked_up', party: 'lender' },
  { action: 'return', to: 'returned', party: 'lender' },
  { action: 'close', to: 'closed', party: 'borrower' },
];
const closedServicePath: typeof closedPath = [
  { action: 'request', to: 'requested', party: 'borrower' },
  { action: 'accept', to: 'accepted', party: 'lender' },
  { action: 'done', to: 'done', party: 'lender' },
  { action: 'close', to: 'closed', party: 'borrower' },
];

/**
 * Closed loans, written as they ended: a closed loan holds no units (nothing for the exclusion
 * constraint to check) and a closed service is outside the slot constraint; each gets the steps
 * that led there. Days are clamped to today: early in a quarter they bunch up on its first days.
 */
async function seedPastLoans(tx: Database, ids: DemoIds, quarterStart: string, loans: PastLoan[]) {
  const today = parisToday();
  for (const loan of loans) {
    const lenderId = ids.organisationId(loan.lender);
    const borrowerId = ids.organisationId(loan.borrower);
    const firstDay = [addDays(quarterStart, loan.offset), today].sort()[0]!;
    const lastDay = [addDays(firstDay, loan.days - 1), today].sort()[0]!;
    const createdAt = parisInstant(addDays(firstDay, -7), '10:00');
    const path = loan.service ? closedServicePath : closedPath;
    let bookingId: string;
    if (loan.service) {
      const [service] = await tx
        .select({ id: services.id })
        .from(services)
        .where(and(eq(services.organisationId, lenderId), eq(services.title, loan.service)));
      const [booking] = await tx
        .insert(bookings)
        .values({
          kind: 'service',
          serviceId: service!.id,
          lenderOrganisationId: lenderId,
          borrowerOrganisationId: borrowerId,
          status: 'closed',
          startsAt: parisInstant(firstDay, '14:00'),
          endsAt: parisInstant(firstDay, '17:00'),
          message: 'Pour notre équipe de bénévoles.',
          feedback: 'Merci, c’était très utile !',
          revision: path.length - 1,
          createdAt,
          updatedAt: createdAt,
        })
        .returning({ id: bookings.id });
      bookingId = booking!.id;
    } else {
      const [booking] = await tx
        .insert(bookings)
        .values({
          kind: 'item',
          lenderOrganisationId: lenderId,
          borrowerOrganisationId: borrowerId,
          status: 'closed',
          startDate: firstDay,
          endDate: lastDay,
          message: 'Pour notre prochain événement.',
          returnCondition: 'as_lent',
          feedback: 'Merci pour le prêt !',
          revision: path.length - 1,
          createdAt,
          updatedAt: createdAt,
        })
        .returning({ id: bookings.id });
      bookingId = booking!.id;
      for (const [title, quantity] of loan.lines!) {
        const [item] = await tx
          .select({ id: items.id })
          .from(items)
          .where(and(eq(items.organisationId, lenderId), eq(items.title, title)));
        await tx.insert(bookingLines).values({ bookingId, lenderOrganisationId: lenderId, itemId: item!.id, quantity });
      }
    }
    const now = new Date();
    const stepAt: Record<string, Date> = {
      request: createdAt,
      accept: new Date(createdAt.getTime() + 2 * 3600 * 1000),
      pickup: parisInstant(firstDay, '10:00'),
      done: parisInstant(firstDay, '17:00'),
      return: parisInstant(lastDay, '18:00'),
      close: parisInstant(lastDay, '19:00'),
    };
    await tx.insert(bookingEvents).values(
      path.map((step, index) => ({
        bookingId,
        action: step.action,
        fromStatus: index === 0 ? null : path[index - 1]!.to,
        toStatus: step.to,
        party: step.party,
        actorId: null,
        note: step.action === 'close' ? (loan.service ? 'Merci, c’était très utile !' : 'Merci pour le prêt !') : null,
        // A loan brought back today may have been closed « this evening »: never after now.
        createdAt: stepAt[step.action]! < now ? stepAt[step.action]! : now,
      })),
    );
  }
}

/** Structures that joined this quarter, for « nouvelles structures adhérentes »; the others long before. */
const joinedThisQuarter = ['beauvaisis', 'jardins-bethune'];

/** When the approved demo structures joined their networks: spread over the past years, two this quarter. */
async function seedMemberSince(tx: Database, ids: DemoIds, quarterStart: string) {
  const approved = demoOrganisations.filter((organisation) => organisation.status !== 'pending');
  for (const [index, organisation] of approved.entries()) {
    const day = joinedThisQuarter.includes(organisation.key)
      ? [addDays(quarterStart, 5), parisToday()].sort()[0]!
      : addDays(quarterStart, -400 - 45 * index);
    await tx
      .update(organisationNetworks)
      .set({ joinedAt: parisInstant(day, '10:00') })
      .where(eq(organisationNetworks.organisationId, ids.organisationId(organisation.key)));
  }
}

/** The demo networks' impact method and factors (ADEME values, estimates labelled as such), and loans to show. */
export async function seedDemoImpact(tx: Database, ids: DemoIds): Promise<void> {
  for (const slug of ['ess-hauts-de-france', 'environnement-solidarite']) {
    await tx.insert(impactFactors).values(
      demoFactors.map((factor) => ({
        networkId: ids.networkId(slug),
        categoryId: factor.categoryId,
        kgCo2ePerItem: factor.kg,
        source: factor.source,
        estimated: factor.estimated,
      })),
    );
  }
  const quarter = quarterOf(parisToday());
  await seedMemberSince(tx, ids, quarter.from);
  await seedPastLoans(tx, ids, quarter.from, thisQuarter);
  await seedPastLoans(tx, ids, quarterOf(addDays(quarter.from, -1)).from, previousQuarter);
}
