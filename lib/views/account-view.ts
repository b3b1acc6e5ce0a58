// Everything the sidebar shows about one account, read through indexes in one transaction.
import type { KalDb } from '../db/db';
import type { Action, Note } from '../db/model';
import type { AccountView } from '../messaging/protocol';
import { redFlags, type RedFlagThresholds } from '../kam/red-flags';
import { compareDays } from '../dates/calendar-date';

export const RECENT_NOTES = 20;

/** Open actions: overdue first (oldest first), then upcoming by date, then undated. */
export function sortActions(actions: Action[]): Action[] {
  return [...actions].sort((a, b) => compareDays(a.dueAt, b.dueAt) || a.createdAt - b.createdAt);
}

export async function buildAccountView(
  db: KalDb,
  accountId: string,
  opts: { threadId?: string; now?: number; thresholds?: RedFlagThresholds } = {},
): Promise<AccountView | null> {
  const now = opts.now ?? Date.now();
  return db.transaction('r', [db.accounts, db.plans, db.stakeholders, db.actions, db.notes], async () => {
    const account = await db.accounts.get(accountId);
    if (!account) return null;
    const [plan, stakeholders, actions, recent, threadNotes] = await Promise.all([
      db.plans.where('accountId').equals(accountId).first(),
      db.stakeholders.where('accountId').equals(accountId).toArray(),
      db.actions.where('[accountId+status]').equals([accountId, 'open']).toArray(),
      db.notes.where('[accountId+createdAt]').between([accountId, -Infinity], [accountId, Infinity]).reverse().limit(RECENT_NOTES).toArray(),
      opts.threadId ? db.notes.where('threadId').equals(opts.threadId).toArray() : Promise.resolve([] as Note[]),
    ]);
    const thread = threadNotes.filter((n) => n.accountId === accountId).sort((a, b) => b.createdAt - a.createdAt);
    const seen = new Set(thread.map((n) => n.id));
    return {
      account,
      plan,
      stakeholders: stakeholders.sort((a, b) => a.name.localeCompare(b.name)),
      actions: sortActions(actions),
      notes: [...thread, ...recent.filter((n) => !seen.has(n.id))],
      redFlags: redFlags(account, stakeholders, plan, now, opts.thresholds),
    };
  });
}
