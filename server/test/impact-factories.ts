import { heldRange } from '../src/availability/rules.ts';
import type { Database } from '../src/db/client.ts';
import { bookingLines, bookings, bookingUnits } from '../src/db/schema/bookings.ts';
import { impactFactors } from '../src/db/schema/impact.ts';
import type { BookingStatus } from '../src/domain/booking-lifecycle.ts';
import { parisInstant } from '../src/domain/calendar-days.ts';

/**
 * Loans written straight into the tables, in the state they reached (a past loan cannot be asked
 * for through the API: its days are gone). Consistent with the bookings' checks and unit guards:
 * a loan still out (picked up) holds its units, one brought back holds none.
 */
export async function insertItemLoan(
  db: Database,
  loan: {
    lenderId: string;
    borrowerId: string;
    lines: Array<{ itemId: string; quantity: number }>;
    startDate: string;
    endDate: string;
    status: Extract<
      BookingStatus,
      'requested' | 'accepted' | 'declined' | 'cancelled' | 'picked_up' | 'returned' | 'closed'
    >;
    createdAt?: Date;
  },
): Promise<string> {
  const createdAt = loan.createdAt ?? parisInstant(loan.startDate, '08:00');
  const [booking] = await db
    .insert(bookings)
    .values({
      kind: 'item',
      lenderOrganisationId: loan.lenderId,
      borrowerOrganisationId: loan.borrowerId,
      status: loan.status,
      startDate: loan.startDate,
      endDate: loan.endDate,
      returnCondition: loan.status === 'returned' || loan.status === 'closed' ? 'as_lent' : null,
      createdAt,
      updatedAt: createdAt,
    })
    .returning({ id: bookings.id });
  const lines = await db
    .insert(bookingLines)
    .values(loan.lines.map((line) => ({ ...line, bookingId: booking!.id, lenderOrganisationId: loan.lenderId })))
    .returning({ id: bookingLines.id, itemId: bookingLines.itemId, quantity: bookingLines.quantity });
  if (loan.status === 'accepted' || loan.status === 'picked_up') {
    await db.insert(bookingUnits).values(
      lines.flatMap((line) =>
        Array.from({ length: line.quantity }, (_, index) => ({
          lineId: line.id,
          itemId: line.itemId,
          unitNumber: index + 1,
          ...heldRange(loan.startDate, loan.endDate, 0),
        })),
      ),
    );
  }
  return booking!.id;
}

/** A service given (or not) on a Paris day, 14:00–16:00. */
export async function insertServiceLoan(
  db: Database,
  loan: {
    lenderId: string;
    borrowerId: string;
    serviceId: string;
    day: string;
    status: Extract<BookingStatus, 'requested' | 'accepted' | 'cancelled' | 'done' | 'closed'>;
  },
): Promise<string> {
  const [booking] = await db
    .insert(bookings)
    .values({
      kind: 'service',
      serviceId: loan.serviceId,
      lenderOrganisationId: loan.lenderId,
      borrowerOrganisationId: loan.borrowerId,
      status: loan.status,
      startsAt: parisInstant(loan.day, '14:00'),
      endsAt: parisInstant(loan.day, '16:00'),
      createdAt: parisInstant(loan.day, '08:00'),
    })
    .returning({ id: bookings.id });
  return booking!.id;
}

export async function setFactor(
  db: Database,
  networkId: string,
  categoryId: string,
  kgCo2ePerItem: number,
  source = 'ADEME, Base Empreinte',
  estimated = false,
) {
  await db.insert(impactFactors).values({ networkId, categoryId, kgCo2ePerItem, source, estimated });
}
