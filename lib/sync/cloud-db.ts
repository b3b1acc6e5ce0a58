// The sync connection: our schema on a Dexie with dexie-cloud-addon (README "Team sync"). Only
// this module imports the addon, so a context loads it only when it syncs: pages by dynamic
// import (lib/sync/connection.ts); the background bundles it (MV3 service workers have no
// dynamic import) but creates it only when sync is on.
import Dexie, { type DexieOptions } from 'dexie';
import dexieCloud, { type DexieCloudOptions } from 'dexie-cloud-addon';
import { DB_NAME, declareSchema, type KalDb } from '../db/db';
import type { SyncConfig } from './config';
import { UNSYNCED_TABLES } from './tables';
import { limitServiceWait } from './answer-timeout';

export type CloudDb = KalDb & Pick<Dexie, 'cloud'>;

export { UNSYNCED_TABLES } from './tables';

/**
 * A connection to the local database `name` that syncs with `config.databaseUrl`.
 * Options (dexie-cloud-addon DexieCloudOptions, verified in its source):
 * - `nameSuffix: false`: keep using the user's existing database (the default suffixes the
 *   cloud database id, i.e. starts an EMPTY local database);
 * - `requireAuth: false`: the app works logged out; login is a user action in Settings;
 * - `customLoginGui: true`: our own dialog renders `db.cloud.userInteraction` (no addon DOM);
 * - `tryUseServiceWorker: false`: the addon's service-worker sync is for web apps; our
 *   background calls `db.cloud.sync()` itself (lib/sync/background-sync.ts);
 * - `socialAuth: false`: one-time code by e-mail only (no OAuth redirect in an extension page).
 * Requests to the service that get no answer within SERVICE_ANSWER_MS are aborted
 * (lib/sync/answer-timeout.ts): a hanging service counts as unreachable.
 * Opening it adds the addon's tables ($…_mutations outboxes, realms, members, roles…) to the
 * schema: Dexie 4 patches the installed version in place (no upgrade function runs).
 */
export function createCloudDb(config: SyncConfig, name = DB_NAME, options?: DexieOptions, extra?: Partial<DexieCloudOptions>): CloudDb {
  // A service that hangs must not hold `db.open()` (the addon's first sync runs inside it).
  limitServiceWait(config.databaseUrl);
  const db = declareSchema(new Dexie(name, { ...options, addons: [dexieCloud] }) as KalDb) as CloudDb;
  db.cloud.configure({
    databaseUrl: config.databaseUrl,
    nameSuffix: false,
    requireAuth: false,
    customLoginGui: true,
    tryUseServiceWorker: false,
    socialAuth: false,
    unsyncedTables: UNSYNCED_TABLES,
    ...extra, // tests: `fetchTokens` (test:sync logs in with client credentials)
  });
  return db;
}
