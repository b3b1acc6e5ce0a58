// Sending side of the protocol: a typed call that resolves with data or throws a KalError.
import { browser } from 'wxt/browser';
import { KalError } from '../errors';
import type { Envelope, KalEvent, MessageType, Reply, RequestOf, ResponseOf } from './protocol';

/**
 * Gives the session key to send with a request (and may refuse it). Set by the framed sidebar
 * only (lib/messaging/sidebar-session.ts); content scripts and top-level pages send none.
 */
type AuthProvider = (type: MessageType) => Promise<string | undefined>;
let authProvider: AuthProvider | undefined;
export function setAuthProvider(p: AuthProvider | undefined): void {
  authProvider = p;
}

export async function call<T extends MessageType>(type: T, payload: RequestOf<T>): Promise<ResponseOf<T>> {
  const envelope: Envelope<T> = { kal: 1, type, payload };
  const auth = await authProvider?.(type);
  if (auth !== undefined) envelope.auth = auth;
  let reply: Reply<ResponseOf<T>> | undefined;
  try {
    reply = (await browser.runtime.sendMessage(envelope)) as Reply<ResponseOf<T>> | undefined;
  } catch (e) {
    throw new KalError('internal', `The extension background did not answer (${(e as Error).message})`).because('background_silent');
  }
  if (!reply || typeof reply !== 'object' || !('ok' in reply)) throw new KalError('internal', `No answer to ${type}`);
  if (!reply.ok) throw KalError.from(reply.error);
  return reply.data;
}

/** Tell every other extension view that data changed (fire and forget). */
export function broadcast(event: KalEvent): void {
  browser.runtime.sendMessage(event).catch(() => {
    /* no other view open: nothing to tell */
  });
}

/** Listen to broadcasts. Returns the unsubscribe function. */
export function onEvent(listener: (e: KalEvent) => void): () => void {
  const l = (msg: unknown) => {
    if (msg && typeof msg === 'object' && 'kalEvent' in msg) listener(msg as KalEvent);
    return undefined; // never answer: events are one-way
  };
  browser.runtime.onMessage.addListener(l);
  return () => browser.runtime.onMessage.removeListener(l);
}
