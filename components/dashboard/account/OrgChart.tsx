// The power map picture: an org chart (reports-to lines) where each person's stance is the
// colour, influence the size (and number of bars), and role the label under the name — all
// visible at once. Each person is a focusable button: select to edit.
import type { Stakeholder } from '@/lib/db/model';
import type { MessageKey } from '@/lib/i18n';
import { layoutOrgChart } from '@/lib/kam/orgchart';
import { useI18n } from '../../i18n';

export const STANCE_FILL: Record<Stakeholder['stance'], { fill: string; text: string }> = {
  champion: { fill: '#059669', text: '#ffffff' },
  supporter: { fill: '#a7f3d0', text: '#064e3b' },
  neutral: { fill: '#e2e8f0', text: '#1e293b' },
  skeptic: { fill: '#fde68a', text: '#78350f' },
  opponent: { fill: '#dc2626', text: '#ffffff' },
  unknown: { fill: '#ffffff', text: '#334155' },
};
const W = { high: 168, medium: 148, low: 128 } as const;
const H = { high: 64, medium: 56, low: 50 } as const;
const COL = 184;
const ROW = 104;

export function OrgChart({ stakeholders, selected, onSelect }: { stakeholders: Stakeholder[]; selected?: string | null; onSelect?: (id: string) => void }) {
  const { t } = useI18n();
  const layout = layoutOrgChart(stakeholders);
  const byId = new Map(stakeholders.map((s) => [s.id, s]));
  const pos = new Map(layout.nodes.map((n) => [n.id, { x: 16 + n.col * COL + COL / 2, y: 16 + n.depth * ROW + 34 }]));
  const width = Math.max(1, layout.width) * COL + 32;
  const height = Math.max(1, layout.depth) * ROW + 24;
  const trunc = (s: string, n: number) => (s.length > n ? s.slice(0, n - 1) + '…' : s);
  return (
    <div className="overflow-x-auto">
      <svg role="group" aria-label={t('orgChartLabel', { n: stakeholders.length })} width={width} height={height} viewBox={`0 0 ${width} ${height}`} data-testid="org-chart" className="max-w-none">
        {layout.nodes.map((n) => {
          if (!n.parentId) return null;
          const a = pos.get(n.parentId)!;
          const b = pos.get(n.id)!;
          const mid = (a.y + b.y) / 2;
          return <path key={`l-${n.id}`} d={`M${a.x},${a.y + 28} V${mid} H${b.x} V${b.y - 28}`} fill="none" className="stroke-slate-400 dark:stroke-slate-500" strokeWidth={1.5} aria-hidden />;
        })}
        {layout.nodes.map((n) => {
          const s = byId.get(n.id)!;
          const { x, y } = pos.get(n.id)!;
          const w = W[s.influence];
          const h = H[s.influence];
          const c = STANCE_FILL[s.stance];
          const label = `${s.name}, ${t(`role_${s.role}` as MessageKey)}, ${t(`stance_${s.stance}` as MessageKey)}, ${t(`influence_${s.influence}` as MessageKey)}`;
          const bars = s.influence === 'high' ? 3 : s.influence === 'medium' ? 2 : 1;
          return (
            <g key={n.id}>
            <g
              role={onSelect ? 'button' : 'img'}
              tabIndex={onSelect ? 0 : undefined}
              aria-label={label}
              aria-pressed={onSelect ? selected === n.id : undefined}
              data-testid="org-node"
              onClick={onSelect && (() => onSelect(n.id))}
              onKeyDown={
                onSelect &&
                ((e) => {
                  if (e.key === 'Enter' || e.key === ' ') {
                    e.preventDefault();
                    onSelect(n.id);
                  }
                })
              }
              className="focus:outline-none [&[role=button]]:cursor-pointer [&:focus-visible>rect.frame]:stroke-blue-500 [&:focus-visible>rect.frame]:stroke-[4]"
            >
              <title>{label}</title>
              <rect className="frame" x={x - w / 2} y={y - h / 2} width={w} height={h} rx={8} fill={c.fill} stroke={selected === n.id ? '#1d4ed8' : '#475569'} strokeWidth={selected === n.id ? 3 : s.influence === 'high' ? 2 : 1} strokeDasharray={s.stance === 'unknown' ? '4 3' : undefined} />
            </g>
            {/* The visible lines are a shortened copy of the button's name, drawn over it but outside
                it: a "…"-truncated word inside a button contradicts its accessible name (axe
                label-content-name-mismatch, WCAG 2.5.3). Clicks go through to the button. */}
            <g aria-hidden className="pointer-events-none">
              <text x={x} y={y - h / 2 + 18} textAnchor="middle" fill={c.text} fontSize={s.influence === 'high' ? 13 : 12} fontWeight={600}>
                {trunc(s.name, 20)}
              </text>
              <text x={x} y={y - h / 2 + 33} textAnchor="middle" fill={c.text} fontSize={10.5}>
                {trunc(t(`role_${s.role}` as MessageKey), 24)}
              </text>
              <text x={x} y={y - h / 2 + 46} textAnchor="middle" fill={c.text} fontSize={10} opacity={0.85}>
                {trunc(t(`stance_${s.stance}` as MessageKey), 16)}
              </text>
              {[0, 1, 2].map((i) => (
                <rect key={i} x={x + w / 2 - 10} y={y + h / 2 - 8 - i * 6} width={6} height={4} fill={c.text} opacity={i < bars ? 0.9 : 0.2} />
              ))}
            </g>
            </g>
          );
        })}
      </svg>
    </div>
  );
}

export function OrgLegend() {
  const { t } = useI18n();
  return (
    <ul className="flex flex-wrap gap-2 text-xs" aria-label={t('stance')}>
      {(Object.keys(STANCE_FILL) as Stakeholder['stance'][]).map((s) => (
        <li key={s} className="flex items-center gap-1">
          <span aria-hidden className="inline-block h-3 w-3 rounded-sm border border-slate-500" style={{ background: STANCE_FILL[s].fill }} />
          {t(`stance_${s}` as MessageKey)}
        </li>
      ))}
    </ul>
  );
}
