import { and, eq, inArray, lte } from 'drizzle-orm';
import type { Actor } from '../auth/actor.ts';
import { requireAccess } from '../access/require-access.ts';
import { selectBlockedPeriods, selectHolds } from '../availability/queries.ts';
import {
  blockedReasonLabels,
  freeUnitNumbers,
  heldRange,
  longDay,
  packUnits,
  unitsFreeThroughout,
} from '../availability/rules.ts';
import type { Database } from '../db/client.ts';
import { databaseError, exclusionViolation } from '../db/errors.ts';
import { bookings } from '../db/schema/bookings.ts';
import { items } from '../db/schema/items.ts';
import { organisations } from '../db/schema/organisations.ts';
import { type BookingAction, type BookingParty, judgeTransition } from '../domain/booking-lifecycle.ts';
import type { TransitionBody } from '../domain/bookings.ts';
import { parisToday } from '../domain/calendar-days.ts';
import type { DeclineCode } from '../domain/notifications.ts';
import { AppError, fieldError } from '../domain/errors.ts';
import { outOfOrderMessage, permissionForStep, sideFor } from './parties.ts';
import { recordBookingStep } from './steps.ts';
import {
  type BookingRow,
  insertUnits,
  lockBooking,
  lockItems,
  lockLoansHolding,
  lockService,
  moveBooking,
  type NewBookingRow,
  nextRevision,
  renumberUnits,
  selectCompetingRequests,
  selectCompetingServiceRequests,
  selectItemHolds,
  selectLines,
} from './queries.ts';

export type ActorAction = Exclude<BookingAction, 'expire'>;
const notFound = () => new AppError('not_found', 'Demande introuvable.');

/**
 * Applies one step of the lifecycle for `actor`: the side check, then — in one transaction — a
 * compare-and-set on the current status, the units an acceptance takes, and the event that
 * records who did it and when (and that notifications will read).
 */
export async function transitionBooking<Action extends ActorAction>(
  db: Database,
  actor: Actor,
  id: string,
  action: Action,
  body: TransitionBody[Action],
) {
  const { sides } = await requireAccess(db, actor, permissionForStep[action], { booking: id });
  await db.transaction(async (tx) => {
    const seen = await tx
      .select()
      .from(bookings)
      .where(eq(bookings.id, id))
      .then((rows) => rows[0]);
    if (!seen) throw notFound();
    sideFor(sides, seen, action);
    const lines = seen.kind === 'item' ? await selectLines(tx, [id]) : [];
    // Items before the booking, in the same order everywhere: accepts of one item queue up here.
    const lockedItems =
      action === 'accept'
        ? await lockItems(
            tx,
            lines.map((line) => line.itemId),
          )
        : [];
    if (action === 'accept' && seen.kind === 'service') await lockService(tx, seen.serviceId!);
    const booking = await lockBooking(tx, id);
    if (!booking) throw notFound();
    const party = sideFor(sides, booking, action);
    if (action === 'accept') await requireBothSidesActive(tx, booking);
    if (action === 'accept' && booking.expiresAt && booking.expiresAt <= new Date()) {
      throw new AppError(
        'booking_out_of_order',
        'Cette demande a expiré faute de réponse à temps : l’emprunteur·se peut en refaire une.',
      );
    }
    const verdict = judgeTransition(booking, action, party);
    if (!verdict.allowed) throw new AppError('booking_out_of_order', outOfOrderMessage(booking, action));
    const changes = changesFor(action, body as TransitionBody[ActorAction], booking);
    let revision = booking.revision + 1;
    try {
      const moved = await moveBooking(tx, id, booking.status, { status: verdict.to, ...changes });
      if (!moved) throw new AppError('booking_out_of_order', outOfOrderMessage(booking, action));
      revision = moved.revision;
      if (action === 'accept' && booking.kind === 'item') {
        await holdUnits(tx, booking, lines, lockedItems);
        await declineCompetitors(
          tx,
          booking,
          lines.map((line) => line.itemId),
        );
      }
      if (action === 'accept' && booking.kind === 'service') await declineServiceCompetitors(tx, booking);
    } catch (error) {
      throw asUnavailable(error, booking.kind);
    }
    await recordBookingStep(
      tx,
      {
        bookingId: id,
        action,
        fromStatus: booking.status,
        toStatus: verdict.to,
        party,
        actorId: actor.user.id,
        note: noteOf(action, body as TransitionBody[ActorAction]),
      },
      revision,
    );
  });
}

function changesFor(
  action: ActorAction,
  body: TransitionBody[ActorAction],
  booking: BookingRow,
): Partial<NewBookingRow> {
  const text = (value: string | undefined) => value?.trim() || null;
  switch (action) {
    case 'accept':
      return { answer: text((body as TransitionBody['accept']).message), expiresAt: null };
    case 'decline':
      return { answer: text((body as TransitionBody['decline']).reason), expiresAt: null };
    case 'cancel': {
      const reason = text((body as TransitionBody['cancel']).reason);
      if (booking.status === 'accepted' && !reason) {
        throw fieldError(
          'reason',
          'Dites pourquoi vous annulez un prêt déjà accepté : l’autre structure comptait dessus.',
          'required',
        );
      }
      return { cancelReason: reason, expiresAt: null };
    }
    case 'return': {
      const { condition, incidentNote } = body as TransitionBody['return'];
      return { returnCondition: condition ?? 'as_lent', incidentNote: text(incidentNote) };
    }
    case 'close':
      return { feedback: text((body as TransitionBody['close']).feedback) };
    default:
      return {};
  }
}

function noteOf(action: ActorAction, body: TransitionBody[ActorAction]): string | null {
  const values = Object.values(body as Record<string, string | undefined>).filter(
    (value): value is string => typeof value === 'string' && value.trim() !== '',
  );
  return action === 'return'
    ? (body as TransitionBody['return']).incidentNote?.trim() || null
    : (values[0]?.trim() ?? null);
}

type Line = { id: string; itemId: string; title: string; quantity: number };

/**
 * Holds units of each line for its days and buffer, or refuses the acceptance (409). Units are
 * interchangeable: when enough are free every day but no unit is free all along, the item's
 * holds are renumbered (packUnits) to make room, under the item lock the caller took.
 */
async function holdUnits(
  db: Database,
  booking: BookingRow,
  lines: Line[],
  lockedItems: Array<{ id: string; quantity: number; bufferDays: number }>,
) {
  const startDate = booking.startDate!;
  const endDate = booking.endDate!;
  for (const line of lines) {
    const item = lockedItems.find((candidate) => candidate.id === line.itemId)!;
    const [blocked] = await selectBlockedPeriods(db, item.id, { from: startDate, to: endDate });
    if (blocked) {
      throw new AppError(
        'item_unavailable',
        `Vous avez bloqué « ${line.title} » du ${longDay(blocked.startDate)} au ${longDay(blocked.endDate)} (${blockedReasonLabels[blocked.reason]}) : débloquez ces jours pour accepter.`,
      );
    }
    const held = heldRange(startDate, endDate, item.bufferDays);
    const holds = await selectItemHolds(db, item.id, parisToday());
    const freeAllAlong = unitsFreeThroughout(item.quantity, holds, held);
    if (freeAllAlong < line.quantity) throw unavailable(line.title, freeAllAlong, line.quantity);
    const free = freeUnitNumbers(item.quantity, holds, held);
    if (free.length >= line.quantity) {
      await insertUnits(
        db,
        free.slice(0, line.quantity).map((unitNumber) => ({ lineId: line.id, itemId: item.id, unitNumber, ...held })),
      );
    } else {
      await packAndHold(db, item, { lineId: line.id, quantity: line.quantity, ...held });
    }
  }
}

async function packAndHold(
  db: Database,
  item: { id: string; quantity: number },
  wanted: { lineId: string; quantity: number; heldFrom: string; heldUntil: string },
) {
  const today = parisToday();
  await lockLoansHolding(db, item.id, today);
  const holds = await selectItemHolds(db, item.id, today); // again: a loan may have let go of its units while we waited
  const newcomers = Array.from({ length: wanted.quantity }, () => ({
    lineId: wanted.lineId,
    unitNumber: 0,
    heldFrom: wanted.heldFrom,
    heldUntil: wanted.heldUntil,
  }));
  const packed = packUnits([
    ...holds.map((hold) => ({ ...hold, was: hold.unitNumber })),
    ...newcomers.map((hold) => ({ ...hold, was: 0 })),
  ]);
  if (packed.some((hold) => hold.unitNumber > item.quantity))
    throw new AppError('item_unavailable', itemTakenMeanwhile);
  await renumberUnits(
    db,
    packed
      .filter((hold) => hold.was > 0 && hold.was !== hold.unitNumber)
      .map((hold) => ({ lineId: hold.lineId, from: hold.was, to: hold.unitNumber })),
  );
  await insertUnits(
    db,
    packed
      .filter((hold) => hold.was === 0)
      .map(({ lineId, unitNumber, heldFrom, heldUntil }) => ({
        lineId,
        itemId: item.id,
        unitNumber,
        heldFrom,
        heldUntil,
      })),
  );
}

/** The requests for the same service at overlapping times are declined: the slot is taken. */
async function declineServiceCompetitors(db: Database, accepted: BookingRow) {
  const competitors = await selectCompetingServiceRequests(db, {
    id: accepted.id,
    serviceId: accepted.serviceId!,
    startsAt: accepted.startsAt!,
    endsAt: accepted.endsAt!,
  });
  await declineAsTaken(
    db,
    competitors.map((competitor) => competitor.id),
    'slot_taken',
  );
}

/**
 * Declined by the platform, not by a person: the timeline says so (party system, no actor) and
 * the reason is a code, phrased in each reader's language.
 */
async function declineAsTaken(db: Database, bookingIds: string[], reasonCode: DeclineCode) {
  for (const id of bookingIds) {
    const moved = await moveBooking(db, id, 'requested', {
      status: 'declined',
      answer: null,
      declineCode: reasonCode,
      expiresAt: null,
    });
    if (moved) {
      await recordBookingStep(
        db,
        {
          bookingId: id,
          action: 'decline',
          fromStatus: 'requested',
          toStatus: 'declined',
          party: 'system',
          actorId: null,
          reasonCode,
        },
        moved.revision,
      );
    }
  }
}

/** The requests for the same items and days that the acceptance leaves without enough units are declined, with the reason. */
async function declineCompetitors(db: Database, accepted: BookingRow, itemIds: string[]) {
  const competitors = await selectCompetingRequests(db, accepted.id, itemIds, accepted.startDate!, accepted.endDate!);
  if (competitors.length === 0) return;
  const lines = await selectLines(
    db,
    competitors.map((competitor) => competitor.id),
  );
  // Read, not locked: locking more items here could deadlock with another acceptance.
  const rules = await db
    .select({ id: items.id, quantity: items.quantity, bufferDays: items.bufferDays })
    .from(items)
    .where(inArray(items.id, [...new Set(lines.map((line) => line.itemId))]));
  const unservable: string[] = [];
  for (const competitor of competitors) {
    let servable = true;
    for (const line of lines.filter((candidate) => candidate.bookingId === competitor.id)) {
      const item = rules.find((candidate) => candidate.id === line.itemId)!;
      const held = heldRange(competitor.startDate!, competitor.endDate!, item.bufferDays);
      if (
        unitsFreeThroughout(item.quantity, await selectHolds(db, line.itemId, held.heldFrom, held.heldUntil), held) <
        line.quantity
      )
        servable = false;
    }
    if (!servable) unservable.push(competitor.id);
  }
  await declineAsTaken(db, unservable, 'dates_taken');
}

/** The system's step: requests nobody answered in time expire. Answers how many did. */
export async function expireRequests(db: Database, now: Date = new Date()): Promise<number> {
  return db.transaction(async (tx) => {
    const expired = await tx
      .update(bookings)
      .set({ status: 'expired', expiresAt: null, updatedAt: now, revision: nextRevision })
      .where(and(eq(bookings.status, 'requested'), lte(bookings.expiresAt, now)))
      .returning({ id: bookings.id, revision: bookings.revision });
    for (const { id, revision } of expired) {
      await recordBookingStep(
        tx,
        {
          bookingId: id,
          action: 'expire',
          fromStatus: 'requested',
          toStatus: 'expired',
          party: 'system' satisfies BookingParty,
          reasonCode: 'no_answer',
        },
        revision,
      );
    }
    return expired.length;
  });
}

/**
 * A structure suspended (or refused) after asking can no longer be lent to, nor lend. The two
 * rows are read FOR SHARE: a suspension that commits first is seen here, and one that comes
 * later waits for this acceptance, then finds the loan among the open ones it reports.
 */
async function requireBothSidesActive(
  tx: Database,
  booking: { lenderOrganisationId: string; borrowerOrganisationId: string },
) {
  const rows = await tx
    .select({ id: organisations.id, status: organisations.status })
    .from(organisations)
    .where(inArray(organisations.id, [booking.lenderOrganisationId, booking.borrowerOrganisationId]))
    .orderBy(organisations.id)
    .for('share');
  const statusOf = (id: string) => rows.find((row) => row.id === id)?.status;
  if (statusOf(booking.lenderOrganisationId) !== 'active') {
    throw new AppError(
      'organisation_not_active',
      'Votre structure n’est plus active sur le réseau (suspendue) : elle ne peut pas accepter de demande.',
    );
  }
  if (statusOf(booking.borrowerOrganisationId) !== 'active') {
    throw new AppError(
      'borrower_not_active',
      'La structure qui demande n’est plus active sur le réseau (suspendue) : sa demande ne peut pas être acceptée.',
    );
  }
}

function unavailable(title: string, free: number, wanted: number) {
  return new AppError(
    'item_unavailable',
    free === 0
      ? `« ${title} » n’est plus libre à ces dates : un autre prêt a été accepté entre-temps.`
      : `« ${title} » n’a plus que ${free} unité${free > 1 ? 's' : ''} libre${free > 1 ? 's' : ''} à ces dates (${wanted} demandée${wanted > 1 ? 's' : ''}).`,
  );
}

const itemTakenMeanwhile = 'Ce matériel n’est plus libre à ces dates : un autre prêt a été accepté entre-temps.';

/** The database's refusal (exclusion constraint) reads as the same 409 as our own check. */
function asUnavailable(error: unknown, kind: 'item' | 'service') {
  if (databaseError(error)?.code !== exclusionViolation) return error;
  return kind === 'item'
    ? new AppError('item_unavailable', itemTakenMeanwhile)
    : new AppError('slot_unavailable', 'Ce créneau est déjà pris par une autre demande acceptée.');
}
