// The restore's write path (lib/db/restore.ts) and the worker's job (lib/io/restore-job.ts):
// every record written in one transaction, progress to the end, nothing changed on failure,
// one write per validation.
import { afterEach, describe, expect, it } from 'vitest';
import { liveQuery } from 'dexie';
import { createDb, type KalDb } from '../../lib/db/db';
import { exportBackup, parseBackup, serializeBackup, TABLES, type BackupData, type ValidatedBackupData } from '../../lib/io/backup';
import { restoreRelaxed, restoreValidated, RESTORE_CHUNK } from '../../lib/db/restore';
import { restoreJob, type RestoreReply } from '../../lib/io/restore-job';
import { loadSamplePortfolio } from '../../lib/sample/load';
import { generateBackup } from '../../scripts/bench/dataset';

const NOW = Date.UTC(2026, 10, 26);
const dbs: KalDb[] = [];
afterEach(() => {
  while (dbs.length) dbs.pop()!.close();
});
const fresh = (name = 'restore-' + Math.random()) => {
  const d = createDb(name);
  dbs.push(d);
  return d;
};

async function dump(db: KalDb): Promise<BackupData> {
  const b = await exportBackup(db, NOW);
  for (const t of TABLES) (b.data[t] as { id: string }[]).sort((x, y) => (x.id < y.id ? -1 : 1));
  return b.data;
}

function validated(n: number): { data: ValidatedBackupData; text: string } {
  const text = JSON.stringify(generateBackup(n, NOW));
  const r = parseBackup(text);
  if (!r.ok) throw new Error(JSON.stringify(r.problems.slice(0, 3)));
  return { data: r.backup.data, text };
}

describe('restoreValidated', () => {
  it('replaces everything with the backup, in chunks, reporting progress up to the total', async () => {
    const { data } = validated(600); // 15,900 records: stakeholders alone take two chunks
    expect(data.stakeholders.length).toBeGreaterThan(RESTORE_CHUNK);
    const db = fresh();
    await loadSamplePortfolio(db, NOW); // restore replaces whatever was there
    const progress: [number, number][] = [];
    await restoreValidated(db, data, { onProgress: (done, total) => progress.push([done, total]) });
    const total = TABLES.reduce((n, t) => n + data[t].length, 0);
    expect(progress.at(-1)).toEqual([total, total]);
    expect(progress.every(([d], i) => i === 0 || d > progress[i - 1]![0])).toBe(true);
    const expected = JSON.parse(JSON.stringify(data)) as BackupData;
    for (const t of TABLES) (expected[t] as { id: string }[]).sort((x, y) => (x.id < y.id ? -1 : 1));
    expect(await dump(db)).toEqual(expected);
  }, 60_000);

  it('leaves the database as it was when a write fails half way', async () => {
    const db = fresh();
    await loadSamplePortfolio(db, NOW);
    const before = await dump(db);
    const { data } = validated(20);
    // Only parseBackup makes validated data; forge a primary-key clash it would have refused.
    const bad = { ...data, stakeholders: [...data.stakeholders, { ...data.stakeholders[1]!, id: data.stakeholders[0]!.id }] };
    await expect(restoreValidated(db, bad as ValidatedBackupData)).rejects.toThrow();
    expect(await dump(db)).toEqual(before);
  });

  it('open views are told: a live query re-reads after the restore commits', async () => {
    const db = fresh();
    await loadSamplePortfolio(db, NOW);
    const seen: number[] = [];
    const sub = liveQuery(() => db.accounts.count()).subscribe((n) => seen.push(n));
    await new Promise((r) => setTimeout(r, 50));
    const before = await db.accounts.count();
    const { data } = validated(before + 3);
    await restoreValidated(db, data);
    for (let i = 0; i < 50 && seen.at(-1) !== before + 3; i++) await new Promise((r) => setTimeout(r, 20));
    sub.unsubscribe();
    expect(seen).toEqual([before, before + 3]);
  });

  it('restoreRelaxed writes through a connection of its own and closes it', async () => {
    const name = 'restore-relaxed-' + Math.random();
    const { data } = validated(5);
    await restoreRelaxed(data, {}, name);
    const db = fresh(name);
    expect(await db.accounts.count()).toBe(5);
    expect(await db.stakeholders.count()).toBe(data.stakeholders.length);
  });
});

describe('restoreJob (the worker side)', () => {
  const run = () => {
    const replies: RestoreReply[] = [];
    const writes: ValidatedBackupData[] = [];
    const handle = restoreJob(
      (r) => replies.push(r),
      async (data, opts) => {
        writes.push(data);
        opts.onProgress?.(1, 2);
        opts.onProgress?.(2, 2);
      },
    );
    return { replies, writes, handle };
  };

  it('checks the file, then writes only after the confirmation, with progress', async () => {
    const { replies, writes, handle } = run();
    const { text } = validated(3);
    await handle({ type: 'parse', file: new Blob([text]), name: 'b.json' });
    expect(replies).toEqual([{ type: 'parsed', ok: true, counts: expect.objectContaining({ accounts: 3 }) }]);
    expect(writes).toEqual([]);
    await handle({ type: 'write' });
    expect(replies.slice(1)).toEqual([
      { type: 'progress', done: 1, total: 2 },
      { type: 'progress', done: 2, total: 2 },
      { type: 'done', accounts: 3 },
    ]);
    expect(writes[0]!.accounts).toHaveLength(3);
    // One restore per validation: a second click writes nothing.
    await handle({ type: 'write' });
    expect(replies.at(-1)).toEqual({ type: 'failed', message: 'No validated backup to restore: choose the file again.', error: { code: 'bad_request', message: 'No validated backup to restore: choose the file again.', reason: 'backup_not_validated' } });
    expect(writes).toHaveLength(1);
  });

  it('puts the records in primary-key order while the user reads the confirmation (the write then has nothing to sort)', async () => {
    const { writes, handle } = run();
    await handle({ type: 'parse', file: new Blob([validated(12).text]), name: 'b.json' });
    await handle({ type: 'write' });
    expect(writes[0]!.accounts.map((a) => a.id)).toEqual(['a0', 'a1', 'a10', 'a11', 'a2', 'a3', 'a4', 'a5', 'a6', 'a7', 'a8', 'a9']);
    const ids = writes[0]!.stakeholders.map((s) => s.id);
    expect(ids).toEqual([...ids].sort());
    expect(ids).toHaveLength(120);
  });

  it('names the file and the problem of a broken backup, and never writes it', async () => {
    const { replies, writes, handle } = run();
    await handle({ type: 'parse', file: new Blob(['{"format":"key-account-lens-backup","version":1,"exportedAt":1,"data":{"accounts":[{"id":""}]}}']), name: 'broken.json' });
    expect(replies[0]).toMatchObject({ type: 'parsed', ok: false, problems: expect.arrayContaining([expect.objectContaining({ file: 'broken.json', table: 'accounts', row: 0 })]) });
    await handle({ type: 'write' });
    expect(writes).toEqual([]);
  });

  it('reports a failed write with its message', async () => {
    const replies: RestoreReply[] = [];
    const handle = restoreJob(
      (r) => replies.push(r),
      async () => {
        throw new Error('QuotaExceededError: disk full');
      },
    );
    await handle({ type: 'parse', file: new Blob([validated(1).text]), name: 'b.json' });
    await handle({ type: 'write' });
    expect(replies.at(-1)).toEqual({ type: 'failed', message: 'QuotaExceededError: disk full', error: { code: 'storage', message: 'Storage is full: nothing was saved. Free some space or export a backup.', reason: 'storage_full' } });
    // the page words it in the user's language
    const { KalError } = await import('../../lib/errors');
    const { errorText } = await import('../../components/ui/errorText');
    const { makeT } = await import('../../lib/i18n');
    const last = replies.at(-1) as Extract<RestoreReply, { type: 'failed' }>;
    expect(errorText(makeT('fr'), KalError.from(last.error!))).toBe('Le stockage est plein : rien n’a été enregistré. Libérez de la place ou exportez une sauvegarde.');
  });
});
