// Segmentation: attractiveness (y) against our position (x), a 2×2 grid; tiers editable here.
import { useMemo, useState } from 'react';
import { getDb } from '@/lib/db/db';
import { patchAccount } from '@/lib/db/repo';
import { TIERS, type Account, type Tier } from '@/lib/db/model';
import { formatMoney, type MessageKey } from '@/lib/i18n';
import { MIDPOINT, quadrant, segmentPoint, spread, suggestedTier, summarise, toPlot } from '@/lib/kam/segmentation';
import { useI18n } from '../i18n';
import { useDbQuery } from '../useDbQuery';
import { Button, ErrorText, cx } from '../ui';
import { useWrite } from './write';
import { useQuickEdit } from './useQuickEdit';
import { PortfolioEmpty } from './PortfolioEmpty';

const SIZE = 520;
const PAD = 36;
const TIER_FILL: Record<Tier, string> = { A: '#1d4ed8', B: '#60a5fa', C: '#94a3b8', untiered: '#ffffff' };

export function Segments() {
  const { t, lang } = useI18n();
  const { data: accounts, error } = useDbQuery(() => getDb().accounts.orderBy('name').toArray(), []);
  const [selected, setSelected] = useState<string | null>(null);
  const write = useWrite();
  const quick = useQuickEdit();
  const points = useMemo(() => {
    if (!accounts) return [];
    const maxRev = Math.max(1, ...accounts.map((a) => a.currentRevenue));
    return spread(
      accounts.map((a) => {
        const p = segmentPoint(a.scores);
        return { a, p, r: 5 + 9 * Math.sqrt(a.currentRevenue / maxRev), ...toPlot(p, SIZE, PAD) };
      }),
    );
  }, [accounts]);
  const summary = useMemo(() => summarise(accounts ?? []), [accounts]);
  if (error) return <ErrorText>{error}</ErrorText>;
  if (!accounts) return <p>{t('loading')}</p>;
  if (!accounts.length) return <PortfolioEmpty title={t('navSegments')} />;
  const sel = accounts.find((a) => a.id === selected);
  const mid = toPlot({ attractiveness: MIDPOINT, position: MIDPOINT }, SIZE, PAD);
  const currency = accounts[0].currency;
  // against the tier shown (useQuickEdit): a tier changed elsewhere meanwhile is reviewed, not overwritten
  const setTier = (a: Account, tier: Tier) => quick(a, 'tier', tier, (p, onConflict) => write((db) => patchAccount(db, a.id, p), ['accounts'], { ok: `${a.name}: ${t('tier')} ${t(`tier_${tier}`)}`, onConflict }));

  return (
    <div className="space-y-3">
      <h1 className="text-xl font-semibold">{t('segTitle')}</h1>
      <p className="max-w-3xl text-sm text-slate-600 dark:text-slate-300">{t('segHelp')}</p>
      <div className="flex flex-wrap gap-4">
        <svg role="group" aria-label={t('segChart', { n: accounts.length })} viewBox={`0 0 ${SIZE} ${SIZE}`} className="w-full max-w-[560px] rounded-lg border border-slate-200 bg-white dark:border-slate-800 dark:bg-slate-900" data-testid="segments-chart">
          {/* quadrants */}
          <rect x={mid.x} y={PAD} width={SIZE - PAD - mid.x} height={mid.y - PAD} className="fill-blue-50 dark:fill-blue-950/50" />
          <rect x={PAD} y={mid.y} width={mid.x - PAD} height={SIZE - PAD - mid.y} className="fill-slate-50 dark:fill-slate-800/40" />
          <line x1={mid.x} x2={mid.x} y1={PAD} y2={SIZE - PAD} className="stroke-slate-300 dark:stroke-slate-600" strokeDasharray="4 4" />
          <line x1={PAD} x2={SIZE - PAD} y1={mid.y} y2={mid.y} className="stroke-slate-300 dark:stroke-slate-600" strokeDasharray="4 4" />
          <rect x={PAD} y={PAD} width={SIZE - 2 * PAD} height={SIZE - 2 * PAD} fill="none" className="stroke-slate-400" />
          <g className="fill-slate-500 text-[11px] dark:fill-slate-400" aria-hidden>
            <text x={SIZE - PAD - 4} y={PAD + 14} textAnchor="end">{t('quad_strategic')}</text>
            <text x={PAD + 4} y={PAD + 14}>{t('quad_develop')}</text>
            <text x={SIZE - PAD - 4} y={SIZE - PAD - 6} textAnchor="end">{t('quad_maintain')}</text>
            <text x={PAD + 4} y={SIZE - PAD - 6}>{t('quad_opportunistic')}</text>
            <text x={SIZE / 2} y={SIZE - 8} textAnchor="middle" className="font-semibold">{t('axisPosition')} →</text>
            <text x={12} y={SIZE / 2} textAnchor="middle" transform={`rotate(-90 12 ${SIZE / 2})`} className="font-semibold">{t('axisAttractiveness')} →</text>
          </g>
          {points.map(({ a, p, r, x, y }) => (
            <g key={a.id}>
            <g
              role="button"
              tabIndex={0}
              aria-pressed={selected === a.id}
              aria-label={t('segPoint', { name: a.name, a: p.attractiveness, p: p.position, tier: t(`tier_${a.tier}`) })}
              onClick={() => setSelected(a.id)}
              onKeyDown={(e) => {
                if (e.key === 'Enter' || e.key === ' ') {
                  e.preventDefault();
                  setSelected(a.id);
                }
              }}
              className="cursor-pointer focus:outline-none [&:focus-visible>circle]:stroke-blue-500 [&:focus-visible>circle]:stroke-[4]"
            >
              <title>{a.name}</title>
              <circle cx={x} cy={y} r={r} fill={TIER_FILL[a.tier]} fillOpacity={0.85} className={cx('stroke-slate-700 dark:stroke-slate-200', selected === a.id && 'stroke-[3]')} />
            </g>
              {/* a shortened copy of the button's name, outside the button (see OrgChart) */}
              {(points.length <= 40 || selected === a.id) && (
                <text aria-hidden x={x > SIZE * 0.68 ? x - r - 3 : x + r + 3} y={y + 4} textAnchor={x > SIZE * 0.68 ? 'end' : 'start'} className="pointer-events-none fill-slate-800 text-[11px] dark:fill-slate-100">
                  {a.name.length > 22 ? a.name.slice(0, 21) + '…' : a.name}
                </text>
              )}
            </g>
          ))}
        </svg>
        <div className="min-w-72 flex-1 space-y-3">
          <section aria-labelledby="seg-sel" className="rounded-lg border border-slate-200 bg-white p-3 dark:border-slate-800 dark:bg-slate-900">
            <h2 id="seg-sel" className="mb-2 text-sm font-semibold">{t('segSelected')}</h2>
            {!sel && <p className="text-sm text-slate-500 dark:text-slate-400">{t('segSelectHint')}</p>}
            {sel && (
              <div className="space-y-2 text-sm" data-testid="segment-selected">
                <a href={`#/account/${encodeURIComponent(sel.id)}`} className="font-medium text-blue-700 hover:underline dark:text-blue-300">{sel.name}</a>
                <p className="text-xs text-slate-600 dark:text-slate-300">
                  {t(`quad_${quadrant(segmentPoint(sel.scores))}` as MessageKey)} · {t('suggestedTier', { tier: suggestedTier(segmentPoint(sel.scores)) })}
                </p>
                <fieldset>
                  <legend className="mb-1 text-xs font-medium">{t('tier')}</legend>
                  <div className="flex gap-1">
                    {TIERS.map((x) => (
                      <Button key={x} variant={sel.tier === x ? 'primary' : 'subtle'} aria-pressed={sel.tier === x} onClick={() => void setTier(sel, x)}>
                        {t(`tier_${x}`)}
                      </Button>
                    ))}
                  </div>
                </fieldset>
              </div>
            )}
          </section>
          {summary.map((s) => (
            <section key={s.quadrant} aria-labelledby={`q-${s.quadrant}`} className="rounded-lg border border-slate-200 bg-white p-3 dark:border-slate-800 dark:bg-slate-900">
              <h2 id={`q-${s.quadrant}`} className="text-sm font-semibold">{t(`quad_${s.quadrant}` as MessageKey)}</h2>
              <p className="text-xs text-slate-600 dark:text-slate-400">
                {t('segQuadrantLine', { n: s.count, current: formatMoney(s.currentRevenue, currency, lang), potential: formatMoney(s.potentialRevenue, currency, lang) })}
              </p>
              <ul className="mt-1 flex flex-wrap gap-1">
                {accounts
                  .filter((a) => quadrant(segmentPoint(a.scores)) === s.quadrant)
                  .slice(0, 50)
                  .map((a) => (
                    <li key={a.id}>
                      <button type="button" onClick={() => setSelected(a.id)} aria-pressed={selected === a.id} className={cx('rounded px-1.5 py-0.5 text-xs focus-visible:outline-2 focus-visible:outline-blue-500', selected === a.id ? 'bg-blue-700 text-white' : 'bg-slate-100 dark:bg-slate-800')}>
                        {a.name} <span className="opacity-70">({a.tier === 'untiered' ? '–' : a.tier})</span>
                      </button>
                    </li>
                  ))}
              </ul>
            </section>
          ))}
        </div>
      </div>
    </div>
  );
}
