import { afterEach, describe, expect, it } from 'vitest';
import { createDb, type KalDb } from '../../lib/db/db';
import { clearAccountFields, clearStakeholderFields, createAccount, deleteAction, addAction, restoreRecords, upsertStakeholder } from '../../lib/db/repo';

let db: KalDb | undefined;
afterEach(() => {
  db?.close();
  db = undefined;
});

describe('dashboard repo additions', () => {
  it('clears optional account and stakeholder fields, and only those', async () => {
    db = createDb('dr-' + Math.random());
    const a = await createAccount(db, { name: 'Acme', nextReviewAt: '2027-01-04', renewalAt: '2027-03-15', owner: 'me' }, 1);
    await clearAccountFields(db, a.id, ['nextReviewAt', 'owner', 'name' as never], 2);
    expect(await db.accounts.get(a.id)).toMatchObject({ name: 'Acme', renewalAt: '2027-03-15', updatedAt: 2 });
    expect((await db.accounts.get(a.id))!.nextReviewAt).toBeUndefined();
    expect((await db.accounts.get(a.id))!.owner).toBeUndefined();
    const boss = (await upsertStakeholder(db, { accountId: a.id, name: 'Boss' })).stakeholder;
    const s = (await upsertStakeholder(db, { accountId: a.id, name: 'Ann', reportsTo: boss.id, title: 'CTO' })).stakeholder;
    await clearStakeholderFields(db, s.id, ['reportsTo']);
    expect(await db.stakeholders.get(s.id)).toMatchObject({ title: 'CTO' });
    expect((await db.stakeholders.get(s.id))!.reportsTo).toBeUndefined();
  });
  it('restores a deleted action (undo)', async () => {
    db = createDb('dr-' + Math.random());
    const a = await createAccount(db, { name: 'Acme' });
    const x = await addAction(db, { accountId: a.id, title: 'Call' });
    const removed = await deleteAction(db, x.id);
    await restoreRecords(db, { actions: [removed!] });
    expect(await db.actions.get(x.id)).toEqual(x);
    await expect(restoreRecords(db, { actions: [{ ...x, accountId: 'ghost' }] })).rejects.toThrow();
  });
});
