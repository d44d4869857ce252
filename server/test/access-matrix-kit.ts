import type { App } from '../src/app.ts';
import type { Database } from '../src/db/client.ts';
import type { AccessScene } from './access-scene.ts';

/**
 * The cells and rows of the authorisation matrix (src/access/matrix.api.test.ts), shared with the
 * rows each feature keeps beside it (test/matrix-rows/).
 */
export type Cell = 'ok' | number;
export type Row = readonly [Cell, Cell, Cell, Cell, Cell, Cell, Cell, Cell];
export type Request = { url: string; payload?: unknown; headers?: Record<string, string> };
export type Case = {
  /** What the case is about, when a route has several. */
  what?: string;
  request: (scene: AccessScene, app: App, db: Database) => Request | Promise<Request>;
  expect: Row;
};

//                anonymous, pendingStructure, ownerMember, ownerManager, otherMember, moderator, admin, foreignAdmin
export const everyone: Row = ['ok', 'ok', 'ok', 'ok', 'ok', 'ok', 'ok', 'ok'];
export const signedIn: Row = [401, 'ok', 'ok', 'ok', 'ok', 'ok', 'ok', 'ok'];
export const sameForAll = (status: number): Row => [status, status, status, status, status, status, status, status];
export const seesListing: Row = [404, 404, 'ok', 'ok', 'ok', 'ok', 'ok', 404];
export const editsListing: Row = [401, 404, 'ok', 'ok', 403, 403, 403, 404];
export const ownsListing: Row = [401, 404, 'ok', 'ok', 403, 403, 403, 404];
export const publishes: Row = [401, 403, 'ok', 'ok', 'ok', 403, 403, 403];
export const teamOfOwner: Row = [401, 403, 'ok', 'ok', 403, 403, 403, 403];
export const managerOfOwner: Row = [401, 403, 403, 'ok', 403, 403, 403, 403];
export const lenderSide: Row = [401, 404, 'ok', 'ok', 403, 404, 404, 404];
export const borrowerSide: Row = [401, 404, 403, 403, 'ok', 404, 404, 404];
export const eitherSide: Row = [401, 404, 'ok', 'ok', 'ok', 404, 404, 404];
export const networkAdmins: Row = [401, 403, 403, 403, 403, 403, 'ok', 'ok'];
export const adminOfItsNetwork: Row = [401, 403, 403, 403, 403, 403, 'ok', 404];
export const reviewsPending: Row = [401, 403, 404, 404, 404, 403, 'ok', 404];
