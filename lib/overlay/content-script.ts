// What every site family's content script runs once its detector is chosen: mount the overlay,
// report the detected page to the background (debounced on DOM changes and SPA navigation), and
// obey the background's panel events. Shared by entrypoints/{linkedin,gmail,outlook}.content.ts
// so mounting and messaging live in one place; only the detector differs per site.
import { browser } from 'wxt/browser';
import type { PageContext, Site } from '../types';
import { call } from '../messaging/client';
import type { KalEvent } from '../messaging/protocol';
import { mountOverlay } from './mount';
import { pageSkeleton } from '../detect/skeleton';
import { createLifecycle, watchLocation } from './lifecycle';

/** A site family's page detector: (Document, URL) → PageContext, never throws. */
export type PageDetector = (doc: Document, url: URL) => PageContext;

/**
 * Not given WXT's ContentScriptContext on purpose: the page can invalidate it with one forged
 * CustomEvent (lib/overlay/lifecycle.ts). Ours ends only when the extension itself is gone.
 */
export function runOverlay(site: Site, detect: PageDetector): void {
  const ctx = createLifecycle();
  const overlay = mountOverlay(site);
  let lastReported = '';
  let timer: ReturnType<typeof setTimeout> | undefined;

  const report = () => {
    timer = undefined;
    if (ctx.isInvalid) return;
    const page = detect(document, new URL(location.href));
    const key = JSON.stringify(page);
    if (key === lastReported) return;
    lastReported = key;
    // The answer says nothing about a match, and the panel never reacts to one: its opening is
    // visible to the page, which could probe who the user tracks (issue 12, "no oracle").
    call('page.update', { ctx: page }).catch(() => {
        /* background restarting or extension reloaded: the next change reports again */
      });
  };
  // Debounced: a burst of DOM mutations costs one detection.
  const schedule = (ms = 200) => {
    if (timer === undefined) timer = setTimeout(report, ms);
  };

  report();
  watchLocation(ctx, () => {
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

  const onMessage = (msg: unknown, sender: unknown, sendResponse: (r: unknown) => void) => {
    const e = msg as KalEvent;
    if (e && typeof e === 'object' && e.kalEvent === 'panel') overlay.set(e.open);
    // only the background asks (tabs.sendMessage); a page cannot reach this listener
    if (e && typeof e === 'object' && e.kalEvent === 'skeleton') {
      let skeleton = '';
      try {
        skeleton = pageSkeleton(document, new URL(location.href));
      } catch {
        /* a page we cannot walk: the background reports it */
      }
      sendResponse({ skeleton });
    }
    return undefined;
  };
  browser.runtime.onMessage.addListener(onMessage);
  ctx.onInvalidated(() => browser.runtime.onMessage.removeListener(onMessage));
}
