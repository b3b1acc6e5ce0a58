// The one door every stored record goes through, whoever writes it: the repository's own writes
// (lib/db/repo.ts), a JSON backup restore (lib/io/backup.ts) and a CSV or LinkedIn-connections
// import (lib/io/csv-import.ts, lib/io/linkedin-connections.ts). Pure: a raw record in, the
// record as it will be stored (or the reasons it cannot be) out. In this order:
//   1. key fields made canonical, or refused (lib/keys/records.ts): domains, website (tracking
//      parameters dropped, its domain joins the domains), LinkedIn company and profile URLs,
//      emails, learned-link keys. A foreign host given as a LinkedIn URL gives no key: refused.
//   2. the record schema (lib/db/model.ts): types, enums, lengths, amounts 0…MAX_AMOUNT,
//      timestamps 0…MAX_INSTANT_MS, calendar days 1900–2999. Unknown fields are dropped.
//   3. derived keys recomputed from the fields they derive from, never taken from the input:
//      an account's nameKey (nameKey(name)), a stakeholder's (personKey(name)).
// Cross-record rules (references, unique ids and URLs) need the other records: the repository
// checks them against the database, a restore against the file (lib/io/backup.ts).
import type { z } from 'zod';
import { KalError } from '../errors';
import { canonicalAccountKeys, canonicalStakeholderKeys, type KeyProblem } from '../keys/records';
import { canonicalCompanyUrl, canonicalProfileUrl } from '../keys/linkedin';
import { domainKey } from '../keys/domains';
import { nameKey, personKey } from '../keys/names';
import { MAX_AMOUNT, MAX_INSTANT_MS, RECORD_SCHEMAS, type Account, type Link, type Stakeholder } from './model';

export type RecordTable = keyof typeof RECORD_SCHEMAS;
export type RecordOf<T extends RecordTable> = z.output<(typeof RECORD_SCHEMAS)[T]>;

/** Why a value is refused, besides the key codes of lib/keys/records.ts (i18n `problem_<code>`). */
export const PROBLEM_CODES = [
  'not_record',
  'required',
  'wrong_type',
  'not_finite',
  'negative',
  'too_small',
  'too_big',
  'amount_range',
  'instant_range',
  'too_long',
  'too_many',
  'not_one_of',
  'bad_format',
  'bad_email',
  'not_day',
  'not_url',
  'link_key',
  'invalid',
  'dangling',
  'other_account',
  'self_ref',
  'duplicate_id',
  'second_plan',
  'duplicate_url',
  // CSV cells (lib/io/csv-import.ts)
  'csv_not_date',
  'csv_not_amount_comma',
  'csv_not_amount_point',
  'csv_negative',
  'csv_id_mangled',
  'csv_not_tier',
  'csv_not_currency',
  'csv_currency_conflict',
  'csv_mixed_currencies',
  'csv_not_one_of',
  'csv_no_name_column',
  // CSV file layout (lib/io/csv/layout.ts)
  'csv_empty',
  'csv_no_header',
  'csv_column_count',
  'csv_long_header',
  'csv_reserved_header',
  'csv_duplicate_header',
  // a file chosen as a backup that is not JSON (lib/io/backup.ts)
  'backup_not_json',
  // a file the browser could not read, or the worker reading it stopped (RestoreSection)
  'file_unreadable',
  // a file chosen as CSV that is not text (lib/io/csv/sniff.ts)
  'csv_not_text_workbook',
  'csv_not_text_xls',
  'csv_not_text_pdf',
  'csv_not_text_binary',
] as const;
/**
 * Why a value is refused, as a code the UI translates (i18n `problem_<code>`, or
 * `keyProblem_<code>` for the key codes of lib/keys/records.ts) with its values.
 */
export type ProblemCode = KeyProblem['code'] | (typeof PROBLEM_CODES)[number];

/** One refused value: the field's dotted path ("domains.1", "capture.companyLinkedinUrl"), why (code + English message) and the values the message names. */
export interface FieldProblem {
  field?: string;
  code: ProblemCode;
  message: string;
  vars?: Record<string, string | number>;
}

export type Admitted<T> = { ok: true; value: T } | { ok: false; problems: FieldProblem[] };

type Issue = z.core.$ZodIssue;

/** A zod issue as a FieldProblem (its code decides the translated message; the English one is kept). */
export function problemOfIssue(i: Issue): FieldProblem {
  const field = i.path.map(String).join('.') || undefined;
  const p = (code: ProblemCode, vars?: FieldProblem['vars']): FieldProblem => ({ ...(field ? { field } : {}), code, message: i.message, ...(vars ? { vars } : {}) });
  switch (i.code) {
    case 'invalid_type': {
      const received = (i as { received?: string }).received;
      if (received === 'NaN' || received === 'Infinity') return { ...p('not_finite'), message: `must be a finite number (got ${received})` };
      if (/received undefined$/.test(i.message)) return { ...p('required'), message: 'is required' };
      return { ...p('wrong_type', { expected: i.expected }), message: `must be a ${i.expected}` };
    }
    case 'too_big': {
      const max = Number(i.maximum);
      if (max === MAX_INSTANT_MS) return p('instant_range');
      if (max === MAX_AMOUNT) return p('amount_range', { max: '10^15' });
      if (i.origin === 'string') return { ...p('too_long', { max }), message: `is longer than ${max} characters` };
      if (i.origin === 'array' || i.origin === 'set') return { ...p('too_many', { max }), message: `has more than ${max} entries` };
      return { ...p('too_big', { max }), message: `must be at most ${max}` };
    }
    case 'too_small': {
      const min = Number(i.minimum);
      if (i.origin === 'string' && min <= 1) return { ...p('required'), message: 'is required' };
      if (min === 0 && (i.origin === 'number' || i.origin === 'int')) return { ...p('negative'), message: 'must be zero or more' };
      return { ...p('too_small', { min }), message: `must be at least ${min}` };
    }
    case 'invalid_value':
      return { ...p('not_one_of', { values: i.values.map(String).join(', ') }), message: `must be one of: ${i.values.map(String).join(', ')}` };
    case 'invalid_format':
      return i.format === 'email' ? p('bad_email') : p('bad_format');
    case 'custom': {
      const code = (i.params as { code?: ProblemCode } | undefined)?.code;
      return p(code ?? 'invalid');
    }
    default:
      return p('invalid');
  }
}

const keyProblem = (k: KeyProblem): FieldProblem => ({ field: k.field, code: k.code, message: k.message, vars: { value: k.value } });
const isObject = (x: unknown): x is Record<string, unknown> => !!x && typeof x === 'object' && !Array.isArray(x);

/** Step 1 of each table: canonical key fields, and the values that give no key. */
type Prepare = (r: Record<string, unknown>) => { value: Record<string, unknown>; problems: FieldProblem[] };
const asIs: Prepare = (value) => ({ value, problems: [] });

const LINK_KEYS: Partial<Record<Link['kind'], { canon: (v: string) => string | undefined; code: KeyProblem['code'] }>> = {
  domain: { canon: domainKey, code: 'not_domain' },
  profile: { canon: canonicalProfileUrl, code: 'not_profile' },
  company: { canon: canonicalCompanyUrl, code: 'not_company_page' },
};

const PREPARE: Record<RecordTable, Prepare> = {
  accounts: (r) => {
    const { value, problems } = canonicalAccountKeys(r as Record<string, unknown> & { domains?: string[]; website?: string; linkedinUrls?: string[] });
    return { value, problems: problems.map(keyProblem) };
  },
  stakeholders: (r) => {
    const { value, problems } = canonicalStakeholderKeys(r as Record<string, unknown> & { linkedinUrl?: string; emails?: string[] });
    const out = problems.map(keyProblem);
    // What LinkedIn showed as the person's employer: a company page, canonical like every other.
    const cap = value.capture;
    if (isObject(cap) && typeof cap.companyLinkedinUrl === 'string') {
      const u = cap.companyLinkedinUrl;
      const k = canonicalCompanyUrl(u);
      if (!k) out.push({ field: 'capture.companyLinkedinUrl', code: 'not_company_page', message: `“${u}” is not a LinkedIn company page URL`, vars: { value: u } });
      value.capture = { ...cap, companyLinkedinUrl: k };
    }
    return { value, problems: out };
  },
  links: (r) => {
    // key = "<kind>:<value>"; a domain, profile or company value in its canonical spelling.
    if (typeof r.key !== 'string' || typeof r.kind !== 'string') return { value: r, problems: [] };
    const prefix = `${r.kind}:`;
    if (!r.key.startsWith(prefix)) return { value: r, problems: [{ field: 'key', code: 'link_key', message: `must start with "${prefix}"`, vars: { prefix } }] };
    const rule = Object.hasOwn(LINK_KEYS, r.kind) ? LINK_KEYS[r.kind as Link['kind']] : undefined;
    if (!rule) return { value: r, problems: [] };
    const v = r.key.slice(prefix.length);
    const k = rule.canon(v);
    if (!k) return { value: r, problems: [{ field: 'key', code: rule.code, message: `“${v}” gives no ${r.kind} key`, vars: { value: v } }] };
    return { value: { ...r, key: prefix + k }, problems: [] };
  },
  plans: asIs,
  planRevisions: asIs,
  actions: asIs,
  notes: asIs,
};

/** Step 3: keys derived from other fields, recomputed. */
const DERIVE: Partial<Record<RecordTable, (r: never) => unknown>> = {
  accounts: (a: Account): Account => ({ ...a, nameKey: nameKey(a.name) }),
  stakeholders: (s: Stakeholder): Stakeholder => ({ ...s, nameKey: personKey(s.name) }),
};

/**
 * The record of `table` as it is stored: canonical keys, schema defaults applied, unknown fields
 * dropped, derived keys recomputed — or every problem found (field, code, English message).
 * Idempotent: admitting an admitted record gives it back unchanged (what makes a backup of
 * accepted records round-trip exactly).
 */
export function admitRecord<T extends RecordTable>(table: T, raw: unknown): Admitted<RecordOf<T>> {
  if (!isObject(raw)) return { ok: false, problems: [{ code: 'not_record', message: 'is not a record (expected a JSON object)' }] };
  const { value, problems } = PREPARE[table](raw);
  // Derived keys are never read from the input: a placeholder satisfies the schema's string type
  // (PREPARE of these tables returns a copy, so the input is not changed).
  if (table === 'accounts' || table === 'stakeholders') value.nameKey = '';
  const r = RECORD_SCHEMAS[table].safeParse(value);
  if (!r.success) problems.push(...r.error.issues.map(problemOfIssue));
  if (problems.length || !r.success) return { ok: false, problems };
  const derive = DERIVE[table] as ((x: unknown) => RecordOf<T>) | undefined;
  return { ok: true, value: derive ? derive(r.data) : (r.data as RecordOf<T>) };
}

/** admitRecord for the repository: the admitted record, or a KalError('validation') naming `what` and the first problem's field. */
export function admitOrThrow<T extends RecordTable>(table: T, raw: unknown, what: string): RecordOf<T> {
  const r = admitRecord(table, raw);
  if (r.ok) return r.value;
  const p = r.problems[0];
  throw new KalError('validation', `${what}: ${p.field ? `${p.field} ` : ''}${p.message}`, p.field).because('invalid', undefined, { code: p.code, ...(p.vars ? { vars: p.vars } : {}) });
}
