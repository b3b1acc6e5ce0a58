// Dashboard shell: hash routes so every view has a bookmarkable URL.
//   #/                      portfolio          #/segments   segmentation
//   #/review                review queue       #/data       import / export / backup
//   #/settings              settings
//   #/account/<id>[/<section>]   account page (section: details, plan, history, powermap, timeline)
//   #/account/<id>/print    one-page review
import { useEffect, useState } from 'react';
import type { MessageKey } from '@/lib/i18n';
import { useI18n } from '../i18n';
import { cx } from '../ui';
import { ToastProvider } from './Toast';
import { Portfolio } from './Portfolio';
import { Segments } from './Segments';
import { AccountPage } from './account/AccountPage';
import { PrintPage } from './account/PrintPage';
import { ReviewQueuePage } from './ReviewQueue';
import { DataPage } from './data/DataPage';
import { SettingsPage } from './SettingsPage';
import { BackupReminder } from './data/BackupReminder';
import { Section } from './Section';
import { SyncStatusLine } from '../sync/SyncStatusLine';

function readRoute(): string[] {
  return location.hash.replace(/^#\/?/, '').split('/').filter(Boolean).map(decodeURIComponent);
}
function useHashRoute(): string[] {
  const [route, setRoute] = useState(readRoute);
  useEffect(() => {
    const on = () => setRoute(readRoute());
    window.addEventListener('hashchange', on);
    return () => window.removeEventListener('hashchange', on);
  }, []);
  return route;
}

const NAV: { href: string; key: MessageKey; match: string }[] = [
  { href: '#/', key: 'navPortfolio', match: '' },
  { href: '#/segments', key: 'navSegments', match: 'segments' },
  { href: '#/review', key: 'navReview', match: 'review' },
  { href: '#/data', key: 'navData', match: 'data' },
  { href: '#/settings', key: 'navSettings', match: 'settings' },
];

function View({ route }: { route: string[] }) {
  const [head, id, sub] = route;
  if (head === 'account' && id) return sub === 'print' ? <PrintPage id={id} /> : <AccountPage id={id} section={sub} />;
  if (head === 'segments') return <Segments />;
  if (head === 'review') return <ReviewQueuePage />;
  if (head === 'data') return <DataPage />;
  if (head === 'settings') return <SettingsPage />;
  return <Portfolio />;
}

export function DashboardApp() {
  const { t } = useI18n();
  const route = useHashRoute();
  const current = route[0] === 'account' ? '' : (route[0] ?? '');
  useEffect(() => {
    window.scrollTo(0, 0);
  }, [route[0], route[1]]);
  return (
    <ToastProvider>
      <div className="min-h-screen bg-slate-50 text-slate-900 dark:bg-slate-950 dark:text-slate-100 print:bg-white print:text-black">
        <header className="sticky top-0 z-40 flex flex-wrap items-center gap-x-6 gap-y-1 bg-blue-800 px-4 py-2 text-white print:hidden">
          <a href="#/" className="font-semibold focus-visible:outline-2 focus-visible:outline-white">
            {t('appName')}
          </a>
          <nav aria-label={t('mainNav')}>
            <ul className="flex flex-wrap gap-1 text-sm">
              {NAV.map((n) => (
                <li key={n.href}>
                  <a
                    href={n.href}
                    aria-current={current === n.match && route[0] !== 'account' ? 'page' : undefined}
                    className={cx(
                      'rounded px-2 py-1 hover:bg-blue-700 focus-visible:outline-2 focus-visible:outline-white',
                      current === n.match && route[0] !== 'account' && 'bg-blue-950/40 font-semibold',
                    )}
                  >
                    {t(n.key)}
                  </a>
                </li>
              ))}
            </ul>
          </nav>
          <a href="#/settings" className="ml-auto rounded px-2 py-1 hover:bg-blue-700 focus-visible:outline-2 focus-visible:outline-white">
            <SyncStatusLine compact onDark />
          </a>
        </header>
        <Section name="BackupReminder">
          <BackupReminder />
        </Section>
        <main className="mx-auto max-w-7xl p-4 print:max-w-none print:p-0">
          {/* a page that fails to render leaves the navigation working (issue 12, 6b) */}
          <Section name="page" resetKey={route.join('/')}>
            <View route={route} />
          </Section>
        </main>
      </div>
    </ToastProvider>
  );
}
