// A sync service that accepts connections but never answers must not hold the extension up.
// dexie-cloud-addon runs its first sync INSIDE `db.open()` (its `db.on('ready')` handler awaits
// `performInitialSync` until a first sync has succeeded: dexie-cloud-addon 4.4.14
// src/dexie-cloud-client.ts onDbReady), and the browser's fetch has no time limit of its own,
// so every query of a context waits as long as the service keeps the request hanging. The addon
// takes no fetch option: this wraps the context's `fetch` for the configured service's origin
// only. A request whose response has not STARTED within the limit is aborted — the addon then
// records a failed sync (status "offline") and `db.open()` completes; a response that has started
// streams for as long as it needs (a large first download is not cut off).
/** How long the service may take to start answering a request (ms). */
export const SERVICE_ANSWER_MS = 10_000;

/** The error a request that got no answer in time rejects with (faultOf: offline). */
export class ServiceTimeoutError extends Error {
  override name = 'TimeoutError';
}

const limits = new Map<string, number>();
let original: typeof fetch | undefined;

/** The origin a request goes to, or undefined (a relative URL). */
function originOf(input: RequestInfo | URL): string | undefined {
  try {
    return new URL(typeof input === 'string' ? input : input instanceof URL ? input.href : input.url).origin;
  } catch {
    return undefined;
  }
}

/**
 * From now on in this context, a request to `databaseUrl`'s origin that has no response within
 * `ms` is aborted with ServiceTimeoutError. Other requests are untouched. Idempotent: without
 * `ms`, an origin keeps the limit it has (SERVICE_ANSWER_MS at first); with `ms`, that one.
 */
export function limitServiceWait(databaseUrl: string, ms?: number): void {
  const origin = new URL(databaseUrl).origin;
  if (ms !== undefined || !limits.has(origin)) limits.set(origin, ms ?? SERVICE_ANSWER_MS);
  if (original) return;
  const base = globalThis.fetch;
  if (typeof base !== 'function') return;
  original = base;
  const limited = (input: RequestInfo | URL, init?: RequestInit): Promise<Response> => {
    const o = originOf(input);
    const limit = o === undefined ? undefined : limits.get(o);
    if (limit === undefined) return base.call(globalThis, input, init);
    const ctrl = new AbortController();
    const given = init?.signal;
    if (given) given.addEventListener('abort', () => ctrl.abort(given.reason), { once: true });
    const signal = ctrl.signal;
    const timer = setTimeout(() => ctrl.abort(new ServiceTimeoutError(`The sync service did not answer within ${limit / 1000} s (timeout)`)), limit);
    return base.call(globalThis, input, { ...init, signal }).finally(() => clearTimeout(timer));
  };
  globalThis.fetch = limited as typeof fetch;
}
