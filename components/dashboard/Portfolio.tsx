// Portfolio: every account with its figures; sortable, filterable by tier, searchable.
import { useDeferredValue, useMemo, useState } from 'react';
import { formatMoney } from '@/lib/i18n';
import { queryRows, totals, type PortfolioQuery, type SortKey } from '@/lib/kam/portfolio';
import { TIERS, type Tier } from '@/lib/db/model';
import { useI18n } from '../i18n';
import { Button, ErrorText } from '../ui';
import { usePortfolio } from './usePortfolio';
import { PortfolioTable } from './PortfolioTable';
import { PortfolioEmpty, CreateAccountForm, SampleButton } from './PortfolioEmpty';
import { cx } from '../ui';
import { Section } from './Section';

export function Portfolio() {
  const { t, lang } = useI18n();
  const { data: rows, complete, error } = usePortfolio();
  const [q, setQ] = useState('');
  const [tiers, setTiers] = useState<Tier[]>([]);
  const [flaggedOnly, setFlaggedOnly] = useState(false);
  const [sort, setSort] = useState<{ key: SortKey; dir: 'asc' | 'desc' }>({ key: 'name', dir: 'asc' });
  const dq = useDeferredValue(q);
  const query: PortfolioQuery = { q: dq, tiers, sort: sort.key, dir: sort.dir, flaggedOnly };
  const shown = useMemo(() => (rows ? queryRows(rows, query) : []), [rows, dq, tiers, sort, flaggedOnly]); // eslint-disable-line react-hooks/exhaustive-deps
  const tot = useMemo(() => totals(shown), [shown]);
  // One sum per currency, joined: "€1.2M + £300k" (never EUR and GBP amounts added up as one).
  const sum = (k: 'currentRevenue' | 'potentialRevenue' | 'whitespace') => (tot.byCurrency.length ? tot.byCurrency.map((m) => formatMoney(m[k], m.currency, lang)).join(' + ') : formatMoney(0, 'EUR', lang));

  if (error) return <ErrorText>{error}</ErrorText>;
  if (!rows) return <p>{t('loading')}</p>;
  if (rows.length === 0) return <PortfolioEmpty />;

  const toggleTier = (x: Tier) => setTiers((ts) => (ts.includes(x) ? ts.filter((y) => y !== x) : [...ts, x]));
  return (
    <div className="space-y-3">
      <div className="flex flex-wrap items-end gap-3">
        <h1 className="mr-auto text-xl font-semibold">{t('navPortfolio')}</h1>
        <CreateAccountForm />
        <SampleButton />
        <a href="#/data" className="rounded-md bg-slate-100 px-3 py-1.5 text-sm font-medium hover:bg-slate-200 focus-visible:outline-2 focus-visible:outline-blue-500 dark:bg-slate-800 dark:hover:bg-slate-700">
          {t('importCsv')}
        </a>
      </div>
      <div className="flex flex-wrap items-center gap-3">
        <input
          type="search"
          value={q}
          onChange={(e) => setQ(e.target.value)}
          placeholder={t('searchPortfolio')}
          aria-label={t('searchPortfolio')}
          className="w-72 rounded border border-slate-300 bg-white px-2 py-1 text-sm focus-visible:outline-2 focus-visible:outline-blue-500 dark:border-slate-600 dark:bg-slate-800"
        />
        <fieldset className="flex items-center gap-1 text-sm">
          <legend className="sr-only">{t('filterTier')}</legend>
          <span aria-hidden className="mr-1 text-xs text-slate-500 dark:text-slate-400">
            {t('tier')}
          </span>
          {TIERS.map((x) => (
            <label key={x} className={cx('cursor-pointer rounded border px-2 py-0.5 focus-within:outline-2 focus-within:outline-blue-500', tiers.includes(x) ? 'border-blue-700 bg-blue-700 text-white' : 'border-slate-300 dark:border-slate-600')}>
              <input type="checkbox" className="sr-only" checked={tiers.includes(x)} onChange={() => toggleTier(x)} />
              {t(`tier_${x}`)}
            </label>
          ))}
        </fieldset>
        <label className="flex items-center gap-1 text-sm">
          <input type="checkbox" checked={flaggedOnly} onChange={(e) => setFlaggedOnly(e.target.checked)} className="focus-visible:outline-2 focus-visible:outline-blue-500" />
          {t('flaggedOnly')}
        </label>
      </div>
      <Section name="PortfolioTotals" resetKey={shown}>
        <p className="text-xs text-slate-600 dark:text-slate-400" aria-live="polite">
          {complete ? t('portfolioCount', { shown: shown.length, total: rows.length }) : t('portfolioLoadingAll')} ·{' '}
          {t('portfolioTotals', { current: sum('currentRevenue'), potential: sum('potentialRevenue'), whitespace: sum('whitespace'), overdue: tot.overdueActions })}
        </p>
      </Section>
      <Section name="PortfolioTable" resetKey={shown}>
        <PortfolioTable rows={shown} sort={sort} onSort={(key) => setSort((s) => ({ key, dir: s.key === key && s.dir === 'asc' ? 'desc' : key === 'name' || key === 'renewalAt' || key === 'nextReviewAt' ? 'asc' : s.key === key ? 'asc' : 'desc' }))} />
      </Section>
      {shown.length === 0 && (
        <div className="p-4 text-center text-sm text-slate-600 dark:text-slate-400" data-testid="no-match-filter">
          <p>{t('noMatchFilter')}</p>
          <Button
            className="mt-2"
            onClick={() => {
              setQ('');
              setTiers([]);
              setFlaggedOnly(false);
            }}
          >
            {t('clearFilters')}
          </Button>
        </div>
      )}
    </div>
  );
}
