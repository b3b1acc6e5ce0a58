import { afterEach, describe, expect, it } from 'vitest';
import { addDays, today } from '../../lib/dates/calendar-date';
import { createDb, type KalDb } from '../../lib/db/db';
import { buildReviewQueue, loadReviewQueue, sectionOf } from '../../lib/kam/review-queue';
import { DAY } from '../../lib/kam/red-flags';
import { loadSamplePortfolio } from '../../lib/sample/load';
import { samplePortfolio } from '../../lib/sample/portfolio';
import type { Account, Action, Stakeholder } from '../../lib/db/model';

const NOW = Date.UTC(2026, 2, 16, 9, 30);
let db: KalDb | undefined;
afterEach(() => {
  db?.close();
  db = undefined;
});

const acc = (id: string, over: Partial<Account> = {}): Account => ({
  id, name: id.toUpperCase(), nameKey: id, aliases: [], domains: [], linkedinUrls: [], tier: 'B',
  scores: { revenue: 0, potential: 0, growth: 0, strategicFit: 0, relationship: 0, access: 0 },
  currency: 'EUR', currentRevenue: 0, potentialRevenue: 0, reviewCadenceDays: 30, tags: [], createdAt: 0, updatedAt: 0, ...over,
});
const person = (id: string, accountId: string, over: Partial<Stakeholder> = {}): Stakeholder => ({
  id, accountId, name: id, nameKey: id, emails: [], role: 'user', influence: 'low', stance: 'neutral', relationship: 'good', notes: '', createdAt: 0, updatedAt: 0, lastContactAt: NOW, ...over,
});
const action = (id: string, accountId: string, dueAt: string | undefined, status: Action['status'] = 'open'): Action => ({
  id, accountId, title: id, dueAt, status, priority: 'normal', kind: 'task', source: 'dashboard', createdAt: 0, updatedAt: 0,
});

describe('review queue', () => {
  it('lists overdue actions oldest first with days late, skipping done/future/orphan ones', () => {
    const q = buildReviewQueue({
      accounts: [acc('a'), acc('b')],
      stakeholders: [],
      plans: [],
      overdue: [action('x', 'a', addDays(today(NOW), -2)), action('y', 'b', addDays(today(NOW), -10)), action('z', 'a', addDays(today(NOW), 1)), action('t', 'a', today(NOW)), action('w', 'a', addDays(today(NOW), -1), 'done'), action('o', 'gone', addDays(today(NOW), -1))],
      now: NOW,
    });
    expect(q.overdueActions.map((i) => [i.action.id, i.days, i.accountName])).toEqual([
      ['y', 10, 'B'],
      ['x', 2, 'A'],
    ]);
  });
  it('lists reviews due within the horizon, flagging the overdue ones', () => {
    const q = buildReviewQueue({
      accounts: [acc('a', { nextReviewAt: addDays(today(NOW), -1) }), acc('b', { nextReviewAt: addDays(today(NOW), 3) }), acc('c', { nextReviewAt: addDays(today(NOW), 30) }), acc('d')],
      stakeholders: [], plans: [], overdue: [], now: NOW,
    });
    expect(q.reviewsDue.map((r) => [r.accountId, r.overdue])).toEqual([['a', true], ['b', false]]);
    // review_due is not repeated as a red flag
    expect(q.flags.some((f) => f.flag.kind === 'review_due')).toBe(false);
  });
  it('turns red flags into items pointing at the section that fixes them, tier A first', () => {
    const q = buildReviewQueue({
      accounts: [acc('c', { tier: 'C' }), acc('a', { tier: 'A' })],
      stakeholders: [
        person('boss', 'a', { role: 'economic_buyer', influence: 'high', lastContactAt: NOW - 200 * DAY }),
        person('fan', 'a', { role: 'champion', title: 'CTO', capture: { title: 'Advisor', seenAt: NOW } }),
      ],
      plans: [], overdue: [], now: NOW, thresholds: { contactDays: 90, planDays: 90 },
    });
    const a = q.flags.filter((f) => f.accountId === 'a');
    expect(a.map((f) => f.flag.kind)).toEqual(['job_change', 'not_contacted', 'plan_stale']);
    expect(a.map((f) => f.section)).toEqual(['powermap', 'powermap', 'plan']);
    expect(q.flags[0].accountId).toBe('a');
    expect(q.flags.filter((f) => f.accountId === 'c').map((f) => f.flag.kind)).toEqual(['no_decision_maker', 'no_champion', 'plan_stale']);
    expect(new Set(q.flags.map((f) => f.key)).size).toBe(q.flags.length);
    expect(q.total).toBe(q.flags.length);
  });
  it('honours thresholds', () => {
    const input = {
      accounts: [acc('a')],
      stakeholders: [person('boss', 'a', { role: 'economic_buyer' as const, lastContactAt: NOW - 40 * DAY }), person('fan', 'a', { role: 'champion' as const })],
      plans: [],
      overdue: [],
      now: NOW,
    };
    expect(buildReviewQueue({ ...input, thresholds: { contactDays: 30, planDays: 90 } }).flags.some((f) => f.flag.kind === 'not_contacted')).toBe(true);
    expect(buildReviewQueue({ ...input, thresholds: { contactDays: 60, planDays: 90 } }).flags.some((f) => f.flag.kind === 'not_contacted')).toBe(false);
  });
  it('maps every flag kind to a section', () => {
    expect(sectionOf({ kind: 'review_due', dueAt: '2027-01-04' })).toBe('header');
    expect(sectionOf({ kind: 'plan_stale', days: 1 })).toBe('plan');
    expect(sectionOf({ kind: 'no_champion' })).toBe('powermap');
  });
  it('loads the sample portfolio queue from the database', async () => {
    db = createDb('rq-' + Math.random());
    await loadSamplePortfolio(db, NOW);
    const q = await loadReviewQueue(db, NOW);
    const sample = samplePortfolio(NOW);
    const expectedOverdue = sample.actions.filter((a) => a.status === 'open' && a.dueAt !== undefined && a.dueAt < today(NOW)).length;
    expect(q.overdueActions.length).toBe(expectedOverdue);
    expect(q.overdueActions.length).toBeGreaterThan(0);
    expect(q.total).toBeGreaterThan(q.overdueActions.length);
  });
});
