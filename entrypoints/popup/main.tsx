import { createRoot } from 'react-dom/client';
import '@/components/styles.css';
import { I18nProvider } from '@/components/i18n';
import { PopupApp } from '@/components/popup/PopupApp';

createRoot(document.getElementById('root')!).render(
  <I18nProvider>
    <PopupApp />
  </I18nProvider>,
);
