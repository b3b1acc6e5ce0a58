// CSV import of accounts and of contacts (stakeholders) from CRM and spreadsheet exports. Pure:
//   bytes → text (csv/decode.ts) → table: separator, header row, footers, ragged rows (csv/layout.ts)
//   → mapping (csv/mapping.ts) → one reading per date / amount column (csv/dates.ts, csv/numbers.ts)
//   → plan: every row validated, deduplicated against the database and earlier rows.
// The plan lists the bad rows (row, column, why) next to an ImportBatch of the good rows only,
// which repo.applyImport writes in one transaction once the user chose to import them.
import type { Account, Stakeholder } from './../db/model';
import { ROLES, STANCES, INFLUENCES, TIERS } from '../db/model';
// Every record is admitted by the one door the repository and restore use (canonical keys,
// schema ranges, derived keys recomputed): lib/db/admit.ts.
import { admitRecord, type Admitted, type FieldProblem, type ProblemCode } from '../db/admit';
import type { ImportBatch } from '../db/repo';
import { cleanWebsite } from '../detect/urls';
// Matching keys are made by the one canonical-key module (issue 10), as every other write path does.
import { canonicalCompanyUrl, canonicalProfileUrl, domainKey, emailDomainKey, emailKey, isGenericNameKey, nameKey, personKey, websiteDomainKey } from '../keys';
import type { ImportProblem } from './errors';
import { decideDateOrders, localeDateOrder, readDate, ORDER_PATTERN, type DateOrder, type DateReading } from './csv/dates';
import { decideDecimalMarks, headerCurrency, readAmount, currencyCode, type DecimalMark, type NumberReading } from './csv/numbers';
import { cut, readLayout, type CsvTable, type Separator } from './csv/layout';
import { notTextKind, type NotTextKind } from './csv/sniff';
import { crmIdKey } from './csv/crm-ids';
import { decodeCsvBytes, type CsvEncoding, type Decoded } from './csv/decode';
import { AMOUNT_FIELDS, DATE_FIELDS, columnsByField, type AccountField, type ContactField, type Mapping, type TargetField } from './csv/mapping';

export * from './csv/mapping';
export { decodeCsvBytes, ENCODINGS, type CsvEncoding, type Decoded } from './csv/decode';
export { readLayout, SEPARATORS, type CsvTable, type Separator, type CsvRow, type SkippedLine } from './csv/layout';
export { ORDER_PATTERN, type DateOrder, type DateReading } from './csv/dates';
export type { DecimalMark, NumberReading } from './csv/numbers';

// ---------- column readings ----------

export interface Readings {
  /** column index → how its dates are read */
  dates: Map<number, DateReading>;
  /** column index → how its amounts are read */
  amounts: Map<number, NumberReading>;
}
export interface ReadingChoices {
  /** the user's locale (navigator.language): last resort for ambiguous columns */
  locale: string;
  /** the user's choices in the preview, by column index */
  dateOrders?: ReadonlyMap<number, DateOrder>;
  decimals?: ReadonlyMap<number, DecimalMark>;
}

/** One reading per mapped date and amount column (see csv/dates.ts and csv/numbers.ts for the rules). */
export function readColumns(table: CsvTable, mapping: Mapping, choices: ReadingChoices): Readings {
  const values = (i: number) => table.rows.map((r) => r.cells[i] ?? '');
  const dateCols = new Map<number, string[]>();
  const amountCols = new Map<number, string[]>();
  mapping.forEach((f, i) => {
    if (f && DATE_FIELDS.has(f)) dateCols.set(i, values(i));
    if (f && AMOUNT_FIELDS.has(f)) amountCols.set(i, values(i));
  });
  const amounts = decideDecimalMarks(amountCols, table.separator, choices.locale);
  // Last resort for a column of ambiguous dates: a file written the European way (";" separator,
  // decimal commas) writes day-first; otherwise the user's locale decides.
  const european = table.separator === ';' || [...amounts.values()].some((a) => a.decimal === ',' && a.source === 'values');
  const fallback: DateOrder = european ? 'DMY' : localeDateOrder(choices.locale);
  const dates = decideDateOrders(dateCols, fallback);
  for (const [i, order] of choices.dateOrders ?? []) if (dates.has(i)) dates.set(i, { order, source: 'user', conflicts: 0, ambiguous: false });
  for (const [i, decimal] of choices.decimals ?? []) if (amounts.has(i)) amounts.set(i, { decimal, source: 'user', ambiguous: false });
  return { dates, amounts };
}

// ---------- single values ----------

/** "https://www.acme.co.uk/fr", "mail.acme.co.uk" or "x@acme.co.uk" → "acme.co.uk" (lib/keys). */
export function domainOf(s: string): string | undefined {
  const v = s.trim();
  if (!v) return undefined;
  return v.includes('@') ? emailDomainKey(v) : domainKey(v);
}

/** A one-plan cache: exports repeat the same company, domain and email host on many rows (measured: a 50k-row plan spent most of its time re-deriving them). */
function cached<T>(f: (s: string) => T): (s: string) => T {
  const m = new Map<string, T>();
  return (s) => {
    if (m.has(s)) return m.get(s)!;
    const v = f(s);
    if (m.size < 100_000) m.set(s, v);
    return v;
  };
}

const foldEnum = (s: string) => s.trim().toLowerCase().replace(/[\s/-]+/g, '_');
function pickEnum<T extends readonly string[]>(values: T, s: string, aliases: Record<string, T[number]> = {}): T[number] | undefined | null {
  const v = foldEnum(s);
  if (!v) return undefined;
  if ((values as readonly string[]).includes(v)) return v as T[number];
  return Object.hasOwn(aliases, v) ? aliases[v] : null;
}

// ---------- planning ----------

export interface Existing {
  accounts: Account[];
  stakeholders: Stakeholder[];
}

export type RowOutcome = 'create' | 'merge' | 'duplicate';
export interface PlannedRow {
  /** row number in the file, as a spreadsheet shows it */
  row: number;
  outcome: RowOutcome;
  name: string;
  /** contacts: the account's name, and whether it is created by this import */
  accountName?: string;
  newAccount?: boolean;
  /**
   * a contact found (by email or LinkedIn profile) in ANOTHER account than the file's company: the
   * file's company name — the person stays where they are (`accountName`), an import never moves
   * anyone (the dashboard's add asks first)
   */
  fileAccountName?: string;
}

/** A contact row that names no company and matches no account: the user picks its account (or leaves it out). */
export interface UnassignedContact {
  row: number;
  name: string;
  email?: string;
  title?: string;
  /** the account the user assigned (then the row is imported into it) */
  accountId?: string;
}

export interface Plan {
  ok: true;
  /** the good rows, ready for applyImport */
  batch: ImportBatch;
  rows: PlannedRow[];
  summary: Record<RowOutcome, number> & { newAccounts: number };
  /** why each bad row is left out (row, column, why — values cut) */
  problems: ImportProblem[];
  /** row numbers left out */
  badRows: number[];
  /** contacts waiting for an account */
  unassigned: UnassignedContact[];
}
export type PlanResult = Plan | { ok: false; problems: ImportProblem[] };

export interface PlanOptions {
  file: string;
  now: number;
  newId: () => string;
  reviewCadenceDays?: number;
  /** contacts: row → account id chosen by the user for rows without a company */
  assignments?: ReadonlyMap<number, string>;
}

interface RowCtx {
  row: number;
  cells: string[];
  problems: ImportProblem[];
  /** a bad cell: column, English message, and the reason's code + values for the translated message */
  bad: (f: TargetField | string, message: string, code?: ProblemCode, vars?: Record<string, string | number>) => void;
}

class Reader {
  cols: Map<TargetField, number[]>;
  constructor(
    private table: CsvTable,
    mapping: Mapping,
    private readings: Readings,
  ) {
    this.cols = columnsByField(mapping);
  }
  has(f: TargetField) {
    return this.cols.has(f);
  }
  header(f: TargetField): string {
    const i = this.cols.get(f)?.[0];
    return i === undefined ? f : this.table.headers[i];
  }
  /** first non-empty mapped cell */
  text(c: RowCtx, f: TargetField): string {
    for (const i of this.cols.get(f) ?? []) {
      const v = (c.cells[i] ?? '').trim();
      if (v) return v;
    }
    return '';
  }
  /** every non-empty mapped cell (multi-column fields) */
  texts(c: RowCtx, f: TargetField): string[] {
    return (this.cols.get(f) ?? []).map((i) => (c.cells[i] ?? '').trim()).filter(Boolean);
  }
  date(c: RowCtx, f: TargetField): string | undefined {
    for (const i of this.cols.get(f) ?? []) {
      const raw = c.cells[i] ?? '';
      const reading = this.readings.dates.get(i);
      const d = readDate(raw, reading?.order ?? 'DMY');
      if (d === null) c.bad(this.table.headers[i], `"${cut(raw)}" is not a date (read as ${ORDER_PATTERN[reading?.order ?? 'DMY']})`, 'csv_not_date', { value: cut(raw), pattern: ORDER_PATTERN[reading?.order ?? 'DMY'] });
      else if (d) return d;
    }
    return undefined;
  }
  amount(c: RowCtx, f: TargetField): { value: number; currency?: string } | undefined {
    for (const i of this.cols.get(f) ?? []) {
      const raw = c.cells[i] ?? '';
      const reading = this.readings.amounts.get(i);
      const a = readAmount(raw, reading?.decimal ?? '.');
      if (a === null) c.bad(this.table.headers[i], `"${cut(raw)}" is not an amount (decimal ${reading?.decimal === ',' ? 'comma' : 'point'})`, reading?.decimal === ',' ? 'csv_not_amount_comma' : 'csv_not_amount_point', { value: cut(raw) });
      else if (a && a.value < 0) c.bad(this.table.headers[i], `"${cut(raw)}" is negative: amounts must be zero or more`, 'csv_negative', { value: cut(raw) });
      else if (a) return { value: a.value, currency: a.currency ?? headerCurrency(this.table.headers[i]) };
    }
    return undefined;
  }
}

function rowCtx(row: number, cells: string[], file: string): RowCtx {
  const problems: ImportProblem[] = [];
  return { row, cells, problems, bad: (field, message, code, vars) => problems.push({ file, row, field, message, ...(code ? { code } : {}), ...(vars ? { vars } : {}) }) };
}

class AccountIndex {
  private key = cached(nameKey);
  byCrmId = new Map<string, Account>();
  byDomain = new Map<string, Account>();
  byName = new Map<string, Account>();
  constructor(accounts: Account[]) {
    for (const a of accounts) this.add(a);
  }
  add(a: Account) {
    // Our own export's Id column re-imports as a CRM id: an account's id counts as one.
    for (const id of [a.id, ...(a.crmIds ?? [])].map(crmIdKey)) if (!this.byCrmId.has(id)) this.byCrmId.set(id, a);
    for (const d of a.domains) if (!this.byDomain.has(d)) this.byDomain.set(d, a);
    if (a.nameKey && !this.byName.has(a.nameKey)) this.byName.set(a.nameKey, a);
  }
  /** CRM record id first (an exact identity), then domain, then normalised name. */
  find(crmId: string | undefined, domains: string[] | undefined, name: string | undefined): Account | undefined {
    return (
      (crmId ? this.byCrmId.get(crmIdKey(crmId)) : undefined) ??
      domains?.map((d) => this.byDomain.get(d)).find(Boolean) ??
      // a generic name ("Holding SA" / "Holding AG") is no evidence of the same company: never merge on it
      (name && !isGenericNameKey(nameKey(name)) ? this.byName.get(this.key(name)) : undefined)
    );
  }
}

/**
 * The values a patch was planned against (the record as the preview read it), for the fields it
 * changes: the import applies it as a three-way merge, so what was edited between the preview and
 * "Import" is kept (repo.ts applyImport). `null`: the field was empty.
 */
function baseOf<T extends object>(record: T | undefined, changes: Partial<T>): Record<string, unknown> | undefined {
  if (!record) return undefined;
  const r = record as Record<string, unknown>;
  return Object.fromEntries(Object.keys(changes).filter((k) => k !== 'updatedAt').map((k) => [k, r[k] ?? null]));
}

function mergeAccountChanges(cur: Account, inc: Partial<Account>): Partial<Account> {
  const ch: Partial<Account> = {};
  const union = <T>(a: T[], b: T[] | undefined) => [...new Set([...a, ...(b ?? [])])];
  const domains = union(cur.domains, inc.domains);
  if (domains.length !== cur.domains.length) ch.domains = domains;
  const links = union(cur.linkedinUrls, inc.linkedinUrls);
  if (links.length !== cur.linkedinUrls.length) ch.linkedinUrls = links;
  const tags = union(cur.tags, inc.tags);
  if (tags.length !== cur.tags.length) ch.tags = tags;
  const crm = union(cur.crmIds ?? [], inc.crmIds).filter((id) => id !== cur.id);
  if (crm.length !== (cur.crmIds ?? []).length) ch.crmIds = crm;
  // Fill what is empty; never overwrite what the user wrote.
  for (const k of ['website', 'industry', 'owner', 'renewalAt', 'nextReviewAt', 'address', 'description'] as const) if (cur[k] === undefined && inc[k] !== undefined) (ch as Record<string, unknown>)[k] = inc[k];
  const noRevenue = !cur.currentRevenue && !cur.potentialRevenue;
  if (!cur.currentRevenue && inc.currentRevenue) ch.currentRevenue = inc.currentRevenue;
  if (!cur.potentialRevenue && inc.potentialRevenue) ch.potentialRevenue = inc.potentialRevenue;
  // The currency goes with the amounts: only when the account had none.
  if (noRevenue && (ch.currentRevenue || ch.potentialRevenue) && inc.currency && inc.currency !== cur.currency) ch.currency = inc.currency;
  if (cur.tier === 'untiered' && inc.tier && inc.tier !== 'untiered') ch.tier = inc.tier;
  return ch;
}

function accountFromRow(c: RowCtx, r: Reader): Partial<Account> {
  const rec: Partial<Account> = {};
  const name = r.text(c, 'name');
  if (!name) c.bad(r.header('name'), 'is required', 'required');
  rec.name = name;
  const crmId = r.text(c, 'crmId');
  // A long numeric id (HubSpot's Record ID) opened and re-saved in Excel becomes "1.82736E+10":
  // the id is lost, and several records would share it — refused, never used to match.
  if (/^\d(?:[.,]\d+)?E\+?\d+$/i.test(crmId)) c.bad(r.header('crmId'), `"${cut(crmId)}" is a record id shortened by a spreadsheet: export the file again (or format the column as Text before saving), or map this column to nothing`, 'csv_id_mangled', { value: cut(crmId) });
  else if (crmId) rec.crmIds = [crmId];
  const domains = new Set<string>();
  for (const part of r.text(c, 'domain').split(/[;,\s]+/).filter(Boolean)) {
    const d = domainOf(part);
    if (d) domains.add(d);
    else c.bad(r.header('domain'), `"${cut(part)}" is not a valid domain`, 'not_domain', { value: cut(part) });
  }
  const website = r.text(c, 'website');
  if (website) {
    const clean = cleanWebsite(website);
    if (clean) rec.website = clean;
    const d = websiteDomainKey(website);
    if (d) domains.add(d);
    else c.bad(r.header('website'), `"${cut(website)}" is not a website address`, 'not_website', { value: cut(website) });
  }
  rec.domains = [...domains];
  for (const f of ['industry', 'owner'] as const) {
    const v = r.text(c, f);
    if (v) rec[f] = v;
  }
  const tier = r.text(c, 'tier');
  if (tier) {
    const up = tier.toUpperCase().replace(/^TIER\s*/, '');
    const t = (TIERS as readonly string[]).includes(up) ? (up as (typeof TIERS)[number]) : pickEnum(TIERS, tier, { none: 'untiered', unclassified: 'untiered' });
    if (t === null) c.bad(r.header('tier'), `"${cut(tier)}" is not a tier (A, B, C)`, 'csv_not_tier', { value: cut(tier) });
    else if (t) rec.tier = t;
  }
  // Amounts and their currency: a symbol in a cell (or the column name) sets it; a Currency
  // column must agree; two amounts in different currencies are reported.
  const seen = new Set<string>();
  for (const f of ['currentRevenue', 'potentialRevenue'] as const) {
    const a = r.amount(c, f);
    if (!a) continue;
    rec[f] = a.value;
    if (a.currency) seen.add(a.currency);
  }
  const curCell = r.text(c, 'currency');
  const curCol = curCell ? currencyCode(curCell) : undefined;
  if (curCell && !curCol) c.bad(r.header('currency'), `"${cut(curCell)}" is not a currency code (EUR, USD, GBP…)`, 'csv_not_currency', { value: cut(curCell) });
  if (curCol && [...seen].some((x) => x !== curCol)) c.bad(r.header('currency'), `amounts are in ${[...seen].join(', ')} but the currency column says ${curCol}`, 'csv_currency_conflict', { seen: [...seen].join(', '), column: curCol });
  else if (!curCol && seen.size > 1) c.bad(r.header('currentRevenue'), `amounts in different currencies (${[...seen].join(', ')}) on one row`, 'csv_mixed_currencies', { seen: [...seen].join(', ') });
  const currency = curCol ?? (seen.size === 1 ? [...seen][0] : undefined);
  if (currency) rec.currency = currency;
  const links: string[] = [];
  for (const li of r.text(c, 'linkedinUrl').split(/[;\s]+/).filter(Boolean)) {
    const u = canonicalCompanyUrl(li);
    if (!u) c.bad(r.header('linkedinUrl'), `"${cut(li)}" is not a LinkedIn company URL`, 'not_company_page', { value: cut(li) });
    else links.push(u);
  }
  if (links.length) rec.linkedinUrls = [...new Set(links)];
  for (const f of ['renewalAt', 'nextReviewAt'] as const) {
    const d = r.date(c, f);
    if (d) rec[f] = d;
  }
  // Address: street lines, then "postal code city", region, country — as one text.
  const street = r.texts(c, 'street').join('\n');
  const town = [r.text(c, 'postalCode'), r.text(c, 'city')].filter(Boolean).join(' ');
  const address = [street, town, r.text(c, 'region'), r.text(c, 'country')].filter(Boolean).join('\n');
  if (address) rec.address = address;
  const description = r.texts(c, 'description').join('\n\n');
  if (description) rec.description = description;
  const tags = r.texts(c, 'tags').join(';');
  if (tags) rec.tags = [...new Set(tags.split(/[;,]/).map((x) => x.trim()).filter(Boolean))];
  return rec;
}

const FIELD_OF_PATH: Record<string, TargetField> = { name: 'name', domains: 'domain', website: 'website', industry: 'industry', tier: 'tier', currentRevenue: 'currentRevenue', potentialRevenue: 'potentialRevenue', currency: 'currency', owner: 'owner', linkedinUrls: 'linkedinUrl', renewalAt: 'renewalAt', nextReviewAt: 'nextReviewAt', tags: 'tags', crmIds: 'crmId', address: 'street', description: 'description', title: 'title', emails: 'email', location: 'location' };
/** The door's problems of a row's record, each named by the file's column header. */
function toRow(problems: FieldProblem[], c: RowCtx, r: Reader, file: string) {
  for (const p of problems) {
    const key = p.field?.split('.')[0];
    const f = key && Object.hasOwn(FIELD_OF_PATH, key) ? FIELD_OF_PATH[key] : undefined;
    c.problems.push({ file, row: c.row, ...p, field: f ? r.header(f) : p.field });
  }
}

function newAccountRecord(fields: Partial<Account>, o: PlanOptions): Admitted<Account> {
  return admitRecord('accounts', { reviewCadenceDays: o.reviewCadenceDays, ...fields, id: o.newId(), createdAt: o.now, updatedAt: o.now });
}

function summarise(rows: PlannedRow[], newAccounts: number) {
  const s = { create: 0, merge: 0, duplicate: 0, newAccounts };
  for (const r of rows) s[r.outcome]++;
  return s;
}

function finish(table: CsvTable, rowProblems: ImportProblem[], batch: ImportBatch, rows: PlannedRow[], newAccounts: number, unassigned: UnassignedContact[] = []): Plan {
  const problems = [...table.problems, ...rowProblems].sort((a, b) => (a.row ?? 0) - (b.row ?? 0));
  return { ok: true, batch, rows, summary: summarise(rows, newAccounts), problems, badRows: [...new Set(problems.map((p) => p.row ?? 0))], unassigned };
}

/**
 * Accounts: a row matches an existing account (or an earlier row) by CRM record id, then domain,
 * then normalised name, and only fills its empty fields; otherwise it creates one. Bad rows are
 * listed and left out; `{ ok: false }` only when no column is mapped to the name.
 */
export function planAccountImport(table: CsvTable, mapping: Mapping, readings: Readings, existing: Existing, o: PlanOptions): PlanResult {
  const r = new Reader(table, mapping, readings);
  if (!r.has('name')) return { ok: false, problems: [{ file: o.file, row: table.headerRow, field: 'name', code: 'csv_no_name_column', message: 'no column is mapped to the account name' }] };
  const idx = new AccountIndex(existing.accounts);
  const created = new Map<string, Account>();
  const patches = new Map<string, Partial<Account>>();
  const rows: PlannedRow[] = [];
  const problems: ImportProblem[] = [];
  for (const { row, cells } of table.rows) {
    const c = rowCtx(row, cells, o.file);
    const fields = accountFromRow(c, r);
    if (c.problems.length) {
      problems.push(...c.problems);
      continue;
    }
    const hit = idx.find(fields.crmIds?.[0], fields.domains, fields.name);
    if (hit) {
      const isNew = created.has(hit.id);
      const base = isNew ? created.get(hit.id)! : { ...hit, ...(patches.get(hit.id) ?? {}) };
      const ch = mergeAccountChanges(base, fields);
      const check = admitRecord('accounts', { ...base, ...ch });
      if (!check.ok) {
        toRow(check.problems, c, r, o.file);
        problems.push(...c.problems);
        continue;
      }
      if (isNew) {
        created.set(hit.id, check.value);
        idx.add(check.value);
      } else if (Object.keys(ch).length) {
        patches.set(hit.id, { ...(patches.get(hit.id) ?? {}), ...ch, updatedAt: o.now });
        idx.add(check.value);
      }
      rows.push({ row, outcome: Object.keys(ch).length && !isNew ? 'merge' : 'duplicate', name: hit.name });
      continue;
    }
    const rec = newAccountRecord(fields, o);
    if (!rec.ok) {
      toRow(rec.problems, c, r, o.file);
      problems.push(...c.problems);
      continue;
    }
    created.set(rec.value.id, rec.value);
    idx.add(rec.value);
    rows.push({ row, outcome: 'create', name: rec.value.name });
  }
  const before = new Map(existing.accounts.map((a) => [a.id, a]));
  const batch: ImportBatch = { accounts: [...created.values()], stakeholders: [], accountPatches: [...patches].map(([id, changes]) => ({ id, changes, base: baseOf(before.get(id), changes) })), stakeholderPatches: [] };
  return finish(table, problems, batch, rows, 0);
}

const ROLE_ALIASES: Record<string, (typeof ROLES)[number]> = { economic: 'economic_buyer', buyer: 'economic_buyer', decision: 'decision_maker', decider: 'decision_maker', coach: 'champion', technical: 'technical_evaluator', procurement: 'gatekeeper', purchasing: 'gatekeeper', executive_sponsor: 'sponsor', end_user: 'user' };
const STANCE_ALIASES: Record<string, (typeof STANCES)[number]> = { positive: 'supporter', negative: 'opponent', detractor: 'opponent', promoter: 'champion', sceptic: 'skeptic' };

/**
 * Contacts: the account is found by company name or domain (or the email's domain) among existing
 * accounts and accounts created by this import; a named company that is nowhere becomes a new
 * account; a row with no company and no matching account is listed in `unassigned` (imported
 * once the user assigns it, via `assignments`). A contact is the same person when they share an
 * email, the LinkedIn URL, or the name within the account.
 */
export function planContactImport(table: CsvTable, mapping: Mapping, readings: Readings, existing: Existing, o: PlanOptions, isFreeMail: (d: string) => boolean = () => false): PlanResult {
  const r = new Reader(table, mapping, readings);
  if (!r.has('fullName') && !r.has('lastName') && !r.has('firstName')) return { ok: false, problems: [{ file: o.file, row: table.headerRow, field: 'name', code: 'csv_no_name_column', message: 'no column is mapped to the contact name' }] };
  const idx = new AccountIndex(existing.accounts);
  const accountsById = new Map(existing.accounts.map((a) => [a.id, a]));
  const newAccounts = new Map<string, Account>();
  const byEmail = new Map<string, Stakeholder>();
  const byUrl = new Map<string, Stakeholder>();
  const byName = new Map<string, Stakeholder>();
  const index = (s: Stakeholder) => {
    for (const e of s.emails) byEmail.set(e, s);
    if (s.linkedinUrl) byUrl.set(s.linkedinUrl, s);
    byName.set(`${s.accountId}|${s.nameKey}`, s);
  };
  existing.stakeholders.forEach(index);
  const created = new Map<string, Stakeholder>();
  const patches = new Map<string, Partial<Stakeholder>>();
  const rows: PlannedRow[] = [];
  const problems: ImportProblem[] = [];
  const unassigned: UnassignedContact[] = [];
  const domainOfCached = cached(domainOf);

  for (const { row, cells } of table.rows) {
    const c = rowCtx(row, cells, o.file);
    const bad = (f: ContactField, message: string, code?: ProblemCode, vars?: Record<string, string | number>) => c.bad(r.header(f), message, code, vars);
    const name = r.text(c, 'fullName') || [r.text(c, 'firstName'), r.text(c, 'lastName')].filter(Boolean).join(' ');
    if (!name) bad(r.has('fullName') ? 'fullName' : 'lastName', 'is required', 'required');
    const emails: string[] = [];
    // Pipedrive writes the kind of each address after it: "ana@acme.com (Work), ana@gmail.com (Home)";
    // Google Contacts separates the addresses of one label with " ::: ".
    for (const e of r.text(c, 'email').replace(/\([^()]*\)|:::/g, ' ').split(/[;,\s]+/).filter(Boolean)) {
      const k = emailKey(e);
      if (k) emails.push(k);
      else bad('email', `"${cut(e)}" is not a valid email address`, 'not_email', { value: cut(e) });
    }
    const liRaw = r.text(c, 'linkedinUrl');
    const linkedinUrl = liRaw ? canonicalProfileUrl(liRaw) : undefined;
    if (liRaw && !linkedinUrl) bad('linkedinUrl', `"${cut(liRaw)}" is not a LinkedIn profile URL`, 'not_profile', { value: cut(liRaw) });
    const fields: Record<string, unknown> = { name, emails };
    if (linkedinUrl) fields.linkedinUrl = linkedinUrl;
    for (const f of ['title', 'location'] as const) {
      const v = r.text(c, f);
      if (v) fields[f] = v;
    }
    const enumField = <T extends readonly string[]>(f: ContactField, values: T, aliases: Record<string, T[number]>) => {
      const v = r.text(c, f);
      const e = pickEnum(values, v, aliases);
      if (e === null) bad(f, `"${cut(v)}" is not one of: ${values.join(', ')}`, 'csv_not_one_of', { value: cut(v), values: values.join(', ') });
      else if (e) fields[f] = e;
    };
    enumField('role', ROLES, ROLE_ALIASES);
    enumField('stance', STANCES, STANCE_ALIASES);
    enumField('influence', INFLUENCES, {});
    if (c.problems.length) {
      problems.push(...c.problems);
      continue;
    }

    // The account
    // HubSpot writes every associated company, ";"-separated, the primary first: the primary one.
    const company = r.text(c, 'company').split(';')[0].trim();
    const companyDomain = domainOfCached(r.text(c, 'companyDomain'));
    const mailDomain = emails.map((e) => domainOfCached(e.slice(e.lastIndexOf('@') + 1))).find((d) => d && !isFreeMail(d));
    // The company's CRM record id first (Salesforce Contact.AccountId: the only link a Data Export gives).
    const byCrmId = r.text(c, 'companyCrmId').split(/[;,\s]+/).map((id) => idx.byCrmId.get(crmIdKey(id))).find(Boolean);
    let account = byCrmId ?? idx.find(undefined, companyDomain ? [companyDomain] : undefined, company) ?? (mailDomain ? idx.byDomain.get(mailDomain) : undefined);
    if (!account && !company) {
      // Listed for the user to assign; imported once assigned.
      const assigned = o.assignments?.get(row);
      account = assigned ? (accountsById.get(assigned) ?? newAccounts.get(assigned)) : undefined;
      unassigned.push({ row, name, ...(emails[0] ? { email: emails[0] } : {}), ...(fields.title ? { title: fields.title as string } : {}), ...(account ? { accountId: account.id } : {}) });
      if (!account) continue;
    }
    if (!account) {
      const rec = newAccountRecord({ name: company, domains: [companyDomain ?? mailDomain].filter((d): d is string => !!d) }, o);
      if (!rec.ok) {
        toRow(rec.problems, c, r, o.file);
        problems.push(...c.problems.map((p) => ({ ...p, field: r.header('company') })));
        continue;
      }
      newAccounts.set(rec.value.id, rec.value);
      idx.add(rec.value);
      account = rec.value;
    }
    const isNewAccount = newAccounts.has(account.id);
    const key = personKey(name);
    const same = emails.map((e) => byEmail.get(e)).find(Boolean) ?? (linkedinUrl ? byUrl.get(linkedinUrl) : undefined) ?? byName.get(`${account.id}|${key}`);
    if (same) {
      const base = created.get(same.id) ?? { ...same, ...(patches.get(same.id) ?? {}) };
      const ch: Partial<Stakeholder> = {};
      const allEmails = [...new Set([...base.emails, ...emails])];
      if (allEmails.length !== base.emails.length) ch.emails = allEmails;
      if (!base.linkedinUrl && linkedinUrl && !byUrl.has(linkedinUrl)) ch.linkedinUrl = linkedinUrl;
      for (const f of ['title', 'location'] as const) if (!base[f] && fields[f]) ch[f] = fields[f] as string;
      if (base.role === 'unknown' && fields.role) ch.role = fields.role as Stakeholder['role'];
      if (base.stance === 'unknown' && fields.stance) ch.stance = fields.stance as Stakeholder['stance'];
      const changed = Object.keys(ch).length > 0;
      const next = { ...base, ...ch };
      const check = admitRecord('stakeholders', next);
      if (!check.ok) {
        toRow(check.problems, c, r, o.file);
        problems.push(...c.problems);
        continue;
      }
      if (created.has(same.id)) created.set(same.id, next);
      else if (changed) patches.set(same.id, { ...(patches.get(same.id) ?? {}), ...ch, updatedAt: o.now });
      index(next);
      // The preview says where the person IS (and stays), not the file's company.
      const home = accountsById.get(same.accountId) ?? newAccounts.get(same.accountId) ?? account;
      rows.push({
        row,
        outcome: changed && !created.has(same.id) ? 'merge' : 'duplicate',
        name: same.name,
        accountName: home.name,
        newAccount: newAccounts.has(home.id),
        ...(home.id !== account.id ? { fileAccountName: account.name } : {}),
      });
      continue;
    }
    const rec = admitRecord('stakeholders', { ...fields, accountId: account.id, id: o.newId(), createdAt: o.now, updatedAt: o.now });
    if (!rec.ok) {
      toRow(rec.problems, c, r, o.file);
      problems.push(...c.problems);
      continue;
    }
    created.set(rec.value.id, rec.value);
    index(rec.value);
    rows.push({ row, outcome: 'create', name: rec.value.name, accountName: account.name, newAccount: isNewAccount });
  }
  const before = new Map(existing.stakeholders.map((s) => [s.id, s]));
  const batch: ImportBatch = { accounts: [...newAccounts.values()], stakeholders: [...created.values()], accountPatches: [], stakeholderPatches: [...patches].map(([id, changes]) => ({ id, changes, base: baseOf(before.get(id), changes) })) };
  return finish(table, problems, batch, rows, newAccounts.size, unassigned);
}

// ---------- the whole pipeline, for callers that hold bytes ----------


export interface ReadFileOptions {
  encoding?: CsvEncoding;
  separator?: Separator;
}
/** Bytes → decoded text → table (the first two steps of an import; the UI re-runs them when the user changes the encoding or separator). */
export function readCsvFile(bytes: ArrayBuffer | Uint8Array, file: string, o: ReadFileOptions = {}): { decoded: Decoded; layout: ReturnType<typeof readLayout> } {
  const decoded = decodeCsvBytes(bytes, o.encoding);
  // An Excel workbook, a PDF or another binary file chosen by mistake: say so, read nothing.
  const kind = notTextKind(bytes instanceof Uint8Array ? bytes : new Uint8Array(bytes));
  if (kind) return { decoded, layout: { ok: false, problems: [{ file, code: `csv_not_text_${kind}`, message: NOT_TEXT_MESSAGE[kind] }] } };
  return { decoded, layout: readLayout(decoded.text, file, o.separator) };
}
const NOT_TEXT_MESSAGE: Record<NotTextKind, string> = {
  workbook: 'is a spreadsheet workbook (.xlsx or .ods), not a CSV file: save it as CSV (Excel: File › Save As › CSV UTF-8), then choose that file',
  xls: 'is an Excel 97–2003 workbook (.xls), not a CSV file: save it as CSV (Excel: File › Save As › CSV UTF-8), then choose that file',
  pdf: 'is a PDF document, not a CSV file: export the data from its application as CSV',
  binary: 'is not a text file: choose a CSV file (comma, semicolon or tab separated text)',
};
