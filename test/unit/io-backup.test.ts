import { afterEach, describe, expect, it } from 'vitest';
import fc from 'fast-check';
import { createDb, type KalDb } from '../../lib/db/db';
import { exportBackup, parseBackup, rekeyBackup, serializeBackup, TABLES, type BackupData } from '../../lib/io/backup';
import { admitRecord } from '../../lib/db/admit';
import { replaceAllData, savePlan, wipeAllData } from '../../lib/db/repo';
import { loadSamplePortfolio } from '../../lib/sample/load';
import { ROLES, STANCES, INFLUENCES, RELATIONSHIPS, TIERS, ACTION_STATUSES, WHITESPACE_STATUSES, type Account, type Plan, type Stakeholder, type Action, type Note, type Link } from '../../lib/db/model';
import { formatProblem, unreadableFile, type ImportProblem } from '../../lib/io/errors';
import { makeT } from '../../lib/i18n';
import { problemWords } from '../../components/dashboard/data/Problems';

const NOW = Date.UTC(2026, 2, 16, 9, 30);
const dbs: KalDb[] = [];
afterEach(() => {
  while (dbs.length) dbs.pop()!.close();
});
const fresh = () => {
  const d = createDb('bk-' + Math.random());
  dbs.push(d);
  return d;
};

async function dump(db: KalDb): Promise<BackupData> {
  const b = await exportBackup(db, NOW);
  // order-independent comparison
  for (const t of TABLES) (b.data[t] as { id: string }[]).sort((x, y) => (x.id < y.id ? -1 : 1));
  return b.data;
}

// ---------- generators of valid records ----------
const ms = fc.integer({ min: 0, max: 4_102_444_800_000 });
/** a calendar date YYYY-MM-DD */
const dayArb = fc.date({ min: new Date('1900-01-01T00:00:00Z'), max: new Date('2999-12-31T00:00:00Z'), noInvalidDate: true }).map((d) => d.toISOString().slice(0, 10));
const txt = (max: number) => fc.string({ maxLength: max, unit: 'grapheme' });
// stored text is schema output: required text is trimmed
const req = (max: number) => fc.string({ minLength: 1, maxLength: max, unit: 'grapheme' }).map((s) => s.trim()).filter((s) => s.length > 0);
const opt = <T,>(a: fc.Arbitrary<T>) => fc.option(a, { nil: undefined });
const score = fc.integer({ min: 0, max: 50 }).map((n) => n / 10);
const money = fc.integer({ min: 0, max: 10_000_000_00 }).map((n) => n / 100);
const domainArb = fc.domain().map((d) => d.toLowerCase());
const strip = <T extends object>(o: T): T => Object.fromEntries(Object.entries(o).filter(([, v]) => v !== undefined)) as T;

const dataArb = fc
  .uniqueArray(fc.uuid(), { minLength: 0, maxLength: 6 })
  .chain((ids) => {
    const accounts = fc.tuple(
      ...ids.map((id) =>
        fc.record({
          name: req(60), aliases: fc.array(req(20), { maxLength: 3 }), domains: fc.uniqueArray(domainArb, { maxLength: 3 }), linkedinUrls: fc.uniqueArray(fc.stringMatching(/^[a-z0-9-]{2,20}$/).map((s) => `https://www.linkedin.com/company/${s}/`), { maxLength: 2 }),
          website: opt(domainArb.map((d) => `https://www.${d}/`)), industry: opt(txt(40)), tier: fc.constantFrom(...TIERS),
          scores: fc.record({ revenue: score, potential: score, growth: score, strategicFit: score, relationship: score, access: score }),
          currency: fc.constantFrom('EUR', 'USD', 'GBP'), currentRevenue: money, potentialRevenue: money, renewalAt: opt(dayArb), reviewCadenceDays: fc.integer({ min: 1, max: 366 }),
          nextReviewAt: opt(dayArb), owner: opt(txt(30)), tags: fc.array(req(20), { maxLength: 3 }), createdAt: ms, updatedAt: ms,
        }).map((a): Account => strip({ ...a, id, nameKey: a.name.toLowerCase() })),
      ),
    );
    const accId = ids.length ? fc.constantFrom(...ids) : fc.constant('none');
    const plans = fc.tuple(
      ...ids.map((accountId) =>
        fc.option(
          fc.record({
            id: fc.uuid(), context: txt(200), priorities: txt(100), strategy: txt(100), valueProposition: txt(100), productFeedback: txt(100), revision: fc.nat(50), createdAt: ms, updatedAt: ms,
            objectives: fc.array(fc.record({ id: fc.uuid(), title: req(40), owner: opt(txt(20)), dueAt: opt(dayArb), status: fc.constantFrom('not_started', 'on_track', 'at_risk', 'done' as const) }).map(strip), { maxLength: 3 }),
            whitespace: fc.array(fc.record({ id: fc.uuid(), offering: req(20), entity: req(20), status: fc.constantFrom(...WHITESPACE_STATUSES), value: opt(money), competitor: opt(txt(20)) }).map(strip), { maxLength: 4 }),
            risks: fc.array(fc.record({ id: fc.uuid(), title: req(40), severity: fc.constantFrom('high', 'medium', 'low' as const), mitigation: txt(50) }), { maxLength: 3 }),
            advocacy: fc.array(fc.record({ id: fc.uuid(), kind: fc.constantFrom('reference', 'case_study', 'testimonial', 'event' as const), text: req(40) }), { maxLength: 2 }),
          }).map((p): Plan => ({ ...p, accountId })),
          { nil: undefined },
        ),
      ),
    );
    const stakeholders = ids.length
      ? fc.uniqueArray(
          fc.record({
            id: fc.uuid(), accountId: accId, name: req(40), title: opt(txt(40)), location: opt(txt(20)), linkedinUrl: opt(fc.stringMatching(/^[a-z0-9-]{3,20}$/).map((s) => `https://www.linkedin.com/in/${s}/`)),
            emails: fc.uniqueArray(fc.tuple(fc.stringMatching(/^[a-z0-9]{1,8}([._-][a-z0-9]{1,8})?$/), domainArb).map(([l, d]) => `${l}@${d}`), { maxLength: 2 }), role: fc.constantFrom(...ROLES), influence: fc.constantFrom(...INFLUENCES), stance: fc.constantFrom(...STANCES),
            relationship: fc.constantFrom(...RELATIONSHIPS), lastContactAt: opt(ms), notes: txt(80), createdAt: ms, updatedAt: ms,
            capture: opt(fc.record({ title: opt(txt(30)), companyName: opt(txt(30)), companyChanged: opt(fc.boolean()), seenAt: ms }).map(strip)),
          }).map((s): Stakeholder => strip({ ...s, nameKey: s.name.toLowerCase() })),
          { maxLength: 8, selector: (s) => s.linkedinUrl ?? s.id },
        )
      : fc.constant([] as Stakeholder[]);
    const actions = ids.length
      ? fc.array(fc.record({ id: fc.uuid(), accountId: accId, title: req(40), dueAt: opt(dayArb), status: fc.constantFrom(...ACTION_STATUSES), priority: fc.constantFrom('high', 'normal', 'low' as const), kind: fc.constantFrom('task', 'call', 'email', 'meeting', 'review' as const), source: fc.constantFrom('dashboard', 'linkedin', 'gmail' as const), notifiedAt: opt(ms), doneAt: opt(ms), createdAt: ms, updatedAt: ms }).map((a) => strip(a) as Action), { maxLength: 8 })
      : fc.constant([] as Action[]);
    const notes = ids.length
      ? fc.array(fc.record({ id: fc.uuid(), accountId: accId, body: req(200), threadId: opt(txt(20)), source: fc.record({ site: fc.constantFrom('dashboard', 'gmail' as const), url: opt(fc.webUrl()), subject: opt(txt(30)) }).map(strip), createdAt: ms, updatedAt: ms }).map((n) => strip(n) as Note), { maxLength: 5 })
      : fc.constant([] as Note[]);
    const links = ids.length
      ? fc.array(fc.record({ id: fc.uuid(), key: req(40), kind: fc.constantFrom('domain', 'company', 'name' as const), accountId: accId, verdict: fc.constantFrom('confirmed', 'rejected' as const), createdAt: ms }).map((l) => l as Link), { maxLength: 4 })
      : fc.constant([] as Link[]);
    return fc.record({ accounts, plans, stakeholders, actions, notes, links });
  })
  .map(({ accounts, plans, stakeholders, actions, notes, links }) => {
    const ps = plans.filter((p): p is Plan => !!p);
    // a revision of each plan, holding the plan itself as "before"
    const planRevisions = ps.map((p, i) => ({ id: `rev-${i}-${p.id}`, accountId: p.accountId, planId: p.id, revision: p.revision, before: p, changedFields: ['context'], createdAt: p.updatedAt }));
    const ids = new Set<string>();
    const uniqueById = <T extends { id: string }>(xs: T[]) => xs.filter((x) => (ids.has(x.id) ? false : (ids.add(x.id), true)));
    // as the app stores them: through the one door (canonical keys, derived keys recomputed)
    const raw = rekeyBackup({ accounts: [...accounts], plans: ps, planRevisions, stakeholders: uniqueById(stakeholders), actions: uniqueById(actions), notes: uniqueById(notes), links: uniqueById(links) } as BackupData);
    const admitted = Object.fromEntries(TABLES.map((t) => [t, (raw[t] as unknown[]).map((r) => admitRecord(t, r))]));
    return Object.values(admitted).every((rs) => rs.every((r) => r.ok)) ? (Object.fromEntries(TABLES.map((t) => [t, admitted[t].map((r) => (r.ok ? r.value : null))])) as unknown as BackupData) : null;
  })
  .filter((d): d is BackupData => d !== null);

describe('JSON backup', () => {
  it('round-trips generated data losslessly (export → file → validate → restore → export)', async () => {
    await fc.assert(
      fc.asyncProperty(dataArb, async (data) => {
        const a = fresh();
        await replaceAllData(a, data);
        const before = await dump(a);
        const text = serializeBackup(await exportBackup(a, NOW));
        const parsed = parseBackup(text);
        if (!parsed.ok) throw new Error(JSON.stringify(parsed.problems.slice(0, 3)));
        const b = fresh();
        await loadSamplePortfolio(b, NOW); // restore replaces whatever was there
        await replaceAllData(b, parsed.backup.data);
        expect(await dump(b)).toEqual(before);
        a.close();
        b.close();
      }),
      { numRuns: 25, endOnFailure: true },
    );
  }, 60_000);

  it('round-trips the sample portfolio with plan revisions', async () => {
    const a = fresh();
    await loadSamplePortfolio(a, NOW);
    await savePlan(a, 'sample-acc-hexagone', { context: 'Nouveau contexte' }, NOW + 1);
    const text = serializeBackup(await exportBackup(a, NOW));
    const parsed = parseBackup(text);
    expect(parsed.ok).toBe(true);
    if (!parsed.ok) return;
    expect(parsed.counts.planRevisions).toBe(1);
    const b = fresh();
    await replaceAllData(b, parsed.backup.data);
    expect(await dump(b)).toEqual(await dump(a));
  });

  it('rejects a broken backup naming table, row and field, and leaves the database unchanged', async () => {
    const a = fresh();
    await loadSamplePortfolio(a, NOW);
    const good = await exportBackup(a, NOW);
    const bad = structuredClone(good);
    (bad.data.stakeholders[2] as { emails: string[] }).emails = ['not-an-email'];
    (bad.data.actions[0] as { status: string }).status = 'maybe';
    const r = parseBackup(JSON.stringify(bad), 'my-backup.json');
    expect(r.ok).toBe(false);
    if (r.ok) return;
    expect(r.problems[0]).toMatchObject({ file: 'my-backup.json', table: 'stakeholders', row: 2, field: 'emails.0' });
    expect(r.problems.some((p) => p.table === 'actions' && p.row === 0 && p.field === 'status')).toBe(true);
    expect(await dump(a)).toEqual(good.data);
  });

  it('rejects wrong format, version, JSON and cross-record inconsistencies', () => {
    expect(parseBackup('{nope')).toMatchObject({ ok: false });
    expect(parseBackup(JSON.stringify({ format: 'other', version: 1, data: {} }))).toMatchObject({ ok: false, problems: [{ field: 'format' }] });
    expect(parseBackup(JSON.stringify({ format: 'key-account-lens-backup', version: 9, data: {} }))).toMatchObject({ ok: false, problems: [{ field: 'version' }] });
    const empty = { accounts: [], plans: [], planRevisions: [], stakeholders: [], actions: [], notes: [], links: [] };
    const orphan = { ...empty, notes: [{ id: 'n1', accountId: 'ghost', body: 'x', source: { site: 'dashboard' }, createdAt: 1, updatedAt: 1 }] };
    const r = parseBackup(JSON.stringify({ format: 'key-account-lens-backup', version: 1, exportedAt: 1, data: orphan }));
    expect(r).toMatchObject({ ok: false, problems: [{ table: 'notes', row: 0, field: 'accountId' }] });
    const missing = parseBackup(JSON.stringify({ format: 'key-account-lens-backup', version: 1, exportedAt: 1, data: { accounts: [] } }));
    expect(missing.ok).toBe(false);
    if (!missing.ok) expect(missing.problems[0]).toMatchObject({ table: 'plans' });
  });

  it('a failing restore changes nothing (one transaction)', async () => {
    const a = fresh();
    await loadSamplePortfolio(a, NOW);
    const before = await dump(a);
    const b = await exportBackup(a, NOW);
    // Two stakeholders with one primary key: the second write fails half way through (schema v6
    // has no unique index left to clash on).
    b.data.stakeholders[1] = { ...b.data.stakeholders[1], id: b.data.stakeholders[0].id };
    await expect(replaceAllData(a, b.data)).rejects.toThrow();
    expect(await dump(a)).toEqual(before);
  });

  it('wipes everything', async () => {
    const a = fresh();
    await loadSamplePortfolio(a, NOW);
    await wipeAllData(a);
    const d = await dump(a);
    for (const t of TABLES) expect(d[t]).toEqual([]);
  });
});

describe('restore of a backup written before canonical keys', () => {
  it('re-keys domains, website, LinkedIn URLs and merges two spellings of one profile', () => {
    const T = Date.UTC(2026, 9, 1);
    const acc = { id: 'A', name: 'Northwind', nameKey: 'northwind', domains: ['WWW.Northwind.uk.com'], linkedinUrls: ['https://uk.linkedin.com/company/Northwind/about/'], website: 'https://www.müller-logistik.de/', createdAt: T, updatedAt: T };
    const nfc = 'https://www.linkedin.com/in/josé/';
    const people = [
      { id: 'S1', accountId: 'A', name: 'José', nameKey: 'jose', linkedinUrl: nfc, emails: ['Jose@Northwind.uk.com'], createdAt: T, updatedAt: T + 1 },
      { id: 'S2', accountId: 'A', name: 'José', nameKey: 'jose', linkedinUrl: nfc.normalize('NFD'), title: 'Buyer', createdAt: T, updatedAt: T },
    ];
    const file = JSON.stringify({ format: 'key-account-lens-backup', version: 1, exportedAt: T, data: { accounts: [acc], plans: [], planRevisions: [], stakeholders: people, actions: [], notes: [], links: [] } });
    const r = parseBackup(file);
    if (!r.ok) throw new Error(JSON.stringify(r.problems));
    expect(r.backup.data.accounts[0].domains).toEqual(['northwind.uk.com', 'xn--mller-logistik-gsb.de']);
    expect(r.backup.data.accounts[0].linkedinUrls).toEqual(['https://www.linkedin.com/company/northwind/']);
    expect(r.backup.data.stakeholders).toHaveLength(1);
    expect(r.backup.data.stakeholders[0]).toMatchObject({ id: 'S1', linkedinUrl: nfc, title: 'Buyer', emails: ['jose@northwind.uk.com'] });
    expect(r.counts.stakeholders).toBe(1);
  });
});

describe('a file chosen as a backup that is not one', () => {
  it('a CSV or an empty file is named as "not a backup", in English and French', () => {
    const r = parseBackup('Name,Domain\nAcme,acme.fr\n', 'accounts.csv');
    expect(r.ok).toBe(false);
    const p = (r as { problems: ImportProblem[] }).problems;
    expect(p.map((x) => formatProblem(x, problemWords(makeT('en'))))).toEqual(['accounts.csv: is not a Key Account Lens backup: it is not JSON. Choose the .json file that “Download backup” saved.']);
    expect(p.map((x) => formatProblem(x, problemWords(makeT('fr'))))).toEqual(['accounts.csv: n’est pas une sauvegarde Key Account Lens : ce n’est pas du JSON. Choisissez le fichier .json enregistré par « Télécharger la sauvegarde ».']);
    expect((parseBackup('', 'empty.json') as { problems: ImportProblem[] }).problems.map((x) => x.code)).toEqual(['backup_not_json']);
  });
});

describe('a backup the browser could not read', () => {
  it('is said in English and French with the browser’s words kept', () => {
    const p = unreadableFile('big.json', 'NotReadableError');
    expect(formatProblem(p, problemWords(makeT('en')))).toBe('big.json: could not be read (NotReadableError). Choose it again; if it keeps failing, the file may be damaged.');
    expect(formatProblem(p, problemWords(makeT('fr')))).toBe('big.json: n’a pas pu être lu (NotReadableError). Choisissez-le à nouveau ; si cela se reproduit, le fichier est peut-être endommagé.');
  });
});
