// Import / export: JSON backup & restore, CSV import (preview, mapping, dedup), CSV export, wipe.
import { useI18n } from '../../i18n';
import { BackupSection } from './BackupSection';
import { RestoreSection } from './RestoreSection';
import { CsvImportSection } from './CsvImportSection';
import { CsvExportSection } from './CsvExportSection';
import { WipeSection } from './WipeSection';

export function DataPage() {
  const { t } = useI18n();
  return (
    <div className="space-y-4">
      <h1 className="text-xl font-semibold">{t('navData')}</h1>
      <div className="grid gap-4 lg:grid-cols-2">
        <BackupSection />
        <RestoreSection />
      </div>
      <CsvImportSection />
      <div className="grid gap-4 lg:grid-cols-2">
        <CsvExportSection />
        <WipeSection />
      </div>
    </div>
  );
}
