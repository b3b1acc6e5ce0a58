// Reminders: the toolbar badge shows the overdue count; due actions raise one notification each.
import { browser } from 'wxt/browser';
import type { KalDb } from '../db/db';
import { onEvent } from '../messaging/client';

const ALARM = 'kal-reminders';

export async function overdueActions(db: KalDb, now: number) {
  return db.actions.where('[status+dueAt]').between(['open', 0], ['open', now], true, true).toArray();
}

export async function refreshBadge(db: KalDb, now = Date.now()): Promise<number> {
  const n = (await overdueActions(db, now)).length;
  await browser.action.setBadgeText({ text: n ? String(Math.min(n, 999)) : '' });
  await browser.action.setBadgeBackgroundColor({ color: '#dc2626' });
  return n;
}

async function notifyDue(db: KalDb, now = Date.now()) {
  const due = (await overdueActions(db, now)).filter((a) => !a.notifiedAt);
  for (const a of due.slice(0, 5)) {
    const account = await db.accounts.get(a.accountId);
    await browser.notifications.create(`action:${a.id}`, {
      type: 'basic',
      iconUrl: browser.runtime.getURL('/icon/128.png'),
      title: account?.name ?? 'Key Account Lens',
      message: a.title,
    });
  }
  if (due.length) await db.actions.bulkUpdate(due.map((a) => ({ key: a.id, changes: { notifiedAt: now } })));
}

export function startReminders(db: KalDb): void {
  browser.alarms.create(ALARM, { periodInMinutes: 15, delayInMinutes: 0.1 });
  browser.alarms.onAlarm.addListener(async (alarm) => {
    if (alarm.name !== ALARM) return;
    await notifyDue(db).catch(() => {});
    await refreshBadge(db).catch(() => {});
  });
  // Keep the badge current when data changes anywhere.
  onEvent((e) => {
    if (e.kalEvent === 'changed') void refreshBadge(db).catch(() => {});
  });
  void refreshBadge(db).catch(() => {});
}
