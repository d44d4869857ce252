import { and, asc, eq, inArray, sql, type SQL } from 'drizzle-orm';
import { type Database, rowsOf } from '../db/client.ts';
import { categories } from '../db/schema/categories.ts';
import { impactFactors } from '../db/schema/impact.ts';
import { networks, networkTerritories } from '../db/schema/networks.ts';
import { organisationNetworks, organisations } from '../db/schema/organisations.ts';
import { territories } from '../db/schema/territories.ts';

/** Which exchanges a dashboard counts: one network, Paris days both included, maybe one département. */
export type ImpactScope = {
  networkId: string;
  from: string;
  to: string;
  territory: string | null;
  substitutionRatePercent: number;
};

/**
 * Handed-over exchanges, whatever network: item loans picked up, returned or closed, services done
 * or closed, with their first Paris day. Cancelled, declined, expired and still-to-come ones never
 * count. Archived listings, suspended structures and erased people do not matter: a loan stays.
 */
const handedOver = sql`
  select b.id, b.kind, b.lender_organisation_id, b.borrower_organisation_id, b.created_at, b.service_id,
    b.start_date, b.end_date,
    coalesce(b.start_date, (b.starts_at at time zone 'Europe/Paris')::date) as first_day
  from bookings b
  where (b.kind = 'item' and b.status in ('picked_up', 'returned', 'closed'))
     or (b.kind = 'service' and b.status in ('done', 'closed'))`;

/**
 * One row per item line and per service of the exchanges the scope counts: those whose lender
 * belongs to the network and whose first day is in the period; the territory is the item's (the
 * service's), else the lender's. `first_exchange`: no earlier handed-over exchange between the two
 * structures, either way round, in any network (earlier: by first day, then by creation).
 */
function countedLines(scope: ImpactScope): SQL {
  const territoryFilter = scope.territory
    ? sql`and coalesce(i.territory_code, s.territory_code, lender.territory_code) = ${scope.territory}`
    : sql``;
  return sql`
    with handed as (${handedOver}),
    counted as (
      select h.* from handed h
      join organisation_networks lender_in
        on lender_in.organisation_id = h.lender_organisation_id and lender_in.network_id = ${scope.networkId}
      where h.first_day between ${scope.from}::date and ${scope.to}::date
    ),
    lines as (
      select c.id as booking_id, c.kind, c.lender_organisation_id as lender_id,
        c.borrower_organisation_id as borrower_id, c.first_day,
        coalesce(bl.quantity, 0) as units,
        coalesce(bl.quantity * (c.end_date - c.start_date + 1), 0) as unit_days,
        coalesce(bl.quantity::bigint * i.replacement_value_cents, 0) as value_cents,
        i.category_id,
        coalesce(own.kg_co2e_per_item, family.kg_co2e_per_item) as factor,
        case when own.category_id is not null then own.category_id else family.category_id end as factor_category_id,
        coalesce(own.source, family.source) as factor_source,
        coalesce(own.estimated, family.estimated) as factor_estimated,
        not exists (
          select 1 from handed earlier
          where ((earlier.lender_organisation_id = c.lender_organisation_id
                  and earlier.borrower_organisation_id = c.borrower_organisation_id)
              or (earlier.lender_organisation_id = c.borrower_organisation_id
                  and earlier.borrower_organisation_id = c.lender_organisation_id))
            and (earlier.first_day, earlier.created_at, earlier.id) < (c.first_day, c.created_at, c.id)
        ) as first_exchange
      from counted c
      join organisations lender on lender.id = c.lender_organisation_id
      left join booking_lines bl on c.kind = 'item' and bl.booking_id = c.id
      left join items i on i.id = bl.item_id
      left join services s on s.id = c.service_id
      left join categories cat on cat.id = i.category_id
      left join impact_factors own on own.network_id = ${scope.networkId} and own.category_id = i.category_id
      left join impact_factors family on family.network_id = ${scope.networkId} and family.category_id = cat.parent_id
      where (c.kind = 'service' or bl.id is not null) ${territoryFilter}
    )`;
}

/** Σ units × factor × rate, rounded to 0.1 kg once, at the end. */
const avoidedKg = (rate: number, filter: SQL = sql`true`) =>
  sql`round(coalesce(sum(units * factor) filter (where ${filter}), 0) * ${rate} / 100.0, 1)::text`;
/** Σ units × replacement value × rate, in whole cents. */
const avoidedCents = (rate: number) => sql`round(coalesce(sum(value_cents), 0) * ${rate} / 100.0)::text`;

type Numeric = string;

export async function selectTotals(db: Database, scope: ImpactScope) {
  const rate = scope.substitutionRatePercent;
  const [row] = rowsOf<{
    loans: number;
    services: number;
    days_of_use: Numeric;
    units_lent: Numeric;
    lending: number;
    borrowing: number;
    active: number;
    exchanges: number;
    first_exchanges: number;
    replacement_value_cents: Numeric;
    purchases_avoided_cents: Numeric;
    co2e_avoided_kg: Numeric;
    units_without_factor: Numeric;
  }>(
    await db.execute(sql`${countedLines(scope)}
      select
        (count(distinct booking_id) filter (where kind = 'item'))::int as loans,
        (count(distinct booking_id) filter (where kind = 'service'))::int as services,
        coalesce(sum(unit_days), 0)::text as days_of_use,
        coalesce(sum(units), 0)::text as units_lent,
        count(distinct lender_id)::int as lending,
        count(distinct borrower_id)::int as borrowing,
        (select count(*) from (select lender_id from lines union select borrower_id from lines) structures)::int as active,
        count(distinct booking_id)::int as exchanges,
        (count(distinct booking_id) filter (where first_exchange))::int as first_exchanges,
        coalesce(sum(value_cents), 0)::text as replacement_value_cents,
        ${avoidedCents(rate)} as purchases_avoided_cents,
        ${avoidedKg(rate)} as co2e_avoided_kg,
        coalesce(sum(units) filter (where kind = 'item' and factor is null), 0)::text as units_without_factor
      from lines`),
  );
  return row!;
}

export async function selectMonths(db: Database, scope: ImpactScope) {
  const rate = scope.substitutionRatePercent;
  return rowsOf<{
    month: string;
    loans: number;
    services: number;
    units_lent: Numeric;
    purchases_avoided_cents: Numeric;
    co2e_avoided_kg: Numeric;
  }>(
    await db.execute(sql`${countedLines(scope)}
      select to_char(first_day, 'YYYY-MM') as month,
        (count(distinct booking_id) filter (where kind = 'item'))::int as loans,
        (count(distinct booking_id) filter (where kind = 'service'))::int as services,
        coalesce(sum(units), 0)::text as units_lent,
        ${avoidedCents(rate)} as purchases_avoided_cents,
        ${avoidedKg(rate)} as co2e_avoided_kg
      from lines group by 1 order by 1`),
  );
}

export async function selectCategoryFigures(db: Database, scope: ImpactScope) {
  const rate = scope.substitutionRatePercent;
  return rowsOf<{
    category_id: string;
    loans: number;
    units_lent: Numeric;
    replacement_value_cents: Numeric;
    factor: Numeric | null;
    factor_category_id: string | null;
    factor_source: string | null;
    factor_estimated: boolean | null;
    co2e_avoided_kg: Numeric | null;
  }>(
    await db.execute(sql`${countedLines(scope)}
      select category_id,
        count(distinct booking_id)::int as loans,
        sum(units)::text as units_lent,
        sum(value_cents)::text as replacement_value_cents,
        min(factor)::text as factor,
        min(factor_category_id) as factor_category_id,
        min(factor_source) as factor_source,
        bool_or(factor_estimated) as factor_estimated,
        case when min(factor) is null then null else ${avoidedKg(rate)} end as co2e_avoided_kg
      from lines where kind = 'item'
      group by category_id`),
  );
}

export async function selectReciprocity(db: Database, scope: ImpactScope) {
  return rowsOf<{
    organisation_id: string;
    name: string;
    member_of_network: boolean;
    lent_loans: number;
    lent_services: number;
    lent_days: Numeric;
    lent_value_cents: Numeric;
    borrowed_loans: number;
    borrowed_services: number;
    borrowed_days: Numeric;
    borrowed_value_cents: Numeric;
  }>(
    await db.execute(sql`${countedLines(scope)},
      sides as (
        select lender_id as organisation_id, 'lent' as side, booking_id, kind, unit_days, value_cents from lines
        union all
        select borrower_id as organisation_id, 'borrowed' as side, booking_id, kind, unit_days, value_cents from lines
      )
      select sides.organisation_id, o.name,
        exists (select 1 from organisation_networks n
                where n.organisation_id = sides.organisation_id and n.network_id = ${scope.networkId}) as member_of_network,
        (count(distinct sides.booking_id) filter (where sides.side = 'lent' and sides.kind = 'item'))::int as lent_loans,
        (count(distinct sides.booking_id) filter (where sides.side = 'lent' and sides.kind = 'service'))::int as lent_services,
        coalesce(sum(sides.unit_days) filter (where sides.side = 'lent'), 0)::text as lent_days,
        coalesce(sum(sides.value_cents) filter (where sides.side = 'lent'), 0)::text as lent_value_cents,
        (count(distinct sides.booking_id) filter (where sides.side = 'borrowed' and sides.kind = 'item'))::int as borrowed_loans,
        (count(distinct sides.booking_id) filter (where sides.side = 'borrowed' and sides.kind = 'service'))::int as borrowed_services,
        coalesce(sum(sides.unit_days) filter (where sides.side = 'borrowed'), 0)::text as borrowed_days,
        coalesce(sum(sides.value_cents) filter (where sides.side = 'borrowed'), 0)::text as borrowed_value_cents
      from sides join organisations o on o.id = sides.organisation_id
      group by sides.organisation_id, o.name`),
  );
}

/** Structures whose membership of the network began in the period (Paris days), approved or suspended since. */
export async function countNewMembers(db: Database, scope: ImpactScope): Promise<number> {
  const territoryFilter = scope.territory ? sql`and o.territory_code = ${scope.territory}` : sql``;
  const [row] = rowsOf<{ count: number }>(
    await db.execute(sql`
      select count(*)::int as count
      from organisation_networks n join organisations o on o.id = n.organisation_id
      where n.network_id = ${scope.networkId}
        and o.status in ('active', 'suspended')
        and (n.joined_at at time zone 'Europe/Paris')::date between ${scope.from}::date and ${scope.to}::date
        ${territoryFilter}`),
  );
  return row!.count;
}

export async function selectNetwork(db: Database, networkId: string) {
  const [row] = await db
    .select({
      id: networks.id,
      slug: networks.slug,
      name: networks.name,
      substitutionRatePercent: networks.substitutionRatePercent,
    })
    .from(networks)
    .where(eq(networks.id, networkId));
  return row;
}

/** The network's départements (its own list, and those where its structures are). */
export async function selectNetworkTerritories(db: Database, networkId: string) {
  const listed = db
    .select({ code: networkTerritories.territoryCode })
    .from(networkTerritories)
    .where(eq(networkTerritories.networkId, networkId));
  const ofStructures = db
    .select({ code: organisations.territoryCode })
    .from(organisations)
    .innerJoin(organisationNetworks, eq(organisationNetworks.organisationId, organisations.id))
    .where(eq(organisationNetworks.networkId, networkId));
  return db
    .select({ code: territories.code, name: territories.name })
    .from(territories)
    .where(sql`${territories.code} in (${listed} union ${ofStructures})`)
    .orderBy(asc(territories.code));
}

export async function selectTerritory(db: Database, code: string) {
  const [row] = await db
    .select({ code: territories.code, name: territories.name })
    .from(territories)
    .where(eq(territories.code, code));
  return row;
}

export async function selectAllCategories(db: Database) {
  return db
    .select({ id: categories.id, parentId: categories.parentId, nameFr: categories.nameFr, nameEn: categories.nameEn })
    .from(categories)
    .orderBy(
      sql`coalesce((select p.position from ${categories} p where p.id = ${categories.parentId}), ${categories.position})`,
      sql`${categories.parentId} is not null`,
      asc(categories.position),
    );
}

export async function selectFactors(db: Database, networkId: string) {
  return db
    .select({
      categoryId: impactFactors.categoryId,
      kgCo2ePerItem: impactFactors.kgCo2ePerItem,
      source: impactFactors.source,
      estimated: impactFactors.estimated,
      updatedAt: impactFactors.updatedAt,
    })
    .from(impactFactors)
    .where(eq(impactFactors.networkId, networkId));
}

/** The factor row, locked for an edit (none yet: nothing to lock, the upsert's key decides). */
export async function selectFactorForUpdate(db: Database, networkId: string, categoryId: string) {
  const [row] = await db
    .select({
      kgCo2ePerItem: impactFactors.kgCo2ePerItem,
      source: impactFactors.source,
      estimated: impactFactors.estimated,
      updatedAt: impactFactors.updatedAt,
    })
    .from(impactFactors)
    .where(and(eq(impactFactors.networkId, networkId), eq(impactFactors.categoryId, categoryId)))
    .for('update');
  return row;
}

export async function upsertFactor(
  db: Database,
  row: { networkId: string; categoryId: string; kgCo2ePerItem: number; source: string; estimated: boolean },
  userId: string,
) {
  const [saved] = await db
    .insert(impactFactors)
    .values({ ...row, updatedBy: userId, updatedAt: new Date() })
    .onConflictDoUpdate({
      target: [impactFactors.networkId, impactFactors.categoryId],
      set: {
        kgCo2ePerItem: row.kgCo2ePerItem,
        source: row.source,
        estimated: row.estimated,
        updatedBy: userId,
        updatedAt: new Date(),
      },
    })
    .returning({ updatedAt: impactFactors.updatedAt, kgCo2ePerItem: impactFactors.kgCo2ePerItem });
  return saved!;
}

export async function selectRateForUpdate(db: Database, networkId: string) {
  const [row] = await db
    .select({ substitutionRatePercent: networks.substitutionRatePercent })
    .from(networks)
    .where(eq(networks.id, networkId))
    .for('update');
  return row;
}

export async function updateRate(db: Database, networkId: string, substitutionRatePercent: number) {
  await db.update(networks).set({ substitutionRatePercent }).where(eq(networks.id, networkId));
}

export async function categoryExists(db: Database, categoryId: string): Promise<boolean> {
  const rows = await db
    .select({ id: categories.id })
    .from(categories)
    .where(inArray(categories.id, [categoryId]));
  return rows.length > 0;
}
