import { afterEach, describe, expect, it } from 'vitest';
import { createDb, type KalDb } from '../../lib/db/db';
import { createAccount, restorePlanRevision, savePlan } from '../../lib/db/repo';

let db: KalDb | undefined;
afterEach(() => {
  db?.close();
  db = undefined;
});

describe('plan revisions', () => {
  it('keeps a revision per changing save with the changed fields, and restores exactly', async () => {
    db = createDb('pr-' + Math.random());
    const a = await createAccount(db, { name: 'Acme' }, 1);
    const p1 = await savePlan(db, a.id, { context: 'v1', objectives: [{ id: 'o1', title: 'Land', status: 'on_track' }] }, 10);
    expect(p1.revision).toBe(1);
    const same = await savePlan(db, a.id, { context: 'v1' }, 11);
    expect(same.revision).toBe(1);
    const p2 = await savePlan(db, a.id, { context: 'v2', risks: [{ id: 'r1', title: 'Churn', severity: 'high', mitigation: '' }] }, 20);
    expect(p2.revision).toBe(2);
    const revs = await db.planRevisions.where('[accountId+revision]').between([a.id, 0], [a.id, Infinity]).toArray();
    expect(revs.map((r) => [r.revision, r.changedFields])).toEqual([
      [1, ['context', 'objectives']],
      [2, ['context', 'risks']],
    ]);
    const restored = await restorePlanRevision(db, revs[1].id, 30);
    expect(restored).toMatchObject({ context: 'v1', risks: [], objectives: [{ id: 'o1', title: 'Land' }], revision: 3 });
    expect(await db.planRevisions.count()).toBe(3);
  });
});
