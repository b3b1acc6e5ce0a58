// The dashboard's error boundary: the shared SectionBoundary (components/ui) with the dashboard's
// wording. A section that cannot render a stored value shows a message; the rest of the page works.
import type { ReactNode } from 'react';
import { SectionBoundary } from '../ui/SectionBoundary';
import { useI18n } from '../i18n';

export function Section({ name, resetKey, children }: { name: string; resetKey?: unknown; children: ReactNode }) {
  const { t } = useI18n();
  return (
    <SectionBoundary name={name} message={t('dashboardSectionFailed')} retry={t('retry')} resetKey={resetKey}>
      {children}
    </SectionBoundary>
  );
}
