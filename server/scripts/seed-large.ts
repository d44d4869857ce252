// `pnpm seed:large`: the benchmark dataset — 2 000 structures and 100 000 items — in the configured
// database (DATABASE_URL, else the embedded one in DATA_DIR), written by a few set-based SQL statements.
// `pnpm seed:large --reset` removes it first. Sizes: SEED_LARGE_ORGANISATIONS, SEED_LARGE_ITEMS.
import { sql } from 'drizzle-orm';
import { loadConfig } from '../src/config.ts';
import { connectDatabase, rowsOf } from '../src/db/client.ts';
import { demoItems } from '../src/db/seed/demo-catalogue.ts';
import { seedReferenceData } from '../src/db/seed/seed.ts';
import { migrateDatabase } from '../src/migrate.ts';

const organisationCount = Number(process.env.SEED_LARGE_ORGANISATIONS ?? 2000);
const itemCount = Number(process.env.SEED_LARGE_ITEMS ?? 100_000);
const networkSlug = 'reseau-de-charge';

const config = loadConfig(process.env);
const connection = await connectDatabase(config.database);
const { db } = connection;
const started = Date.now();
const step = (label: string) => console.log(`${((Date.now() - started) / 1000).toFixed(1).padStart(6)} s  ${label}`);

await connection.exclusively(async () => {
  await migrateDatabase(connection);
  await seedReferenceData(db);
});

if (process.argv.includes('--reset')) {
  await db.execute(sql`delete from organisations where id in (
    select organisation_id from organisation_networks join networks n on n.id = network_id where n.slug = ${networkSlug})`);
  await db.execute(sql`delete from networks where slug = ${networkSlug}`);
  step('previous benchmark data removed');
}

const existing = await db.execute(sql`select 1 from networks where slug = ${networkSlug}`);
if (rowsOf(existing).length > 0) {
  console.log('The benchmark dataset is already there (pnpm seed:large --reset to make it again).');
  await connection.close();
  process.exit(0);
}

await db.execute(sql`insert into networks (slug, name, description)
  values (${networkSlug}, 'Réseau de charge', 'Données de mesure des performances (pnpm seed:large)')`);

// Structures spread over the seeded communes, a few km around each; one in fifty suspended.
await db.execute(sql`
  insert into organisations (name, kind, status, city, postcode, territory_code, commune_insee_code, latitude, longitude, reviewed_at)
  select 'Structure de charge ' || g,
         (array['association','cooperative','collectivite','entreprise','individuel'])[1 + g % 5]::organisation_kind,
         (case when g % 50 = 0 then 'suspended' else 'active' end)::organisation_status,
         c.name, c.postcode, c.territory_code, c.insee_code,
         c.latitude + (random() - 0.5) * 0.15, c.longitude + (random() - 0.5) * 0.2, now()
  from generate_series(1, ${organisationCount}) g
  join (select *, row_number() over (order by insee_code) - 1 as position, count(*) over () as total from communes) c
    on c.position = g % c.total`);
await db.execute(sql`
  insert into organisation_networks (organisation_id, network_id)
  select o.id, n.id from organisations o, networks n where n.slug = ${networkSlug} and o.name like 'Structure de charge %'`);
step(`${organisationCount} structures`);

// Items made from the demo catalogue's titles and descriptions, with varied statuses, visibility and ages.
const templates = JSON.stringify(
  demoItems.map((item, index) => ({
    n: index,
    title: item.title,
    category: item.category,
    description: item.description,
  })),
);
const batch = 20_000;
for (let from = 1; from <= itemCount; from += batch) {
  const to = Math.min(from + batch - 1, itemCount);
  await db.execute(sql`
    with owners as (
      select id, city, postcode, territory_code, latitude, longitude, row_number() over (order by id) - 1 as position
      from organisations where name like 'Structure de charge %'
    ), templates as (
      select * from json_to_recordset(${templates}::json) as t(n int, title text, category text, description text)
    )
    insert into items (organisation_id, title, description, category_id, quantity, condition, replacement_value_cents,
                       pickup_city, pickup_postcode, territory_code, latitude, longitude, visibility, status, created_at, updated_at)
    select o.id, t.title || ' n° ' || g, t.description, t.category, 1 + g % 6,
           (array['new','very_good','good','worn'])[1 + g % 4]::item_condition, (20 + g % 980) * 100,
           o.city, o.postcode, o.territory_code, o.latitude, o.longitude,
           (case when g % 11 = 0 then 'networks' else 'all' end)::listing_visibility,
           (case when g % 13 = 0 then 'draft' when g % 29 = 0 then 'archived' else 'published' end)::listing_status,
           now() - (g % 50000) * interval '13 minutes', now()
    from generate_series(${from}::int, ${to}::int) g
    join owners o on o.position = g % ${organisationCount}
    join templates t on t.n = g % ${demoItems.length}`);
  step(`${to} items`);
}
await db.execute(sql`analyze`);
step('analyze');
await connection.close();
