import type { Actor } from '../auth/actor.ts';
import type { Database } from '../db/client.ts';
import type { BlockedPeriodCreate } from '../domain/bookings.ts';
import { addDays, daysFrom, parisToday } from '../domain/calendar-days.ts';
import { requireAccess } from '../access/require-access.ts';
import { AppError, fieldError } from '../domain/errors.ts';
import { deleteBlockedPeriodRow, insertBlockedPeriod, selectBlockedPeriods, selectCalendar } from './queries.ts';
import { bookableWindow, describeDays, type LoanRules, onlyUnits } from './rules.ts';

const notFound = () => new AppError('not_found', 'Objet introuvable.');
const maxRangeDays = 366;

export function loanRulesOf(item: LoanRules): LoanRules {
  const { quantity, minLoanDays, maxLoanDays, minNoticeDays, handoverWeekdays, bufferDays, horizonDays } = item;
  return { quantity, minLoanDays, maxLoanDays, minNoticeDays, handoverWeekdays, bufferDays, horizonDays };
}

/** GET /items/:id/availability: per day, the units free and why a day cannot be booked. */
export async function getAvailability(
  db: Database,
  actor: Actor | null,
  itemId: string,
  query: { from: string; to?: string; quantity?: number },
) {
  await requireAccess(db, actor, 'listing.view', { item: itemId });
  const from = query.from;
  const to = query.to ?? addDays(from, 30);
  if (to < from) throw fieldError('to', 'La fin de la période doit suivre son début.', 'order');
  if (daysFrom(from, to) >= maxRangeDays)
    throw fieldError('to', `Demandez au plus ${maxRangeDays} jours à la fois.`, 'range');
  const item = await selectCalendar(db, itemId, { from, to });
  if (!item) throw notFound();
  if ((query.quantity ?? 1) > item.quantity) throw fieldError('quantity', `${onlyUnits(item.quantity)}.`, 'quantity');
  const today = parisToday();
  const rules = loanRulesOf(item);
  return {
    itemId,
    quantity: item.quantity,
    today,
    rules: {
      ...rules,
      handoverOpensAt: item.handoverOpensAt?.slice(0, 5) ?? null,
      handoverClosesAt: item.handoverClosesAt?.slice(0, 5) ?? null,
      ...bookableWindow(rules, today),
    },
    days: describeDays(rules, today, { from, to }, item.holds, item.blocked, query.quantity ?? 1),
  };
}

export async function listBlockedPeriods(db: Database, actor: Actor, itemId: string) {
  await requireAccess(db, actor, 'listing.view_unpublished', { item: itemId });
  return selectBlockedPeriods(db, itemId);
}

export async function createBlockedPeriod(db: Database, actor: Actor, itemId: string, input: BlockedPeriodCreate) {
  await requireAccess(db, actor, 'listing.edit', { item: itemId });
  if (input.endDate < input.startDate)
    throw fieldError('endDate', 'La fin de la période doit suivre son début.', 'order');
  const { id } = await insertBlockedPeriod(db, {
    itemId,
    ...input,
    note: input.note?.trim() ?? '',
    createdBy: actor.user.id,
  });
  return {
    id,
    startDate: input.startDate,
    endDate: input.endDate,
    reason: input.reason,
    note: input.note?.trim() ?? '',
  };
}

export async function deleteBlockedPeriod(db: Database, actor: Actor, itemId: string, periodId: string) {
  await requireAccess(db, actor, 'listing.edit', { item: itemId });
  if (!(await deleteBlockedPeriodRow(db, itemId, periodId))) throw new AppError('not_found', 'Période introuvable.');
}
