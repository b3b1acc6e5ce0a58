import type { Plan } from '@/lib/db/model';
import { formatMoney, type MessageKey } from '@/lib/i18n';
import { useI18n } from '../i18n';
import { Section, cx } from '../ui';

const OBJ_STYLE = { not_started: 'text-slate-500', on_track: 'text-emerald-700 dark:text-emerald-300', at_risk: 'text-amber-700 dark:text-amber-300', done: 'text-blue-700 dark:text-blue-300' } as const;

export function PlanSummary({ plan, currency }: { plan?: Plan; currency: string }) {
  const { t, lang } = useI18n();
  if (!plan) {
    return (
      <Section title={t('plan')} id="kal-plan">
        <p className="text-xs text-slate-500 dark:text-slate-400">{t('noPlan')}</p>
      </Section>
    );
  }
  const open = plan.whitespace.filter((c) => c.status !== 'ours').sort((a, b) => (b.value ?? 0) - (a.value ?? 0)).slice(0, 3);
  return (
    <Section title={t('plan')} id="kal-plan">
      {plan.priorities && <p className="mb-1 line-clamp-3 text-xs whitespace-pre-wrap">{plan.priorities}</p>}
      {plan.objectives.length > 0 && (
        <>
          <h3 className="text-[11px] font-medium text-slate-500 dark:text-slate-400">{t('objectives')}</h3>
          <ul className="mb-1 space-y-0.5 text-xs">
            {plan.objectives.map((o) => (
              <li key={o.id} className="flex justify-between gap-2">
                <span>{o.title}</span>
                <span className={cx('shrink-0', OBJ_STYLE[o.status])}>{t(`objective_${o.status}` as MessageKey)}</span>
              </li>
            ))}
          </ul>
        </>
      )}
      {open.length > 0 && (
        <>
          <h3 className="text-[11px] font-medium text-slate-500 dark:text-slate-400">{t('topWhitespace')}</h3>
          <ul className="mb-1 space-y-0.5 text-xs">
            {open.map((c) => (
              <li key={c.id} className="flex justify-between gap-2">
                <span>
                  {c.offering} · {c.entity}
                </span>
                <span className="shrink-0 font-medium">{c.value !== undefined ? formatMoney(c.value, currency, lang) : ''}</span>
              </li>
            ))}
          </ul>
        </>
      )}
      {plan.risks.length > 0 && (
        <>
          <h3 className="text-[11px] font-medium text-slate-500 dark:text-slate-400">{t('risks')}</h3>
          <ul className="space-y-0.5 text-xs">
            {plan.risks.map((r) => (
              <li key={r.id}>
                <span className={cx('mr-1 font-medium', r.severity === 'high' ? 'text-red-700 dark:text-red-300' : 'text-amber-700 dark:text-amber-300')}>{t(`severity_${r.severity}` as MessageKey)}</span>
                {r.title}
                {r.mitigation && <span className="block text-slate-500 dark:text-slate-400">→ {r.mitigation}</span>}
              </li>
            ))}
          </ul>
        </>
      )}
    </Section>
  );
}
