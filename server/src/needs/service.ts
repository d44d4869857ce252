import { and, eq } from 'drizzle-orm';
import type { Actor } from '../auth/actor.ts';
import { actingOrganisationId } from '../access/acting-for.ts';
import { decide } from '../access/decide.ts';
import { requireAccess } from '../access/require-access.ts';
import type { Database } from '../db/client.ts';
import { recordEvent } from '../events/record.ts';
import { needs } from '../db/schema/needs.ts';
import type { NeedCreate, NeedPatch, NeedResponseCreate } from '../domain/catalogue.ts';
import { requireCategory } from '../listings/categories.ts';
import { organisationPlace } from '../listings/places.ts';
import { planSearch } from '../listings/search.ts';
import { analyseText } from '../listings/text-search.ts';
import { ownerIsActive, viewerOf, visibleTo } from '../listings/visibility.ts';
import { selectListingOwner } from '../listings/ownership.ts';
import { AppError, fieldError } from '../domain/errors.ts';
import {
  deleteNeedRow,
  insertNeed,
  insertResponse,
  type NeedRow,
  type NewNeedRow,
  searchableNeeds,
  selectNeed,
  selectNeedSummaries,
  selectResponses,
  updateNeedRow,
} from './queries.ts';
import type { NeedSearchQuery } from './schemas.ts';

const notFound = () => new AppError('not_found', 'Besoin introuvable.');

/** « Je cherche » : open needs by default, findable like listings (active structure, visibility). */
export async function searchNeeds(db: Database, actor: Actor | null, query: NeedSearchQuery) {
  if (query.status === 'closed') {
    throw fieldError('status', 'Un besoin clos ne se cherche plus : il reste sur la page de sa structure.', 'enum');
  }
  const limit = query.limit ?? 20;
  const viewer = await viewerOf(db, actor);
  const findable = and(
    eq(needs.status, query.status ?? 'open'),
    ownerIsActive(searchableNeeds),
    visibleTo(viewer, searchableNeeds),
  )!;
  const analysed = query.q ? await analyseText(db, query.q) : undefined;
  const plan = planSearch(
    searchableNeeds,
    viewer,
    { ...query, limit, analysed },
    { findable, extra: query.kind ? [eq(needs.kind, query.kind)] : [] },
  );
  const rows = await selectNeedSummaries(db, plan, limit + 1);
  return {
    items: rows
      .slice(0, limit)
      .map(({ sortKey: _sortKey, createdAt, ...row }) => ({ ...row, createdAt: createdAt.toISOString() })),
    nextCursor: plan.nextCursor(rows, limit),
  };
}

export async function getNeed(db: Database, actor: Actor | null, id: string) {
  const { target } = await requireAccess(db, actor, 'listing.view', { need: id });
  const found = await selectNeed(db, id);
  if (!found) throw notFound();
  const { need, organisation, responseCount } = found;
  const canEdit = decide(actor, 'listing.edit', target).allowed;
  const ownOrganisations = actor?.memberships.filter((m) => m.status === 'active').map((m) => m.organisation.id) ?? [];
  const responses = await selectResponses(db, need.id, canEdit ? 'all' : ownOrganisations);
  const {
    search: _search,
    organisationId: _organisationId,
    createdBy: _createdBy,
    updatedAt: _updatedAt,
    fulfilledAt: _fulfilledAt,
    ...fields
  } = need;
  return {
    ...fields,
    organisation: { id: organisation.id, name: organisation.name, kind: organisation.kind, city: organisation.city },
    responseCount,
    responses,
    viewer: { canEdit, canRespond: need.status === 'open' && !canEdit && respondingOrganisations(actor).length > 0 },
    createdAt: need.createdAt.toISOString(),
  };
}

export async function createNeed(db: Database, actor: Actor, input: NeedCreate) {
  const organisationId = actingOrganisationId(actor, input.organisationId);
  await requireAccess(db, actor, 'listing.create', { organisation: organisationId });
  const place = await organisationPlace(db, organisationId);
  const row = {
    organisationId,
    createdBy: actor.user.id,
    kind: input.kind,
    title: input.title.trim(),
    description: input.description ?? '',
    categoryId: input.categoryId ?? null,
    serviceDomain: input.serviceDomain ?? null,
    neededFrom: input.neededFrom ?? null,
    neededUntil: input.neededUntil ?? null,
    territoryCode: place.territoryCode,
    visibility: input.visibility ?? 'networks',
  } satisfies NewNeedRow;
  await checkNeedRules(db, row);
  const { id } = await insertNeed(db, row);
  return getNeed(db, actor, id);
}

export async function updateNeed(db: Database, actor: Actor, id: string, patch: NeedPatch) {
  await requireAccess(db, actor, 'listing.edit', { need: id });
  const found = await selectNeed(db, id);
  if (!found) throw notFound();
  const changes: Partial<NewNeedRow> = { ...patch };
  if (patch.title !== undefined) changes.title = patch.title.trim();
  if (patch.status !== undefined && patch.status !== found.need.status) {
    changes.fulfilledAt = patch.status === 'fulfilled' ? new Date() : null;
  }
  await checkNeedRules(db, { ...found.need, ...changes });
  await updateNeedRow(db, id, changes);
  return getNeed(db, actor, id);
}

export async function deleteNeed(db: Database, actor: Actor, id: string) {
  await requireAccess(db, actor, 'listing.edit', { need: id });
  const found = await selectNeed(db, id);
  if (!found) throw notFound();
  await deleteNeedRow(db, id);
}

/** Another structure answers: a message, possibly pointing to one of its own listings. */
export async function respondToNeed(db: Database, actor: Actor, needId: string, input: NeedResponseCreate) {
  await requireAccess(db, actor, 'listing.view', { need: needId });
  const organisationId = input.organisationId ?? respondingOrganisations(actor)[0];
  if (!organisationId)
    throw new AppError('forbidden', "Vous n'agissez pour aucune structure validée : vous ne pouvez pas répondre.");
  await requireAccess(db, actor, 'need.respond', { organisation: organisationId });
  const need = await getNeed(db, actor, needId);
  if (need.status !== 'open') throw new AppError('need_not_open', "Ce besoin n'est plus ouvert aux réponses.");
  if (organisationId === need.organisation.id)
    throw new AppError('forbidden', 'Une structure ne répond pas à son propre besoin.');
  if (input.itemId && input.serviceId)
    throw fieldError('serviceId', 'Une réponse montre un objet ou une offre, pas les deux.');
  if (input.itemId || input.serviceId) {
    const listing = input.itemId ? { itemId: input.itemId } : { serviceId: input.serviceId! };
    if ((await selectListingOwner(db, listing)) !== organisationId) {
      throw fieldError(
        input.itemId ? 'itemId' : 'serviceId',
        "L'annonce indiquée n'est pas une annonce de votre structure.",
      );
    }
  }
  const id = await db.transaction(async (tx) => {
    const { id } = await insertResponse(tx, {
      needId,
      organisationId,
      authorId: actor.user.id,
      message: input.message.trim(),
      itemId: input.itemId ?? null,
      serviceId: input.serviceId ?? null,
    });
    await recordEvent(tx, {
      type: 'need.response',
      actorId: actor.user.id,
      organisationId,
      params: { needId, responseId: id },
    });
    return id;
  });
  const [response] = (await selectResponses(db, needId, [organisationId])).filter((r) => r.id === id);
  return response!;
}

function respondingOrganisations(actor: Actor | null): string[] {
  return (actor?.memberships ?? [])
    .filter((m) => m.status === 'active' && m.organisation.status === 'active')
    .map((m) => m.organisation.id);
}

async function checkNeedRules(
  db: Database,
  need: Pick<NeedRow, 'kind' | 'categoryId' | 'serviceDomain' | 'neededFrom' | 'neededUntil'>,
) {
  if (need.kind === 'item' && need.serviceDomain)
    throw fieldError('serviceDomain', 'Un besoin de matériel a une catégorie, pas un domaine de service.');
  if (need.kind === 'service' && need.categoryId)
    throw fieldError('categoryId', 'Un besoin de service a un domaine, pas une catégorie de matériel.');
  if (need.categoryId) await requireCategory(db, 'categoryId', need.categoryId);
  if (need.neededFrom && need.neededUntil && need.neededUntil < need.neededFrom) {
    throw fieldError('neededUntil', 'La date de fin doit suivre la date de début.');
  }
}
