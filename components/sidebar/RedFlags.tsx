import type { RedFlag } from '@/lib/kam/red-flags';
import { formatDate } from '@/lib/i18n';
import { useI18n } from '../i18n';

export function RedFlags({ flags }: { flags: RedFlag[] }) {
  const { t, lang } = useI18n();
  if (!flags.length) return null;
  const text = (f: RedFlag): string => {
    switch (f.kind) {
      case 'no_decision_maker':
        return t('flag_no_decision_maker');
      case 'no_champion':
        return t('flag_no_champion');
      case 'not_contacted':
        return f.days === null ? t('flag_not_contacted_never', { name: f.name }) : t('flag_not_contacted', { name: f.name, days: f.days });
      case 'job_change':
        return t('flag_job_change', { name: f.name });
      case 'plan_stale':
        return f.days === null ? t('flag_plan_missing') : t('flag_plan_stale', { days: f.days });
      case 'review_due':
        return t('flag_review_due', { date: formatDate(f.dueAt, lang) });
    }
  };
  return (
    <div className="mx-3 mb-2 rounded-md bg-red-50 px-2 py-1.5 dark:bg-red-950" role="region" aria-label={t('redFlags')}>
      <ul className="space-y-0.5 text-xs text-red-900 dark:text-red-100" data-testid="red-flags">
        {flags.map((f, i) => (
          <li key={i}>⚑ {text(f)}</li>
        ))}
      </ul>
    </div>
  );
}
