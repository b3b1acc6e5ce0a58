import { useEffect, useState } from 'react';
import { browser } from 'wxt/browser';
import { DEFAULT_SETTINGS, getSettings, type Settings } from '@/lib/settings';
import type { RedFlagThresholds } from '@/lib/kam/red-flags';

/** Settings, live (re-read when changed from any view). */
export function useSettings(): Settings {
  const [s, setS] = useState<Settings>(DEFAULT_SETTINGS);
  useEffect(() => {
    const load = () => void getSettings().then(setS, () => {});
    load();
    const l = (changes: Record<string, unknown>, area: string) => {
      if (area === 'local' && 'settings' in changes) load();
    };
    browser.storage.onChanged.addListener(l);
    return () => browser.storage.onChanged.removeListener(l);
  }, []);
  return s;
}
export function useThresholds(): RedFlagThresholds {
  const s = useSettings();
  return { contactDays: s.contactDays, planDays: s.planDays };
}
