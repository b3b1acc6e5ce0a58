import { createRoot } from 'react-dom/client';
import '@/components/styles.css';
import { I18nProvider } from '@/components/i18n';
import { DashboardApp } from '@/components/dashboard/DashboardApp';

// A top-level extension page may open IndexedDB itself; ask the browser to never evict it.
void navigator.storage?.persist?.();

createRoot(document.getElementById('root')!).render(
  <I18nProvider>
    <DashboardApp />
  </I18nProvider>,
);
