import { createRoot } from 'react-dom/client';
import '@/components/styles.css';
import { I18nProvider } from '@/components/i18n';
import { SidebarApp } from '@/components/sidebar/SidebarApp';

createRoot(document.getElementById('root')!).render(
  <I18nProvider>
    <SidebarApp />
  </I18nProvider>,
);
