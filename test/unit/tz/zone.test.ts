import { describe, expect, it } from 'vitest';
import { localTimeZone } from '../../../lib/dates/calendar-date';

describe('time zone of this run', () => {
  it('is the one the project set', () => {
    expect(localTimeZone()).toBe(process.env.TZ);
    expect(Intl.DateTimeFormat().resolvedOptions().timeZone).toBe(process.env.TZ);
    expect(new Date(2027, 0, 1).getTimezoneOffset()).toBe({ 'America/Los_Angeles': 480, 'Europe/Paris': -60, 'Pacific/Auckland': -780 }[process.env.TZ!]);
  });
});
