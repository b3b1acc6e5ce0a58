// Settings, stored with lib/settings.ts (extension storage, read by every view).
import { useEffect, useState } from 'react';
import { changedSettings, getSettings, saveSettings, type Settings } from '@/lib/settings';
import { useI18n } from '../i18n';
import { Button } from '../ui';
import { useToast } from './Toast';
import { Card, NumberInput, Select } from './fields';
import { TeamSyncCard } from '../sync/TeamSyncCard';
import { errorText } from '@/components/ui/errorText';

export function SettingsPage() {
  const { t } = useI18n();
  const { notify } = useToast();
  const [s, setS] = useState<Settings | null>(null);
  // what the form loaded: only the settings changed here are saved (changedSettings)
  const [loaded, setLoaded] = useState<Settings | null>(null);
  useEffect(() => {
    void getSettings().then(
      (x) => {
        setS(x);
        setLoaded(x);
      },
      (e) => notify({ kind: 'error', text: errorText(t, e) }),
    );
  }, [notify]);
  if (!s) return <p>{t('loading')}</p>;
  const set = <K extends keyof Settings>(k: K, v: Settings[K]) => setS({ ...s, [k]: v });
  const num = (v: number | undefined, min: number, max: number, fallback: number) => Math.min(max, Math.max(min, Math.round(v ?? fallback)));
  return (
    <>
    <form
      className="max-w-2xl space-y-4"
      onSubmit={async (e) => {
        e.preventDefault();
        try {
          const form: Partial<Settings> = {
            language: s.language,
            autoOpen: s.autoOpen,
            reviewCadenceDays: num(s.reviewCadenceDays, 1, 366, 30),
            contactDays: num(s.contactDays, 1, 3650, 90),
            planDays: num(s.planDays, 1, 3650, 90),
            backupReminderDays: num(s.backupReminderDays, 0, 3650, 30),
          };
          const saved = await saveSettings(changedSettings(loaded ?? s, form));
          setS(saved);
          setLoaded(saved);
          notify({ text: t('settingsSaved') });
        } catch (err) {
          notify({ kind: 'error', text: t('notSaved', { error: errorText(t, err) }) });
        }
      }}
    >
      <h1 className="text-xl font-semibold">{t('navSettings')}</h1>
      <Card title={t('language')}>
        <Select label={t('language')} value={s.language} options={(['auto', 'en', 'fr'] as const).map((l) => ({ value: l, label: t(`lang_${l}`) }))} onChange={(v) => set('language', v)} />
        <label className="mt-3 flex items-center gap-2 text-sm">
          <input type="checkbox" checked={s.autoOpen} onChange={(e) => set('autoOpen', e.target.checked)} className="h-4 w-4 focus-visible:outline-2 focus-visible:outline-blue-500" />
          {t('autoOpen')}
        </label>
        <p className="mt-1 ml-6 text-xs text-slate-600 dark:text-slate-400">{t('autoOpenPrivacy')}</p>
        <p className="mt-3 text-sm">
          <a href="/privacy.html" target="_blank" className="text-blue-700 underline dark:text-blue-300">
            {t('privacyPolicy')}
          </a>
        </p>
      </Card>
      <Card title={t('thresholdsH')}>
        <div className="grid gap-3 sm:grid-cols-2">
          <NumberInput label={t('reviewCadenceDefault')} value={s.reviewCadenceDays} min={1} max={366} step={1} onChange={(v) => set('reviewCadenceDays', v as number)} />
          <NumberInput label={t('contactDays')} value={s.contactDays} min={1} step={1} onChange={(v) => set('contactDays', v as number)} />
          <NumberInput label={t('planDays')} value={s.planDays} min={1} step={1} onChange={(v) => set('planDays', v as number)} />
          <NumberInput label={t('backupReminder')} value={s.backupReminderDays} min={0} step={1} onChange={(v) => set('backupReminderDays', v as number)} />
        </div>
      </Card>
      <Card title={t('dataLocationH')}>
        <p className="text-sm text-slate-700 dark:text-slate-300">{t('dataLocation')}</p>
        <a href="#/data" className="mt-2 inline-block text-sm text-blue-700 hover:underline dark:text-blue-300">{t('navData')} →</a>
      </Card>
      <Button type="submit" variant="primary" size="md">
        {t('save')}
      </Button>
    </form>
    <div className="mt-4 max-w-2xl">
      <TeamSyncCard />
    </div>
    </>
  );
}
