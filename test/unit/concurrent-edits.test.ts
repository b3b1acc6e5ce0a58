// Two clients (tabs, people) editing one record: field-level patches against the revision each
// loaded (lib/db/repo.ts patch*, lib/db/patch.ts). Example tests, then a fast-check model test of
// interleaved loads, edits, saves and conflict resolutions with an exact oracle.
import fc from 'fast-check';
import { afterEach, describe, expect, it } from 'vitest';
import { createDb, type KalDb } from '../../lib/db/db';
import { KalError, conflictOf, toErrorData } from '../../lib/errors';
import {
  addAction,
  applyImport,
  createAccount,
  patchAccount,
  patchAction,
  patchPlan,
  patchStakeholder,
  restorePlanRevision,
  savePlan,
  updateAccount,
  upsertStakeholder,
} from '../../lib/db/repo';
import { same } from '../../lib/db/patch';
import type { ConflictData, RecordPatch } from '../../lib/types';

let db: KalDb | undefined;
afterEach(() => {
  db?.close();
  db = undefined;
});
const fresh = () => (db = createDb('c-' + crypto.randomUUID()));

async function conflictIn(p: Promise<unknown>): Promise<ConflictData> {
  const e = await p.then(
    () => undefined,
    (x: unknown) => x,
  );
  expect(e).toBeInstanceOf(KalError);
  expect((e as KalError).code).toBe('conflict');
  return conflictOf(e)!;
}

describe('revisions', () => {
  it('every change bumps rev and stamps the fields it changed; a no-op writes nothing', async () => {
    const d = fresh();
    const a = await createAccount(d, { name: 'Acme' }, 1000);
    expect(a.rev).toBeUndefined(); // data without revisions reads as rev 0
    const r1 = await patchAccount(d, a.id, { set: { tier: 'A' }, base: { tier: 'untiered' }, baseRev: 0 }, 2000);
    expect([r1.rev, r1.revs]).toEqual([1, { tier: 1 }]);
    const r2 = await patchAccount(d, a.id, { set: { industry: 'Retail', tier: 'A' }, base: { industry: null, tier: 'untiered' }, baseRev: 0 }, 3000);
    expect([r2.rev, r2.revs, r2.tier, r2.industry]).toEqual([2, { tier: 1, industry: 2 }, 'A', 'Retail']);
    const stored = await d.accounts.get(a.id);
    expect([stored?.rev, stored?.revs, stored?.updatedAt]).toEqual([2, { tier: 1, industry: 2 }, 3000]);
    const r3 = await patchAccount(d, a.id, { set: { tier: 'A' }, base: { tier: 'A' }, baseRev: 2 }, 4000);
    expect([r3.rev, r3.updatedAt]).toEqual([2, 3000]);
  });

  it('a record saved before revisions (no rev, no revs) is patched from rev 0', async () => {
    const d = fresh();
    const a = await createAccount(d, { name: 'Old' }, 1000);
    await d.accounts.put({ ...a }); // as older versions stored it: no rev fields
    const r = await patchAccount(d, a.id, { set: { owner: 'Ann' }, base: { owner: null }, baseRev: 0 });
    expect([r.rev, r.revs]).toEqual([1, { owner: 1 }]);
  });
});

describe('other writers', () => {
  it('a CSV import patch moves the record to its next revision and stamps the fields it changed; a form loaded before sees the conflict', async () => {
    const d = fresh();
    const a = await createAccount(d, { name: 'Acme', industry: 'Retail', owner: 'Ann' });
    await patchAccount(d, a.id, { set: { owner: 'Bob' }, base: { owner: 'Ann' }, baseRev: 0 });
    await applyImport(d, { accounts: [], stakeholders: [], accountPatches: [{ id: a.id, changes: { industry: 'Food', owner: 'Bob' } }], stakeholderPatches: [] });
    const stored = await d.accounts.get(a.id);
    expect([stored?.industry, stored?.rev, stored?.revs]).toEqual(['Food', 2, { owner: 1, industry: 2 }]);
    const c = await conflictIn(patchAccount(d, a.id, { set: { industry: 'Energy' }, base: { industry: 'Retail' }, baseRev: 1 }));
    expect(c).toEqual({ rev: 2, fields: [{ field: 'industry', base: 'Retail', theirs: 'Food', mine: 'Energy', theirRev: 2 }] });
  });
});

describe('two tabs, one record', () => {
  it('account: a stale tab saving one field keeps the other tab’s edits to other fields', async () => {
    const d = fresh();
    const a = await createAccount(d, { name: 'Acme', tier: 'B', industry: 'Retail' });
    // both tabs loaded rev 0; tab 1 saves tier and tags, tab 2 then saves industry only
    await patchAccount(d, a.id, { set: { tier: 'A', tags: ['key'] }, base: { tier: 'B', tags: [] }, baseRev: 0 });
    const r = await patchAccount(d, a.id, { set: { industry: 'Food' }, base: { industry: 'Retail' }, baseRev: 0 });
    expect([r.tier, r.tags, r.industry, r.rev]).toEqual(['A', ['key'], 'Food', 2]);
  });

  it('account: the same field saved by both — the later one is refused with both values, nothing written', async () => {
    const d = fresh();
    const a = await createAccount(d, { name: 'Acme', industry: 'Retail', owner: 'Ann' });
    await patchAccount(d, a.id, { set: { industry: 'Food' }, base: { industry: 'Retail' }, baseRev: 0 });
    const c = await conflictIn(patchAccount(d, a.id, { set: { industry: 'Energy', owner: 'Bob' }, base: { industry: 'Retail', owner: 'Ann' }, baseRev: 0 }));
    expect(c).toEqual({ rev: 1, fields: [{ field: 'industry', base: 'Retail', theirs: 'Food', mine: 'Energy', theirRev: 1 }] });
    const stored = await d.accounts.get(a.id);
    expect([stored?.industry, stored?.owner, stored?.rev]).toEqual(['Food', 'Ann', 1]);
    // "Apply mine": the same edit against what is stored now
    const r = await patchAccount(d, a.id, { set: { industry: 'Energy', owner: 'Bob' }, base: { industry: 'Food', owner: 'Ann' }, baseRev: c.rev });
    expect([r.industry, r.owner, r.rev]).toEqual(['Energy', 'Bob', 2]);
  });

  it('the conflict crosses messaging intact (wire form and back)', async () => {
    const d = fresh();
    const a = await createAccount(d, { name: 'Acme', industry: 'Retail' });
    await updateAccount(d, a.id, { industry: 'Food' });
    const e = await patchAccount(d, a.id, { set: { industry: 'Energy' }, base: { industry: 'Retail' }, baseRev: 0 }).catch((x: unknown) => x);
    const back = KalError.from(JSON.parse(JSON.stringify(toErrorData(e))));
    expect(back.code).toBe('conflict');
    expect(back.conflict).toEqual({ rev: 1, fields: [{ field: 'industry', base: 'Retail', theirs: 'Food', mine: 'Energy', theirRev: 1 }] });
  });

  it('stakeholder: "Contacted today" in the sidebar survives a dashboard form opened before it', async () => {
    const d = fresh();
    const a = await createAccount(d, { name: 'Acme' });
    const { stakeholder: s } = await upsertStakeholder(d, { accountId: a.id, name: 'Ann Lee', stance: 'neutral' }, 1000);
    // sidebar: contacted today (base: never)
    await patchStakeholder(d, s.id, { set: { lastContactAt: 5000 }, base: { lastContactAt: null }, baseRev: 0 }, 5000);
    // the dashboard form loaded before it saves the stance only
    const r = await patchStakeholder(d, s.id, { set: { stance: 'supporter' }, base: { stance: 'neutral' }, baseRev: 0 }, 6000);
    expect([r.stance, r.lastContactAt, r.rev]).toEqual(['supporter', 5000, 2]);
    // both tabs record a contact: the later one is kept, no conflict
    await patchStakeholder(d, s.id, { set: { lastContactAt: 9000 }, base: { lastContactAt: 5000 }, baseRev: 2 });
    const r2 = await patchStakeholder(d, s.id, { set: { lastContactAt: 8000 }, base: { lastContactAt: 5000 }, baseRev: 2 });
    expect(r2.lastContactAt).toBe(9000);
  });

  it('action: done in one tab, retitled in another — both kept; done twice is no conflict', async () => {
    const d = fresh();
    const a = await createAccount(d, { name: 'Acme' });
    const x = await addAction(d, { accountId: a.id, title: 'Call' }, 1000);
    await patchAction(d, x.id, { set: { status: 'done' }, base: { status: 'open' }, baseRev: 0 }, 2000);
    const r = await patchAction(d, x.id, { set: { title: 'Call Ann', status: 'done' }, base: { title: 'Call', status: 'open' }, baseRev: 0 }, 3000);
    expect([r.title, r.status, r.doneAt, r.rev]).toEqual(['Call Ann', 'done', 2000, 2]);
  });

  it('plan: both edits of different fields kept; the same field refused and BOTH versions kept in the history', async () => {
    const d = fresh();
    const a = await createAccount(d, { name: 'Acme' });
    const p0 = await savePlan(d, a.id, { context: 'Base', strategy: 'S' }, 1000);
    expect(p0.revision).toBe(1);
    const base = { context: 'Base', strategy: 'S' };
    await patchPlan(d, a.id, { set: { strategy: 'S2' }, base: { strategy: base.strategy }, baseRev: 1 }, 2000);
    const p2 = await patchPlan(d, a.id, { set: { context: 'Mine' }, base: { context: base.context }, baseRev: 1 }, 3000);
    expect([p2.context, p2.strategy, p2.revision, p2.revs]).toEqual(['Mine', 'S2', 3, { context: 3, strategy: 2 }]);
    // a third tab, still at revision 1, rewrites the context
    const c = await conflictIn(patchPlan(d, a.id, { set: { context: 'Theirs?' }, base: { context: 'Base' }, baseRev: 1 }, 4000));
    expect(c).toEqual({ rev: 3, fields: [{ field: 'context', base: 'Base', theirs: 'Mine', mine: 'Theirs?', theirRev: 3 }] });
    const plan = await d.plans.where('accountId').equals(a.id).first();
    expect([plan?.context, plan?.revision]).toEqual(['Mine', 3]);
    const revs = await d.planRevisions.where('accountId').equals(a.id).sortBy('createdAt');
    const refused = revs[revs.length - 1]!;
    expect([revs.length, refused.revision, refused.changedFields, refused.before.context, refused.refused]).toEqual([4, 3, ['context'], 'Mine', { context: 'Theirs?' }]);
    // restoring the refused entry applies the refused version (a new revision)
    const restored = await restorePlanRevision(d, refused.id, 5000);
    expect([restored.context, restored.revision]).toEqual(['Theirs?', 4]);
  });

  it('account: tags added in two tabs are both kept (a set)', async () => {
    const d = fresh();
    const a = await createAccount(d, { name: 'Acme', tags: ['key'] });
    await patchAccount(d, a.id, { set: { tags: ['key', 'eu'] }, base: { tags: ['key'] }, baseRev: 0 });
    const r = await patchAccount(d, a.id, { set: { tags: ['renewal'] }, base: { tags: ['key'] }, baseRev: 0 });
    expect(r.tags).toEqual(['eu', 'renewal']);
  });

  it('plan lists: objectives added in two tabs are both kept', async () => {
    const d = fresh();
    const a = await createAccount(d, { name: 'Acme' });
    const o = (id: string, title: string) => ({ id, title, status: 'not_started' as const });
    await patchPlan(d, a.id, { set: { objectives: [o('obj-1', 'Grow')] }, base: { objectives: [] }, baseRev: 0 });
    const r = await patchPlan(d, a.id, { set: { objectives: [o('obj-2', 'Renew')] }, base: { objectives: [] }, baseRev: 0 });
    expect(r.objectives.map((x) => x.title)).toEqual(['Grow', 'Renew']);
  });
});

// ---------- model test ----------

type Field = 'tier' | 'industry' | 'owner' | 'currentRevenue' | 'tags';
const FIELDS: Field[] = ['tier', 'industry', 'owner', 'currentRevenue', 'tags'];
const VALUES: Record<Field, unknown[]> = {
  tier: ['A', 'B', 'C', 'untiered'],
  industry: ['Retail', 'Food', 'Energy'],
  owner: ['Ann', 'Bob', null],
  currentRevenue: [0, 100, 250],
  tags: [[], ['x'], ['y'], ['x', 'y'], ['y', 'z']],
};

type Cmd = { c: 0 | 1; kind: 'load' } | { c: 0 | 1; kind: 'edit'; field: Field; value: number } | { c: 0 | 1; kind: 'save' } | { c: 0 | 1; kind: 'resolve'; keepTheirs: boolean };
const client = fc.constantFrom(0 as const, 1 as const);
const cmdArb: fc.Arbitrary<Cmd> = fc.oneof(
  { weight: 1, arbitrary: fc.record({ c: client, kind: fc.constant('load' as const) }) },
  { weight: 4, arbitrary: fc.record({ c: client, kind: fc.constant('edit' as const), field: fc.constantFrom(...FIELDS), value: fc.nat(4) }) },
  { weight: 3, arbitrary: fc.record({ c: client, kind: fc.constant('save' as const) }) },
  { weight: 2, arbitrary: fc.record({ c: client, kind: fc.constant('resolve' as const), keepTheirs: fc.boolean() }) },
);

interface Client {
  baseRev: number;
  base: Record<Field, unknown>;
  draft: Record<Field, unknown>;
  conflict?: ConflictData;
}

const norm = (v: unknown) => (v === undefined ? null : v);
const pick = (r: Record<string, unknown>): Record<Field, unknown> => Object.fromEntries(FIELDS.map((f) => [f, norm(r[f])])) as Record<Field, unknown>;

/** What the repository must do with a client's patch, computed independently from the rule. */
function oracle(model: Record<Field, unknown>, patch: Record<Field, unknown>, base: Record<Field, unknown>): { next: Record<Field, unknown> } | { conflicts: Field[] } {
  const next = { ...model };
  const conflicts: Field[] = [];
  for (const f of Object.keys(patch) as Field[]) {
    const [b, theirs, mine] = [base[f], model[f], patch[f]];
    if (same(theirs, b)) next[f] = mine;
    else if (same(mine, theirs)) continue;
    else if (f === 'tags') {
      const bl = b as string[];
      const ml = mine as string[];
      const kept = (theirs as string[]).filter((x) => !(bl.includes(x) && !ml.includes(x)));
      next[f] = [...kept, ...ml.filter((x) => !bl.includes(x) && !kept.includes(x))];
    } else conflicts.push(f);
  }
  return conflicts.length ? { conflicts } : { next };
}

describe('model: interleaved patches from two clients', () => {
  it('every save ends with both edits present or a conflict shown with both values — never a silent loss', async () => {
    const stats = { conflicts: 0, resolved: 0, staleSaved: 0 };
    await fc.assert(
      fc.asyncProperty(fc.array(cmdArb, { minLength: 4, maxLength: 40, size: 'max' }), async (cmds) => {
        const d = createDb('m-' + crypto.randomUUID());
        try {
          const a = await createAccount(d, { name: 'Acme', tier: 'B', industry: 'Retail', owner: 'Ann', currentRevenue: 100, tags: ['x'] }, 1);
          let model = pick(a);
          let rev = 0;
          const fieldRev: Partial<Record<Field, number>> = {};
          const load = (): Client => ({ baseRev: rev, base: { ...model }, draft: { ...model } });
          const clients: Client[] = [load(), load()];
          for (const cmd of cmds) {
            const cl = clients[cmd.c]!;
            if (cmd.kind === 'load') clients[cmd.c] = load();
            else if (cmd.kind === 'edit') {
              const vs = VALUES[cmd.field];
              cl.draft[cmd.field] = vs[cmd.value % vs.length];
            } else if (cmd.kind === 'resolve') {
              if (!cl.conflict) continue;
              // "Keep theirs": take their value; "Apply mine": keep mine, now based on theirs.
              for (const c of cl.conflict.fields) {
                const f = c.field as Field;
                if (cmd.keepTheirs) cl.draft[f] = c.theirs;
                cl.base[f] = c.theirs;
              }
              cl.baseRev = cl.conflict.rev;
              stats.resolved++;
              cl.conflict = undefined;
            } else {
              const changed = FIELDS.filter((f) => !same(cl.draft[f], cl.base[f]));
              if (!changed.length) continue;
              const p: RecordPatch = { set: Object.fromEntries(changed.map((f) => [f, cl.draft[f]])), base: Object.fromEntries(changed.map((f) => [f, cl.base[f]])), baseRev: cl.baseRev };
              const before = pick((await d.accounts.get(a.id))!);
              const want = oracle(model, p.set as Record<Field, unknown>, p.base as Record<Field, unknown>);
              const got = await patchAccount(d, a.id, p).then(
                (r) => ({ ok: r }),
                (e: unknown) => ({ err: e }),
              );
              const after = pick((await d.accounts.get(a.id))!);
              if ('conflicts' in want) {
                // refused as a whole, with exactly the conflicting fields, theirs = stored, mine = sent
                const c = conflictOf('err' in got ? got.err : undefined);
                const byField = (x: { field: string }, y: { field: string }) => x.field.localeCompare(y.field);
                expect({ rev: c?.rev, fields: [...(c?.fields ?? [])].sort(byField) }).toEqual({
                  rev,
                  fields: want.conflicts.map((f) => ({ field: f, base: p.base![f], theirs: model[f], mine: p.set[f], theirRev: fieldRev[f] ?? 0 })).sort(byField),
                });
                expect(after).toEqual(before);
                cl.conflict = c;
                stats.conflicts++;
              } else {
                expect('ok' in got).toBe(true);
                // never a silent loss: a stored value changes only where this client saw it, or a set merge kept the other's items
                for (const f of FIELDS)
                  if (!same(before[f], after[f]) && f !== 'tags') expect([f, before[f]]).toEqual([f, p.base![f]]);
                // …and a tag is gone only if this client removed it
                if ('tags' in p.set) {
                  const removed = (p.base!.tags as string[]).filter((x) => !(p.set.tags as string[]).includes(x));
                  for (const x of before.tags as string[]) if (!removed.includes(x)) expect(after.tags).toContain(x);
                }
                if (p.baseRev! < rev) stats.staleSaved++;
                expect(after).toEqual(want.next);
                if (!same(want.next, model)) {
                  rev++;
                  for (const f of FIELDS) if (!same(want.next[f], model[f])) fieldRev[f] = rev;
                }
                model = want.next;
                clients[cmd.c] = load(); // the form shows what was saved
              }
            }
            const stored = (await d.accounts.get(a.id))!;
            expect(pick(stored)).toEqual(model);
            expect(stored.rev ?? 0).toBe(rev);
            expect(stored.revs ?? {}).toEqual(fieldRev);
          }
        } finally {
          d.close();
        }
      }),
      { numRuns: 200 },
    );
    // the generated histories did exercise each path
    expect(stats.conflicts).toBeGreaterThan(5);
    expect(stats.resolved).toBeGreaterThan(0);
    expect(stats.staleSaved).toBeGreaterThan(10);
  });
});

describe('model: interleaved plan patches from two clients', () => {
  type PF = 'context' | 'strategy' | 'priorities';
  const PFS: PF[] = ['context', 'strategy', 'priorities'];
  const TEXTS = ['', 'Grow in the EU', 'Renew in 2027', 'Defend the core'];
  type PCmd = { c: 0 | 1; kind: 'load' | 'save' } | { c: 0 | 1; kind: 'edit'; field: PF; value: number } | { c: 0 | 1; kind: 'resolve'; keepTheirs: boolean };
  const pcmd: fc.Arbitrary<PCmd> = fc.oneof(
    { weight: 1, arbitrary: fc.record({ c: client, kind: fc.constantFrom('load' as const) }) },
    { weight: 4, arbitrary: fc.record({ c: client, kind: fc.constant('edit' as const), field: fc.constantFrom(...PFS), value: fc.nat(3) }) },
    { weight: 3, arbitrary: fc.record({ c: client, kind: fc.constant('save' as const) }) },
    { weight: 2, arbitrary: fc.record({ c: client, kind: fc.constant('resolve' as const), keepTheirs: fc.boolean() }) },
  );

  it('each save keeps both edits or is refused with both values, and the history then holds both versions', async () => {
    let refusedSeen = 0;
    await fc.assert(
      fc.asyncProperty(fc.array(pcmd, { minLength: 4, maxLength: 30, size: 'max' }), async (cmds) => {
        const d = createDb('p-' + crypto.randomUUID());
        try {
          const a = await createAccount(d, { name: 'Acme' }, 1);
          let model: Record<PF, string> = { context: '', strategy: '', priorities: '' };
          let revision = 0;
          type C = { baseRev: number; base: Record<PF, string>; draft: Record<PF, string>; conflict?: ConflictData };
          const load = (): C => ({ baseRev: revision, base: { ...model }, draft: { ...model } });
          const cl: C[] = [load(), load()];
          for (const cmd of cmds) {
            const me = cl[cmd.c]!;
            if (cmd.kind === 'load') cl[cmd.c] = load();
            else if (cmd.kind === 'edit') me.draft[cmd.field] = TEXTS[cmd.value]!;
            else if (cmd.kind === 'resolve') {
              if (!me.conflict) continue;
              for (const x of me.conflict.fields) {
                if (cmd.keepTheirs) me.draft[x.field as PF] = x.theirs as string;
                me.base[x.field as PF] = x.theirs as string;
              }
              me.baseRev = me.conflict.rev;
              me.conflict = undefined;
            } else {
              const changed = PFS.filter((f) => me.draft[f] !== me.base[f]);
              if (!changed.length) continue;
              const set = Object.fromEntries(changed.map((f) => [f, me.draft[f]]));
              const conflicts = changed.filter((f) => model[f] !== me.base[f] && model[f] !== me.draft[f]);
              const idsBefore = new Set(await d.planRevisions.toCollection().primaryKeys());
              const r = await patchPlan(d, a.id, { set, base: Object.fromEntries(changed.map((f) => [f, me.base[f]])), baseRev: me.baseRev }).then(
                (p) => ({ p }),
                (e: unknown) => ({ e }),
              );
              if (conflicts.length) {
                const c = conflictOf('e' in r ? r.e : undefined)!;
                expect([c.rev, c.fields.map((x) => [x.field, x.theirs, x.mine]).sort()]).toEqual([revision, conflicts.map((f) => [f, model[f], me.draft[f]]).sort()]);
                // the refused version is in the history, next to the plan as it stood
                const added = (await d.planRevisions.toArray()).filter((x) => !idsBefore.has(x.id));
                expect(added.length).toBe(1);
                const h = added[0]!;
                expect([h.revision, h.refused, h.changedFields.sort(), PFS.map((f) => h.before[f])]).toEqual([revision, set, [...conflicts].sort(), PFS.map((f) => model[f])]);
                me.conflict = c;
                refusedSeen++;
              } else {
                expect('p' in r).toBe(true);
                const next = { ...model };
                for (const f of changed) if (model[f] === me.base[f]) next[f] = me.draft[f];
                if (PFS.some((f) => next[f] !== model[f])) revision++;
                model = next;
                cl[cmd.c] = load();
              }
            }
            const plan = await d.plans.where('accountId').equals(a.id).first();
            expect(PFS.map((f) => plan?.[f] ?? '')).toEqual(PFS.map((f) => model[f]));
            expect(plan?.revision ?? 0).toBe(revision);
          }
        } finally {
          d.close();
        }
      }),
      { numRuns: 100 },
    );
    expect(refusedSeen).toBeGreaterThan(3);
  });
});
