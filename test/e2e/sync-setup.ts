// Team sync states for the end-to-end tests, set up the way the unit tests do it
// (test/unit/sync-share.test.ts): the config as Settings stores it, then a logged-in user and
// shared-account membership written into the addon's own local tables — nothing in the shipped
// extension is made for tests. The service is a loopback port where nothing listens: every sync
// fails as "offline", and nothing leaves the machine.
import type { Page } from 'playwright-core';
import type { Lab } from './harness';

/** A sync service that refuses every connection (nothing listens on port 9 of this machine). */
export const REFUSING = 'http://127.0.0.1:9';
/** The simulated logged-in user. */
export const ME = 'jane@example.com';
/** The owner of the accounts shared with ME in these tests. */
export const BOSS = 'boss@example.com';
const DB = 'key-account-lens';

type Chrome = { chrome: { storage: { local: { set(v: unknown): Promise<void>; remove(k: string): Promise<void> } } } };

/** Team sync on with `url`, as Settings stores it once the browser granted the origin (automation cannot answer that prompt). */
export async function setSyncConfig(page: Page, url: string | undefined, email = ME): Promise<void> {
  await page.evaluate(
    ([u, e]) => {
      const local = (globalThis as unknown as Chrome).chrome.storage.local;
      return u ? local.set({ teamSync: { databaseUrl: u, email: e } }) : local.remove('teamSync');
    },
    [url, email] as const,
  );
}

type Op =
  | { op: 'put'; table: string; rows: Record<string, unknown>[] }
  | { op: 'viewer'; accountName: string; me: string; owner: string }
  | { op: 'outboxKeys'; table: string }
  | { op: 'ids'; table: string; field: string; value: string };

/**
 * Runs one operation on the raw IndexedDB database in an extension page, once the addon's tables
 * exist (the pages' CSP allows no eval: each operation is written out here).
 */
async function withDb<R>(page: Page, op: Op): Promise<R> {
  return page.evaluate(
    async ({ name, op }) => {
      const open = () =>
        new Promise<IDBDatabase | undefined>((resolve, reject) => {
          const req = indexedDB.open(name);
          req.onupgradeneeded = () => req.transaction?.abort(); // never create it here
          req.onerror = () => (req.error?.name === 'AbortError' ? resolve(undefined) : reject(req.error));
          req.onsuccess = () => resolve(req.result);
        });
      let db: IDBDatabase | undefined;
      for (let i = 0; i < 300; i++) {
        db = await open();
        if (db?.objectStoreNames.contains('$logins')) break;
        db?.close();
        db = undefined;
        await new Promise((r) => setTimeout(r, 100));
      }
      if (!db) throw new Error('the background never opened its sync connection (no $logins table)');
      const done = (tx: IDBTransaction) =>
        new Promise<void>((resolve, reject) => {
          tx.oncomplete = () => resolve();
          tx.onabort = tx.onerror = () => reject(tx.error ?? new Error('aborted'));
        });
      const req = <T,>(r: IDBRequest<T>) =>
        new Promise<T>((resolve, reject) => {
          r.onsuccess = () => resolve(r.result);
          r.onerror = () => reject(r.error);
        });
      // Dexie caches query results per context (liveQuery) and learns of other contexts' writes
      // through this channel (dexie.mjs STORAGE_MUTATED_DOM_EVENT_NAME): a raw write must say so,
      // or the background's addon keeps reading the cached, logged-out $logins.
      const written = () => {
        const bc = new BroadcastChannel('x-storagemutated-1');
        bc.postMessage({ all: { d: 1, from: -Infinity, to: [[]] } });
        bc.close();
      };
      try {
        if (op.op === 'put') {
          // Dates cross evaluate() as ISO strings: the addon compares login dates as Date objects.
          const revive = (r: Record<string, unknown>) => Object.fromEntries(Object.entries(r).map(([k, v]) => [k, typeof v === 'string' && /^\d{4}-\d\d-\d\dT[\d:.]+Z$/.test(v) ? new Date(v) : v]));
          const tx = db.transaction(op.table, 'readwrite');
          for (const r of op.rows) tx.objectStore(op.table).put(revive(r));
          await done(tx);
          written();
          return undefined as R;
        }
        if (op.op === 'viewer') {
          const tx = db.transaction(['accounts', 'realms', 'members'], 'readwrite');
          const all = (await req(tx.objectStore('accounts').getAll())) as { id: string; name: string }[];
          const found = all.find((a) => a.name === op.accountName);
          if (!found) throw new Error(`no account named ${op.accountName}`);
          const realmId = `rlm~${found.id}`;
          tx.objectStore('accounts').put({ ...found, realmId, owner: op.owner });
          tx.objectStore('realms').put({ realmId, name: found.name, owner: op.owner });
          tx.objectStore('members').put({ id: `mbr-e2e-${found.id}`, realmId, email: op.me, userId: op.me, accepted: new Date(), permissions: {}, owner: op.owner });
          await done(tx);
          written();
          return found.id as R;
        }
        if (op.op === 'ids') {
          const all = (await req(db.transaction(op.table).objectStore(op.table).getAll())) as Record<string, unknown>[];
          return all.filter((r) => r[op.field] === op.value).map((r) => r.id) as R;
        }
        const store = `$${op.table}_mutations`;
        if (op.op === 'outboxKeys') {
          // The addon's outbox rows (DBOperation): one per write request, with the keys it wrote.
          if (!db.objectStoreNames.contains(store)) return [] as R;
          const rows = (await req(db.transaction(store).objectStore(store).getAll())) as { keys?: unknown[] }[];
          return [...new Set(rows.flatMap((r) => (r.keys ?? []).map(String)))] as R;
        }
        throw new Error(`unknown operation ${(op as { op: string }).op}`);
      } finally {
        db.close();
      }
    },
    { name: DB, op },
  );
}

/** Whether the background's sync alarm is set (lib/sync/background-sync.ts: set while a sync connection is open). */
function syncAlarmSet(page: Page): Promise<boolean> {
  return page.evaluate(async () => !!(await (globalThis as unknown as { chrome: { alarms: { get(n: string): Promise<unknown> } } }).chrome.alarms.get('kal-team-sync')));
}

/**
 * Restarts the background's sync connection so that it reads the addon's tables again: sync off,
 * and once the background has let its connection go (its alarm cleared), on again with the same
 * service, until it has opened the new one (its alarm set). Without the wait the two changes can
 * be read together as "still on, same service" and nothing is reopened.
 */
async function reconnect(page: Page, url: string): Promise<void> {
  await setSyncConfig(page, undefined);
  await waitFor(async () => !(await syncAlarmSet(page)), 'the background to let its sync connection go');
  await setSyncConfig(page, url);
  await waitFor(() => syncAlarmSet(page), 'the background to open its sync connection again');
}

/** Polls `cond` (also outside a test: the harness's launch() sets sync up in beforeAll hooks). */
async function waitFor(cond: () => Promise<boolean>, what: string, timeoutMs = 30_000): Promise<void> {
  const deadline = Date.now() + timeoutMs;
  while (!(await cond())) {
    if (Date.now() > deadline) throw new Error(`Timed out waiting for ${what}`);
    await new Promise((r) => setTimeout(r, 100));
  }
}

/**
 * Team sync configured with `url` and ME logged in (a `$logins` row as the addon writes it after
 * a login). Returns once the background has reopened its connection with that user.
 */
export async function logInOffline(lab: Lab, url = REFUSING): Promise<void> {
  const page = await lab.openExtensionPage('popup.html');
  await setSyncConfig(page, url);
  const expires = new Date(Date.now() + 24 * 3600_000).toISOString();
  await withDb(page, {
    op: 'put',
    table: '$logins',
    rows: [{ claims: { sub: ME }, userId: ME, email: ME, lastLogin: new Date().toISOString(), accessToken: 'e2e', accessTokenExpiration: expires, isLoggedIn: true, license: { type: 'prod', status: 'ok' } }],
  });
  await reconnect(page, url);
  await page.close();
}

/**
 * The account named `accountName` becomes one that BOSS shared with ME as a viewer: it moves into
 * its realm (owned by BOSS) and ME is a member with a viewer's permissions (none).
 * Call after logInOffline. Returns the account id.
 */
export async function makeViewerOf(lab: Lab, accountName: string, url = REFUSING): Promise<string> {
  const page = await lab.openExtensionPage('popup.html');
  const id = await withDb<string>(page, { op: 'viewer', accountName, me: ME, owner: BOSS });
  await reconnect(page, url);
  await page.close();
  return id;
}

/** The ids of the records of `table` whose `field` is `value` (read from the database). */
export async function idsWhere(lab: Lab, table: string, field: string, value: string): Promise<string[]> {
  const page = await lab.openExtensionPage('popup.html');
  const ids = await withDb<string[]>(page, { op: 'ids', table, field, value });
  await page.close();
  return ids;
}

/** Every record key the addon's outbox for `table` holds (written here, not yet accepted by the service). */
export async function outboxKeys(lab: Lab, table: string): Promise<string[]> {
  const page = await lab.openExtensionPage('popup.html');
  const keys = await withDb<string[]>(page, { op: 'outboxKeys', table });
  await page.close();
  return keys;
}

/**
 * KAL_E2E_SYNC=unreachable: the harness's browsers start with team sync configured to REFUSING
 * and ME logged in (`npm run test:e2e:sync-unreachable` runs the core journeys so). Unset: off.
 */
export const SYNC_UNREACHABLE = process.env.KAL_E2E_SYNC === 'unreachable';

/** An edit a test made, found again by one field's value. */
export interface Edit {
  table: string;
  field: string;
  value: string;
}

/**
 * Team sync configured but unreachable: the popup says offline (never synced, changes waiting),
 * every record `edits` names exists and is in its table's outbox, and the page↔account links
 * (never synced) are in none.
 */
export async function expectOfflineWithEdits(lab: Lab, edits: Edit[]): Promise<void> {
  // Imported here, not at the top: the harness imports this module, and `npm run bench` uses the
  // harness outside Vitest, where importing its `expect` throws.
  const { expect } = await import('vitest');
  const popup = await lab.openExtensionPage('popup.html');
  const status = popup.getByTestId('sync-status');
  await expect.poll(() => status.getAttribute('data-phase'), { timeout: 30_000 }).toBe('offline');
  expect(await popup.locator('[data-testid="sync-status"] > span').first().textContent()).toBe('Offline — edits are kept here and sent when the service is reachable');
  expect(await status.textContent()).toMatch(/Never synced yet · \d+ change\(s\) waiting to be sent/);
  await popup.close();
  for (const e of edits) {
    const ids = await idsWhere(lab, e.table, e.field, e.value);
    expect(ids.length, `${e.table} ${e.field}=${e.value}`).toBe(1);
    expect(await outboxKeys(lab, e.table), `${e.table} ${e.field}=${e.value} in the outbox`).toContain(ids[0]);
  }
  expect(await outboxKeys(lab, 'links')).toEqual([]);
}
