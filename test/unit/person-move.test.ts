// A person works for one account at a time: adding someone who is already in ANOTHER account's
// power map (same LinkedIn profile, or Sales Navigator lead) asks before moving them — the
// repository refuses with `person_in_other_account` naming the person and the account they are in
// now, and moves only with the confirmed `moveFrom` (lib/db/repo.ts UpsertOptions.moveFrom). The
// move keeps the data restorable: their manager and reports were people of the old account, and
// that account's actions and notes about them stay there, unlinked (lib/io/backup.ts
// checkBackupReferences refuses a link across accounts).
import { afterEach, describe, expect, it, vi } from 'vitest';
import { createDb, type KalDb } from '../../lib/db/db';
import { KalError } from '../../lib/errors';
import { addAction, addNote, createAccount, patchStakeholder, upsertStakeholder } from '../../lib/db/repo';
import { exportBackup, checkBackupReferences } from '../../lib/io/backup';
import { createHandlers } from '../../lib/background/handlers';
import { DEFAULT_THRESHOLDS } from '../../lib/kam/red-flags';
import type { PageContext } from '../../lib/types';
import { errorText } from '../../components/ui/errorText';
import { personElsewhereOf } from '../../components/ui/MoveConfirm';
import { makeT } from '../../lib/i18n';

let db: KalDb | undefined;
afterEach(() => {
  db?.close();
  db = undefined;
});
const fresh = () => (db = createDb('t-' + crypto.randomUUID()));
const ANNA = 'https://www.linkedin.com/in/anna-smith-42/';

async function dump(d: KalDb) {
  const out: Record<string, unknown[]> = {};
  for (const t of d.tables) out[t.name] = (await t.toArray()).sort((a, b) => String(a.id).localeCompare(String(b.id)));
  return out;
}

/** Anna in Acme's power map, reporting to Bob, with Carl reporting to her, an action and a note about her. */
async function setup() {
  const d = fresh();
  const acme = await createAccount(d, { name: 'Acme SA' }, 1000);
  const globex = await createAccount(d, { name: 'Globex' }, 1000);
  const bob = (await upsertStakeholder(d, { accountId: acme.id, name: 'Bob Boss' }, 1000)).stakeholder;
  const anna = (await upsertStakeholder(d, { accountId: acme.id, name: 'Anna Smith', title: 'CFO', role: 'economic_buyer', linkedinUrl: ANNA, salesNavLeadId: 'ACwAAB123', reportsTo: bob.id }, 1000)).stakeholder;
  const carl = (await upsertStakeholder(d, { accountId: acme.id, name: 'Carl Report', reportsTo: anna.id }, 1000)).stakeholder;
  const action = await addAction(d, { accountId: acme.id, stakeholderId: anna.id, title: 'Send the ROI study', dueAt: '2026-12-01', status: 'open', priority: 'high', kind: 'email', source: 'dashboard' } as never, 1000);
  const note = await addNote(d, { accountId: acme.id, stakeholderId: anna.id, body: 'Budget owner for 2027' } as never, 1000);
  return { d, acme, globex, bob, anna, carl, action, note };
}

async function refusal(p: Promise<unknown>): Promise<KalError> {
  const e = await p.then(
    () => undefined,
    (x: unknown) => x,
  );
  expect(e).toBeInstanceOf(KalError);
  return e as KalError;
}

describe('adding a person who is in another account', () => {
  it.each([
    ['same LinkedIn profile', { linkedinUrl: 'https://fr.linkedin.com/in/Anna-Smith-42' }],
    ['same Sales Navigator lead', { salesNavLeadId: 'ACwAAB123' }],
  ])('is refused without confirmation (%s): names the person and their account, writes nothing', async (_, keys) => {
    const { d, globex, acme } = await setup();
    const before = await dump(d);
    const e = await refusal(upsertStakeholder(d, { accountId: globex.id, name: 'Anna Smith', ...keys }, 2000, { shown: { name: 'Anna Smith' } }));
    expect(e.code).toBe('validation');
    expect(e.field).toBe('accountId');
    expect(e.reason).toBe('person_in_other_account');
    expect(e.vars).toEqual({ name: 'Anna Smith', account: 'Acme SA', accountId: acme.id, target: 'Globex' });
    expect(e.message).toBe('Stakeholder: Anna Smith is in the power map of Acme SA; confirm the move to Globex');
    expect(personElsewhereOf(e)).toEqual({ name: 'Anna Smith', account: 'Acme SA', accountId: acme.id, target: 'Globex' });
    expect(errorText(makeT('en'), e)).toBe('Anna Smith is in the power map of Acme SA.');
    expect(errorText(makeT('fr'), e)).toBe("Anna Smith est dans la carte d'influence de Acme SA.");
    expect(await dump(d)).toEqual(before);
  });

  it('a confirmation for another account than the one they are in is refused too (a stale question)', async () => {
    const { d, globex } = await setup();
    const e = await refusal(upsertStakeholder(d, { accountId: globex.id, name: 'Anna Smith', linkedinUrl: ANNA }, 2000, { shown: { name: 'Anna Smith' }, moveFrom: globex.id }));
    expect(e.reason).toBe('person_in_other_account');
  });

  it('confirmed: moves them with everything they are, unlinks what belonged to the old account, and the backup stays restorable', async () => {
    const { d, acme, globex, anna, carl, bob, action, note } = await setup();
    const r = await upsertStakeholder(d, { accountId: globex.id, name: 'Anna Smith', title: 'Finance Director', linkedinUrl: ANNA }, 2000, {
      shown: { name: 'Anna Smith', title: 'CFO' },
      moveFrom: acme.id,
    });
    expect(r.created).toBe(false);
    expect(r.movedFrom).toBe(acme.id);
    expect(r.updated).toEqual(['accountId', 'title', 'reportsTo']);
    const moved = (await d.stakeholders.get(anna.id))!;
    expect(moved).toMatchObject({ id: anna.id, accountId: globex.id, name: 'Anna Smith', title: 'Finance Director', role: 'economic_buyer', linkedinUrl: ANNA, salesNavLeadId: 'ACwAAB123', updatedAt: 2000 });
    expect('reportsTo' in moved).toBe(false);
    expect('reportsTo' in (await d.stakeholders.get(carl.id))!).toBe(false);
    expect((await d.stakeholders.get(bob.id))!.accountId).toBe(acme.id);
    const a = (await d.actions.get(action.id))!;
    const n = (await d.notes.get(note.id))!;
    expect([a.accountId, 'stakeholderId' in a, a.title]).toEqual([acme.id, false, 'Send the ROI study']);
    expect([n.accountId, 'stakeholderId' in n, n.body]).toEqual([acme.id, false, 'Budget owner for 2027']);
    const backup = await exportBackup(d, 3000);
    expect(checkBackupReferences(backup.data)).toEqual([]);
  });
});

describe('editing a stakeholder to the LinkedIn profile of someone else', () => {
  it('says who has it and, when they are in another account, which one', async () => {
    const { d, acme, globex } = await setup();
    const gina = (await upsertStakeholder(d, { accountId: globex.id, name: 'Gina Other' }, 1000)).stakeholder;
    const e = await refusal(patchStakeholder(d, gina.id, { set: { linkedinUrl: 'linkedin.com/in/anna-smith-42' } }, 2000));
    expect([e.code, e.field, e.reason, e.vars]).toEqual(['validation', 'linkedinUrl', 'linkedin_taken_elsewhere', { name: 'Anna Smith', account: 'Acme SA' }]);
    expect(errorText(makeT('en'), e)).toBe('This LinkedIn profile already belongs to Anna Smith, in the power map of Acme SA.');
    expect(errorText(makeT('fr'), e)).toBe("Ce profil LinkedIn appartient déjà à Anna Smith, dans la carte d'influence de Acme SA.");
    const bob = (await d.stakeholders.where('[accountId+nameKey]').equals([acme.id, 'bob boss']).first())!;
    const same = await refusal(patchStakeholder(d, bob.id, { set: { linkedinUrl: ANNA } }, 2000));
    expect([same.reason, same.vars, errorText(makeT('en'), same)]).toEqual(['linkedin_taken', { name: 'Anna Smith' }, 'This LinkedIn profile already belongs to Anna Smith.']);
  });
});

describe('stakeholder.save (sidebar) with moveFrom', () => {
  function handlersOf(d: KalDb, canEditAccount?: (id: string) => Promise<boolean>) {
    const tabs = new Map<number, PageContext>();
    return createHandlers({
      db: d,
      getTabContext: async (id) => tabs.get(id),
      setTabContext: async (id, ctx) => void tabs.set(id, ctx),
      broadcast: vi.fn(),
      sendToTab: vi.fn(async () => {}),
      injectFile: vi.fn(async () => {}),
      activeTabId: async () => 7,
      openExtensionTab: vi.fn(async () => {}),
      thresholds: async () => DEFAULT_THRESHOLDS,
      now: () => 2000,
      markTab: vi.fn(async () => {}),
      canEditAccount,
    });
  }
  const sender = { id: 'test-extension-id', url: 'chrome-extension://test-extension-id/sidebar.html', tab: { id: 7 } as never };

  it('asks (the refusal crosses messaging with its names), then moves once confirmed', async () => {
    const { d, acme, globex, anna } = await setup();
    const h = handlersOf(d);
    const payload = { accountId: globex.id, stakeholder: { name: 'Anna Smith', linkedinUrl: ANNA }, shown: { name: 'Anna Smith' } };
    await expect(h['stakeholder.save'](payload as never, sender)).rejects.toMatchObject({ code: 'validation', reason: 'person_in_other_account', vars: { name: 'Anna Smith', account: 'Acme SA', accountId: acme.id, target: 'Globex' } });
    expect((await d.stakeholders.get(anna.id))!.accountId).toBe(acme.id);
    const r = await h['stakeholder.save']({ ...payload, moveFrom: acme.id } as never, sender);
    expect([r.account.id, r.stakeholder.accountId, r.movedFrom, r.updated]).toEqual([globex.id, globex.id, acme.id, ['accountId', 'reportsTo']]);
  });

  it('moving a person out of an account the user may only view is refused', async () => {
    const { d, acme, globex, anna } = await setup();
    const h = handlersOf(d, async (id) => id !== acme.id);
    await expect(h['stakeholder.save']({ accountId: globex.id, stakeholder: { name: 'Anna Smith', linkedinUrl: ANNA }, shown: { name: 'Anna Smith' }, moveFrom: acme.id } as never, sender)).rejects.toMatchObject({ code: 'forbidden', reason: 'viewer_only' });
    expect((await d.stakeholders.get(anna.id))!.accountId).toBe(acme.id);
  });

  it("the sidebar view names the account of a person known in another account than the one shown", async () => {
    const { d, acme, globex } = await setup();
    const h = handlersOf(d);
    const ctx: PageContext = { site: 'linkedin', kind: 'profile', url: ANNA, person: { name: 'Anna Smith', title: 'CFO', linkedinUrl: ANNA }, company: { name: 'Globex' } };
    await h['page.update']({ ctx } as never, { id: 'test-extension-id', url: 'https://www.linkedin.com/', tab: { id: 7 } as never, frameId: 0 });
    const other = await h['sidebar.view']({ tabId: 7, accountId: globex.id } as never, sender);
    expect([other.account?.account.id, other.person?.stakeholder.name, other.person?.accountName]).toEqual([globex.id, 'Anna Smith', 'Acme SA']);
    const own = await h['sidebar.view']({ tabId: 7, accountId: acme.id } as never, sender);
    expect([own.account?.account.id, own.person?.accountName]).toEqual([acme.id, undefined]);
  });
});
