// Team sync in the background service worker. In an MV3 service worker dexie-cloud-addon opens
// no live connection (no WebSocket: its IS_SERVICE_WORKER check) and its service-worker sync is
// for web apps, so the background calls `db.cloud.sync()` itself: at start-up, on an alarm, and
// when a view opens (throttled). While sync is off it does nothing at all: no addon connection,
// no alarm, no request.
import { browser } from 'wxt/browser';
import { createDb, type KalDb } from '../db/db';
import { SYNC_CONFIG_KEY, getSyncConfig, type SyncConfig } from './config';
import { createCloudDb, type CloudDb } from './cloud-db';
import { faultOf, type SyncStatus } from './status';
import { publishStatus } from './publish';
import { syncOnce } from './sync-once';
import { canEdit } from './share';

export const SYNC_ALARM = 'kal-team-sync';
/** Minutes between background syncs while sync is on (chrome.alarms allows ≥ 0.5). */
export const SYNC_PERIOD_MIN = 5;
/** A view opening syncs at most this often (ms). */
const VIEW_SYNC_MS = 60_000;

/**
 * A KalDb that forwards every property to the connection `get()` returns at that moment, so
 * handlers created at start-up keep working when the connection is swapped (sync turned on/off).
 */
export function dbProxy(get: () => KalDb): KalDb {
  return new Proxy({} as KalDb, {
    get(_t, p) {
      const d = get();
      const v = Reflect.get(d, p, d);
      return typeof v === 'function' ? v.bind(d) : v;
    },
  });
}

export interface BackgroundSync {
  /** the connection to use (a proxy to the current one) */
  db: KalDb;
  /** resolves once the connection matching the stored config is in place (writes wait for it) */
  ready(): Promise<void>;
  /**
   * resolves as soon as `db` can serve reads: like ready(), or earlier when a sync connection is
   * still opening — reads then go to the connection in place (same data). The addon's first sync
   * runs inside its open (lib/sync/answer-timeout.ts): the views need not wait for it.
   */
  readyForReads(): Promise<void>;
  /** a view opened: sync if the last one is older than a minute */
  viewOpened(): void;
  /** sync now; resolves with the resulting fault, if any */
  syncNow(): Promise<SyncStatus | undefined>;
  /**
   * whether the user may edit the account: always while sync is off (lib/sync/share.ts `canEdit`);
   * while the sync connection is still opening, as the connection in place says (the views reload
   * at the swap; writes wait for ready() and are checked then)
   */
  canEditAccount(accountId: string): Promise<boolean>;
}

/**
 * Starts with the plain connection `plain` (already opening: the common case, sync off, costs
 * nothing more) and swaps to a sync connection when the stored config says so, now or later.
 * `name`: the database name (tests). `onSwap`: called after each swap (the views then reload:
 * what they show may depend on the connection, e.g. whether a shared account may be edited).
 */
export function startBackgroundSync(plain: KalDb = createDb(), name?: string, onSwap?: () => void): BackgroundSync {
  let current: KalDb = plain;
  let cloud: CloudDb | undefined;
  let publisher: ReturnType<typeof publishStatus> | undefined;
  let lastViewSync = 0;

  async function apply(config: SyncConfig | undefined): Promise<void> {
    if (!config) {
      if (!cloud) return;
      publisher?.stop();
      cloud.close();
      cloud = undefined;
      current = createDb(name);
      await browser.alarms.clear(SYNC_ALARM).catch(() => false);
      onSwap?.();
      return;
    }
    if (cloud && cloud.cloud.options?.databaseUrl === config.databaseUrl) return;
    publisher?.stop();
    cloud?.close();
    const next = createCloudDb(config, name);
    opening?.(); // reads may go on with the connection in place meanwhile
    await next.open();
    const before = current;
    cloud = next;
    current = next;
    if (before !== next) before.close();
    publisher = publishStatus(next);
    if (!(await browser.alarms.get(SYNC_ALARM).catch(() => undefined))) browser.alarms.create(SYNC_ALARM, { periodInMinutes: SYNC_PERIOD_MIN });
    onSwap?.();
    void syncNow();
  }

  async function syncNow(): Promise<SyncStatus | undefined> {
    const c = cloud;
    if (!c) return undefined;
    try {
      // Logged out: nothing to push or pull (a login is a user action in Settings).
      if (!c.cloud.currentUser.value?.isLoggedIn) return undefined;
      await syncOnce(c);
      return undefined;
    } catch (e) {
      const f = { ...faultOf(e) } as SyncStatus;
      publisher?.fault(f);
      return f;
    }
  }

  let readyP: Promise<void>;
  let readsP: Promise<void>;
  let opening: (() => void) | undefined;
  /** `p`: the next connection change; reads are ready when it is done or starts opening a sync connection */
  const track = (p: Promise<void>) => {
    readyP = p;
    readsP = new Promise<void>((resolve) => {
      opening = resolve;
      void p.then(resolve, resolve);
    });
  };
  track(getSyncConfig().then(apply, () => {}));
  browser.storage.onChanged.addListener((changes, area) => {
    if (area === 'local' && SYNC_CONFIG_KEY in changes) track(readyP.then(() => getSyncConfig()).then(apply, () => {}));
  });
  browser.alarms.onAlarm.addListener((a) => {
    if (a.name === SYNC_ALARM) void readyP.then(syncNow);
  });

  return {
    db: dbProxy(() => current),
    ready: () => readyP,
    readyForReads: () => readsP,
    viewOpened() {
      if (!cloud || Date.now() - lastViewSync < VIEW_SYNC_MS) return;
      lastViewSync = Date.now();
      void syncNow();
    },
    syncNow: () => readyP.then(syncNow),
    async canEditAccount(accountId) {
      await readsP;
      const c = cloud;
      if (!c) return true;
      const account = await c.accounts.get(accountId);
      return !account || canEdit(c, account as { realmId?: string; owner?: string });
    },
  };
}
