// The only code that runs on LinkedIn, Gmail and Outlook. Kept tiny on purpose (no React, no
// Dexie): it detects the page, reports it to the background, and mounts the sidebar — an
// extension page in an iframe, so account data never enters the host page's DOM or JS realm.
import { browser } from 'wxt/browser';
import { HOST_MATCHES } from '@/lib/sites';
import { detectPage } from '@/lib/detect';
import { call } from '@/lib/messaging/client';
import { mountOverlay } from '@/lib/overlay/mount';
import type { KalEvent } from '@/lib/messaging/protocol';

export default defineContentScript({
  matches: [...HOST_MATCHES],
  runAt: 'document_idle',
  main(ctx) {
    const site = detectPage(document, new URL(location.href)).site;
    const overlay = mountOverlay(site);
    let lastReported = '';
    let timer: ReturnType<typeof setTimeout> | undefined;

    const report = () => {
      timer = undefined;
      if (ctx.isInvalid) return;
      const page = detectPage(document, new URL(location.href));
      const key = JSON.stringify(page);
      if (key === lastReported) return;
      lastReported = key;
      call('page.update', { ctx: page })
        .then(({ matched }) => overlay.onMatch(matched))
        .catch(() => {
          /* background restarting or extension reloaded: the next change reports again */
        });
    };
    // Debounced: a burst of DOM mutations costs one detection.
    const schedule = (ms = 200) => {
      if (timer === undefined) timer = setTimeout(report, ms);
    };

    report();
    ctx.addEventListener(window, 'wxt:locationchange', () => {
      clearTimeout(timer);
      timer = undefined;
      schedule(50);
    });
    // The route's DOM appears after the URL changes: watch element additions only (no attribute
    // or text observation), and stop with the content-script context.
    const observer = new MutationObserver(() => schedule());
    observer.observe(document.body ?? document.documentElement, { childList: true, subtree: true });
    ctx.onInvalidated(() => {
      observer.disconnect();
      clearTimeout(timer);
      overlay.destroy();
    });

    const onMessage = (msg: unknown) => {
      const e = msg as KalEvent;
      if (e && typeof e === 'object' && e.kalEvent === 'panel') overlay.set(e.open);
      return undefined;
    };
    browser.runtime.onMessage.addListener(onMessage);
    ctx.onInvalidated(() => browser.runtime.onMessage.removeListener(onMessage));
  },
});
