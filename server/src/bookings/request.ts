import { and, eq, inArray, sql } from 'drizzle-orm';
import type { Actor } from '../auth/actor.ts';
import { actingOrganisationId } from '../access/acting-for.ts';
import { hasAccess, requireAccess } from '../access/require-access.ts';
import { selectBlockedPeriods, selectHolds } from '../availability/queries.ts';
import { heldRange, loanRuleBreach, longDay, unitsFreeThroughout } from '../availability/rules.ts';
import { loanRulesOf } from '../availability/service.ts';
import type { Database } from '../db/client.ts';
import { bookings } from '../db/schema/bookings.ts';
import type { BatchCreate, ItemBookingCreate, ServiceBookingCreate } from '../domain/bookings.ts';
import { addDays, parisInstant, parisToday } from '../domain/calendar-days.ts';
import { organisationCanTrade } from '../domain/organisations.ts';
import { selectItem } from '../items/queries.ts';
import { AppError, type ErrorDetail } from '../domain/errors.ts';
import { selectService, selectSlots } from '../service-offers/queries.ts';
import { serviceSlotBreach } from './service-slots.ts';
import { insertBookingRow, insertGroup, insertLineRows, lockLendable } from './queries.ts';
import { recordBookingStep } from './steps.ts';

export type RequestSettings = { requestExpiryDays: number };

/** What is wrong with one line (its path placed: `lines.2.endDate`), and whether it is only units taken. */
type LineProblem = ErrorDetail & { unavailable: boolean };
type PlannedLine = { itemId: string; quantity: number; lenderOrganisationId: string };

/** A single item: a group of one line, without the group. */
export async function requestItemLoan(
  db: Database,
  actor: Actor,
  input: ItemBookingCreate,
  settings: RequestSettings,
): Promise<string> {
  const { bookingIds } = await requestLoans(
    db,
    actor,
    { ...input, lines: [{ itemId: input.itemId, quantity: input.quantity }] },
    settings,
    {
      grouped: false,
      pathOf: (field) => field,
    },
  );
  return bookingIds[0]!;
}

/** A « panier »: the same days, several items from several lenders; one request per lender, all or none. */
export async function requestBatch(db: Database, actor: Actor, input: BatchCreate, settings: RequestSettings) {
  // Every refusal of a line names that line, a date rule of its item too (`lines.2.endDate`, the same path style as schema errors): the basket shows it there.
  return requestLoans(db, actor, input, settings, {
    grouped: true,
    pathOf: (field, index) => `lines.${index}.${field}`,
  });
}

async function requestLoans(
  db: Database,
  actor: Actor,
  input: BatchCreate,
  settings: RequestSettings,
  options: { grouped: boolean; pathOf: (field: string, lineIndex: number) => string },
) {
  const borrowerId = await borrowingOrganisationFor(db, actor, input.organisationId);
  const { startDate, endDate } = input;
  if (endDate < startDate) throw ruleError('endDate', 'order', 'Le dernier jour du prêt doit suivre le premier.');
  const today = parisToday();
  const problems: LineProblem[] = [];
  const planned: PlannedLine[] = [];
  for (const [index, line] of input.lines.entries()) {
    const quantity = line.quantity ?? 1;
    const path = (field: string) => options.pathOf(field, index);
    if (input.lines.findIndex((other) => other.itemId === line.itemId) !== index) {
      problems.push({
        path: path('itemId'),
        code: 'duplicate',
        message: 'Cet objet est déjà dans la demande : changez plutôt sa quantité.',
        unavailable: false,
      });
      continue;
    }
    const found = (await hasAccess(db, actor, 'listing.view', { item: line.itemId }))
      ? await selectItem(db, line.itemId)
      : undefined;
    if (!found) {
      problems.push({ path: path('itemId'), code: 'exists', message: 'Objet introuvable.', unavailable: false });
      continue;
    }
    const { item, organisation } = found;
    if (item.status !== 'published' || !organisationCanTrade(organisation.status)) {
      problems.push({
        path: path('itemId'),
        code: 'lendable',
        message: `« ${item.title} » n’est pas proposé au prêt en ce moment.`,
        unavailable: false,
      });
      continue;
    }
    if (item.organisationId === borrowerId) {
      problems.push({
        path: path('itemId'),
        code: 'own_item',
        message: `« ${item.title} » appartient à votre structure : pas besoin de le demander.`,
        unavailable: false,
      });
      continue;
    }
    const rules = loanRulesOf(item);
    const breach = loanRuleBreach(
      rules,
      today,
      { startDate, endDate, quantity },
      await selectBlockedPeriods(db, item.id, { from: startDate, to: endDate }),
    );
    if (breach) {
      const about = input.lines.length > 1 || options.grouped ? `« ${item.title} » : ` : '';
      problems.push({
        path: path(breach.path),
        code: breach.code,
        message: about ? about + lowerFirst(breach.message) : breach.message,
        unavailable: false,
      });
      continue;
    }
    const held = heldRange(startDate, endDate, rules.bufferDays);
    const free = unitsFreeThroughout(
      rules.quantity,
      await selectHolds(db, item.id, held.heldFrom, held.heldUntil),
      held,
    );
    if (free < quantity) {
      problems.push({
        path: path('quantity'),
        code: 'available',
        message: unavailableMessage(item.title, free, quantity, startDate, endDate),
        unavailable: true,
      });
      continue;
    }
    planned.push({ itemId: item.id, quantity, lenderOrganisationId: item.organisationId });
  }
  if (problems.length > 0) throw requestRefused(problems, options.grouped);

  const expiresAt = expiryOf(settings, parisInstant(addDays(startDate, 1), '00:00'));
  const byLender = new Map<string, PlannedLine[]>();
  for (const line of planned)
    byLender.set(line.lenderOrganisationId, [...(byLender.get(line.lenderOrganisationId) ?? []), line]);
  return db.transaction(async (tx) => {
    const stillLendable = await lockLendable(
      tx,
      'item',
      planned.map((line) => line.itemId),
    );
    const gone = planned.filter((line) => !stillLendable.includes(line.itemId));
    if (gone.length > 0) {
      throw requestRefused(
        gone.map((line) => ({
          path: options.pathOf(
            'itemId',
            input.lines.findIndex((asked) => asked.itemId === line.itemId),
          ),
          code: 'lendable',
          message: 'Cet objet vient d’être retiré du prêt : il n’est plus proposé.',
          unavailable: false,
        })),
        options.grouped,
      );
    }
    const group = options.grouped
      ? await insertGroup(tx, { borrowerOrganisationId: borrowerId, requestedBy: actor.user.id, startDate, endDate })
      : null;
    const bookingIds: string[] = [];
    for (const [lenderOrganisationId, lines] of byLender) {
      const { id } = await insertBookingRow(tx, {
        kind: 'item',
        groupId: group?.id ?? null,
        lenderOrganisationId,
        borrowerOrganisationId: borrowerId,
        requestedBy: actor.user.id,
        startDate,
        endDate,
        message: input.message?.trim() ?? '',
        expiresAt,
      });
      await insertLineRows(
        tx,
        lines.map((line) => ({ bookingId: id, ...line })),
      );
      await recordBookingStep(
        tx,
        { bookingId: id, action: 'request', toStatus: 'requested', party: 'borrower', actorId: actor.user.id },
        0,
      );
      bookingIds.push(id);
    }
    return { groupId: group?.id ?? null, bookingIds };
  });
}

/** A service, for a time slot. */
export async function requestService(
  db: Database,
  actor: Actor,
  input: ServiceBookingCreate,
  settings: RequestSettings,
): Promise<string> {
  const borrowerId = await borrowingOrganisationFor(db, actor, input.organisationId);
  const found = (await hasAccess(db, actor, 'listing.view', { service: input.serviceId }))
    ? await selectService(db, input.serviceId)
    : undefined;
  if (!found) throw new AppError('not_found', 'Offre de service introuvable.');
  const { service, organisation } = found;
  if (service.status !== 'published' || !organisationCanTrade(organisation.status))
    throw ruleError('serviceId', 'lendable', `« ${service.title} » n’est pas proposé en ce moment.`);
  if (service.organisationId === borrowerId)
    throw ruleError('serviceId', 'own_item', 'Cette offre est celle de votre structure.');
  const startsAt = new Date(input.startsAt);
  const endsAt = new Date(input.endsAt);
  if (endsAt <= startsAt) throw ruleError('endsAt', 'order', 'La fin du créneau doit suivre son début.');
  if (startsAt <= new Date())
    throw ruleError('startsAt', 'past', 'Ce créneau est passé : choisissez un moment à venir.');
  const breach = serviceSlotBreach(
    await selectSlots(db, service.id),
    service.onRequest,
    startsAt,
    endsAt,
    parisToday(),
  );
  if (breach) throw ruleError(breach.path, breach.code, breach.message);
  const [taken] = await db
    .select({ id: bookings.id })
    .from(bookings)
    .where(
      and(
        eq(bookings.serviceId, service.id),
        inArray(bookings.status, ['accepted', 'done']),
        sql`tstzrange(${bookings.startsAt}, ${bookings.endsAt}, '[)') && tstzrange(${startsAt.toISOString()}::timestamptz, ${endsAt.toISOString()}::timestamptz, '[)')`,
      ),
    )
    .limit(1);
  if (taken)
    throw new AppError('slot_unavailable', 'Ce créneau est déjà pris : choisissez-en un autre.', [
      { path: 'startsAt', code: 'available', message: 'Créneau déjà pris.' },
    ]);
  return db.transaction(async (tx) => {
    if ((await lockLendable(tx, 'service', [service.id])).length === 0)
      throw ruleError('serviceId', 'lendable', `« ${service.title} » vient d’être retiré : il n’est plus proposé.`);
    const { id } = await insertBookingRow(tx, {
      kind: 'service',
      serviceId: service.id,
      lenderOrganisationId: service.organisationId,
      borrowerOrganisationId: borrowerId,
      requestedBy: actor.user.id,
      startsAt,
      endsAt,
      message: input.message?.trim() ?? '',
      expiresAt: expiryOf(settings, startsAt),
    });
    await recordBookingStep(
      tx,
      { bookingId: id, action: 'request', toStatus: 'requested', party: 'borrower', actorId: actor.user.id },
      0,
    );
    return id;
  });
}

/** The structure the actor borrows for: the one named, or their only one, once it may borrow. */
async function borrowingOrganisationFor(db: Database, actor: Actor, organisationId: string | undefined) {
  const borrowerId = actingOrganisationId(actor, organisationId);
  await requireAccess(db, actor, 'booking.request', { organisation: borrowerId });
  return borrowerId;
}

/** A request not answered within the configured days, or by the time it should start, expires. */
function expiryOf(settings: RequestSettings, startsAt: Date): Date {
  const byDelay = new Date(Date.now() + settings.requestExpiryDays * 24 * 3600 * 1000);
  return byDelay < startsAt ? byDelay : startsAt;
}

function unavailableMessage(title: string, free: number, wanted: number, startDate: string, endDate: string) {
  const period = startDate === endDate ? `le ${longDay(startDate)}` : `du ${longDay(startDate)} au ${longDay(endDate)}`;
  if (free === 0) return `« ${title} » n’est plus disponible ${period}.`;
  return `« ${title} » : ${free} unité${free > 1 ? 's' : ''} libre${free > 1 ? 's' : ''} ${period}, vous en demandez ${wanted}.`;
}

function lowerFirst(sentence: string) {
  return sentence.charAt(0).toLowerCase() + sentence.slice(1);
}

function ruleError(path: string, code: string, message: string) {
  return new AppError('booking_rule', message, [{ path, code, message }]);
}

function requestRefused(problems: LineProblem[], grouped: boolean) {
  const details = problems.map(({ path, code, message }): ErrorDetail => ({ path, code, message }));
  // Asked for alone, an item the borrower cannot see is simply not found; in a basket, its line says so.
  if (!grouped && problems[0]!.code === 'exists') return new AppError('not_found', problems[0]!.message, details);
  const onlyUnavailable = problems.every((problem) => problem.unavailable);
  const message =
    problems.length === 1
      ? problems[0]!.message
      : `${problems.length} lignes de la demande posent problème : rien n’a été envoyé.`;
  return new AppError(onlyUnavailable ? 'item_unavailable' : 'booking_rule', message, details);
}
