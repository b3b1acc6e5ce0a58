// Schema v6 — the data layer made fit for team sync, with sync off (plain Dexie, fake-indexeddb):
// data saved by v5 is all found after the upgrade; derived ids; no unique index; indexed
// where-clause updates; wipe / restore scoped to the user's own records when sync is on.
import Dexie from 'dexie';
import { describe, expect, it } from 'vitest';
import { SCHEMA_V1, SCHEMA_V2, SCHEMA_V3, SCHEMA_V4, createDb, type KalDb } from '../../lib/db/db';
import { planIdOf, stakeholderIdOf } from '../../lib/db/ids';
import { addNote, deleteStakeholder, replaceAllData, savePlan, setLink, upsertStakeholder, wipeAllData, type AllData } from '../../lib/db/repo';
import { samplePortfolio } from '../../lib/sample/portfolio';
import { buildAccountView } from '../../lib/views/account-view';
import { matchAccounts } from '../../lib/match/match';
import type { Plan } from '../../lib/db/model';

const NOW = Date.UTC(2026, 10, 26);
const name = () => `sync-${crypto.randomUUID()}`;

/** A database exactly as the v5 code wrote it (its schema history, no upgrade left to run). */
async function v5Database(dbName: string, data: AllData): Promise<void> {
  const v5 = new Dexie(dbName);
  v5.version(1).stores(SCHEMA_V1);
  v5.version(2).stores(SCHEMA_V2);
  v5.version(3).stores(SCHEMA_V3);
  v5.version(4).stores(SCHEMA_V4);
  v5.version(5).stores(SCHEMA_V4);
  await v5.open();
  await v5.transaction('rw', v5.tables, async () => {
    for (const t of v5.tables) await t.bulkAdd(data[t.name as keyof AllData] as never[]);
  });
  v5.close();
}

function v5Data(): AllData {
  const d = samplePortfolio(NOW);
  // v5 gave plans random ids; the plan of the first account has two revisions.
  const plans = d.plans.map((p, i): Plan => ({ ...p, id: `legacy-plan-${i}` }));
  const p0 = plans[0]!;
  const planRevisions = [1, 2].map((revision) => ({ id: `rev-${revision}`, accountId: p0.accountId, planId: p0.id, revision, before: { ...p0, revision: revision - 1 }, changedFields: ['context'], createdAt: NOW + revision }));
  const links = [{ id: 'L1', key: 'domain:hexagone.example', kind: 'domain' as const, accountId: d.accounts[0]!.id, verdict: 'confirmed' as const, createdAt: NOW }];
  return { accounts: d.accounts, plans, planRevisions, stakeholders: d.stakeholders, actions: d.actions, notes: d.notes, links };
}

describe('migration v5 → v6 (sync-ready schema)', () => {
  it('opens data saved by v5 and finds everything; plans take their derived ids', async () => {
    const n = name();
    const data = v5Data();
    await v5Database(n, data);

    const db = createDb(n);
    await db.open();
    expect(db.verno).toBe(6);
    for (const t of ['accounts', 'stakeholders', 'actions', 'notes', 'links'] as const) {
      const stored = await db.table(t).toArray();
      expect(stored.sort((a, b) => (a.id < b.id ? -1 : 1))).toEqual([...data[t]].sort((a, b) => (a.id < b.id ? -1 : 1)));
    }
    const plans = await db.plans.toArray();
    expect(plans.length).toBe(data.plans.length);
    for (const p of data.plans) expect(await db.plans.get(planIdOf(p.accountId))).toEqual({ ...p, id: p.accountId });
    expect(await db.plans.get('legacy-plan-0')).toBeUndefined();
    // Revisions are all there, pointing at the plan's new id, their content unchanged.
    const revs = await db.planRevisions.where('accountId').equals(data.plans[0]!.accountId).sortBy('revision');
    expect(revs).toEqual(data.planRevisions.map((r) => ({ ...r, planId: data.plans[0]!.accountId })));

    // No unique index is left on any table.
    for (const t of db.tables) expect(t.schema.indexes.filter((i) => i.unique).map((i) => i.name)).toEqual([]);

    // The app's queries still find everything.
    const hex = data.accounts.find((a) => a.name.startsWith('Groupe Hexagone'))!;
    const view = await buildAccountView(db, hex.id, { now: NOW });
    expect(view?.stakeholders.length).toBe(data.stakeholders.filter((s) => s.accountId === hex.id).length);
    const m = await matchAccounts(db, { site: 'linkedin', kind: 'profile', url: 'https://www.linkedin.com/in/claire-martin-achats/', person: { linkedinUrl: 'https://www.linkedin.com/in/claire-martin-achats/' } });
    expect(m[0]?.account.id).toBe(hex.id);
    // A plan saved after the upgrade patches the re-keyed plan and continues its revisions.
    const before = (await db.plans.get(hex.id)) ?? (await db.plans.get(data.plans[0]!.accountId));
    const saved = await savePlan(db, before!.accountId, { context: 'after v6' }, NOW + 10);
    expect(saved.id).toBe(before!.accountId);
    expect(saved.revision).toBe(before!.revision + 1);
    expect(await db.plans.count()).toBe(data.plans.length);
    db.close();
  });
});

describe('derived ids and deduplication without unique indexes', () => {
  const fresh = async (): Promise<KalDb> => {
    const db = createDb(name());
    await db.accounts.bulkAdd(samplePortfolio(NOW).accounts.slice(0, 2));
    return db;
  };
  const URL = 'https://www.linkedin.com/in/jane-doe/';

  it("a new account's plan has its account's id", async () => {
    const db = await fresh();
    const acc = (await db.accounts.toArray())[0]!;
    const p = await savePlan(db, acc.id, { context: 'x' }, NOW);
    expect(p.id).toBe(acc.id);
    expect((await db.planRevisions.toArray())[0]).toMatchObject({ planId: acc.id, revision: 1 });
  });

  it("a profile's stakeholder id is derived from its account and canonical URL, the same on every client", async () => {
    const db = await fresh();
    const [a, b] = await db.accounts.toArray();
    const r = await upsertStakeholder(db, { accountId: a!.id, name: 'Jane Doe', linkedinUrl: 'https://fr.linkedin.com/in/Jane-Doe?trk=x' }, NOW);
    const expected = await stakeholderIdOf(a!.id, URL);
    expect(r.stakeholder.id).toBe(expected);
    expect(expected).toMatch(/^li-[A-Za-z0-9_-]{32}$/);
    expect(await stakeholderIdOf(b!.id, URL)).not.toBe(expected);
    // Saved again: updated, not duplicated.
    const again = await upsertStakeholder(db, { accountId: a!.id, name: 'Jane Doe', linkedinUrl: URL, title: 'CFO' }, NOW + 1);
    expect(again).toMatchObject({ created: false, stakeholder: { id: expected, title: 'CFO' } });
    expect(await db.stakeholders.count()).toBe(1);
  });

  it('two records of one profile (merged by sync) are updated through one: this account’s', async () => {
    const db = await fresh();
    const [a, b] = await db.accounts.toArray();
    const base = { name: 'Jane Doe', nameKey: 'jane doe', linkedinUrl: URL, emails: [] as string[], role: 'unknown' as const, influence: 'medium' as const, stance: 'unknown' as const, relationship: 'none' as const, notes: '', createdAt: NOW, updatedAt: NOW };
    await db.stakeholders.bulkAdd([
      { ...base, id: 'teammate-copy', accountId: b!.id, createdAt: NOW - 5 },
      { ...base, id: 'mine', accountId: a!.id },
    ]);
    const r = await upsertStakeholder(db, { accountId: a!.id, name: 'Jane Doe', linkedinUrl: URL, title: 'CEO' }, NOW + 1);
    expect(r).toMatchObject({ created: false, stakeholder: { id: 'mine', title: 'CEO' } });
    expect((await db.stakeholders.get('teammate-copy'))?.title).toBeUndefined();
  });

  it('deleting a stakeholder unlinks reports, actions and notes through indexes', async () => {
    const db = await fresh();
    const acc = (await db.accounts.toArray())[0]!;
    const boss = (await upsertStakeholder(db, { accountId: acc.id, name: 'Boss' }, NOW)).stakeholder;
    const report = (await upsertStakeholder(db, { accountId: acc.id, name: 'Report', reportsTo: boss.id }, NOW)).stakeholder;
    const note = await addNote(db, { accountId: acc.id, stakeholderId: boss.id, body: 'met' }, NOW);
    await deleteStakeholder(db, boss.id);
    expect((await db.stakeholders.get(report.id))?.reportsTo).toBeUndefined();
    expect((await db.notes.get(note.id))?.stakeholderId).toBeUndefined();
    expect(await db.notes.get(note.id)).toMatchObject({ body: 'met', accountId: acc.id });
  });

  it('a confirmed link replaces the earlier confirmation of the key; a rejection only its pair', async () => {
    const db = await fresh();
    const [a, b] = await db.accounts.toArray();
    await setLink(db, { kind: 'domain', value: 'x.example', accountId: a!.id, verdict: 'confirmed' }, NOW);
    await setLink(db, { kind: 'domain', value: 'x.example', accountId: b!.id, verdict: 'rejected' }, NOW);
    await setLink(db, { kind: 'domain', value: 'x.example', accountId: b!.id, verdict: 'confirmed' }, NOW);
    const links = await db.links.where('key').equals('domain:x.example').toArray();
    expect(links.map((l) => [l.accountId === b!.id ? 'b' : 'a', l.verdict])).toEqual([['b', 'confirmed']]);
  });
});

describe('wipe and restore scoped to the user’s own records (sync on)', () => {
  const ME = 'jane@example.com';
  async function withSharedAccount(): Promise<{ db: KalDb; mine: string; shared: string }> {
    const db = createDb(name());
    const [a, b] = samplePortfolio(NOW).accounts;
    // As Dexie Cloud stores them: mine in my private realm (realm id = my user id), b in a team realm.
    await db.accounts.bulkAdd([{ ...a!, realmId: ME } as never, { ...b!, realmId: 'rlm-team' } as never]);
    await db.notes.bulkAdd([
      { id: 'n-mine', accountId: a!.id, body: 'mine', source: { site: 'dashboard' }, createdAt: NOW, updatedAt: NOW, realmId: ME } as never,
      { id: 'n-before-login', accountId: a!.id, body: 'before login', source: { site: 'dashboard' }, createdAt: NOW, updatedAt: NOW, realmId: 'unauthorized' } as never,
      { id: 'n-shared', accountId: b!.id, body: 'team', source: { site: 'dashboard' }, createdAt: NOW, updatedAt: NOW, realmId: 'rlm-team' } as never,
    ]);
    return { db, mine: a!.id, shared: b!.id };
  }

  it('wipe deletes my records and keeps the shared account’s', async () => {
    const { db, shared } = await withSharedAccount();
    expect(await wipeAllData(db, { kind: 'own', userId: ME })).toBe(2);
    expect((await db.accounts.toArray()).map((a) => a.id)).toEqual([shared]);
    expect((await db.notes.toArray()).map((n) => n.id)).toEqual(['n-shared']);
  });

  it('wipe with sync off deletes everything', async () => {
    const { db } = await withSharedAccount();
    expect(await wipeAllData(db)).toBe(0);
    expect(await db.accounts.count()).toBe(0);
    expect(await db.notes.count()).toBe(0);
  });

  it('restore replaces my records; the backup’s copy of a shared record is skipped', async () => {
    const { db, mine, shared } = await withSharedAccount();
    const d = samplePortfolio(NOW);
    const backup: AllData = {
      accounts: d.accounts.slice(0, 3).map((a) => (a.id === shared ? { ...a, name: 'STALE COPY' } : a)),
      plans: [],
      planRevisions: [],
      stakeholders: [],
      actions: [],
      notes: [{ id: 'n-restored', accountId: mine, body: 'from backup', source: { site: 'dashboard' }, createdAt: NOW, updatedAt: NOW }],
      links: [],
    };
    await replaceAllData(db, backup, undefined, { kind: 'own', userId: ME });
    expect((await db.accounts.get(shared))?.name).toBe(d.accounts[1]!.name);
    expect(await db.accounts.count()).toBe(3);
    expect((await db.notes.toArray()).map((n) => n.id).sort()).toEqual(['n-restored', 'n-shared']);
  });
});
