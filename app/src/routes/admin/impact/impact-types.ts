import type { ImpactReport } from '@mutua/server/contract';

export type { ImpactFactor, ImpactMethod, ImpactReport } from '@mutua/server/contract';
export type ImpactCategoryRef = ImpactReport['categories'][number]['category'];

export const impactTables = ['totals', 'months', 'categories', 'reciprocity'] as const;
export type ImpactTable = (typeof impactTables)[number];
