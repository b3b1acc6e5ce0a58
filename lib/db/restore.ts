// The restore's write path: replace every table with a backup's records in ONE transaction, as
// close to this browser's IndexedDB floor as it goes (README "Performance", bench
// `restoreOverFloor`).
// - No validation here: the data is a ValidatedBackupData, which only parseBackup makes.
// - Chunks are pipelined: the next chunk is queued while the previous one is written, so the
//   database never waits for us between chunks; at most RESTORE_PIPELINE chunks are in flight, which
//   bounds the memory of queued copies.
// - Durability 'relaxed' on a connection of its own (Dexie sets it per connection): the commit
//   returns once the OS has the data instead of after a disk flush. What it risks: a power cut
//   or OS crash in the seconds after "Restored" can lose the restore as a whole (IndexedDB's
//   transaction stays atomic: the database is then the one from before the restore, never half
//   of each); the backup file the user just chose is still there to restore again. A browser
//   crash loses nothing. Measured both ways by the bench.
import { createDb, DB_NAME, type KalDb } from './db';
import type { ValidatedBackupData } from '../io/backup';
import { TABLES } from '../io/backup';
import { ALL_DATA, deleteOwn, type DataScope } from './scope';

/** Records per chunk: large enough that request overhead is amortised, small enough for a smooth progress bar. */
export const RESTORE_CHUNK = 5000;
/** Chunks queued at once. */
export const RESTORE_PIPELINE = 4;

type Keyed = { id: string };
const byId = (a: Keyed, b: Keyed) => (a.id < b.id ? -1 : a.id > b.id ? 1 : 0);

/**
 * Sorts each table's records into primary-key order, in place: the order the restore writes them
 * in. The restore job runs it while the user reads the confirmation, so the write does not start
 * with ~0.1–0.3 s of sorting (265,000 records); restoreValidated sorts whatever is not in order.
 */
export function sortForRestore(data: ValidatedBackupData): void {
  for (const t of TABLES) (data[t] as Keyed[]).sort(byId);
}

/** `rows` if already in primary-key order (one pass), else a sorted copy. */
function inKeyOrder(rows: Keyed[]): Keyed[] {
  for (let i = 1; i < rows.length; i++) if (rows[i - 1]!.id > rows[i]!.id) return [...rows].sort(byId);
  return rows;
}

export interface RestoreOptions {
  /** called after each chunk is written: records done, records in all */
  onProgress?: (done: number, total: number) => void;
}

/**
 * Replaces the whole database with `data` in one transaction on `db`: if any write fails, the
 * transaction aborts and nothing changed (the promise rejects with the IndexedDB error).
 *
 * The records are written with IndexedDB itself, inside a Dexie transaction: Dexie's bulkAdd
 * attaches an error handler to every request (to collect partial failures) and runs each chunk
 * through its promise machinery; this issues bare `add`s — as the floor the bench compares with
 * does — and listens only to the last request of each chunk (requests of one store complete in
 * order) and to the transaction's abort. The tables are cleared through Dexie, which marks each of
 * them wholly changed: open views (Dexie liveQuery, in this and other extension pages) re-read
 * them when the transaction commits.
 */
export async function restoreValidated(db: KalDb, data: ValidatedBackupData, opts: RestoreOptions = {}, scope: DataScope = ALL_DATA): Promise<void> {
  const tables = TABLES.map((t) => db.table(t));
  const total = TABLES.reduce((n, t) => n + data[t].length, 0);
  let done = 0;
  if (scope.kind === 'own') return restoreOwn(db, data, opts, scope, total);
  await db.transaction('rw', tables, async (tx) => {
    await Promise.all(tables.map((t) => t.clear()));
    const idbtx = tx.idbtrans;
    // An error event aborts the transaction (nothing cancels it); stop queueing then.
    const aborted = new Promise<never>((_, reject) => idbtx.addEventListener('abort', () => reject(idbtx.error ?? new DOMException('The restore was aborted', 'AbortError'))));
    aborted.catch(() => {}); // Dexie reports the failure; this only unblocks the loop
    const inFlight: Promise<void>[] = [];
    for (const name of TABLES) {
      // In primary-key order: each chunk then lands in one key range of the store.
      const rows = inKeyOrder(data[name] as Keyed[]);
      const store = idbtx.objectStore(name);
      for (let i = 0; i < rows.length; i += RESTORE_CHUNK) {
        const end = Math.min(i + RESTORE_CHUNK, rows.length);
        let last: IDBRequest | undefined;
        for (let j = i; j < end; j++) last = store.add(rows[j]);
        const n = end - i;
        inFlight.push(
          new Promise<void>((resolve) => {
            last!.onsuccess = () => {
              done += n;
              opts.onProgress?.(done, total);
              resolve();
            };
          }),
        );
        // Queue the next chunk while these are written, at most PIPELINE at once (memory).
        if (inFlight.length >= RESTORE_PIPELINE) await Promise.race([inFlight.shift()!, aborted]);
      }
    }
    await Promise.race([Promise.all(inFlight), aborted]);
  });
}

/**
 * The restore with team sync on (README "Team sync"): through Dexie's tables, so that the sync
 * connection's middleware queues every write in the outbox (bare IndexedDB adds would bypass it),
 * and only the user's own records are replaced — never clear(); a shared account's records stay
 * and the backup's copies of them are skipped. One transaction, as above.
 */
async function restoreOwn(db: KalDb, data: ValidatedBackupData, opts: RestoreOptions, scope: DataScope, total: number): Promise<void> {
  const tables = TABLES.map((t) => db.table(t));
  let done = 0;
  await db.transaction('rw', tables, async () => {
    for (const t of tables) {
      const keep = await deleteOwn(t, scope);
      const rows = (data[t.name as keyof ValidatedBackupData] as { id: string }[]).filter((r) => !keep.has(r.id));
      for (let i = 0; i < rows.length; i += RESTORE_CHUNK) {
        const chunk = rows.slice(i, i + RESTORE_CHUNK);
        await t.bulkAdd(chunk);
        done += chunk.length;
        opts.onProgress?.(done, total);
      }
    }
  });
  if (done < total) opts.onProgress?.(total, total); // the skipped shared copies
}

/** restoreValidated on a connection of its own with relaxed durability (see above), closed after. */
export async function restoreRelaxed(data: ValidatedBackupData, opts: RestoreOptions = {}, name = DB_NAME): Promise<void> {
  const db = createDb(name, { chromeTransactionDurability: 'relaxed' });
  try {
    await restoreValidated(db, data, opts);
  } finally {
    db.close();
  }
}
