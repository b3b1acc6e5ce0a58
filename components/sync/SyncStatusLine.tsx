// The team sync status line of the popup and the dashboard (lib/sync/status.ts): what state sync
// is in, when it last succeeded, how many edits wait to be sent, the fault's own message. Read
// from extension storage, so showing it never loads the sync client.
import { useEffect, useState } from 'react';
import { browser } from 'wxt/browser';
import { SYNC_CONFIG_KEY, SYNC_STATUS_KEY } from '@/lib/sync/config';
import { STATUS_TEXT, type SyncStatus } from '@/lib/sync/status';
import { useI18n } from '../i18n';
import { cx } from '../ui';

/** The stored status; phase `off` when sync is not configured. */
export function useSyncStatus(): SyncStatus | undefined {
  const [s, setS] = useState<SyncStatus>();
  useEffect(() => {
    const load = () =>
      browser.storage.local.get([SYNC_CONFIG_KEY, SYNC_STATUS_KEY]).then(
        (got) => setS(got[SYNC_CONFIG_KEY] ? ((got[SYNC_STATUS_KEY] as SyncStatus | undefined) ?? { phase: 'login' }) : { phase: 'off' }),
        () => setS({ phase: 'off' }),
      );
    void load();
    const on = (changes: Record<string, unknown>, area: string) => {
      if (area === 'local' && (SYNC_CONFIG_KEY in changes || SYNC_STATUS_KEY in changes)) void load();
    };
    browser.storage.onChanged.addListener(on);
    return () => browser.storage.onChanged.removeListener(on);
  }, []);
  return s;
}

const FAULT = new Set(['offline', 'loginExpired', 'rejected', 'error']);

/** `onDark`: on the dashboard's blue header (white text, no amber). */
export function SyncStatusLine({ className, compact, onDark }: { className?: string; compact?: boolean; onDark?: boolean }) {
  const { t, lang } = useI18n();
  const s = useSyncStatus();
  if (!s) return null;
  const when = s.lastSyncAt ? new Intl.DateTimeFormat(lang === 'fr' ? 'fr-FR' : 'en-GB', { dateStyle: 'medium', timeStyle: 'short' }).format(s.lastSyncAt) : undefined;
  return (
    <div className={cx('text-xs', className)} data-testid="sync-status" data-phase={s.phase} role="status">
      <span className={cx('font-medium', FAULT.has(s.phase) && !onDark && 'text-amber-800 dark:text-amber-300')}>{t(STATUS_TEXT[s.phase])}</span>
      {s.phase !== 'off' && !compact && (
        <>
          {' · '}
          <span>{when ? t('syncLastAt', { when }) : t('syncNever')}</span>
          {!!s.pending && (
            <>
              {' · '}
              <span>{t('syncPending', { n: s.pending })}</span>
            </>
          )}
          {s.message && FAULT.has(s.phase) && <span className="block text-slate-600 dark:text-slate-400">{s.message}</span>}
        </>
      )}
    </div>
  );
}
