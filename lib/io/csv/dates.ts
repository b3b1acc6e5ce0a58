// Dates in a CSV column, read ONE way for the whole column. A column's order (day-first,
// month-first, year-first) comes from its unambiguous values (15/03 can only be day-first,
// 03/25 only month-first); a column with only ambiguous values (03/04) follows the file's other
// date columns, then the user's locale — and the preview says so and lets the user change it.
// Also: ISO 8601 (see UTC_DATETIME for a date-time in UTC), French and English month names, and Excel serial day
// numbers (1900 system, epoch 1899-12-30).
import { dayOf, fromExcelSerial, ymd, type CalendarDate } from '../../dates/calendar-date';

export type DateOrder = 'DMY' | 'MDY' | 'YMD';
export interface DateReading {
  order: DateOrder;
  /** where the order came from: the column's values, the file's other date columns, the locale, or the user */
  source: 'values' | 'file' | 'locale' | 'user';
  /** rows (of this column) whose values contradict the chosen order, e.g. 25/03 in a month-first column */
  conflicts: number;
  /** true when nothing in the column decided (the user should check) */
  ambiguous: boolean;
}

/** Month names and abbreviations, French and English, folded (lower case, no accents, no dot). */
const MONTHS: Record<string, number> = {};
const add = (n: number, ...names: string[]) => names.forEach((x) => (MONTHS[x] = n));
add(1, 'january', 'jan', 'janvier', 'janv');
add(2, 'february', 'feb', 'fevrier', 'fevr', 'fev');
add(3, 'march', 'mar', 'mars');
add(4, 'april', 'apr', 'avril', 'avr');
add(5, 'may', 'mai');
add(6, 'june', 'jun', 'juin');
add(7, 'july', 'jul', 'juillet', 'juil');
add(8, 'august', 'aug', 'aout');
add(9, 'september', 'sep', 'sept', 'septembre');
add(10, 'october', 'oct', 'octobre');
add(11, 'november', 'nov', 'novembre');
add(12, 'december', 'dec', 'decembre');
const monthOf = (w: string): number | undefined => (Object.hasOwn(MONTHS, w) ? MONTHS[w] : undefined);

const fold = (s: string) => s.normalize('NFD').replace(/[\u0300-\u036f]/g, '').toLowerCase();
const year4 = (y: string) => (y.length === 2 ? (+y < 70 ? 2000 + +y : 1900 + +y) : +y);

type Shape =
  | { kind: 'empty' }
  | { kind: 'exact'; date: CalendarDate | undefined } // ISO, month name, serial: one reading
  | { kind: 'pair'; a: number; b: number; y: number } // a/b/y: day and month in some order
  | { kind: 'invalid' };

/** Strips a time of day ("T10:00:00Z", " 09:42", " 9:42 AM"): only the day matters. */
const TIME = /(?:[T ]\d{1,2}:\d{2}(?::\d{2}(?:[.,]\d+)?)?\s*(?:[AP]M)?\s*(?:Z|[+-]\d{2}:?\d{2}|UTC|GMT)?)$/i;

/**
 * An ISO date-time in UTC ("2026-11-02T23:30:00.000Z", "… UTC"): an instant, as Salesforce's Data
 * Export writes DateTime fields and APIs write instants. Its calendar day is the one the user saw
 * in the CRM, i.e. in the user's time zone (23:30 UTC is the next day in Paris) — except at exactly
 * midnight: a CRM storing a date-only value as an instant writes 00:00 UTC of that day, and that
 * day is kept. A date-time with another offset ("2026-03-15T23:30:00-08:00") was written in the
 * zone of whoever exported it (the CRM user's own zone), and one without an offset
 * ("2026-03-25 14:03", as HubSpot and Dynamics exports write local times) is local: for both the
 * written day is the day.
 */
const UTC_DATETIME = /^(\d{4})-(\d{2})-(\d{2})[T ](\d{2}):(\d{2})(?::(\d{2})(?:[.,](\d+))?)?\s*(?:Z|UTC|GMT|[+-]00:?00)$/i;

function utcDay(v: string): Shape | undefined {
  const m = UTC_DATETIME.exec(v);
  if (!m) return undefined;
  const [, y, mo, d, hh, mm, ss = '00', frac = '0'] = m;
  const day = ymd(+y, +mo, +d);
  if (!day || (+hh === 0 && +mm === 0 && +ss === 0 && +frac === 0)) return { kind: 'exact', date: day };
  const ms = Date.UTC(+y, +mo - 1, +d, +hh, +mm, +ss);
  return { kind: 'exact', date: Number.isFinite(ms) && +hh < 24 && +mm < 60 && +ss < 60 ? dayOf(ms) : undefined };
}

function shapeOf(raw: string): Shape {
  const utc = utcDay(raw.trim());
  if (utc) return utc;
  const v = raw.trim().replace(TIME, '').trim();
  if (!v) return { kind: 'empty' };
  let m = /^(\d{4})[-/.](\d{1,2})[-/.](\d{1,2})$/.exec(v);
  if (m) return { kind: 'exact', date: ymd(+m[1], +m[2], +m[3]) };
  m = /^(\d{4})(\d{2})(\d{2})$/.exec(v); // 20270315
  if (m && +m[2] >= 1 && +m[2] <= 12) return { kind: 'exact', date: ymd(+m[1], +m[2], +m[3]) };
  m = /^(\d{1,2})[-/.](\d{1,2})[-/.](\d{4}|\d{2})$/.exec(v);
  if (m) return { kind: 'pair', a: +m[1], b: +m[2], y: year4(m[3]) };
  m = /^(\d{1,7})(?:[.,]\d+)?$/.exec(v); // Excel serial (a fraction is a time of day)
  if (m) return { kind: 'exact', date: fromExcelSerial(+m[1]) };
  // Month names: "15 mars 2027", "1er janvier 2027", "March 15, 2027", "15-Mar-2027", "Mar 15 2027".
  const words = fold(v).replace(/(\d)(er|st|nd|rd|th)\b/g, '$1').split(/[\s,./-]+/).filter(Boolean);
  if (words.length === 3) {
    const mi = words.findIndex((w) => monthOf(w) !== undefined);
    const nums = words.filter((_, i) => i !== mi);
    if (mi >= 0 && nums.every((n) => /^\d{1,4}$/.test(n))) {
      const yi = nums.findIndex((n) => n.length === 4);
      if (yi >= 0) return { kind: 'exact', date: ymd(+nums[yi], monthOf(words[mi])!, +nums[1 - yi]) };
      if (mi === 1) return { kind: 'exact', date: ymd(year4(nums[1]), monthOf(words[mi])!, +nums[0]) }; // 15-Mar-27
    }
  }
  return { kind: 'invalid' };
}

/** One value read with a given order: a date, undefined for an empty cell, null when not a date. */
export function readDate(raw: string, order: DateOrder): CalendarDate | undefined | null {
  const s = shapeOf(raw);
  if (s.kind === 'empty') return undefined;
  if (s.kind === 'invalid') return null;
  if (s.kind === 'exact') return s.date ?? null;
  const [d, m] = order === 'MDY' ? [s.b, s.a] : [s.a, s.b];
  return ymd(s.y, m, d) ?? null;
}

/** Evidence of a column: how many values can only be day-first / month-first. */
export function dateEvidence(values: string[]): { dmy: number; mdy: number; pairs: number; dates: number; invalid: number } {
  const e = { dmy: 0, mdy: 0, pairs: 0, dates: 0, invalid: 0 };
  for (const v of values) {
    const s = shapeOf(v);
    if (s.kind === 'empty') continue;
    if (s.kind === 'invalid' || (s.kind === 'exact' && !s.date)) {
      e.invalid++;
      continue;
    }
    e.dates++;
    if (s.kind !== 'pair') continue;
    e.pairs++;
    if (s.a > 12 && s.b <= 12) e.dmy++;
    else if (s.b > 12 && s.a <= 12) e.mdy++;
  }
  return e;
}

/** Day-first unless the locale is one that writes month first (US, Philippines, Canada's English…). */
export function localeDateOrder(locale: string): DateOrder {
  return /^en-(US|PH|CA|FM|MH|PW|GU|AS|MP|PR|VI|UM)$/i.test(locale) || locale.toLowerCase() === 'en' ? 'MDY' : 'DMY';
}

/**
 * Decides the order of each date column: by its own values, else by the file's other date
 * columns (when they agree), else by `fallback` (the user's locale). Keys are column indexes.
 */
export function decideDateOrders(columns: Map<number, string[]>, fallback: DateOrder): Map<number, DateReading> {
  const out = new Map<number, DateReading>();
  const fileVotes = { DMY: 0, MDY: 0 };
  const ev = new Map([...columns].map(([i, vals]) => [i, dateEvidence(vals)]));
  for (const [i, e] of ev) {
    if (e.dmy || e.mdy) {
      const order: DateOrder = e.dmy >= e.mdy ? 'DMY' : 'MDY';
      fileVotes[order]++;
      out.set(i, { order, source: 'values', conflicts: Math.min(e.dmy, e.mdy), ambiguous: false });
    }
  }
  const fileOrder: DateOrder | undefined = fileVotes.DMY && !fileVotes.MDY ? 'DMY' : fileVotes.MDY && !fileVotes.DMY ? 'MDY' : undefined;
  for (const [i, e] of ev) {
    if (out.has(i)) continue;
    // No pairs at all (ISO, names, serials): the order does not matter.
    if (!e.pairs) out.set(i, { order: fileOrder ?? fallback, source: fileOrder ? 'file' : 'locale', conflicts: 0, ambiguous: false });
    else out.set(i, fileOrder ? { order: fileOrder, source: 'file', conflicts: 0, ambiguous: false } : { order: fallback, source: 'locale', conflicts: 0, ambiguous: true });
  }
  return new Map([...out].sort((a, b) => a[0] - b[0]));
}

/** "DD/MM/YYYY", "MM/DD/YYYY", "YYYY-MM-DD" — how the preview names an order. */
export const ORDER_PATTERN: Record<DateOrder, string> = { DMY: 'DD/MM/YYYY', MDY: 'MM/DD/YYYY', YMD: 'YYYY-MM-DD' };
