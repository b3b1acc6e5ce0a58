// Portfolio rows: one per account with the figures the portfolio table shows. The loader reads
// everything in a constant number of indexed queries (not one per account), so 10,000 accounts
// stay fast; sorting/filtering are pure.
import { compareDays, isOverdue, today } from '../dates/calendar-date';
import type { KalDb } from '../db/db';
import type { Account, Action, Stakeholder, Tier } from '../db/model';

export interface PortfolioRow {
  id: string;
  name: string;
  nameLower: string;
  tier: Tier;
  currency: string;
  currentRevenue: number;
  potentialRevenue: number;
  whitespace: number;
  /** YYYY-MM-DD */
  renewalAt?: string;
  /** YYYY-MM-DD */
  nextReviewAt?: string;
  openActions: number;
  overdueActions: number;
  stakeholders: number;
  noDecisionMaker: boolean;
  noChampion: boolean;
  domains: string[];
  /** false while the per-account counts and coverage are still being computed */
  statsReady: boolean;
}

export interface Coverage {
  count: number;
  decisionMaker: boolean;
  champion: boolean;
}

export function coverageByAccount(stakeholders: Pick<Stakeholder, 'accountId' | 'role' | 'stance'>[]): Map<string, Coverage> {
  const m = new Map<string, Coverage>();
  for (const s of stakeholders) {
    let c = m.get(s.accountId);
    if (!c) m.set(s.accountId, (c = { count: 0, decisionMaker: false, champion: false }));
    c.count++;
    if (s.role === 'economic_buyer' || s.role === 'decision_maker') c.decisionMaker = true;
    if (s.role === 'champion' || s.stance === 'champion') c.champion = true;
  }
  return m;
}

export function actionCountsByAccount(openActions: Pick<Action, 'accountId' | 'dueAt' | 'status'>[], now: number): Map<string, { open: number; overdue: number }> {
  const m = new Map<string, { open: number; overdue: number }>();
  const day = today(now);
  for (const a of openActions) {
    if (a.status !== 'open') continue;
    let c = m.get(a.accountId);
    if (!c) m.set(a.accountId, (c = { open: 0, overdue: 0 }));
    c.open++;
    if (isOverdue(a.dueAt, day)) c.overdue++;
  }
  return m;
}

export function buildRows(accounts: Account[], actions: Map<string, { open: number; overdue: number }>, coverage: Map<string, Coverage>, statsReady = true): PortfolioRow[] {
  return accounts.map((a) => {
    const ac = actions.get(a.id);
    const cv = coverage.get(a.id);
    return {
      id: a.id,
      name: a.name,
      nameLower: `${a.name} ${a.aliases.join(' ')} ${a.domains.join(' ')} ${a.tags.join(' ')}`.toLowerCase(),
      tier: a.tier,
      currency: a.currency,
      currentRevenue: a.currentRevenue,
      potentialRevenue: a.potentialRevenue,
      whitespace: Math.max(0, a.potentialRevenue - a.currentRevenue),
      renewalAt: a.renewalAt,
      nextReviewAt: a.nextReviewAt,
      openActions: ac?.open ?? 0,
      overdueActions: ac?.overdue ?? 0,
      stakeholders: cv?.count ?? 0,
      noDecisionMaker: !cv?.decisionMaker,
      noChampion: !cv?.champion,
      domains: a.domains,
      statsReady,
    };
  });
}

export interface PortfolioStats {
  actions: Map<string, { open: number; overdue: number }>;
  coverage: Map<string, Coverage>;
}

/**
 * The accounts alone (no counts yet), so the table shows at once. With `limit`, only the first
 * rows in name order, through the name index: what the first screen shows, read in milliseconds.
 */
export async function loadAccountRows(db: KalDb, limit?: number): Promise<PortfolioRow[]> {
  const accounts = limit ? await db.accounts.orderBy('name').limit(limit).toArray() : await db.accounts.toArray();
  return buildRows(accounts, new Map(), new Map(), false);
}

/**
 * Second phase: per-account counts from two whole-table reads (one getAll each, no per-account
 * queries). Measured at 10k accounts / 50k actions / 100k stakeholders: a cursor over index keys
 * cost more than reading the records with getAll.
 */
export async function loadPortfolioStats(db: KalDb, now = Date.now()): Promise<PortfolioStats> {
  return db.transaction('r', [db.actions, db.stakeholders], async () => {
    const [actions, stakeholders] = await Promise.all([db.actions.toArray(), db.stakeholders.toArray()]);
    return { actions: actionCountsByAccount(actions, now), coverage: coverageByAccount(stakeholders) };
  });
}

export function withStats(rows: PortfolioRow[], stats: PortfolioStats): PortfolioRow[] {
  return rows.map((r) => {
    const ac = stats.actions.get(r.id);
    const cv = stats.coverage.get(r.id);
    return { ...r, openActions: ac?.open ?? 0, overdueActions: ac?.overdue ?? 0, stakeholders: cv?.count ?? 0, noDecisionMaker: !cv?.decisionMaker, noChampion: !cv?.champion, statsReady: true };
  });
}

/** Both phases at once (tests, exports). */
export async function loadPortfolio(db: KalDb, now = Date.now()): Promise<PortfolioRow[]> {
  const [rows, stats] = await Promise.all([loadAccountRows(db), loadPortfolioStats(db, now)]);
  return withStats(rows, stats);
}

export type SortKey = 'name' | 'tier' | 'currentRevenue' | 'potentialRevenue' | 'whitespace' | 'renewalAt' | 'nextReviewAt' | 'openActions' | 'overdueActions' | 'coverage';
export interface PortfolioQuery {
  q: string;
  tiers: Tier[]; // empty = all
  sort: SortKey;
  dir: 'asc' | 'desc';
  flaggedOnly?: boolean;
}

const TIER_RANK: Record<Tier, number> = { A: 0, B: 1, C: 2, untiered: 3 };

function cmp(a: PortfolioRow, b: PortfolioRow, key: SortKey): number {
  switch (key) {
    case 'name':
      return a.name.localeCompare(b.name);
    case 'tier':
      return TIER_RANK[a.tier] - TIER_RANK[b.tier];
    case 'renewalAt':
    case 'nextReviewAt':
      // undated last in ascending order
      return compareDays(a[key], b[key]);
    case 'coverage':
      return Number(a.noDecisionMaker) + Number(a.noChampion) - (Number(b.noDecisionMaker) + Number(b.noChampion));
    default:
      return a[key] - b[key];
  }
}

export function queryRows(rows: PortfolioRow[], q: PortfolioQuery): PortfolioRow[] {
  const needle = q.q.trim().toLowerCase();
  const tiers = new Set(q.tiers);
  const out = rows.filter(
    (r) => (!needle || r.nameLower.includes(needle)) && (tiers.size === 0 || tiers.has(r.tier)) && (!q.flaggedOnly || r.noDecisionMaker || r.noChampion || r.overdueActions > 0),
  );
  const sign = q.dir === 'asc' ? 1 : -1;
  return out.sort((a, b) => sign * cmp(a, b, q.sort) || a.name.localeCompare(b.name));
}

/** One currency's sums (amounts in that currency: no conversion — all data is local, no rates). */
export interface MoneyTotals {
  currency: string;
  accounts: number;
  currentRevenue: number;
  potentialRevenue: number;
  whitespace: number;
}

export interface PortfolioTotals {
  accounts: number;
  overdueActions: number;
  /** per currency (accounts imported with $, £ and € are never added up as one), most accounts first, then by code */
  byCurrency: MoneyTotals[];
}
export function totals(rows: PortfolioRow[]): PortfolioTotals {
  const money = new Map<string, MoneyTotals>();
  let overdueActions = 0;
  for (const r of rows) {
    overdueActions += r.overdueActions;
    const m = money.get(r.currency) ?? { currency: r.currency, accounts: 0, currentRevenue: 0, potentialRevenue: 0, whitespace: 0 };
    m.accounts++;
    m.currentRevenue += r.currentRevenue;
    m.potentialRevenue += r.potentialRevenue;
    m.whitespace += r.whitespace;
    money.set(r.currency, m);
  }
  const byCurrency = [...money.values()].sort((a, b) => b.accounts - a.accounts || (a.currency < b.currency ? -1 : 1));
  return { accounts: rows.length, overdueActions, byCurrency };
}
