import type { RedFlag } from '@/lib/kam/red-flags';
import { sectionOf } from '@/lib/kam/review-queue';
import { useI18n } from '../../i18n';
import { flagText } from '@/lib/i18n/flag-text';

export function FlagList({ flags, accountId }: { flags: RedFlag[]; accountId: string }) {
  const { t, lang } = useI18n();
  return (
    <section aria-labelledby="acc-flags" className="rounded-lg border border-amber-300 bg-amber-50 p-3 dark:border-amber-800 dark:bg-amber-950/40">
      <h2 id="acc-flags" className="mb-1 text-sm font-semibold text-amber-900 dark:text-amber-100">{t('redFlags')}</h2>
      <ul className="flex flex-wrap gap-x-4 gap-y-1 text-sm" data-testid="account-flags">
        {flags.map((f, i) => (
          <li key={i}>
            <a className="text-amber-900 underline-offset-2 hover:underline focus-visible:outline-2 focus-visible:outline-blue-500 dark:text-amber-100" href={`#/account/${encodeURIComponent(accountId)}/${sectionOf(f)}`}>
              ⚠ {flagText(f, t, lang)}
            </a>
          </li>
        ))}
      </ul>
    </section>
  );
}
