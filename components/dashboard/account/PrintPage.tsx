// One-page review for account reviews and QBRs: plan, power map and open actions, print-ready
// (the browser's print → PDF), and "Copy as Markdown".
import type { MessageKey } from '@/lib/i18n';
import { formatDate, formatDay, formatMoney } from '@/lib/i18n';
import { isOverdue, today } from '@/lib/dates/calendar-date';
import { accountMarkdown } from '@/lib/kam/markdown';
import { redFlags } from '@/lib/kam/red-flags';
import { sortActions } from '@/lib/views/account-view';
import { useI18n } from '../../i18n';
import { Button, ErrorText, STANCE_STYLE, cx } from '../../ui';
import { useToast } from '../Toast';
import { flagText } from '@/lib/i18n/flag-text';
import { useThresholds } from '../useSettings';
import { OrgChart, OrgLegend } from './OrgChart';
import { useAccountData } from './useAccountData';
import { errorText } from '@/components/ui/errorText';

function H2({ children }: { children: string }) {
  return <h2 className="mt-4 mb-1 border-b border-slate-300 text-base font-semibold break-after-avoid">{children}</h2>;
}
function Para({ title, text }: { title: string; text: string }) {
  if (!text.trim()) return null;
  return (
    <div className="mb-2 break-inside-avoid">
      <h3 className="text-sm font-semibold">{title}</h3>
      <p className="text-sm whitespace-pre-wrap">{text}</p>
    </div>
  );
}

export function PrintPage({ id }: { id: string }) {
  const { t, lang } = useI18n();
  const { notify } = useToast();
  const th = useThresholds();
  const { data, error } = useAccountData(id);
  if (error) return <ErrorText>{error}</ErrorText>;
  if (data === undefined) return <p>{t('loading')}</p>;
  if (data === null) return <ErrorText>{t('accountNotFound')}</ErrorText>;
  const { account: a, plan: p, stakeholders } = data;
  const now = Date.now();
  const open = sortActions(data.actions.filter((x) => x.status === 'open'));
  const money = (n: number) => formatMoney(n, a.currency, lang);
  const flags = redFlags(a, stakeholders, p, now, th);
  const byId = new Map(stakeholders.map((s) => [s.id, s]));
  const copy = async () => {
    try {
      await navigator.clipboard.writeText(accountMarkdown({ account: a, plan: p, stakeholders, actions: data.actions }, t, lang, now));
      notify({ text: t('copied') });
    } catch (e) {
      notify({ kind: 'error', text: errorText(t, e) });
    }
  };
  return (
    <article className="mx-auto max-w-4xl rounded-lg bg-white p-6 text-slate-900 shadow print:max-w-none print:p-0 print:shadow-none dark:bg-slate-900 dark:text-slate-100 print:dark:bg-white print:dark:text-black" data-testid="print-page">
      <div className="mb-4 flex flex-wrap gap-2 print:hidden">
        <a href={`#/account/${encodeURIComponent(id)}`} className="mr-auto text-sm text-blue-700 hover:underline dark:text-blue-300">{t('backToAccount')}</a>
        <Button variant="primary" size="md" onClick={() => window.print()}>{t('printNow')}</Button>
        <Button size="md" onClick={() => void copy()}>{t('copyMarkdown')}</Button>
      </div>
      <header className="mb-2">
        <h1 className="text-2xl font-bold" data-testid="account-title">{a.name}</h1>
        <p className="text-sm">
          {t('tier')} {t(`tier_${a.tier}`)} · {t('currentRevenue')} {money(a.currentRevenue)} · {t('potentialRevenue')} {money(a.potentialRevenue)} · {t('whitespace')} {money(Math.max(0, a.potentialRevenue - a.currentRevenue))}
        </p>
        <p className="text-sm">
          {t('renewal')} {formatDay(a.renewalAt, lang)} · {t('nextReview')} {formatDay(a.nextReviewAt, lang)} · {t('mdGenerated', { date: formatDate(now, lang) })}
        </p>
      </header>
      {flags.length > 0 && (
        <ul className="mb-2 text-sm">
          {flags.map((f, i) => (
            <li key={i}>⚠ {flagText(f, t, lang)}</li>
          ))}
        </ul>
      )}

      <H2>{t('plan')}</H2>
      {!p && <p className="text-sm">{t('noPlan')}</p>}
      {p && (
        <>
          <div className="grid gap-x-6 sm:grid-cols-2 print:grid-cols-2">
            <Para title={t('planContext')} text={p.context} />
            <Para title={t('planPriorities')} text={p.priorities} />
            <Para title={t('planStrategy')} text={p.strategy} />
            <Para title={t('planValueProposition')} text={p.valueProposition} />
          </div>
          {p.objectives.length > 0 && (
            <div className="mb-2 break-inside-avoid">
              <h3 className="text-sm font-semibold">{t('objectives')}</h3>
              <table className="w-full text-left text-sm">
                <tbody>
                  {p.objectives.map((o) => (
                    <tr key={o.id} className="border-t border-slate-200">
                      <td className="py-0.5 pr-2">{o.title}</td>
                      <td className="pr-2">{o.owner ?? ''}</td>
                      <td className="pr-2">{o.dueAt ? formatDay(o.dueAt, lang) : ''}</td>
                      <td>{t(`objective_${o.status}` as MessageKey)}</td>
                    </tr>
                  ))}
                </tbody>
              </table>
            </div>
          )}
          {p.whitespace.length > 0 && (
            <div className="mb-2 break-inside-avoid">
              <h3 className="text-sm font-semibold">{t('wsGrid')}</h3>
              <ul className="columns-2 text-sm">
                {p.whitespace.map((c) => (
                  <li key={c.id}>
                    {c.offering} × {c.entity}: {t(`ws_${c.status}` as MessageKey)}
                    {c.value !== undefined ? ` — ${money(c.value)}` : ''}
                  </li>
                ))}
              </ul>
            </div>
          )}
          {p.risks.length > 0 && (
            <div className="mb-2 break-inside-avoid">
              <h3 className="text-sm font-semibold">{t('risks')}</h3>
              <ul className="text-sm">
                {p.risks.map((r) => (
                  <li key={r.id}>
                    <strong>{t(`severity_${r.severity}` as MessageKey)}</strong> {r.title}
                    {r.mitigation && ` → ${r.mitigation}`}
                  </li>
                ))}
              </ul>
            </div>
          )}
          <Para title={t('planProductFeedback')} text={p.productFeedback} />
          {p.advocacy.length > 0 && (
            <div className="mb-2 break-inside-avoid">
              <h3 className="text-sm font-semibold">{t('planAdvocacy')}</h3>
              <ul className="text-sm">
                {p.advocacy.map((x) => (
                  <li key={x.id}>{t(`adv_${x.kind}` as MessageKey)}: {x.text}</li>
                ))}
              </ul>
            </div>
          )}
        </>
      )}

      <H2>{t('powerMap')}</H2>
      {stakeholders.length === 0 && <p className="text-sm">{t('noStakeholders')}</p>}
      {stakeholders.length > 0 && (
        <div className="break-inside-avoid">
          <OrgLegend />
          <OrgChart stakeholders={stakeholders} />
          <table className="mt-2 w-full text-left text-xs">
            <tbody>
              {stakeholders.map((s) => (
                <tr key={s.id} className="border-t border-slate-200">
                  <td className="py-0.5 pr-2 font-medium">{s.name}</td>
                  <td className="pr-2">{s.title ?? ''}</td>
                  <td className="pr-2">{t(`role_${s.role}` as MessageKey)}</td>
                  <td className="pr-2"><span className={cx('rounded px-1', STANCE_STYLE[s.stance])}>{t(`stance_${s.stance}` as MessageKey)}</span></td>
                  <td className="pr-2">{t(`influence_${s.influence}` as MessageKey)}</td>
                  <td className="pr-2">{s.reportsTo ? (byId.get(s.reportsTo)?.name ?? '') : ''}</td>
                  <td>{s.lastContactAt ? formatDate(s.lastContactAt, lang) : t('never')}</td>
                </tr>
              ))}
            </tbody>
          </table>
        </div>
      )}

      <H2>{t('nextActions')}</H2>
      {open.length === 0 && <p className="text-sm">{t('noOpenActions')}</p>}
      <ul className="text-sm">
        {open.map((x) => (
          <li key={x.id} className={cx(isOverdue(x.dueAt, today(now)) && 'font-semibold')}>
            ☐ {x.title}
            {x.dueAt ? ` — ${isOverdue(x.dueAt, today(now)) ? `${t('overdue')} ` : ''}${formatDay(x.dueAt, lang)}` : ''}
          </li>
        ))}
      </ul>
    </article>
  );
}
