import type { Actor } from '../auth/actor.ts';
import type { Database } from '../db/client.ts';
import type { ItemCreate, ItemPatch } from '../domain/catalogue.ts';
import type { OrganisationKind } from '../domain/organisations.ts';
import { toCents, toCentsOrNull, toEuros, toEurosOrNull } from '../domain/money.ts';
import { actingOrganisationId } from '../access/acting-for.ts';
import { borrowingOrganisations } from '../access/borrowing.ts';
import { decide } from '../access/decide.ts';
import { requireAccess } from '../access/require-access.ts';
import { requireCategory } from '../listings/categories.ts';
import { statusAfterLenderRequest } from '../listings/ownership.ts';
import { organisationPlace, placeOfListing, resolveCommune } from '../listings/places.ts';
import { planSearch } from '../listings/search.ts';
import { analyseText } from '../listings/text-search.ts';
import { viewerOf } from '../listings/visibility.ts';
import { freeForLoan } from '../availability/search-filter.ts';
import { parisToday } from '../domain/calendar-days.ts';
import { violatedConstraint } from '../db/errors.ts';
import { AppError, fieldError } from '../domain/errors.ts';
import { presentPhoto } from '../photos/present.ts';
import { selectPhotos } from '../photos/queries.ts';
import {
  deleteItemRow,
  insertItem,
  lockItemForRemoval,
  type ItemRow,
  type NewItemRow,
  searchableItems,
  selectItem,
  selectItemSummaries,
  updateItemRow,
} from './queries.ts';
import type { ItemSearchQuery } from './schemas.ts';

const notFound = () => new AppError('not_found', 'Objet introuvable.');

export async function searchItems(db: Database, actor: Actor | null, query: ItemSearchQuery) {
  const limit = query.limit ?? 20;
  const dates = loanDatesOf(query);
  if (query.category) await requireCategory(db, 'category', query.category);
  const near = query.near ? await resolveCommune(db, query.near) : undefined;
  const plan = planSearch(
    searchableItems,
    await viewerOf(db, actor),
    {
      q: query.q,
      category: query.category,
      territory: query.territory,
      organisation: query.organisation,
      near,
      radiusKm: query.radius_km,
      sort: query.sort,
      cursor: query.cursor,
      limit,
      analysed: query.q ? await analyseText(db, query.q) : undefined,
    },
    { extra: dates ? [freeForLoan(dates, parisToday(), { everyMatch: Boolean(query.q) || Boolean(near) })] : [] },
  );
  const rows = await selectItemSummaries(db, plan, limit + 1);
  return { items: await presentItemSummaries(db, rows.slice(0, limit)), nextCursor: plan.nextCursor(rows, limit) };
}

/** « Dates first »: both ends or neither, in order; the quantity defaults to one unit. */
function loanDatesOf(query: ItemSearchQuery) {
  const { available_from: startDate, available_to: endDate } = query;
  if (!startDate && !endDate) {
    if (query.quantity !== undefined)
      throw fieldError(
        'quantity',
        'La quantité se cherche avec des dates (available_from et available_to).',
        'requires',
      );
    return null;
  }
  if (!startDate || !endDate)
    throw fieldError(
      startDate ? 'available_to' : 'available_from',
      'Indiquez les deux dates : available_from et available_to.',
      'requires',
    );
  if (endDate < startDate) throw fieldError('available_to', 'Le dernier jour doit suivre le premier.', 'order');
  if (startDate < parisToday())
    throw fieldError('available_from', 'Ces dates sont passées : cherchez à partir d’aujourd’hui.', 'past');
  return { startDate, endDate, quantity: query.quantity ?? 1 };
}

/** Search rows as the API shows them: amounts in euros, first photo, rounded distance. */
export async function presentItemSummaries(db: Database, rows: Awaited<ReturnType<typeof selectItemSummaries>>) {
  const photos = await selectPhotos(
    db,
    'item',
    rows.map((row) => row.id),
  );
  return rows.map(({ feeCents, depositCents, sortKey: _sortKey, createdAt, distanceKm, ...row }) => {
    const photo = photos.find((p) => p.itemId === row.id);
    return {
      ...row,
      kind: 'item' as const,
      feeAmount: toEurosOrNull(feeCents),
      deposit: toEurosOrNull(depositCents),
      photo: photo ? presentPhoto(photo) : null,
      distanceKm: distanceKm === null ? null : Math.round(distanceKm * 10) / 10,
      createdAt: createdAt.toISOString(),
    };
  });
}

export async function getItem(db: Database, actor: Actor | null, id: string) {
  const { target } = await requireAccess(db, actor, 'listing.view', { item: id });
  const found = await selectItem(db, id);
  if (!found) throw notFound();
  const { item, organisation, category } = found;
  const photos = await selectPhotos(db, 'item', [item.id]);
  const owner = { id: organisation.id, name: organisation.name, kind: organisation.kind, city: organisation.city };
  const canBorrow =
    item.status === 'published' &&
    organisation.status === 'active' &&
    borrowingOrganisations(actor, item.organisationId).length > 0;
  const canEdit = decide(actor, 'listing.edit', target).allowed;
  return presentItem(item, owner, category, photos, { canEdit, canBorrow });
}

export async function createItem(db: Database, actor: Actor, input: ItemCreate) {
  const organisationId = actingOrganisationId(actor, input.organisationId);
  await requireAccess(db, actor, 'listing.create', { organisation: organisationId });
  await requireCategory(db, 'categoryId', input.categoryId);
  const place = await organisationPlace(db, organisationId);
  const pickup = await placeOfListing(db, place, { city: input.pickupCity, postcode: input.pickupPostcode });
  const row = {
    organisationId,
    createdBy: actor.user.id,
    title: input.title.trim(),
    categoryId: input.categoryId,
    description: input.description ?? '',
    quantity: input.quantity ?? 1,
    condition: input.condition ?? 'good',
    replacementValueCents: toCents(input.replacementValue ?? 0),
    depositCents: toCentsOrNull(input.deposit),
    fee: input.fee ?? 'free',
    feeCents: toCentsOrNull(input.feeAmount),
    pickupAddress: input.pickupAddress ?? place.address,
    pickupCity: pickup.city,
    pickupPostcode: pickup.postcode,
    pickupInstructions: input.pickupInstructions ?? '',
    territoryCode: pickup.territoryCode,
    latitude: pickup.latitude,
    longitude: pickup.longitude,
    usageRules: input.usageRules ?? '',
    minLoanDays: input.minLoanDays ?? 1,
    maxLoanDays: input.maxLoanDays ?? null,
    minNoticeDays: input.minNoticeDays ?? 0,
    handoverWeekdays: input.handoverWeekdays ? [...input.handoverWeekdays].sort((a, b) => a - b) : undefined,
    handoverOpensAt: input.handoverOpensAt ?? null,
    handoverClosesAt: input.handoverClosesAt ?? null,
    bufferDays: input.bufferDays ?? 0,
    horizonDays: input.horizonDays ?? 180,
    visibility: input.visibility ?? 'networks',
    status: await statusAfterLenderRequest(db, organisationId, null, input.status ?? 'published'),
  } satisfies NewItemRow;
  checkItemRules(row);
  const { id } = await insertItem(db, row);
  return getItem(db, actor, id);
}

export async function updateItem(db: Database, actor: Actor, id: string, patch: ItemPatch) {
  await requireAccess(db, actor, 'listing.edit', { item: id });
  const found = await selectItem(db, id);
  if (!found) throw notFound();
  if (patch.categoryId) await requireCategory(db, 'categoryId', patch.categoryId);
  const changes: Partial<NewItemRow> = {
    ...pick(patch, [
      'description',
      'categoryId',
      'quantity',
      'condition',
      'fee',
      'pickupAddress',
      'pickupInstructions',
      'usageRules',
      'minLoanDays',
      'maxLoanDays',
      'minNoticeDays',
      'handoverOpensAt',
      'handoverClosesAt',
      'bufferDays',
      'horizonDays',
      'visibility',
    ]),
  };
  if (patch.handoverWeekdays !== undefined)
    changes.handoverWeekdays = [...patch.handoverWeekdays].sort((a, b) => a - b);
  if (patch.title !== undefined) changes.title = patch.title.trim();
  if (patch.replacementValue !== undefined) changes.replacementValueCents = toCents(patch.replacementValue);
  if (patch.deposit !== undefined) changes.depositCents = toCentsOrNull(patch.deposit);
  if (patch.feeAmount !== undefined) changes.feeCents = toCentsOrNull(patch.feeAmount);
  if (patch.fee === 'free' && patch.feeAmount === undefined) changes.feeCents = null;
  if (patch.pickupCity !== undefined || patch.pickupPostcode !== undefined) {
    const current = { city: found.item.pickupCity, postcode: found.item.pickupPostcode };
    const { city, postcode, ...located } = await placeOfListing(db, current, {
      city: patch.pickupCity,
      postcode: patch.pickupPostcode,
    });
    Object.assign(changes, { pickupCity: city, pickupPostcode: postcode, ...located });
  }
  if (patch.status !== undefined) {
    changes.status = await statusAfterLenderRequest(db, found.item.organisationId, found.item.status, patch.status);
  }
  checkItemRules({ ...found.item, ...changes });
  try {
    await updateItemRow(db, id, changes);
  } catch (error) {
    if (violatedConstraint(error) === 'items_quantity_in_use') {
      throw new AppError(
        'quantity_in_use',
        'Des prêts acceptés occupent plus d’unités que cette quantité : gardez au moins ce nombre jusqu’à leur retour.',
        [{ path: 'quantity', code: 'in_use', message: 'Quantité inférieure aux unités réservées.' }],
      );
    }
    throw error;
  }
  return getItem(db, actor, id);
}

/**
 * Deletes an item nobody ever asked for; one with loans (any status) is archived instead, so
 * its loans stay readable and counted (docs/domain.md, « History is kept »).
 */
export async function deleteItem(db: Database, actor: Actor, id: string) {
  await requireAccess(db, actor, 'listing.edit', { item: id });
  const found = await selectItem(db, id);
  if (!found) throw notFound();
  await db.transaction(async (tx) => {
    const current = await lockItemForRemoval(tx, id);
    if (!current) throw notFound();
    if (!current.hasLoans) return deleteItemRow(tx, id);
    // A listing hidden by moderation stays hidden (listing_hidden), as when archiving it.
    const status = await statusAfterLenderRequest(tx, found.item.organisationId, current.status, 'archived');
    await updateItemRow(tx, id, { status });
  });
}

/** A draft copy of an item, for a lender who lends several similar things. */
export async function duplicateItem(db: Database, actor: Actor, id: string) {
  await requireAccess(db, actor, 'listing.edit', { item: id });
  const found = await selectItem(db, id);
  if (!found) throw notFound();
  const { id: _id, search: _search, createdAt: _createdAt, updatedAt: _updatedAt, ...copy } = found.item;
  const { id: copyId } = await insertItem(db, {
    ...copy,
    title: `${copy.title} (copie)`.slice(0, 120),
    status: 'draft',
    createdBy: actor.user.id,
  });
  return getItem(db, actor, copyId);
}

/** The rules a single field's schema cannot say: they hold for the item as a whole. */
function checkItemRules(
  item: Pick<ItemRow, 'fee' | 'feeCents' | 'minLoanDays' | 'maxLoanDays' | 'handoverOpensAt' | 'handoverClosesAt'>,
) {
  if ((item.handoverOpensAt === null) !== (item.handoverClosesAt === null)) {
    throw fieldError(
      item.handoverOpensAt === null ? 'handoverOpensAt' : 'handoverClosesAt',
      'Indiquez les deux horaires de retrait (début et fin), ou aucun.',
    );
  }
  if (
    item.handoverOpensAt !== null &&
    item.handoverClosesAt !== null &&
    item.handoverClosesAt.slice(0, 5) <= item.handoverOpensAt.slice(0, 5)
  ) {
    throw fieldError('handoverClosesAt', 'L’heure de fin des retraits doit suivre l’heure de début.');
  }
  if (item.fee !== 'free' && item.feeCents === null) {
    throw fieldError('feeAmount', 'Indiquez le montant de la participation (feeAmount), ou choisissez la gratuité.');
  }
  if (item.fee === 'free' && item.feeCents !== null) {
    throw fieldError('feeAmount', 'Un prêt gratuit ne demande pas de participation : retirez feeAmount.');
  }
  if (item.maxLoanDays !== null && item.maxLoanDays < item.minLoanDays) {
    throw fieldError('maxLoanDays', 'La durée maximale de prêt doit être au moins égale à la durée minimale.');
  }
}

/** Postgres answers `time` as HH:MM:SS; the API speaks HH:MM. */
function clockOrNull(value: string | null): string | null {
  return value === null ? null : value.slice(0, 5);
}

function pick<T extends object, K extends keyof T>(source: T, keys: K[]): Partial<Pick<T, K>> {
  return Object.fromEntries(
    keys.filter((key) => source[key] !== undefined).map((key) => [key, source[key]]),
  ) as Partial<Pick<T, K>>;
}

function presentItem(
  item: ItemRow,
  organisation: { id: string; name: string; kind: OrganisationKind; city: string },
  category: { id: string; name: string; parentId: string | null },
  photos: Awaited<ReturnType<typeof selectPhotos>>,
  viewer: { canEdit: boolean; canBorrow: boolean },
) {
  const {
    search: _search,
    replacementValueCents,
    depositCents,
    feeCents,
    organisationId: _organisationId,
    createdBy: _createdBy,
    handoverOpensAt,
    handoverClosesAt,
    ...fields
  } = item;
  return {
    ...fields,
    handoverOpensAt: clockOrNull(handoverOpensAt),
    handoverClosesAt: clockOrNull(handoverClosesAt),
    kind: 'item' as const,
    replacementValue: toEuros(replacementValueCents),
    deposit: toEurosOrNull(depositCents),
    feeAmount: toEurosOrNull(feeCents),
    category,
    organisation,
    photos: photos.map(presentPhoto),
    viewer,
    createdAt: item.createdAt.toISOString(),
    updatedAt: item.updatedAt.toISOString(),
  };
}
