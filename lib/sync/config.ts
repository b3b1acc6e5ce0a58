// Team sync settings (README "Team sync"). Off unless the user turned it on in Settings: then the
// extension talks to ONE service, the Dexie Cloud database at `databaseUrl`, with the optional
// host permission of that origin only (manifest `optional_host_permissions`).
// Kept in extension storage, not IndexedDB: the background reads it before choosing its
// database connection (lib/sync/connection.ts).
import { browser } from 'wxt/browser';
import { z } from 'zod';
import { lazySchema } from '../lazy-schema';

/** Stored under `teamSync` in storage.local. Absent = off. */
export interface SyncConfig {
  /** the Dexie Cloud database URL, e.g. https://zxxxxxxx.dexie.cloud */
  databaseUrl: string;
  /** the e-mail the user logs in with (a one-time code is sent there) */
  email?: string;
}

export const SYNC_CONFIG_KEY = 'teamSync';
export { UNSYNCED_TABLES } from './tables';
/** The last known sync status (lib/sync/status.ts), written by whichever context syncs. */
export const SYNC_STATUS_KEY = 'teamSyncStatus';

/**
 * A service URL: https, or http only on a loopback host (a self-hosted service on this machine,
 * and the tests' refusing loopback). No path beyond `/`, no credentials, no query.
 */
export const databaseUrlSchema = lazySchema(() =>
  z
    .string()
    .trim()
    .refine((s) => {
      try {
        const u = new URL(s);
        const loopback = u.hostname === '127.0.0.1' || u.hostname === 'localhost' || u.hostname === '[::1]';
        return (u.protocol === 'https:' || (u.protocol === 'http:' && loopback)) && !u.username && !u.password && !u.search && !u.hash && (u.pathname === '/' || u.pathname === '');
      } catch {
        return false;
      }
    }, 'must be an https:// address (or http:// on this computer), without a path')
    .transform((s) => new URL(s).origin),
);

export const syncConfigSchema = lazySchema(() =>
  z.object({
    databaseUrl: databaseUrlSchema,
    email: z.string().trim().toLowerCase().pipe(z.email('is not a valid email address')).optional(),
  }),
);

/** The host-permission pattern of the service: its origin only, e.g. `https://z1.dexie.cloud/*`. */
export function originPattern(databaseUrl: string): string {
  return `${new URL(databaseUrl).origin}/*`;
}

/** The stored config, or undefined when sync is off (also when the stored value is invalid). */
export async function getSyncConfig(): Promise<SyncConfig | undefined> {
  const got = (await browser.storage.local.get(SYNC_CONFIG_KEY))[SYNC_CONFIG_KEY];
  const r = syncConfigSchema.safeParse(got);
  return r.success ? r.data : undefined;
}

export async function setSyncConfig(config: SyncConfig | undefined): Promise<void> {
  if (config === undefined) await browser.storage.local.remove([SYNC_CONFIG_KEY, SYNC_STATUS_KEY]);
  else await browser.storage.local.set({ [SYNC_CONFIG_KEY]: syncConfigSchema.parse(config) });
}
