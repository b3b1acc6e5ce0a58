// Loads the sidebar's data from the background and reloads it when the page or the data changes.
import { useCallback, useEffect, useRef, useState } from 'react';
import { browser } from 'wxt/browser';
import { call, onEvent } from '@/lib/messaging/client';
import type { SidebarView } from '@/lib/messaging/protocol';

export function useSidebarView() {
  const [tabId, setTabId] = useState<number | undefined>();
  const [view, setView] = useState<SidebarView | null>(null);
  const [error, setError] = useState<string | null>(null);
  const [accountId, setAccountId] = useState<string | undefined>();
  const seq = useRef(0);

  useEffect(() => {
    browser.tabs.getCurrent().then((t) => setTabId(t?.id ?? -1), () => setTabId(-1));
  }, []);

  const load = useCallback(async () => {
    if (tabId === undefined) return;
    const mine = ++seq.current;
    try {
      const v = await call('sidebar.view', { tabId: tabId >= 0 ? tabId : undefined, accountId });
      if (mine !== seq.current) return; // a newer load started: drop this stale answer
      setView(v);
      setError(null);
    } catch (e) {
      if (mine === seq.current) setError((e as Error).message);
    }
  }, [tabId, accountId]);

  useEffect(() => {
    void load();
  }, [load]);

  // Where tabs.getCurrent() gives nothing for a framed page (Firefox), the background resolved
  // the tab from the sender: use the one it answered with.
  const ownTab = tabId !== undefined && tabId >= 0 ? tabId : view?.tabId;

  useEffect(
    () =>
      onEvent((e) => {
        if (e.kalEvent === 'changed') void load();
        if (e.kalEvent === 'page' && e.tabId === ownTab) {
          setAccountId(undefined);
          void load();
        }
      }),
    [load, ownTab],
  );

  return { tabId: ownTab, view, error, reload: load, chooseAccount: setAccountId };
}
