// The weekly review queue ("this week"): overdue actions, reviews due, and the red flags of every
// account, each item carrying where its fix is (account section, or "mark done"). Pure builder;
// loadReviewQueue reads what it needs in a few indexed queries.
import { overdueActions } from './overdue';
import type { KalDb } from '../db/db';
import type { Account, Action, Plan, Stakeholder } from '../db/model';
import { addDays, daysBetween, isCalendarDate, isOverdue, today as todayOf, type CalendarDate } from '../dates/calendar-date';
import { redFlags, type RedFlag, type RedFlagThresholds, DEFAULT_THRESHOLDS } from './red-flags';

/** Where on the account page the fix lives (element id of the section). */
export type FixSection = 'actions' | 'powermap' | 'plan' | 'header';

export type ReviewItem =
  | { kind: 'overdue_action'; key: string; accountId: string; accountName: string; action: Action; days: number }
  | { kind: 'review_due'; key: string; accountId: string; accountName: string; dueAt: CalendarDate; overdue: boolean }
  | { kind: 'flag'; key: string; accountId: string; accountName: string; flag: RedFlag; section: FixSection };

export interface ReviewInput {
  accounts: Account[];
  stakeholders: Stakeholder[];
  plans: Plan[];
  /** open actions with a due date before today */
  overdue: Action[];
  /** the clock (epoch ms); "today" is its day in `timeZone` (default: the user's) */
  now: number;
  timeZone?: string;
  thresholds?: RedFlagThresholds;
  /** reviews due within this many days count as due "this week" */
  horizonDays?: number;
}

export function sectionOf(flag: RedFlag): FixSection {
  switch (flag.kind) {
    case 'no_decision_maker':
    case 'no_champion':
    case 'not_contacted':
    case 'job_change':
      return 'powermap';
    case 'plan_stale':
      return 'plan';
    case 'review_due':
      return 'header';
  }
}

const FLAG_RANK: Record<RedFlag['kind'], number> = { job_change: 0, no_decision_maker: 1, no_champion: 2, not_contacted: 3, plan_stale: 4, review_due: 5 };
const TIER_RANK = { A: 0, B: 1, C: 2, untiered: 3 } as const;

export interface ReviewQueue {
  overdueActions: Extract<ReviewItem, { kind: 'overdue_action' }>[];
  reviewsDue: Extract<ReviewItem, { kind: 'review_due' }>[];
  flags: Extract<ReviewItem, { kind: 'flag' }>[];
  total: number;
}

export function buildReviewQueue(input: ReviewInput): ReviewQueue {
  const { now } = input;
  const t = input.thresholds ?? DEFAULT_THRESHOLDS;
  const today = todayOf(now, input.timeZone);
  const horizon = addDays(today, input.horizonDays ?? 7);
  const byId = new Map(input.accounts.map((a) => [a.id, a]));
  const people = new Map<string, Stakeholder[]>();
  for (const s of input.stakeholders) (people.get(s.accountId) ?? people.set(s.accountId, []).get(s.accountId)!).push(s);
  const plans = new Map(input.plans.map((p) => [p.accountId, p]));

  const overdueActions = input.overdue
    // a due date an older version stored out of range is no date: not listed (the account page shows it as "—")
    .filter((a) => a.status === 'open' && isCalendarDate(a.dueAt) && isOverdue(a.dueAt, today) && byId.has(a.accountId))
    .sort((a, b) => a.dueAt!.localeCompare(b.dueAt!))
    .map((a) => ({
      kind: 'overdue_action' as const,
      key: `action:${a.id}`,
      accountId: a.accountId,
      accountName: byId.get(a.accountId)!.name,
      action: a,
      days: daysBetween(a.dueAt!, today),
    }));

  const reviewsDue = input.accounts
    .filter((a) => a.nextReviewAt !== undefined && a.nextReviewAt <= horizon)
    .sort((a, b) => a.nextReviewAt!.localeCompare(b.nextReviewAt!))
    .map((a) => ({ kind: 'review_due' as const, key: `review:${a.id}`, accountId: a.id, accountName: a.name, dueAt: a.nextReviewAt!, overdue: isOverdue(a.nextReviewAt, today) }));

  const flags: ReviewQueue['flags'] = [];
  const sorted = [...input.accounts].sort((a, b) => TIER_RANK[a.tier] - TIER_RANK[b.tier] || a.name.localeCompare(b.name));
  for (const a of sorted) {
    const fs = redFlags(a, people.get(a.id) ?? [], plans.get(a.id), now, t)
      // review_due is already listed in reviewsDue
      .filter((f) => f.kind !== 'review_due')
      .sort((x, y) => FLAG_RANK[x.kind] - FLAG_RANK[y.kind]);
    for (const f of fs) {
      const who = 'stakeholderId' in f ? `:${f.stakeholderId}` : '';
      flags.push({ kind: 'flag', key: `flag:${a.id}:${f.kind}${who}`, accountId: a.id, accountName: a.name, flag: f, section: sectionOf(f) });
    }
  }
  return { overdueActions, reviewsDue, flags, total: overdueActions.length + reviewsDue.length + flags.length };
}

export async function loadReviewQueue(db: KalDb, now: number, thresholds?: RedFlagThresholds): Promise<ReviewQueue> {
  return db.transaction('r', [db.accounts, db.stakeholders, db.plans, db.actions], async () => {
    const [accounts, stakeholders, plans, overdue] = await Promise.all([
      db.accounts.toArray(),
      db.stakeholders.toArray(),
      db.plans.toArray(),
      overdueActions(db, todayOf(now)),
    ]);
    return buildReviewQueue({ accounts, stakeholders, plans, overdue, now, thresholds });
  });
}
