// UI strings and locale formatting. Our own dictionaries (not browser.i18n) because the user
// can override the browser's language in Settings, which browser.i18n cannot do.
import { en, type MessageKey } from './en';
import { fr } from './fr';
import { Temporal } from 'temporal-polyfill';
import { isCalendarDate } from '../dates/calendar-date';

export type Lang = 'en' | 'fr';
export type { MessageKey };
const DICTS: Record<Lang, Record<MessageKey, string>> = { en, fr };

export function resolveLang(setting: 'auto' | Lang | undefined, browserLang: string = globalThis.navigator?.language ?? 'en'): Lang {
  if (setting === 'en' || setting === 'fr') return setting;
  return browserLang.toLowerCase().startsWith('fr') ? 'fr' : 'en';
}

export type T = (key: MessageKey, vars?: Record<string, string | number>) => string;

export function makeT(lang: Lang): T {
  const dict = DICTS[lang];
  return (key, vars) => {
    const s = dict[key] ?? en[key] ?? key;
    return vars ? s.replace(/\{(\w+)\}/g, (m, k: string) => (k in vars ? String(vars[k]) : m)) : s;
  };
}

const LOCALE: Record<Lang, string> = { en: 'en-GB', fr: 'fr-FR' };

/**
 * The largest amount shown as a number: 10^18 (a thousand times the largest amount a record may
 * hold, lib/db/model.ts MAX_AMOUNT, so any portfolio total fits). A value beyond it — or not a
 * finite number — can only have been stored by an older version: shown as "—", never "€∞",
 * "€NaN" or a 300-digit figure.
 */
export const MAX_SHOWN_AMOUNT = 1e18;

/** An amount in the account's currency ("€1.2M", "1,2 M€"); "—" for a value no version should have stored (never throws). */
export function formatMoney(n: number, currency: string, lang: Lang): string {
  if (typeof n !== 'number' || !Number.isFinite(n) || Math.abs(n) > MAX_SHOWN_AMOUNT) return '—';
  try {
    return new Intl.NumberFormat(LOCALE[lang], { style: 'currency', currency, notation: n >= 100000 ? 'compact' : 'standard', maximumFractionDigits: n >= 100000 ? 1 : 0 }).format(n);
  } catch {
    return `${n} ${currency}`;
  }
}

/** A calendar date (YYYY-MM-DD) as the user reads it: "15 Mar 2027" / "15 mars 2027", the same in every time zone. */
export function formatDay(d: string | undefined, lang: Lang): string {
  if (!d || !isCalendarDate(d)) return '—';
  try {
    return Temporal.PlainDate.from(d).toLocaleString(LOCALE[lang], { day: 'numeric', month: 'short', year: 'numeric' });
  } catch {
    return d;
  }
}

/** Whether `ms` is an instant `Date` can hold (±8.64e15 ms, ECMA-262 §21.4.1.1): outside it every date formatter throws. */
export const isInstant = (ms: unknown): ms is number => typeof ms === 'number' && Number.isFinite(ms) && Math.abs(ms) <= 8.64e15;

/** The day of an instant (epoch ms: creation, last contact, backup time) in the user's time zone; "—" when absent or not a date (never throws). */
export function formatDate(ms: number | undefined, lang: Lang): string {
  if (!isInstant(ms)) return '—';
  return new Intl.DateTimeFormat(LOCALE[lang], { day: 'numeric', month: 'short', year: 'numeric' }).format(ms);
}

/** Day and time of an instant ("15 Mar 2027 14:05"); "—" when not a date (never throws). */
export function formatDateTime(ms: number | undefined, lang: Lang): string {
  if (!isInstant(ms)) return '—';
  return `${formatDate(ms, lang)} ${new Intl.DateTimeFormat(lang, { hour: '2-digit', minute: '2-digit' }).format(ms)}`;
}
