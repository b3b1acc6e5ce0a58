// Which database connection a top-level extension page uses (dashboard, Settings): the plain
// one while team sync is off — the addon is then never loaded (dynamic import) and nothing can
// reach the network — or the sync connection, so that the page's writes reach the outbox.
import { getDb, useDb, type KalDb } from '../db/db';
import { getSyncConfig, type SyncConfig } from './config';
import type { CloudDb } from './cloud-db';

/** Sets this page's connection from the stored sync config; call before the first render. */
export async function openPageConnection(): Promise<KalDb> {
  const config = await getSyncConfig().catch(() => undefined);
  if (config) useDb(await cloudConnection(config));
  return getDb();
}

/** A sync connection (loads dexie-cloud-addon on first use). */
export async function cloudConnection(config: SyncConfig): Promise<CloudDb> {
  const { createCloudDb } = await import('./cloud-db');
  return createCloudDb(config);
}

/** The page's connection if it syncs (has `cloud`), else undefined. */
export function syncingDb(db: KalDb = getDb()): CloudDb | undefined {
  return 'cloud' in db && (db as CloudDb).cloud?.options?.databaseUrl ? (db as CloudDb) : undefined;
}
