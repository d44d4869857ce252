export type { AdminReport, AdminReportDetail, AdminReportList } from '@mutua/server/contract';

/** `?etat=`: a-traiter (open, oldest first) or traites (resolved, newest first). */
export const reportTabs = { 'a-traiter': 'open', traites: 'resolved' } as const;
export type ReportTab = keyof typeof reportTabs;
export const reportTabOf = (value: string | null): ReportTab =>
  value && value in reportTabs ? (value as ReportTab) : 'a-traiter';
