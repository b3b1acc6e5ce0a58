// A restore run off the page's main thread (components/dashboard/data/restore.worker.ts): read
// and validate the file, wait for the user's confirmation, write it — posting what the page
// shows (problems, counts, progress). Kept apart from the worker's global so tests drive it.
import { parseBackup, type TableName, type ValidatedBackupData } from './backup';
import type { ImportProblem } from './errors';
import { restoreRelaxed, sortForRestore, type RestoreOptions } from '../db/restore';
import type { SyncConfig } from '../sync/config';
import { restoreSynced } from '../sync/restore-sync';
import { KalError, toErrorData, type KalErrorData } from '../errors';

const failed = (e: unknown): RestoreReply => {
  const error = toErrorData(e);
  return { type: 'failed', message: e instanceof Error ? e.message : String(e), error };
};

/** page → worker */
export type RestoreRequest = { type: 'parse'; file: Blob; name: string } | { type: 'write'; sync?: SyncConfig };
/** worker → page */
export type RestoreReply =
  | { type: 'parsed'; ok: true; counts: Record<TableName, number> }
  | { type: 'parsed'; ok: false; problems: ImportProblem[] }
  | { type: 'progress'; done: number; total: number }
  | { type: 'done'; accounts: number }
  /** `error`: the failure with its reason code, for the page to word it in the user's language (components/ui/errorText.ts) */
  | { type: 'failed'; message: string; error?: KalErrorData };

export type Writer = (data: ValidatedBackupData, opts: RestoreOptions) => Promise<void>;

/** The job's message handler: `post` sends replies to the page; `write` is the restore (relaxed durability by default). */
export function restoreJob(post: (r: RestoreReply) => void, write: Writer = restoreRelaxed): (req: RestoreRequest) => Promise<void> {
  let data: ValidatedBackupData | undefined;
  return async (req) => {
    try {
      if (req.type === 'parse') {
        data = undefined;
        const r = parseBackup(await req.file.text(), req.name);
        if (!r.ok) return post({ type: 'parsed', ok: false, problems: r.problems });
        data = r.backup.data;
        post({ type: 'parsed', ok: true, counts: r.counts });
        // While the user reads the confirmation: the write then starts with its records in order.
        return sortForRestore(data);
      }
      if (!data) return post(failed(new KalError('bad_request', 'No validated backup to restore: choose the file again.').because('backup_not_validated')));
      const d = data;
      data = undefined; // one restore per validation
      const onProgress = (done: number, total: number) => post({ type: 'progress', done, total });
      // Team sync on: through a sync connection, the user's own records only (lib/sync/restore-sync.ts).
      if (req.sync) await restoreSynced(req.sync, d, { onProgress });
      else await write(d, { onProgress });
      post({ type: 'done', accounts: d.accounts.length });
    } catch (e) {
      post(failed(e));
    }
  };
}
