// Receiving side, in the background. Answers with sendResponse + `return true` because a
// promise-returning onMessage listener delivered `undefined` in Chromium 156 (PLATFORM-FACTS.md).
import { browser, type Browser } from 'wxt/browser';
import { KalError, toErrorData } from '../errors';
import type { Envelope, MessageType, Protocol, Reply } from './protocol';
import { isSidebarSender, type FrameTrust } from './frame-trust';

export type Sender = Browser.runtime.MessageSender;
export type Handler<T extends MessageType> = (payload: Protocol[T]['req'], sender: Sender) => Promise<Protocol[T]['res']> | Protocol[T]['res'];
export type Handlers = { [T in MessageType]: Handler<T> };

export interface ServeOptions {
  /** messages a content script may send; every other type must come from an extension page */
  fromContentScripts: ReadonlySet<MessageType>;
  extensionOrigin: string;
  /** payload validators per type (zod schemas or anything with safeParse) */
  /**
   * When set, every request of the sidebar page (other than `sidebar.claim`) must carry the
   * session key of its own tab and frame: a sidebar framed by the page itself reads and writes
   * nothing (lib/messaging/frame-trust.ts).
   */
  trust?: Pick<FrameTrust, 'check'>;
  schemas?: Partial<Record<MessageType, { safeParse(v: unknown): { success: boolean; data?: unknown; error?: { issues: { path: PropertyKey[]; message: string }[] } } }>>;
}

/**
 * What a sidebar may ask without a session: claiming one, and moving the UI (open the dashboard,
 * close the panel) — neither reads nor writes a record. (The e2e harness drives Firefox through
 * `dashboard.open` from the sidebar's frame.)
 */
const SESSIONLESS: ReadonlySet<MessageType> = new Set<MessageType>(['sidebar.claim', 'dashboard.open', 'panel.set']);

export function isEnvelope(msg: unknown): msg is Envelope {
  return !!msg && typeof msg === 'object' && (msg as Envelope).kal === 1 && typeof (msg as Envelope).type === 'string';
}

/** Dispatch one message; never throws: every failure becomes a typed error reply. */
export async function dispatch(handlers: Handlers, msg: Envelope, sender: Sender, opts: ServeOptions): Promise<Reply> {
  try {
    if (!Object.prototype.hasOwnProperty.call(handlers, msg.type)) {
      throw new KalError('bad_request', `Unknown message type "${String(msg.type).slice(0, 60)}"`);
    }
    const fromExtensionPage = !!sender.url && sender.url.startsWith(opts.extensionOrigin) && sender.id === browser.runtime.id;
    if (!fromExtensionPage && !opts.fromContentScripts.has(msg.type)) {
      throw new KalError('forbidden', `"${msg.type}" is only accepted from the extension's own pages`);
    }
    if (opts.trust && !SESSIONLESS.has(msg.type) && isSidebarSender(sender, opts.extensionOrigin)) await opts.trust.check(sender, msg.auth);
    let payload: unknown = msg.payload;
    const schema = opts.schemas?.[msg.type];
    if (schema) {
      const r = schema.safeParse(payload);
      if (!r.success) {
        const issue = r.error?.issues[0];
        const field = issue?.path.map(String).join('.');
        throw new KalError('bad_request', `Malformed "${msg.type}" request: ${field ? `${field} ` : ''}${issue?.message ?? 'invalid'}`, field || undefined);
      }
      payload = r.data;
    }
    const handler = handlers[msg.type] as Handler<MessageType>;
    const data = await handler(payload as never, sender);
    return { ok: true, data: data ?? null };
  } catch (e) {
    return { ok: false, error: toErrorData(e) };
  }
}

export function serve(handlers: Handlers, opts: ServeOptions): void {
  browser.runtime.onMessage.addListener((msg: unknown, sender: Sender, sendResponse: (r: Reply) => void) => {
    if (!isEnvelope(msg)) return false; // not ours (events, other senders)
    dispatch(handlers, msg, sender, opts).then(sendResponse);
    return true;
  });
}
