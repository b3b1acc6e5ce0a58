// The content script's own lifetime and navigation signals, independent of WXT's
// ContentScriptContext. WXT 0.21 invalidates its context when a `CustomEvent` named
// `<extension id>:<entrypoint>:wxt:content-script-started` reaches `document` from anyone —
// and the page shares `document`, so one forged event removed the overlay for the page's life.
// It also announced that name (with the extension id) through `window.postMessage` unless
// `noScriptStartedPostMessage` is set. Nothing here listens to events the page can dispatch.
import { browser } from 'wxt/browser';

export interface Lifecycle {
  /** aborted only when the extension itself is gone (reloaded, updated, removed) */
  readonly signal: AbortSignal;
  readonly isInvalid: boolean;
  onInvalidated(cb: () => void): void;
  /** call when an extension API failed: invalidates if the extension is gone */
  check(): boolean;
}

/** The extension is gone when the runtime id disappears (Chrome and Firefox orphaned scripts). */
function extensionGone(): boolean {
  try {
    return !browser.runtime?.id;
  } catch {
    return true;
  }
}

export function createLifecycle(): Lifecycle {
  const ac = new AbortController();
  const check = () => {
    if (!ac.signal.aborted && extensionGone()) ac.abort();
    return !ac.signal.aborted;
  };
  // Orphaned scripts (extension reloaded or removed) lose their runtime id: look once a second,
  // which the location poll below needs anyway. No port: reconnecting would keep the service
  // worker awake.
  const timer = setInterval(() => {
    if (!check()) clearInterval(timer);
  }, 1000);
  return {
    signal: ac.signal,
    get isInvalid() {
      return !check();
    },
    onInvalidated(cb) {
      ac.signal.addEventListener('abort', cb, { once: true });
    },
    check,
  };
}

/**
 * Calls `onChange` after the top document's URL changed (SPA navigation included). Uses the
 * Navigation API where the browser has it (its `navigate` event is fired by the browser, and a
 * page-dispatched fake has no destination and is ignored), else polls `location.href` once a second.
 */
export function watchLocation(life: Lifecycle, onChange: (url: string) => void): void {
  let last = location.href;
  const changed = () => {
    if (location.href === last) return;
    last = location.href;
    onChange(last);
  };
  const nav = (globalThis as { navigation?: EventTarget }).navigation;
  if (nav && typeof nav.addEventListener === 'function') {
    // `navigate` fires before the URL changes: look once the current task is over.
    nav.addEventListener(
      'navigate',
      (e) => {
        if (!(e as Event & { destination?: unknown }).destination) return;
        setTimeout(changed, 0);
      },
      { signal: life.signal },
    );
    nav.addEventListener('navigatesuccess', () => setTimeout(changed, 0), { signal: life.signal });
  }
  // Also poll: the Navigation API is missing in Firefox, and a cheap check costs nothing.
  const timer = setInterval(changed, 1000);
  life.onInvalidated(() => clearInterval(timer));
}
