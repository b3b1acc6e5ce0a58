import { formatProblem, type ImportProblem } from '@/lib/io/errors';
import { useI18n } from '../../i18n';

/** The problems that made an import fail: file › table › row › field: message (as text). */
export function Problems({ problems, title }: { problems: ImportProblem[]; title?: string }) {
  const { t } = useI18n();
  const shown = problems.slice(0, 10);
  return (
    <div role="alert" data-testid="import-problems" className="rounded border border-red-300 bg-red-50 p-2 text-sm text-red-900 dark:border-red-800 dark:bg-red-950 dark:text-red-100">
      <p className="font-semibold">{title ?? t('fileRejected')}</p>
      <ul className="mt-1 list-disc pl-5">
        {shown.map((p, i) => (
          <li key={i} className="break-words">{formatProblem(p)}</li>
        ))}
      </ul>
      {problems.length > shown.length && <p className="mt-1">{t('moreProblems', { n: problems.length - shown.length })}</p>}
    </div>
  );
}

export function Progress({ done, total }: { done: number; total: number }) {
  const { t } = useI18n();
  return (
    <div className="flex items-center gap-2 text-sm">
      <progress value={done} max={Math.max(1, total)} className="w-64" aria-label={t('progress', { done, total })} />
      <span>{t('progress', { done, total })}</span>
    </div>
  );
}
