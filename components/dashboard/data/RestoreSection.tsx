// Restore: parse + validate the whole file first; show what is in it; replace everything in one
// transaction only after confirmation.
import { useState } from 'react';
import { replaceAllData } from '@/lib/db/repo';
import { parseBackup, type ParseResult } from '@/lib/io/backup';
import { useI18n } from '../../i18n';
import { Button } from '../../ui';
import { useWrite, ALL_TABLES } from '../write';
import { Card, Field, inputCls } from '../fields';
import { Problems, Progress } from './Problems';

export function RestoreSection() {
  const { t } = useI18n();
  const write = useWrite();
  const [parsed, setParsed] = useState<(ParseResult & { file: string }) | null>(null);
  const [progress, setProgress] = useState<{ done: number; total: number } | null>(null);
  const [inputKey, setInputKey] = useState(0);
  return (
    <Card title={t('restoreH')} id="restore">
      <p className="mb-3 text-sm text-slate-700 dark:text-slate-300">{t('restoreHelp')}</p>
      <Field label={t('chooseBackup')}>
        {(id) => (
          <input
            key={inputKey}
            id={id}
            type="file"
            accept="application/json,.json"
            className={inputCls}
            data-testid="restore-file"
            onChange={async (e) => {
              const f = e.target.files?.[0];
              setParsed(null);
              if (!f) return;
              const text = await f.text();
              setParsed({ ...parseBackup(text, f.name), file: f.name });
            }}
          />
        )}
      </Field>
      {parsed && !parsed.ok && (
        <div className="mt-3">
          <Problems problems={parsed.problems} />
        </div>
      )}
      {parsed?.ok && !progress && (
        <div role="alertdialog" aria-labelledby="restore-q" className="mt-3 space-y-2 rounded border border-amber-300 bg-amber-50 p-2 dark:border-amber-800 dark:bg-amber-950">
          <p id="restore-q" className="text-sm">
            {t('restoreConfirm', { n: parsed.counts.accounts, stakeholders: parsed.counts.stakeholders, actions: parsed.counts.actions, notes: parsed.counts.notes })}
          </p>
          <div className="flex gap-2">
            <Button
              variant="danger"
              size="md"
              data-testid="restore-confirm"
              onClick={async () => {
                const data = parsed.backup.data;
                setProgress({ done: 0, total: 1 });
                const r = await write((db) => replaceAllData(db, data, (done, total) => setProgress({ done, total })).then(() => data.accounts.length), ALL_TABLES, { ok: (n) => t('restoreDone', { n }) });
                setProgress(null);
                if (r !== undefined) {
                  setParsed(null);
                  setInputKey((k) => k + 1);
                }
              }}
            >
              {t('restoreNow')}
            </Button>
            <Button
              size="md"
              onClick={() => {
                setParsed(null);
                setInputKey((k) => k + 1);
              }}
            >
              {t('cancel')}
            </Button>
          </div>
        </div>
      )}
      {progress && (
        <div className="mt-3">
          <Progress {...progress} />
        </div>
      )}
    </Card>
  );
}
