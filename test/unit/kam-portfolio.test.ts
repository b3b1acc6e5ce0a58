import type { PortfolioRow } from '../../lib/kam/portfolio';
import { afterEach, describe, expect, it } from 'vitest';
import { addDays, today } from '../../lib/dates/calendar-date';
import { createDb, type KalDb } from '../../lib/db/db';
import { loadPortfolio, queryRows, totals } from '../../lib/kam/portfolio';
import { loadSamplePortfolio } from '../../lib/sample/load';
import { samplePortfolio, DAY } from '../../lib/sample/portfolio';
import type { Account } from '../../lib/db/model';

const NOW = Date.UTC(2026, 2, 16, 9, 30);
let db: KalDb | undefined;
afterEach(() => {
  db?.close();
  db = undefined;
});

describe('portfolio rows', () => {
  it('counts open/overdue actions and coverage per account from the database', async () => {
    db = createDb('pf-' + Math.random());
    await loadSamplePortfolio(db, NOW);
    const rows = await loadPortfolio(db, NOW);
    const s = samplePortfolio(NOW);
    expect(rows).toHaveLength(s.accounts.length);
    for (const r of rows) {
      const open = s.actions.filter((a) => a.accountId === r.id && a.status === 'open');
      expect(r.openActions).toBe(open.length);
      expect(r.overdueActions).toBe(open.filter((a) => a.dueAt !== undefined && a.dueAt < today(NOW)).length);
      const people = s.stakeholders.filter((p) => p.accountId === r.id);
      expect(r.stakeholders).toBe(people.length);
      expect(r.noDecisionMaker).toBe(!people.some((p) => p.role === 'economic_buyer' || p.role === 'decision_maker'));
      expect(r.whitespace).toBe(Math.max(0, r.potentialRevenue - r.currentRevenue));
    }
  });

  it('searches, filters by tier, sorts both ways, and totals', async () => {
    db = createDb('pf-' + Math.random());
    await loadSamplePortfolio(db, NOW);
    const rows = await loadPortfolio(db, NOW);
    const byWs = queryRows(rows, { q: '', tiers: [], sort: 'whitespace', dir: 'desc' });
    expect(byWs.map((r) => r.whitespace)).toEqual([...byWs.map((r) => r.whitespace)].sort((a, b) => b - a));
    expect(queryRows(rows, { q: 'HEXAGONE', tiers: [], sort: 'name', dir: 'asc' }).map((r) => r.name)).toEqual(['Groupe Hexagone Distribution']);
    expect(queryRows(rows, { q: 'hexagone-distribution.fr', tiers: [], sort: 'name', dir: 'asc' })).toHaveLength(1);
    const a = queryRows(rows, { q: '', tiers: ['A'], sort: 'name', dir: 'asc' });
    expect(a.length).toBeGreaterThan(0);
    expect(a.every((r) => r.tier === 'A')).toBe(true);
    const renew = queryRows(rows, { q: '', tiers: [], sort: 'renewalAt', dir: 'asc' });
    const dated = renew.filter((r) => r.renewalAt !== undefined);
    expect(renew.slice(0, dated.length)).toEqual(dated);
    expect(totals(rows).accounts).toBe(rows.length);
  });

  it('totals amounts per currency: euros and pounds are never added up as one figure', () => {
    const row = (currency: string, currentRevenue: number, potentialRevenue: number, overdueActions = 0) => ({ currency, currentRevenue, potentialRevenue, whitespace: Math.max(0, potentialRevenue - currentRevenue), overdueActions }) as PortfolioRow;
    expect(totals([row('EUR', 100_000, 250_000, 2), row('GBP', 40_000, 30_000), row('EUR', 20_000, 20_000, 1), row('USD', 5, 10)])).toEqual({
      accounts: 4,
      overdueActions: 3,
      byCurrency: [
        { currency: 'EUR', accounts: 2, currentRevenue: 120_000, potentialRevenue: 270_000, whitespace: 150_000 },
        { currency: 'GBP', accounts: 1, currentRevenue: 40_000, potentialRevenue: 30_000, whitespace: 0 },
        { currency: 'USD', accounts: 1, currentRevenue: 5, potentialRevenue: 10, whitespace: 5 },
      ],
    });
    expect(totals([])).toEqual({ accounts: 0, overdueActions: 0, byCurrency: [] });
  });

  it('loads 10,000 accounts with their action counts', async () => {
    db = createDb('pf-' + Math.random());
    const accounts: Account[] = Array.from({ length: 10_000 }, (_, i) => ({
      id: `a${i}`, name: `Account ${i}`, nameKey: `account ${i}`, aliases: [], domains: [`a${i}.com`], linkedinUrls: [], tier: (['A', 'B', 'C', 'untiered'] as const)[i % 4],
      scores: { revenue: 1, potential: 2, growth: 3, strategicFit: 1, relationship: 2, access: 3 }, currency: 'EUR', currentRevenue: i, potentialRevenue: 2 * i, reviewCadenceDays: 30, tags: [], createdAt: 0, updatedAt: 0,
    }));
    await db.accounts.bulkAdd(accounts);
    await db.actions.bulkAdd(
      Array.from({ length: 20_000 }, (_, i) => ({ id: `x${i}`, accountId: `a${i % 10_000}`, title: 't', dueAt: i % 3 ? addDays(today(NOW), -1) : undefined, status: i % 5 ? 'open' : 'done', priority: 'normal', kind: 'task', source: 'dashboard', createdAt: 0, updatedAt: 0 }) as const),
    );
    const rows = await loadPortfolio(db, NOW);
    const q = queryRows(rows, { q: 'account 99', tiers: ['A', 'B'], sort: 'whitespace', dir: 'desc' });
    expect(rows).toHaveLength(10_000);
    expect(rows.reduce((n, r) => n + r.openActions, 0)).toBe(16_000);
    expect(q.length).toBeGreaterThan(0);
    // Speed at this scale is measured by `npm run bench` (portfolioMs10k), not asserted here.
  }, 30_000);
});
