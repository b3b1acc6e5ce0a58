// The Dexie database. Open it only in the background service worker and in top-level extension
// pages (dashboard, popup): framed or content-script contexts get the wrong origin or no access.
import Dexie, { type DexieOptions, type EntityTable, type Transaction } from 'dexie';
import type { Account, Action, Link, Note, Plan, PlanRevision, Stakeholder } from './model';
import { migrateCalendarDates } from './migrate-dates';
import { rekeyAll } from '../keys/rekey';
import { planIdOf } from './ids';

export const DB_NAME = 'key-account-lens';

export type KalDb = Dexie & {
  accounts: EntityTable<Account, 'id'>;
  plans: EntityTable<Plan, 'id'>;
  planRevisions: EntityTable<PlanRevision, 'id'>;
  stakeholders: EntityTable<Stakeholder, 'id'>;
  actions: EntityTable<Action, 'id'>;
  notes: EntityTable<Note, 'id'>;
  links: EntityTable<Link, 'id'>;
};

/** Schema history. Never edit a published version: add a new one with an upgrade function. */
export const SCHEMA_V1 = {
  accounts: 'id, name, nameKey, *domains, *linkedinUrls, tier, nextReviewAt, renewalAt, updatedAt',
  plans: 'id, &accountId, updatedAt',
  planRevisions: 'id, accountId, [accountId+revision]',
  stakeholders: 'id, accountId, &linkedinUrl, *emails, [accountId+nameKey], lastContactAt',
  actions: 'id, accountId, stakeholderId, [status+dueAt], [accountId+status]',
  notes: 'id, accountId, threadId, [accountId+createdAt]',
  links: 'id, key, accountId, [key+accountId]',
};

/**
 * v2 drops indexes nothing queries, because every index costs on every write (measured:
 * restoring 260k records spent ~30% of its time maintaining indexes). Queries by `accountId`
 * on stakeholders, actions and notes use the compound indexes that start with it (Dexie
 * "virtual index"). No data changes, so no upgrade function is needed.
 */
export const SCHEMA_V2 = {
  ...SCHEMA_V1,
  accounts: 'id, name, nameKey, *domains, *linkedinUrls, nextReviewAt',
  stakeholders: 'id, &linkedinUrl, *emails, [accountId+nameKey]',
  actions: 'id, stakeholderId, [status+dueAt], [accountId+status]',
  notes: 'id, threadId, [accountId+createdAt]',
};

/**
 * v3: calendar dates (accounts.renewalAt/nextReviewAt, actions.dueAt, plan objectives' dueAt and
 * the same inside plan revisions) change from epoch ms to `YYYY-MM-DD`, keeping the day the user
 * saw (lib/db/migrate-dates.ts). Same indexes: the strings sort by date.
 */
export const SCHEMA_V3 = SCHEMA_V2;

/**
 * v4 indexes the Sales Navigator lead id on stakeholders, so a lead page (which has no /in/ URL)
 * finds the stakeholder saved from it. Records saved by v3 have no lead id: nothing to convert;
 * the upgrade only drops an empty or non-text id (hand-edited restores).
 */
export const SCHEMA_V4 = {
  ...SCHEMA_V3,
  stakeholders: 'id, &linkedinUrl, *emails, [accountId+nameKey], salesNavLeadId',
};

/**
 * v5 re-keys stored records into the canonical key forms of lib/keys (no index change): domains
 * with PSL private suffixes and IDN in ASCII, the website's domain as a key, LinkedIn URLs from
 * any host / NFC; stakeholders that were two spellings of one profile are merged (see
 * lib/keys/rekey.ts). Runs once, in the upgrade transaction: all or nothing.
 */
async function upgradeV5(tx: Transaction): Promise<void> {
  const [accounts, stakeholders, links, actions, notes] = await Promise.all(
    ['accounts', 'stakeholders', 'links', 'actions', 'notes'].map((t) => tx.table(t).toArray()),
  );
  const r = rekeyAll({ accounts, stakeholders, links, actions, notes } as Parameters<typeof rekeyAll>[0]);
  // Merged duplicates go first: the kept record takes their (unique) profile URL.
  if (r.mergedStakeholderIds.length) await tx.table('stakeholders').bulkDelete(r.mergedStakeholderIds);
  if (r.stakeholders.length) await tx.table('stakeholders').bulkPut(r.stakeholders);
  if (r.accounts.length) await tx.table('accounts').bulkPut(r.accounts);
  if (r.links.length) await tx.table('links').bulkPut(r.links);
  if (r.actions.length) await tx.table('actions').bulkPut(r.actions);
  if (r.notes.length) await tx.table('notes').bulkPut(r.notes);
}

/**
 * v6 makes the schema fit for sync (Dexie Cloud, README "Team sync") — and it is the last version
 * with an upgrade function: a synced table must never be rewritten by an upgrade (each client
 * would rewrite it on its own and the changes would not be synced), so every later version must
 * be additive (new tables / indexes only). Enabling sync opens the database at this version
 * without the addon first (lib/sync), so this upgrade always runs while sync is still off.
 * - No unique indexes: `plans.&accountId` → `accountId` (a plan's id is now its account's id,
 *   lib/db/ids.ts), `stakeholders.&linkedinUrl` → `linkedinUrl` (the repository deduplicates).
 * - Indexes for the updates that used JavaScript filters: `stakeholders.reportsTo`,
 *   `notes.stakeholderId`, `links.[key+verdict]`; `realmId` on every table (the sync realm of a
 *   record: which records are the user's own, lib/db/scope.ts).
 */
export const SCHEMA_V6 = {
  accounts: 'id, name, nameKey, *domains, *linkedinUrls, nextReviewAt, realmId',
  plans: 'id, accountId, updatedAt, realmId',
  planRevisions: 'id, accountId, [accountId+revision], realmId',
  stakeholders: 'id, linkedinUrl, *emails, [accountId+nameKey], salesNavLeadId, reportsTo, realmId',
  actions: 'id, stakeholderId, [status+dueAt], [accountId+status], realmId',
  notes: 'id, threadId, [accountId+createdAt], stakeholderId, realmId',
  links: 'id, key, accountId, [key+accountId], [key+verdict], realmId',
};

/** The current schema: the last version's (the bench writes its indexes, scripts/bench/restore.ts). */
export const SCHEMA = SCHEMA_V6;

/** v6 data change: each plan takes its derived id (planIdOf); revisions follow. */
async function upgradeV6(tx: Transaction): Promise<void> {
  const plans = (await tx.table('plans').toArray()) as Plan[];
  const moved = plans.filter((p) => p.id !== planIdOf(p.accountId));
  if (!moved.length) return;
  await tx.table('plans').bulkDelete(moved.map((p) => p.id));
  await tx.table('plans').bulkPut(moved.map((p) => ({ ...p, id: planIdOf(p.accountId) })));
  for (const p of moved) await tx.table('planRevisions').where('accountId').equals(p.accountId).modify({ planId: planIdOf(p.accountId) });
}

/** `options`: Dexie's, e.g. `chromeTransactionDurability` for a restore-only connection (lib/db/restore.ts). */
export function createDb(name = DB_NAME, options?: DexieOptions): KalDb {
  return declareSchema(new Dexie(name, options) as KalDb);
}

/**
 * Declares every schema version on `db` (a new, unopened Dexie). Shared by the plain connection
 * and the sync connection (lib/sync/cloud-db.ts, which adds dexie-cloud-addon first).
 */
export function declareSchema(db: KalDb): KalDb {
  db.version(1).stores(SCHEMA_V1);
  db.version(2).stores(SCHEMA_V2);
  db.version(3).stores(SCHEMA_V3).upgrade((tx) => migrateCalendarDates(tx));
  db.version(4)
    .stores(SCHEMA_V4)
    .upgrade((tx) =>
      tx
        .table('stakeholders')
        .toCollection()
        .modify((s: { salesNavLeadId?: unknown }) => {
          if (s.salesNavLeadId !== undefined && (typeof s.salesNavLeadId !== 'string' || !s.salesNavLeadId)) delete s.salesNavLeadId;
        }),
    );
  db.version(5).stores(SCHEMA_V4).upgrade(upgradeV5);
  db.version(6).stores(SCHEMA_V6).upgrade(upgradeV6);
  return db;
}

let shared: KalDb | undefined;
/** This context's connection: the plain one, unless useDb() set another (the sync connection). */
export function getDb(): KalDb {
  shared ??= createDb();
  return shared;
}

/**
 * Makes `db` this context's connection (getDb()). A page calls it before its first render when
 * team sync is on (lib/sync/connection.ts), so that every write goes through the connection
 * whose changes reach the sync outbox.
 */
export function useDb(db: KalDb): void {
  if (shared && shared !== db) shared.close();
  shared = db;
}
