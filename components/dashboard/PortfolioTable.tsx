// The portfolio grid, virtualised (@tanstack/react-virtual): only the visible rows are in the
// DOM, so 10,000 accounts scroll smoothly. ARIA table roles keep it a table for screen readers.
import { isDue, today } from '@/lib/dates/calendar-date';
import { useRef, type CSSProperties } from 'react';
import { useVirtualizer } from '@tanstack/react-virtual';
import { formatDay, formatMoney, type MessageKey } from '@/lib/i18n';
import type { PortfolioRow, SortKey } from '@/lib/kam/portfolio';
import { useI18n } from '../i18n';
import { cx } from '../ui';

const COLS: { key: SortKey; label: MessageKey; align?: 'right' }[] = [
  { key: 'name', label: 'colName' },
  { key: 'tier', label: 'tier' },
  { key: 'currentRevenue', label: 'currentRevenue', align: 'right' },
  { key: 'potentialRevenue', label: 'potentialRevenue', align: 'right' },
  { key: 'whitespace', label: 'whitespace', align: 'right' },
  { key: 'renewalAt', label: 'renewal' },
  { key: 'nextReviewAt', label: 'nextReview' },
  { key: 'openActions', label: 'colOpen', align: 'right' },
  { key: 'overdueActions', label: 'colOverdue', align: 'right' },
  { key: 'coverage', label: 'colCoverage' },
];
const GRID: CSSProperties = { display: 'grid', gridTemplateColumns: 'minmax(180px,2.2fr) 56px repeat(3, minmax(90px,1fr)) repeat(2, minmax(100px,1fr)) 72px 72px minmax(150px,1.4fr)', alignItems: 'center' };
const ROW_H = 40;

const TIER_STYLE = { A: 'bg-blue-700 text-white', B: 'bg-blue-100 text-blue-900 dark:bg-blue-900 dark:text-blue-100', C: 'bg-slate-200 text-slate-800 dark:bg-slate-700 dark:text-slate-100', untiered: 'ring-1 ring-slate-300 dark:ring-slate-600' } as const;

export function PortfolioTable({ rows, sort, onSort }: { rows: PortfolioRow[]; sort: { key: SortKey; dir: 'asc' | 'desc' }; onSort: (k: SortKey) => void }) {
  const { t, lang } = useI18n();
  const scrollRef = useRef<HTMLDivElement>(null);
  const v = useVirtualizer({ count: rows.length, getScrollElement: () => scrollRef.current, estimateSize: () => ROW_H, overscan: 12, initialRect: { width: 1200, height: 600 } });
  const day = today();
  return (
    <div role="table" aria-label={t('navPortfolio')} aria-rowcount={rows.length + 1} data-testid="portfolio" className="overflow-x-auto rounded-lg border border-slate-200 bg-white dark:border-slate-800 dark:bg-slate-900">
      <div className="min-w-[1100px]">
        <div role="rowgroup">
          <div role="row" aria-rowindex={1} style={GRID} className="border-b border-slate-200 text-xs text-slate-600 uppercase dark:border-slate-700 dark:text-slate-300">
            {COLS.map((c) => (
              <div key={c.key} role="columnheader" aria-sort={sort.key === c.key ? (sort.dir === 'asc' ? 'ascending' : 'descending') : 'none'} className={cx('px-2 py-1', c.align === 'right' && 'text-right')}>
                <button type="button" onClick={() => onSort(c.key)} className="rounded font-semibold uppercase hover:underline focus-visible:outline-2 focus-visible:outline-blue-500" aria-label={t('sortBy', { col: t(c.label) })}>
                  {t(c.label)}
                  <span aria-hidden className="ml-0.5">{sort.key === c.key ? (sort.dir === 'asc' ? '▲' : '▼') : ''}</span>
                </button>
              </div>
            ))}
          </div>
        </div>
        <div ref={scrollRef} role="rowgroup" className="relative overflow-y-auto" style={{ height: Math.min(rows.length * ROW_H, 620) || ROW_H, maxHeight: 'calc(100vh - 260px)', minHeight: Math.min(rows.length, 6) * ROW_H }}>
          <div style={{ height: v.getTotalSize(), position: 'relative' }}>
            {v.getVirtualItems().map((vi) => {
              const r = rows[vi.index];
              return (
                <div
                  key={r.id}
                  role="row"
                  aria-rowindex={vi.index + 2}
                  style={{ ...GRID, position: 'absolute', top: 0, left: 0, right: 0, height: ROW_H, transform: `translateY(${vi.start}px)` }}
                  className="border-b border-slate-100 text-sm hover:bg-slate-50 dark:border-slate-800 dark:hover:bg-slate-800/60"
                >
                  <div role="cell" className="truncate px-2">
                    <a href={`#/account/${encodeURIComponent(r.id)}`} className="font-medium text-blue-700 hover:underline focus-visible:outline-2 focus-visible:outline-blue-500 dark:text-blue-300">
                      {r.name}
                    </a>
                  </div>
                  <div role="cell" className="px-2">
                    <span className={cx('inline-block min-w-6 rounded px-1.5 text-center text-xs font-semibold', TIER_STYLE[r.tier])}>{r.tier === 'untiered' ? '–' : r.tier}</span>
                    <span className="sr-only">{t(`tier_${r.tier}`)}</span>
                  </div>
                  <div role="cell" className="px-2 text-right tabular-nums">{formatMoney(r.currentRevenue, r.currency, lang)}</div>
                  <div role="cell" className="px-2 text-right tabular-nums">{formatMoney(r.potentialRevenue, r.currency, lang)}</div>
                  <div role="cell" className="px-2 text-right font-medium tabular-nums">{formatMoney(r.whitespace, r.currency, lang)}</div>
                  <div role="cell" className="px-2">{formatDay(r.renewalAt, lang)}</div>
                  <div role="cell" className={cx('px-2', isDue(r.nextReviewAt, day) && 'font-semibold text-red-700 dark:text-red-300')}>{formatDay(r.nextReviewAt, lang)}</div>
                  <div role="cell" className="px-2 text-right tabular-nums">{r.statsReady ? r.openActions : '…'}</div>
                  <div role="cell" className={cx('px-2 text-right tabular-nums', r.overdueActions > 0 && 'font-semibold text-red-700 dark:text-red-300')}>{r.statsReady ? r.overdueActions : '…'}</div>
                  <div role="cell" className="flex flex-wrap gap-1 px-2 text-xs">
                    {!r.statsReady && <span className="text-slate-500 dark:text-slate-400" aria-label={t('loading')}>…</span>}
                    {r.statsReady && r.noDecisionMaker && <span className="rounded bg-amber-100 px-1 text-amber-900 dark:bg-amber-900 dark:text-amber-100">{t('noDmShort')}</span>}
                    {r.statsReady && r.noChampion && <span className="rounded bg-amber-100 px-1 text-amber-900 dark:bg-amber-900 dark:text-amber-100">{t('noChampionShort')}</span>}
                    {r.statsReady && !r.noDecisionMaker && !r.noChampion && <span className="text-emerald-700 dark:text-emerald-300">{t('coverageOk')}</span>}
                  </div>
                </div>
              );
            })}
          </div>
        </div>
      </div>
    </div>
  );
}
