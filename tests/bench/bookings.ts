// `pnpm bench:bookings`: availability, search by dates and accepting loans under load, beside a bare
// `SELECT 1` route through the same pool. Needs a real PostgreSQL in DATABASE_URL (refuses PGlite).
// 1. Makes sure the large dataset is there (server/scripts/seed-large.ts: 2 000 structures, 100 000
//    items), then adds 1 000 000 past and future loans with set-based SQL (once: skipped when
//    bookings already hold a million rows), then ANALYZE.
// 2. Starts the server as search.ts does (a child process, SEED=none) and measures, with 20 autocannon
//    clients like search.ts: an item's 90-day calendar, the search by dates (with and without words),
//    the bare route; then a burst of accepts over few items (quantity 2, overlapping dates), 20 at
//    once, and checks in SQL that no unit was over-committed.
// Knobs: BENCH_PORT (3991), BENCH_SECONDS (15), BENCH_CONNECTIONS (20), BENCH_ACCEPTS (400),
// BENCH_ACCEPT_ITEMS (20), BENCH_ACCEPT_CONCURRENCY (20), BENCH_SEED (1).
import { spawn, spawnSync } from 'node:child_process';
import { randomBytes } from 'node:crypto';
import { mkdtempSync, rmSync } from 'node:fs';
import { availableParallelism, loadavg, tmpdir } from 'node:os';
import { join } from 'node:path';
import autocannon from 'autocannon';
import { hashPassword } from '../../server/src/auth/passwords.ts';
import { connectDatabase, type Database, rowsOf } from '../../server/src/db/client.ts';
import { addDays, parisToday } from '../../server/src/domain/calendar-days.ts';

const databaseUrl = process.env.DATABASE_URL;
if (!databaseUrl) {
  console.error(
    'pnpm bench:bookings measures PostgreSQL: set DATABASE_URL=postgres://… (the embedded PGlite has one connection,\n' +
      'so concurrent accepts and latency under load mean nothing there). Nothing was run.',
  );
  process.exit(1);
}

const port = Number(process.env.BENCH_PORT ?? 3991);
const seconds = Number(process.env.BENCH_SECONDS ?? 15);
const connections = Number(process.env.BENCH_CONNECTIONS ?? 20);
const acceptCount = Number(process.env.BENCH_ACCEPTS ?? 400);
const acceptItems = Number(process.env.BENCH_ACCEPT_ITEMS ?? 20);
const acceptConcurrency = Number(process.env.BENCH_ACCEPT_CONCURRENCY ?? 20);
const loanTarget = 1_000_000;
const loanMarker = 'pnpm bench:bookings';
const base = `http://127.0.0.1:${port}`;
const ownDataDir = !process.env.DATA_DIR;
const dataDir = process.env.DATA_DIR ?? mkdtempSync(join(tmpdir(), 'mutua-bench-'));
const jwtSecret = process.env.JWT_SECRET ?? randomBytes(32).toString('base64url');
const today = parisToday();

/** Deterministic pseudo-random numbers (mulberry32): two runs pick the same items and windows. */
let seed = Number(process.env.BENCH_SEED ?? 1) >>> 0;
function random() {
  seed = (seed + 0x6d2b79f5) >>> 0;
  let t = seed;
  t = Math.imul(t ^ (t >>> 15), t | 1);
  t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
  return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
}
const randomInt = (below: number) => Math.floor(random() * below);

const seconds1 = (since: number) => `${((Date.now() - since) / 1000).toFixed(1).padStart(6)} s`;
const literal = (value: string) => `'${value.replaceAll("'", "''")}'`;

async function query<Row>(db: Database, text: string): Promise<Row[]> {
  return rowsOf<Row>(await db.execute(text));
}

// ── 1. Data ────────────────────────────────────────────────────────────────────────────────────

/** The seeder of `pnpm seed:large`, run as it is (importing it would run it and may exit the process). */
function ensureLargeDataset() {
  const started = Date.now();
  console.log('▶ Large dataset (server/scripts/seed-large.ts)');
  const result = spawnSync(process.execPath, ['--import', 'tsx', 'server/scripts/seed-large.ts'], {
    stdio: 'inherit',
    env: { ...process.env, DATA_DIR: dataDir, JWT_SECRET: jwtSecret, LOG_LEVEL: 'warn' },
  });
  if (result.status !== 0) throw new Error(`seed-large.ts failed (exit ${result.status})`);
  console.log(`${seconds1(started)}  large dataset ready`);
}

/**
 * A million loans of the large dataset's published items: one line each, lent by the item's
 * structure to another one, from a year ago to six months ahead (Paris days). Each item's time is
 * cut into slots of ~45 days and each loan lives inside its own slot (with a few days to spare),
 * so the units that accepted and picked-up loans hold never overlap: the exclusion constraint and
 * the unit guard trigger accept every row. Statuses follow the dates: past loans are mostly
 * closed or returned (a few still out: overdue), current ones picked up, future ones accepted or
 * requested; declined and cancelled everywhere. No booking_events: no measured route reads them.
 */
async function ensureLoans(db: Database): Promise<string> {
  const [{ total }] = (await query<{ total: number }>(db, `select count(*)::int as total from bookings`)) as [
    { total: number },
  ];
  if (total >= loanTarget) {
    console.log(`▶ Loans: ${total.toLocaleString('fr-FR')} bookings already there, nothing added`);
    return 'already there';
  }
  const [{ done }] = (await query<{ done: number }>(
    db,
    `select count(*)::int as done from bookings where message = ${literal(loanMarker)}`,
  )) as [{ done: number }];
  const wanted = loanTarget - done;
  console.log(`▶ Loans: adding ${wanted.toLocaleString('fr-FR')} (set-based SQL, one transaction)`);
  const started = Date.now();
  await db.transaction(async (tx) => {
    await tx.execute(`
      create temp table bench_lenders on commit drop as
      select i.id as item_id, i.organisation_id, i.quantity, i.buffer_days, (row_number() over (order by i.id) - 1)::int as position
      from items i join organisations o on o.id = i.organisation_id
      where i.status = 'published' and o.status = 'active' and o.name like 'Structure de charge %'`);
    await tx.execute(`
      create temp table bench_borrowers on commit drop as
      select id, (row_number() over (order by id) - 1)::int as position
      from organisations where status = 'active' and name like 'Structure de charge %'`);
    const [{ items }] = (await query<{ items: number }>(tx, `select count(*)::int as items from bench_lenders`)) as [
      { items: number },
    ];
    if (items === 0) throw new Error('no published item of the large dataset: run pnpm seed:large --reset');
    // n numbers the loans: item n % items, slot n / items; h is a hash of n that picks the rest.
    await tx.execute(`
      create temp table bench_plan on commit drop as
      with dims as (
        select ${items} as n_items, (select count(*) from bench_borrowers)::int as n_orgs,
               (now() at time zone 'Europe/Paris')::date as today,
               greatest(10, 545 / ceil(${loanTarget}::numeric / ${items})::int) as segment
      ), shaped as (
        select g as n, d.*, g % d.n_items as item_position, g / d.n_items as slot,
               ((g::bigint * 2654435761) % 1000003)::int as h
        from dims d, generate_series(${done}, ${loanTarget - 1}) g
      ), dated as (
        select s.*, l.item_id, l.organisation_id as lender_id, l.quantity as item_quantity, l.buffer_days,
               1 + s.h % 7 as days,
               s.today - 365 + s.slot * s.segment + (s.h / 7) % greatest(1, s.segment - (1 + s.h % 7) - l.buffer_days - 4) as start_date
        from shaped s join bench_lenders l on l.position = s.item_position
      )
      select d.n, gen_random_uuid() as booking_id, gen_random_uuid() as line_id, d.item_id, d.lender_id,
             case when b1.id = d.lender_id then b2.id else b1.id end as borrower_id,
             d.start_date, d.start_date + d.days - 1 as end_date, d.buffer_days, d.h,
             1 + (d.h / 13) % least(d.item_quantity, 3) as quantity,
             (case
                when d.start_date + d.days - 1 < d.today then (case when d.h % 100 < 55 then 'closed' when d.h % 100 < 75 then 'returned'
                  when d.h % 100 < 87 then 'declined' when d.h % 100 < 98 then 'cancelled' else 'picked_up' end)
                when d.start_date <= d.today then (case when d.h % 100 < 80 then 'picked_up' when d.h % 100 < 92 then 'accepted' else 'cancelled' end)
                else (case when d.h % 100 < 45 then 'accepted' when d.h % 100 < 75 then 'requested' when d.h % 100 < 88 then 'cancelled' else 'declined' end)
              end)::booking_status as status
      from dated d
      join bench_borrowers b1 on b1.position = (d.n::bigint * 7919) % d.n_orgs
      join bench_borrowers b2 on b2.position = (d.n::bigint * 7919 + 1) % d.n_orgs`);
    console.log(
      `${seconds1(started)}  plan of ${wanted.toLocaleString('fr-FR')} loans over ${items.toLocaleString('fr-FR')} items`,
    );
    await tx.execute(`
      insert into bookings (id, kind, lender_organisation_id, borrower_organisation_id, status, start_date, end_date, message, answer,
                            cancel_reason, return_condition, expires_at, revision, created_at, updated_at)
      select booking_id, 'item', lender_id, borrower_id, status, start_date, end_date, ${literal(loanMarker)},
             case when status = 'declined' then 'Pas disponible à ces dates.'
                  when status in ('accepted', 'picked_up', 'returned', 'closed') and h % 3 = 0 then 'Avec plaisir !' end,
             case when status = 'cancelled' then 'Nous n’en avons plus besoin.' end,
             (case when status in ('returned', 'closed') then (case h % 20 when 0 then 'worn' when 1 then 'damaged' else 'as_lent' end) end)::return_condition,
             case when status = 'requested' then least(now() + interval '7 days', (start_date + 1)::timestamp at time zone 'Europe/Paris') end,
             case status when 'requested' then 0 when 'accepted' then 1 when 'declined' then 1 when 'cancelled' then 2
                         when 'picked_up' then 2 when 'returned' then 3 else 4 end,
             least(now() - interval '1 hour', (start_date - (3 + h % 30) + time '09:00' + (h % 480) * interval '1 minute') at time zone 'Europe/Paris'),
             least(now() - interval '1 hour', (start_date - 1 + time '18:00') at time zone 'Europe/Paris')
      from bench_plan`);
    console.log(`${seconds1(started)}  bookings`);
    await tx.execute(`
      insert into booking_lines (id, booking_id, lender_organisation_id, item_id, quantity)
      select line_id, booking_id, lender_id, item_id, quantity from bench_plan`);
    console.log(`${seconds1(started)}  booking_lines`);
    await tx.execute(`
      insert into booking_units (line_id, item_id, unit_number, held_from, held_until)
      select p.line_id, p.item_id, u, p.start_date, p.end_date + 1 + p.buffer_days
      from bench_plan p, generate_series(1, p.quantity) u
      where p.status in ('accepted', 'picked_up')`);
    console.log(`${seconds1(started)}  booking_units (accepted and picked-up loans)`);
  });
  await db.execute('analyze');
  const took = seconds1(started).trim();
  console.log(`${seconds1(started)}  analyze — ${wanted.toLocaleString('fr-FR')} loans in ${took}`);
  return took;
}

// ── 2. Load ────────────────────────────────────────────────────────────────────────────────────

type Measure = {
  name: string;
  samples: number[];
  seconds: number;
  errors: number;
  clients: number;
  target?: { p95: number };
};

function percentile(sorted: number[], p: number) {
  if (sorted.length === 0) return NaN;
  return sorted[Math.min(sorted.length - 1, Math.ceil((p / 100) * sorted.length) - 1)]!;
}

/** autocannon on a list of paths, keeping every response time (exact p95, not interpolated). */
function load(
  name: string,
  paths: string[],
  options: { clients?: number; duration?: number; target?: { p95: number } } = {},
): Promise<Measure> {
  const clients = options.clients ?? connections;
  const duration = options.duration ?? seconds;
  const samples: number[] = [];
  let errors = 0;
  let next = 0;
  return new Promise((resolve, reject) => {
    const instance = autocannon(
      {
        url: base,
        connections: clients,
        duration,
        requests: [{ setupRequest: (request) => ({ ...request, path: paths[next++ % paths.length]! }) }],
        title: name,
      },
      (error, result) => {
        if (error) return reject(error);
        resolve({
          name,
          samples: samples.sort((a, b) => a - b),
          seconds: (result.finish.getTime() - result.start.getTime()) / 1000,
          errors: errors + result.errors,
          clients,
          target: options.target,
        });
      },
    );
    instance.on('response', (_client, statusCode, _bytes, responseTime) => {
      if (statusCode >= 200 && statusCode < 300) samples.push(responseTime);
      else errors++;
    });
  });
}

function measureRow(measure: Measure) {
  const p95 = percentile(measure.samples, 95);
  const target = measure.target ? `≤ ${measure.target.p95} ms ${p95 <= measure.target.p95 ? '✓' : '✗ missed'}` : '';
  return [
    measure.name.padEnd(44),
    percentile(measure.samples, 50).toFixed(1).padStart(7),
    p95.toFixed(1).padStart(7),
    percentile(measure.samples, 99).toFixed(1).padStart(7),
    (measure.samples.length / measure.seconds).toFixed(0).padStart(7),
    String(measure.errors).padStart(6),
    `  ${target}`,
  ].join(' ');
}

async function waitForHealth(deadline: number, exited: () => string | null) {
  while (Date.now() < deadline) {
    const exit = exited();
    if (exit) throw new Error(`the server stopped before answering: ${exit}`);
    try {
      if ((await fetch(`${base}/api/health`)).ok) return;
    } catch {
      // not listening yet
    }
    await new Promise((resolve) => setTimeout(resolve, 300));
  }
  throw new Error('the server did not answer /api/health in time');
}

/** Runs `task` over `inputs`, `concurrency` at a time. */
async function pool<Input, Output>(
  inputs: Input[],
  concurrency: number,
  task: (input: Input) => Promise<Output>,
): Promise<Output[]> {
  const outputs: Output[] = new Array(inputs.length);
  let next = 0;
  await Promise.all(
    Array.from({ length: Math.min(concurrency, inputs.length) }, async () => {
      while (next < inputs.length) {
        const index = next++;
        outputs[index] = await task(inputs[index]!);
      }
    }),
  );
  return outputs;
}

type Answer = { status: number; code: string | null; ms: number; body: unknown };

async function call(
  method: 'GET' | 'POST',
  path: string,
  headers: Record<string, string>,
  body?: unknown,
): Promise<Answer> {
  const started = performance.now();
  const response = await fetch(base + path, {
    method,
    headers: { ...headers, ...(body === undefined ? {} : { 'content-type': 'application/json' }) },
    body: body === undefined ? undefined : JSON.stringify(body),
  });
  const json = (await response.json().catch(() => null)) as { error?: string } | null;
  return {
    status: response.status,
    code: response.ok ? null : (json?.error ?? null),
    ms: performance.now() - started,
    body: json,
  };
}

// ── 3. Accepts under contention ───────────────────────────────────────────────────────────────

const benchPrefix = 'Banc réservations';
const benchEmailDomain = 'banc-reservations.mutua.test';

/** Lenders (two items each, quantity 2) and borrowers, each with a manager; the previous run's are removed first. */
async function prepareContention(db: Database) {
  const like = literal(`${benchPrefix} %`);
  const lenderCount = Math.ceil(acceptItems / 2);
  const borrowerCount = 20;
  const passwordHash = await hashPassword('banc-de-mesure');
  await db.transaction(async (tx) => {
    const ours = `select id from organisations where name like ${like}`;
    await tx.execute(
      `delete from bookings where lender_organisation_id in (${ours}) or borrower_organisation_id in (${ours})`,
    );
    await tx.execute(`delete from items where organisation_id in (${ours})`);
    await tx.execute(`delete from users where email like ${literal(`%@${benchEmailDomain}`)}`);
    await tx.execute(`delete from organisations where name like ${like}`);
    await tx.execute(`
      insert into organisations (name, kind, status, city, postcode, territory_code, latitude, longitude, reviewed_at)
      select ${literal(benchPrefix)} || ' ' || side || ' ' || lpad(g::text, 2, '0'), 'association', 'active', 'Lille', '59000', '59', 50.63, 3.06, now()
      from (select 'prêteur' as side, g from generate_series(1, ${lenderCount}) g
            union all select 'emprunteur', g from generate_series(1, ${borrowerCount}) g) s`);
    await tx.execute(`
      insert into organisation_networks (organisation_id, network_id)
      select o.id, n.id from organisations o, networks n where o.name like ${like} and n.slug = 'reseau-de-charge'`);
    await tx.execute(`
      insert into users (email, name, password_hash, email_verified_at)
      select lower(replace(replace(substr(name, ${benchPrefix.length + 2}), ' ', '-'), 'ê', 'e')) || ${literal(`@${benchEmailDomain}`)}, 'Gestion ' || name, ${literal(passwordHash)}, now()
      from organisations where name like ${like}`);
    await tx.execute(`
      insert into memberships (user_id, organisation_id, role, status)
      select u.id, o.id, 'manager', 'active' from organisations o
      join users u on u.email = lower(replace(replace(substr(o.name, ${benchPrefix.length + 2}), ' ', '-'), 'ê', 'e')) || ${literal(`@${benchEmailDomain}`)}
      where o.name like ${like}`);
    await tx.execute(`
      insert into items (organisation_id, title, description, category_id, quantity, pickup_city, pickup_postcode, territory_code,
                         latitude, longitude, visibility, status)
      select o.id, 'Matériel du banc de réservations ' || lpad(g::text, 2, '0'), 'Pour mesurer les acceptations simultanées.', 'outillage', 2,
             'Lille', '59000', '59', 50.63, 3.06, 'all', 'published'
      from generate_series(1, ${acceptItems}) g
      join organisations o on o.name = ${literal(`${benchPrefix} prêteur `)} || lpad((1 + (g - 1) / 2)::text, 2, '0')`);
  });
  const items = await query<{ id: string; email: string }>(
    db,
    `select i.id, u.email from items i join memberships m on m.organisation_id = i.organisation_id join users u on u.id = m.user_id
     where i.title like 'Matériel du banc de réservations %' order by i.title`,
  );
  const borrowers = await query<{ email: string }>(
    db,
    `select email from users where email like ${literal(`emprunteur-%@${benchEmailDomain}`)} order by email`,
  );
  return { items, borrowers: borrowers.map((row) => row.email) };
}

async function signIn(email: string) {
  const answer = await call('POST', '/api/auth/login', {}, { email, password: 'banc-de-mesure' });
  if (answer.status !== 200)
    throw new Error(`sign-in of ${email} failed: ${answer.status} ${JSON.stringify(answer.body)}`);
  return { authorization: `Bearer ${(answer.body as { token: string }).token}` };
}

async function contention(db: Database) {
  const setupStarted = Date.now();
  const { items, borrowers } = await prepareContention(db);
  const sessions = new Map<string, Record<string, string>>();
  for (const email of [...new Set([...items.map((item) => item.email), ...borrowers])])
    sessions.set(email, await signIn(email));

  // Requests: item k % items, 1 to 4 days starting 7 to 21 days ahead: about 20 per item, overlapping.
  const plans = Array.from({ length: acceptCount }, (_, k) => {
    const item = items[k % items.length]!;
    const startDate = addDays(today, 7 + randomInt(15));
    return {
      item,
      borrower: borrowers[(k + Math.floor(k / items.length)) % borrowers.length]!,
      startDate,
      endDate: addDays(startDate, randomInt(4)),
    };
  });
  const requestStarted = performance.now();
  const requested = await pool(plans, acceptConcurrency, async (plan) => {
    const answer = await call('POST', '/api/bookings', sessions.get(plan.borrower)!, {
      itemId: plan.item.id,
      quantity: 1,
      startDate: plan.startDate,
      endDate: plan.endDate,
    });
    return { ...answer, id: (answer.body as { id?: string } | null)?.id, lender: plan.item.email };
  });
  const requestSeconds = (performance.now() - requestStarted) / 1000;
  const created = requested.filter((answer) => answer.status === 201 && answer.id);
  console.log(
    `${seconds1(setupStarted)}  ${created.length}/${acceptCount} requests created (${(acceptCount / requestSeconds).toFixed(0)}/s, ${acceptConcurrency} at once)`,
  );

  // Accepts, in a shuffled order, `acceptConcurrency` at once, each by the item's lender.
  for (let index = created.length - 1; index > 0; index--) {
    const other = randomInt(index + 1);
    [created[index], created[other]] = [created[other]!, created[index]!];
  }
  const acceptStarted = performance.now();
  const accepts = await pool(created, acceptConcurrency, (request) =>
    call('POST', `/api/bookings/${request.id}/accept`, sessions.get(request.lender)!, {}),
  );
  const acceptSeconds = (performance.now() - acceptStarted) / 1000;

  const itemIds = items.map((item) => literal(item.id)).join(', ');
  const [overCommitted] = await query<{ days: number }>(
    db,
    `select count(*)::int as days from (
       select l.item_id, d.day from bookings b
       join booking_lines l on l.booking_id = b.id
       join items i on i.id = l.item_id
       cross join lateral generate_series(b.start_date, b.end_date + i.buffer_days, interval '1 day') d(day)
       where b.status in ('accepted', 'picked_up') and l.item_id in (${itemIds})
       group by l.item_id, d.day having sum(l.quantity) > max(i.quantity)) x`,
  );
  const [unitMismatch] = await query<{ lines: number }>(
    db,
    `select count(*)::int as lines from booking_lines l join bookings b on b.id = l.booking_id
     where l.item_id in (${itemIds})
       and (select count(*) from booking_units u where u.line_id = l.id) <> case when b.status in ('accepted', 'picked_up') then l.quantity else 0 end`,
  );
  const [unitsBeyondQuantity] = await query<{ units: number }>(
    db,
    `select count(*)::int as units from booking_units u join items i on i.id = u.item_id where u.unit_number > i.quantity`,
  );
  const statuses = await query<{ status: string; count: number }>(
    db,
    `select b.status, count(*)::int as count from bookings b join booking_lines l on l.booking_id = b.id where l.item_id in (${itemIds}) group by 1 order by 2 desc`,
  );
  return {
    requested,
    created: created.length,
    requestSeconds,
    accepts,
    acceptSeconds,
    overCommitted: overCommitted!.days,
    unitMismatch: unitMismatch!.lines,
    unitsBeyondQuantity: unitsBeyondQuantity!.units,
    statuses,
  };
}

// ── Run ───────────────────────────────────────────────────────────────────────────────────────

ensureLargeDataset();
const connection = await connectDatabase({ databaseUrl, poolSize: 2 });
const { db } = connection;
let server: ReturnType<typeof spawn> | undefined;
try {
  const loanTime = await ensureLoans(db);
  const [counts] = await query<{ bookings: number; units: number; items: number }>(
    db,
    `select (select count(*) from bookings)::int as bookings, (select count(*) from booking_units)::int as units, (select count(*) from items)::int as items`,
  );

  // Items (seen by anyone) with loans overlapping the next 90 days; 3-day windows in the next 5 months.
  const to90 = addDays(today, 90);
  const loaned = await query<{ id: string }>(
    db,
    `select distinct l.item_id as id from bookings b
     join booking_lines l on l.booking_id = b.id join items i on i.id = l.item_id join organisations o on o.id = i.organisation_id
     where b.message = ${literal(loanMarker)} and b.start_date <= '${to90}' and b.end_date >= '${today}'
       and i.status = 'published' and i.visibility = 'all' and o.status = 'active'`,
  );
  const availabilityPaths = Array.from(
    { length: 2000 },
    () => `/api/items/${loaned[randomInt(loaned.length)]!.id}/availability?from=${today}&to=${to90}`,
  );
  const windows = Array.from({ length: 300 }, () => {
    const from = addDays(today, 1 + randomInt(150));
    return `available_from=${from}&available_to=${addDays(from, 2)}&quantity=1`;
  });
  const datePaths = windows.map((window) => `/api/items?${window}`);
  const dateWordPaths = windows.map((window) => `/api/items?q=tonnelle&${window}`);

  let exit: string | null = null;
  server = spawn(process.execPath, ['--import', 'tsx', 'server/src/server.ts'], {
    env: {
      ...process.env,
      PORT: String(port),
      HOST: '127.0.0.1',
      SEED: 'none',
      LOG_LEVEL: 'warn',
      DATA_DIR: dataDir,
      JWT_SECRET: jwtSecret,
      LOGIN_RATE_LIMIT: '10000',
      THROTTLING: 'off',
    },
    stdio: ['ignore', 'ignore', 'inherit'],
  });
  server.on('exit', (code, signal) => (exit = `exit ${code ?? signal}`));
  await waitForHealth(Date.now() + 60_000, () => exit);

  const loadBefore = loadavg()[0]!;
  if (loadBefore > availableParallelism() * 0.75) {
    console.warn(
      `\n⚠ load average ${loadBefore.toFixed(1)} on ${availableParallelism()} cores before measuring: other processes share the machine, the numbers will be worse than they should.`,
    );
  }
  console.log(
    `\n▶ Load: ${loaned.length.toLocaleString('fr-FR')} items with loans in the next 90 days, ${windows.length} date windows; ${connections} connections, ${seconds} s each; warming up…`,
  );
  await load('warm-up', [...availabilityPaths.slice(0, 50), ...datePaths.slice(0, 50), ...dateWordPaths.slice(0, 50)], {
    duration: 5,
  });
  const measures = [
    await load(`availability 90 days, ${connections} clients`, availabilityPaths, { target: { p95: 15 } }),
    await load(`search by dates (3 days), ${connections} clients`, datePaths, { target: { p95: 50 } }),
    await load(`search dates + q=tonnelle, ${connections} clients`, dateWordPaths, { target: { p95: 50 } }),
    await load(`SELECT 1 (/api/health), ${connections} clients`, ['/api/health']),
    await load('availability 90 days, 1 client', availabilityPaths, { clients: 1 }),
    await load('search by dates, 1 client', datePaths, { clients: 1 }),
    await load('search dates + q=tonnelle, 1 client', dateWordPaths, { clients: 1 }),
  ];

  console.log(
    `\n▶ Accepts under contention: ${acceptCount} requests over ${acceptItems} items of quantity 2, ${acceptConcurrency} accepts at once`,
  );
  const burst = await contention(db);

  console.log(
    `\n═══ pnpm bench:bookings — ${today} (Paris) — ${counts!.bookings.toLocaleString('fr-FR')} bookings, ${counts!.units.toLocaleString('fr-FR')} held units, ${counts!.items.toLocaleString('fr-FR')} items`,
  );
  console.log(
    `loans seeded: ${loanTime}; ${availableParallelism()} cores, load average ${loadBefore.toFixed(1)} before the runs, ${loadavg()[0]!.toFixed(1)} after\n`,
  );
  console.log(`${'route'.padEnd(44)}  p50 ms  p95 ms  p99 ms   req/s errors   target (p95)`);
  for (const measure of measures) console.log(measureRow(measure));
  const [availability, byDates, , bare] = measures;
  console.log(
    `\nthroughput / SELECT 1: availability ${(availability!.samples.length / availability!.seconds / (bare!.samples.length / bare!.seconds)).toFixed(2)}, ` +
      `search by dates ${(byDates!.samples.length / byDates!.seconds / (bare!.samples.length / bare!.seconds)).toFixed(2)}`,
  );

  const byOutcome = new Map<string, number>();
  for (const answer of burst.accepts) {
    const key = answer.status === 200 ? '200' : `${answer.status} ${answer.code ?? ''}`.trim();
    byOutcome.set(key, (byOutcome.get(key) ?? 0) + 1);
  }
  const accepted = byOutcome.get('200') ?? 0;
  const acceptTimes = burst.accepts.map((answer) => answer.ms).sort((a, b) => a - b);
  const requestFailures = burst.requested.filter((answer) => answer.status !== 201);
  console.log(
    `\naccepts under contention (${burst.created} requests on ${acceptItems} items × 2 units, ${acceptConcurrency} at once)`,
  );
  console.log(
    `  requests created   ${burst.created}/${acceptCount} in ${burst.requestSeconds.toFixed(1)} s (${(acceptCount / burst.requestSeconds).toFixed(0)}/s)${requestFailures.length ? ` — refused: ${requestFailures.map((a) => `${a.status} ${a.code}`).join(', ')}` : ''}`,
  );
  console.log(`  accept answers     ${[...byOutcome].map(([key, count]) => `${key}: ${count}`).join(', ')}`);
  console.log(
    `  accept latency     p50 ${percentile(acceptTimes, 50).toFixed(1)} ms, p95 ${percentile(acceptTimes, 95).toFixed(1)} ms, p99 ${percentile(acceptTimes, 99).toFixed(1)} ms`,
  );
  console.log(
    `  throughput         ${(accepted / burst.acceptSeconds).toFixed(1)} accepts/s (200), ${(burst.accepts.length / burst.acceptSeconds).toFixed(1)} answers/s, over ${burst.acceptSeconds.toFixed(1)} s`,
  );
  console.log(`  statuses after     ${burst.statuses.map((row) => `${row.status} ${row.count}`).join(', ')}`);
  const unexpected = burst.accepts.filter((answer) => answer.status !== 200 && answer.status !== 409).length;
  const checks = [
    [`over-committed item-days (accepted loans × quantity > item quantity)`, burst.overCommitted],
    [`lines whose held units ≠ their quantity (or held while not accepted)`, burst.unitMismatch],
    [`units numbered beyond their item's quantity (whole database)`, burst.unitsBeyondQuantity],
    [`accept answers other than 200 / 409`, unexpected],
  ] as const;
  for (const [label, count] of checks) console.log(`  ${count === 0 ? '✓' : '✗'} ${label}: ${count}`);
  if (checks.some(([, count]) => count !== 0)) process.exitCode = 1;
} finally {
  server?.kill('SIGTERM');
  await connection.close();
  if (ownDataDir) rmSync(dataDir, { recursive: true, force: true });
}
