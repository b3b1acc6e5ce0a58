// Date-times in UTC in a mapped date column (Salesforce Data Export DateTime fields): the calendar
// day the user saw in the CRM, in the user's time zone; midnight exactly, values with another
// offset (written in the exporter's zone) and values without an offset keep their written day. Run under Los Angeles, Paris and Auckland.
import { describe, expect, it } from 'vitest';
import { readDate } from '../../../lib/io/csv/dates';
import { importPlan } from '../csv-helpers';

const TZ = process.env.TZ as 'America/Los_Angeles' | 'Europe/Paris' | 'Pacific/Auckland';
const by = (la: string, paris: string, auckland: string) => ({ 'America/Los_Angeles': la, 'Europe/Paris': paris, 'Pacific/Auckland': auckland })[TZ];

describe(`date-times in date columns (${TZ})`, () => {
  it('a UTC instant is read as its day in the user’s time zone', () => {
    expect(readDate('2026-11-02T23:30:00.000Z', 'YMD')).toBe(by('2026-11-02', '2026-11-03', '2026-11-03'));
    expect(readDate('2026-03-25T14:03:00+00:00', 'YMD')).toBe(by('2026-03-25', '2026-03-25', '2026-03-26'));
    expect(readDate('2026-07-01 02:00 UTC', 'YMD')).toBe(by('2026-06-30', '2026-07-01', '2026-07-01'));
  });
  it('midnight exactly (a date stored as an instant), another offset and no offset keep their written day', () => {
    expect(readDate('2027-03-15T23:30:00-08:00', 'DMY')).toBe('2027-03-15');
    expect(readDate('2026-03-25T14:03:00+1300', 'YMD')).toBe('2026-03-25');
    expect(readDate('2027-01-31T00:00:00.000Z', 'YMD')).toBe('2027-01-31');
    expect(readDate('2027-01-31T00:00:00+01:00', 'YMD')).toBe('2027-01-31');
    expect(readDate('2026-03-25 14:03', 'YMD')).toBe('2026-03-25');
    expect(readDate('2026-03-25T23:59:00', 'YMD')).toBe('2026-03-25');
    expect(readDate('25/03/2026 23:30', 'DMY')).toBe('2026-03-25');
    expect(readDate('2026-02-30T10:00:00Z', 'YMD')).toBeNull();
  });
  it('through an import: a Salesforce DateTime column mapped to the next review', () => {
    const csv = '"Id","Name","Next_Review__c"\r\n"0015g00000AbCdEAAV","Acme Corp","2026-11-02T23:30:00.000Z"\r\n"0015g00000AbCdFAAV","Globex","2027-01-31T00:00:00.000Z"\r\n';
    const r = importPlan(new TextEncoder().encode(csv), 'Account.csv', { mapping: (m) => m.map((f, i) => (i === 2 ? 'nextReviewAt' : f)) });
    expect(r.plan.batch.accounts.map((a) => [a.name, a.nextReviewAt])).toEqual([['Acme Corp', by('2026-11-02', '2026-11-03', '2026-11-03')], ['Globex', '2027-01-31']]);
  });
});
