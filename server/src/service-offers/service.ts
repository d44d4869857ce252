import type { Actor } from '../auth/actor.ts';
import type { Database } from '../db/client.ts';
import type { ServiceCreate, ServicePatch } from '../domain/catalogue.ts';
import { toCentsOrNull, toEurosOrNull } from '../domain/money.ts';
import { actingOrganisationId } from '../access/acting-for.ts';
import { borrowingOrganisations } from '../access/borrowing.ts';
import { decide } from '../access/decide.ts';
import { requireAccess } from '../access/require-access.ts';
import { statusAfterLenderRequest } from '../listings/ownership.ts';
import { organisationPlace, placeOfListing, resolveCommune } from '../listings/places.ts';
import { planSearch } from '../listings/search.ts';
import { viewerOf } from '../listings/visibility.ts';
import type { ListingSearchQuery } from '../listings/schemas.ts';
import { presentPhoto } from '../photos/present.ts';
import { selectPhotos } from '../photos/queries.ts';
import type { ServiceSlot } from '../domain/bookings.ts';
import { AppError, fieldError } from '../domain/errors.ts';
import {
  deleteServiceRow,
  inDomain,
  lockServiceForRemoval,
  insertService,
  replaceSlots,
  selectSlots,
  type NewServiceRow,
  searchableServices,
  selectService,
  selectServiceSummaries,
  type ServiceRow,
  updateServiceRow,
} from './queries.ts';
import { serviceDomains } from '../domain/catalogue.ts';
import { analyseText } from '../listings/text-search.ts';

const notFound = () => new AppError('not_found', 'Offre de service introuvable.');

/** Searches service offers; `category` names a domain (transition_ecologique…). */
export async function searchServices(db: Database, actor: Actor | null, query: ListingSearchQuery) {
  const limit = query.limit ?? 20;
  if (query.category && !(serviceDomains as readonly string[]).includes(query.category)) {
    throw fieldError('category', `Domaine inconnu : « ${query.category} » (${serviceDomains.join(', ')}).`);
  }
  const near = query.near ? await resolveCommune(db, query.near) : undefined;
  const plan = planSearch(
    searchableServices,
    await viewerOf(db, actor),
    {
      ...query,
      category: undefined,
      near,
      radiusKm: query.radius_km,
      limit,
      analysed: query.q ? await analyseText(db, query.q, { withCategories: false }) : undefined,
    },
    { extra: query.category ? [inDomain(query.category)] : [] },
  );
  const rows = await selectServiceSummaries(db, plan, limit + 1);
  return { items: await presentServiceSummaries(db, rows.slice(0, limit)), nextCursor: plan.nextCursor(rows, limit) };
}

export async function presentServiceSummaries(db: Database, rows: Awaited<ReturnType<typeof selectServiceSummaries>>) {
  const photos = await selectPhotos(
    db,
    'service',
    rows.map((row) => row.id),
  );
  return rows.map(({ priceCents, sortKey: _sortKey, createdAt, distanceKm, ...row }) => {
    const photo = photos.find((p) => p.serviceId === row.id);
    return {
      ...row,
      kind: 'service' as const,
      price: toEurosOrNull(priceCents),
      photo: photo ? presentPhoto(photo) : null,
      distanceKm: distanceKm === null ? null : Math.round(distanceKm * 10) / 10,
      createdAt: createdAt.toISOString(),
    };
  });
}

export async function getService(db: Database, actor: Actor | null, id: string) {
  const { target } = await requireAccess(db, actor, 'listing.view', { service: id });
  const found = await selectService(db, id);
  if (!found) throw notFound();
  const { service, organisation } = found;
  const [photos, slots] = await Promise.all([selectPhotos(db, 'service', [service.id]), selectSlots(db, service.id)]);
  const { search: _search, priceCents, organisationId: _organisationId, createdBy: _createdBy, ...fields } = service;
  const canBorrow =
    service.status === 'published' &&
    organisation.status === 'active' &&
    borrowingOrganisations(actor, service.organisationId).length > 0;
  return {
    ...fields,
    kind: 'service' as const,
    price: toEurosOrNull(priceCents),
    slots,
    organisation: { id: organisation.id, name: organisation.name, kind: organisation.kind, city: organisation.city },
    photos: photos.map(presentPhoto),
    viewer: { canEdit: decide(actor, 'listing.edit', target).allowed, canBorrow },
    createdAt: service.createdAt.toISOString(),
    updatedAt: service.updatedAt.toISOString(),
  };
}

export async function createService(db: Database, actor: Actor, input: ServiceCreate) {
  const organisationId = actingOrganisationId(actor, input.organisationId);
  await requireAccess(db, actor, 'listing.create', { organisation: organisationId });
  const place = await organisationPlace(db, organisationId);
  const located = await placeOfListing(db, place, { city: input.city, postcode: input.postcode });
  const row = {
    organisationId,
    createdBy: actor.user.id,
    title: input.title.trim(),
    domain: input.domain,
    description: input.description ?? '',
    format: input.format ?? 'both',
    durationMinutes: input.durationMinutes ?? null,
    providerName: input.providerName?.trim() ?? '',
    participation: input.participation ?? 'free',
    priceCents: toCentsOrNull(input.price),
    ...located,
    onRequest: input.onRequest ?? true,
    visibility: input.visibility ?? 'networks',
    status: await statusAfterLenderRequest(db, organisationId, null, input.status ?? 'published'),
  } satisfies NewServiceRow;
  checkServiceRules(row);
  checkSlots(input.slots ?? []);
  const id = await db.transaction(async (tx) => {
    const { id: serviceId } = await insertService(tx, row);
    await replaceSlots(tx, serviceId, input.slots ?? []);
    return serviceId;
  });
  return getService(db, actor, id);
}

export async function updateService(db: Database, actor: Actor, id: string, patch: ServicePatch) {
  await requireAccess(db, actor, 'listing.edit', { service: id });
  const found = await selectService(db, id);
  if (!found) throw notFound();
  const { price, city, postcode, status, title, slots, ...direct } = patch;
  const changes: Partial<NewServiceRow> = { ...direct };
  if (title !== undefined) changes.title = title.trim();
  if (price !== undefined) changes.priceCents = toCentsOrNull(price);
  if (patch.participation && patch.participation !== 'price' && price === undefined) changes.priceCents = null;
  if (city !== undefined || postcode !== undefined) {
    Object.assign(changes, await placeOfListing(db, found.service, { city, postcode }));
  }
  if (status !== undefined)
    changes.status = await statusAfterLenderRequest(db, found.service.organisationId, found.service.status, status);
  checkServiceRules({ ...found.service, ...changes });
  if (slots) checkSlots(slots);
  await db.transaction(async (tx) => {
    await updateServiceRow(tx, id, changes);
    if (slots) await replaceSlots(tx, id, slots);
  });
  return getService(db, actor, id);
}

/**
 * Deletes a service offer nobody ever asked for; one with bookings (any status) is archived
 * instead, so they stay readable and counted (docs/domain.md, « History is kept »).
 */
export async function deleteService(db: Database, actor: Actor, id: string) {
  await requireAccess(db, actor, 'listing.edit', { service: id });
  const found = await selectService(db, id);
  if (!found) throw notFound();
  await db.transaction(async (tx) => {
    const current = await lockServiceForRemoval(tx, id);
    if (!current) throw notFound();
    if (!current.hasBookings) return deleteServiceRow(tx, id);
    // A listing hidden by moderation stays hidden (listing_hidden), as when archiving it.
    const status = await statusAfterLenderRequest(tx, found.service.organisationId, current.status, 'archived');
    await updateServiceRow(tx, id, { status });
  });
}

function checkSlots(slots: ServiceSlot[]) {
  slots.forEach((slot, index) => {
    if (slot.endsAt <= slot.startsAt)
      throw fieldError(`slots.${index}.endsAt`, 'Un créneau finit après avoir commencé.');
  });
}

function checkServiceRules(service: Pick<ServiceRow, 'participation' | 'priceCents'>) {
  if (service.participation === 'price' && service.priceCents === null) {
    throw fieldError(
      'price',
      'Indiquez le prix demandé (price), ou choisissez une participation gratuite ou en échange.',
    );
  }
  if (service.participation !== 'price' && service.priceCents !== null) {
    throw fieldError('price', 'Un prix ne se donne que pour une participation « price » : retirez price.');
  }
}
