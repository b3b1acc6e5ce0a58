// Review queue ("this week"): overdue actions, reviews due, red flags — each one click from its fix.
import { getDb } from '@/lib/db/db';
import { patchAccount, patchAction } from '@/lib/db/repo';
import { addDays, today } from '@/lib/dates/calendar-date';
import { loadReviewQueue } from '@/lib/kam/review-queue';
import { formatDay } from '@/lib/i18n';
import { useI18n } from '../i18n';
import { useDbQuery } from '../useDbQuery';
import { Button, ErrorText } from '../ui';
import { useWrite } from './write';
import { useQuickEdit } from './useQuickEdit';
import { Card } from './fields';
import { flagText } from '@/lib/i18n/flag-text';
import { useThresholds } from './useSettings';

const href = (accountId: string, section: string) => `#/account/${encodeURIComponent(accountId)}/${section}`;
const linkCls = 'font-medium text-blue-700 hover:underline focus-visible:outline-2 focus-visible:outline-blue-500 dark:text-blue-300';

export function ReviewQueuePage() {
  const { t, lang } = useI18n();
  const write = useWrite();
  // One-click fixes are field-level patches with the value this queue showed (useQuickEdit): an
  // edit made elsewhere meanwhile is reviewed, never overwritten.
  const quick = useQuickEdit();
  const th = useThresholds();
  const { data: q, error } = useDbQuery(() => loadReviewQueue(getDb(), Date.now(), th), [th.contactDays, th.planDays]);
  if (error) return <ErrorText>{error}</ErrorText>;
  if (!q) return <p>{t('loading')}</p>;
  return (
    <div className="space-y-4">
      <div>
        <h1 className="text-xl font-semibold">{t('reviewTitle')}</h1>
        <p className="text-sm text-slate-600 dark:text-slate-300">{t('reviewHelp')}</p>
        <p className="mt-1 text-sm font-medium" aria-live="polite">{q.total ? t('reviewCount', { n: q.total }) : t('reviewEmpty')}</p>
      </div>
      {q.overdueActions.length > 0 && (
        <Card title={`${t('overdueActionsH')} (${q.overdueActions.length})`} id="rq-actions">
          <ul className="divide-y divide-slate-100 dark:divide-slate-800" data-testid="review-overdue">
            {q.overdueActions.map((i) => (
              <li key={i.key} className="flex flex-wrap items-center gap-2 py-1.5 text-sm">
                <input
                  type="checkbox"
                  className="h-4 w-4 focus-visible:outline-2 focus-visible:outline-blue-500"
                  aria-label={t('markDone', { title: i.action.title })}
                  checked={false}
                  onChange={() =>
                    void quick(i.action, 'status', 'done', (p, onConflict) =>
                      write((db) => patchAction(db, i.action.id, p), ['actions'], {
                        ok: t('actionDone'),
                        undo: () => () => patchAction(getDb(), i.action.id, { set: { status: 'open' }, base: { status: 'done' } }),
                        onConflict,
                      }),
                    )
                  }
                />
                <span className="flex-1">{i.action.title}</span>
                <a className={linkCls} href={href(i.accountId, 'timeline')}>{i.accountName}</a>
                <span className="text-xs font-semibold text-red-700 dark:text-red-300">{t('overdueBy', { days: i.days })}</span>
              </li>
            ))}
          </ul>
        </Card>
      )}
      {q.reviewsDue.length > 0 && (
        <Card title={`${t('reviewsDueH')} (${q.reviewsDue.length})`} id="rq-reviews">
          <ul className="divide-y divide-slate-100 dark:divide-slate-800" data-testid="review-reviews">
            {q.reviewsDue.map((i) => (
              <li key={i.key} className="flex flex-wrap items-center gap-2 py-1.5 text-sm">
                <a className={`${linkCls} flex-1`} href={href(i.accountId, 'plan')}>{i.accountName}</a>
                <span className={i.overdue ? 'text-xs font-semibold text-red-700 dark:text-red-300' : 'text-xs'}>{t('reviewDueOn', { date: formatDay(i.dueAt, lang) })}</span>
                <a className="text-xs text-blue-700 hover:underline dark:text-blue-300" href={`#/account/${encodeURIComponent(i.accountId)}/print`}>{t('onePageReview')}</a>
                <Button
                  onClick={async () => {
                    const a = await getDb().accounts.get(i.accountId);
                    // against the review date this queue showed
                    if (a) await quick({ ...a, nextReviewAt: i.dueAt }, 'nextReviewAt', addDays(today(), a.reviewCadenceDays), (p, onConflict) => write((db) => patchAccount(db, a.id, p), ['accounts'], { ok: t('markReviewed', { days: a.reviewCadenceDays }), onConflict }));
                  }}
                >
                  {t('reviewDone')}
                </Button>
              </li>
            ))}
          </ul>
        </Card>
      )}
      {q.flags.length > 0 && (
        <Card title={`${t('redFlagsH')} (${q.flags.length})`} id="rq-flags">
          <ul className="divide-y divide-slate-100 dark:divide-slate-800" data-testid="review-flags">
            {q.flags.map((i) => (
              <li key={i.key} className="flex flex-wrap items-center gap-2 py-1.5 text-sm">
                <span className="w-56 truncate font-medium">{i.accountName}</span>
                <span className="flex-1">⚠ {flagText(i.flag, t, lang)}</span>
                <a className={linkCls} href={href(i.accountId, i.section)} aria-label={t('labelValue', { label: t('fixIt'), value: `${i.accountName} — ${flagText(i.flag, t, lang)}` })}>
                  {t('fixIt')} →
                </a>
              </li>
            ))}
          </ul>
        </Card>
      )}
    </div>
  );
}
