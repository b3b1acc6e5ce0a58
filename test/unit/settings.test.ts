// The settings page saves only what it changed (lib/settings.ts changedSettings): a page left open
// in another tab does not put back the language, or the last backup date, saved meanwhile.
import { describe, expect, it } from 'vitest';
import { changedSettings, DEFAULT_SETTINGS, type Settings } from '../../lib/settings';

describe('changedSettings', () => {
  const loaded: Settings = { ...DEFAULT_SETTINGS, language: 'en', contactDays: 60 };
  it('only the fields that differ from what the form loaded', () => {
    expect(changedSettings(loaded, { ...loaded, planDays: 120 })).toEqual({ planDays: 120 });
    expect(changedSettings(loaded, { language: 'en', autoOpen: true, reviewCadenceDays: 30, contactDays: 60, planDays: 90, backupReminderDays: 30 })).toEqual({});
  });
  it('merged over what is stored now, the other tab’s language and the backup date stay', () => {
    const stored: Settings = { ...loaded, language: 'fr', lastBackupAt: 1_764_000_000_000 };
    const saved = { ...stored, ...changedSettings(loaded, { ...loaded, contactDays: 45 }) };
    expect(saved).toEqual({ language: 'fr', autoOpen: true, reviewCadenceDays: 30, contactDays: 45, planDays: 90, backupReminderDays: 30, lastBackupAt: 1_764_000_000_000 });
  });
});
