// Amounts in a CSV column, read ONE way for the whole column: decimal comma (1 250,5 · 1.200.000,50)
// or decimal point (1,200,000.50). The column's unambiguous values decide (a value with both
// marks, with a mark repeated, or with other than 3 digits after its only mark); "45.000" alone
// follows the file's other amount columns, then the locale. Suffixes k / M / Md / bn multiply;
// a currency symbol or code is returned with the value (it sets the amount's currency), never
// dropped.

export type DecimalMark = ',' | '.';
export interface NumberReading {
  decimal: DecimalMark;
  source: 'values' | 'file' | 'locale' | 'user';
  ambiguous: boolean;
}
export interface Amount {
  value: number;
  /** ISO 4217 code from a symbol or code in the cell ("$2.5M" → USD) */
  currency?: string;
}

/** Symbols and codes → ISO 4217. "$" alone is read as USD (the currency the symbol most often means in CRM exports). */
const SYMBOLS: [RegExp, string][] = [
  [/US\$|USD|\$US|U\.S\.\$/i, 'USD'],
  [/CA\$|C\$|CAD|\$CA/i, 'CAD'],
  [/AU\$|A\$|AUD/i, 'AUD'],
  [/NZ\$|NZD/i, 'NZD'],
  [/HK\$|HKD/i, 'HKD'],
  [/SG\$|S\$|SGD/i, 'SGD'],
  [/€|EUR|euros?/i, 'EUR'],
  [/£|GBP/i, 'GBP'],
  [/CHF|Fr\.|SFr/i, 'CHF'],
  [/¥|JPY|円/i, 'JPY'],
  [/CNY|RMB|元/i, 'CNY'],
  [/₹|INR/i, 'INR'],
  [/R\$|BRL/i, 'BRL'],
  [/SEK|NOK|DKK|PLN|CZK|HUF|ZAR|MXN|KRW|TRY|AED|SAR|ILS/i, ''],
  [/\$/, 'USD'],
];
const MULT: [RegExp, number][] = [
  [/(?:bn|md|mds|mrd|milliards?|billions?)$/i, 1e9],
  [/(?:m|mio|mn|millions?)$/i, 1e6],
  [/(?:k|ke|keur|thousands?|milliers?)$/i, 1e3],
];

interface Split {
  digits: string; // digits and marks only
  negative: boolean;
  multiplier: number;
  currency?: string;
}

/** Separates sign, currency, multiplier and the number itself; null when something else remains. */
function split(raw: string): Split | null | undefined {
  let v = raw.trim();
  // Empty, or the dash accounting formats write for "nothing".
  if (!v || /^[-–—]$/.test(v)) return undefined;
  let currency: string | undefined;
  for (const [re, code] of SYMBOLS) {
    const m = re.exec(v);
    if (m) {
      currency = code || m[0].toUpperCase();
      v = v.replace(re, ' ');
      break;
    }
  }
  v = v.replace(/[\s\u00a0\u202f\u2009']/g, ''); // spaces, NBSP, narrow NBSP, thin space, Swiss apostrophe
  let negative = false;
  if (/^\(.*\)$/.test(v)) {
    negative = true;
    v = v.slice(1, -1);
  }
  if (/^[-−]/.test(v)) {
    negative = true;
    v = v.slice(1);
  }
  if (v.endsWith('-')) {
    negative = true;
    v = v.slice(0, -1);
  }
  let multiplier = 1;
  for (const [re, n] of MULT) {
    if (re.test(v) && /\d/.test(v.replace(re, ''))) {
      multiplier = n;
      v = v.replace(re, '');
      break;
    }
  }
  v = v.replace(/^\+/, '');
  if (!/^[\d.,]*\d[\d.,]*$/.test(v) && !/^[.,]\d+$/.test(v)) return null;
  return { digits: v, negative, multiplier, currency };
}

/** Which decimal mark a value proves, if any. */
function evidence(digits: string): DecimalMark | 'ambiguous' | 'none' {
  const commas = (digits.match(/,/g) ?? []).length;
  const dots = (digits.match(/\./g) ?? []).length;
  if (commas && dots) return digits.lastIndexOf(',') > digits.lastIndexOf('.') ? ',' : '.';
  if (commas > 1) return '.';
  if (dots > 1) return ',';
  if (!commas && !dots) return 'none';
  const mark = commas ? ',' : '.';
  const [int, frac] = digits.split(mark);
  // Thousands groups have exactly 3 digits and follow 1–3 digits that are not a lone 0.
  if (frac.length !== 3 || !int || int === '0' || int.length > 3) return mark;
  return 'ambiguous';
}

/** Reads one value with the column's decimal mark: an Amount, undefined (empty), or null (not a number). */
export function readAmount(raw: string, decimal: DecimalMark): Amount | undefined | null {
  const s = split(raw);
  if (s === undefined || s === null) return s;
  const thousands = decimal === ',' ? '.' : ',';
  let d = s.digits;
  if (d.includes(thousands)) {
    // Grouping must be regular: 1.200.000 yes, 1.2.3 no.
    const [int] = d.split(decimal);
    if (!new RegExp(`^\\d{1,3}(\\${thousands}\\d{3})+$`).test(int)) return null;
    d = d.split(thousands).join('');
  }
  if ((d.match(new RegExp(`\\${decimal}`, 'g')) ?? []).length > 1) return null;
  d = d.replace(decimal, '.');
  const n = Number(d.startsWith('.') ? `0${d}` : d);
  if (!Number.isFinite(n)) return null;
  // Cents precision; multiply first so 2.5M is exactly 2,500,000.
  const value = Math.round(n * s.multiplier * 100) / 100;
  return { value: s.negative ? -value : value, ...(s.currency ? { currency: s.currency } : {}) };
}

export function numberEvidence(values: string[]): { comma: number; point: number } {
  const e = { comma: 0, point: 0 };
  for (const v of values) {
    const s = split(v);
    if (!s) continue;
    const k = evidence(s.digits);
    if (k === ',') e.comma++;
    else if (k === '.') e.point++;
  }
  return e;
}

/** Decimal comma for locales that write it (fr, de, es, it, nl, pt, ru, pl, sv…), else point. */
export function localeDecimal(locale: string): DecimalMark {
  const s = (1.5).toLocaleString(locale);
  return s.includes(',') ? ',' : '.';
}

/**
 * Decides each amount column's decimal mark: its values, else the file's other amount columns,
 * else the file's separator (";" is what Excel writes where the decimal mark is a comma; a ","
 * file uses a decimal point), else the locale. Keys are column indexes.
 */
export function decideDecimalMarks(columns: Map<number, string[]>, separator: string, locale: string): Map<number, NumberReading> {
  const out = new Map<number, NumberReading>();
  const votes = { ',': 0, '.': 0 };
  const ev = new Map([...columns].map(([i, vals]) => [i, numberEvidence(vals)]));
  for (const [i, e] of ev) {
    if (e.comma || e.point) {
      const decimal: DecimalMark = e.comma >= e.point ? ',' : '.';
      votes[decimal]++;
      out.set(i, { decimal, source: 'values', ambiguous: false });
    }
  }
  // A comma-separated file writes a decimal comma only inside quotes: its ambiguous "1,200" is a thousand.
  const fileMark: DecimalMark | undefined = votes[','] && !votes['.'] ? ',' : votes['.'] && !votes[','] ? '.' : separator === ';' ? ',' : separator === ',' ? '.' : undefined;
  for (const [i] of ev) {
    if (out.has(i)) continue;
    out.set(i, fileMark ? { decimal: fileMark, source: 'file', ambiguous: false } : { decimal: localeDecimal(locale), source: 'locale', ambiguous: true });
  }
  return new Map([...out].sort((a, b) => a[0] - b[0]));
}

/** The currency a column header names: "Revenue (k€)" → EUR, "Amount USD" → USD. */
export function headerCurrency(header: string): string | undefined {
  const m = /(€|£|¥|₹|US\$|\$)|\b(EUR|USD|GBP|CHF|JPY|CAD|AUD|NZD|SEK|NOK|DKK|PLN|CZK|CNY|INR|BRL)\b/.exec(header);
  if (!m) return undefined;
  return m[2] ?? ({ '€': 'EUR', '£': 'GBP', '¥': 'JPY', '₹': 'INR', 'US$': 'USD', '$': 'USD' } as Record<string, string>)[m[1]];
}

/** A currency cell ("EUR", "eur", "€", "US$") → ISO 4217 code; undefined when not recognised. */
export function currencyCode(s: string): string | undefined {
  const v = s.trim();
  if (/^[A-Za-z]{3}$/.test(v)) return v.toUpperCase();
  return headerCurrency(v);
}
