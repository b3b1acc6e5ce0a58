import { getDb } from '@/lib/db/db';
import type { Account, Action, Note, Plan, PlanRevision, Stakeholder } from '@/lib/db/model';
import { useDbQuery } from '../../useDbQuery';

export interface AccountData {
  account: Account;
  plan?: Plan;
  stakeholders: Stakeholder[];
  actions: Action[];
  notes: Note[];
  revisions: PlanRevision[];
}

/** Everything about one account, through its indexes, in one read transaction; null if gone. */
export function useAccountData(id: string) {
  return useDbQuery(async (): Promise<AccountData | null> => {
    const db = getDb();
    return db.transaction('r', [db.accounts, db.plans, db.stakeholders, db.actions, db.notes, db.planRevisions], async () => {
      const account = await db.accounts.get(id);
      if (!account) return null;
      const [plan, stakeholders, actions, notes, revisions] = await Promise.all([
        db.plans.where('accountId').equals(id).first(),
        db.stakeholders.where('accountId').equals(id).sortBy('name'),
        db.actions.where('accountId').equals(id).toArray(),
        db.notes.where('[accountId+createdAt]').between([id, -Infinity], [id, Infinity]).reverse().toArray(),
        db.planRevisions.where('[accountId+revision]').between([id, -Infinity], [id, Infinity]).reverse().toArray(),
      ]);
      return { account, plan, stakeholders, actions, notes, revisions };
    });
  }, [id]);
}
