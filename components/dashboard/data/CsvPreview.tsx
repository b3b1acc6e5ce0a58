// What the import will do: counts, the first rows, the bad rows (row › column: why), contacts to
// assign to an account, then "Import the N good rows" or Cancel.
import type { Account } from '@/lib/db/model';
import type { PlanResult, RowOutcome } from '@/lib/io/csv-import';
import { formatProblem } from '@/lib/io/errors';
import type { MessageKey } from '@/lib/i18n';
import { useI18n } from '../../i18n';
import { Button, cx } from '../../ui';
import { inputCls } from '../fields';
import { Problems, Progress, problemWords } from './Problems';

const OUTCOME_CLS: Record<RowOutcome, string> = { create: 'text-emerald-700 dark:text-emerald-300', merge: 'text-blue-700 dark:text-blue-300', duplicate: 'text-slate-500 dark:text-slate-400' };

export function CsvPreview(p: {
  result: PlanResult;
  accounts: Account[];
  assignments: ReadonlyMap<number, string>;
  onAssign: (row: number, accountId: string) => void;
  progress: { done: number; total: number } | null;
  onImport: () => void;
  onCancel: () => void;
}) {
  const { t } = useI18n();
  const { result } = p;
  if (!result.ok) return <Problems problems={result.problems} />;
  const good = result.summary.create + result.summary.merge;
  const sorted = p.accounts.length <= 5000 ? [...p.accounts].sort((a, b) => a.name.localeCompare(b.name)) : [];
  return (
    <div className="space-y-3">
      <h3 className="text-sm font-semibold">{t('csvPreview')}</h3>
      <p className="text-sm" data-testid="csv-summary">
        {t('csvSummary', result.summary)} {result.summary.newAccounts > 0 && t('csvNewAccounts', { n: result.summary.newAccounts })}
      </p>
      {result.problems.length > 0 && (
        <div role="alert" data-testid="csv-bad-rows" className="rounded border border-red-300 bg-red-50 p-2 text-sm text-red-900 dark:border-red-800 dark:bg-red-950 dark:text-red-100">
          <p className="font-semibold">{t('csvBadRows', { n: result.badRows.length })}</p>
          <ul className="mt-1 max-h-48 list-disc overflow-y-auto pl-5">
            {result.problems.slice(0, 200).map((x, i) => (
              <li key={i} className="break-words">{formatProblem(x, problemWords(t))}</li>
            ))}
          </ul>
          {result.problems.length > 200 && <p className="mt-1">{t('moreProblems', { n: result.problems.length - 200 })}</p>}
        </div>
      )}
      {result.unassigned.length > 0 && (
        <div className="rounded border border-amber-300 bg-amber-50 p-2 text-sm text-amber-900 dark:border-amber-800 dark:bg-amber-950 dark:text-amber-100" data-testid="csv-unassigned">
          <p className="font-semibold">{t('csvUnassigned', { n: result.unassigned.length })}</p>
          <ul className="mt-1 max-h-60 space-y-1 overflow-y-auto">
            {result.unassigned.slice(0, 200).map((u) => (
              <li key={u.row} className="flex flex-wrap items-center gap-2">
                <span className="w-10 text-right text-xs">{u.row}</span>
                <span className="min-w-32 flex-1">
                  {u.name}
                  {u.email && <span className="text-xs"> · {u.email}</span>}
                  {u.title && <span className="text-xs"> · {u.title}</span>}
                </span>
                <select aria-label={t('csvAssignTo', { name: u.name })} className={cx(inputCls, 'w-56 py-0.5')} value={p.assignments.get(u.row) ?? ''} onChange={(e) => p.onAssign(u.row, e.target.value)}>
                  <option value="">{t('csvLeaveOut')}</option>
                  {sorted.map((a) => (
                    <option key={a.id} value={a.id}>{a.name}</option>
                  ))}
                </select>
              </li>
            ))}
          </ul>
        </div>
      )}
      <p className="text-xs text-slate-500 dark:text-slate-400">{t('csvRowsShown', { n: Math.min(20, result.rows.length) })}</p>
      <ul className="max-h-72 space-y-0.5 overflow-y-auto text-sm" data-testid="csv-rows">
        {result.rows.slice(0, 20).map((r) => (
          <li key={r.row} className="flex gap-2">
            <span className="w-10 text-right text-xs text-slate-500 dark:text-slate-400">{r.row}</span>
            <span className={cx('w-24 text-xs font-medium', OUTCOME_CLS[r.outcome])}>{t(`outcome_${r.outcome}` as MessageKey)}</span>
            <span className="flex-1 truncate">
              {r.name}
              {r.accountName && <span className="text-slate-500 dark:text-slate-400"> · {r.accountName}{r.newAccount ? ' (+)' : ''}</span>}
              {r.fileAccountName && <span className="text-amber-800 dark:text-amber-300"> · {t('csvStaysIn', { file: r.fileAccountName })}</span>}
            </span>
          </li>
        ))}
      </ul>
      {p.progress ? (
        <Progress {...p.progress} />
      ) : (
        <div className="flex flex-wrap items-center gap-2">
          <Button variant="primary" size="md" onClick={p.onImport} disabled={good === 0}>
            {result.problems.length ? t('csvImportGood', { n: result.rows.length }) : t('csvImport', { n: result.rows.length })}
          </Button>
          <Button size="md" onClick={p.onCancel}>
            {t('cancel')}
          </Button>
          {good === 0 && <span className="text-sm">{t('csvNothingToImport')}</span>}
        </div>
      )}
    </div>
  );
}
