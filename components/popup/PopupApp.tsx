// Toolbar popup: what is overdue, a quick account search, and the sidebar toggle for this tab.
import { useState } from 'react';
import { browser } from 'wxt/browser';
import { getDb } from '@/lib/db/db';
import { SyncStatusLine } from '../sync/SyncStatusLine';
import { call } from '@/lib/messaging/client';
import type { KalError } from '@/lib/errors';
import { formatDay } from '@/lib/i18n';
import { addDays, isOverdue, today } from '@/lib/dates/calendar-date';
import { actionsDueBy } from '@/lib/kam/overdue';
import { searchAccounts } from '@/lib/kam/search';
import { useI18n } from '../i18n';
import { useDbQuery } from '../useDbQuery';
import { Button, ErrorText } from '../ui';
import { errorText } from '../ui/errorText';

const dashboardUrl = (hash = '') => browser.runtime.getURL('/dashboard.html') + hash;

/** The popup belongs to the window's active tab: ask for the sidebar there. */
async function showSidebar(): Promise<void> {
  const [tab] = await browser.tabs.query({ active: true, currentWindow: true });
  await call('panel.set', { tabId: tab?.id, open: true });
}

export function PopupApp() {
  const { t, lang } = useI18n();
  const db = getDb();
  const [q, setQ] = useState('');
  const [err, setErr] = useState<string | null>(null);
  const { data: due } = useDbQuery(async () => {
    const list = await actionsDueBy(db, addDays(today(), 1));
    const names = new Map((await db.accounts.bulkGet([...new Set(list.map((a) => a.accountId))])).filter(Boolean).map((a) => [a!.id, a!.name]));
    return list.map((a) => ({ ...a, accountName: names.get(a.accountId) ?? '' }));
  }, []);
  // the same search as the sidebar's (names starting with, then containing the words; aliases; domains)
  const { data: found } = useDbQuery(async () => (q.trim() ? searchAccounts(db, q, 8) : []), [q]);
  const day = today();
  const overdue = (due ?? []).filter((a) => isOverdue(a.dueAt, day));

  return (
    <div className="w-80 bg-white p-3 text-sm text-slate-900 dark:bg-slate-900 dark:text-slate-100">
      <div className="mb-2 flex items-center justify-between">
        <h1 className="font-semibold">{t('appName')}</h1>
        <Button variant="ghost" onClick={() => void browser.tabs.create({ url: dashboardUrl() })}>
          {t('openDashboard')}
        </Button>
      </div>
      <Button variant="primary" className="w-full justify-center" onClick={() => void showSidebar().then(() => window.close(), (e) => setErr((e as KalError).code === 'not_found' ? t('sidebarUnavailable') : errorText(t, e)))}>
        {t('showSidebar')}
      </Button>
      {err && <ErrorText>{err}</ErrorText>}
      <SyncStatusLine className="mt-2" />
      <input
        type="search"
        className="mt-3 w-full rounded border border-slate-300 bg-white px-2 py-1 text-xs dark:border-slate-600 dark:bg-slate-800"
        placeholder={t('searchAccounts')}
        aria-label={t('searchAccounts')}
        value={q}
        onChange={(e) => setQ(e.target.value)}
      />
      <ul className="mt-1">
        {(found ?? []).map((a) => (
          <li key={a.id}>
            <Button variant="ghost" onClick={() => void browser.tabs.create({ url: dashboardUrl(`#/account/${a.id}`) })}>
              {a.name}
            </Button>
          </li>
        ))}
        {q.trim() && found?.length === 0 && <li className="text-xs text-slate-500 dark:text-slate-400">{t('noResults')}</li>}
      </ul>
      <div className="mt-2 flex gap-2">
        <Button variant="ghost" onClick={() => void browser.tabs.create({ url: dashboardUrl('#/review') })}>
          {t('navReview')}
        </Button>
        <Button variant="ghost" onClick={() => void browser.tabs.create({ url: browser.runtime.getURL('/privacy.html') })}>
          {t('navPrivacy')}
        </Button>
      </div>
      <h2 className="mt-3 text-xs font-semibold text-slate-500 dark:text-slate-400 uppercase">{overdue.length ? t('popupOverdue', { n: overdue.length }) : t('popupNoneOverdue')}</h2>
      <ul className="mt-1 space-y-1 text-xs" data-testid="popup-due">
        {(due ?? []).slice(0, 12).map((a) => (
          <li key={a.id}>
            <span className={isOverdue(a.dueAt, day) ? 'font-semibold text-red-700 dark:text-red-300' : ''}>{formatDay(a.dueAt, lang)}</span> · {a.accountName} — {a.title}
          </li>
        ))}
      </ul>
    </div>
  );
}
