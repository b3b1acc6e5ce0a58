import { getDb } from '@/lib/db/db';
import { accountsCsv, actionsCsv, stakeholdersCsv } from '@/lib/io/csv-export';
import { useI18n } from '../../i18n';
import { Button } from '../../ui';
import { useToast } from '../Toast';
import { Card } from '../fields';
import { downloadText } from './download';
import { errorText } from '@/components/ui/errorText';

export function CsvExportSection() {
  const { t } = useI18n();
  const { notify } = useToast();
  const day = new Date().toISOString().slice(0, 10);
  const run = async (what: 'accounts' | 'stakeholders' | 'actions') => {
    try {
      const db = getDb();
      const accounts = await db.accounts.toArray();
      const names = new Map(accounts.map((a) => [a.id, a.name]));
      const name = (id: string) => names.get(id) ?? '';
      const text = what === 'accounts' ? accountsCsv(accounts) : what === 'stakeholders' ? stakeholdersCsv(await db.stakeholders.toArray(), name) : actionsCsv(await db.actions.toArray(), name);
      downloadText('\uFEFF' + text, `key-account-lens-${what}-${day}.csv`, 'text/csv;charset=utf-8');
    } catch (e) {
      notify({ kind: 'error', text: errorText(t, e) });
    }
  };
  return (
    <Card title={t('exportH')} id="export">
      <div className="flex flex-wrap gap-2">
        <Button size="md" onClick={() => void run('accounts')}>{t('exportAccounts')}</Button>
        <Button size="md" onClick={() => void run('stakeholders')}>{t('exportStakeholders')}</Button>
        <Button size="md" onClick={() => void run('actions')}>{t('exportActions')}</Button>
      </div>
    </Card>
  );
}
