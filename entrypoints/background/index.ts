// Background service worker: the only context that serves data to framed sidebars. It owns the
// database handle, matches pages to accounts and tells open views when data changed.
import { markOnce } from '@/lib/timing';
import { browser } from 'wxt/browser';
import { getDb } from '@/lib/db/db';
import { createHandlers } from '@/lib/background/handlers';
import { forgetTab, getTabContext, setTabContext } from '@/lib/background/tab-contexts';
import { serve } from '@/lib/messaging/server';
import { broadcast } from '@/lib/messaging/client';
import { requestSchemas } from '@/lib/messaging/schemas';
import { getSettings } from '@/lib/settings';
import type { MessageType } from '@/lib/messaging/protocol';
import { refreshBadge, startReminders } from '@/lib/background/reminders';
import type { KalEvent } from '@/lib/messaging/protocol';
import { serveEventPorts } from '@/lib/messaging/event-port';
import { FrameTrust } from '@/lib/messaging/frame-trust';
import { startBackgroundSync } from '@/lib/sync/background-sync';

markOnce('bg-eval'); // every import above has been evaluated

export default defineBackground(() => {
  markOnce('bg-main');
  const plain = getDb();
  // Open now rather than on the first query: the open overlaps with the rest of start-up and
  // with the message that woke the worker (cold start, README "Performance").
  void plain.open().then(() => markOnce('db-open'), () => {});
  // Team sync (README "Team sync"): off by default; when on, the connection is swapped for the
  // sync connection before any handler runs, so every write reaches the sync outbox.
  // Views reload when the connection is swapped (what they show may depend on it: edit rights).
  const sync = startBackgroundSync(plain, undefined, () => notifyViews({ kalEvent: 'changed', tables: ['accounts'] }));
  const db = sync.db;
  // Settings are read on every sidebar view: keep them in memory, refreshed when they change.
  let settings: ReturnType<typeof getSettings> | undefined;
  browser.storage.onChanged.addListener((changes, area) => {
    if (area === 'local' && 'settings' in changes) settings = undefined;
  });
  // Framed sidebars hear broadcasts through ports (lib/messaging/event-port.ts): ours, and the
  // dashboard's, relayed (runtime messages from other extension pages do not reach them in Firefox).
  const origin = browser.runtime.getURL('/');
  const toFramed = serveEventPorts(origin);
  function notifyViews(e: KalEvent): void {
    broadcast(e);
    toFramed(e);
  }
  browser.runtime.onMessage.addListener((msg: unknown, sender: { url?: string; id?: string }) => {
    const e = msg as KalEvent;
    if (e && typeof e === 'object' && e.kalEvent === 'changed' && sender.id === browser.runtime.id && sender.url?.startsWith(origin)) toFramed(e);
    return undefined; // events are one-way
  });
  // Sidebar tokens and sessions survive the service worker's restarts in storage.session,
  // which content scripts cannot read (its default access level is trusted contexts only).
  const trust = new FrameTrust({
    load: async () => (await browser.storage.session.get('frameTrust')).frameTrust as never,
    save: (s) => browser.storage.session.set({ frameTrust: s }),
  });
  browser.tabs.onRemoved.addListener((tabId) => void trust.forgetTab(tabId));
  // A worker is woken by a page that will want its sidebar: read the sidebar sessions and the
  // settings now, in parallel with the database open, not one after the other on first use.
  trust.warm();
  settings = getSettings();
  const handlers = createHandlers({
    db,
    trust,
    canEditAccount: (accountId) => sync.canEditAccount(accountId),
    writable: () => sync.ready(),
    extensionOrigin: origin,
    getTabContext,
    setTabContext,
    broadcast(e: KalEvent) {
      notifyViews(e);
      // runtime.sendMessage does not reach its own context: refresh the badge here.
      if (e.kalEvent === 'changed') void refreshBadge(db).catch(() => {});
    },
    async sendToTab(tabId, event) {
      return browser.tabs.sendMessage(tabId, event, { frameId: 0 });
    },
    async injectFile(tabId, frameId, file) {
      // injectImmediately: the content script asks at document_start; without it the browser
      // would hold the detector back until the page is idle.
      await browser.scripting.executeScript({ target: { tabId, frameIds: [frameId] }, files: [file as never], injectImmediately: true }); // a path of this build (onDemandFile)
    },
    async activeTabId() {
      const [tab] = await browser.tabs.query({ active: true, lastFocusedWindow: true });
      return tab?.id;
    },
    async openExtensionTab(path, openerTabId) {
      const opener = openerTabId !== undefined ? await browser.tabs.get(openerTabId).catch(() => undefined) : undefined;
      await browser.tabs.create({
        url: browser.runtime.getURL(path as '/dashboard.html'),
        ...(opener ? { windowId: opener.windowId, index: opener.index + 1, openerTabId: opener.id } : {}),
      });
    },
    // A match shows on the toolbar icon of that tab only — the page cannot see the browser's UI.
    // `text: null` gives the tab back the global badge (the overdue count).
    async markTab(tabId, accountName) {
      const action = browser.action;
      await action.setBadgeText({ tabId, text: accountName ? '✓' : (null as unknown as string) });
      if (accountName) await action.setBadgeBackgroundColor({ tabId, color: '#15803d' });
      await action.setTitle({ tabId, title: accountName ? `Key Account Lens — ${accountName}` : (null as unknown as string) });
    },
    async thresholds() {
      settings ??= getSettings();
      const s = await settings;
      return { contactDays: s.contactDays, planDays: s.planDays };
    },
  });

  // No write runs before the connection matches the sync config (a write on the plain
  // connection while sync is on would never be sent); reads need not wait for a sync connection
  // still opening (its first sync runs inside the open). A view opening also syncs (throttled).
  // page.update only reads, but for its capture write, which waits (deps.writable).
  const READS = new Set<string>(['sidebar.view', 'account.search', 'account.keys', 'page.update']);
  for (const type of Object.keys(handlers) as (keyof typeof handlers)[]) {
    const h = handlers[type] as (...a: unknown[]) => Promise<unknown>;
    (handlers as Record<string, unknown>)[type] = async (...a: unknown[]) => {
      await (READS.has(type) ? sync.readyForReads() : sync.ready());
      if (type === 'sidebar.view') sync.viewOpened();
      return h(...a);
    };
  }

  // What the first page.update / sidebar.view of this worker's life cost (bench: cold start).
  for (const type of ['detector.load', 'overlay.token', 'sidebar.claim', 'page.update', 'sidebar.view'] as const) {
    const h = handlers[type] as (...a: unknown[]) => Promise<unknown>;
    (handlers as Record<string, unknown>)[type] = async (...a: unknown[]) => {
      markOnce(`${type}:start`);
      try {
        return await h(...a);
      } finally {
        markOnce(`${type}:end`);
      }
    };
  }

  serve(handlers, {
    // A content script may only report its page; every read of account data and every write
    // must come from the extension's own pages (sidebar iframe, dashboard, popup).
    fromContentScripts: new Set<MessageType>(['page.update', 'overlay.token', 'detector.load']),
    trust,
    extensionOrigin: browser.runtime.getURL('/'),
    schemas: requestSchemas,
  });

  browser.tabs.onRemoved.addListener((tabId) => void forgetTab(tabId));

  browser.commands.onCommand.addListener(async (command) => {
    if (command !== 'toggle-sidebar') return;
    const [tab] = await browser.tabs.query({ active: true, lastFocusedWindow: true });
    if (tab?.id !== undefined) await browser.tabs.sendMessage(tab.id, { kalEvent: 'panel', open: 'toggle' }, { frameId: 0 }).catch(() => {});
  });

  startReminders(db);
  markOnce('bg-ready');
});
