// "Overdue" means one thing everywhere (badge, reminders, popup, review queue, portfolio):
// an open action whose due time has passed.
import type { KalDb } from '../db/db';
import type { Action } from '../db/model';

export async function overdueActions(db: KalDb, now: number): Promise<Action[]> {
  return db.actions.where('[status+dueAt]').between(['open', 0], ['open', now], true, false).toArray();
}
