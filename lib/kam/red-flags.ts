// Red flags a KAM method looks for on an account (KAM-DOMAIN.md "power map"). Pure: the sidebar,
// the dashboard and the review queue all compute them the same way.
import type { Account, Plan, Stakeholder } from '../db/model';
import { isDue, today, type CalendarDate } from '../dates/calendar-date';

/** Elapsed time between two instants (last contact, plan update) — not for calendar dates. */
export const DAY = 24 * 60 * 60 * 1000;

export type RedFlag =
  | { kind: 'no_decision_maker' }
  | { kind: 'no_champion' }
  | { kind: 'not_contacted'; stakeholderId: string; name: string; days: number | null }
  | { kind: 'job_change'; stakeholderId: string; name: string }
  | { kind: 'plan_stale'; days: number | null }
  | { kind: 'review_due'; dueAt: CalendarDate };

export interface RedFlagThresholds {
  contactDays: number;
  planDays: number;
}
export const DEFAULT_THRESHOLDS: RedFlagThresholds = { contactDays: 90, planDays: 90 };

export function hasJobChange(s: Stakeholder): boolean {
  const c = s.capture;
  if (!c) return false;
  return !!(c.title && s.title && !sameTitle(c.title, s.title)) || !!c.companyChanged;
}

/** Titles compare case- and spacing-insensitively (the sidebar warning and this flag agree). */
export function sameTitle(a: string, b: string): boolean {
  const norm = (x: string) => x.trim().toLowerCase().replace(/\s+/g, ' ');
  return norm(a) === norm(b);
}

export function redFlags(account: Account, stakeholders: Stakeholder[], plan: Plan | undefined, now: number, t: RedFlagThresholds = DEFAULT_THRESHOLDS): RedFlag[] {
  const flags: RedFlag[] = [];
  if (!stakeholders.some((s) => s.role === 'economic_buyer' || s.role === 'decision_maker')) flags.push({ kind: 'no_decision_maker' });
  if (!stakeholders.some((s) => s.role === 'champion' || s.stance === 'champion')) flags.push({ kind: 'no_champion' });
  for (const s of stakeholders) {
    const key = s.influence === 'high' || s.role === 'economic_buyer' || s.role === 'decision_maker' || s.role === 'champion' || s.role === 'sponsor';
    if (key && (!s.lastContactAt || now - s.lastContactAt > t.contactDays * DAY)) {
      flags.push({ kind: 'not_contacted', stakeholderId: s.id, name: s.name, days: s.lastContactAt ? Math.floor((now - s.lastContactAt) / DAY) : null });
    }
    if (hasJobChange(s)) flags.push({ kind: 'job_change', stakeholderId: s.id, name: s.name });
  }
  if (!plan || now - plan.updatedAt > t.planDays * DAY) flags.push({ kind: 'plan_stale', days: plan ? Math.floor((now - plan.updatedAt) / DAY) : null });
  // Due on its day (local), overdue from the next (lib/dates/calendar-date.ts).
  if (isDue(account.nextReviewAt, today(now))) flags.push({ kind: 'review_due', dueAt: account.nextReviewAt! });
  return flags;
}
