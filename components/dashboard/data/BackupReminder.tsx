// A banner when the last backup is older than the reminder setting (and there is data to lose).
import { getDb } from '@/lib/db/db';
import { DAY } from '@/lib/kam/red-flags';
import { useI18n } from '../../i18n';
import { useDbQuery } from '../../useDbQuery';
import { useSettings } from '../useSettings';

export function BackupReminder() {
  const { t } = useI18n();
  const s = useSettings();
  const { data: count } = useDbQuery(() => getDb().accounts.count(), []);
  if (!count || !s.backupReminderDays) return null;
  if (s.lastBackupAt && Date.now() - s.lastBackupAt < s.backupReminderDays * DAY) return null;
  if (location.hash.startsWith('#/data')) return null;
  return (
    <div className="bg-amber-100 px-4 py-1.5 text-sm text-amber-900 dark:bg-amber-950 dark:text-amber-100 print:hidden">
      <a href="#/data" className="underline focus-visible:outline-2 focus-visible:outline-blue-500">
        {s.lastBackupAt ? t('backupReminderDue', { days: s.backupReminderDays }) : t('backupReminderNever')}
      </a>
    </div>
  );
}
