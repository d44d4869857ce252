import { loadImpactReport } from '../report-load';
import type { PageServerLoad } from './$types';

export const load: PageServerLoad = ({ locals, url }) => loadImpactReport(locals, url);
