// One door for every record (issue 12, 6b): a restore and an import admit records exactly as the
// repository does (lib/db/admit.ts) — canonical URLs or refused, derived keys recomputed,
// references inside the file checked, amounts and dates within what the UI can show — and a bad
// file writes nothing.
import { afterEach, describe, expect, it } from 'vitest';
import { createDb, type KalDb } from '../../lib/db/db';
import { admitRecord, PROBLEM_CODES } from '../../lib/db/admit';
import { en } from '../../lib/i18n/en';
import { fr } from '../../lib/i18n/fr';
import { createAccount, upsertStakeholder, addAction, addNote, updateStakeholder } from '../../lib/db/repo';
import { exportBackup, parseBackup } from '../../lib/io/backup';
import { formatProblem } from '../../lib/io/errors';
import { restoreJob, type RestoreReply } from '../../lib/io/restore-job';
import { problemWords } from '../../components/dashboard/data/Problems';
import { makeT } from '../../lib/i18n';
import { nameKey } from '../../lib/keys';
import { loadSamplePortfolio } from '../../lib/sample/load';

const NOW = Date.UTC(2026, 10, 26);
const dbs: KalDb[] = [];
afterEach(() => {
  while (dbs.length) dbs.pop()!.close();
});
const fresh = () => {
  const d = createDb('door-' + Math.random());
  dbs.push(d);
  return d;
};

/** A small, valid backup as a hand (or another tool) would shape it. */
function base() {
  return {
    format: 'key-account-lens-backup',
    version: 2,
    exportedAt: NOW,
    data: {
      accounts: [
        { id: 'acc-1', name: 'Acme SA', nameKey: 'acme', domains: ['acme.fr'], linkedinUrls: [], createdAt: NOW, updatedAt: NOW },
        { id: 'acc-2', name: 'Globex', nameKey: 'globex', createdAt: NOW, updatedAt: NOW },
      ] as Record<string, unknown>[],
      plans: [] as Record<string, unknown>[],
      planRevisions: [] as Record<string, unknown>[],
      stakeholders: [
        { id: 'st-1', accountId: 'acc-1', name: 'Jane Doe', nameKey: 'jane doe', linkedinUrl: 'https://www.linkedin.com/in/jane-doe/', createdAt: NOW, updatedAt: NOW },
        { id: 'st-2', accountId: 'acc-2', name: 'Bob Smith', nameKey: 'bob smith', createdAt: NOW, updatedAt: NOW },
      ] as Record<string, unknown>[],
      actions: [{ id: 'ac-1', accountId: 'acc-1', title: 'Call Jane', createdAt: NOW, updatedAt: NOW }] as Record<string, unknown>[],
      notes: [{ id: 'n-1', accountId: 'acc-1', body: 'Met the CFO', createdAt: NOW, updatedAt: NOW }] as Record<string, unknown>[],
      links: [] as Record<string, unknown>[],
    },
  };
}
const problemsOf = (b: unknown) => {
  const r = parseBackup(JSON.stringify(b), 'hostile.json');
  if (r.ok) throw new Error('accepted');
  return r.problems;
};

describe('restore refuses what the repository refuses, naming file, table, row, id and field', () => {
  it('the hand-shaped base backup is valid', () => {
    expect(parseBackup(JSON.stringify(base())).ok).toBe(true);
  });

  it('a note of a missing stakeholder', () => {
    const b = base();
    b.data.notes[0].stakeholderId = 'ghost';
    expect(problemsOf(b)).toEqual([
      { file: 'hostile.json', table: 'notes', row: 0, id: 'n-1', field: 'stakeholderId', code: 'dangling', vars: { what: 'stakeholders', id: 'ghost' }, message: 'refers to a stakeholder that is not in the backup ("ghost")' },
    ]);
  });

  it('reportsTo a person of another account, and a person reporting to themself', () => {
    const b = base();
    b.data.stakeholders[0].reportsTo = 'st-2';
    b.data.stakeholders[1].reportsTo = 'st-2';
    expect(problemsOf(b)).toEqual([
      { file: 'hostile.json', table: 'stakeholders', row: 0, id: 'st-1', field: 'reportsTo', code: 'other_account', vars: { id: 'st-2', accountId: 'acc-2' }, message: 'refers to stakeholder "st-2" of another account ("acc-2")' },
      { file: 'hostile.json', table: 'stakeholders', row: 1, id: 'st-2', field: 'reportsTo', code: 'self_ref', message: 'a person cannot report to themself' },
    ]);
  });

  it('an action of a missing account, an action for a person of another account', () => {
    const b = base();
    b.data.actions.push({ id: 'ac-2', accountId: 'gone', title: 'Orphan', createdAt: NOW, updatedAt: NOW });
    b.data.actions[0].stakeholderId = 'st-2';
    expect(problemsOf(b)).toEqual([
      { file: 'hostile.json', table: 'actions', row: 1, id: 'ac-2', field: 'accountId', code: 'dangling', vars: { what: 'accounts', id: 'gone' }, message: 'refers to an account that is not in the backup ("gone")' },
      { file: 'hostile.json', table: 'actions', row: 0, id: 'ac-1', field: 'stakeholderId', code: 'other_account', vars: { id: 'st-2', accountId: 'acc-2' }, message: 'refers to stakeholder "st-2" of another account ("acc-2")' },
    ]);
  });

  it('a plan revision of a plan that is not its account’s', () => {
    const b = base();
    const plan = { id: 'pl-1', accountId: 'acc-1', createdAt: NOW, updatedAt: NOW };
    b.data.plans.push(plan);
    b.data.planRevisions.push({ id: 'rv-1', accountId: 'acc-1', planId: 'pl-other', revision: 1, before: plan, changedFields: ['context'], createdAt: NOW });
    expect(problemsOf(b)).toEqual([
      { file: 'hostile.json', table: 'planRevisions', row: 0, id: 'rv-1', field: 'planId', code: 'dangling', vars: { what: 'plans', id: 'pl-other' }, message: `refers to a plan that is not this account's plan in the backup ("pl-other")` },
    ]);
  });

  it('a foreign host as a LinkedIn URL, a foreign company page, a foreign learned-link key', () => {
    const b = base();
    b.data.stakeholders[0].linkedinUrl = 'https://evil.example/in/x/';
    b.data.accounts[0].linkedinUrls = ['https://evil.example/company/acme/'];
    b.data.stakeholders[0].capture = { companyLinkedinUrl: 'https://linkedin.com.evil.example/company/acme/', seenAt: NOW };
    b.data.links.push({ id: 'l-1', key: 'profile:https://evil.example/in/x/', kind: 'profile', accountId: 'acc-1', verdict: 'confirmed', createdAt: NOW });
    expect(problemsOf(b)).toEqual([
      { file: 'hostile.json', table: 'accounts', row: 0, id: 'acc-1', field: 'linkedinUrls.0', code: 'not_company_page', vars: { value: 'https://evil.example/company/acme/' }, message: '“https://evil.example/company/acme/” is not a LinkedIn company page URL' },
      { file: 'hostile.json', table: 'stakeholders', row: 0, id: 'st-1', field: 'linkedinUrl', code: 'not_profile', vars: { value: 'https://evil.example/in/x/' }, message: '“https://evil.example/in/x/” is not a LinkedIn profile URL' },
      { file: 'hostile.json', table: 'stakeholders', row: 0, id: 'st-1', field: 'capture.companyLinkedinUrl', code: 'not_company_page', vars: { value: 'https://linkedin.com.evil.example/company/acme/' }, message: '“https://linkedin.com.evil.example/company/acme/” is not a LinkedIn company page URL' },
      { file: 'hostile.json', table: 'links', row: 0, id: 'l-1', field: 'key', code: 'not_profile', vars: { value: 'https://evil.example/in/x/' }, message: '“https://evil.example/in/x/” gives no profile key' },
    ]);
  });

  it('amounts of 1e308, 1e400 (Infinity once parsed) and below zero; a score of 6', () => {
    const b = base();
    Object.assign(b.data.accounts[0], { currentRevenue: 1e308, potentialRevenue: -5, scores: { revenue: 6 } });
    b.data.plans.push({ id: 'pl-1', accountId: 'acc-1', whitespace: [{ id: 'w1', offering: 'Cloud', entity: 'FR', value: 1e16 }], createdAt: NOW, updatedAt: NOW });
    const text = JSON.stringify(b).replace('"currentRevenue":1e+308', '"currentRevenue":1e400');
    const r = parseBackup(text, 'hostile.json');
    expect(r.ok).toBe(false);
    if (r.ok) return;
    expect(r.problems.map((p) => [p.table, p.row, p.field, p.code, p.message])).toEqual([
      ['accounts', 0, 'scores.revenue', 'too_big', 'must be at most 5'],
      ['accounts', 0, 'currentRevenue', 'not_finite', 'must be a finite number (got Infinity)'],
      ['accounts', 0, 'potentialRevenue', 'negative', 'must be zero or more'],
      ['plans', 0, 'whitespace.0.value', 'amount_range', 'is larger than 10^15'],
    ]);
    const b2 = base();
    b2.data.accounts[0].currentRevenue = 1e308;
    expect(problemsOf(b2)).toEqual([{ file: 'hostile.json', table: 'accounts', row: 0, id: 'acc-1', field: 'currentRevenue', code: 'amount_range', vars: { max: '10^15' }, message: 'is larger than 10^15' }]);
  });

  it('dates beyond year 9999 or beyond what Date can hold, and calendar days out of range', () => {
    const b = base();
    b.data.stakeholders[0].lastContactAt = 8.64e15 + 1; // beyond Date's range
    b.data.notes[0].createdAt = Date.UTC(10000, 0, 1); // year 10000
    b.data.accounts[0].renewalAt = '+275760-09-13';
    b.data.actions[0].dueAt = '10000-01-01';
    expect(problemsOf(b).map((p) => [p.table, p.id, p.field, p.code, p.message])).toEqual([
      ['accounts', 'acc-1', 'renewalAt', 'not_day', 'is not a date (YYYY-MM-DD, years 1900–2999)'],
      ['stakeholders', 'st-1', 'lastContactAt', 'instant_range', 'is after the year 9999'],
      ['actions', 'ac-1', 'dueAt', 'not_day', 'is not a date (YYYY-MM-DD, years 1900–2999)'],
      ['notes', 'n-1', 'createdAt', 'instant_range', 'is after the year 9999'],
    ]);
    // The last instant the UI can show is accepted.
    const ok = base();
    ok.data.stakeholders[0].lastContactAt = Date.UTC(9999, 11, 31, 23, 59, 59, 999);
    expect(parseBackup(JSON.stringify(ok)).ok).toBe(true);
  });

  it('errors read in French too', () => {
    // Records are checked first; references only in a file whose every record is admitted.
    const b = base();
    b.data.accounts[0].currentRevenue = 1e308;
    const [amount] = problemsOf(b);
    const b2 = base();
    b2.data.notes[0].stakeholderId = 'ghost';
    const [dangling] = problemsOf(b2);
    const fr = problemWords(makeT('fr'));
    expect(formatProblem(amount, fr)).toBe('hostile.json › accounts › ligne 0 (id « acc-1 ») › currentRevenue: dépasse 10^15, le plus grand montant que l’application gère.');
    expect(formatProblem(dangling, fr)).toBe('hostile.json › notes › ligne 0 (id « n-1 ») › stakeholderId: désigne « ghost », absent du fichier (stakeholders).');
    expect(formatProblem(dangling)).toBe('hostile.json › notes › row 0 (id "n-1") › stakeholderId: refers to a stakeholder that is not in the backup ("ghost")');
    expect(formatProblem(dangling, problemWords(makeT('en')))).toBe('hostile.json › notes › row 0 (id “n-1”) › stakeholderId: refers to “ghost”, which is not in the file (stakeholders).');
  });
});

describe('every reason has an English and a French text', () => {
  it('problem_<code> exists in both dictionaries, with the same placeholders', () => {
    for (const c of PROBLEM_CODES) {
      const k = `problem_${c}` as keyof typeof en;
      expect(en[k], k).toBeTypeOf('string');
      expect(fr[k], k).toBeTypeOf('string');
      expect(fr[k].match(/\{\w+\}/g)?.sort(), k).toEqual(en[k].match(/\{\w+\}/g)?.sort());
    }
  });
});

describe('restore recomputes and canonicalises what the repository would', () => {
  it('a forged nameKey is recomputed; tracking parameters dropped; any LinkedIn spelling made canonical', () => {
    const b = base();
    Object.assign(b.data.accounts[0], {
      nameKey: 'zzz-hidden-from-search',
      website: 'https://www.acme.fr/?utm_source=newsletter&lang=fr',
      linkedinUrls: ['https://fr.linkedin.com/company/Acme/about/?trk=public_profile'],
    });
    Object.assign(b.data.stakeholders[0], { nameKey: 'forged', linkedinUrl: 'https://fr.linkedin.com/in/Jane-Doe/?miniProfileUrn=urn%3Ali', emails: ['Jane.Doe@ACME.fr'] });
    b.data.links.push({ id: 'l-1', key: 'domain:WWW.Acme.FR', kind: 'domain', accountId: 'acc-1', verdict: 'confirmed', createdAt: NOW });
    const r = parseBackup(JSON.stringify(b));
    expect(r.ok).toBe(true);
    if (!r.ok) return;
    const [acme] = r.backup.data.accounts;
    expect(acme).toMatchObject({ nameKey: nameKey('Acme SA'), website: 'https://www.acme.fr/?lang=fr', domains: ['acme.fr'], linkedinUrls: ['https://www.linkedin.com/company/acme/'] });
    expect(acme.nameKey).toBe('acme');
    expect(r.backup.data.stakeholders[0]).toMatchObject({ nameKey: 'jane doe', linkedinUrl: 'https://www.linkedin.com/in/jane-doe/', emails: ['jane.doe@acme.fr'] });
    expect(r.backup.data.links[0].key).toBe('domain:acme.fr');
  });

  it('the CSV import and the LinkedIn-connections import use the same door (admitRecord is what they call)', () => {
    // The door is idempotent: an admitted record admits to itself.
    const a = admitRecord('accounts', { id: 'x', name: ' Acme ', website: 'acme.fr/?utm_campaign=x', createdAt: NOW, updatedAt: NOW });
    expect(a.ok).toBe(true);
    if (!a.ok) return;
    expect(a.value).toMatchObject({ name: 'Acme', website: 'https://acme.fr/', domains: ['acme.fr'], nameKey: 'acme' });
    expect(admitRecord('accounts', a.value)).toEqual({ ok: true, value: a.value });
  });
});

describe('a bad file writes nothing', () => {
  it('the restore job reports the problems and never calls the writer; the database is untouched', async () => {
    const db = fresh();
    await loadSamplePortfolio(db, NOW);
    const before = await exportBackup(db, NOW);
    const replies: RestoreReply[] = [];
    let writes = 0;
    const job = restoreJob(
      (r) => replies.push(r),
      async () => {
        writes++;
      },
    );
    const b = base();
    b.data.stakeholders[0].linkedinUrl = 'https://evil.example/in/x/';
    await job({ type: 'parse', file: new Blob([JSON.stringify(b)]), name: 'hostile.json' });
    await job({ type: 'write' });
    expect(replies[0]).toMatchObject({ type: 'parsed', ok: false, problems: [{ file: 'hostile.json', table: 'stakeholders', row: 0, id: 'st-1', field: 'linkedinUrl', code: 'not_profile' }] });
    expect(replies[1]).toEqual({ type: 'failed', message: 'No validated backup to restore: choose the file again.', error: { code: 'bad_request', message: 'No validated backup to restore: choose the file again.', reason: 'backup_not_validated' } });
    expect(writes).toBe(0);
    expect(await exportBackup(db, NOW)).toEqual(before);
  });
});

describe('the repository checks references inside the account too', () => {
  it('an action or note for a person of another account, a manager of another account, are refused', async () => {
    const db = fresh();
    const a = await createAccount(db, { name: 'Acme' }, NOW);
    const g = await createAccount(db, { name: 'Globex' }, NOW);
    const { stakeholder: jane } = await upsertStakeholder(db, { accountId: a.id, name: 'Jane Doe' }, NOW);
    const { stakeholder: bob } = await upsertStakeholder(db, { accountId: g.id, name: 'Bob Smith' }, NOW);
    await expect(addAction(db, { accountId: a.id, title: 'Call', stakeholderId: bob.id }, NOW)).rejects.toThrow(`Action: stakeholderId refers to stakeholder "${bob.id}" of another account`);
    await expect(addNote(db, { accountId: a.id, body: 'x', stakeholderId: 'ghost' }, NOW)).rejects.toThrow('Note: stakeholderId refers to a stakeholder that does not exist ("ghost")');
    await expect(updateStakeholder(db, jane.id, { reportsTo: bob.id }, NOW)).rejects.toThrow(`Stakeholder: reportsTo refers to stakeholder "${bob.id}" of another account`);
    expect(await db.actions.count()).toBe(0);
    expect(await db.notes.count()).toBe(0);
  });
});

describe('formatting and export survive values an older version stored', () => {
  it('money: never "€∞", "€NaN" or a 300-digit figure; dates: never throw', async () => {
    const { formatMoney, formatDate, formatDateTime, formatDay } = await import('../../lib/i18n');
    expect([1e308, Infinity, -Infinity, NaN, 1e19].map((n) => formatMoney(n, 'EUR', 'en'))).toEqual(['—', '—', '—', '—', '—']);
    expect(formatMoney(1e15, 'EUR', 'en')).toBe('€1000.0tn');
    expect([8.64e15 + 1, 1e20, NaN, Infinity].map((ms) => formatDate(ms, 'en'))).toEqual(['—', '—', '—', '—']);
    expect(formatDateTime(1e20, 'fr')).toBe('—');
    expect(formatDate(Date.UTC(2027, 2, 15, 12), 'fr')).toBe('15 mars 2027');
    expect(['+275760-09-13', '10000-01-01', '2027-02-30'].map((d) => formatDay(d, 'en'))).toEqual(['—', '—', '—']);
  });

  it('CSV export writes a row for every record, with empty cells for values that are not amounts or dates', async () => {
    const { accountsCsv, stakeholdersCsv } = await import('../../lib/io/csv-export');
    const a = { id: 'a1', name: 'Acme', nameKey: 'acme', aliases: [], domains: ['acme.fr'], linkedinUrls: [], tier: 'A', scores: { revenue: 0, potential: 0, growth: 0, strategicFit: 0, relationship: 0, access: 0 }, currency: 'EUR', currentRevenue: Infinity, potentialRevenue: 1e308, reviewCadenceDays: 30, tags: [], renewalAt: '+275760-09-13', createdAt: 1e20, updatedAt: 1 };
    expect(accountsCsv([a as never]).split('\r\n')[1]).toBe("a1,Acme,A,acme.fr,,,EUR,,1e+308,,'+275760-09-13,,30,,,,,,");
    const s = { id: 's1', accountId: 'a1', name: 'Jane', nameKey: 'jane', emails: [], role: 'unknown', influence: 'medium', stance: 'unknown', relationship: 'none', notes: '', lastContactAt: 9e15, createdAt: 1, updatedAt: 1 };
    expect(stakeholdersCsv([s as never], () => 'Acme').split('\r\n')[1]).toBe('s1,Jane,,,,Acme,unknown,unknown,medium,none,,,');
  });
});

describe('canonical LinkedIn URL fast path (restore speed)', () => {
  it('an already-canonical ASCII URL gives exactly what the full parse gives', async () => {
    const { canonicalProfileUrl, canonicalCompanyUrl } = await import('../../lib/keys/linkedin');
    const fc = (await import('fast-check')).default;
    fc.assert(
      fc.property(fc.stringMatching(/^[a-z0-9_-]{1,40}$/), fc.constantFrom('in', 'company'), (slug, kind) => {
        const s = `https://www.linkedin.com/${kind}/${slug}/`;
        const f = kind === 'in' ? canonicalProfileUrl : canonicalCompanyUrl;
        // a URL object takes the full path (parse, decode, fold)
        expect(f(s)).toBe(f(new URL(s)));
      }),
      { numRuns: 300 },
    );
  });
});
