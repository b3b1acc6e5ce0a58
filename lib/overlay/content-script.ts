// What every site family's content script runs: mount the overlay, report the detected page to
// the background (debounced on DOM changes and SPA navigation), and obey the background's panel
// events. Shared by entrypoints/{linkedin,gmail,outlook}-content.ts so mounting and messaging live
// in one place; only the routes differ per site. The detector of a page kind is asked for the
// first time a page of that kind is met and injected by the background (lib/detect/on-demand.ts).
import { browser } from 'wxt/browser';
import type { PageContext, Site } from '../types';
import { call } from '../messaging/client';
import type { KalEvent } from '../messaging/protocol';
import { mountOverlay } from './mount';
import type { DetectorRoute } from '../detect/family/routes';
import type { DetectorName, NeedsPart } from '../detect/on-demand';
import { createLifecycle, watchLocation } from './lifecycle';
import { provided, type OnDemandDetector, type SkeletonCopier } from './slot';

/**
 * The page's context by the detector `route` names for its URL: `kind: 'other'` for a route with
 * no detector or when the detector throws (a layout it does not know); `{ needs: name }` while
 * that detector, or a part of it this page needs (lib/detect/on-demand.ts), is not loaded yet.
 * Never throws.
 */
export function detectWith(site: Site, route: DetectorRoute, doc: Document, url: URL): PageContext | NeedsPart {
  const other: PageContext = { site, kind: 'other', url: url.href };
  try {
    const name = route(url);
    if (!name) return other;
    const detect = provided<OnDemandDetector>(name);
    return detect ? (detect(doc, url) ?? other) : { needs: name };
  } catch {
    return other;
  }
}

/**
 * Not given WXT's ContentScriptContext on purpose: the page can invalidate it with one forged
 * CustomEvent (lib/overlay/lifecycle.ts). Ours ends only when the extension itself is gone.
 */
export function runOverlay(site: Site, route: DetectorRoute): void {
  const ctx = createLifecycle();
  let overlay: ReturnType<typeof mountOverlay> | undefined;
  let lastReported = '';
  let timer: ReturnType<typeof setTimeout> | undefined;
  const loading = new Set<DetectorName>();

  /** Ask the background to inject `name` (once at a time); report again when it is there. */
  const load = (name: DetectorName) => {
    if (loading.has(name)) return;
    loading.add(name);
    call('detector.load', { name }).then(
      () => {
        loading.delete(name);
        if (overlay && provided(name)) report();
      },
      () => loading.delete(name), // background restarting: the next change asks again
    );
  };

  const report = () => {
    timer = undefined;
    if (ctx.isInvalid) return;
    const url = new URL(location.href);
    const page = detectWith(site, route, document, url);
    if ('needs' in page) {
      load(page.needs);
      return;
    }
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

  /** Once the DOM is parsed: mount the overlay, read the page, follow its changes. */
  const start = () => {
    if (overlay || ctx.isInvalid) return;
    const shown = (overlay = mountOverlay(site));
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
      shown.destroy();
    });
  };

  // Run at document_start (wxt.config.ts): ask for this page's detector now — the message also
  // wakes a stopped service worker, whose start then overlaps the page's own loading (cold start,
  // README "Performance") — and start once the DOM is parsed. Only the browser's own
  // DOMContentLoaded counts: the page can dispatch a fake one. The page can also stop the real
  // one from reaching `document` (a capturing listener on `window`), so readyState, which it
  // cannot forge, is polled as well.
  const first = route(new URL(location.href));
  if (first && !provided(first)) load(first);
  if (document.readyState === 'loading') {
    const ready = () => {
      if (document.readyState === 'loading') return;
      document.removeEventListener('DOMContentLoaded', ready);
      clearInterval(poll);
      start();
    };
    const poll = setInterval(ready, 250);
    document.addEventListener('DOMContentLoaded', ready);
  } else start();

  const onMessage = (msg: unknown, sender: unknown, sendResponse: (r: unknown) => void) => {
    const e = msg as KalEvent;
    if (e && typeof e === 'object' && e.kalEvent === 'panel') {
      start(); // the keyboard shortcut while the page is still loading
      overlay?.set(e.open);
    }
    // only the background asks (tabs.sendMessage); a page cannot reach this listener
    if (e && typeof e === 'object' && e.kalEvent === 'skeleton') {
      let skeleton = '';
      try {
        // injected by the background just before it asks (entrypoints/page-skeleton.ts)
        skeleton = provided<SkeletonCopier>('page-skeleton')?.(document, new URL(location.href)) ?? '';
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
