// CSV import: choose what the file holds, check the column mapping (HubSpot / Salesforce names
// are recognised), preview what will be created / merged / skipped, then import in one
// transaction. Any bad row rejects the file with its row and column; nothing is written.
import { useEffect, useMemo, useState } from 'react';
import { getDb } from '@/lib/db/db';
import { applyImport, newId } from '@/lib/db/repo';
import { ACCOUNT_FIELDS, CONTACT_FIELDS, guessKind, guessMapping, parseCsv, planAccountImport, planContactImport, type Existing, type ImportKind, type Mapping, type ParsedCsv, type PlanResult, type TargetField } from '@/lib/io/csv-import';
import type { ImportProblem } from '@/lib/io/errors';
import type { MessageKey } from '@/lib/i18n';
import { getSettings } from '@/lib/settings';
import { useI18n } from '../../i18n';
import { Button, cx } from '../../ui';
import { useWrite } from '../write';
import { Card, Field, inputCls } from '../fields';
import { Problems, Progress } from './Problems';

async function loadExisting(): Promise<Existing> {
  const db = getDb();
  return db.transaction('r', db.accounts, db.stakeholders, async () => ({ accounts: await db.accounts.toArray(), stakeholders: await db.stakeholders.toArray() }));
}
// The free-mail list is large: loaded only when a CSV is actually imported.
let isFreeMail: (d: string) => boolean = () => false;
const loadFreeMail = () => import('@/lib/match/free-mail').then((m) => (isFreeMail = m.isFreeMailDomain));
function plan(kind: ImportKind, csv: ParsedCsv, mapping: Mapping, existing: Existing, cadence?: number): PlanResult {
  const o = { file: csv.file, now: Date.now(), newId, reviewCadenceDays: cadence };
  return kind === 'accounts' ? planAccountImport(csv, mapping, existing, o) : planContactImport(csv, mapping, existing, o, isFreeMail);
}

export function CsvImportSection() {
  const { t } = useI18n();
  const write = useWrite();
  const [kind, setKind] = useState<ImportKind>('accounts');
  const [csv, setCsv] = useState<ParsedCsv | null>(null);
  const [fileProblems, setFileProblems] = useState<ImportProblem[] | null>(null);
  const [mapping, setMapping] = useState<Mapping>({});
  const [existing, setExisting] = useState<Existing | null>(null);
  const [cadence, setCadence] = useState<number | undefined>();
  const [progress, setProgress] = useState<{ done: number; total: number } | null>(null);
  const [inputKey, setInputKey] = useState(0);
  useEffect(() => {
    void getSettings().then((s) => setCadence(s.reviewCadenceDays), () => {});
  }, []);
  useEffect(() => {
    if (csv) setMapping(guessMapping(csv.headers, kind));
  }, [csv, kind]);
  const result = useMemo(() => (csv && existing ? plan(kind, csv, mapping, existing, cadence) : null), [csv, existing, mapping, kind, cadence]);
  const fields: readonly TargetField[] = kind === 'accounts' ? ACCOUNT_FIELDS : CONTACT_FIELDS;
  const reset = () => {
    setCsv(null);
    setFileProblems(null);
    setExisting(null);
    setInputKey((k) => k + 1);
  };
  const commit = async () => {
    if (!csv) return;
    // Re-plan against the database as it is now (another tab may have written meanwhile).
    const fresh = plan(kind, csv, mapping, await loadExisting(), cadence);
    if (!fresh.ok) {
      setExisting(await loadExisting());
      return;
    }
    setProgress({ done: 0, total: 1 });
    const r = await write((db) => applyImport(db, fresh.batch, (done, total) => setProgress({ done, total })).then(() => fresh.summary), ['accounts', 'stakeholders'], {
      ok: (s) => t('csvImported', { create: s.create + s.newAccounts, merge: s.merge }),
    });
    setProgress(null);
    if (r) reset();
  };

  return (
    <Card title={t('csvImportH')} id="csv-import">
      <div className="flex flex-wrap items-end gap-4">
        <fieldset className="text-sm">
          <legend className="mb-1 text-xs font-medium text-slate-600 dark:text-slate-300">{t('csvKind')}</legend>
          <div className="flex gap-3">
            {(['accounts', 'contacts'] as const).map((k) => (
              <label key={k} className="flex items-center gap-1">
                <input type="radio" name="csv-kind" value={k} checked={kind === k} onChange={() => setKind(k)} className="focus-visible:outline-2 focus-visible:outline-blue-500" />
                {t(k === 'accounts' ? 'csvKindAccounts' : 'csvKindContacts')}
              </label>
            ))}
          </div>
        </fieldset>
        <Field label={t('chooseCsv')}>
          {(id) => (
            <input
              key={inputKey}
              id={id}
              type="file"
              accept=".csv,text/csv"
              className={inputCls}
              data-testid="csv-file"
              onChange={async (e) => {
                const f = e.target.files?.[0];
                setCsv(null);
                setFileProblems(null);
                if (!f) return;
                const r = parseCsv(await f.text(), f.name);
                if (!r.ok) {
                  setFileProblems(r.problems);
                  return;
                }
                await loadFreeMail().catch(() => {});
                setExisting(await loadExisting());
                setKind(guessKind(r.csv.headers));
                setCsv(r.csv);
              }}
            />
          )}
        </Field>
      </div>
      {fileProblems && (
        <div className="mt-3">
          <Problems problems={fileProblems} />
        </div>
      )}
      {csv && (
        <div className="mt-4 grid gap-4 xl:grid-cols-2">
          <div>
            <h3 className="mb-1 text-sm font-semibold">{t('csvMapping')}</h3>
            <table className="w-full text-left text-sm">
              <thead className="text-xs text-slate-600 uppercase dark:text-slate-300">
                <tr>
                  <th scope="col" className="p-1">{t('csvColumn')}</th>
                  <th scope="col" className="p-1">{t('csvField')}</th>
                  <th scope="col" className="p-1">{t('csvExample')}</th>
                </tr>
              </thead>
              <tbody>
                {csv.headers.map((h) => (
                  <tr key={h} className="border-t border-slate-100 dark:border-slate-800">
                    <th scope="row" className="p-1 font-medium">{h}</th>
                    <td className="p-1">
                      <select aria-label={`${t('csvField')}: ${h}`} className={cx(inputCls, 'py-0.5')} value={mapping[h] ?? ''} onChange={(e) => setMapping({ ...mapping, [h]: e.target.value as TargetField | '' })}>
                        <option value="">{t('csvIgnore')}</option>
                        {fields.map((f) => (
                          <option key={f} value={f}>{t(`csvf_${f}` as MessageKey)}</option>
                        ))}
                      </select>
                    </td>
                    <td className="max-w-48 truncate p-1 text-xs text-slate-600 dark:text-slate-400">{csv.rows[0]?.[h] ?? ''}</td>
                  </tr>
                ))}
              </tbody>
            </table>
          </div>
          <div>
            <h3 className="mb-1 text-sm font-semibold">{t('csvPreview')}</h3>
            {result && !result.ok && <Problems problems={result.problems} />}
            {result?.ok && (
              <div className="space-y-2">
                <p className="text-sm" data-testid="csv-summary">
                  {t('csvSummary', result.summary)} {result.summary.newAccounts > 0 && t('csvNewAccounts', { n: result.summary.newAccounts })}
                </p>
                <p className="text-xs text-slate-500 dark:text-slate-400">{t('csvRowsShown', { n: Math.min(20, result.rows.length) })}</p>
                <ul className="max-h-72 space-y-0.5 overflow-y-auto text-sm">
                  {result.rows.slice(0, 20).map((r) => (
                    <li key={r.line} className="flex gap-2">
                      <span className="w-10 text-right text-xs text-slate-500 dark:text-slate-400">{r.line}</span>
                      <span className={cx('w-24 text-xs font-medium', r.outcome === 'create' ? 'text-emerald-700 dark:text-emerald-300' : r.outcome === 'merge' ? 'text-blue-700 dark:text-blue-300' : 'text-slate-500')}>{t(`outcome_${r.outcome}` as MessageKey)}</span>
                      <span className="flex-1 truncate">
                        {r.name}
                        {r.accountName && <span className="text-slate-500 dark:text-slate-400"> · {r.accountName}{r.newAccount ? ' (+)' : ''}</span>}
                      </span>
                    </li>
                  ))}
                </ul>
                {progress ? (
                  <Progress {...progress} />
                ) : (
                  <div className="flex gap-2">
                    <Button variant="primary" size="md" onClick={() => void commit()} disabled={result.summary.create + result.summary.merge === 0}>
                      {t('csvImport', { n: csv.rows.length })}
                    </Button>
                    <Button size="md" onClick={reset}>
                      {t('cancel')}
                    </Button>
                  </div>
                )}
              </div>
            )}
          </div>
        </div>
      )}
    </Card>
  );
}
