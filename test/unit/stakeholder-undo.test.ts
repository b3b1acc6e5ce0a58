// Undo of a stakeholder's delete (dashboard power map, the toast's Undo) puts back the person AND
// the links the delete cleared: their reports, actions and notes (it used to put back the person
// alone: Carl no longer reported to Anna, the ROI action and the note were nobody's).
import { afterEach, describe, expect, it } from 'vitest';
import { createDb, type KalDb } from '../../lib/db/db';
import { addAction, addNote, createAccount, removeStakeholder, undoRemoveStakeholder, upsertStakeholder, updateStakeholder } from '../../lib/db/repo';

let db: KalDb | undefined;
afterEach(() => {
  db?.close();
  db = undefined;
});

async function setup() {
  const d = (db = createDb('t-' + crypto.randomUUID()));
  const acme = await createAccount(d, { name: 'Acme SA' }, 1000);
  const bob = (await upsertStakeholder(d, { accountId: acme.id, name: 'Bob Boss' }, 1000)).stakeholder;
  const anna = (await upsertStakeholder(d, { accountId: acme.id, name: 'Anna Smith', reportsTo: bob.id }, 1000)).stakeholder;
  const carl = (await upsertStakeholder(d, { accountId: acme.id, name: 'Carl Report', reportsTo: anna.id }, 1000)).stakeholder;
  const dina = (await upsertStakeholder(d, { accountId: acme.id, name: 'Dina Report', reportsTo: anna.id }, 1000)).stakeholder;
  const action = await addAction(d, { accountId: acme.id, stakeholderId: anna.id, title: 'Send the ROI study', dueAt: '2026-12-01', status: 'open', priority: 'high', kind: 'email', source: 'dashboard' } as never, 1000);
  const note = await addNote(d, { accountId: acme.id, stakeholderId: anna.id, body: 'Budget owner for 2027' } as never, 1000);
  return { d, acme, bob, anna, carl, dina, action, note };
}

describe('undo of a stakeholder delete', () => {
  it('brings back the person, their reports, actions and notes', async () => {
    const { d, anna, carl, dina, action, note, bob } = await setup();
    const removed = (await removeStakeholder(d, anna.id))!;
    expect([removed.reports.map((l) => l.id).sort(), removed.actions.map((l) => l.id), removed.notes.map((l) => l.id)]).toEqual([[carl.id, dina.id].sort(), [action.id], [note.id]]);
    expect((await d.stakeholders.get(carl.id))!.reportsTo).toBeUndefined();
    await undoRemoveStakeholder(d, removed);
    expect(await d.stakeholders.get(anna.id)).toEqual(anna);
    expect([(await d.stakeholders.get(carl.id))!.reportsTo, (await d.stakeholders.get(dina.id))!.reportsTo]).toEqual([anna.id, anna.id]);
    expect((await d.actions.get(action.id))!.stakeholderId).toBe(anna.id);
    expect((await d.notes.get(note.id))!.stakeholderId).toBe(anna.id);
    expect((await d.stakeholders.get(anna.id))!.reportsTo).toBe(bob.id);
  });

  it('a link changed meanwhile wins; a manager deleted meanwhile is not put back', async () => {
    const { d, anna, carl, dina, bob } = await setup();
    const removed = (await removeStakeholder(d, anna.id))!;
    await updateStakeholder(d, dina.id, { reportsTo: bob.id }, 2000);
    await removeStakeholder(d, bob.id);
    await undoRemoveStakeholder(d, removed);
    expect((await d.stakeholders.get(carl.id))!.reportsTo).toBe(anna.id);
    // Dina was given Bob as manager meanwhile (then Bob was deleted): she is not taken back to Anna
    expect((await d.stakeholders.get(dina.id))!.reportsTo).toBeUndefined();
    expect('reportsTo' in (await d.stakeholders.get(anna.id))!).toBe(false);
  });
});
