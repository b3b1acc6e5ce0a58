import { useState } from 'react';
import { call } from '@/lib/messaging/client';
import { formatDay, formatMoney, type MessageKey } from '@/lib/i18n';
import type { SidebarView } from '@/lib/messaging/protocol';
import { useI18n } from '../i18n';
import { errorText } from '../ui/errorText';
import { Button, ErrorText, cx } from '../ui';

export function AccountHeader({ view, onChoose }: { view: SidebarView; onChoose(id: string | undefined): void }) {
  const { t, lang } = useI18n();
  const [err, setErr] = useState<string | null>(null);
  const a = view.account!.account;
  const current = view.candidates.find((c) => c.id === a.id);
  const others = view.candidates.filter((c) => c.id !== a.id);
  const money = (n: number) => formatMoney(n, a.currency, lang);

  async function reject() {
    if (view.tabId === undefined) return;
    try {
      await call('match.reject', { tabId: view.tabId, accountId: a.id, url: view.ctx?.url });
      onChoose(undefined);
    } catch (e) {
      setErr(errorText(t, e));
    }
  }
  async function choose(id: string) {
    onChoose(id);
    if (view.tabId !== undefined) await call('match.confirm', { tabId: view.tabId, accountId: id, url: view.ctx?.url }).catch((e) => setErr(errorText(t, e)));
  }

  return (
    <div className="px-3 py-2">
      <div className="flex items-start justify-between gap-2">
        <div className="min-w-0">
          <h1 className="truncate text-base font-semibold" data-testid="account-name" title={a.name}>
            {a.name}
          </h1>
          {current && <p className="text-xs text-slate-500 dark:text-slate-400">{t('matchedBy', { reason: t(`reason_${current.reasons[0]!.kind}` as MessageKey) })}</p>}
        </div>
        <span className={cx('shrink-0 rounded px-1.5 py-0.5 text-xs font-bold', a.tier === 'A' ? 'bg-blue-700 text-white' : 'bg-slate-200 text-slate-800 dark:bg-slate-700 dark:text-slate-100')} title={t('tier')}>
          {t('tier')} {t(`tier_${a.tier}`)}
        </span>
      </div>
      <dl className="mt-2 grid grid-cols-3 gap-1 text-xs">
        <div>
          <dt className="text-slate-500 dark:text-slate-400">{t('currentRevenue')}</dt>
          <dd className="font-medium">{money(a.currentRevenue)}</dd>
        </div>
        <div>
          <dt className="text-slate-500 dark:text-slate-400">{t('potentialRevenue')}</dt>
          <dd className="font-medium">{money(a.potentialRevenue)}</dd>
        </div>
        <div>
          <dt className="text-slate-500 dark:text-slate-400">{t('whitespace')}</dt>
          <dd className="font-medium">{money(Math.max(0, a.potentialRevenue - a.currentRevenue))}</dd>
        </div>
        {/* a <dl> holds only dt/dd groups in a <div> (axe definition-list) */}
        <div>
          <dt className="text-slate-500 dark:text-slate-400">{t('renewal')}</dt>
          <dd className="font-medium">{formatDay(a.renewalAt, lang)}</dd>
        </div>
        <div>
          <dt className="text-slate-500 dark:text-slate-400">{t('nextReview')}</dt>
          <dd className="font-medium">{formatDay(a.nextReviewAt, lang)}</dd>
        </div>
      </dl>
      <div className="mt-2 flex flex-wrap items-center gap-1">
        {current && view.tabId !== undefined && (
          <Button onClick={() => void reject()} aria-label={t('labelValue', { label: t('notThisAccount'), value: a.name })}>
            {t('notThisAccount')}
          </Button>
        )}
      </div>
      {others.length > 0 && (
        <div className="mt-2">
          <p className="text-xs text-slate-500 dark:text-slate-400">{t('otherCandidates')}</p>
          <ul className="mt-1 flex flex-wrap gap-1">
            {others.map((c) => (
              <li key={c.id}>
                <Button onClick={() => void choose(c.id)}>{c.name}</Button>
              </li>
            ))}
          </ul>
        </div>
      )}
      {err && <ErrorText>{err}</ErrorText>}
    </div>
  );
}
