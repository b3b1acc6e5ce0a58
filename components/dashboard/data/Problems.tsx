import { formatProblem, type ImportProblem, type ProblemWords } from '@/lib/io/errors';
import type { MessageKey, T } from '@/lib/i18n';
import { useI18n } from '../../i18n';

const KEY_CODES = new Set(['not_domain', 'public_suffix', 'not_website', 'profile_not_company', 'not_company_page', 'not_profile', 'not_email']);
/** The problem's place and reason in the user's language (a problem without a code keeps its English message). */
export function problemWords(t: T): ProblemWords {
  return {
    row: (n) => t('problemRow', { n }),
    id: (id) => t('problemId', { id }),
    reason: (p) => (p.code ? t(((KEY_CODES.has(p.code) ? 'keyProblem_' : 'problem_') + p.code) as MessageKey, p.vars) : undefined),
  };
}

/** The problems that made an import fail: file › table › row › field: message (as text). */
export function Problems({ problems, title }: { problems: ImportProblem[]; title?: string }) {
  const { t } = useI18n();
  const words = problemWords(t);
  const shown = problems.slice(0, 10);
  return (
    <div role="alert" data-testid="import-problems" className="rounded border border-red-300 bg-red-50 p-2 text-sm text-red-900 dark:border-red-800 dark:bg-red-950 dark:text-red-100">
      <p className="font-semibold">{title ?? t('fileRejected')}</p>
      <ul className="mt-1 list-disc pl-5">
        {shown.map((p, i) => (
          <li key={i} className="break-words">{formatProblem(p, words)}</li>
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
