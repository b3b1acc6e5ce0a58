// User settings, kept in extension storage (readable by the content script, which cannot open
// IndexedDB in the extension origin).
import { browser } from 'wxt/browser';

export interface Settings {
  /** 'auto' follows the browser */
  language: 'auto' | 'en' | 'fr';
  autoOpen: boolean;
  reviewCadenceDays: number;
  contactDays: number;
  planDays: number;
  backupReminderDays: number;
  lastBackupAt?: number;
}

export const DEFAULT_SETTINGS: Settings = {
  language: 'auto',
  autoOpen: true,
  reviewCadenceDays: 30,
  contactDays: 90,
  planDays: 90,
  backupReminderDays: 30,
};

const KEY = 'settings';

export async function getSettings(): Promise<Settings> {
  const got = (await browser.storage.local.get(KEY))[KEY] as Partial<Settings> | undefined;
  return { ...DEFAULT_SETTINGS, ...(got ?? {}) };
}

/**
 * The settings a form changed: the keys whose value differs from what the form loaded. Saving only
 * these (saveSettings merges) keeps what another tab or the backup reminder saved meanwhile — a
 * settings page left open does not put back the language changed elsewhere.
 */
export function changedSettings(loaded: Settings, form: Partial<Settings>): Partial<Settings> {
  return Object.fromEntries(Object.entries(form).filter(([k, v]) => v !== undefined && v !== loaded[k as keyof Settings])) as Partial<Settings>;
}

export async function saveSettings(patch: Partial<Settings>): Promise<Settings> {
  const next = { ...(await getSettings()), ...patch };
  await browser.storage.local.set({ [KEY]: next });
  return next;
}
