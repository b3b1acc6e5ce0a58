import { createRoot } from 'react-dom/client';
import '@/components/styles.css';
import { I18nProvider } from '@/components/i18n';
import { SidebarApp } from '@/components/sidebar/SidebarApp';
import { startSidebarSession } from '@/lib/messaging/sidebar-session';

// Nothing renders until our content script's token made this frame a trusted session: a
// sidebar.html framed by the page itself stays blank (lib/messaging/frame-trust.ts).
void startSidebarSession().then(() =>
  createRoot(document.getElementById('root')!).render(
    <I18nProvider>
      <SidebarApp />
    </I18nProvider>,
  ),
);
