import { describe, expect, it } from 'vitest';
import { addDays, today } from '../../lib/dates/calendar-date';
import { createDb } from '../../lib/db/db';
import { addAction, createAccount, updateAction, updateAccount } from '../../lib/db/repo';
import { dueReminders } from '../../lib/background/reminders';

const DAY = 86_400_000;
const NOW = Date.UTC(2026, 10, 26, 12);

describe('reminders', () => {
  it('notifies each overdue action and each due review once, and again when the date moves', async () => {
    const db = createDb(`t-${crypto.randomUUID()}`);
    const acc = await createAccount(db, { name: 'Hexagone', nextReviewAt: addDays(today(NOW), -1) }, NOW);
    const late = await addAction(db, { accountId: acc.id, title: 'Relancer Marc', dueAt: addDays(today(NOW), -2) }, NOW);
    await addAction(db, { accountId: acc.id, title: 'Later', dueAt: addDays(today(NOW), 3) }, NOW);
    const done = await addAction(db, { accountId: acc.id, title: 'Done one', dueAt: addDays(today(NOW), -1) }, NOW);
    await updateAction(db, done.id, { status: 'done' }, NOW);

    const first = await dueReminders(db, NOW, {});
    expect(first.reminders.map((r) => r.id).sort()).toEqual([`action:${late.id}`, `review:${acc.id}`].sort());
    expect(first.reminders.find((r) => r.id === `action:${late.id}`)).toMatchObject({ title: 'Hexagone', message: 'Relancer Marc' });

    // Remember them as the background does: nothing new the next time.
    await db.actions.update(late.id, { notifiedAt: NOW });
    expect((await dueReminders(db, NOW, first.reviews)).reminders).toEqual([]);

    // Moving the due date or the review date makes them due again.
    await updateAction(db, late.id, { dueAt: addDays(today(NOW), -1) }, NOW);
    await updateAccount(db, acc.id, { nextReviewAt: today(NOW) }, NOW);
    expect((await dueReminders(db, NOW, first.reviews)).reminders).toHaveLength(2);
  });
});
