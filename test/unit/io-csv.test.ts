import { afterEach, describe, expect, it } from 'vitest';
import Papa from 'papaparse';
import { createDb, type KalDb } from '../../lib/db/db';
import { applyImport, createAccount, upsertStakeholder, newId } from '../../lib/db/repo';
import { guessKind, guessMapping, parseAmount, parseCsv, parseDate, domainOf, planAccountImport, planContactImport, type ParsedCsv } from '../../lib/io/csv-import';
import { accountsCsv, actionsCsv, safeCell, stakeholdersCsv } from '../../lib/io/csv-export';
import { formatProblem } from '../../lib/io/errors';
import { exportBackup } from '../../lib/io/backup';
import { loadSamplePortfolio } from '../../lib/sample/load';
import type { Stakeholder } from '../../lib/db/model';

const NOW = Date.UTC(2026, 2, 16, 9, 30);
let db: KalDb | undefined;
afterEach(() => {
  db?.close();
  db = undefined;
});
const fresh = () => (db = createDb('csv-' + Math.random()));
const opts = (file: string) => ({ file, now: NOW, newId });
const csvOf = (text: string, file = 'f.csv'): ParsedCsv => {
  const r = parseCsv(text, file);
  if (!r.ok) throw new Error(formatProblem(r.problems[0]));
  return r.csv;
};
const existing = async (d: KalDb) => ({ accounts: await d.accounts.toArray(), stakeholders: await d.stakeholders.toArray() });

const HUBSPOT_COMPANIES = `Record ID,Company name,Company Domain Name,Annual Revenue,Industry,Company owner,Create Date
101,Acme SAS,acme.fr,"1,200,000",Manufacturing,Camille,2024-01-02
102,Globex GmbH,globex.de,450000,Software,Camille,2024-01-03
103,ACME,www.acme.fr,,,,2024-01-04
`;
const SALESFORCE_ACCOUNTS = `Account Name,Website,AnnualRevenue,Industry,Account Owner,Type
Initech Ltd,https://www.initech.co.uk/en,2500000,Software,Sam,Customer
`;
const HUBSPOT_CONTACTS = `First Name,Last Name,Email,Job Title,Associated Company,Phone Number
Jeanne,Dupont,Jeanne.Dupont@acme.fr,Directrice Achats,Acme SAS,+33 1
Paul,Martin,paul@newco.io,CTO,NewCo,
Jeanne,Dupont,jd@acme.fr,,Acme,
`;
const SALESFORCE_CONTACTS = `First Name,Last Name,Title,Email,Account.Name,Mailing City
Ann,Lee,VP Sales,ann.lee@initech.co.uk,Initech Ltd,London
`;

describe('CSV values', () => {
  it('parses amounts in English and French formats', () => {
    expect(parseAmount('1,200,000')).toBe(1200000);
    expect(parseAmount('1 200 000 €')).toBe(1200000);
    expect(parseAmount('1.200.000,50')).toBe(1200000.5);
    expect(parseAmount('45k')).toBe(45000);
    expect(parseAmount('2.5M')).toBe(2500000);
    expect(parseAmount('12,5')).toBe(12.5);
    expect(parseAmount('')).toBeUndefined();
    expect(parseAmount('lots')).toBeNull();
  });
  it('parses dates and domains', () => {
    expect(parseDate('2026-03-16')).toBe(Date.UTC(2026, 2, 16));
    expect(parseDate('16/03/2026')).toBe(Date.UTC(2026, 2, 16));
    expect(parseDate('03/16/2026')).toBe(Date.UTC(2026, 2, 16));
    expect(parseDate('soon')).toBeNull();
    expect(domainOf('https://www.acme.co.uk/fr')).toBe('acme.co.uk');
    expect(domainOf('mail.acme.fr')).toBe('acme.fr');
    expect(domainOf('x@sub.globex.de')).toBe('globex.de');
  });
});

describe('column mapping', () => {
  it('recognises HubSpot and Salesforce account columns', () => {
    expect(guessMapping(['Record ID', 'Company name', 'Company Domain Name', 'Annual Revenue', 'Industry'], 'accounts')).toEqual({
      'Record ID': '', 'Company name': 'name', 'Company Domain Name': 'domain', 'Annual Revenue': 'currentRevenue', Industry: 'industry',
    });
    expect(guessMapping(['Account Name', 'Website', 'AnnualRevenue'], 'accounts')).toEqual({ 'Account Name': 'name', Website: 'website', AnnualRevenue: 'currentRevenue' });
  });
  it('guesses whether a file holds accounts or contacts', () => {
    expect(guessKind(['Company name', 'Company Domain Name'])).toBe('accounts');
    expect(guessKind(['Account Name', 'Website'])).toBe('accounts');
    expect(guessKind(['First Name', 'Last Name', 'Associated Company'])).toBe('contacts');
    expect(guessKind(['Title', 'Email', 'Account.Name'])).toBe('contacts');
  });
  it('recognises HubSpot and Salesforce contact columns', () => {
    expect(guessMapping(['First Name', 'Last Name', 'Email', 'Job Title', 'Associated Company'], 'contacts')).toEqual({
      'First Name': 'firstName', 'Last Name': 'lastName', Email: 'email', 'Job Title': 'title', 'Associated Company': 'company',
    });
    expect(guessMapping(['Title', 'Email', 'Account.Name', 'Name'], 'contacts')).toEqual({ Title: 'title', Email: 'email', 'Account.Name': 'company', Name: 'fullName' });
  });
});

describe('account import', () => {
  it('imports HubSpot companies, deduplicating by domain within the file', async () => {
    const d = fresh();
    const csv = csvOf(HUBSPOT_COMPANIES, 'companies.csv');
    const plan = planAccountImport(csv, guessMapping(csv.headers, 'accounts'), await existing(d), opts('companies.csv'));
    expect(plan.ok).toBe(true);
    if (!plan.ok) return;
    expect(plan.summary).toMatchObject({ create: 2, duplicate: 1 });
    await applyImport(d, plan.batch);
    const acme = await d.accounts.where('domains').equals('acme.fr').first();
    expect(acme).toMatchObject({ name: 'Acme SAS', currentRevenue: 1200000, industry: 'Manufacturing', owner: 'Camille', nameKey: 'acme' });
    expect(await d.accounts.count()).toBe(2);
  });
  it('merges into existing accounts (by domain, then name) without overwriting what the user wrote', async () => {
    const d = fresh();
    await createAccount(d, { name: 'Initech', industry: 'Consulting' }, NOW);
    const csv = csvOf(SALESFORCE_ACCOUNTS);
    const plan = planAccountImport(csv, guessMapping(csv.headers, 'accounts'), await existing(d), opts('sf.csv'));
    if (!plan.ok) throw new Error(formatProblem(plan.problems[0]));
    expect(plan.summary).toMatchObject({ create: 0, merge: 1 });
    await applyImport(d, plan.batch);
    const all = await d.accounts.toArray();
    expect(all).toHaveLength(1);
    expect(all[0]).toMatchObject({ name: 'Initech', industry: 'Consulting', domains: ['initech.co.uk'], currentRevenue: 2500000, website: 'https://www.initech.co.uk/en' });
  });
  it('rejects a malformed file naming file, row and field, and writes nothing', async () => {
    const d = fresh();
    await loadSamplePortfolio(d, NOW);
    const before = await exportBackup(d, NOW);
    const csv = csvOf('Company name,Annual Revenue,Company Domain Name\nGood Co,100,good.com\n,200,x.com\nBad Co,lots,bad.com\n', 'broken.csv');
    const plan = planAccountImport(csv, guessMapping(csv.headers, 'accounts'), await existing(d), opts('broken.csv'));
    expect(plan.ok).toBe(false);
    if (plan.ok) return;
    expect(plan.problems).toEqual([
      { file: 'broken.csv', row: 3, field: 'Company name', message: 'is required' },
      { file: 'broken.csv', row: 4, field: 'Annual Revenue', message: '"lots" is not an amount' },
    ]);
    expect(formatProblem(plan.problems[1])).toBe('broken.csv › row 4 › Annual Revenue: "lots" is not an amount');
    expect(await exportBackup(d, NOW)).toEqual(before);
  });
  it('rejects structurally broken CSV (wrong field count, missing header)', () => {
    const r = parseCsv('Company name,Domain\nAcme,acme.fr\nGlobex,globex.de,extra,cells\n', 'bad.csv');
    expect(r.ok).toBe(false);
    if (!r.ok) expect(r.problems[0]).toMatchObject({ file: 'bad.csv', row: 3 });
    expect(parseCsv('', 'empty.csv').ok).toBe(false);
    expect(parseCsv('Company name\n', 'nodata.csv')).toMatchObject({ ok: false, problems: [{ message: 'has no data rows' }] });
  });
  it('requires a name column', async () => {
    const csv = csvOf('Foo,Bar\n1,2\n');
    const plan = planAccountImport(csv, guessMapping(csv.headers, 'accounts'), { accounts: [], stakeholders: [] }, opts('f.csv'));
    expect(plan).toMatchObject({ ok: false, problems: [{ field: 'name' }] });
  });
  it('applies user mapping for unknown columns', () => {
    const csv = csvOf('Raison sociale,CA\nDupont SA,"12 000"\n');
    const plan = planAccountImport(csv, { 'Raison sociale': 'name', CA: 'currentRevenue' }, { accounts: [], stakeholders: [] }, opts('f.csv'));
    expect(plan.ok && plan.batch.accounts[0]).toMatchObject({ name: 'Dupont SA', currentRevenue: 12000 });
  });
});

describe('contact import', () => {
  it('imports HubSpot contacts: finds accounts, creates missing ones, deduplicates people', async () => {
    const d = fresh();
    const acme = await createAccount(d, { name: 'Acme SAS', domains: ['acme.fr'] }, NOW);
    const csv = csvOf(HUBSPOT_CONTACTS, 'contacts.csv');
    const plan = planContactImport(csv, guessMapping(csv.headers, 'contacts'), await existing(d), opts('contacts.csv'));
    if (!plan.ok) throw new Error(formatProblem(plan.problems[0]));
    expect(plan.summary).toMatchObject({ create: 2, duplicate: 1, newAccounts: 1 });
    await applyImport(d, plan.batch);
    const jeanne = await d.stakeholders.where('[accountId+nameKey]').equals([acme.id, 'jeanne dupont']).first();
    expect(jeanne).toMatchObject({ title: 'Directrice Achats', emails: ['jeanne.dupont@acme.fr', 'jd@acme.fr'] });
    const newco = await d.accounts.where('nameKey').equals('newco').first();
    expect(newco).toMatchObject({ name: 'NewCo', domains: ['newco.io'] });
    expect(await d.stakeholders.where('accountId').equals(newco!.id).count()).toBe(1);
  });
  it('merges with existing stakeholders by email or LinkedIn URL', async () => {
    const d = fresh();
    const a = await createAccount(d, { name: 'Initech Ltd', domains: ['initech.co.uk'] }, NOW);
    await upsertStakeholder(d, { accountId: a.id, name: 'Annie Lee', emails: ['ann.lee@initech.co.uk'], role: 'champion' }, NOW);
    const csv = csvOf(SALESFORCE_CONTACTS);
    const plan = planContactImport(csv, guessMapping(csv.headers, 'contacts'), await existing(d), opts('sf.csv'));
    if (!plan.ok) throw new Error(formatProblem(plan.problems[0]));
    expect(plan.summary).toMatchObject({ create: 0, merge: 1 });
    await applyImport(d, plan.batch);
    const all = await d.stakeholders.toArray();
    expect(all).toHaveLength(1);
    expect(all[0]).toMatchObject({ name: 'Annie Lee', title: 'VP Sales', location: 'London', role: 'champion' });
  });
  it('rejects bad emails / unknown companies with row and column, database unchanged', async () => {
    const d = fresh();
    await loadSamplePortfolio(d, NOW);
    const before = await exportBackup(d, NOW);
    const csv = csvOf('First Name,Last Name,Email,Associated Company,Role\nA,B,not-mail,Acme,\nC,D,c@d.com,,\nE,F,e@f.com,X,boss\n', 'c.csv');
    const plan = planContactImport(csv, guessMapping(csv.headers, 'contacts'), await existing(d), opts('c.csv'));
    expect(plan.ok).toBe(false);
    if (plan.ok) return;
    expect(plan.problems.map((p) => [p.row, p.field])).toEqual([
      [2, 'Email'],
      [3, 'Associated Company'],
      [4, 'Role'],
    ]);
    expect(await exportBackup(d, NOW)).toEqual(before);
  });
  it('applyImport writes nothing when one record is invalid', async () => {
    const d = fresh();
    const a = await createAccount(d, { name: 'A' }, NOW);
    const good: Stakeholder = { id: 'x1', accountId: a.id, name: 'Ok', nameKey: 'ok', emails: [], role: 'user', influence: 'low', stance: 'neutral', relationship: 'none', notes: '', createdAt: NOW, updatedAt: NOW };
    await expect(applyImport(d, { accounts: [], stakeholders: [good, { ...good, id: 'x2', emails: ['bad'] }], accountPatches: [], stakeholderPatches: [] })).rejects.toThrow();
    expect(await d.stakeholders.count()).toBe(0);
  });
});

describe('CSV export', () => {
  it('exports accounts, stakeholders and actions that parse back', async () => {
    const d = fresh();
    await loadSamplePortfolio(d, NOW);
    const accounts = await d.accounts.toArray();
    const names = new Map(accounts.map((a) => [a.id, a.name]));
    const a = Papa.parse<Record<string, string>>(accountsCsv(accounts), { header: true, skipEmptyLines: true });
    expect(a.errors).toEqual([]);
    expect(a.data).toHaveLength(accounts.length);
    expect(a.data.find((r) => r['Account Name'] === 'Groupe Hexagone Distribution')).toMatchObject({ Tier: 'A', Domains: 'hexagone-distribution.fr' });
    // an exported accounts file imports back as duplicates only
    const csv = csvOf(accountsCsv(accounts));
    const plan = planAccountImport(csv, guessMapping(csv.headers, 'accounts'), await existing(d), opts('x.csv'));
    if (!plan.ok) throw new Error(formatProblem(plan.problems[0]));
    expect(plan.summary.create).toBe(0);
    const s = Papa.parse<Record<string, string>>(stakeholdersCsv(await d.stakeholders.toArray(), (id) => names.get(id) ?? ''), { header: true, skipEmptyLines: true });
    expect(s.data.find((r) => r.Name === 'Claire Martin')).toMatchObject({ 'Account Name': 'Groupe Hexagone Distribution', Role: 'economic_buyer', 'Reports To': 'Philippe Renaud' });
    const x = Papa.parse(actionsCsv(await d.actions.toArray(), (id) => names.get(id) ?? ''), { header: true, skipEmptyLines: true });
    expect(x.data.length).toBe(await d.actions.count());
  });
  it('neutralises spreadsheet formulas', () => {
    expect(safeCell('=HYPERLINK("x")')).toBe(`'=HYPERLINK("x")`);
    expect(safeCell('@SUM')).toBe(`'@SUM`);
    expect(safeCell(-5)).toBe(-5);
    expect(safeCell('Plain')).toBe('Plain');
  });
});
