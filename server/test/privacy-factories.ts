import { randomInt } from 'node:crypto';
import { sql } from 'drizzle-orm';
import type { App } from '../src/app.ts';
import type { Database, DatabaseConnection } from '../src/db/client.ts';
import { networkRoles } from '../src/db/schema/memberships.ts';
import { charterReadings, networkCharters } from '../src/db/schema/networks.ts';
import {
  addMember,
  dayFromToday,
  makeBooking,
  makeItem,
  makeNetwork,
  makeNetworkAdmin,
  makeOrganisation,
  makeUser,
  moveBookingTo,
  testPassword,
  uniqueSuffix,
} from './factories.ts';

/** Signs in as a browser would, from an address and a browser of its own: what the session records. */
export async function signInFrom(app: App, email: string, device: { ipAddress: string; userAgent: string }) {
  const response = await app.inject({
    method: 'POST',
    url: '/api/auth/login',
    remoteAddress: device.ipAddress,
    headers: { 'user-agent': device.userAgent },
    payload: { email, password: testPassword },
  });
  if (response.statusCode !== 200) throw new Error(`sign-in failed for ${email}: ${response.body}`);
  return { authorization: `Bearer ${response.json<{ token: string }>().token}` };
}

/**
 * The person whose data is at stake (Léonie, manager of the borrowing structure S), a colleague
 * of hers in S (Bastien) and the lender's manager she talks to (Odile, of L), in network N with its
 * admin and moderator; a foreign network's admin. Léonie asked for a loan that Odile accepted,
 * both wrote, Bastien too; Léonie answered a need, reported a listing, read the charter and chose
 * an email preference. Every name and address carries a suffix, so that a search finds only these.
 */
export async function privacyScene(app: App, db: Database) {
  const suffix = uniqueSuffix();
  const network = await makeNetwork(db);
  const foreignNetwork = await makeNetwork(db);
  const admin = await makeNetworkAdmin(db, network.id);
  const foreignAdmin = await makeNetworkAdmin(db, foreignNetwork.id);
  const moderator = await makeUser(db, { name: `Modération ${suffix}` });
  await db.insert(networkRoles).values({ userId: moderator.id, networkId: network.id, role: 'moderator' });

  const borrowerStructure = await makeOrganisation(db, { networkId: network.id, name: `Ressourcerie S ${suffix}` });
  const lenderStructure = await makeOrganisation(db, { networkId: network.id, name: `Tiers-lieu L ${suffix}` });
  const person = await makeUser(db, {
    name: `Léonie Vasseur${suffix}`,
    email: `leonie.vasseur.${suffix}@exemple.fr`,
  });
  const colleague = await makeUser(db, {
    name: `Bastien Quéré${suffix}`,
    email: `bastien.quere.${suffix}@exemple.fr`,
  });
  const counterpart = await makeUser(db, {
    name: `Odile Carpentier${suffix}`,
    email: `odile.carpentier.${suffix}@exemple.fr`,
  });
  await addMember(db, person.id, borrowerStructure.id, 'manager');
  await addMember(db, colleague.id, borrowerStructure.id, 'member');
  await addMember(db, counterpart.id, lenderStructure.id, 'manager');

  const traces = {
    phone: `06 ${randomInt(10, 99)} ${randomInt(10, 99)} ${suffix.slice(0, 2)} ${randomInt(10, 99)}`,
    ipAddress: `203.0.113.${randomInt(1, 254)}`,
    userAgent: `NavigateurDeLeonie/${suffix}`,
  };
  const headers = {
    person: await signInFrom(app, person.email, { ipAddress: traces.ipAddress, userAgent: traces.userAgent }),
    colleague: await signInFrom(app, colleague.email, { ipAddress: '198.51.100.7', userAgent: `Autre/${suffix}` }),
    counterpart: await signInFrom(app, counterpart.email, { ipAddress: '198.51.100.8', userAgent: `Autre/${suffix}` }),
  };

  const item = await makeItem(db, { organisationId: lenderStructure.id, title: `Tonnelle 3x3 ${suffix}`, quantity: 4 });
  const loan = await makeBooking(app, headers.person, {
    itemId: item.id,
    startDate: dayFromToday(20),
    endDate: dayFromToday(22),
    quantity: 2,
    organisationId: borrowerStructure.id,
    message: `Bonjour, c’est ${person.name}, joignable au ${traces.phone}.`,
  });
  await moveBookingTo(app, headers.counterpart, loan.id, 'accept', { message: `Entendu, ${counterpart.name}.` });
  const wrote = async (who: Record<string, string>, body: string) => {
    const response = await app.inject({
      method: 'POST',
      url: `/api/bookings/${loan.id}/messages`,
      headers: who,
      payload: { body },
    });
    if (response.statusCode !== 201) throw new Error(`message failed: ${response.body}`);
  };
  await wrote(headers.person, `Merci ! Mon portable : ${traces.phone}, écrivez à ${person.email}.`);
  await wrote(headers.counterpart, `Retrait au 3 rue des Tilleuls, demandez ${counterpart.name}.`);
  await wrote(headers.colleague, `Je passerai aussi, ${colleague.name}.`);

  const [need] = await db
    .execute<{ id: string }>(
      sql`insert into needs (organisation_id, kind, title, visibility) values (${lenderStructure.id}, 'item', ${`Cherche des grilles ${suffix}`}, 'all') returning id`,
    )
    .then(rowsOf<{ id: string }>);
  await db.execute(
    sql`insert into need_responses (need_id, organisation_id, author_id, message) values (${need!.id}, ${borrowerStructure.id}, ${person.id}, ${`Nous en avons, appelez ${person.name}.`})`,
  );
  await db.execute(
    sql`insert into reports (target_type, target_id, organisation_id, network_ids, reporter_id, reporter_organisation_id, reason_code, text)
      values ('item', ${item.id}, ${lenderStructure.id}, ${sql.raw(`array['${network.id}']::uuid[]`)}, ${person.id}, ${borrowerStructure.id}, 'other', ${`Signalé par ${person.name}.`})`,
  );
  await db.insert(networkCharters).values({ networkId: network.id, version: 1, body: 'Utilité sociale.' });
  await db.insert(charterReadings).values({ userId: person.id, networkId: network.id, version: 1 });
  await db.execute(
    sql`insert into notification_preferences (user_id, kind, email) values (${person.id}, 'booking.message', 'digest')`,
  );

  return {
    suffix,
    network,
    foreignNetwork,
    admin,
    foreignAdmin,
    moderator,
    borrowerStructure,
    lenderStructure,
    person,
    colleague,
    counterpart,
    traces,
    headers,
    item,
    loan,
    need: need!,
  };
}

/** Rows of a raw query, whichever engine (PGlite answers { rows }, postgres-js an array). */
export function rowsOf<T>(result: unknown): T[] {
  return (Array.isArray(result) ? result : (result as { rows: T[] }).rows) as T[];
}

/**
 * Every text, varchar, json and jsonb column of every table of the database (pg-boss's
 * included), with the rows where one of `needles` appears, case aside. Read from
 * information_schema, so that a table added later is searched too.
 */
export async function findEverywhere(connection: DatabaseConnection, needles: string[]) {
  const { rows: columns } = (await connection.executeSql(
    `select table_schema, table_name, column_name from information_schema.columns
      join information_schema.tables using (table_schema, table_name)
      where table_type = 'BASE TABLE' and table_schema not in ('pg_catalog', 'information_schema')
        and (data_type in ('text', 'character varying', 'character', 'json', 'jsonb') or udt_name in ('_text', '_varchar'))
      order by table_schema, table_name, column_name`,
  )) as { rows: Array<{ table_schema: string; table_name: string; column_name: string }> };
  const lowered = needles.map((needle) => needle.toLowerCase());
  const found: string[] = [];
  for (const column of columns) {
    const where = lowered.map((_, index) => `strpos(lower("${column.column_name}"::text), $${index + 1}) > 0`);
    const { rows } = (await connection.executeSql(
      `select "${column.column_name}"::text as value from "${column.table_schema}"."${column.table_name}" where ${where.join(' or ')} limit 3`,
      lowered,
    )) as { rows: Array<{ value: string }> };
    for (const row of rows)
      found.push(`${column.table_schema}.${column.table_name}.${column.column_name}: ${row.value.slice(0, 200)}`);
  }
  return { found, columnsSearched: columns.length };
}

/** What the network's history counts, for the loans between S and L: equal before and after an erasure. */
export async function historyTotals(db: Database, organisationIds: string[]) {
  const ids = sql.raw(`array[${organisationIds.map((id) => `'${id}'`).join(', ')}]::uuid[]`);
  const [row] = rowsOf<Record<string, number>>(
    await db.execute(sql`select
      (select count(*)::int from bookings where borrower_organisation_id = any(${ids}) or lender_organisation_id = any(${ids})) as bookings,
      (select count(*)::int from booking_groups where borrower_organisation_id = any(${ids})) as baskets,
      (select count(*)::int from booking_lines where lender_organisation_id = any(${ids})) as lines,
      (select coalesce(sum(quantity), 0)::int from booking_lines where lender_organisation_id = any(${ids})) as units,
      (select coalesce(sum(l.quantity * (b.end_date - b.start_date + 1)), 0)::int from booking_lines l join bookings b on b.id = l.booking_id where b.lender_organisation_id = any(${ids})) as unit_days,
      (select count(*)::int from booking_units u join booking_lines l on l.id = u.line_id where l.lender_organisation_id = any(${ids})) as held_units,
      (select count(*)::int from booking_events e join bookings b on b.id = e.booking_id where b.lender_organisation_id = any(${ids})) as steps,
      (select count(*)::int from booking_messages m join bookings b on b.id = m.booking_id where b.lender_organisation_id = any(${ids})) as messages,
      (select count(*)::int from events e join bookings b on b.id = e.booking_id where b.lender_organisation_id = any(${ids})) as booking_events_recorded,
      (select count(*)::int from need_responses where organisation_id = any(${ids})) as need_responses,
      (select count(*)::int from reports where organisation_id = any(${ids})) as reports`),
  );
  return row!;
}
