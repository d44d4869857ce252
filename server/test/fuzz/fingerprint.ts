import type { DatabaseConnection } from '../../src/db/client.ts';

/**
 * Tables a refused request may write to, by design: attempts counted by the throttling (a wrong
 * password is a 401 that counts), and the moment a session was last seen (its count still may
 * not change: a 4xx neither opens nor ends a session).
 */
const bookkeeping: Record<string, 'ignored' | 'count only'> = {
  'public.throttles': 'ignored',
  'public.sessions': 'count only',
};

export type Fingerprint = Map<string, string>;

/**
 * A cheap fingerprint of every table of the database: its row count and the newest `xmin` among
 * its rows. An insert or an update gives a row a new xmin, a delete changes the count, and a
 * rolled-back write leaves neither behind: two equal fingerprints mean no write was committed.
 */
export async function fingerprinter(connection: DatabaseConnection) {
  const { rows } = await connection.executeSql(
    `select schemaname as schema, tablename as name from pg_tables
      where schemaname not in ('pg_catalog', 'information_schema') and $1::int = 1 order by 1, 2`,
    [1],
  );
  const tables = (rows as Array<{ schema: string; name: string }>)
    .map(({ schema, name }) => `${schema}.${name}`)
    .filter((table) => bookkeeping[table] !== 'ignored');
  const query = tables
    .map((table) => {
      const [schema, name] = table.split('.');
      const newest = bookkeeping[table] === 'count only' ? `'-'` : `coalesce(max(xmin::text::bigint), 0)::text`;
      return `select '${table}' as t, count(*)::text || ':' || ${newest} as f from "${schema}"."${name}"`;
    })
    .join('\nunion all\n');
  return {
    tables,
    async take(): Promise<Fingerprint> {
      const result = await connection.executeSql(`select * from (${query}) as tables where $1::int = 1`, [1]);
      return new Map((result.rows as Array<{ t: string; f: string }>).map(({ t, f }) => [t, f]));
    },
  };
}

/** The tables whose fingerprint changed between two takes. */
export function changedTables(before: Fingerprint, after: Fingerprint): string[] {
  return [...new Set([...before.keys(), ...after.keys()])].filter((table) => before.get(table) !== after.get(table));
}
