// Schema v3 upgrade: calendar dates stored as epoch ms (versions 1–2) become `YYYY-MM-DD`,
// keeping the day the user saw (rule in dayFromLegacyMs). Also used on backups written by
// versions 1–2 so an old backup restores the same days.
import type { Transaction } from 'dexie';
import { dayFromLegacyMs, type CalendarDate } from '../dates/calendar-date';

/** A legacy value (ms) → day; a value that is already a day, or absent, is kept as is. */
export function legacyDay(v: unknown, timeZone?: string): CalendarDate | undefined | unknown {
  if (typeof v === 'number' && Number.isFinite(v)) return dayFromLegacyMs(v, timeZone);
  return v;
}

type Rec = Record<string, unknown>;
const convert = (r: Rec, keys: string[], timeZone?: string) => {
  for (const k of keys) if (k in r && r[k] !== undefined) r[k] = legacyDay(r[k], timeZone);
};
const convertPlan = (p: Rec, timeZone?: string) => {
  if (Array.isArray(p.objectives)) for (const o of p.objectives as Rec[]) convert(o, ['dueAt'], timeZone);
};

/** In-place conversion of one record of `table` (accounts, actions, plans, planRevisions). */
export function migrateRecordDates(table: string, r: Rec, timeZone?: string): void {
  if (table === 'accounts') convert(r, ['renewalAt', 'nextReviewAt'], timeZone);
  else if (table === 'actions') convert(r, ['dueAt'], timeZone);
  else if (table === 'plans') convertPlan(r, timeZone);
  else if (table === 'planRevisions' && r.before && typeof r.before === 'object') convertPlan(r.before as Rec, timeZone);
}

export async function migrateCalendarDates(tx: Transaction): Promise<void> {
  for (const table of ['accounts', 'actions', 'plans', 'planRevisions']) {
    await tx.table(table).toCollection().modify((r: Rec) => migrateRecordDates(table, r));
  }
}
