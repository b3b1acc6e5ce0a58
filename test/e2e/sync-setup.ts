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

type Op = { op: 'put'; table: string; rows: Record<string, unknown>[] } | { op: 'viewer'; accountName: string; me: string; owner: string } | { op: 'outbox'; table: string };

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
      try {
        if (op.op === 'put') {
          // Dates cross evaluate() as ISO strings: the addon compares login dates as Date objects.
          const revive = (r: Record<string, unknown>) => Object.fromEntries(Object.entries(r).map(([k, v]) => [k, typeof v === 'string' && /^\d{4}-\d\d-\d\dT[\d:.]+Z$/.test(v) ? new Date(v) : v]));
          const tx = db.transaction(op.table, 'readwrite');
          for (const r of op.rows) tx.objectStore(op.table).put(revive(r));
          await done(tx);
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
          return found.id as R;
        }
        const store = `$${op.table}_mutations`;
        if (!db.objectStoreNames.contains(store)) return 0 as R;
        return (await req(db.transaction(store).objectStore(store).count())) as R;
      } finally {
        db.close();
      }
    },
    { name: DB, op },
  );
}

/**
 * Restarts the background's sync connection so that it reads the addon's tables again (turn sync
 * off, then on with the same service: lib/sync/background-sync.ts swaps connections on each).
 */
async function reconnect(page: Page, url: string): Promise<void> {
  await setSyncConfig(page, undefined);
  await setSyncConfig(page, url);
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

/** Records waiting in the addon's outbox for `table` (its `$<table>_mutations` table). */
export async function outboxCount(lab: Lab, table: string): Promise<number> {
  const page = await lab.openExtensionPage('popup.html');
  const n = await withDb<number>(page, { op: 'outbox', table });
  await page.close();
  return n;
}
