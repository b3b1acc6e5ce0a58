// One sync round with an outcome. `db.cloud.sync({ wait: true })` can wait forever when the very
// first sync fails (dexie-cloud-addon sync/sync.ts records the failure with
// `$syncState.update('syncState', …)`, which does nothing before a first success, and `wait`
// watches that record), so the outcome is read from `db.cloud.syncState` instead.
import type { CloudDb } from './cloud-db';

/** The service did not answer within the time given (treated as offline by faultOf). */
export class SyncTimeoutError extends Error {
  override name = 'TimeoutError';
}

/**
 * Triggers a sync (push and pull) and resolves when the addon reports `in-sync`; rejects with the
 * addon's error when it reports `error` / `offline`; after `timeoutMs` with the standing error, or
 * SyncTimeoutError.
 */
export function syncOnce(db: CloudDb, timeoutMs = 15_000): Promise<void> {
  return new Promise((resolve, reject) => {
    let settled = false;
    let current = true; // a BehaviorSubject replays its current value first: not this round's outcome
    const subs: { unsubscribe(): void }[] = [];
    const done = (err?: unknown) => {
      if (settled) return;
      settled = true;
      clearTimeout(timer);
      subs.forEach((s) => s.unsubscribe());
      if (err === undefined) resolve();
      else reject(err);
    };
    // No outcome in time: the addon may be pausing after a failure (its LocalSyncWorker retries
    // after 20 s, 40 s, 5 min, 15 min and ignores triggers meanwhile) — then that failure is the answer.
    const timer = setTimeout(() => {
      const s = db.cloud.syncState.value;
      done(s.phase === 'error' || s.phase === 'offline' ? (s.error ?? new Error(`sync ${s.phase}`)) : new SyncTimeoutError(`The service did not answer in ${Math.round(timeoutMs / 1000)} s`));
    }, timeoutMs);
    subs.push(
      db.cloud.syncState.subscribe((s) => {
        if (current) return;
        if (s.phase === 'in-sync') done();
        else if (s.phase === 'error' || s.phase === 'offline') done(s.error ?? new Error(`sync ${s.phase}`));
      }),
    );
    current = false;
    db.cloud.sync({ wait: false, purpose: 'pull' }).catch((e: unknown) => done(e));
  });
}
