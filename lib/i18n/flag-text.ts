import type { RedFlag } from '@/lib/kam/red-flags';
import { formatDay, type Lang, type T } from './index';

/** The sentence for a red flag: one wording in the sidebar, the dashboard and the print view. */
export function flagText(f: RedFlag, t: T, lang: Lang): string {
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
      return t('flag_review_due', { date: formatDay(f.dueAt, lang) });
  }
}
