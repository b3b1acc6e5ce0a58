// Publishes the sync status of a sync connection into storage.local (SYNC_STATUS_KEY), where the
// popup and dashboard read it (lib/sync/status.ts), and counts the outbox.
import { liveQuery } from 'dexie';
import { browser } from 'wxt/browser';
import type { CloudDb } from './cloud-db';
import { SYNC_STATUS_KEY, UNSYNCED_TABLES } from './config';
import { statusFromAddon, type SyncStatus } from './status';

/** Changes written here that the service has not acknowledged yet: the addon's `$<table>_mutations` outboxes. */
export async function pendingChanges(db: CloudDb): Promise<number> {
  const outboxes = db.tables.filter((t) => /^\$.+_mutations$/.test(t.name) && !UNSYNCED_TABLES.some((u) => t.name === `$${u}_mutations`));
  const counts = await Promise.all(outboxes.map((t) => t.count()));
  return counts.reduce((a, b) => a + b, 0);
}

/** The current status of `db` (sync connection), from the addon's observables. */
export async function currentStatus(db: CloudDb): Promise<SyncStatus> {
  const user = db.cloud.currentUser.value;
  const persisted = db.cloud.persistedSyncState.value;
  const lastSyncAt = persisted?.timestamp && !persisted.error ? new Date(persisted.timestamp).getTime() : undefined;
  const s = statusFromAddon(db.cloud.syncState.value as never, !!user?.isLoggedIn, lastSyncAt);
  return { ...s, pending: await pendingChanges(db).catch(() => undefined), email: user?.isLoggedIn ? user.email : undefined };
}

export async function writeStatus(s: SyncStatus): Promise<void> {
  await browser.storage.local.set({ [SYNC_STATUS_KEY]: s });
}

/**
 * Keeps storage's status in step with `db` while it is open; a `fault` reported by a failed
 * sync call (which the addon may not put in syncState) wins until the next success.
 * Returns the function that stops it.
 */
export function publishStatus(db: CloudDb): { stop(): void; fault(s: SyncStatus): void } {
  let last = '';
  let fault: SyncStatus | undefined;
  const push = async () => {
    const s = fault && fault.phase !== 'synced' ? { ...(await currentStatus(db)), phase: fault.phase, message: fault.message } : await currentStatus(db);
    const json = JSON.stringify(s);
    if (json !== last) {
      last = json;
      await writeStatus(s).catch(() => {});
    }
  };
  // One push at a time, each reading the state when it runs: two overlapping pushes could
  // otherwise write their results in the wrong order (a "log in" read while the addon was still
  // loading the user, written after the "offline" that followed — seen in the e2e).
  let queue = Promise.resolve();
  const changed = () => void (queue = queue.then(push).catch(() => {}));
  const subs = [
    db.cloud.syncState.subscribe((state) => {
      if (state.phase === 'in-sync') fault = undefined;
      changed();
    }),
    db.cloud.currentUser.subscribe(changed),
    db.cloud.persistedSyncState.subscribe(changed),
    // Every write adds to the outbox: the number of changes waiting follows it.
    liveQuery(() => pendingChanges(db)).subscribe({ next: changed, error: () => {} }),
  ];
  return {
    stop: () => subs.forEach((s) => s.unsubscribe()),
    fault(s) {
      fault = s;
      changed();
    },
  };
}
