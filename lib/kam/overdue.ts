// "Overdue" means one thing everywhere (badge, reminders, popup, review queue, portfolio): an
// open action whose due DATE is before today — it becomes overdue the day after it is due, at
// local midnight (lib/dates/calendar-date.ts isOverdue).
import type { KalDb } from '../db/db';
import type { Action } from '../db/model';
import type { CalendarDate } from '../dates/calendar-date';

/** Open actions due before `today` (YYYY-MM-DD), oldest first. */
export async function overdueActions(db: KalDb, today: CalendarDate): Promise<Action[]> {
  return db.actions.where('[status+dueAt]').between(['open', ''], ['open', today], true, false).toArray();
}

/** Open actions due on or before `day` (YYYY-MM-DD), oldest first: what is due by then. */
export async function actionsDueBy(db: KalDb, day: CalendarDate): Promise<Action[]> {
  return db.actions.where('[status+dueAt]').between(['open', ''], ['open', day], true, true).toArray();
}
