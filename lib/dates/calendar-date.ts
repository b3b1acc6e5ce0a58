// Calendar dates (renewal, next review, due dates, objective dates): a day on the calendar, not
// an instant. Stored and exchanged as ISO 8601 `YYYY-MM-DD` strings with Temporal.PlainDate
// semantics, so 2027-01-01 is 2027-01-01 in Los Angeles, Paris and Auckland alike. They sort
// as strings (IndexedDB indexes included). Day arithmetic goes through Temporal (calendar days:
// a daylight-saving change never moves a date), never `n × 86,400,000 ms`.
import { Temporal } from 'temporal-polyfill';

/** `YYYY-MM-DD` (ISO 8601 calendar date, Gregorian), e.g. "2027-03-15". */
export type CalendarDate = string;

const ISO_DAY = /^(\d{4})-(\d{2})-(\d{2})$/;

/** Years a business date may plausibly have; outside this it is a typo or a unit mix-up (an Excel serial read as a year). */
export const MIN_YEAR = 1900;
export const MAX_YEAR = 2999;

/** True for a real `YYYY-MM-DD` day between MIN_YEAR and MAX_YEAR ("2027-02-30" is false). */
export function isCalendarDate(s: unknown): s is CalendarDate {
  if (typeof s !== 'string') return false;
  const m = ISO_DAY.exec(s);
  if (!m) return false;
  return isValidYmd(+m[1], +m[2], +m[3]);
}

/** Whether year/month/day name a real day (leap years included) within MIN_YEAR..MAX_YEAR. */
export function isValidYmd(year: number, month: number, day: number): boolean {
  if (!Number.isInteger(year) || year < MIN_YEAR || year > MAX_YEAR) return false;
  if (!Number.isInteger(month) || month < 1 || month > 12 || !Number.isInteger(day) || day < 1) return false;
  return day <= Temporal.PlainYearMonth.from({ year, month }).daysInMonth;
}

/** year, month (1–12), day → "YYYY-MM-DD"; undefined when the day does not exist. */
export function ymd(year: number, month: number, day: number): CalendarDate | undefined {
  return isValidYmd(year, month, day) ? Temporal.PlainDate.from({ year, month, day }).toString() : undefined;
}

/** The time zone the user's browser runs in (IANA id); honours `TZ` under Node. */
export const localTimeZone = (): string => Temporal.Now.timeZoneId();

/** The calendar day of an instant (epoch ms) in a time zone (default: the user's). */
export function dayOf(epochMs: number, timeZone: string = localTimeZone()): CalendarDate {
  return Temporal.Instant.fromEpochMilliseconds(epochMs).toZonedDateTimeISO(timeZone).toPlainDate().toString();
}

/**
 * dayOf for a stored value that may not be an instant at all (NaN, beyond `Date`'s ±8.64e15 ms,
 * written by an older version): the day, or undefined — never throws. For views and exports.
 */
export function dayOfStored(epochMs: unknown, timeZone?: string): CalendarDate | undefined {
  if (typeof epochMs !== 'number' || !Number.isFinite(epochMs) || Math.abs(epochMs) > 8.64e15) return undefined;
  try {
    return dayOf(epochMs, timeZone);
  } catch {
    return undefined;
  }
}

/** Today in the user's time zone (or the day of `nowMs` there). */
export const today = (nowMs: number = Date.now(), timeZone?: string): CalendarDate => dayOf(nowMs, timeZone);

/** `d` plus `n` calendar days (n may be negative). */
export function addDays(d: CalendarDate, n: number): CalendarDate {
  return Temporal.PlainDate.from(d).add({ days: n }).toString();
}

/** Calendar days from `a` to `b` (positive when b is later). */
export function daysBetween(a: CalendarDate, b: CalendarDate): number {
  return Temporal.PlainDate.from(a).until(Temporal.PlainDate.from(b), { largestUnit: 'days' }).days;
}

/** −1, 0 or 1; undefined sorts last. */
export function compareDays(a: CalendarDate | undefined, b: CalendarDate | undefined): number {
  if (a === b) return 0;
  if (a === undefined) return 1;
  if (b === undefined) return -1;
  return a < b ? -1 : 1;
}

/**
 * A date is overdue from the day AFTER it: due 2027-01-04 is "due today" all of 4 January
 * (local) and overdue from 5 January 00:00.
 */
export const isOverdue = (due: CalendarDate | undefined, todayDate: CalendarDate): boolean => due !== undefined && due < todayDate;
/** Due today or before (what a reminder notifies about). */
export const isDue = (due: CalendarDate | undefined, todayDate: CalendarDate): boolean => due !== undefined && due <= todayDate;

/** Excel serial day number (1900 date system, days since 1899-12-30: Lotus' 1900 leap-year bug folded in) → date. Valid serials 1–2958465 (9999-12-31). */
export function fromExcelSerial(serial: number): CalendarDate | undefined {
  if (!Number.isInteger(serial) || serial < 1 || serial > 2958465) return undefined;
  const d = Temporal.PlainDate.from({ year: 1899, month: 12, day: 30 }).add({ days: serial });
  return d.year >= MIN_YEAR && d.year <= MAX_YEAR ? d.toString() : undefined;
}

/**
 * The day a user saw for a date stored by versions ≤ 2 as epoch ms. Imports stored UTC
 * midnight of the file's day (shown a day early west of Greenwich: the bug being fixed), date
 * inputs stored local noon, quick buttons local midnight. So: exactly UTC midnight → that UTC
 * day (the day the file said); anything else → the local day where the migration runs.
 */
export function dayFromLegacyMs(ms: number, timeZone: string = localTimeZone()): CalendarDate {
  const utc = Temporal.Instant.fromEpochMilliseconds(ms).toZonedDateTimeISO('UTC');
  const midnight = utc.hour === 0 && utc.minute === 0 && utc.second === 0 && utc.millisecond === 0;
  return midnight ? utc.toPlainDate().toString() : dayOf(ms, timeZone);
}

/** An instant on a day (local noon in `timeZone`): for timestamp fields picked with a date input (last contact). */
export function noonOf(d: CalendarDate, timeZone: string = localTimeZone()): number {
  return Temporal.PlainDate.from(d).toZonedDateTime({ timeZone, plainTime: '12:00' }).epochMilliseconds;
}
