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

export function formatMoney(n: number, currency: string, lang: Lang): string {
  try {
    return new Intl.NumberFormat(LOCALE[lang], { style: 'currency', currency, notation: n >= 100000 ? 'compact' : 'standard', maximumFractionDigits: n >= 100000 ? 1 : 0 }).format(n);
  } catch {
    return `${n} ${currency}`;
  }
}

/** A calendar date (YYYY-MM-DD) as the user reads it: "15 Mar 2027" / "15 mars 2027", the same in every time zone. */
export function formatDay(d: string | undefined, lang: Lang): string {
  if (!d || !isCalendarDate(d)) return '—';
  return Temporal.PlainDate.from(d).toLocaleString(LOCALE[lang], { day: 'numeric', month: 'short', year: 'numeric' });
}

/** The day of an instant (epoch ms: creation, last contact, backup time) in the user's time zone. */
export function formatDate(ms: number | undefined, lang: Lang): string {
  if (ms === undefined) return '—';
  return new Intl.DateTimeFormat(LOCALE[lang], { day: 'numeric', month: 'short', year: 'numeric' }).format(ms);
}
