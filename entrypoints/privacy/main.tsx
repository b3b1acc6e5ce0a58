import { createRoot } from 'react-dom/client';
import '@/components/styles.css';
import { I18nProvider } from '@/components/i18n';
import { PrivacyPage } from '@/components/privacy/PrivacyPage';

createRoot(document.getElementById('root')!).render(
  <I18nProvider>
    <PrivacyPage />
  </I18nProvider>,
);
