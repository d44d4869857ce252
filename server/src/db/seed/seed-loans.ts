import { and, eq, inArray } from 'drizzle-orm';
import { heldRange } from '../../availability/rules.ts';
import type { BookingStatus } from '../../domain/booking-lifecycle.ts';
import { addDays, parisInstant, parisToday } from '../../domain/calendar-days.ts';
import { bookingEventTypes } from '../../bookings/steps.ts';
import { recordEvent } from '../../events/record.ts';
import type { Database } from '../client.ts';
import { bookingEvents, bookingLines, bookingMessages, bookings, bookingUnits } from '../schema/bookings.ts';
import { items } from '../schema/items.ts';
import { services } from '../schema/services.ts';

type DemoLoan = {
  borrower: string;
  lender: string;
  /** Item titles and quantities, or a service title. */
  lines?: Array<[title: string, quantity: number]>;
  service?: { title: string; inDays: number; from: string; to: string };
  /** Days from today (Paris), both included. */
  days?: [first: number, last: number];
  status: BookingStatus;
  message: string;
  answer?: string;
  feedback?: string;
  reply?: string;
};

/** A few loans in several states, so that the dashboards, calendars and history have something to show. */
const demoLoans: DemoLoan[] = [
  {
    borrower: 'tisserands',
    lender: 'tonnelle',
    lines: [['Tonnelle pliante 3x3 m', 2]],
    days: [-40, -38],
    status: 'closed',
    message: 'Pour la fête de quartier de l’Épeule, si possible avec les lests.',
    answer: 'Avec plaisir, retrait à partir de 9 h.',
    feedback: 'Merci, tout s’est très bien passé !',
  },
  {
    borrower: 'tisserands',
    lender: 'velo-amiens',
    lines: [['Vélo cargo biporteur électrique', 1]],
    days: [-5, -2],
    status: 'picked_up',
    message: 'Pour livrer les paniers de l’épicerie pendant la semaine.',
    answer: 'C’est noté, pensez au chargeur.',
    reply: 'Nous avons un jour de retard, nous le rapportons demain matin. Désolés !',
  },
  {
    borrower: 'beauvaisis',
    lender: 'tonnelle',
    lines: [['Tables pliantes 180 cm', 10]],
    days: [-2, 1],
    status: 'picked_up',
    message: 'Pour le repas partagé de samedi.',
  },
  {
    borrower: 'beffroi',
    lender: 'tonnelle',
    lines: [['Sonorisation portable 200 W', 1]],
    days: [3, 5],
    status: 'accepted',
    message: 'Pour une lecture en plein air au parc.',
    answer: 'Accepté : la sono est prête, venez avec une rallonge.',
  },
  {
    borrower: 'graines',
    lender: 'tonnelle',
    lines: [['Barnum 4x8 m', 1]],
    days: [20, 22],
    status: 'requested',
    message: 'Pour le village des associations de Lens, nous serons quatre au montage.',
  },
  {
    borrower: 'tisserands',
    lender: 'recyclerie',
    lines: [
      ['Scie sauteuse', 1],
      ['Perceuse-visseuse sans fil', 2],
    ],
    days: [10, 12],
    status: 'requested',
    message: 'Pour construire les bacs du jardin partagé avec les jeunes.',
  },
  {
    borrower: 'tisserands',
    lender: 'tonnelle',
    lines: [['Chaises pliantes', 30]],
    days: [-20, -19],
    status: 'declined',
    message: 'Pour l’assemblée générale.',
    answer: 'Désolé, toutes nos chaises sont au festival ce week-end-là.',
  },
  {
    borrower: 'tisserands',
    lender: 'graines',
    service: { title: 'Animation d’une Fresque du climat', inDays: 14, from: '14:00', to: '17:00' },
    status: 'accepted',
    message: 'Pour notre équipe de 12 salarié·es et bénévoles.',
    answer: 'Avec plaisir ! Prévoyez une grande table.',
  },
];

const holdsUnits = (status: BookingStatus) => status === 'accepted' || status === 'picked_up';

/** The steps that led to a status, as the events they would have recorded. */
function stepsTo(status: BookingStatus): Array<{
  action: 'request' | 'accept' | 'decline' | 'pickup' | 'return' | 'close';
  to: BookingStatus;
  party: 'lender' | 'borrower';
}> {
  const request = { action: 'request' as const, to: 'requested' as const, party: 'borrower' as const };
  const path = {
    requested: [request],
    declined: [request, { action: 'decline' as const, to: 'declined' as const, party: 'lender' as const }],
    accepted: [request, { action: 'accept' as const, to: 'accepted' as const, party: 'lender' as const }],
    picked_up: [
      request,
      { action: 'accept' as const, to: 'accepted' as const, party: 'lender' as const },
      { action: 'pickup' as const, to: 'picked_up' as const, party: 'lender' as const },
    ],
    closed: [
      request,
      { action: 'accept' as const, to: 'accepted' as const, party: 'lender' as const },
      { action: 'pickup' as const, to: 'picked_up' as const, party: 'lender' as const },
      { action: 'return' as const, to: 'returned' as const, party: 'lender' as const },
      { action: 'close' as const, to: 'closed' as const, party: 'borrower' as const },
    ],
  } as Partial<
    Record<
      BookingStatus,
      Array<{
        action: 'request' | 'accept' | 'decline' | 'pickup' | 'return' | 'close';
        to: BookingStatus;
        party: 'lender' | 'borrower';
      }>
    >
  >;
  return path[status]!;
}

export async function seedDemoLoans(
  db: Database,
  organisationIdOf: (key: string) => string,
  managerOf: (key: string) => string | undefined,
) {
  const today = parisToday();
  for (const loan of demoLoans) {
    const lenderId = organisationIdOf(loan.lender);
    const borrowerId = organisationIdOf(loan.borrower);
    const requester = managerOf(loan.borrower) ?? null;
    const lenderPerson = managerOf(loan.lender) ?? null;
    const steps = stepsTo(loan.status);
    const timing = loan.service
      ? {
          kind: 'service' as const,
          startsAt: parisInstant(addDays(today, loan.service.inDays), loan.service.from),
          endsAt: parisInstant(addDays(today, loan.service.inDays), loan.service.to),
        }
      : { kind: 'item' as const, startDate: addDays(today, loan.days![0]), endDate: addDays(today, loan.days![1]) };
    const firstDay = timing.kind === 'item' ? timing.startDate : addDays(today, loan.service!.inDays);
    const createdAt = parisInstant(addDays(firstDay < today ? firstDay : today, -7), '10:00');
    const serviceId = loan.service
      ? (
          await db
            .select({ id: services.id })
            .from(services)
            .where(and(eq(services.organisationId, lenderId), eq(services.title, loan.service.title)))
        )[0]!.id
      : null;
    const [booking] = await db
      .insert(bookings)
      .values({
        ...timing,
        serviceId,
        lenderOrganisationId: lenderId,
        borrowerOrganisationId: borrowerId,
        requestedBy: requester,
        status: loan.status,
        message: loan.message,
        answer: loan.answer ?? null,
        feedback: loan.feedback ?? null,
        returnCondition: loan.status === 'closed' ? 'as_lent' : null,
        expiresAt: loan.status === 'requested' ? parisInstant(addDays(today, 5), '10:00') : null,
        revision: steps.length - 1,
        createdAt,
        updatedAt: createdAt,
      })
      .returning({ id: bookings.id });
    const bookingId = booking!.id;
    if (loan.lines && timing.kind === 'item') {
      const lent = await db
        .select({ id: items.id, title: items.title, bufferDays: items.bufferDays })
        .from(items)
        .where(
          and(
            eq(items.organisationId, lenderId),
            inArray(
              items.title,
              loan.lines.map(([title]) => title),
            ),
          ),
        );
      const lines = await db
        .insert(bookingLines)
        .values(
          loan.lines.map(([title, quantity]) => ({
            bookingId,
            lenderOrganisationId: lenderId,
            itemId: lent.find((item) => item.title === title)!.id,
            quantity,
          })),
        )
        .returning({ id: bookingLines.id, itemId: bookingLines.itemId, quantity: bookingLines.quantity });
      if (holdsUnits(loan.status)) {
        await db.insert(bookingUnits).values(
          lines.flatMap((line) => {
            const held = heldRange(
              timing.startDate,
              timing.endDate,
              lent.find((item) => item.id === line.itemId)!.bufferDays,
            );
            return Array.from({ length: line.quantity }, (_, index) => ({
              lineId: line.id,
              itemId: line.itemId,
              unitNumber: index + 1,
              ...held,
            }));
          }),
        );
      }
    }
    await db.insert(bookingEvents).values(
      steps.map((step, index) => ({
        bookingId,
        action: step.action,
        fromStatus: index === 0 ? null : steps[index - 1]!.to,
        toStatus: step.to,
        party: step.party,
        actorId: step.party === 'borrower' ? requester : lenderPerson,
        note:
          step.action === 'close'
            ? (loan.feedback ?? null)
            : step.action === 'accept' || step.action === 'decline'
              ? (loan.answer ?? null)
              : null,
        createdAt: new Date(createdAt.getTime() + index * 3600 * 1000),
      })),
    );
    if (loan.reply) {
      await db.insert(bookingMessages).values({
        bookingId,
        authorId: requester,
        authorOrganisationId: borrowerId,
        body: loan.reply,
        createdAt: new Date(),
      });
    }
    // The latest step of each demo loan, as its people would have been told: the bell and /admin/emails are not empty at first start.
    const last = steps.at(-1)!;
    await recordEvent(db, {
      type: bookingEventTypes[last.action],
      actorId: last.party === 'borrower' ? requester : last.party === 'lender' ? lenderPerson : null,
      bookingId,
      params: { party: last.party, fromStatus: steps.at(-2)?.to ?? null, revision: steps.length - 1 },
    });
  }
}
