import { afterEach, describe, expect, it } from 'vitest';
import { createDb, type KalDb } from '../../lib/db/db';
import { KalError } from '../../lib/errors';
import {
  addAction,
  addNote,
  createAccount,
  deleteAccount,
  restoreAccountBundle,
  restorePlanRevision,
  savePlan,
  setLink,
  updateAccount,
  updateAction,
  updateStakeholder,
  upsertStakeholder,
} from '../../lib/db/repo';

let db: KalDb | undefined;
afterEach(() => {
  db?.close();
  db = undefined;
});
const fresh = () => (db = createDb('t-' + crypto.randomUUID()));

async function counts(d: KalDb) {
  const out: Record<string, number> = {};
  for (const t of d.tables) out[t.name] = await t.count();
  return out;
}
async function dump(d: KalDb) {
  const out: Record<string, unknown[]> = {};
  for (const t of d.tables) out[t.name] = (await t.toArray()).sort((a, b) => String(a.id).localeCompare(String(b.id)));
  return out;
}
async function rejection(p: Promise<unknown>): Promise<KalError> {
  const e = await p.then(
    () => undefined,
    (x: unknown) => x,
  );
  expect(e).toBeInstanceOf(KalError);
  return e as KalError;
}

describe('createAccount validation', () => {
  it.each([
    ['missing name', {}, 'name'],
    ['blank name', { name: '   ' }, 'name'],
    ['malformed website', { name: 'Acme', website: 'not a url' }, 'website'],
    ['non-http website', { name: 'Acme', website: 'javascript:alert(1)' }, 'website'],
    ['malformed LinkedIn URL', { name: 'Acme', linkedinUrls: ['linkedin company acme'] }, 'linkedinUrls.0'],
    ['bad domain', { name: 'Acme', domains: ['acme'] }, 'domains.0'],
    ['unknown tier', { name: 'Acme', tier: 'Z' }, 'tier'],
    ['name of the wrong type', { name: 42 }, 'name'],
    ['domains not an array', { name: 'Acme', domains: 'acme.fr' }, 'domains'],
    ['revenue as a string', { name: 'Acme', currentRevenue: '1000' }, 'currentRevenue'],
    ['negative revenue', { name: 'Acme', currentRevenue: -1 }, 'currentRevenue'],
  ])('rejects %s with a validation error naming the field, writing nothing', async (_, input, field) => {
    const d = fresh();
    const e = await rejection(createAccount(d, input as never));
    expect(e.code).toBe('validation');
    expect(e.field).toBe(field);
    expect(e.message).toContain(field);
    expect(e.toJSON()).toMatchObject({ code: 'validation', field });
    expect(Object.values(await counts(d)).every((n) => n === 0)).toBe(true);
  });
});

describe('account canonicalisation', () => {
  it('stores canonical LinkedIn company URLs and registrable lower-case domains, deduplicated', async () => {
    const d = fresh();
    const a = await createAccount(d, {
      name: 'Acme',
      linkedinUrls: ['https://fr.linkedin.com/company/Acme-Corp/about/?trk=x', 'https://www.linkedin.com/company/acme-corp', 'https://www.linkedin.com/showcase/acme-labs/'],
      domains: ['ACME.fr', 'www.acme.fr', ' mail.acme.co.uk '],
    });
    expect(a.linkedinUrls).toEqual(['https://www.linkedin.com/company/acme-corp/', 'https://www.linkedin.com/company/acme-labs/']);
    expect(a.domains).toEqual(['acme.fr', 'acme.co.uk']);
    expect(a.nameKey).toBe('acme');
    expect(await d.accounts.where('domains').equals('acme.co.uk').count()).toBe(1);

    const u = await updateAccount(d, a.id, { domains: ['Shop.Acme.DE'], linkedinUrls: ['https://www.linkedin.com/company/12345/jobs/'] });
    expect(u.domains).toEqual(['acme.de']);
    expect((await d.accounts.get(a.id))!.linkedinUrls).toEqual(['https://www.linkedin.com/company/12345/']);
  });
});

describe('upsertStakeholder', () => {
  const base = 'https://www.linkedin.com/in/jérôme-durand/';
  it.each([
    ['no trailing slash', 'https://www.linkedin.com/in/j%C3%A9r%C3%B4me-durand'],
    ['upper case', 'https://www.linkedin.com/in/J%C3%89R%C3%94ME-Durand/'],
    ['query string', 'https://www.linkedin.com/in/j%C3%A9r%C3%B4me-durand/?originalSubdomain=fr&trk=public'],
    ['percent-encoding', 'https://www.linkedin.com/in/j%c3%a9r%c3%b4me-durand/'],
    ['contact-info overlay', 'https://www.linkedin.com/in/j%C3%A9r%C3%B4me-durand/overlay/contact-info/'],
    ['country sub-domain', 'https://fr.linkedin.com/in/jérôme-durand/'],
  ])('dedupes by canonical LinkedIn URL (%s)', async (_, variant) => {
    const d = fresh();
    const a = await createAccount(d, { name: 'Acme' });
    const first = await upsertStakeholder(d, { accountId: a.id, name: 'Jérôme Durand', linkedinUrl: base, title: 'CFO' });
    expect(first.created).toBe(true);
    expect(first.stakeholder.linkedinUrl).toBe(base);
    const again = await upsertStakeholder(d, { accountId: a.id, name: 'J. Durand', linkedinUrl: variant, title: 'CEO' });
    expect(again.created).toBe(false);
    expect(again.stakeholder.id).toBe(first.stakeholder.id);
    expect(await d.stakeholders.count()).toBe(1);
    expect((await d.stakeholders.get(first.stakeholder.id))!).toMatchObject({ title: 'CEO', linkedinUrl: base });
  });

  it('then dedupes by folded name within the account and merges emails', async () => {
    const d = fresh();
    const a = await createAccount(d, { name: 'Acme' });
    const other = await createAccount(d, { name: 'Other' });
    const s1 = await upsertStakeholder(d, { accountId: a.id, name: 'Jérôme Durand', emails: ['jd@acme.fr'] });
    const s2 = await upsertStakeholder(d, {
      accountId: a.id,
      name: 'JEROME DURAND',
      emails: ['JD@acme.fr', 'jerome@acme.fr'],
      linkedinUrl: 'https://www.linkedin.com/in/jdurand/',
    });
    expect(s2.created).toBe(false);
    expect(s2.stakeholder.id).toBe(s1.stakeholder.id);
    const stored = (await d.stakeholders.get(s1.stakeholder.id))!;
    expect(stored.emails).toEqual(['jd@acme.fr', 'jerome@acme.fr']);
    expect(stored.linkedinUrl).toBe('https://www.linkedin.com/in/jdurand/');
    // another account's namesake is another person
    const s3 = await upsertStakeholder(d, { accountId: other.id, name: 'Jerome Durand' });
    expect(s3.created).toBe(true);
    expect(await d.stakeholders.count()).toBe(2);
  });

  it('does not merge a namesake with a different LinkedIn profile', async () => {
    const d = fresh();
    const a = await createAccount(d, { name: 'Acme' });
    const s1 = await upsertStakeholder(d, { accountId: a.id, name: 'Marie Martin', linkedinUrl: 'https://www.linkedin.com/in/marie-martin-1/' });
    const s2 = await upsertStakeholder(d, { accountId: a.id, name: 'Marie Martin', linkedinUrl: 'https://www.linkedin.com/in/marie-martin-2/' });
    expect(s2.created).toBe(true);
    expect(s2.stakeholder.id).not.toBe(s1.stakeholder.id);
    expect((await d.stakeholders.get(s1.stakeholder.id))!.linkedinUrl).toBe('https://www.linkedin.com/in/marie-martin-1/');
  });

  describe('adding a person already in the power map, with what the form showed (opts.shown)', () => {
    const SHOWN = { name: 'Anna Smith', title: 'Head of IT | Speaker', location: 'Lyon', role: 'unknown', influence: 'medium', stance: 'unknown' };
    async function setupKnown() {
      const d = fresh();
      const a = await createAccount(d, { name: 'Acme' }, 1000);
      // set in the dashboard: no LinkedIn profile, a title the user corrected, role, stance, notes
      const { stakeholder } = await upsertStakeholder(d, { accountId: a.id, name: 'Anna Smith', title: 'CIO', role: 'economic_buyer', influence: 'high', stance: 'champion', notes: 'Owns the budget' }, 1000);
      return { d, a, s: stakeholder };
    }
    it('keeps every field the user set; fills empty ones and the profile; says which', async () => {
      const { d, a, s } = await setupKnown();
      const url = 'https://www.linkedin.com/in/anna-smith-42/';
      const r = await upsertStakeholder(d, { accountId: a.id, name: 'Anna Smith', title: 'Head of IT | Speaker', location: 'Lyon', linkedinUrl: url, emails: ['anna@acme.fr'] }, 2000, { shown: SHOWN });
      expect(r.created).toBe(false);
      expect(r.updated).toEqual(['linkedinUrl', 'emails', 'location']);
      expect(r.kept).toEqual(['title']);
      const stored = (await d.stakeholders.get(s.id))!;
      expect(stored).toMatchObject({ name: 'Anna Smith', title: 'CIO', location: 'Lyon', linkedinUrl: url, emails: ['anna@acme.fr'], role: 'economic_buyer', influence: 'high', stance: 'champion', notes: 'Owns the budget', rev: 1, updatedAt: 2000 });
      expect(stored.revs).toEqual({ linkedinUrl: 1, emails: 1, location: 1 });
      expect(await d.stakeholders.count()).toBe(1);
    });
    it('an empty stored title is filled from the page', async () => {
      const d = fresh();
      const a = await createAccount(d, { name: 'Acme' }, 1000);
      const { stakeholder: s } = await upsertStakeholder(d, { accountId: a.id, name: 'Anna Smith', role: 'champion' }, 1000);
      const r = await upsertStakeholder(d, { accountId: a.id, name: 'Anna Smith', title: 'Head of IT | Speaker' }, 2000, { shown: SHOWN });
      expect(r).toMatchObject({ created: false, updated: ['title'], kept: [] });
      expect(await d.stakeholders.get(s.id)).toMatchObject({ title: 'Head of IT | Speaker', role: 'champion' });
    });
    it('a role picked in the form over one set in the dashboard is a conflict with both values, and nothing is written', async () => {
      const { d, a, s } = await setupKnown();
      const e = await rejection(upsertStakeholder(d, { accountId: a.id, name: 'Anna Smith', role: 'champion', influence: 'high', linkedinUrl: 'https://www.linkedin.com/in/anna-smith-42/' }, 2000, { shown: SHOWN }));
      expect(e).toMatchObject({ code: 'conflict', field: 'role' });
      expect(e.conflict).toEqual({ rev: 0, fields: [{ field: 'role', base: 'unknown', theirs: 'economic_buyer', mine: 'champion', theirRev: 0 }] });
      expect(await d.stakeholders.get(s.id)).toEqual(s);
      // decided "apply mine": saved again with the stored value as what was shown
      const r = await upsertStakeholder(d, { accountId: a.id, name: 'Anna Smith', role: 'champion', influence: 'high', linkedinUrl: 'https://www.linkedin.com/in/anna-smith-42/' }, 3000, { shown: { ...SHOWN, role: 'economic_buyer' } });
      expect(r).toMatchObject({ updated: ['linkedinUrl', 'role'], kept: [] });
      expect(await d.stakeholders.get(s.id)).toMatchObject({ role: 'champion', influence: 'high', stance: 'champion', title: 'CIO' });
    });
    it('without shown (imports, tests) the given fields are set as before', async () => {
      const { d, a, s } = await setupKnown();
      const r = await upsertStakeholder(d, { accountId: a.id, name: 'Anna Smith', title: 'CTO' }, 2000);
      expect(r).toMatchObject({ updated: ['title'], kept: [] });
      expect((await d.stakeholders.get(s.id))!.title).toBe('CTO');
    });
  });

  it('saving again without role/notes keeps the ones already saved', async () => {
    const d = fresh();
    const a = await createAccount(d, { name: 'Acme' });
    const url = 'https://www.linkedin.com/in/anna/';
    const s = await upsertStakeholder(d, { accountId: a.id, name: 'Anna', linkedinUrl: url, role: 'champion', influence: 'high', stance: 'supporter', notes: 'Met at the fair' });
    const again = await upsertStakeholder(d, { accountId: a.id, name: 'Anna', linkedinUrl: url, title: 'Head of IT' });
    expect(again.stakeholder).toMatchObject({ role: 'champion', influence: 'high', stance: 'supporter', notes: 'Met at the fair', title: 'Head of IT' });
    expect(await d.stakeholders.get(s.stakeholder.id)).toMatchObject({ role: 'champion', influence: 'high', stance: 'supporter', notes: 'Met at the fair' });
  });

  it.each([
    ['bad email', { name: 'Anna', emails: ['not-an-email'] }, 'emails.0'],
    ['unknown role', { name: 'Anna', role: 'boss' }, 'role'],
    ['missing name', {}, 'name'],
    ['a company page as profile URL', { name: 'Anna', linkedinUrl: 'https://www.linkedin.com/company/acme/' }, 'linkedinUrl'],
  ])('rejects %s, writing nothing', async (_, input, field) => {
    const d = fresh();
    const a = await createAccount(d, { name: 'Acme' });
    const e = await rejection(upsertStakeholder(d, { accountId: a.id, ...input } as never));
    expect(e).toMatchObject({ code: 'validation', field });
    expect(e.message).toContain(field);
    expect(await d.stakeholders.count()).toBe(0);
  });

  it('rejects an unknown account', async () => {
    const d = fresh();
    expect(await rejection(upsertStakeholder(d, { accountId: 'nope', name: 'Anna' }))).toMatchObject({ code: 'not_found', field: 'accountId' });
  });
});

describe('patches', () => {
  it('updateAccount changes only the given fields; concurrent patches of different fields both survive', async () => {
    const d = fresh();
    const a = await createAccount(d, { name: 'Acme', tier: 'A', industry: 'Retail', currentRevenue: 1000, tags: ['key'], scores: { revenue: 4 } });
    await updateAccount(d, a.id, { name: 'Acme Group' }, a.createdAt + 1);
    expect(await d.accounts.get(a.id)).toMatchObject({ name: 'Acme Group', nameKey: 'acme group', tier: 'A', industry: 'Retail', currentRevenue: 1000, tags: ['key'], scores: { revenue: 4 } });
    await Promise.all([updateAccount(d, a.id, { tier: 'B' }), updateAccount(d, a.id, { industry: 'Energy' })]);
    expect(await d.accounts.get(a.id)).toMatchObject({ name: 'Acme Group', tier: 'B', industry: 'Energy', currentRevenue: 1000 });
  });

  it('updateAccount validates the patch and leaves the record alone', async () => {
    const d = fresh();
    const a = await createAccount(d, { name: 'Acme' });
    expect(await rejection(updateAccount(d, a.id, { website: 'nope' }))).toMatchObject({ code: 'validation', field: 'website' });
    expect(await rejection(updateAccount(d, 'missing', { tier: 'A' }))).toMatchObject({ code: 'not_found' });
    expect(await d.accounts.get(a.id)).toEqual(a);
  });

  it('updateStakeholder changes only the given fields; concurrent patches both survive', async () => {
    const d = fresh();
    const a = await createAccount(d, { name: 'Acme' });
    const { stakeholder: s } = await upsertStakeholder(d, { accountId: a.id, name: 'Anna', role: 'champion', influence: 'high', notes: 'n', emails: ['a@acme.fr'] });
    await Promise.all([updateStakeholder(d, s.id, { title: 'CIO' }), updateStakeholder(d, s.id, { stance: 'supporter' })]);
    expect(await d.stakeholders.get(s.id)).toMatchObject({ name: 'Anna', title: 'CIO', stance: 'supporter', role: 'champion', influence: 'high', notes: 'n', emails: ['a@acme.fr'] });
    const u = await updateStakeholder(d, s.id, { linkedinUrl: 'https://www.linkedin.com/in/Anna/?x=1' });
    expect(u.linkedinUrl).toBe('https://www.linkedin.com/in/anna/');
    expect(await rejection(updateStakeholder(d, s.id, { reportsTo: s.id }))).toMatchObject({ code: 'validation', field: 'reportsTo' });
  });
});

describe('plans', () => {
  it('keeps one revision per change with its changed fields, none when nothing changed, and restores exactly', async () => {
    const d = fresh();
    const a = await createAccount(d, { name: 'Acme' });
    const p1 = await savePlan(d, a.id, { strategy: 'Land and expand', objectives: [{ id: 'o1', title: 'Win the tender' }] }, 1000);
    expect(p1.revision).toBe(1);
    const p2 = await savePlan(d, a.id, { context: 'Budget cut in 2026' }, 2000);
    expect(p2).toMatchObject({ revision: 2, strategy: 'Land and expand', context: 'Budget cut in 2026' });
    expect(p2.objectives).toHaveLength(1);

    // same values again: no new revision
    const p3 = await savePlan(d, a.id, { strategy: 'Land and expand', context: 'Budget cut in 2026' }, 3000);
    expect(p3.revision).toBe(2);
    expect(await d.planRevisions.count()).toBe(2);

    const p4 = await savePlan(d, a.id, { strategy: 'Defend', context: 'Budget cut in 2026' }, 4000);
    const revs = await d.planRevisions.where('accountId').equals(a.id).sortBy('revision');
    expect(revs.map((r) => [r.revision, r.changedFields])).toEqual([
      [1, ['objectives', 'strategy']],
      [2, ['context']],
      [3, ['strategy']],
    ]);
    expect(revs[2].before).toEqual(p2);

    // restore to the plan as it was before revision 2 (i.e. p1's content)
    const restored = await restorePlanRevision(d, revs[1].id, 5000);
    const fields = ['context', 'priorities', 'objectives', 'strategy', 'valueProposition', 'whitespace', 'risks', 'productFeedback', 'advocacy'] as const;
    for (const f of fields) expect(restored[f], f).toEqual(p1[f]);
    expect(restored.revision).toBe(p4.revision + 1);
    expect(await d.plans.get(p1.id)).toEqual(restored);
    expect(await d.plans.count()).toBe(1);
  });
});

describe('delete and undo', () => {
  it('deleteAccount removes everything attached; restoreAccountBundle brings it all back', async () => {
    const d = fresh();
    const a = await createAccount(d, { name: 'Acme', domains: ['acme.fr'] });
    const keep = await createAccount(d, { name: 'Keep' });
    for (const acc of [a, keep]) {
      await savePlan(d, acc.id, { strategy: 's' });
      await savePlan(d, acc.id, { strategy: 's2' });
      const { stakeholder } = await upsertStakeholder(d, { accountId: acc.id, name: 'Anna ' + acc.name });
      await addAction(d, { accountId: acc.id, stakeholderId: stakeholder.id, title: 'Call' });
      await addNote(d, { accountId: acc.id, body: 'Note', threadId: 't-' + acc.id });
      await setLink(d, { kind: 'domain', value: acc.name + '.example', accountId: acc.id, verdict: 'confirmed' });
    }
    const before = await dump(d);
    const bundle = await deleteAccount(d, a.id);
    expect(bundle.stakeholders).toHaveLength(1);
    expect(bundle.planRevisions).toHaveLength(2);
    for (const t of d.tables) {
      const rows = (await t.toArray()) as { id: string; accountId?: string }[];
      expect(rows.some((r) => r.id === a.id || r.accountId === a.id), t.name).toBe(false);
      expect(rows.length, t.name).toBeGreaterThan(0); // the other account's records stay
    }
    await restoreAccountBundle(d, bundle);
    expect(await dump(d)).toEqual(before);
  });
});

describe('actions', () => {
  it('updateAction sets doneAt when done, clears it when reopened, and other patches keep it', async () => {
    const d = fresh();
    const a = await createAccount(d, { name: 'Acme' });
    const act = await addAction(d, { accountId: a.id, title: 'Send proposal', dueAt: '2027-01-04', priority: 'high', kind: 'email' }, 1000);
    await d.actions.update(act.id, { notifiedAt: 5001 });
    const done = await updateAction(d, act.id, { status: 'done' }, 6000);
    expect(done).toMatchObject({ status: 'done', doneAt: 6000, priority: 'high', kind: 'email' });
    await updateAction(d, act.id, { title: 'Send the proposal' }, 7000);
    expect(await d.actions.get(act.id)).toMatchObject({ status: 'done', doneAt: 6000, priority: 'high', kind: 'email', notifiedAt: 5001 });
    const reopened = await updateAction(d, act.id, { status: 'open', dueAt: '2027-01-09' }, 8000);
    expect(reopened.doneAt).toBeUndefined();
    expect(reopened.notifiedAt).toBeUndefined();
    expect((await d.actions.get(act.id))!.doneAt).toBeUndefined();
  });
});

describe('setLink', () => {
  it('one confirmed account per key; rejections are per pair and replace the opposite verdict', async () => {
    const d = fresh();
    const a = await createAccount(d, { name: 'A' });
    const b = await createAccount(d, { name: 'B' });
    const links = async () => (await d.links.where('key').equals('domain:x.fr').toArray()).map((l) => `${l.accountId === a.id ? 'A' : 'B'}:${l.verdict}`).sort();

    await setLink(d, { kind: 'domain', value: 'x.fr', accountId: a.id, verdict: 'confirmed' });
    expect(await links()).toEqual(['A:confirmed']);
    await setLink(d, { kind: 'domain', value: 'x.fr', accountId: b.id, verdict: 'confirmed' });
    expect(await links()).toEqual(['B:confirmed']);
    await setLink(d, { kind: 'domain', value: 'x.fr', accountId: a.id, verdict: 'rejected' });
    expect(await links()).toEqual(['A:rejected', 'B:confirmed']);
    await setLink(d, { kind: 'domain', value: 'x.fr', accountId: a.id, verdict: 'rejected' });
    expect(await links()).toEqual(['A:rejected', 'B:confirmed']);
    await setLink(d, { kind: 'domain', value: 'x.fr', accountId: b.id, verdict: 'rejected' });
    expect(await links()).toEqual(['A:rejected', 'B:rejected']);
    await setLink(d, { kind: 'domain', value: 'x.fr', accountId: a.id, verdict: 'confirmed' });
    expect(await links()).toEqual(['A:confirmed', 'B:rejected']);
    expect(await rejection(setLink(d, { kind: 'domain', value: 'x.fr', accountId: 'ghost', verdict: 'confirmed' }))).toMatchObject({ code: 'not_found' });
  });
});
