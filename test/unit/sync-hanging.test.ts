// @vitest-environment node
// A sync service that accepts connections and never answers (a hung server, a captive network
// holding the request): dexie-cloud-addon runs its first sync inside `db.open()`, so without a
// limit every query would wait as long as the request hangs. With lib/sync/answer-timeout.ts the
// request is aborted, the open completes, the data is there, and the status says offline.
// Node's own fetch (environment node): happy-dom's fetch ignores an abort while no response has
// come (measured: it rejected only when the server closed), unlike the browsers'.
import { createServer, type Server } from 'node:http';
import type { Socket } from 'node:net';
import { afterAll, beforeAll, describe, expect, it, vi } from 'vitest';
import { createDb } from '../../lib/db/db';
import { addNote } from '../../lib/db/repo';
import { loadSamplePortfolio } from '../../lib/sample/load';
import { samplePortfolio } from '../../lib/sample/portfolio';
import { createCloudDb } from '../../lib/sync/cloud-db';
import { limitServiceWait, SERVICE_ANSWER_MS } from '../../lib/sync/answer-timeout';
import { faultOf } from '../../lib/sync/status';
import { pendingChanges } from '../../lib/sync/publish';
import { startBackgroundSync } from '../../lib/sync/background-sync';
import { fakeBrowser } from 'wxt/testing/fake-browser';

const NOW = Date.UTC(2026, 10, 26);
const USER = 'jane@example.com';
let server: Server;
let url = '';
const sockets = new Set<Socket>();
const requests: string[] = [];

beforeAll(async () => {
  // What a page or worker has and Node 20 lacks, as far as the addon reads it: `navigator`
  // (onLine, userAgent; no serviceWorker, no locks) and `self` for online/offline events.
  const g = globalThis as { navigator?: unknown; self?: unknown };
  if (!g.navigator) Object.defineProperty(globalThis, 'navigator', { value: { onLine: true, userAgent: 'node' }, configurable: true });
  if (!g.self) g.self = new EventTarget();
  vi.spyOn(console, 'error').mockImplementation(() => {});
  vi.spyOn(console, 'debug').mockImplementation(() => {});
  // Accepts every request and never answers.
  server = createServer((req) => void requests.push(`${req.method} ${req.url}`));
  server.on('connection', (s) => {
    sockets.add(s);
    s.on('close', () => sockets.delete(s));
  });
  await new Promise<void>((r) => server.listen(0, '127.0.0.1', r));
  const addr = server.address();
  url = `http://127.0.0.1:${typeof addr === 'object' && addr ? addr.port : 0}`;
  // A short limit keeps the test short; the extension's is SERVICE_ANSWER_MS.
  limitServiceWait(url, 300);
});
afterAll(async () => {
  for (const s of sockets) s.destroy();
  await new Promise<void>((r) => server.close(() => r()));
});

describe('a sync service that never answers', () => {
  it('the extension waits at most SERVICE_ANSWER_MS for it (a limit exists and is finite)', () => {
    expect(SERVICE_ANSWER_MS).toBe(10_000);
  });

  it('logged in, before a first successful sync: the database opens, works, and the status says offline; edits wait in the outbox', async () => {
    const name = `hanging-${crypto.randomUUID()}`;
    const plain = createDb(name);
    await loadSamplePortfolio(plain, NOW);
    plain.close();

    const db = createCloudDb({ databaseUrl: url }, name);
    await db.open();
    expect(await db.accounts.count()).toBe(samplePortfolio(NOW).accounts.length);
    // Logged in (a $logins row as the addon writes it), then reopened: the first sync as that
    // user runs inside open() again.
    const far = new Date(Date.now() + 3600_000);
    await db.table('$logins').put({ claims: { sub: USER }, userId: USER, email: USER, lastLogin: new Date(), accessToken: 't', accessTokenExpiration: far, isLoggedIn: true, license: { type: 'prod', status: 'ok' } });
    db.close();
    const asked = requests.length;
    const again = createCloudDb({ databaseUrl: url }, name);
    await again.open();
    for (let i = 0; i < 300 && !again.cloud.currentUser.value?.isLoggedIn; i++) await new Promise((r) => setTimeout(r, 10));
    expect(again.cloud.currentUser.value?.isLoggedIn).toBe(true);
    expect(requests.slice(asked)).toEqual(['POST /sync']); // it did wait on the hanging service (control)
    const account = (await again.accounts.toArray())[0]!;
    await addNote(again, { accountId: account.id, body: 'written while the service hangs' }, NOW);
    expect(await pendingChanges(again)).toBe(1);
    // The failed first sync is recorded as the addon's error: offline for the user.
    for (let i = 0; i < 300 && again.cloud.syncState.value.phase !== 'error' && again.cloud.syncState.value.phase !== 'offline'; i++) await new Promise((r) => setTimeout(r, 10));
    const fault = faultOf(again.cloud.syncState.value.error);
    expect([fault.phase, fault.message?.split('\n')[0]]).toEqual(['offline', 'The sync service did not answer within 0.3 s (timeout)']);
    again.close();
  });

  it('the background serves reads while its sync connection is still opening; writes wait for it', async () => {
    fakeBrowser.reset();
    limitServiceWait(url, 2000); // long enough that the reads below surely come first
    const name = `hanging-bg-${crypto.randomUUID()}`;
    const plain = createDb(name);
    await loadSamplePortfolio(plain, NOW);
    plain.close();
    // A user logged in earlier, never synced yet (the addon's tables exist, with a $logins row).
    const first = createCloudDb({ databaseUrl: url }, name);
    await first.table('$logins').put({ claims: { sub: USER }, userId: USER, email: USER, lastLogin: new Date(), accessToken: 't', accessTokenExpiration: new Date(Date.now() + 3600_000), isLoggedIn: true, license: { type: 'prod', status: 'ok' } });
    first.close();
    await fakeBrowser.storage.local.set({ teamSync: { databaseUrl: url } });

    // The service worker starts: plain connection at once, the sync connection opening.
    const sync = startBackgroundSync(createDb(name), name);
    let writable = false;
    const ready = sync.ready().then(() => void (writable = true));
    await sync.readyForReads();
    expect(writable).toBe(false);
    const accounts = await sync.db.accounts.toArray();
    expect(accounts.length).toBe(samplePortfolio(NOW).accounts.length);
    expect(await sync.canEditAccount(accounts[0]!.id)).toBe(true);
    await ready;
    // Now the sync connection is in place: a write reaches its outbox.
    expect((sync.db as unknown as { cloud?: { options?: { databaseUrl?: string } } }).cloud?.options?.databaseUrl).toBe(url);
    await addNote(sync.db, { accountId: accounts[0]!.id, body: 'after the open' }, NOW);
    expect(await sync.db.table('$notes_mutations').count()).toBe(1);
    sync.db.close();
    limitServiceWait(url, 300);
  });
});
