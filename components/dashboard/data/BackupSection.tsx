import { getDb } from '@/lib/db/db';
import { backupFileName, exportBackup, serializeBackup } from '@/lib/io/backup';
import { saveSettings } from '@/lib/settings';
import { formatDate } from '@/lib/i18n';
import { useI18n } from '../../i18n';
import { Button } from '../../ui';
import { useToast } from '../Toast';
import { Card } from '../fields';
import { useSettings } from '../useSettings';
import { downloadText } from './download';
import { errorText } from '@/components/ui/errorText';

export async function downloadBackup(): Promise<number> {
  const now = Date.now();
  const b = await exportBackup(getDb(), now);
  downloadText(serializeBackup(b), backupFileName(now), 'application/json');
  await saveSettings({ lastBackupAt: now });
  return b.data.accounts.length;
}

export function BackupSection() {
  const { t, lang } = useI18n();
  const { notify } = useToast();
  const s = useSettings();
  return (
    <Card title={t('backupH')} id="backup">
      <p className="mb-3 text-sm text-slate-700 dark:text-slate-300">{t('backupHelp')}</p>
      <Button
        variant="primary"
        size="md"
        data-testid="backup-download"
        onClick={() =>
          downloadBackup().then(
            (n) => notify({ text: t('backupDone', { n }) }),
            (e) => notify({ kind: 'error', text: errorText(t, e) }),
          )
        }
      >
        {t('downloadBackup')}
      </Button>
      {s.lastBackupAt && <p className="mt-2 text-xs text-slate-600 dark:text-slate-400">{t('lastBackup', { date: formatDate(s.lastBackupAt, lang) })}</p>}
    </Card>
  );
}
