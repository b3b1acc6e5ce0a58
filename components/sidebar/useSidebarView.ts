// Loads the sidebar's data from the background and reloads it when the page or the data changes.
//
// The sidebar is an extension page framed in a host page. It never calls `browser.tabs`: Firefox
// gives framed extension pages no `tabs` API at all (`browser.tabs` is undefined there, and the
// call threw before anything rendered). The background knows which tab framed us (`sender.tab`):
// `sidebar.view` without a tab id answers for that tab and says which one it is. Broadcasts reach
// it through a port to the background (lib/messaging/event-port.ts), for the same reason.
import { useCallback, useEffect, useRef, useState } from 'react';
import { call } from '@/lib/messaging/client';
import { onEventViaPort } from '@/lib/messaging/event-port';
import type { KalEvent, SidebarView } from '@/lib/messaging/protocol';
import { markOnce } from '@/lib/timing';
import { useI18n } from '../i18n';
import { errorText } from '../ui/errorText';

export function useSidebarView() {
  // The words of an error follow the language without reloading the view when it changes.
  const { t } = useI18n();
  const tRef = useRef(t);
  tRef.current = t;
  const [view, setView] = useState<SidebarView | null>(null);
  const [error, setError] = useState<string | null>(null);
  const [accountId, setAccountId] = useState<string | undefined>();
  const seq = useRef(0);

  const load = useCallback(async () => {
    const mine = ++seq.current;
    try {
      const v = await call('sidebar.view', { accountId });
      if (mine !== seq.current) return; // a newer load started: drop this stale answer
      markOnce('view'); // bench: cold start (lib/timing.ts)
      setView(v);
      setError(null);
    } catch (e) {
      if (mine === seq.current) setError(errorText(tRef.current, e));
    }
  }, [accountId]);

  useEffect(() => {
    void load();
  }, [load]);

  // The tab that frames this sidebar, as the background resolved it from the sender.
  const tabId = view?.tabId;

  // One port for the sidebar's lifetime: re-subscribing whenever `load` changes (choosing an
  // account) would leave a gap in which the very "changed" event of that choice is lost.
  const onEvent = useRef<(e: KalEvent) => void>(() => {});
  onEvent.current = (e) => {
    if (e.kalEvent === 'changed') void load();
    // Before the first view arrives the tab is not known: a page event may be ours. It can
    // overtake the answer to a view computed before the page was matched (a woken worker: the
    // event comes on the port, the answer on another channel), and ignoring it left the
    // sidebar empty for good (bench cold start, 2 loads in ~130).
    if (e.kalEvent === 'page' && (tabId === undefined || e.tabId === tabId)) {
      setAccountId(undefined);
      void load();
    }
  };
  useEffect(() => onEventViaPort((e) => onEvent.current(e)), []);

  return { tabId, view, error, reload: load, chooseAccount: setAccountId };
}
