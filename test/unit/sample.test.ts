import { afterEach, describe, expect, it } from 'vitest';
import { addDays, today } from '../../lib/dates/calendar-date';
import { createDb, type KalDb } from '../../lib/db/db';
import { accountSchema, actionSchema, noteSchema, planSchema, stakeholderSchema } from '../../lib/db/model';
import { redFlags } from '../../lib/kam/red-flags';
import { nameKey, personKey } from '../../lib/match/normalize';
import { loadSamplePortfolio } from '../../lib/sample/load';
import { DAY, sampleAccountId, samplePortfolio, type SampleData } from '../../lib/sample/portfolio';

const NOW = Date.UTC(2026, 2, 16, 9, 30);
const HEXAGONE = 'sample-acc-hexagone';
const POLARIS = 'sample-acc-polaris';

let db: KalDb | undefined;
afterEach(async () => {
  db?.close();
  db = undefined;
});
function freshDb(): KalDb {
  db = createDb('test-' + Math.random());
  return db;
}

async function counts(d: KalDb) {
  return {
    accounts: await d.accounts.count(),
    plans: await d.plans.count(),
    stakeholders: await d.stakeholders.count(),
    actions: await d.actions.count(),
    notes: await d.notes.count(),
  };
}
const sizes = (s: SampleData) => ({
  accounts: s.accounts.length,
  plans: s.plans.length,
  stakeholders: s.stakeholders.length,
  actions: s.actions.length,
  notes: s.notes.length,
});

describe('samplePortfolio', () => {
  const data = samplePortfolio(NOW);

  it('is deterministic, with unique fixed ids', () => {
    expect(samplePortfolio(NOW)).toEqual(data);
    const ids = [...data.accounts, ...data.stakeholders, ...data.actions, ...data.notes].map((r) => r.id);
    expect(new Set(ids).size).toBe(ids.length);
    // A plan's id is its account's (lib/db/ids.ts), unique within the plans table.
    expect(data.plans.map((p) => p.id)).toEqual(data.plans.map((p) => p.accountId));
    expect(new Set(data.plans.map((p) => p.id)).size).toBe(data.plans.length);
    for (const id of ids) expect(id.startsWith('sample-')).toBe(true);
    expect(data.accounts.length).toBeGreaterThanOrEqual(6);
    expect(data.accounts.length).toBeLessThanOrEqual(8);
  });

  it('builds records that pass their schemas unchanged', () => {
    for (const r of data.accounts) expect(accountSchema.parse(r)).toEqual(r);
    for (const r of data.plans) expect(planSchema.parse(r)).toEqual(r);
    for (const r of data.stakeholders) expect(stakeholderSchema.parse(r)).toEqual(r);
    for (const r of data.actions) expect(actionSchema.parse(r)).toEqual(r);
    for (const r of data.notes) expect(noteSchema.parse(r)).toEqual(r);
  });

  it('uses derived name keys and canonical LinkedIn URLs and domains', () => {
    for (const a of data.accounts) {
      expect(a.nameKey).toBe(nameKey(a.name));
      for (const u of a.linkedinUrls) expect(u).toMatch(/^https:\/\/www\.linkedin\.com\/company\/[a-z0-9-]+\/$/);
      for (const d of a.domains) expect(d).toMatch(/^[a-z0-9-]+\.[a-z]+$/);
    }
    for (const s of data.stakeholders) {
      expect(s.nameKey).toBe(personKey(s.name));
      if (s.linkedinUrl) expect(s.linkedinUrl).toMatch(/^https:\/\/www\.linkedin\.com\/in\/[a-z0-9-]+\/$/);
    }
    const urls = data.stakeholders.flatMap((s) => (s.linkedinUrl ? [s.linkedinUrl] : []));
    expect(new Set(urls).size).toBe(urls.length);
  });

  it('has one plan per account at most, and an account with neither plan nor stakeholders', () => {
    const planAccounts = data.plans.map((p) => p.accountId);
    expect(new Set(planAccounts).size).toBe(planAccounts.length);
    const bare = data.accounts.filter((a) => !planAccounts.includes(a.id) && !data.stakeholders.some((s) => s.accountId === a.id));
    expect(bare.length).toBeGreaterThanOrEqual(1);
  });

  it('keeps dates relative to now', () => {
    const later = samplePortfolio(NOW + 10 * DAY);
    const claire = (d: SampleData) => d.stakeholders.find((s) => s.id === 'sample-stk-claire-martin')!;
    expect(claire(data).lastContactAt).toBe(NOW - 20 * DAY);
    expect(claire(later).lastContactAt).toBe(NOW - 10 * DAY);
    const polaris = data.accounts.find((a) => a.id === POLARIS)!;
    expect(polaris.renewalAt).toBe(addDays(today(NOW), 45));
  });

  it('shows the intended red flags', () => {
    const flagsOf = (accountId: string) =>
      redFlags(
        data.accounts.find((a) => a.id === accountId)!,
        data.stakeholders.filter((s) => s.accountId === accountId),
        data.plans.find((p) => p.accountId === accountId),
        NOW,
      ).map((f) => f.kind);
    const polaris = flagsOf(POLARIS);
    expect(polaris).toContain('no_champion');
    expect(polaris).toContain('job_change');
    expect(polaris).toContain('review_due');
    const hexagone = flagsOf(HEXAGONE);
    expect(hexagone).not.toContain('no_champion');
    expect(hexagone).not.toContain('no_decision_maker');
    expect(hexagone).not.toContain('review_due');
  });

  it('gives Hexagone a whitespace grid whose "ours" cells add up to current revenue', () => {
    const acc = data.accounts.find((a) => a.id === HEXAGONE)!;
    const plan = data.plans.find((p) => p.accountId === HEXAGONE)!;
    const ours = plan.whitespace.filter((c) => c.status === 'ours').reduce((t, c) => t + (c.value ?? 0), 0);
    expect(ours).toBe(acc.currentRevenue);
    const total = plan.whitespace.reduce((t, c) => t + (c.value ?? 0), 0);
    expect(total).toBe(acc.potentialRevenue);
    expect(new Set(plan.whitespace.map((c) => c.status))).toEqual(new Set(['ours', 'competitor', 'in_house', 'none', 'unknown']));
  });
});

describe('loadSamplePortfolio', () => {
  it('loads everything, and loading twice (even days later) duplicates nothing', async () => {
    const d = freshDb();
    const data = samplePortfolio(NOW);
    expect(await loadSamplePortfolio(d, NOW)).toBe(data.accounts.length);
    const first = await counts(d);
    expect(first).toEqual(sizes(data));
    expect(await loadSamplePortfolio(d, NOW)).toBe(data.accounts.length);
    expect(await counts(d)).toEqual(first);
    expect(await loadSamplePortfolio(d, NOW + 3 * DAY)).toBe(data.accounts.length);
    expect(await counts(d)).toEqual(first);
  });

  it('stores records that validate against their schemas', async () => {
    const d = freshDb();
    await loadSamplePortfolio(d, NOW);
    for (const r of await d.accounts.toArray()) expect(accountSchema.safeParse(r).success).toBe(true);
    for (const r of await d.plans.toArray()) expect(planSchema.safeParse(r).success).toBe(true);
    for (const r of await d.stakeholders.toArray()) expect(stakeholderSchema.safeParse(r).success).toBe(true);
    for (const r of await d.actions.toArray()) expect(actionSchema.safeParse(r).success).toBe(true);
    for (const r of await d.notes.toArray()) expect(noteSchema.safeParse(r).success).toBe(true);
  });

  it('has overdue, upcoming and done actions for Hexagone', async () => {
    const d = freshDb();
    await loadSamplePortfolio(d, NOW);
    const overdue = await d.actions.where('[status+dueAt]').between(['open', ''], ['open', today(NOW)], true, false).toArray();
    const hexOverdue = overdue.filter((a) => a.accountId === HEXAGONE);
    expect(hexOverdue).toHaveLength(2);
    const hex = await d.actions.where('accountId').equals(HEXAGONE).toArray();
    expect(hex.filter((a) => a.status === 'open' && a.dueAt! > today(NOW))).toHaveLength(2);
    const done = hex.filter((a) => a.status === 'done');
    expect(done).toHaveLength(1);
    expect(done[0].doneAt).toBeDefined();
  });

  it('finds Claire Martin by the linkedinUrl index, and the renewal thread note by threadId', async () => {
    const d = freshDb();
    await loadSamplePortfolio(d, NOW);
    const claire = await d.stakeholders.where('linkedinUrl').equals('https://www.linkedin.com/in/claire-martin-achats/').first();
    expect(claire).toMatchObject({
      id: 'sample-stk-claire-martin',
      accountId: HEXAGONE,
      name: 'Claire Martin',
      title: 'Directrice des Achats',
      role: 'economic_buyer',
      influence: 'high',
      stance: 'supporter',
      emails: ['claire.martin@hexagone-distribution.fr'],
      lastContactAt: NOW - 20 * DAY,
    });
    const byEmail = await d.stakeholders.where('emails').equals('claire.martin@hexagone-distribution.fr').first();
    expect(byEmail?.id).toBe('sample-stk-claire-martin');
    const thread = await d.notes.where('threadId').equals('18e21f0b9a3c4d05').toArray();
    expect(thread).toHaveLength(1);
    expect(thread[0].source).toEqual({
      site: 'gmail',
      subject: 'Renouvellement contrat 2027 – Hexagone',
      url: 'https://mail.google.com/mail/u/0/#inbox/FMfcgzQZTxyz',
    });
    const lukas = await d.stakeholders.where('linkedinUrl').equals('https://www.linkedin.com/in/lukas-becker/').first();
    expect(lukas?.accountId).toBe('sample-acc-nordlicht');
  });

  it('finds accounts by domain and LinkedIn company page', async () => {
    const d = freshDb();
    await loadSamplePortfolio(d, NOW);
    expect((await d.accounts.where('domains').equals('hexagone-distribution.fr').first())?.id).toBe(HEXAGONE);
    expect((await d.accounts.where('linkedinUrls').equals('https://www.linkedin.com/company/groupe-hexagone-distribution/').first())?.id).toBe(HEXAGONE);
    expect((await d.accounts.where('domains').equals('polaris-energy.se').first())?.id).toBe(POLARIS);
  });

  it('points every reference at an existing record', async () => {
    const d = freshDb();
    await loadSamplePortfolio(d, NOW);
    const accounts = new Set((await d.accounts.toArray()).map((a) => a.id));
    const stakeholders = await d.stakeholders.toArray();
    const byId = new Map(stakeholders.map((s) => [s.id, s]));
    for (const s of stakeholders) {
      expect(accounts.has(s.accountId)).toBe(true);
      if (s.reportsTo) {
        expect(s.reportsTo).not.toBe(s.id);
        expect(byId.get(s.reportsTo)?.accountId).toBe(s.accountId);
      }
    }
    for (const r of [...(await d.plans.toArray()), ...(await d.actions.toArray()), ...(await d.notes.toArray())]) {
      expect(accounts.has(r.accountId)).toBe(true);
    }
    for (const r of [...(await d.actions.toArray()), ...(await d.notes.toArray())]) {
      if (r.stakeholderId) expect(byId.get(r.stakeholderId)?.accountId).toBe(r.accountId);
    }
  });

  it('does not fail when a LinkedIn profile of the sample is already saved under another id', async () => {
    const d = freshDb();
    const mine = samplePortfolio(NOW).stakeholders.find((s) => s.id === 'sample-stk-claire-martin')!;
    await d.stakeholders.put({ ...mine, id: 'my-own-claire' });
    await loadSamplePortfolio(d, NOW);
    expect((await d.stakeholders.where('linkedinUrl').equals(mine.linkedinUrl!).first())?.id).toBe('my-own-claire');
    expect(await d.stakeholders.get('sample-stk-claire-martin')).toBeDefined();
  });

  it('keeps records the user added to sample accounts, and the plan revision counter', async () => {
    const d = freshDb();
    await loadSamplePortfolio(d, NOW);
    await d.actions.put(actionSchema.parse({ id: 'mine', accountId: HEXAGONE, title: 'Mine', createdAt: NOW, updatedAt: NOW }));
    await d.plans.update(sampleAccountId('hexagone'), { revision: 4 });
    await loadSamplePortfolio(d, NOW);
    expect(await d.actions.get('mine')).toBeDefined();
    expect((await d.plans.get(sampleAccountId('hexagone')))?.revision).toBe(4);
  });
});
