// What the popup and the dashboard say about team sync. Computed where the sync runs (the
// background, the dashboard) from dexie-cloud-addon's observables and kept in storage.local, so
// the popup shows it without loading the addon.
import type { MessageKey } from '../i18n';

/**
 * off: not configured. login: configured, nobody logged in. syncing / synced: as said.
 * offline: the service cannot be reached (network down, service down or refusing).
 * loginExpired: the service refused the login (HTTP 401 / expired token) — log in again.
 * rejected: the service refused a change or the user (HTTP 403, policy) — local edits are kept.
 * error: any other fault (the message says which).
 */
export type SyncPhase = 'off' | 'login' | 'syncing' | 'synced' | 'offline' | 'loginExpired' | 'rejected' | 'error';

export interface SyncStatus {
  phase: SyncPhase;
  /** epoch ms of the last successful sync */
  lastSyncAt?: number;
  /** the fault's own message (service or network), shown under the status */
  message?: string;
  /** changes saved here and not yet accepted by the service (the outbox) */
  pending?: number;
  email?: string;
}

export const STATUS_TEXT: Record<SyncPhase, MessageKey> = {
  off: 'syncOff',
  login: 'syncLogin',
  syncing: 'syncSyncing',
  synced: 'syncSynced',
  offline: 'syncOffline',
  loginExpired: 'syncLoginExpired',
  rejected: 'syncRejected',
  error: 'syncError',
};

/** The shape of dexie-cloud-addon's SyncState we read (dexie-cloud-addon/src/types/SyncState.ts). */
export interface AddonSyncState {
  phase: 'initial' | 'not-in-sync' | 'pushing' | 'pulling' | 'in-sync' | 'error' | 'offline';
  status?: string;
  error?: unknown;
  license?: 'ok' | 'expired' | 'deactivated';
}

/**
 * Maps the addon's state to ours. Faults are told apart by the error the addon keeps
 * (dexie-cloud-addon sync/sync.ts): a `TypeError` from fetch = unreachable; `HttpError` with
 * `httpStatus` 401 = login expired, 403 = refused; `TokenExpiredError` = login expired;
 * `PolicyRejectionError` = refused. A license other than ok = refused.
 */
export function statusFromAddon(s: AddonSyncState, loggedIn: boolean, lastSyncAt: number | undefined): SyncStatus {
  const base = { lastSyncAt };
  if (s.license && s.license !== 'ok') return { ...base, phase: 'rejected', message: `license ${s.license}` };
  const e = s.error as { name?: string; message?: string; httpStatus?: number } | undefined;
  // Logged out, the one useful action is to log in (the addon still tries to sync at start-up).
  if (!loggedIn) return { ...base, phase: 'login', message: e?.message };
  if (s.phase === 'offline') return { ...base, phase: 'offline', message: e?.message };
  if (s.phase === 'error' || e) return { ...base, ...faultOf(e) };
  if (s.phase === 'pushing' || s.phase === 'pulling' || s.phase === 'not-in-sync' || s.phase === 'initial') return { ...base, phase: 'syncing' };
  return { ...base, phase: 'synced' };
}

/** A thrown sync error → its phase and message (same rules as statusFromAddon). */
export function faultOf(e: unknown): Pick<SyncStatus, 'phase' | 'message'> {
  const err = e as { name?: string; message?: string; httpStatus?: number } | undefined;
  const message = err?.message ?? (e === undefined ? undefined : String(e));
  if (err?.name === 'TokenExpiredError' || err?.httpStatus === 401) return { phase: 'loginExpired', message };
  if (err?.name === 'PolicyRejectionError' || err?.httpStatus === 403) return { phase: 'rejected', message };
  if (err?.name === 'TypeError' || err?.name === 'TimeoutError' || /fetch|network|ECONNREFUSED|Failed to|NetworkError|timeout/i.test(message ?? '')) return { phase: 'offline', message };
  return { phase: 'error', message };
}
