// Schema v1 → v2: data written by the previous version is all there, and every query the app
// makes by account still works through the compound indexes.
import Dexie from 'dexie';
import { describe, expect, it } from 'vitest';
import { SCHEMA_V1, SCHEMA_V2, SCHEMA_V3, createDb } from '../../lib/db/db';
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
    expect(db.verno).toBe(4);
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
    expect(db.verno).toBe(4);
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
