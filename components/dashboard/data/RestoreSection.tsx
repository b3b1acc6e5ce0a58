// Restore: parse + validate the whole file first; show what is in it; replace everything in one
// transaction only after confirmation. All of it runs in a worker (restore.worker.ts) so the
// dashboard stays responsive with a 90 MB backup; the page shows the check, then progress.
import { useEffect, useRef, useState } from 'react';
import type { TableName } from '@/lib/io/backup';
import { unreadableFile, type ImportProblem } from '@/lib/io/errors';
import type { RestoreReply, RestoreRequest } from '@/lib/io/restore-job';
import { useI18n } from '../../i18n';
import { Button } from '../../ui';
import { ConfirmBox } from '../../ui/ConfirmBox';
import { KalError } from '@/lib/errors';
import { useWrite, ALL_TABLES } from '../write';
import { Card, Field, inputCls } from '../fields';
import { Problems, Progress } from './Problems';
import RestoreWorker from './restore.worker.ts?worker';
import { getSyncConfig } from '@/lib/sync/config';

type Parsed = { ok: true; counts: Record<TableName, number> } | { ok: false; problems: ImportProblem[] };

export function RestoreSection() {
  const { t } = useI18n();
  const write = useWrite();
  const [checking, setChecking] = useState(false);
  const [parsed, setParsed] = useState<Parsed | null>(null);
  const [progress, setProgress] = useState<{ done: number; total: number } | null>(null);
  const [inputKey, setInputKey] = useState(0);
  const worker = useRef<Worker | null>(null);
  // The reply handler of the step in progress (check or write).
  const onReply = useRef<(r: RestoreReply) => void>(() => {});

  const stop = () => {
    worker.current?.terminate();
    worker.current = null;
  };
  useEffect(() => stop, []);

  const send = (req: RestoreRequest) => worker.current?.postMessage(req);

  const reset = () => {
    stop();
    setParsed(null);
    setChecking(false);
    setInputKey((k) => k + 1);
  };

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
            disabled={!!progress}
            onChange={(e) => {
              const f = e.target.files?.[0];
              stop();
              setParsed(null);
              if (!f) return;
              const w = new RestoreWorker();
              worker.current = w;
              w.onmessage = (m: MessageEvent<RestoreReply>) => onReply.current(m.data);
              w.onerror = (ev) => onReply.current({ type: 'failed', message: ev.message || 'the restore worker stopped' });
              onReply.current = (r) => {
                setChecking(false);
                if (r.type === 'parsed') setParsed(r.ok ? { ok: true, counts: r.counts } : { ok: false, problems: r.problems });
                else if (r.type === 'failed') setParsed({ ok: false, problems: [unreadableFile(f.name, r.message)] });
              };
              setChecking(true);
              send({ type: 'parse', file: f, name: f.name });
            }}
          />
        )}
      </Field>
      {checking && (
        <p className="mt-3 text-sm text-slate-600 dark:text-slate-300" role="status" data-testid="restore-checking">
          {t('restoreChecking')}
        </p>
      )}
      {parsed && !parsed.ok && (
        <div className="mt-3">
          <Problems problems={parsed.problems} />
        </div>
      )}
      {parsed?.ok && !progress && (
        <ConfirmBox onCancel={reset} aria-labelledby="restore-q" className="mt-3 space-y-2 rounded border border-amber-300 bg-amber-50 p-2 dark:border-amber-800 dark:bg-amber-950">
          <p id="restore-q" className="text-sm">
            {t('restoreConfirm', { n: parsed.counts.accounts, stakeholders: parsed.counts.stakeholders, actions: parsed.counts.actions, notes: parsed.counts.notes })}
          </p>
          <div className="flex gap-2">
            <Button
              variant="danger"
              size="md"
              data-testid="restore-confirm"
              onClick={async () => {
                setProgress({ done: 0, total: 1 });
                const r = await write(
                  () =>
                    new Promise<number>((resolve, reject) => {
                      onReply.current = (m) => {
                        if (m.type === 'progress') setProgress({ done: m.done, total: m.total });
                        else if (m.type === 'done') resolve(m.accounts);
                        // with its reason: "storage is full", a refusal of team sync… in the user's language
                        else if (m.type === 'failed') reject(m.error ? KalError.from(m.error) : new Error(m.message));
                      };
                      void getSyncConfig().then((sync) => send({ type: 'write', sync }), () => send({ type: 'write' }));
                    }),
                  ALL_TABLES,
                  { ok: (n) => t('restoreDone', { n }) },
                );
                setProgress(null);
                if (r !== undefined) reset();
              }}
            >
              {t('restoreNow')}
            </Button>
            <Button size="md" onClick={reset}>
              {t('cancel')}
            </Button>
          </div>
        </ConfirmBox>
      )}
      {progress && (
        <div className="mt-3">
          <Progress {...progress} />
        </div>
      )}
    </Card>
  );
}
