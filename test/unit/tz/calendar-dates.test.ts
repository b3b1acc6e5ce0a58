// Calendar dates are the same day in every time zone: run under TZ=America/Los_Angeles,
// Europe/Paris and Pacific/Auckland (vitest.config.ts projects).
import Dexie from 'dexie';
import { describe, expect, it } from 'vitest';
import { Temporal } from 'temporal-polyfill';
import { addDays, dayFromLegacyMs, dayOf, daysBetween, fromExcelSerial, isCalendarDate, isDue, isOverdue, noonOf, today } from '../../../lib/dates/calendar-date';
import { SCHEMA_V2, createDb } from '../../../lib/db/db';
import { formatDay } from '../../../lib/i18n';
import { dueIn } from '../../../components/sidebar/ActionsPanel';
import { buildReviewQueue } from '../../../lib/kam/review-queue';
import { redFlags } from '../../../lib/kam/red-flags';
import { createAccount } from '../../../lib/db/repo';
import { dueReminders } from '../../../lib/background/reminders';
import { parseBackup } from '../../../lib/io/backup';
import type { Account } from '../../../lib/db/model';

const TZ = process.env.TZ!;
/** epoch ms of a local wall-clock time in this run's zone */
const local = (y: number, mo: number, d: number, h = 0, mi = 0) => Temporal.ZonedDateTime.from({ timeZone: TZ, year: y, month: mo, day: d, hour: h, minute: mi }).epochMilliseconds;

describe(`calendar dates in ${TZ}`, () => {
  it('validates real days only', () => {
    expect(isCalendarDate('2027-01-01')).toBe(true);
    expect(isCalendarDate('2028-02-29')).toBe(true);
    expect(isCalendarDate('2027-02-29')).toBe(false);
    expect(isCalendarDate('2027-13-01')).toBe(false);
    expect(isCalendarDate('46461-01-01')).toBe(false);
    expect(isCalendarDate('2027-1-1')).toBe(false);
    expect(isCalendarDate(1798761600000)).toBe(false);
  });
  it('shows the stored day, whatever the zone', () => {
    expect(formatDay('2027-01-01', 'en')).toBe('1 Jan 2027');
    expect(formatDay('2026-12-31', 'en')).toBe('31 Dec 2026');
    expect(formatDay('2027-03-15', 'fr')).toBe('15 mars 2027');
    expect(formatDay(undefined, 'en')).toBe('—');
  });
  it('"today" is the local day of the clock', () => {
    expect(today(local(2027, 1, 4, 20, 0))).toBe('2027-01-04');
    expect(today(local(2027, 1, 4, 23, 59))).toBe('2027-01-04');
    expect(today(local(2027, 1, 5, 0, 1))).toBe('2027-01-05');
  });
  it('a date is due on its day and overdue from the next day', () => {
    expect(isDue('2027-01-04', today(local(2027, 1, 4, 20)))).toBe(true);
    expect(isOverdue('2027-01-04', today(local(2027, 1, 4, 20)))).toBe(false);
    expect(isOverdue('2027-01-04', today(local(2027, 1, 5, 0, 1)))).toBe(true);
    expect(isDue('2027-01-05', today(local(2027, 1, 4, 20)))).toBe(false);
  });
  it('counts calendar days across daylight-saving changes', () => {
    // Europe: clocks change 28 March 2027; US: 14 March 2027; New Zealand: 4 April 2027.
    expect(addDays('2027-03-21', 7)).toBe('2027-03-28');
    expect(addDays('2027-03-10', 7)).toBe('2027-03-17');
    expect(addDays('2027-04-01', 7)).toBe('2027-04-08');
    expect(addDays('2026-12-31', 1)).toBe('2027-01-01');
    expect(addDays('2028-02-28', 1)).toBe('2028-02-29');
    expect(daysBetween('2027-03-21', '2027-03-28')).toBe(7);
    expect(daysBetween('2027-01-05', '2027-01-04')).toBe(-1);
    // "Next week" clicked on 21 March (morning or late evening) is 28 March.
    expect(dueIn(7, local(2027, 3, 21, 9))).toBe('2027-03-28');
    expect(dueIn(7, local(2027, 3, 21, 23, 30))).toBe('2027-03-28');
    expect(dueIn(0, local(2027, 3, 21, 0, 5))).toBe('2027-03-21');
  });
  it('converts Excel serials with the 1899-12-30 epoch', () => {
    expect(fromExcelSerial(46461)).toBe('2027-03-15');
    expect(fromExcelSerial(1)).toBe(undefined); // 1899-12-31: before 1900, not a business date
    expect(fromExcelSerial(61)).toBe('1900-03-01');
    expect(fromExcelSerial(2958465)).toBe(undefined); // 9999-12-31 is past MAX_YEAR
    expect(fromExcelSerial(0)).toBe(undefined);
    expect(fromExcelSerial(1.5)).toBe(undefined);
  });
  it('round-trips a day through an instant picked for it (last contact)', () => {
    expect(dayOf(noonOf('2027-03-28'))).toBe('2027-03-28');
  });
});

describe(`reviews and reminders in ${TZ} (case 18)`, () => {
  const acc = (over: Partial<Account>): Account => ({
    id: 'globex', name: 'Globex France SAS', nameKey: 'globex', aliases: [], domains: [], linkedinUrls: [], tier: 'A',
    scores: { revenue: 0, potential: 0, growth: 0, strategicFit: 0, relationship: 0, access: 0 },
    currency: 'EUR', currentRevenue: 0, potentialRevenue: 0, reviewCadenceDays: 30, tags: [], createdAt: 0, updatedAt: 0, ...over,
  });
  it('Globex review 2027-01-04 is due today at 20:00 and overdue at 00:01 the next day', () => {
    const q = (now: number) => buildReviewQueue({ accounts: [acc({ nextReviewAt: '2027-01-04' })], stakeholders: [], plans: [], overdue: [], now }).reviewsDue;
    expect(q(local(2027, 1, 4, 20))).toEqual([expect.objectContaining({ accountId: 'globex', dueAt: '2027-01-04', overdue: false })]);
    expect(q(local(2027, 1, 5, 0, 1))).toEqual([expect.objectContaining({ overdue: true })]);
    expect(redFlags(acc({ nextReviewAt: '2027-01-04' }), [], undefined, local(2027, 1, 3, 23, 59)).some((f) => f.kind === 'review_due')).toBe(false);
    expect(redFlags(acc({ nextReviewAt: '2027-01-04' }), [], undefined, local(2027, 1, 4, 0, 1)).some((f) => f.kind === 'review_due')).toBe(true);
  });
  it('notifies a review on its day, not the evening before', async () => {
    const db = createDb(`tz-${crypto.randomUUID()}`);
    const a = await createAccount(db, { name: 'Globex France SAS', nextReviewAt: '2027-01-04' }, 0);
    expect((await dueReminders(db, local(2027, 1, 3, 23, 30), {})).reminders).toEqual([]);
    expect((await dueReminders(db, local(2027, 1, 4, 0, 30), {})).reminders.map((r) => r.id)).toEqual([`review:${a.id}`]);
    db.close();
  });
});

describe(`schema v3 migration in ${TZ}: keeps the day the user saw`, () => {
  it('converts imported UTC midnights, date-input noons and end-of-day quick buttons', async () => {
    const name = `mig3-${crypto.randomUUID()}`;
    const v2 = new Dexie(name);
    v2.version(2).stores(SCHEMA_V2);
    await v2.open();
    const stamps = { createdAt: 1, updatedAt: 1 };
    await v2.table('accounts').bulkAdd([
      // imported by versions ≤ 2: UTC midnight of the file's day
      { id: 'a1', name: 'Initech', nameKey: 'initech', domains: [], linkedinUrls: [], aliases: [], tags: [], renewalAt: Date.UTC(2027, 0, 1), nextReviewAt: Date.UTC(2026, 11, 31), ...stamps },
      // typed in a date input: local noon
      { id: 'a2', name: 'Umbrella', nameKey: 'umbrella', domains: [], linkedinUrls: [], aliases: [], tags: [], renewalAt: local(2027, 3, 28, 12), nextReviewAt: local(2027, 3, 29, 12), ...stamps },
      { id: 'a3', name: 'No dates', nameKey: 'nodates', domains: [], linkedinUrls: [], aliases: [], tags: [], ...stamps },
    ]);
    await v2.table('actions').bulkAdd([
      // the sidebar's "today / in 3 days / next week": local 23:59
      { id: 'x1', accountId: 'a1', title: 'Call', status: 'open', dueAt: local(2027, 3, 28, 23, 59), ...stamps },
      { id: 'x2', accountId: 'a1', title: 'Undated', status: 'open', ...stamps },
    ]);
    const objectives = [{ id: 'o1', title: 'Renew', dueAt: local(2027, 6, 30, 12), status: 'on_track' }];
    await v2.table('plans').add({ id: 'p1', accountId: 'a1', objectives, ...stamps });
    await v2.table('planRevisions').add({ id: 'r1', accountId: 'a1', planId: 'p1', revision: 1, before: { id: 'p1', accountId: 'a1', objectives, ...stamps }, changedFields: [], createdAt: 1 });
    v2.close();

    const db = createDb(name);
    await db.open();
    expect(db.verno).toBe(6); // v4 (Sales Navigator lead index), v5 (matching keys) and v6 (sync-ready) open v3 data
    expect(await db.accounts.get('a1')).toMatchObject({ renewalAt: '2027-01-01', nextReviewAt: '2026-12-31' });
    expect(await db.accounts.get('a2')).toMatchObject({ renewalAt: '2027-03-28', nextReviewAt: '2027-03-29' });
    expect((await db.accounts.get('a3'))!.renewalAt).toBeUndefined();
    expect((await db.actions.get('x1'))!.dueAt).toBe('2027-03-28');
    expect((await db.actions.get('x2'))!.dueAt).toBeUndefined();
    expect((await db.plans.get('a1'))!.objectives[0].dueAt).toBe('2027-06-30'); // v6: a plan's id is its account's
    expect((await db.planRevisions.get('r1'))!.before.objectives[0].dueAt).toBe('2027-06-30');
    // Indexed queries work on the converted values.
    expect((await db.actions.where('[status+dueAt]').between(['open', ''], ['open', '2027-03-29'], true, false).toArray()).map((a) => a.id)).toEqual(['x1']);
    db.close();
  });
  it('the legacy rule: UTC midnight is the file\'s day, anything else the local day', () => {
    expect(dayFromLegacyMs(Date.UTC(2027, 2, 15))).toBe('2027-03-15');
    expect(dayFromLegacyMs(local(2027, 3, 15, 12))).toBe('2027-03-15');
    expect(dayFromLegacyMs(local(2027, 3, 15, 23, 59))).toBe('2027-03-15');
  });
  it('restores a version-1 backup (epoch ms) with the same days', () => {
    const backup = {
      format: 'key-account-lens-backup', version: 1, exportedAt: 1,
      data: {
        accounts: [{ id: 'a1', name: 'Globex France SAS', nameKey: 'globex', renewalAt: Date.UTC(2027, 2, 15), nextReviewAt: local(2027, 1, 4, 12), createdAt: 1, updatedAt: 1 }],
        plans: [], planRevisions: [], stakeholders: [], notes: [], links: [],
        actions: [{ id: 'x1', accountId: 'a1', title: 'Call', dueAt: local(2027, 3, 28, 23, 59), createdAt: 1, updatedAt: 1 }],
      },
    };
    const r = parseBackup(JSON.stringify(backup));
    expect(r.ok).toBe(true);
    if (!r.ok) return;
    expect(r.backup.data.accounts[0]).toMatchObject({ renewalAt: '2027-03-15', nextReviewAt: '2027-01-04' });
    expect(r.backup.data.actions[0].dueAt).toBe('2027-03-28');
  });
});
