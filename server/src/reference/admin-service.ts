import type { Actor } from '../auth/actor.ts';
import { requireAccess } from '../access/require-access.ts';
import { recordAudit } from '../audit/record.ts';
import type { Database } from '../db/client.ts';
import { AppError, fieldError } from '../domain/errors.ts';
import {
  deleteCategory,
  insertCategory,
  lockNetworkTerritories,
  nextSiblingPosition,
  replaceNetworkTerritories,
  selectAdminCategories,
  selectCategoryForUpdate,
  selectKnownTerritoryCodes,
  selectNetworkTerritoryCodes,
  updateCategory,
} from './admin-queries.ts';
import type {
  AdminCategory,
  AdminCategoryList,
  CategoryCreate,
  CategoryPatch,
  NetworkTerritories,
} from './admin-schemas.ts';

/*
 * Categories are the platform's, shared by every network: any network's admin manages them
 * ('networks' ref), and the audit entry is filed under the networks the admin acts for.
 */

export async function listAdminCategories(db: Database, actor: Actor | null): Promise<AdminCategoryList> {
  await requireAccess(db, actor, 'network.manage_categories', 'networks');
  return { categories: await selectAdminCategories(db) };
}

export async function createCategory(db: Database, actor: Actor | null, input: CategoryCreate): Promise<AdminCategory> {
  const { networkIds } = await requireAccess(db, actor, 'network.manage_categories', 'networks');
  const nameFr = input.nameFr.trim();
  const nameEn = input.nameEn.trim();
  if (!nameFr) throw fieldError('nameFr', 'Indiquez le nom en français.', 'required');
  if (!nameEn) throw fieldError('nameEn', 'Indiquez le nom en anglais.', 'required');
  return db.transaction(async (tx) => {
    const parentId = input.parentId ?? null;
    if (parentId) {
      const parent = await selectCategoryForUpdate(tx, parentId);
      if (!parent) throw fieldError('parentId', 'Cette catégorie parente est inconnue.', 'exists');
      if (parent.parentId)
        throw fieldError('parentId', 'Une sous-catégorie ne peut pas en contenir une autre.', 'depth');
    }
    const position = input.position ?? (await nextSiblingPosition(tx, parentId));
    const category = { id: input.id, parentId, nameFr, nameEn, position };
    if (!(await insertCategory(tx, category))) {
      throw fieldError('id', 'Une catégorie porte déjà cet identifiant.', 'unique');
    }
    await recordAudit(tx, {
      actorId: actor!.user.id,
      action: 'category.changed',
      target: { type: 'category', id: input.id },
      networkIds,
      before: null,
      after: category,
    });
    return { ...category, itemCount: 0, childCount: 0 };
  });
}

export async function changeCategory(
  db: Database,
  actor: Actor | null,
  id: string,
  patch: CategoryPatch,
): Promise<AdminCategory> {
  const { networkIds } = await requireAccess(db, actor, 'network.manage_categories', 'networks');
  if (patch.nameFr !== undefined && !patch.nameFr.trim())
    throw fieldError('nameFr', 'Indiquez le nom en français.', 'required');
  if (patch.nameEn !== undefined && !patch.nameEn.trim())
    throw fieldError('nameEn', 'Indiquez le nom en anglais.', 'required');
  return db.transaction(async (tx) => {
    const category = await selectCategoryForUpdate(tx, id);
    if (!category) throw new AppError('not_found', 'Catégorie introuvable.');
    const wanted = {
      nameFr: patch.nameFr?.trim(),
      nameEn: patch.nameEn?.trim(),
      position: patch.position,
    };
    const before: Record<string, unknown> = {};
    const after: Record<string, unknown> = {};
    for (const [field, value] of Object.entries(wanted) as Array<[keyof typeof wanted, string | number | undefined]>) {
      if (value === undefined || value === category[field]) continue;
      before[field] = category[field];
      after[field] = value;
    }
    if (Object.keys(after).length === 0) return category;
    await updateCategory(tx, id, after);
    await recordAudit(tx, {
      actorId: actor!.user.id,
      action: 'category.changed',
      target: { type: 'category', id },
      networkIds,
      before,
      after,
    });
    return { ...category, ...after };
  });
}

/** Only an unused category goes: its objects, needs and sub-categories would lose their place. */
export async function removeCategory(db: Database, actor: Actor | null, id: string): Promise<void> {
  const { networkIds } = await requireAccess(db, actor, 'network.manage_categories', 'networks');
  await db.transaction(async (tx) => {
    const category = await selectCategoryForUpdate(tx, id);
    if (!category) throw new AppError('not_found', 'Catégorie introuvable.');
    if (category.itemCount > 0 || category.childCount > 0) {
      throw new AppError(
        'category_in_use',
        category.childCount > 0
          ? 'Cette catégorie a des sous-catégories : supprimez-les ou déplacez leurs objets d’abord.'
          : 'Des objets ou des besoins sont rangés dans cette catégorie : changez-les de catégorie d’abord.',
      );
    }
    await deleteCategory(tx, id);
    const { itemCount: _items, childCount: _children, ...removed } = category;
    await recordAudit(tx, {
      actorId: actor!.user.id,
      action: 'category.changed',
      target: { type: 'category', id },
      networkIds,
      before: removed,
      after: null,
    });
  });
}

export async function getNetworkTerritories(
  db: Database,
  actor: Actor | null,
  networkId: string,
): Promise<NetworkTerritories> {
  await requireAccess(db, actor, 'network.manage_settings', { network: networkId });
  return { networkId, codes: await selectNetworkTerritoryCodes(db, networkId) };
}

/** The network works in exactly these départements (known codes only). */
export async function setNetworkTerritories(
  db: Database,
  actor: Actor | null,
  networkId: string,
  codes: string[],
): Promise<NetworkTerritories> {
  await requireAccess(db, actor, 'network.manage_settings', { network: networkId });
  const known = await selectKnownTerritoryCodes(db, codes);
  const unknown = codes
    .map((code, index) => ({ code, index }))
    .filter(({ code }) => !known.has(code))
    .map(({ code, index }) => ({
      path: `codes.${index}`,
      code: 'exists',
      message: `Le département « ${code} » est inconnu.`,
    }));
  if (unknown.length > 0) throw new AppError('validation_failed', 'Certains départements sont inconnus.', unknown);
  const wanted = [...codes].sort();
  return db.transaction(async (tx) => {
    await lockNetworkTerritories(tx, networkId);
    const current = await selectNetworkTerritoryCodes(tx, networkId);
    if (current.join(',') === wanted.join(',')) return { networkId, codes: current };
    await replaceNetworkTerritories(tx, networkId, wanted);
    await recordAudit(tx, {
      actorId: actor!.user.id,
      action: 'territory.changed',
      target: { type: 'network', id: networkId },
      networkIds: [networkId],
      before: { codes: current },
      after: { codes: wanted },
    });
    return { networkId, codes: wanted };
  });
}
