// Schema v1 → v2: data written by the previous version is all there, and every query the app
// makes by account still works through the compound indexes.
import Dexie from 'dexie';
import { describe, expect, it } from 'vitest';
import { SCHEMA_V1, SCHEMA_V2, SCHEMA_V3, SCHEMA_V4, createDb } from '../../lib/db/db';
import { samplePortfolio } from '../../lib/sample/portfolio';
import { buildAccountView } from '../../lib/views/account-view';
import { deleteAccount, upsertStakeholder } from '../../lib/db/repo';
import { matchAccounts } from '../../lib/match/match';

const NOW = Date.UTC(2026, 10, 26);

describe('migration v1 → v2', () => {
  it('opens v1 data and finds it all', async () => {
    const name = `mig-${crypto.randomUUID()}`;
    const data = samplePortfolio(NOW);
    const v1 = new Dexie(name);
    v1.version(1).stores(SCHEMA_V1);
    await v1.open();
    await v1.transaction('rw', v1.tables, async () => {
      await v1.table('accounts').bulkAdd(data.accounts);
      await v1.table('plans').bulkAdd(data.plans);
      await v1.table('stakeholders').bulkAdd(data.stakeholders);
      await v1.table('actions').bulkAdd(data.actions);
      await v1.table('notes').bulkAdd(data.notes);
    });
    v1.close();

    const db = createDb(name);
    await db.open();
    expect(db.verno).toBe(6);
    expect(await db.accounts.count()).toBe(data.accounts.length);
    expect(await db.stakeholders.count()).toBe(data.stakeholders.length);
    expect(await db.actions.count()).toBe(data.actions.length);
    expect(await db.notes.count()).toBe(data.notes.length);
    expect(await db.plans.count()).toBe(data.plans.length);

    const hex = data.accounts.find((a) => a.name.startsWith('Groupe Hexagone'))!;
    // By-account queries now go through [accountId+…] compound indexes.
    expect(await db.stakeholders.where('accountId').equals(hex.id).count()).toBe(data.stakeholders.filter((s) => s.accountId === hex.id).length);
    expect(await db.notes.where('accountId').equals(hex.id).count()).toBe(data.notes.filter((n) => n.accountId === hex.id).length);
    expect(await db.actions.where('accountId').equals(hex.id).count()).toBe(data.actions.filter((a) => a.accountId === hex.id).length);
    const view = await buildAccountView(db, hex.id, { now: NOW });
    expect(view?.stakeholders.length).toBeGreaterThan(3);
    const m = await matchAccounts(db, { site: 'linkedin', kind: 'profile', url: 'https://www.linkedin.com/in/claire-martin-achats/', person: { linkedinUrl: 'https://www.linkedin.com/in/claire-martin-achats/' } });
    expect(m[0]?.account.id).toBe(hex.id);

    // Cascading delete by account still reaches every child.
    await deleteAccount(db, hex.id);
    expect(await db.stakeholders.where('accountId').equals(hex.id).count()).toBe(0);
    expect(await db.notes.where('accountId').equals(hex.id).count()).toBe(0);
    db.close();
  });
});

describe('migration v3 → v4 (Sales Navigator lead id index)', () => {
  it('opens v2 data unchanged, and a lead saved afterwards is found by its id', async () => {
    const name = `mig4-${crypto.randomUUID()}`;
    const data = samplePortfolio(NOW);
    const v3 = new Dexie(name);
    v3.version(1).stores(SCHEMA_V1);
    v3.version(2).stores(SCHEMA_V2);
    v3.version(3).stores(SCHEMA_V3);
    await v3.open();
    await v3.transaction('rw', v3.tables, async () => {
      await v3.table('accounts').bulkAdd(data.accounts);
      await v3.table('stakeholders').bulkAdd([...data.stakeholders, { ...data.stakeholders[0], id: 'legacy-empty-lead', linkedinUrl: undefined, nameKey: 'x y', salesNavLeadId: '' }]);
    });
    v3.close();

    const db = createDb(name);
    await db.open();
    expect(db.verno).toBe(6);
    expect(await db.stakeholders.count()).toBe(data.stakeholders.length + 1);
    const before = data.stakeholders[1];
    expect(await db.stakeholders.get(before.id)).toEqual(before);
    expect((await db.stakeholders.get('legacy-empty-lead'))?.salesNavLeadId).toBeUndefined();

    const hex = data.accounts.find((a) => a.name.startsWith('Groupe Hexagone'))!;
    const r = await upsertStakeholder(db, { accountId: hex.id, name: 'Inès Caron', salesNavLeadId: 'ACwAAB1x2y3z' }, NOW);
    expect(await db.stakeholders.where('salesNavLeadId').equals('ACwAAB1x2y3z').primaryKeys()).toEqual([r.stakeholder.id]);
    db.close();
  });
});

describe('migration v4 → v5: stored keys re-spelled canonically', () => {
  const T = Date.UTC(2026, 10, 1);
  const account = (id: string, name: string, extra: object) => ({
    id, name, nameKey: name.toLowerCase(), aliases: [], domains: [], linkedinUrls: [], tier: 'untiered', currency: 'EUR',
    scores: { revenue: 0, potential: 0, growth: 0, strategicFit: 0, relationship: 0, access: 0 }, currentRevenue: 0, potentialRevenue: 0,
    reviewCadenceDays: 30, tags: [], createdAt: T, updatedAt: T, ...extra,
  });
  const person = (id: string, accountId: string, extra: object) => ({
    id, accountId, name: 'José García', nameKey: 'jose garcia', emails: [], role: 'unknown', influence: 'medium', stance: 'unknown',
    relationship: 'none', notes: '', createdAt: T, updatedAt: T, ...extra,
  });
  const NFC = 'https://www.linkedin.com/in/josé-garcía/';
  const NFD = NFC.normalize('NFD');

  it('opens data saved by v4 (as the previous version wrote it) and re-keys it', async () => {
    const name = `mig3-${crypto.randomUUID()}`;
    const v2 = new Dexie(name);
    v2.version(1).stores(SCHEMA_V1);
    v2.version(2).stores(SCHEMA_V2);
    v2.version(3).stores(SCHEMA_V3);
    v2.version(4).stores(SCHEMA_V4);
    await v2.open();
    await v2.table('accounts').bulkAdd([
      // website was no key in v2; the company page was stored escaped by an import
      account('A1', 'Acme Industrie', { website: 'https://www.acme-industrie.example/', linkedinUrls: ['https://fr.linkedin.com/company/soci%C3%A9t%C3%A9-acme'] }),
      // v2 ignored private suffixes: northwind.uk.com was stored as "uk.com"
      account('U2', 'Northwind', { domains: ['uk.com'], website: 'https://www.northwind.uk.com/' }),
      account('U3', 'Example Trading', { domains: ['uk.com'] }),
    ]);
    await v2.table('stakeholders').bulkAdd([
      person('S1', 'A1', { linkedinUrl: NFC, title: 'Achats', emails: ['jose@acme-industrie.example'], role: 'champion', updatedAt: T + 5 }),
      person('S2', 'A1', { linkedinUrl: NFD, location: 'Lyon', emails: ['j.garcia@acme-industrie.example'], notes: 'met at fair', lastContactAt: T + 9 }),
      person('S3', 'A1', { name: 'Ana', nameKey: 'ana', reportsTo: 'S2' }),
    ]);
    await v2.table('actions').bulkAdd([{ id: 'X1', accountId: 'A1', stakeholderId: 'S2', title: 'Call', status: 'open', priority: 'normal', kind: 'call', source: 'dashboard', createdAt: T, updatedAt: T }]);
    await v2.table('notes').bulkAdd([{ id: 'N1', accountId: 'A1', stakeholderId: 'S2', body: 'hello', source: { site: 'dashboard' }, createdAt: T, updatedAt: T }]);
    await v2.table('links').bulkAdd([
      { id: 'L1', key: `profile:${NFD}`, kind: 'profile', accountId: 'A1', verdict: 'confirmed', createdAt: T },
      { id: 'L2', key: 'domain:WWW.Acme-Industrie.example', kind: 'domain', accountId: 'A1', verdict: 'confirmed', createdAt: T },
    ]);
    v2.close();

    const db = createDb(name);
    await db.open();
    expect(db.verno).toBe(6);
    const [a1, u2, u3] = await db.accounts.bulkGet(['A1', 'U2', 'U3']);
    expect(a1?.domains).toEqual(['acme-industrie.example']);
    expect(a1?.linkedinUrls).toEqual(['https://www.linkedin.com/company/société-acme/']);
    expect(u2?.domains).toEqual(['uk.com', 'northwind.uk.com']); // kept (matches nothing) + the website's key
    expect(u3?.domains).toEqual(['uk.com']);

    // NFD and NFC spellings of one profile: one person, the most recently updated kept, blanks filled
    expect(await db.stakeholders.count()).toBe(2);
    const s1 = await db.stakeholders.get('S1');
    expect(s1).toMatchObject({ linkedinUrl: NFC, title: 'Achats', location: 'Lyon', role: 'champion', notes: 'met at fair', lastContactAt: T + 9 });
    expect(s1?.emails.sort()).toEqual(['j.garcia@acme-industrie.example', 'jose@acme-industrie.example']);
    expect((await db.stakeholders.get('S3'))?.reportsTo).toBe('S1');
    expect((await db.actions.get('X1'))?.stakeholderId).toBe('S1');
    expect((await db.notes.get('N1'))?.stakeholderId).toBe('S1');
    expect((await db.links.get('L1'))?.key).toBe(`profile:${NFC}`);
    expect((await db.links.get('L2'))?.key).toBe('domain:acme-industrie.example');

    // and pages now match: the website is a key; northwind.uk.com mail goes to Northwind only
    const thread = (email: string) => ({ site: 'gmail' as const, kind: 'thread' as const, url: 'https://mail.google.com/mail/u/0/#inbox/x', thread: { participants: [{ email }] } });
    expect((await matchAccounts(db, thread('x@acme-industrie.example'))).map((c) => c.account.id)).toEqual(['A1']);
    expect((await matchAccounts(db, thread('buyer@northwind.uk.com'))).map((c) => c.account.id)).toEqual(['U2']);
    const byNfd = await matchAccounts(db, { site: 'linkedin', kind: 'profile', url: NFD, person: { linkedinUrl: NFD } });
    expect(byNfd[0]?.account.id).toBe('A1');
    db.close();
  });
});
