import { addDays, parisToday } from '@mutua/server/domain/calendar-days';

/** The dashboard's filters as the URL carries them (a GET form: it works without JavaScript). */
export const periodPresets = ['trimestre', 'trimestre-precedent', 'annee', 'dates'] as const;
export type PeriodPreset = (typeof periodPresets)[number];

export type ImpactFilters = {
  reseau: string;
  periode: PeriodPreset;
  du: string;
  au: string;
  departement: string;
};

const dayPattern = /^\d{4}-\d{2}-\d{2}$/;
const uuidPattern = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;

/** The first and last day of the quarter `day` falls in. */
export function quarterOf(day: string): { from: string; to: string } {
  const year = Number(day.slice(0, 4));
  const firstMonth = Math.floor((Number(day.slice(5, 7)) - 1) / 3) * 3 + 1;
  const next = firstMonth === 10 ? `${year + 1}-01-01` : `${year}-${String(firstMonth + 3).padStart(2, '0')}-01`;
  return { from: `${year}-${String(firstMonth).padStart(2, '0')}-01`, to: addDays(next, -1) };
}

export function filtersOf(url: URL, networkIds: string[]): ImpactFilters {
  const text = (name: string) => url.searchParams.get(name)?.trim() ?? '';
  const day = (name: string) => (dayPattern.test(text(name)) ? text(name) : '');
  const asked = text('reseau');
  const preset = periodPresets.find((candidate) => candidate === text('periode'));
  const du = day('du');
  const au = day('au');
  return {
    reseau: uuidPattern.test(asked) && networkIds.includes(asked) ? asked : (networkIds[0] ?? ''),
    // Dates typed without choosing « Dates choisies » are what the person meant.
    periode: preset ?? (du || au ? 'dates' : 'trimestre'),
    du,
    au,
    departement: /^[0-9]{2}[0-9AB]?$/.test(text('departement')) ? text('departement') : '',
  };
}

/** The days a preset stands for, in Paris; « dates » keeps what was typed (the API checks them). */
export function periodOf(filters: ImpactFilters, today = parisToday()): { from?: string; to?: string } {
  switch (filters.periode) {
    case 'trimestre':
      return quarterOf(today);
    case 'trimestre-precedent':
      return quarterOf(addDays(quarterOf(today).from, -1));
    case 'annee':
      return { from: `${today.slice(0, 4)}-01-01`, to: `${today.slice(0, 4)}-12-31` };
    case 'dates':
      return { from: filters.du || undefined, to: filters.au || undefined };
  }
}

/** The API's query for these filters (network, days, territory), plus any extra parameters. */
export function apiQuery(filters: ImpactFilters, extra: Record<string, string> = {}, today = parisToday()) {
  const query = new URLSearchParams({ networkId: filters.reseau });
  const { from, to } = periodOf(filters, today);
  if (from) query.set('from', from);
  if (to) query.set('to', to);
  if (filters.departement) query.set('territory', filters.departement);
  for (const [name, value] of Object.entries(extra)) query.set(name, value);
  return query;
}

/** The page's own query, to link the print page, the method and the CSV files with the same filters. */
export function pageQuery(filters: ImpactFilters): string {
  const query = new URLSearchParams();
  for (const [name, value] of Object.entries(filters)) if (value) query.set(name, value);
  return query.toString();
}
