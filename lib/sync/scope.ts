// The data scope of whole-database operations on a connection (lib/db/scope.ts): every record on
// the plain connection (sync off), the user's own records on a sync connection.
import type { KalDb } from '../db/db';
import { ALL_DATA, type DataScope } from '../db/scope';
import type { CloudDb } from './cloud-db';

/** `own` with the logged-in user's id (or the addon's "unauthorized" before any login) on a sync connection, else `all`. */
export function dataScopeOf(db: KalDb): DataScope {
  const cloud = (db as Partial<CloudDb>).cloud;
  return cloud?.options?.databaseUrl ? { kind: 'own', userId: cloud.currentUserId } : ALL_DATA;
}
