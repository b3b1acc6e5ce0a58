import { problemWords } from '../../components/dashboard/data/Problems';
import { makeT } from '../../lib/i18n';
import { afterEach, describe, expect, it } from 'vitest';
import Papa from 'papaparse';
import { createDb, type KalDb } from '../../lib/db/db';
import { applyImport, createAccount, updateAccount, updateStakeholder, upsertStakeholder, newId } from '../../lib/db/repo';
import { guessKind, guessMapping, domainOf, planAccountImport, planContactImport, readColumns, readLayout, type CsvTable, type Mapping, type PlanResult } from '../../lib/io/csv-import';
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
const csvOf = (text: string, file = 'f.csv'): CsvTable => {
  const r = readLayout(text, file);
  if (!r.ok) throw new Error(formatProblem(r.problems[0]));
  return r.table;
};
const rd = (t: CsvTable, m: Mapping) => readColumns(t, m, { locale: 'en-GB' });
const planA = (t: CsvTable, m: Mapping, ex: Parameters<typeof planAccountImport>[3], o: Parameters<typeof planAccountImport>[4]): PlanResult => planAccountImport(t, m, rd(t, m), ex, o);
const planC = (t: CsvTable, m: Mapping, ex: Parameters<typeof planAccountImport>[3], o: Parameters<typeof planAccountImport>[4]): PlanResult => planContactImport(t, m, rd(t, m), ex, o);
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

describe('column mapping', () => {
  it('recognises HubSpot and Salesforce account columns', () => {
    expect(guessMapping(['Record ID', 'Company name', 'Company Domain Name', 'Annual Revenue', 'Industry'], 'accounts')).toEqual(['crmId', 'name', 'domain', 'currentRevenue', 'industry']);
    expect(guessMapping(['Account Name', 'Website', 'AnnualRevenue', 'Account ID', 'Next_Review__c'], 'accounts')).toEqual(['name', 'website', 'currentRevenue', 'crmId', 'nextReviewAt']);
    // a column name that is an Object.prototype member maps to nothing (and breaks nothing)
    expect(guessMapping(['constructor', '__proto__', 'toString', 'Name'], 'accounts')).toEqual(['', '', '', 'name']);
  });
  it('guesses whether a file holds accounts or contacts', () => {
    expect(guessKind(['Company name', 'Company Domain Name'])).toBe('accounts');
    expect(guessKind(['Account Name', 'Website'])).toBe('accounts');
    expect(guessKind(['First Name', 'Last Name', 'Associated Company'])).toBe('contacts');
    expect(guessKind(['Title', 'Email', 'Account.Name'])).toBe('contacts');
  });
  it('recognises HubSpot and Salesforce contact columns', () => {
    expect(guessMapping(['First Name', 'Last Name', 'Email', 'Job Title', 'Associated Company'], 'contacts')).toEqual(['firstName', 'lastName', 'email', 'title', 'company']);
    expect(guessMapping(['Title', 'Email', 'Account.Name', 'Name'], 'contacts')).toEqual(['title', 'email', 'company', 'fullName']);
  });
});

describe('account import', () => {
  it('imports HubSpot companies, deduplicating by domain within the file', async () => {
    const d = fresh();
    const csv = csvOf(HUBSPOT_COMPANIES, 'companies.csv');
    const plan = planA(csv, guessMapping(csv.headers, 'accounts'), await existing(d), opts('companies.csv'));
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
    const plan = planA(csv, guessMapping(csv.headers, 'accounts'), await existing(d), opts('sf.csv'));
    if (!plan.ok) throw new Error(formatProblem(plan.problems[0]));
    expect(plan.summary).toMatchObject({ create: 0, merge: 1 });
    await applyImport(d, plan.batch);
    const all = await d.accounts.toArray();
    expect(all).toHaveLength(1);
    expect(all[0]).toMatchObject({ name: 'Initech', industry: 'Consulting', domains: ['initech.co.uk'], currentRevenue: 2500000, website: 'https://www.initech.co.uk/en' });
  });
  it('an edit made between the preview and "Import" is kept: the import fills and adds against what the preview read', async () => {
    const d = fresh();
    const initech = await createAccount(d, { name: 'Initech', industry: 'Consulting' }, NOW);
    const csv = csvOf(SALESFORCE_ACCOUNTS);
    const plan = planA(csv, guessMapping(csv.headers, 'accounts'), await existing(d), opts('sf.csv'));
    if (!plan.ok) throw new Error(formatProblem(plan.problems[0]));
    expect(plan.batch.accountPatches.map((p) => p.base)).toEqual([{ domains: [], currentRevenue: 0, website: null, owner: null }]);
    // meanwhile, in another tab: the website (its domain joins the domains) and the owner
    await updateAccount(d, initech.id, { website: 'https://initech.com/', owner: 'Camille' }, NOW + 1);
    await applyImport(d, plan.batch);
    expect(await d.accounts.get(initech.id)).toMatchObject({
      industry: 'Consulting',
      website: 'https://initech.com/',
      owner: 'Camille',
      domains: ['initech.com', 'initech.co.uk'],
      currentRevenue: 2500000,
      rev: 2,
      revs: { website: 1, owner: 1, domains: 2, currentRevenue: 2 },
    });
  });
  it('never merges on a generic name ("Holding SA" / "Holding AG"); a pasted website merges by its domain key', async () => {
    const d = fresh();
    await createAccount(d, { name: 'Holding SA' }, NOW);
    await createAccount(d, { name: 'Acme Industrie', website: 'https://www.acme-industrie.example/' }, NOW);
    const csv = csvOf('Account Name,Website\nHolding AG,\nACME Industrie (doublon),www.acme-industrie.example\n');
    const plan = planA(csv, guessMapping(csv.headers, 'accounts'), await existing(d), opts('generic.csv'));
    if (!plan.ok) throw new Error(formatProblem(plan.problems[0]));
    expect(plan.rows.map((r) => [r.row, r.outcome, r.name])).toEqual([[2, 'create', 'Holding AG'], [3, 'duplicate', 'Acme Industrie']]);
  });
  it('lists bad rows (row, column, why) and plans only the good ones; nothing is written before the choice', async () => {
    const d = fresh();
    await loadSamplePortfolio(d, NOW);
    const before = await exportBackup(d, NOW);
    const csv = csvOf('Company name,Annual Revenue,Company Domain Name\nGood Co,100,good.com\n,200,x.com\nBad Co,lots,bad.com\nOther Co,5,other.com\n', 'broken.csv');
    const plan = planA(csv, guessMapping(csv.headers, 'accounts'), await existing(d), opts('broken.csv'));
    if (!plan.ok) throw new Error('planned');
    expect(plan.problems).toEqual([
      { file: 'broken.csv', row: 3, field: 'Company name', message: 'is required', code: 'required' },
      { file: 'broken.csv', row: 4, field: 'Annual Revenue', message: '"lots" is not an amount (decimal point)', code: 'csv_not_amount_point', vars: { value: 'lots' } },
    ]);
    // …and in French (issue 12, 6b)
    const fr = problemWords(makeT('fr'));
    expect(plan.problems.map((p) => formatProblem(p, fr))).toEqual(['broken.csv › ligne 3 › Company name: est obligatoire.', 'broken.csv › ligne 4 › Annual Revenue: « lots » n’est pas un montant (point décimal).']);
    expect(plan.badRows).toEqual([3, 4]);
    expect(plan.batch.accounts.map((a) => a.name)).toEqual(['Good Co', 'Other Co']);
    expect(formatProblem(plan.problems[1])).toBe('broken.csv › row 4 › Annual Revenue: "lots" is not an amount (decimal point)');
    expect(await exportBackup(d, NOW)).toEqual(before);
    await applyImport(d, plan.batch);
    expect(await d.accounts.where('nameKey').anyOf('good co', 'other co').count()).toBe(2);
  });
  it('lists a ragged row instead of refusing the file; a file without data has no plan', () => {
    const csv = csvOf('Company name,Domain\nAcme,acme.fr\nGlobex,globex.de,extra,cells\nInitech,initech.com\n', 'bad.csv');
    expect(csv.rows.map((r) => r.row)).toEqual([2, 4]);
    expect(csv.problems).toEqual([
      { file: 'bad.csv', row: 3, message: 'has 4 columns, the header has 2 (a separator or quote out of place?): "Globex,globex.de,extra,cells"', code: 'csv_column_count', vars: { n: 4, header: 2, value: 'Globex,globex.de,extra,cells' } },
    ]);
    expect(readLayout('', 'empty.csv')).toMatchObject({ ok: false, problems: [{ message: 'is empty' }] });
    expect(csvOf('Company name,Domain\n').rows).toEqual([]);
  });
  it('requires a name column', async () => {
    const csv = csvOf('Foo,Bar\n1,2\n');
    const plan = planA(csv, guessMapping(csv.headers, 'accounts'), { accounts: [], stakeholders: [] }, opts('f.csv'));
    expect(plan).toMatchObject({ ok: false, problems: [{ field: 'name' }] });
  });
  it('applies user mapping for unknown columns', () => {
    const csv = csvOf('Raison sociale,CA\nDupont SA,"12 000"\n');
    const plan = planA(csv, ['name', 'currentRevenue'], { accounts: [], stakeholders: [] }, opts('f.csv'));
    expect(plan.ok && plan.batch.accounts[0]).toMatchObject({ name: 'Dupont SA', currentRevenue: 12000 });
  });
});

describe('contact import', () => {
  it('imports HubSpot contacts: finds accounts, creates missing ones, deduplicates people', async () => {
    const d = fresh();
    const acme = await createAccount(d, { name: 'Acme SAS', domains: ['acme.fr'] }, NOW);
    const csv = csvOf(HUBSPOT_CONTACTS, 'contacts.csv');
    const plan = planC(csv, guessMapping(csv.headers, 'contacts'), await existing(d), opts('contacts.csv'));
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
    const plan = planC(csv, guessMapping(csv.headers, 'contacts'), await existing(d), opts('sf.csv'));
    if (!plan.ok) throw new Error(formatProblem(plan.problems[0]));
    expect(plan.summary).toMatchObject({ create: 0, merge: 1 });
    await applyImport(d, plan.batch);
    const all = await d.stakeholders.toArray();
    expect(all).toHaveLength(1);
    expect(all[0]).toMatchObject({ name: 'Annie Lee', title: 'VP Sales', location: 'London', role: 'champion' });
  });
  it('a title typed in the power map between the preview and "Import" is kept; the rest of the row fills in', async () => {
    const d = fresh();
    const a = await createAccount(d, { name: 'Initech Ltd', domains: ['initech.co.uk'] }, NOW);
    const { stakeholder: annie } = await upsertStakeholder(d, { accountId: a.id, name: 'Annie Lee', emails: ['ann.lee@initech.co.uk'], role: 'champion' }, NOW);
    const csv = csvOf(SALESFORCE_CONTACTS);
    const plan = planC(csv, guessMapping(csv.headers, 'contacts'), await existing(d), opts('sf.csv'));
    if (!plan.ok) throw new Error(formatProblem(plan.problems[0]));
    await updateStakeholder(d, annie.id, { title: 'Head of Sales EMEA' }, NOW + 1);
    await applyImport(d, plan.batch);
    expect(await d.stakeholders.get(annie.id)).toMatchObject({ name: 'Annie Lee', title: 'Head of Sales EMEA', location: 'London', role: 'champion' });
  });
  it('lists bad emails and roles with row and column, and contacts without a company to assign', async () => {
    const d = fresh();
    await loadSamplePortfolio(d, NOW);
    const before = await exportBackup(d, NOW);
    const csv = csvOf('First Name,Last Name,Email,Associated Company,Role\nA,B,not-mail,Acme,\nC,D,c@d.com,,\nE,F,e@f.com,X,boss\n', 'c.csv');
    const plan = planC(csv, guessMapping(csv.headers, 'contacts'), await existing(d), opts('c.csv'));
    if (!plan.ok) throw new Error('planned');
    expect(plan.problems.map((p) => [p.row, p.field])).toEqual([
      [2, 'Email'],
      [4, 'Role'],
    ]);
    expect(plan.unassigned).toEqual([{ row: 3, name: 'C D', email: 'c@d.com' }]);
    expect(plan.batch.stakeholders).toEqual([]);
    expect(await exportBackup(d, NOW)).toEqual(before);
    // Assigned by the user: imported into that account.
    const hex = (await d.accounts.toArray()).find((a) => a.name.startsWith('Groupe Hexagone'))!;
    const again = planContactImport(csv, guessMapping(csv.headers, 'contacts'), rd(csv, guessMapping(csv.headers, 'contacts')), await existing(d), { ...opts('c.csv'), assignments: new Map([[3, hex.id]]) });
    expect(again.ok && again.batch.stakeholders.map((s) => [s.name, s.accountId])).toEqual([['C D', hex.id]]);
    expect(again.ok && again.unassigned).toEqual([{ row: 3, name: 'C D', email: 'c@d.com', accountId: hex.id }]);
  });
  it('applyImport writes nothing when one record is invalid', async () => {
    const d = fresh();
    const a = await createAccount(d, { name: 'A' }, NOW);
    const good: Stakeholder = { id: 'x1', accountId: a.id, name: 'Ok', nameKey: 'ok', emails: [], role: 'user', influence: 'low', stance: 'neutral', relationship: 'none', notes: '', createdAt: NOW, updatedAt: NOW };
    await expect(applyImport(d, { accounts: [], stakeholders: [good, { ...good, id: 'x2', emails: ['bad'] }], accountPatches: [], stakeholderPatches: [] })).rejects.toThrow();
    expect(await d.stakeholders.count()).toBe(0);
  });
});

describe('contact import: a person found in another account than the file says', () => {
  it('the preview says where they are and stay, and names the file\'s company; nobody is moved', async () => {
    const d = fresh();
    const acme = await createAccount(d, { name: 'Acme SA', domains: ['acme.fr'] });
    await createAccount(d, { name: 'Globex', domains: ['globex.de'] });
    const anna = (await upsertStakeholder(d, { accountId: acme.id, name: 'Anna Smith', emails: ['anna@acme.fr'] })).stakeholder;
    const csv = csvOf('First Name,Last Name,Email,Job Title,Company\nAnna,Smith,anna@acme.fr,CFO,Globex\nBen,Stone,ben@globex.de,CTO,Globex\n');
    const m = guessMapping(csv.headers, 'contacts');
    const plan = planC(csv, m, await existing(d), opts('c.csv'));
    if (!plan.ok) throw new Error('plan refused');
    expect(plan.rows).toEqual([
      { row: 2, outcome: 'merge', name: 'Anna Smith', accountName: 'Acme SA', newAccount: false, fileAccountName: 'Globex' },
      { row: 3, outcome: 'create', name: 'Ben Stone', accountName: 'Globex', newAccount: false },
    ]);
    expect(plan.batch.stakeholderPatches).toEqual([{ id: anna.id, changes: { title: 'CFO', updatedAt: NOW }, base: { title: null } }]);
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
    const plan = planA(csv, guessMapping(csv.headers, 'accounts'), await existing(d), opts('x.csv'));
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
