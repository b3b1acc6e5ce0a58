// Restore of a JSON backup through the dashboard, as a user does it, and this browser's
// IndexedDB write floor to compare it with.
import type { Lab } from '../../test/e2e/harness';
import { RESTORE_CHUNK, RESTORE_PIPELINE } from '../../lib/db/restore';

export interface RestoreTiming {
  /** file chosen → confirmation shown (read, parse, validate) */
  parseMs: number;
  /** "Restore" clicked → "Restored" shown (the write) */
  writeMs: number;
  totalMs: number;
  /** longest main-thread task of the dashboard meanwhile (PerformanceObserver 'longtask') */
  longestTaskMs: number;
  /** progress updates the page showed during the write */
  progressUpdates: number;
}

export async function restoreThroughDashboard(lab: Lab, file: string): Promise<RestoreTiming> {
  const dash = await lab.openExtensionPage('dashboard.html#/data');
  const input = dash.getByTestId('restore-file');
  await input.waitFor({ state: 'attached' });
  await dash.evaluate(() => {
    const w = window as unknown as { __kalLongest: number; __kalProgress: Set<string> };
    w.__kalLongest = 0;
    w.__kalProgress = new Set();
    new PerformanceObserver((list) => {
      for (const e of list.getEntries()) w.__kalLongest = Math.max(w.__kalLongest, e.duration);
    }).observe({ type: 'longtask' });
    // Count distinct progress values as the user would see them.
    new MutationObserver(() => {
      const p = document.querySelector('progress');
      if (p) w.__kalProgress.add(String(p.value));
    }).observe(document.body, { subtree: true, childList: true, attributes: true, characterData: true });
  });
  const t = Date.now();
  await input.setInputFiles(file);
  // Restoring replaces everything, so the page asks for confirmation: click it as a user would.
  const confirm = dash.getByTestId('restore-confirm');
  await confirm.waitFor({ timeout: 180_000 });
  const parsed = Date.now();
  await confirm.click();
  await dash.getByTestId('toast').filter({ hasText: /Restored: [\d,]+ accounts/ }).waitFor({ timeout: 300_000 });
  const done = Date.now();
  const { longest, progress } = await dash.evaluate(() => {
    const w = window as unknown as { __kalLongest: number; __kalProgress: Set<string> };
    return { longest: w.__kalLongest, progress: w.__kalProgress.size };
  });
  await dash.close();
  return { parseMs: parsed - t, writeMs: done - parsed, totalMs: done - t, longestTaskMs: Math.round(longest), progressUpdates: progress };
}

/**
 * What this browser's IndexedDB costs per record here, whatever our code: `records` puts of tiny
 * `{id}` records, no index, one transaction, with the given durability ('default' waits for the
 * disk flush at commit; 'relaxed' returns once the OS has the data). A restore cannot go below it.
 */
export async function idbFloorMs(lab: Lab, records: number, durability: 'default' | 'relaxed'): Promise<number> {
  const page = await lab.openExtensionPage('dashboard.html');
  const ms = await page.evaluate(
    async ({ n, durability }) => {
      const name = `kal-bench-floor-${durability}`;
      const db = await new Promise<IDBDatabase>((res, rej) => {
        const req = indexedDB.open(name, 1);
        req.onupgradeneeded = () => req.result.createObjectStore('r', { keyPath: 'id' });
        req.onsuccess = () => res(req.result);
        req.onerror = () => rej(req.error);
      });
      const t = performance.now();
      await new Promise<void>((res, rej) => {
        const tx = db.transaction('r', 'readwrite', { durability });
        const st = tx.objectStore('r');
        for (let i = 0; i < n; i++) st.put({ id: i });
        tx.oncomplete = () => res();
        tx.onerror = () => rej(tx.error);
      });
      const ms = performance.now() - t;
      db.close();
      await new Promise((r) => {
        const d = indexedDB.deleteDatabase(name);
        d.onsuccess = d.onerror = d.onblocked = r;
      });
      return ms;
    },
    { n: records, durability },
  );
  await page.close();
  return Math.round(ms);
}

/**
 * Diagnostic (no budget): what this browser costs to write the restore's own records with bare
 * IndexedDB adds, as lib/db/restore.ts issues them (primary-key order, chunks of RESTORE_CHUNK,
 * RESTORE_PIPELINE in flight, relaxed durability, one transaction), into a fresh database of the
 * same origin whose stores have the indexes of `schema` (Dexie schema strings) — or none when
 * `schema` is null. With no index it says what the records' size costs above the floor; with the
 * schema's indexes, what the restore would cost with no code of ours around the adds.
 * `file`: the backup file the restore read (its `data` tables).
 */
export async function idbRecordsMs(lab: Lab, file: string, schema: Record<string, string> | null): Promise<number> {
  const page = await lab.openExtensionPage('dashboard.html');
  await page.evaluate(() => {
    const input = document.createElement('input');
    input.type = 'file';
    input.id = 'kal-bench-records';
    document.body.append(input);
  });
  await page.setInputFiles('#kal-bench-records', file);
  const ms = await page.evaluate(
    async ({ schema, chunk, depth }) => {
      const input = document.getElementById('kal-bench-records') as HTMLInputElement;
      const data = (JSON.parse(await input.files![0]!.text()) as { data: Record<string, { id: string }[]> }).data;
      const tables = Object.keys(data);
      const name = `kal-bench-records-${schema ? 'indexed' : 'bare'}`;
      const db = await new Promise<IDBDatabase>((res, rej) => {
        const req = indexedDB.open(name, 1);
        req.onupgradeneeded = () => {
          for (const t of tables) {
            const store = req.result.createObjectStore(t, { keyPath: 'id' });
            // Dexie's syntax: first the primary key, then indexes: `name`, `*multi`, `[a+b]`.
            for (const spec of (schema?.[t] ?? '').split(',').slice(1)) {
              const ix = spec.trim();
              const path = ix.replace(/^[*&]/, '');
              store.createIndex(path, path.startsWith('[') ? path.slice(1, -1).split('+') : path, { multiEntry: ix.startsWith('*') });
            }
          }
        };
        req.onsuccess = () => res(req.result);
        req.onerror = () => rej(req.error);
      });
      const t = performance.now();
      const tx = db.transaction(tables, 'readwrite', { durability: 'relaxed' });
      const done = new Promise<void>((res, rej) => {
        tx.oncomplete = () => res();
        tx.onerror = () => rej(tx.error);
      });
      const inFlight: Promise<void>[] = [];
      for (const table of tables) {
        const rows = [...data[table]!].sort((a, b) => (a.id < b.id ? -1 : a.id > b.id ? 1 : 0));
        const store = tx.objectStore(table);
        for (let i = 0; i < rows.length; i += chunk) {
          let last: IDBRequest | undefined;
          for (let j = i; j < Math.min(i + chunk, rows.length); j++) last = store.add(rows[j]);
          inFlight.push(new Promise<void>((r) => (last!.onsuccess = () => r())));
          if (inFlight.length >= depth) await inFlight.shift();
        }
      }
      await done;
      const ms = performance.now() - t;
      db.close();
      await new Promise((r) => {
        const d = indexedDB.deleteDatabase(name);
        d.onsuccess = d.onerror = d.onblocked = r;
      });
      return ms;
    },
    { schema, chunk: RESTORE_CHUNK, depth: RESTORE_PIPELINE },
  );
  await page.close();
  return Math.round(ms);
}
