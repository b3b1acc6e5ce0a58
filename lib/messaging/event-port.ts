// Broadcasts to extension pages framed in web pages (the sidebar), over a long-lived port.
//
// Why: in Firefox, `runtime.sendMessage` from the background (or the dashboard) does not reach an
// extension page framed inside a web page — measured with firefox-esr 153: a note saved from the
// sidebar was written, but the sidebar never heard "changed" and kept showing the old list. A
// port the framed page opens to the background works in Firefox and Chromium alike, so the
// sidebar listens there only; top-level pages (dashboard, popup) keep `onEvent` (client.ts).
import { browser, type Browser } from 'wxt/browser';
import type { KalEvent } from './protocol';

export const EVENTS_PORT = 'kal-events';

const isEvent = (m: unknown): m is KalEvent => !!m && typeof m === 'object' && 'kalEvent' in m;

/**
 * Framed page side: call `listener` with every broadcast. Reconnects when the background goes
 * away (service worker or event page unloaded) and comes back. Returns the unsubscribe function.
 */
export function onEventViaPort(listener: (e: KalEvent) => void): () => void {
  let port: Browser.runtime.Port | undefined;
  let stopped = false;
  let retry: ReturnType<typeof setTimeout> | undefined;
  const connect = () => {
    if (stopped) return;
    try {
      port = browser.runtime.connect({ name: EVENTS_PORT });
    } catch {
      retry = setTimeout(connect, 1000); // extension reloading: try again shortly
      return;
    }
    port.onMessage.addListener((m: unknown) => {
      if (isEvent(m)) listener(m);
    });
    port.onDisconnect.addListener(() => {
      port = undefined;
      // The background restarted: anything may have changed meanwhile.
      if (!stopped) {
        retry = setTimeout(connect, 250);
        listener({ kalEvent: 'changed', tables: [] });
      }
    });
  };
  connect();
  return () => {
    stopped = true;
    clearTimeout(retry);
    port?.disconnect();
  };
}

/**
 * Background side: accept event ports from the extension's own pages only, and return the
 * function that sends one event to all of them.
 */
export function serveEventPorts(extensionOrigin: string): (e: KalEvent) => void {
  const ports = new Set<Browser.runtime.Port>();
  browser.runtime.onConnect.addListener((port) => {
    if (port.name !== EVENTS_PORT) return;
    const s = port.sender;
    if (!s || s.id !== browser.runtime.id || !s.url?.startsWith(extensionOrigin)) return void port.disconnect();
    ports.add(port);
    port.onDisconnect.addListener(() => ports.delete(port));
    // What was sent before this port existed is lost to it (a woken worker matches the page while
    // the sidebar is still connecting): tell it to re-read once, now that it hears everything.
    port.postMessage({ kalEvent: 'changed', tables: [] } satisfies KalEvent);
  });
  return (e) => {
    for (const p of ports) {
      try {
        p.postMessage(e);
      } catch {
        ports.delete(p); // closed meanwhile
      }
    }
  };
}
