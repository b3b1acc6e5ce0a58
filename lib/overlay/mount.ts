// The in-page part of the overlay: a small tab at the right edge and, once opened, an iframe
// showing the sidebar extension page. The account data itself only ever exists inside the
// cross-origin iframe.
//
// The iframe lives in its own host element with a CLOSED shadow root: the page cannot reach the
// element to read its URL, move it, swap it for a look-alike or post to it as us. Our content
// script gives it a one-time token from the background (lib/messaging/frame-trust.ts) each time
// it loads; without that token a sidebar shows and writes nothing. The tab button stays in an
// open shadow root: it holds nothing the page could not draw itself, and the tests click it.
import { browser } from 'wxt/browser';
import type { Site } from '../types';
import { getSettings } from '../settings';
import { call } from '../messaging/client';

const WIDTH = 380;

const CSS = `
:host { all: initial; }
.tab { position: fixed; top: 50%; right: 0; transform: translateY(-50%); z-index: 2147483646;
  width: 22px; height: 64px; border: 0; border-radius: 8px 0 0 8px; padding: 0; cursor: pointer;
  background: #1d4ed8; color: #fff; font: 600 11px/1 system-ui, sans-serif; box-shadow: -1px 1px 4px rgba(0,0,0,.25);
  writing-mode: vertical-rl; letter-spacing: .08em; opacity: .85; }
.tab:hover, .tab:focus-visible { opacity: 1; outline: 2px solid #93c5fd; outline-offset: 1px; }
.tab[aria-expanded="true"] { right: ${WIDTH}px; }
.panel { position: fixed; top: 0; right: 0; height: 100vh; width: ${WIDTH}px; z-index: 2147483647;
  border: 0; border-left: 1px solid rgba(0,0,0,.15); box-shadow: -4px 0 16px rgba(0,0,0,.15); background: Canvas; color-scheme: light dark; }
.panel[hidden] { display: none; }
`;

export interface Overlay {
  set(open: boolean | 'toggle'): void;
  destroy(): void;
}

export function mountOverlay(site: Site): Overlay {
  const host = document.createElement('key-account-lens');
  const root = host.attachShadow({ mode: 'open' });
  const style = document.createElement('style');
  style.textContent = CSS;
  const tab = document.createElement('button');
  tab.className = 'tab';
  tab.type = 'button';
  tab.textContent = 'KAL';
  tab.setAttribute('aria-expanded', 'false');
  tab.setAttribute('aria-label', browser.i18n.getMessage('tabOpen') || 'Open the account sidebar');
  root.append(style, tab);
  document.documentElement.append(host);
  // The panel's own host, closed: `panelHost.shadowRoot` is null for the page.
  const panelHost = document.createElement('key-account-lens-panel');
  const panelRoot = panelHost.attachShadow({ mode: 'closed' });
  const panelStyle = document.createElement('style');
  panelStyle.textContent = CSS;
  panelRoot.append(panelStyle);
  document.documentElement.append(panelHost);
  const extensionOrigin = new URL(browser.runtime.getURL('/')).origin;

  let frame: HTMLIFrameElement | undefined;
  let open = false;
  const stateKey = `panel:${site}`;

  /** `remember`: the user asked (tab, shortcut, Escape); automatic opening neither remembers nor takes focus. */
  function show(next: boolean, remember: boolean) {
    open = next;
    if (next && !frame) {
      // Created on first open only: pages where the user never opens the panel load no UI.
      frame = document.createElement('iframe');
      frame.className = 'panel';
      frame.src = browser.runtime.getURL('/sidebar.html');
      frame.title = 'Key Account Lens';
      frame.setAttribute('allow', '');
      const f = frame;
      // Every load (first, or after the page navigated our frame) gets a fresh one-time token,
      // posted only to an extension-origin document: a foreign document never receives it.
      f.addEventListener('load', () => {
        call('overlay.token', {})
          .then(({ token }) => f.contentWindow?.postMessage({ kalToken: token }, extensionOrigin))
          .catch(() => {
            /* background restarting or extension reloaded: the panel stays blank */
          });
      });
      panelRoot.append(frame);
    }
    // Read before hiding: hiding the focused iframe drops the focus to <body> in Chromium, and the
    // keyboard user closing the panel must land back on the tab, not at the top of the page.
    const hadFocus = !!root.activeElement || !!panelRoot.activeElement || document.activeElement === host || document.activeElement === panelHost;
    if (frame) frame.hidden = !next;
    tab.setAttribute('aria-expanded', String(next));
    tab.setAttribute('aria-label', browser.i18n.getMessage(next ? 'tabClose' : 'tabOpen') || (next ? 'Close' : 'Open'));
    // Only a user's own request moves focus: auto-opening must not steal keys typed in the page
    // (a Gmail reply being written).
    if (next && remember) frame?.focus();
    else if (hadFocus) tab.focus();
    if (remember) void browser.storage.local.set({ [stateKey]: next });
  }

  tab.addEventListener('click', () => show(!open, true));
  // Escape in our own tab button closes; Escape inside the iframe is handled by the sidebar.
  root.addEventListener('keydown', (e) => {
    const ke = e as KeyboardEvent;
    if (ke.key === 'Escape' && open) {
      ke.stopPropagation();
      show(false, true);
    }
  });

  // Restore the panel as the user left it on this site; else, with auto-open on, open it on
  // EVERY page of the site. Never depending on the page's content: whether it matches one of the
  // user's records must not show in anything the page can observe (issue 12, "no oracle").
  void Promise.all([browser.storage.local.get(stateKey), getSettings()]).then(([r, settings]) => {
    const remembered = r[stateKey] as boolean | undefined;
    if (remembered ?? settings.autoOpen) show(true, false);
  });

  return {
    set(v) {
      show(v === 'toggle' ? !open : v, true);
    },
    destroy() {
      host.remove();
      panelHost.remove();
    },
  };
}
