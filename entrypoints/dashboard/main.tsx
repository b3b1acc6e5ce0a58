import { createRoot } from 'react-dom/client';
import '@/components/styles.css';
import { I18nProvider } from '@/components/i18n';
import { DashboardApp } from '@/components/dashboard/DashboardApp';
import { openPageConnection } from '@/lib/sync/connection';

// A top-level extension page may open IndexedDB itself; ask the browser to never evict it.
void navigator.storage?.persist?.();

// With team sync on, every write of this page must go through the sync connection (its
// outbox): choose the connection before the first render. Off, the sync client is never loaded.
void openPageConnection()
  .catch(() => {})
  .finally(() =>
    createRoot(document.getElementById('root')!).render(
      <I18nProvider>
        <DashboardApp />
      </I18nProvider>,
    ),
  );
