// The framed sidebar's side of lib/messaging/frame-trust.ts: wait for the one-time token our
// content script posts into this frame, trade it for a session key, and send that key with every
// request. Until then (and for ever, in a frame the page made itself) nothing is shown.
//
// Writes are also refused while the panel is not fully visible (IntersectionObserver v2,
// `trackVisibility`): a page that lays a decoy over our frame, or makes it transparent, gets the
// user's click but no write. Browsers without v2 (Firefox 153) skip that check.
import { markOnce } from '../timing';
import { KalError } from '../errors';
import { call, setAuthProvider } from './client';
import type { MessageType } from './protocol';

/** Requests that change nothing stored: allowed while the panel is covered. */
const READS: ReadonlySet<MessageType> = new Set<MessageType>(['sidebar.view', 'account.search', 'panel.set', 'sidebar.claim', 'dashboard.open']);
/**
 * A write needs the panel visible and uncovered since at least VISIBLE_BEFORE_MS before the
 * request (a decoy removed at mouse-down does not count), and still so VISIBLE_AFTER_MS later (a
 * decoy laid at mouse-down is reported within the observer's 100 ms delay).
 */
export const VISIBLE_BEFORE_MS = 100;
export const VISIBLE_AFTER_MS = 150;

let key: string | undefined;
let ready: Promise<void> | undefined;

/** Start listening for the token (call once, at start-up). Resolves when the session exists. */
export function startSidebarSession(): Promise<void> {
  ready ??= new Promise<void>((resolve) => {
    let claiming = false;
    const onMessage = async (e: MessageEvent) => {
      // Our content script posts from the embedding window; so could the page — a forged token
      // simply fails to claim and we keep waiting.
      if (e.source !== window.parent || key || claiming) return;
      const token = (e.data as { kalToken?: unknown } | null)?.kalToken;
      if (typeof token !== 'string') return;
      claiming = true;
      markOnce('token'); // bench: cold start (lib/timing.ts)
      try {
        key = (await call('sidebar.claim', { token })).key;
        markOnce('claimed');
        window.removeEventListener('message', onMessage);
        resolve();
      } catch {
        /* not our token */
      } finally {
        claiming = false;
      }
    };
    window.addEventListener('message', onMessage);
  });
  setAuthProvider(async (type) => {
    if (type === 'sidebar.claim') return undefined;
    await ready;
    if (!READS.has(type)) await assertVisible();
    return key;
  });
  watchVisibility();
  return ready;
}

// ---------- visibility (clickjacking) ----------

let supported = false;
let visibleSince: number | null = null;
let firstReport: Promise<void> = Promise.resolve();
let reported: () => void = () => {};

function watchVisibility(): void {
  if (typeof IntersectionObserver === 'undefined' || !('isVisible' in IntersectionObserverEntry.prototype)) return;
  supported = true;
  let first = true;
  firstReport = new Promise<void>((r) => (reported = r));
  const io = new IntersectionObserver(
    (entries) => {
      const e = entries[entries.length - 1] as IntersectionObserverEntry & { isVisible?: boolean };
      // The first report describes the frame since it appeared: nothing covered it before.
      if (e.isVisible) visibleSince ??= first ? 0 : performance.now();
      else visibleSince = null;
      first = false;
      reported();
    },
    { trackVisibility: true, delay: 100, threshold: [1] } as IntersectionObserverInit,
  );
  // A transparent sentinel covering this frame's viewport, above our own content (which would
  // otherwise count as covering it) and letting clicks through.
  const sentinel = document.createElement('div');
  sentinel.setAttribute('aria-hidden', 'true');
  sentinel.style.cssText = 'position:fixed;inset:0;pointer-events:none;z-index:2147483647;background:transparent';
  document.documentElement.append(sentinel);
  io.observe(sentinel);
}

const covered = () => new KalError('forbidden', 'The panel is covered or hidden by the page, so nothing was saved. Move what covers it, then try again.').because('panel_covered');

/** Throws when the panel is covered, transformed, transparent, or was around the click. */
export async function assertVisible(): Promise<void> {
  if (!supported) return;
  // A click before the observer's first report (a fresh frame on a busy machine): wait for it.
  await Promise.race([firstReport, new Promise((r) => setTimeout(r, 1000))]);
  const at = performance.now();
  const since = visibleSince;
  if (since === null || at - since < VISIBLE_BEFORE_MS) throw covered();
  await new Promise((r) => setTimeout(r, VISIBLE_AFTER_MS));
  if (visibleSince !== since) throw covered();
}
