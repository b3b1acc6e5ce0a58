// Compact power map: grouped by role (deciders first), coloured by stance, influence as dots,
// formal line ("reports to") under the name.
import type { MessageKey } from '@/lib/i18n';
import { ROLES } from '@/lib/db/enums';
import type { Stakeholder } from '@/lib/db/model';
import { useI18n } from '../i18n';
import { InfluenceDots, STANCE_STYLE, Section, cx } from '../ui';

export function PowerMap({ stakeholders }: { stakeholders: Stakeholder[] }) {
  const { t } = useI18n();
  const byId = new Map(stakeholders.map((s) => [s.id, s]));
  const groups = ROLES.map((role) => ({ role, people: stakeholders.filter((s) => s.role === role) })).filter((g) => g.people.length);
  const rank = { high: 0, medium: 1, low: 2 } as const;
  return (
    <Section title={t('powerMap')} id="kal-powermap">
      {groups.length === 0 && <p className="text-xs text-slate-500 dark:text-slate-400">{t('noStakeholders')}</p>}
      <div className="space-y-1.5" data-testid="power-map">
        {groups.map((g) => (
          <div key={g.role}>
            <h3 className="text-[11px] font-medium text-slate-500 dark:text-slate-400">{t(`role_${g.role}` as MessageKey)}</h3>
            <ul className="mt-0.5 flex flex-wrap gap-1">
              {[...g.people]
                .sort((a, b) => rank[a.influence] - rank[b.influence])
                .map((s) => {
                  const boss = s.reportsTo ? byId.get(s.reportsTo) : undefined;
                  return (
                    <li key={s.id} className={cx('rounded px-1.5 py-1 text-xs', STANCE_STYLE[s.stance])} title={`${t(`stance_${s.stance}` as MessageKey)} · ${t(`influence_${s.influence}` as MessageKey)}`}>
                      <span className="flex items-center gap-1 font-medium">
                        {s.name} <InfluenceDots level={s.influence} label={t(`influence_${s.influence}` as MessageKey)} />
                      </span>
                      {s.title && <span className="block text-[11px] opacity-80">{s.title}</span>}
                      {boss && <span className="block text-[11px] opacity-80">↑ {t('reportsTo', { name: boss.name })}</span>}
                      <span className="sr-only">{t(`stance_${s.stance}` as MessageKey)}</span>
                    </li>
                  );
                })}
            </ul>
          </div>
        ))}
      </div>
    </Section>
  );
}
