// Reminders: the toolbar badge shows the overdue count; due actions and due account reviews
// raise one browser notification each on their day (checked by an alarm every 15 minutes).
// Dates are calendar days: "today" is the day of the clock in the user's time zone.
import { browser } from 'wxt/browser';
import type { KalDb } from '../db/db';
import { onEvent } from '../messaging/client';
import { actionsDueBy, overdueActions } from '../kam/overdue';
import { today } from '../dates/calendar-date';

const ALARM = 'kal-reminders';
const REVIEWS_NOTIFIED = 'reviewsNotified';
const MAX_PER_RUN = 5;

export { overdueActions };

export interface Reminder {
  id: string;
  title: string;
  message: string;
}

/**
 * What to notify now (actions and reviews due today or earlier), and what to remember as
 * notified. Actions carry `notifiedAt` (reset when their due date changes); reviews are
 * remembered as accountId → the review date (YYYY-MM-DD) notified.
 */
export async function dueReminders(db: KalDb, now: number, reviewsNotified: Record<string, unknown>, timeZone?: string) {
  const day = today(now, timeZone);
  const actions = (await actionsDueBy(db, day)).filter((a) => !a.notifiedAt);
  const reviews = (await db.accounts.where('nextReviewAt').between('', day, true, true).toArray()).filter((a) => reviewsNotified[a.id] !== a.nextReviewAt);
  const names = new Map((await db.accounts.bulkGet([...new Set(actions.map((a) => a.accountId))])).filter((a) => !!a).map((a) => [a!.id, a!.name]));
  const reminders: Reminder[] = [
    ...actions.map((a) => ({ id: `action:${a.id}`, title: names.get(a.accountId) ?? 'Key Account Lens', message: a.title })),
    ...reviews.map((a) => ({ id: `review:${a.id}`, title: a.name, message: 'Account review due' })),
  ];
  return {
    reminders,
    actionIds: actions.map((a) => a.id),
    reviews: Object.fromEntries(reviews.map((a) => [a.id, a.nextReviewAt!])),
  };
}

// MV3 (Chrome) calls it `action`; Firefox's MV2 build has `browserAction`.
const badgeApi = () => browser.action ?? (browser as unknown as { browserAction: typeof browser.action }).browserAction;

/** The badge counts overdue actions (due before today). */
export async function refreshBadge(db: KalDb, now = Date.now()): Promise<number> {
  const n = (await overdueActions(db, today(now))).length;
  await badgeApi().setBadgeText({ text: n ? String(Math.min(n, 999)) : '' });
  await badgeApi().setBadgeBackgroundColor({ color: '#dc2626' });
  return n;
}

async function notifyDue(db: KalDb, now = Date.now()) {
  const stored = ((await browser.storage.local.get(REVIEWS_NOTIFIED))[REVIEWS_NOTIFIED] ?? {}) as Record<string, unknown>;
  const due = await dueReminders(db, now, stored);
  // A long backlog (first run on old data) shows a few, not hundreds of notifications.
  for (const r of due.reminders.slice(0, MAX_PER_RUN)) {
    await browser.notifications.create(r.id, { type: 'basic', iconUrl: browser.runtime.getURL('/icon/128.png'), title: r.title, message: r.message });
  }
  if (due.actionIds.length) await db.actions.bulkUpdate(due.actionIds.map((key) => ({ key, changes: { notifiedAt: now } })));
  if (Object.keys(due.reviews).length) await browser.storage.local.set({ [REVIEWS_NOTIFIED]: { ...stored, ...due.reviews } });
}

/**
 * Runs at every start of the service worker, which Chrome stops after ~30 s idle: so nothing here
 * touches the database on start-up (cold start, README "Performance"). The alarm survives worker
 * restarts and is only created when missing (re-creating it each wake also restarted its 6 s
 * first delay, running the reminder check after every wake); the badge is browser state that
 * outlives the worker, refreshed when the browser starts, on install/update, on data changes and
 * on the alarm.
 */
export function startReminders(db: KalDb): void {
  void browser.alarms
    .get(ALARM)
    .then((a) => (a ? undefined : browser.alarms.create(ALARM, { periodInMinutes: 15, delayInMinutes: 0.1 })))
    .catch(() => {});
  const refresh = () => void refreshBadge(db).catch(() => {});
  browser.runtime.onStartup.addListener(refresh);
  browser.runtime.onInstalled.addListener(refresh);
  browser.alarms.onAlarm.addListener(async (alarm) => {
    if (alarm.name !== ALARM) return;
    await notifyDue(db).catch(() => {});
    await refreshBadge(db).catch(() => {});
  });
  // Clicking a notification opens the dashboard where the fix is.
  browser.notifications.onClicked.addListener((id) => {
    const [kind, key] = id.split(':');
    void (async () => {
      const accountId = kind === 'review' ? key : (await db.actions.get(key ?? ''))?.accountId;
      await browser.tabs.create({ url: browser.runtime.getURL('/dashboard.html') + (accountId ? `#/account/${accountId}` : '#/review') });
    })();
  });
  // Keep the badge current when data changes anywhere.
  onEvent((e) => {
    if (e.kalEvent === 'changed') void refreshBadge(db).catch(() => {});
  });
}
