// The restore's write with team sync on: through a sync connection (so the writes reach the
// outbox) and scoped to the user's own records (a shared account is never deleted). Runs in the
// restore worker (lib/io/restore-job.ts). The worker is built as one classic script (no code
// splitting), so it bundles the sync client; it is loaded only when the user restores.
import type { ValidatedBackupData } from '../io/backup';
import { restoreValidated, type RestoreOptions } from '../db/restore';
import type { SyncConfig } from './config';
import { createCloudDb } from './cloud-db';
import { dataScopeOf } from './scope';

export async function restoreSynced(config: SyncConfig, data: ValidatedBackupData, opts: RestoreOptions = {}, name?: string): Promise<void> {
  const db = createCloudDb(config, name);
  try {
    await db.open(); // resolves once the addon knows the logged-in user
    await restoreValidated(db, data, opts, dataScopeOf(db));
  } finally {
    db.close();
  }
}
