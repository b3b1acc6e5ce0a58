// One-page account review as Markdown ("Copy as Markdown"): plan, power map, open actions.
// Pure: labels come from the UI dictionary, dates and money from the i18n formatters.
import { isOverdue, today } from '../dates/calendar-date';
import type { Account, Action, Plan, Stakeholder } from '../db/model';
import { formatDate, formatDay, formatMoney, type Lang, type MessageKey, type T } from '../i18n';
import { sortActions } from '../views/account-view';

export interface ReviewDoc {
  account: Account;
  plan?: Plan;
  stakeholders: Stakeholder[];
  actions: Action[];
}

/** Escapes characters that would change Markdown structure inside inline text. */
export function mdEscape(s: string): string {
  return s.replace(/\r\n?/g, '\n').replace(/([\\`*_[\]#|<>])/g, '\\$1');
}
/** Multi-line free text: each line escaped, blank lines kept as paragraph breaks. */
function block(s: string): string {
  return s
    .trim()
    .split('\n')
    .map((l) => mdEscape(l))
    .join('  \n');
}

export function accountMarkdown(doc: ReviewDoc, t: T, lang: Lang, now = Date.now()): string {
  const { account: a, plan: p } = doc;
  const money = (n: number) => formatMoney(n, a.currency, lang);
  const L: string[] = [];
  const h2 = (s: string) => L.push('', `## ${s}`, '');
  L.push(`# ${mdEscape(a.name)}`, '');
  L.push(`- ${t('tier')}: ${t(`tier_${a.tier}` as MessageKey)}`);
  L.push(`- ${t('currentRevenue')}: ${money(a.currentRevenue)} · ${t('potentialRevenue')}: ${money(a.potentialRevenue)} · ${t('whitespace')}: ${money(Math.max(0, a.potentialRevenue - a.currentRevenue))}`);
  L.push(`- ${t('renewal')}: ${formatDay(a.renewalAt, lang)} · ${t('nextReview')}: ${formatDay(a.nextReviewAt, lang)}`);
  L.push(`- ${t('mdGenerated', { date: formatDate(now, lang) })}`);

  h2(t('plan'));
  if (!p) L.push(`_${t('noPlan')}_`);
  else {
    const text = (key: MessageKey, v: string) => {
      if (v.trim()) L.push(`### ${t(key)}`, '', block(v), '');
    };
    text('planContext', p.context);
    text('planPriorities', p.priorities);
    if (p.objectives.length) {
      L.push(`### ${t('objectives')}`, '');
      for (const o of p.objectives) {
        const bits = [t(`objective_${o.status}` as MessageKey), o.owner ? mdEscape(o.owner) : '', o.dueAt ? formatDay(o.dueAt, lang) : ''].filter(Boolean);
        L.push(`- [${o.status === 'done' ? 'x' : ' '}] ${mdEscape(o.title)} (${bits.join(', ')})`);
      }
      L.push('');
    }
    text('planStrategy', p.strategy);
    text('planValueProposition', p.valueProposition);
    if (p.whitespace.length) {
      L.push(`### ${t('whitespace')}`, '');
      for (const c of p.whitespace) {
        L.push(`- ${mdEscape(c.offering)} × ${mdEscape(c.entity)}: ${t(`ws_${c.status}` as MessageKey)}${c.value !== undefined ? ` — ${money(c.value)}` : ''}${c.competitor ? ` (${mdEscape(c.competitor)})` : ''}`);
      }
      L.push('');
    }
    if (p.risks.length) {
      L.push(`### ${t('risks')}`, '');
      for (const r of p.risks) L.push(`- **${t(`severity_${r.severity}` as MessageKey)}** ${mdEscape(r.title)}${r.mitigation.trim() ? ` → ${mdEscape(r.mitigation.trim())}` : ''}`);
      L.push('');
    }
    text('planProductFeedback', p.productFeedback);
    if (p.advocacy.length) {
      L.push(`### ${t('planAdvocacy')}`, '');
      for (const x of p.advocacy) L.push(`- ${t(`adv_${x.kind}` as MessageKey)}: ${mdEscape(x.text)}`);
      L.push('');
    }
  }

  h2(t('powerMap'));
  if (!doc.stakeholders.length) L.push(`_${t('noStakeholders')}_`);
  const byId = new Map(doc.stakeholders.map((s) => [s.id, s]));
  for (const s of [...doc.stakeholders].sort((x, y) => x.name.localeCompare(y.name))) {
    const boss = s.reportsTo ? byId.get(s.reportsTo) : undefined;
    const bits = [
      t(`role_${s.role}` as MessageKey),
      t(`stance_${s.stance}` as MessageKey),
      t(`influence_${s.influence}` as MessageKey),
      boss ? t('reportsTo', { name: mdEscape(boss.name) }) : '',
      `${t('lastContact')}: ${s.lastContactAt ? formatDate(s.lastContactAt, lang) : t('never')}`,
    ].filter(Boolean);
    L.push(`- **${mdEscape(s.name)}**${s.title ? `, ${mdEscape(s.title)}` : ''} — ${bits.join(' · ')}`);
  }

  h2(t('nextActions'));
  const open = sortActions(doc.actions.filter((x) => x.status === 'open'));
  if (!open.length) L.push(`_${t('noOpenActions')}_`);
  for (const x of open) {
    const late = isOverdue(x.dueAt, today(now));
    L.push(`- [ ] ${mdEscape(x.title)}${x.dueAt ? ` — ${late ? `**${t('overdue')}** ` : ''}${formatDay(x.dueAt, lang)}` : ''}`);
  }
  return L.join('\n').replace(/\n{3,}/g, '\n\n').trim() + '\n';
}
