import type { RedFlag } from '@/lib/kam/red-flags';
import { flagText } from '@/lib/i18n/flag-text';
import { useI18n } from '../i18n';

export function RedFlags({ flags }: { flags: RedFlag[] }) {
  const { t, lang } = useI18n();
  if (!flags.length) return null;
  return (
    <div className="mx-3 mb-2 rounded-md bg-red-50 px-2 py-1.5 dark:bg-red-950" role="region" aria-label={t('redFlags')}>
      <ul className="space-y-0.5 text-xs text-red-900 dark:text-red-100" data-testid="red-flags">
        {flags.map((f, i) => (
          <li key={i}>⚑ {flagText(f, t, lang)}</li>
        ))}
      </ul>
    </div>
  );
}
