import type { Actor } from '../auth/actor.ts';
import { requireAccess } from '../access/require-access.ts';
import { recordAudit } from '../audit/record.ts';
import type { Database } from '../db/client.ts';
import { daysFrom } from '../domain/calendar-days.ts';
import { AppError, fieldError } from '../domain/errors.ts';
import { monthsBetween, periodOf } from './period.ts';
import {
  categoryExists,
  countNewMembers,
  type ImpactScope,
  selectAllCategories,
  selectCategoryFigures,
  selectFactorForUpdate,
  selectFactors,
  selectMonths,
  selectNetwork,
  selectNetworkTerritories,
  selectRateForUpdate,
  selectReciprocity,
  selectTerritory,
  selectTotals,
  updateRate,
  upsertFactor,
} from './queries.ts';
import type {
  FactorChange,
  ImpactFactor,
  ImpactMethod,
  ImpactQuery,
  ImpactReport,
  MethodChange,
  MethodExplanation,
} from './schemas.ts';

/** A dashboard covers at most ten years: its monthly series stays a chart, not a dump. */
const longestPeriodDays = 3653;

export function explanationOf(rate: number): MethodExplanation {
  if (rate === 50) return 'library_of_things_2024';
  if (rate === 25) return 'library_of_things_2023';
  return 'network_rate';
}

const collator = new Intl.Collator('fr', { sensitivity: 'base', numeric: true });

/** /admin/impact: what the network's exchanges achieved in a period, maybe in one département. */
export async function getImpactReport(db: Database, actor: Actor, query: ImpactQuery): Promise<ImpactReport> {
  await requireAccess(db, actor, 'network.read_impact', { network: query.networkId });
  const period = periodOf(query.from, query.to);
  if (period.from > period.to) throw fieldError('to', 'La date de fin doit suivre la date de début.', 'order');
  if (daysFrom(period.from, period.to) >= longestPeriodDays) {
    throw fieldError('to', 'La période ne peut pas dépasser dix ans.', 'range');
  }
  const network = (await selectNetwork(db, query.networkId))!;
  const territory = query.territory ? await selectTerritory(db, query.territory) : null;
  if (query.territory && !territory) throw fieldError('territory', 'Ce département est inconnu.', 'unknown');
  const scope: ImpactScope = {
    networkId: network.id,
    ...period,
    territory: territory?.code ?? null,
    substitutionRatePercent: network.substitutionRatePercent,
  };
  const [totals, months, categoryRows, reciprocity, newMembers, allCategories, territories] = await Promise.all([
    selectTotals(db, scope),
    selectMonths(db, scope),
    selectCategoryFigures(db, scope),
    selectReciprocity(db, scope),
    countNewMembers(db, scope),
    selectAllCategories(db),
    selectNetworkTerritories(db, network.id),
  ]);
  const categoryOf = (id: string) => {
    const found = allCategories.find((category) => category.id === id)!;
    return { id: found.id, parentId: found.parentId, nameFr: found.nameFr, nameEn: found.nameEn };
  };
  const position = (id: string) => allCategories.findIndex((category) => category.id === id);
  const byMonth = new Map(months.map((row) => [row.month, row]));
  const categoriesLent = categoryRows
    .toSorted((a, b) => position(a.category_id) - position(b.category_id))
    .map((row) => ({
      category: categoryOf(row.category_id),
      loans: row.loans,
      unitsLent: Number(row.units_lent),
      replacementValueCents: Number(row.replacement_value_cents),
      factor:
        row.factor === null
          ? null
          : {
              kgCo2ePerItem: Number(row.factor),
              source: row.factor_source!,
              estimated: row.factor_estimated!,
              fromCategory: categoryOf(row.factor_category_id!),
            },
      co2eAvoidedKg: row.co2e_avoided_kg === null ? null : Number(row.co2e_avoided_kg),
    }));
  const exchanges = totals.loans + totals.services;
  return {
    network: { id: network.id, slug: network.slug, name: network.name },
    territories,
    period,
    territory: territory ?? null,
    method: {
      substitutionRatePercent: network.substitutionRatePercent,
      explanation: explanationOf(network.substitutionRatePercent),
    },
    totals: {
      loans: totals.loans,
      services: totals.services,
      daysOfUse: Number(totals.days_of_use),
      unitsLent: Number(totals.units_lent),
      lendingStructures: totals.lending,
      borrowingStructures: totals.borrowing,
      activeStructures: totals.active,
      newMembers,
      firstExchanges: totals.first_exchanges,
      firstExchangePercent: exchanges === 0 ? null : Math.round((1000 * totals.first_exchanges) / exchanges) / 10,
      replacementValueCents: Number(totals.replacement_value_cents),
      purchasesAvoidedCents: Number(totals.purchases_avoided_cents),
      co2eAvoidedKg: Number(totals.co2e_avoided_kg),
      unitsWithoutFactor: Number(totals.units_without_factor),
    },
    months: monthsBetween(period.from, period.to).map((month) => {
      const row = byMonth.get(month);
      return {
        month,
        loans: row?.loans ?? 0,
        services: row?.services ?? 0,
        unitsLent: Number(row?.units_lent ?? 0),
        purchasesAvoidedCents: Number(row?.purchases_avoided_cents ?? 0),
        co2eAvoidedKg: Number(row?.co2e_avoided_kg ?? 0),
      };
    }),
    categories: categoriesLent,
    reciprocity: reciprocity
      .toSorted((a, b) => collator.compare(a.name, b.name) || a.organisation_id.localeCompare(b.organisation_id))
      .map((row) => ({
        organisation: { id: row.organisation_id, name: row.name },
        memberOfNetwork: row.member_of_network,
        lent: {
          loans: row.lent_loans,
          services: row.lent_services,
          days: Number(row.lent_days),
          valueCents: Number(row.lent_value_cents),
        },
        borrowed: {
          loans: row.borrowed_loans,
          services: row.borrowed_services,
          days: Number(row.borrowed_days),
          valueCents: Number(row.borrowed_value_cents),
        },
      })),
    withoutFactor: categoriesLent
      .filter((row) => row.factor === null)
      .map(({ category, loans, unitsLent }) => ({ category, loans, unitsLent })),
  };
}

/** /admin/impact/methode: the substitution rate and every category's factor, or why it has none. */
export async function getImpactMethod(db: Database, actor: Actor, networkId: string): Promise<ImpactMethod> {
  await requireAccess(db, actor, 'network.read_impact', { network: networkId });
  const [network, factors, allCategories] = await Promise.all([
    selectNetwork(db, networkId),
    selectFactors(db, networkId),
    selectAllCategories(db),
  ]);
  const ref = (id: string) => {
    const found = allCategories.find((category) => category.id === id)!;
    return { id: found.id, parentId: found.parentId, nameFr: found.nameFr, nameEn: found.nameEn };
  };
  const factorOf = (id: string | null) => (id ? factors.find((factor) => factor.categoryId === id) : undefined);
  return {
    network: { id: network!.id, slug: network!.slug, name: network!.name },
    substitutionRatePercent: network!.substitutionRatePercent,
    explanation: explanationOf(network!.substitutionRatePercent),
    factors: allCategories
      .filter((category) => factorOf(category.id))
      .map((category): ImpactFactor => {
        const factor = factorOf(category.id)!;
        return {
          category: ref(category.id),
          kgCo2ePerItem: Number(factor.kgCo2ePerItem),
          source: factor.source,
          estimated: factor.estimated,
          updatedAt: factor.updatedAt.toISOString(),
        };
      }),
    withoutFactor: allCategories
      .filter((category) => !factorOf(category.id))
      .map((category) => ({
        category: ref(category.id),
        inheritsFrom: factorOf(category.parentId) ? ref(category.parentId!) : null,
      })),
  };
}

/** The substitution rate, audited as a change of the network's settings (nothing recorded when unchanged). */
export async function changeSubstitutionRate(db: Database, actor: Actor, change: MethodChange): Promise<ImpactMethod> {
  await requireAccess(db, actor, 'network.manage_impact', { network: change.networkId });
  await db.transaction(async (tx) => {
    const current = await selectRateForUpdate(tx, change.networkId);
    if (!current) throw new AppError('not_found', 'Réseau introuvable.');
    if (current.substitutionRatePercent === change.substitutionRatePercent) return;
    await updateRate(tx, change.networkId, change.substitutionRatePercent);
    await recordAudit(tx, {
      actorId: actor.user.id,
      action: 'network.settings_changed',
      target: { type: 'network', id: change.networkId },
      networkIds: [change.networkId],
      before: { substitutionRatePercent: current.substitutionRatePercent },
      after: { substitutionRatePercent: change.substitutionRatePercent },
    });
  });
  return getImpactMethod(db, actor, change.networkId);
}

/** One category's factor, created or replaced; the fields that changed go to the audit log. */
export async function saveImpactFactor(db: Database, actor: Actor, change: FactorChange): Promise<ImpactFactor> {
  await requireAccess(db, actor, 'network.manage_impact', { network: change.networkId });
  if (!(await categoryExists(db, change.categoryId))) {
    throw fieldError('categoryId', 'Cette catégorie n’existe pas.', 'unknown');
  }
  const wanted = {
    kgCo2ePerItem: Math.round(change.kgCo2ePerItem * 10) / 10,
    source: change.source.trim(),
    estimated: change.estimated,
  };
  const saved = await db.transaction(async (tx) => {
    const current = await selectFactorForUpdate(tx, change.networkId, change.categoryId);
    const before: Record<string, unknown> = {};
    const after: Record<string, unknown> = {};
    for (const field of ['kgCo2ePerItem', 'source', 'estimated'] as const) {
      const was = current ? (field === 'kgCo2ePerItem' ? Number(current[field]) : current[field]) : null;
      if (was !== wanted[field]) {
        before[field] = was;
        after[field] = wanted[field];
      }
    }
    // The same values again: nothing changed, so neither who nor when the factor was last set.
    if (current && Object.keys(after).length === 0) return { updatedAt: current.updatedAt };
    const row = await upsertFactor(
      tx,
      { networkId: change.networkId, categoryId: change.categoryId, ...wanted },
      actor.user.id,
    );
    await recordAudit(tx, {
      actorId: actor.user.id,
      action: 'impact_factor.changed',
      target: { type: 'impact_factor', id: `${change.networkId}:${change.categoryId}` },
      networkIds: [change.networkId],
      before: current ? before : null,
      after,
    });
    return row;
  });
  const categories = await selectAllCategories(db);
  const category = categories.find((candidate) => candidate.id === change.categoryId)!;
  return {
    category: { id: category.id, parentId: category.parentId, nameFr: category.nameFr, nameEn: category.nameEn },
    ...wanted,
    updatedAt: saved.updatedAt.toISOString(),
  };
}
