// CSV import of accounts and of contacts (stakeholders) from CRM exports. Pure: parse, map
// columns (HubSpot and Salesforce names recognised, the rest mapped by the user), validate every
// row, deduplicate against existing data, and return either located problems or an ImportBatch
// that repo.applyImport writes in one transaction.
import Papa from 'papaparse';
import { getDomain } from 'tldts';
import type { Account, Stakeholder } from '../db/model';
import { accountSchema, stakeholderSchema, ROLES, STANCES, INFLUENCES, TIERS } from '../db/model';
import type { ImportBatch } from '../db/repo';
import { canonicalCompanyUrl, canonicalProfileUrl } from '../detect/urls';
import { nameKey, personKey } from '../match/normalize';
import { zodProblems, type ImportProblem } from './errors';

export type ImportKind = 'accounts' | 'contacts';

export const ACCOUNT_FIELDS = ['name', 'domain', 'website', 'industry', 'tier', 'currentRevenue', 'potentialRevenue', 'currency', 'owner', 'linkedinUrl', 'renewalAt', 'tags'] as const;
export const CONTACT_FIELDS = ['fullName', 'firstName', 'lastName', 'email', 'title', 'company', 'companyDomain', 'linkedinUrl', 'location', 'role', 'influence', 'stance'] as const;
export type AccountField = (typeof ACCOUNT_FIELDS)[number];
export type ContactField = (typeof CONTACT_FIELDS)[number];
export type TargetField = AccountField | ContactField;
/** header → target field ('' = ignored) */
export type Mapping = Record<string, TargetField | ''>;

/** Headers folded to letters and digits: "Company Domain Name" → "companydomainname". */
export const foldHeader = (h: string): string => h.toLowerCase().replace(/[^a-z0-9]/g, '');

// HubSpot and Salesforce export names (folded), plus common generic ones.
const ACCOUNT_SYNONYMS: Record<string, AccountField> = {
  companyname: 'name', accountname: 'name', name: 'name', company: 'name', organization: 'name', organisation: 'name',
  companydomainname: 'domain', domain: 'domain', domains: 'domain', domainname: 'domain', emaildomain: 'domain',
  website: 'website', websiteurl: 'website', url: 'website',
  industry: 'industry',
  tier: 'tier', accounttier: 'tier', tiering: 'tier',
  annualrevenue: 'currentRevenue', revenue: 'currentRevenue', currentrevenue: 'currentRevenue', arr: 'currentRevenue',
  potentialrevenue: 'potentialRevenue', potential: 'potentialRevenue',
  currency: 'currency', currencyisocode: 'currency', currencycode: 'currency',
  companyowner: 'owner', accountowner: 'owner', ownername: 'owner', owner: 'owner', hubspotowner: 'owner',
  linkedincompanypage: 'linkedinUrl', linkedinurl: 'linkedinUrl', linkedin: 'linkedinUrl', linkedincompanyurl: 'linkedinUrl',
  renewaldate: 'renewalAt', renewal: 'renewalAt', contractenddate: 'renewalAt',
  tags: 'tags',
};
const CONTACT_SYNONYMS: Record<string, ContactField> = {
  name: 'fullName', fullname: 'fullName', contactname: 'fullName',
  firstname: 'firstName', givenname: 'firstName',
  lastname: 'lastName', surname: 'lastName', familyname: 'lastName',
  email: 'email', emailaddress: 'email', workemail: 'email',
  jobtitle: 'title', title: 'title',
  associatedcompany: 'company', companyname: 'company', company: 'company', accountname: 'company', accountaccountname: 'company',
  companydomainname: 'companyDomain', companydomain: 'companyDomain',
  linkedinurl: 'linkedinUrl', linkedinprofile: 'linkedinUrl', linkedin: 'linkedinUrl', linkedinprofileurl: 'linkedinUrl',
  city: 'location', location: 'location', mailingcity: 'location',
  role: 'role', buyingrole: 'role',
  influence: 'influence',
  stance: 'stance', sentiment: 'stance',
};

export function guessMapping(headers: string[], kind: ImportKind): Mapping {
  const syn: Record<string, TargetField> = kind === 'accounts' ? ACCOUNT_SYNONYMS : CONTACT_SYNONYMS;
  const used = new Set<TargetField>();
  const m: Mapping = {};
  for (const h of headers) {
    const f = syn[foldHeader(h)];
    if (f && !used.has(f)) {
      m[h] = f;
      used.add(f);
    } else m[h] = '';
  }
  return m;
}

/** A contacts file has person columns (first/last name, email, job title); otherwise accounts. */
export function guessKind(headers: string[]): ImportKind {
  const f = new Set(headers.map(foldHeader));
  return ['firstname', 'lastname', 'email', 'emailaddress', 'jobtitle'].some((h) => f.has(h)) ? 'contacts' : 'accounts';
}

export interface ParsedCsv {
  file: string;
  headers: string[];
  rows: Record<string, string>[];
}

/** Parses CSV text (header row first). A structurally broken file gives problems, not rows. */
export function parseCsv(text: string, file: string): { ok: true; csv: ParsedCsv } | { ok: false; problems: ImportProblem[] } {
  const res = Papa.parse<Record<string, string>>(text.replace(/^\uFEFF/, ''), { header: true, skipEmptyLines: 'greedy', transformHeader: (h) => h.trim() });
  const headers = (res.meta.fields ?? []).filter((h) => h !== '');
  const problems: ImportProblem[] = res.errors
    .filter((e) => e.code !== 'UndetectableDelimiter')
    .slice(0, 20)
    .map((e) => ({ file, row: e.row !== undefined ? e.row + 2 : undefined, message: e.message }));
  if (!headers.length) problems.unshift({ file, row: 1, message: 'has no header row' });
  const dup = headers.find((h, i) => headers.indexOf(h) !== i);
  if (dup) problems.push({ file, row: 1, field: dup, message: 'column appears twice' });
  if (problems.length) return { ok: false, problems };
  if (!res.data.length) return { ok: false, problems: [{ file, message: 'has no data rows' }] };
  return { ok: true, csv: { file, headers, rows: res.data } };
}

// ---------- value parsing ----------

/** "1 200 000", "1,200,000.50", "1.200.000,5", "€ 45k", "2.5M" → number; '' → undefined. */
export function parseAmount(s: string): number | undefined | null {
  let v = s.trim().replace(/[\s\u00a0\u202f]/g, '').replace(/[€$£¥]|EUR|USD|GBP|CHF/gi, '');
  if (!v) return undefined;
  let mult = 1;
  const suffix = /([kmb])$/i.exec(v);
  if (suffix) {
    mult = { k: 1e3, m: 1e6, b: 1e9 }[suffix[1].toLowerCase() as 'k' | 'm' | 'b'];
    v = v.slice(0, -1);
  }
  const lastComma = v.lastIndexOf(',');
  const lastDot = v.lastIndexOf('.');
  if (lastComma >= 0 && lastDot >= 0) {
    v = lastComma > lastDot ? v.replace(/\./g, '').replace(',', '.') : v.replace(/,/g, '');
  } else if (lastComma >= 0) {
    v = /^-?\d{1,3}(,\d{3})+$/.test(v) ? v.replace(/,/g, '') : v.replace(',', '.');
  } else if (/^-?\d{1,3}(\.\d{3}){2,}$/.test(v)) v = v.replace(/\./g, '');
  if (!/^-?\d+(\.\d+)?$/.test(v)) return null;
  return Math.round(Number(v) * mult * 100) / 100;
}

/** ISO (2026-03-16), DD/MM/YYYY or MM/DD/YYYY when unambiguous, or a timestamp → epoch ms (UTC). */
export function parseDate(s: string): number | undefined | null {
  const v = s.trim();
  if (!v) return undefined;
  let m = /^(\d{4})-(\d{2})-(\d{2})/.exec(v);
  if (m) return Date.UTC(+m[1], +m[2] - 1, +m[3]);
  m = /^(\d{1,2})[/.](\d{1,2})[/.](\d{4})$/.exec(v);
  if (m) {
    let [d, mo] = [+m[1], +m[2]];
    if (mo > 12 && d <= 12) [d, mo] = [mo, d];
    if (mo < 1 || mo > 12 || d < 1 || d > 31) return null;
    return Date.UTC(+m[3], mo - 1, d);
  }
  const t = Date.parse(v);
  return Number.isNaN(t) ? null : t;
}

/** "https://www.acme.co.uk/fr" or "mail.acme.co.uk" → "acme.co.uk". */
export function domainOf(s: string): string | undefined {
  const v = s.trim().toLowerCase();
  if (!v) return undefined;
  const host = v.includes('@') ? v.split('@').pop()! : v.replace(/^[a-z]+:\/\//, '').split(/[/?#:]/)[0];
  return getDomain(host) ?? undefined;
}

function websiteOf(s: string): string | undefined {
  const v = s.trim();
  if (!v) return undefined;
  const withScheme = /^https?:\/\//i.test(v) ? v : `https://${v}`;
  try {
    return new URL(withScheme).toString();
  } catch {
    return withScheme;
  }
}

const fold = (s: string) => s.trim().toLowerCase().replace(/[\s/-]+/g, '_');
function pickEnum<T extends readonly string[]>(values: T, s: string, aliases: Record<string, T[number]> = {}): T[number] | undefined | null {
  const v = fold(s);
  if (!v) return undefined;
  if ((values as readonly string[]).includes(v)) return v as T[number];
  return aliases[v] ?? null;
}

// ---------- planning ----------

export interface Existing {
  accounts: Account[];
  stakeholders: Stakeholder[];
}

export type RowOutcome = 'create' | 'merge' | 'duplicate';
export interface PlannedRow {
  /** line in the file (header = 1) */
  line: number;
  outcome: RowOutcome;
  name: string;
  /** account (contacts import): the account's name, and whether it is created by this import */
  accountName?: string;
  newAccount?: boolean;
}

export type PlanResult =
  | { ok: true; batch: ImportBatch; rows: PlannedRow[]; summary: Record<RowOutcome, number> & { newAccounts: number } }
  | { ok: false; problems: ImportProblem[] };

interface Ctx {
  file: string;
  now: number;
  newId: () => string;
  problems: ImportProblem[];
}

const get = (row: Record<string, string>, mapping: Mapping, f: TargetField): string => {
  for (const [h, target] of Object.entries(mapping)) if (target === f) return (row[h] ?? '').trim();
  return '';
};
const headerOf = (mapping: Mapping, f: TargetField): string => Object.entries(mapping).find(([, t]) => t === f)?.[0] ?? f;

class AccountIndex {
  byDomain = new Map<string, Account>();
  byName = new Map<string, Account>();
  constructor(accounts: Account[]) {
    for (const a of accounts) this.add(a);
  }
  add(a: Account) {
    for (const d of a.domains) if (!this.byDomain.has(d)) this.byDomain.set(d, a);
    if (a.nameKey && !this.byName.has(a.nameKey)) this.byName.set(a.nameKey, a);
  }
  find(domain: string | undefined, name: string | undefined): Account | undefined {
    return (domain ? this.byDomain.get(domain) : undefined) ?? (name ? this.byName.get(nameKey(name)) : undefined);
  }
}

function mergeAccountChanges(cur: Account, inc: Partial<Account>): Partial<Account> {
  const ch: Partial<Account> = {};
  const domains = [...new Set([...cur.domains, ...(inc.domains ?? [])])];
  if (domains.length !== cur.domains.length) ch.domains = domains;
  const links = [...new Set([...cur.linkedinUrls, ...(inc.linkedinUrls ?? [])])];
  if (links.length !== cur.linkedinUrls.length) ch.linkedinUrls = links;
  const tags = [...new Set([...cur.tags, ...(inc.tags ?? [])])];
  if (tags.length !== cur.tags.length) ch.tags = tags;
  // Fill what is empty; never overwrite what the user wrote.
  for (const k of ['website', 'industry', 'owner', 'renewalAt'] as const) if (cur[k] === undefined && inc[k] !== undefined) (ch as Record<string, unknown>)[k] = inc[k];
  if (!cur.currentRevenue && inc.currentRevenue) ch.currentRevenue = inc.currentRevenue;
  if (!cur.potentialRevenue && inc.potentialRevenue) ch.potentialRevenue = inc.potentialRevenue;
  if (cur.tier === 'untiered' && inc.tier && inc.tier !== 'untiered') ch.tier = inc.tier;
  return ch;
}

function accountFromRow(row: Record<string, string>, mapping: Mapping, line: number, c: Ctx): Partial<Account> | null {
  const before = c.problems.length;
  const bad = (f: AccountField, message: string) => c.problems.push({ file: c.file, row: line, field: headerOf(mapping, f), message });
  const rec: Record<string, unknown> = {};
  const name = get(row, mapping, 'name');
  if (!name) bad('name', 'is required');
  rec.name = name;
  const website = get(row, mapping, 'website');
  const domainRaw = get(row, mapping, 'domain');
  const domains = new Set<string>();
  for (const part of domainRaw.split(/[;,\s]+/).filter(Boolean)) {
    const d = domainOf(part);
    if (d) domains.add(d);
    else bad('domain', `"${part}" is not a valid domain`);
  }
  if (website) {
    rec.website = websiteOf(website);
    const d = domainOf(website);
    if (d) domains.add(d);
  }
  rec.domains = [...domains];
  for (const [f, k] of [['industry', 'industry'], ['owner', 'owner']] as const) {
    const v = get(row, mapping, f);
    if (v) rec[k] = v;
  }
  const tier = get(row, mapping, 'tier');
  if (tier) {
    const up = tier.trim().toUpperCase().replace(/^TIER\s*/, '');
    const t = (TIERS as readonly string[]).includes(up) ? (up as (typeof TIERS)[number]) : pickEnum(TIERS, tier, { none: 'untiered', unclassified: 'untiered' });
    if (t === null) bad('tier', `"${tier}" is not a tier (A, B, C)`);
    else if (t) rec.tier = t;
  }
  for (const f of ['currentRevenue', 'potentialRevenue'] as const) {
    const v = get(row, mapping, f);
    const n = parseAmount(v);
    if (n === null) bad(f, `"${v}" is not an amount`);
    else if (n !== undefined) rec[f] = n;
  }
  const cur = get(row, mapping, 'currency');
  if (cur) rec.currency = cur.toUpperCase();
  const links: string[] = [];
  for (const li of get(row, mapping, 'linkedinUrl').split(/[;\s]+/).filter(Boolean)) {
    const u = canonicalCompanyUrl(li);
    if (!u) bad('linkedinUrl', `"${li}" is not a LinkedIn company URL`);
    else links.push(u);
  }
  if (links.length) rec.linkedinUrls = [...new Set(links)];
  const ren = get(row, mapping, 'renewalAt');
  if (ren) {
    const d = parseDate(ren);
    if (d === null) bad('renewalAt', `"${ren}" is not a date`);
    else if (d !== undefined) rec.renewalAt = d;
  }
  const tags = get(row, mapping, 'tags');
  if (tags) rec.tags = [...new Set(tags.split(/[;,]/).map((x) => x.trim()).filter(Boolean))];
  if (c.problems.length > before) return null;
  return rec as Partial<Account>;
}

function newAccountRecord(fields: Partial<Account>, line: number, mapping: Mapping, c: Ctx, reviewCadenceDays?: number): Account | null {
  const r = accountSchema.safeParse({ reviewCadenceDays, ...fields, id: c.newId(), nameKey: nameKey(fields.name ?? ''), createdAt: c.now, updatedAt: c.now });
  if (!r.success) {
    for (const p of zodProblems(r.error, { file: c.file, row: line })) c.problems.push({ ...p, field: p.field ? headerFor(mapping, p.field) : p.field });
    return null;
  }
  return r.data;
}
const FIELD_OF_PATH: Record<string, TargetField> = { name: 'name', domains: 'domain', website: 'website', industry: 'industry', tier: 'tier', currentRevenue: 'currentRevenue', potentialRevenue: 'potentialRevenue', currency: 'currency', owner: 'owner', linkedinUrls: 'linkedinUrl', renewalAt: 'renewalAt', tags: 'tags', title: 'title', emails: 'email', location: 'location' };
function headerFor(mapping: Mapping, path: string): string {
  const f = FIELD_OF_PATH[path.split('.')[0]];
  return f ? headerOf(mapping, f) : path;
}

function summarise(rows: PlannedRow[], newAccounts: number) {
  const s = { create: 0, merge: 0, duplicate: 0, newAccounts };
  for (const r of rows) s[r.outcome]++;
  return s;
}

export interface PlanOptions {
  file: string;
  now: number;
  newId: () => string;
  reviewCadenceDays?: number;
}

/** Accounts: deduplicated by domain, then by normalised name (against the database and earlier rows). */
export function planAccountImport(csv: ParsedCsv, mapping: Mapping, existing: Existing, o: PlanOptions): PlanResult {
  const c: Ctx = { file: o.file, now: o.now, newId: o.newId, problems: [] };
  if (!Object.values(mapping).includes('name')) return { ok: false, problems: [{ file: o.file, row: 1, field: 'name', message: 'no column is mapped to the account name' }] };
  const idx = new AccountIndex(existing.accounts);
  const created = new Map<string, Account>();
  const patches = new Map<string, Partial<Account>>();
  const rows: PlannedRow[] = [];
  csv.rows.forEach((row, i) => {
    const line = i + 2;
    const fields = accountFromRow(row, mapping, line, c);
    if (!fields) return;
    const hit = idx.find(fields.domains?.[0], fields.name) ?? fields.domains?.map((d) => idx.byDomain.get(d)).find(Boolean);
    if (hit) {
      const isNew = created.has(hit.id);
      const base = isNew ? created.get(hit.id)! : { ...hit, ...(patches.get(hit.id) ?? {}) };
      const ch = mergeAccountChanges(base, fields);
      if (isNew) {
        const merged = { ...base, ...ch };
        created.set(hit.id, merged);
        idx.add(merged);
      } else if (Object.keys(ch).length) {
        patches.set(hit.id, { ...(patches.get(hit.id) ?? {}), ...ch, updatedAt: o.now });
        idx.add({ ...base, ...ch });
      }
      rows.push({ line, outcome: Object.keys(ch).length && !isNew ? 'merge' : 'duplicate', name: hit.name });
      return;
    }
    const rec = newAccountRecord(fields, line, mapping, c, o.reviewCadenceDays);
    if (!rec) return;
    created.set(rec.id, rec);
    idx.add(rec);
    rows.push({ line, outcome: 'create', name: rec.name });
  });
  if (c.problems.length) return { ok: false, problems: c.problems };
  return {
    ok: true,
    batch: { accounts: [...created.values()], stakeholders: [], accountPatches: [...patches].map(([id, changes]) => ({ id, changes })), stakeholderPatches: [] },
    rows,
    summary: summarise(rows, 0),
  };
}

const ROLE_ALIASES: Record<string, (typeof ROLES)[number]> = { economic: 'economic_buyer', buyer: 'economic_buyer', decision: 'decision_maker', decider: 'decision_maker', coach: 'champion', technical: 'technical_evaluator', procurement: 'gatekeeper', purchasing: 'gatekeeper', executive_sponsor: 'sponsor', end_user: 'user' };
const STANCE_ALIASES: Record<string, (typeof STANCES)[number]> = { positive: 'supporter', negative: 'opponent', detractor: 'opponent', promoter: 'champion', sceptic: 'skeptic' };

/**
 * Contacts: the account is found by company name or domain (or the email's domain) among existing
 * accounts and accounts created by this import; a company that is nowhere becomes a new account.
 * A contact is the same person when they share an email, the LinkedIn URL, or the name within
 * the account.
 */
export function planContactImport(csv: ParsedCsv, mapping: Mapping, existing: Existing, o: PlanOptions, isFreeMail: (d: string) => boolean = () => false): PlanResult {
  const c: Ctx = { file: o.file, now: o.now, newId: o.newId, problems: [] };
  const mapped = new Set(Object.values(mapping));
  if (!mapped.has('fullName') && !mapped.has('lastName') && !mapped.has('firstName')) return { ok: false, problems: [{ file: o.file, row: 1, field: 'name', message: 'no column is mapped to the contact name' }] };
  const idx = new AccountIndex(existing.accounts);
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

  csv.rows.forEach((row, i) => {
    const line = i + 2;
    const before = c.problems.length;
    const bad = (f: ContactField, message: string) => c.problems.push({ file: c.file, row: line, field: headerOf(mapping, f), message });
    const name = get(row, mapping, 'fullName') || [get(row, mapping, 'firstName'), get(row, mapping, 'lastName')].filter(Boolean).join(' ');
    if (!name) bad(mapped.has('fullName') ? 'fullName' : 'lastName', 'is required');
    const emailRaw = get(row, mapping, 'email').toLowerCase();
    const emails = emailRaw ? emailRaw.split(/[;,\s]+/).filter(Boolean) : [];
    const liRaw = get(row, mapping, 'linkedinUrl');
    const linkedinUrl = liRaw ? canonicalProfileUrl(liRaw) : undefined;
    if (liRaw && !linkedinUrl) bad('linkedinUrl', `"${liRaw}" is not a LinkedIn profile URL`);
    const fields: Record<string, unknown> = { name, emails };
    if (linkedinUrl) fields.linkedinUrl = linkedinUrl;
    for (const f of ['title', 'location'] as const) {
      const v = get(row, mapping, f);
      if (v) fields[f] = v;
    }
    const enumField = <T extends readonly string[]>(f: ContactField, values: T, aliases: Record<string, T[number]>) => {
      const v = get(row, mapping, f);
      const r = pickEnum(values, v, aliases);
      if (r === null) bad(f, `"${v}" is not one of: ${values.join(', ')}`);
      else if (r) fields[f] = r;
    };
    enumField('role', ROLES, ROLE_ALIASES);
    enumField('stance', STANCES, STANCE_ALIASES);
    enumField('influence', INFLUENCES, {});

    // The account
    const company = get(row, mapping, 'company');
    const companyDomain = domainOf(get(row, mapping, 'companyDomain'));
    const mailDomain = emails.map((e) => domainOf(e)).find((d) => d && !isFreeMail(d));
    let account = idx.find(companyDomain, company) ?? (mailDomain ? idx.byDomain.get(mailDomain) : undefined);
    let isNewAccount = false;
    if (!account && c.problems.length === before) {
      if (!company) {
        bad('company', 'is required: no existing account matches this contact');
        return;
      }
      const rec = newAccountRecord({ name: company, domains: [companyDomain ?? mailDomain].filter((d): d is string => !!d) }, line, mapping, c, o.reviewCadenceDays);
      if (!rec) return;
      newAccounts.set(rec.id, rec);
      idx.add(rec);
      account = rec;
    }
    if (c.problems.length > before || !account) return;
    isNewAccount = newAccounts.has(account.id);
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
      const check = stakeholderSchema.safeParse(next);
      if (!check.success) {
        for (const p of zodProblems(check.error, { file: c.file, row: line })) c.problems.push({ ...p, field: p.field ? headerFor(mapping, p.field) : p.field });
        return;
      }
      if (created.has(same.id)) created.set(same.id, next);
      else if (changed) patches.set(same.id, { ...(patches.get(same.id) ?? {}), ...ch, updatedAt: o.now });
      index(next);
      rows.push({ line, outcome: changed && !created.has(same.id) ? 'merge' : 'duplicate', name: same.name, accountName: account.name, newAccount: isNewAccount });
      return;
    }
    const r = stakeholderSchema.safeParse({ ...fields, accountId: account.id, id: o.newId(), nameKey: key, createdAt: o.now, updatedAt: o.now });
    if (!r.success) {
      for (const p of zodProblems(r.error, { file: c.file, row: line })) c.problems.push({ ...p, field: p.field ? headerFor(mapping, p.field) : p.field });
      return;
    }
    created.set(r.data.id, r.data);
    index(r.data);
    rows.push({ line, outcome: 'create', name: r.data.name, accountName: account.name, newAccount: isNewAccount });
  });
  if (c.problems.length) return { ok: false, problems: c.problems };
  return {
    ok: true,
    batch: { accounts: [...newAccounts.values()], stakeholders: [...created.values()], accountPatches: [], stakeholderPatches: [...patches].map(([id, changes]) => ({ id, changes })) },
    rows,
    summary: summarise(rows, newAccounts.size),
  };
}
