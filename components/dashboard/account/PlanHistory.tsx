// Plan history: every saved change with the fields it changed; the earlier text on demand;
// restore puts the plan back as it was before that revision (itself a new revision). A save
// refused because the same fields were changed elsewhere is listed too, with both versions
// ("theirs" as the plan stood, "yours" as refused), and can be applied from here.
import { useState } from 'react';
import type { Plan, PlanRevision } from '@/lib/db/model';
import { restorePlanRevision } from '@/lib/db/repo';
import { formatDateTime } from '@/lib/i18n';
import { useI18n } from '../../i18n';
import { Button } from '../../ui';
import { ConfirmBox } from '../../ui/ConfirmBox';
import { FIELD_LABELS } from '../../ui/ConflictReview';
import { useWrite } from '../write';
import { Card } from '../fields';


function beforeText(p: Partial<Plan>, field: string): string {
  const v = (p as Record<string, unknown>)[field];
  if (typeof v === 'string') return v || '—';
  if (Array.isArray(v)) return v.map((x: { title?: string; text?: string; offering?: string; entity?: string; status?: string }) => x.title ?? x.text ?? `${x.offering} × ${x.entity}: ${x.status}`).join(' · ') || '—';
  return '—';
}

export function PlanHistory({ revisions, plan }: { revisions: PlanRevision[]; plan?: Plan }) {
  const { t, lang } = useI18n();
  const write = useWrite();
  const [asking, setAsking] = useState<string | null>(null);
  const fmtTime = (ms: number) => formatDateTime(ms, lang);
  return (
    <Card title={t('planHistory')} id="sec-history">
      {revisions.length === 0 && <p className="text-sm text-slate-500 dark:text-slate-400">{t('noRevisions')}</p>}
      <ol className="max-h-96 space-y-2 overflow-y-auto" data-testid="plan-history">
        {revisions.map((r) => (
          <li key={r.id} data-testid={r.refused ? 'plan-refused' : undefined} className={r.refused ? 'rounded border border-amber-300 p-2 text-sm dark:border-amber-800' : 'rounded border border-slate-200 p-2 text-sm dark:border-slate-700'}>
            <div className="flex flex-wrap items-center gap-2">
              <span className="font-medium">{t('revisionLine', { n: r.revision, date: fmtTime(r.createdAt) })}</span>
              {r.refused && <span className="font-semibold text-amber-800 dark:text-amber-300">{t('conflictRefused')}</span>}
              <span className="text-slate-600 dark:text-slate-300">{t('changedFields', { fields: r.changedFields.map((f) => (FIELD_LABELS[f] ? t(FIELD_LABELS[f]) : f)).join(', ') })}</span>
              <span className="ml-auto">
                <Button onClick={() => setAsking(r.id)} disabled={!plan} hidden={asking === r.id}>
                  {r.refused ? t('applyThisVersion') : t('restoreRevision', { n: r.revision })}
                </Button>
                {asking === r.id && (
                  <ConfirmBox inline onCancel={() => setAsking(null)} aria-label={r.refused ? t('confirmApplyRefused') : t('confirmRestore', { n: r.revision })} className="flex items-center gap-1">
                    <span className="text-xs">{r.refused ? t('confirmApplyRefused') : t('confirmRestore', { n: r.revision })}</span>
                    <Button
                      variant="primary"
                      autoFocus
                      onClick={async () => {
                        setAsking(null);
                        await write((db) => restorePlanRevision(db, r.id), ['plans', 'planRevisions'], { ok: (p) => t('restored', { n: p.revision }) });
                      }}
                    >
                      {t('confirm')}
                    </Button>
                    <Button onClick={() => setAsking(null)}>{t('cancel')}</Button>
                  </ConfirmBox>
                )}
              </span>
            </div>
            <details className="mt-1">
              <summary className="cursor-pointer text-xs text-slate-500 focus-visible:outline-2 focus-visible:outline-blue-500 dark:text-slate-400">…</summary>
              <dl className="mt-1 space-y-1 text-xs">
                {r.changedFields.map((f) =>
                  r.refused ? (
                    <div key={f}>
                      <dt className="font-semibold">{FIELD_LABELS[f] ? t(FIELD_LABELS[f]) : f}</dt>
                      <dd className="whitespace-pre-wrap text-slate-600 dark:text-slate-300">
                        {t('conflictTheirs')}: {beforeText(r.before, f)}
                      </dd>
                      <dd className="whitespace-pre-wrap text-slate-600 dark:text-slate-300">
                        {t('conflictMine')}: {beforeText(r.refused, f)}
                      </dd>
                    </div>
                  ) : (
                    <div key={f}>
                      <dt className="font-semibold">{FIELD_LABELS[f] ? t(FIELD_LABELS[f]) : f}</dt>
                      <dd className="line-clamp-4 whitespace-pre-wrap text-slate-600 dark:text-slate-300">{beforeText(r.before, f)}</dd>
                    </div>
                  ),
                )}
              </dl>
            </details>
          </li>
        ))}
      </ol>
    </Card>
  );
}
