// Which framed sidebar may act: only the one our own content script created.
//
// The sidebar page (`sidebar.html`) is web-accessible, so a host page can frame it too — its own
// frame, or ours under a decoy. The background therefore serves a framed sidebar only after it
// proved it was created by our content script:
//   1. the content script of tab T asks `overlay.token` (top frame only) → a one-time token for T;
//   2. it posts the token to its own iframe, which lives in a CLOSED shadow root (the page can't
//      reach the element), with targetOrigin = the extension origin (nothing else receives it);
//   3. the sidebar exchanges it with `sidebar.claim` → a session key bound to (tab T, its frameId),
//      and sends that key with every later request; the background checks tab, frame and key.
// A frame the page made has no token; a page that navigates our frame gets a new document that
// has no key. Tabs come from `sender.tab` (the browser's word), never from the payload.
import { KalError } from '../errors';
import type { Sender } from './server';

/** A one-time token is good for this long after it was issued (ms): the iframe loads in < 1 s. */
export const TOKEN_TTL_MS = 60_000;

interface Pending {
  token: string;
  issuedAt: number;
}
interface Session {
  key: string;
  frameId: number;
}
interface TrustState {
  pending: Record<string, Pending>;
  sessions: Record<string, Session>;
}

/** Where the state survives a service-worker restart (storage.session in the background). */
export interface TrustStore {
  load(): Promise<TrustState | undefined>;
  save(s: TrustState): Promise<void>;
}

export function randomKey(): string {
  const b = new Uint8Array(32);
  crypto.getRandomValues(b);
  return Array.from(b, (x) => x.toString(16).padStart(2, '0')).join('');
}

/** Whether the sender is the sidebar page (framed or not), by its URL path in our origin. */
export function isSidebarSender(sender: Sender, extensionOrigin: string): boolean {
  if (!sender.url?.startsWith(extensionOrigin)) return false;
  try {
    return new URL(sender.url).pathname === '/sidebar.html';
  } catch {
    return false;
  }
}

export class FrameTrust {
  private state: TrustState = { pending: {}, sessions: {} };
  private loaded: Promise<void> | undefined;
  constructor(
    private store?: TrustStore,
    private now: () => number = Date.now,
  ) {}

  /** Start reading the stored tokens and sessions now (a woken worker: before the first request needs them). */
  warm(): void {
    void this.ready();
  }

  private async ready(): Promise<void> {
    this.loaded ??= (async () => {
      const got = await this.store?.load().catch(() => undefined);
      if (got) this.state = { pending: got.pending ?? {}, sessions: got.sessions ?? {} };
    })();
    await this.loaded;
  }
  private async persist(): Promise<void> {
    await this.store?.save(this.state).catch(() => {});
  }

  /** Step 1: a new one-time token for the content script of `sender.tab` (top frame only). */
  async issue(sender: Sender): Promise<string> {
    const tabId = sender.tab?.id;
    if (tabId === undefined || sender.frameId) throw new KalError('forbidden', 'Only the top frame of a tab gets a sidebar token');
    await this.ready();
    const token = randomKey();
    this.state.pending[tabId] = { token, issuedAt: this.now() };
    await this.persist();
    return token;
  }

  /** Step 3: the framed sidebar trades the token for a session key bound to its tab and frame. */
  async claim(token: string, sender: Sender): Promise<string> {
    await this.ready();
    const tabId = sender.tab?.id;
    const frameId = sender.frameId;
    const p = tabId !== undefined ? this.state.pending[tabId] : undefined;
    // Same answer for every failure: a caller learns nothing about which check failed.
    const refuse = () => new KalError('forbidden', 'This panel was not opened by Key Account Lens').because('panel_not_ours');
    if (tabId === undefined || !frameId || !p || p.token !== token || this.now() - p.issuedAt > TOKEN_TTL_MS || this.now() < p.issuedAt) throw refuse();
    delete this.state.pending[tabId]; // one-time
    const key = randomKey();
    this.state.sessions[tabId] = { key, frameId };
    await this.persist();
    return key;
  }

  /** Every other request of a sidebar: its key must be the session of its own tab and frame. */
  async check(sender: Sender, key: unknown): Promise<void> {
    await this.ready();
    const tabId = sender.tab?.id;
    const s = tabId !== undefined ? this.state.sessions[tabId] : undefined;
    if (!s || typeof key !== 'string' || s.key !== key || s.frameId !== sender.frameId) {
      throw new KalError('forbidden', 'This panel was not opened by Key Account Lens').because('panel_not_ours');
    }
  }

  async forgetTab(tabId: number): Promise<void> {
    await this.ready();
    delete this.state.pending[tabId];
    delete this.state.sessions[tabId];
    await this.persist();
  }
}
