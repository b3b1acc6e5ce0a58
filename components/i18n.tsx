// React access to the UI language: follows the browser, or the Settings override, live.
import { createContext, useContext, useEffect, useMemo, useState, type ReactNode } from 'react';
import { browser } from 'wxt/browser';
import { makeT, resolveLang, type Lang, type T } from '@/lib/i18n';
import { getSettings } from '@/lib/settings';

interface I18n {
  lang: Lang;
  t: T;
}
const Ctx = createContext<I18n>({ lang: 'en', t: makeT('en') });

export function I18nProvider({ children }: { children: ReactNode }) {
  const [lang, setLang] = useState<Lang>(resolveLang('auto'));
  useEffect(() => {
    const load = () => getSettings().then((s) => setLang(resolveLang(s.language))).catch(() => {});
    void load();
    const l = (changes: Record<string, unknown>, area: string) => {
      if (area === 'local' && 'settings' in changes) void load();
    };
    browser.storage.onChanged.addListener(l);
    return () => browser.storage.onChanged.removeListener(l);
  }, []);
  useEffect(() => {
    document.documentElement.lang = lang;
  }, [lang]);
  const value = useMemo(() => ({ lang, t: makeT(lang) }), [lang]);
  return <Ctx.Provider value={value}>{children}</Ctx.Provider>;
}

export const useI18n = () => useContext(Ctx);
