// Team sync with the client loaded and the service unreachable: dexie-cloud-addon on our schema,
// configured with a loopback URL that refuses connections (http://127.0.0.1:9, the discard port:
// nothing listens). Everything must work offline, the status must say "offline", and edits must
// stay in the outbox across a restart (the connection closed and opened again, as when the
// browser stops the background service worker).
import { afterEach, beforeAll, describe, expect, it, vi } from 'vitest';
import { createDb, type KalDb } from '../../lib/db/db';
import { addNote, savePlan, setLink, upsertStakeholder, wipeAllData } from '../../lib/db/repo';
import { loadSamplePortfolio } from '../../lib/sample/load';
import { samplePortfolio } from '../../lib/sample/portfolio';
import { createCloudDb, type CloudDb } from '../../lib/sync/cloud-db';
import { pendingChanges, currentStatus, publishStatus } from '../../lib/sync/publish';
import { fakeBrowser } from 'wxt/testing/fake-browser';
import { SYNC_STATUS_KEY } from '../../lib/sync/config';
import { faultOf, statusFromAddon } from '../../lib/sync/status';
import { syncOnce } from '../../lib/sync/sync-once';
import { restoreSynced } from '../../lib/sync/restore-sync';
import { exportBackup, parseBackup, TABLES } from '../../lib/io/backup';

const emptyData = () => Object.fromEntries(TABLES.map((t) => [t, []]));
import { buildAccountView } from '../../lib/views/account-view';

const REFUSING = { databaseUrl: 'http://127.0.0.1:9' };
const NOW = Date.UTC(2026, 10, 26);
const USER = 'jane@example.com';
const open: { close(): void }[] = [];
beforeAll(() => {
  // The addon logs every refused connection; the assertions below say what matters.
  vi.spyOn(console, 'error').mockImplementation(() => {});
  vi.spyOn(console, 'debug').mockImplementation(() => {});
});
afterEach(() => {
  for (const d of open.splice(0)) d.close();
});

/** A login as the addon stores it after an OTP login ($logins, dexie-cloud-addon UserLogin). */
async function logIn(db: CloudDb): Promise<void> {
  const far = new Date(Date.now() + 3600_000);
  await db.table('$logins').put({ claims: { sub: USER }, userId: USER, email: USER, lastLogin: new Date(), accessToken: 'token', accessTokenExpiration: far, refreshToken: 'r', refreshTokenExpiration: far, isLoggedIn: true, license: { type: 'prod', status: 'ok' } });
  await until(() => db.cloud.currentUser.value?.isLoggedIn === true);
}
async function until(cond: () => boolean | Promise<boolean>): Promise<void> {
  for (let i = 0; i < 500; i++) {
    if (await cond()) return;
    await new Promise((r) => setTimeout(r, 10));
  }
  throw new Error('condition not met');
}
function cloud(name: string): CloudDb {
  const db = createCloudDb(REFUSING, name);
  open.push(db);
  return db;
}

describe('sync client loaded, service unreachable', () => {
  it('opens the data saved without sync, and everything works offline', async () => {
    const name = `offline-${crypto.randomUUID()}`;
    const plain: KalDb = createDb(name);
    await loadSamplePortfolio(plain, NOW);
    plain.close();

    const db = cloud(name);
    await db.open();
    const data = samplePortfolio(NOW);
    expect(await db.accounts.count()).toBe(data.accounts.length);
    expect(await db.stakeholders.count()).toBe(data.stakeholders.length);
    const hex = data.accounts.find((a) => a.name.startsWith('Groupe Hexagone'))!;
    const view = await buildAccountView(db, hex.id, { now: NOW });
    expect(view?.account.name).toBe(hex.name);
    // The addon's own tables were added in place (Dexie schema patch): realms, members, roles, outboxes.
    for (const t of ['realms', 'members', 'roles', '$accounts_mutations', '$syncState', '$logins']) expect(db.tables.map((x) => x.name)).toContain(t);

    // Writes work offline, logged out (nothing is queued before a login: the addon uploads
    // everything of the user's on the first sync after login).
    const n = await addNote(db, { accountId: hex.id, body: 'offline note' }, NOW);
    expect((await db.notes.get(n.id))?.body).toBe('offline note');
    expect(await pendingChanges(db)).toBe(0);
    expect((await currentStatus(db)).phase).toBe('login');

    // The plain connection still opens the database afterwards (sync turned off).
    db.close();
    const again = createDb(name);
    open.push(again);
    expect(await again.notes.get(n.id)).toMatchObject({ body: 'offline note' });
  });

  it('logged in: edits go to the outbox, a sync says offline, and the outbox survives a restart', async () => {
    const name = `outbox-${crypto.randomUUID()}`;
    const plain = createDb(name);
    await loadSamplePortfolio(plain, NOW);
    plain.close();

    let db = cloud(name);
    await db.open();
    await logIn(db);
    const acc = (await db.accounts.toArray())[0]!;
    const note = await addNote(db, { accountId: acc.id, body: 'queued' }, NOW);
    await savePlan(db, acc.id, { context: 'queued plan' }, NOW);
    await upsertStakeholder(db, { accountId: acc.id, name: 'Queued Person', linkedinUrl: 'https://www.linkedin.com/in/queued-person/' }, NOW);
    // Learned page links are this browser's own: never queued.
    await setLink(db, { kind: 'domain', value: 'queued.example', accountId: acc.id, verdict: 'confirmed' }, NOW);
    expect(await db.table('$links_mutations').count()).toBe(0);
    expect(await db.table('$notes_mutations').count()).toBe(1);
    expect(await db.table('$plans_mutations').count()).toBe(1);
    expect(await db.table('$planRevisions_mutations').count()).toBe(1);
    expect(await db.table('$stakeholders_mutations').count()).toBe(1);
    const pending = await pendingChanges(db);
    expect(pending).toBe(4);
    // Written in the user's private realm by the addon.
    expect(await db.notes.get(note.id)).toMatchObject({ realmId: USER, owner: USER });

    // The service refuses the connection: the sync fails as "offline", nothing is lost.
    const err = await syncOnce(db, 3000).then(() => undefined, (e: unknown) => e);
    expect(err).toBeDefined();
    expect(faultOf(err).phase).toBe('offline');
    await until(() => db.cloud.syncState.value.phase === 'error' || db.cloud.syncState.value.phase === 'offline');
    expect(statusFromAddon(db.cloud.syncState.value as never, true, undefined).phase).toBe('offline');
    expect(await pendingChanges(db)).toBe(pending);

    // Restart: close and open again — the outbox and the edits are still there.
    db.close();
    db = cloud(name);
    await db.open();
    expect(db.cloud.currentUser.value?.isLoggedIn).toBe(true);
    expect(await pendingChanges(db)).toBe(pending);
    expect((await db.notes.get(note.id))?.body).toBe('queued');
    expect((await db.plans.get(acc.id))?.context).toBe('queued plan');
  });

  it('the published status counts the edits waiting as they are made (not only when the sync state changes)', async () => {
    fakeBrowser.reset();
    const name = `publish-${crypto.randomUUID()}`;
    const plain: KalDb = createDb(name);
    await loadSamplePortfolio(plain, NOW);
    plain.close();
    const db = cloud(name);
    await db.open();
    await logIn(db);
    const pub = publishStatus(db);
    const published = async () => ((await fakeBrowser.storage.local.get(SYNC_STATUS_KEY))[SYNC_STATUS_KEY] as { pending?: number } | undefined)?.pending;
    const before = await pendingChanges(db);
    const account = (await db.accounts.toArray())[0]!;
    await addNote(db, { accountId: account.id, body: 'one' }, NOW);
    await addNote(db, { accountId: account.id, body: 'two' }, NOW);
    await until(async () => (await published()) === before + 2);
    expect(await published()).toBe(before + 2);
    pub.stop();
  });

  it('wipe with sync on keeps a teammate’s shared account and never clears a synced table', async () => {
    const name = `wipe-${crypto.randomUUID()}`;
    const db = cloud(name);
    await db.open();
    await logIn(db);
    const [a, b] = samplePortfolio(NOW).accounts;
    await db.accounts.bulkAdd([a!, { ...b!, realmId: 'rlm-shared' } as never]);
    const kept = await wipeAllData(db, { kind: 'own', userId: USER });
    expect(kept).toBe(1);
    expect((await db.accounts.toArray()).map((x) => x.id)).toEqual([b!.id]);
    // The delete of my account is queued as a delete of that one key, not a clear of the table.
    const ops = (await db.table('$accounts_mutations').toArray()).map((m: { type: string; keys?: string[] }) => [m.type, m.keys]);
    expect(ops).toContainEqual(['delete', [a!.id]]);
    expect(ops.some(([t]) => t === 'deleteRange' || t === 'clear')).toBe(false);
  });

  it('a restore with sync on goes through the sync connection, replaces my records only and queues them', async () => {
    const name = `restore-${crypto.randomUUID()}`;
    const db = cloud(name);
    await db.open();
    await logIn(db);
    const d = samplePortfolio(NOW);
    const [a, b] = d.accounts;
    await db.accounts.bulkAdd([{ ...a!, name: 'OLD NAME' }, { ...b!, realmId: 'rlm-shared' } as never]);
    const before = await db.table('$accounts_mutations').count(); // my own test setup's adds
    const backup = parseBackup(JSON.stringify({ ...(await exportBackup(createDb(`empty-${crypto.randomUUID()}`), NOW)), data: { ...emptyData(), accounts: [a!, { ...b!, name: 'STALE COPY' }, d.accounts[2]!] } }), 'b.json');
    if (!backup.ok) throw new Error(JSON.stringify(backup.problems));
    await restoreSynced(REFUSING, backup.backup.data, {}, name);
    expect((await db.accounts.get(a!.id))?.name).toBe(a!.name);
    expect((await db.accounts.get(b!.id))?.name).toBe(b!.name);
    expect(await db.accounts.count()).toBe(3);
    // Queued for the service: the delete of my old record and the two adds (not the shared one).
    expect(await db.table('$accounts_mutations').count()).toBeGreaterThan(before);
    const keys = (await db.table('$accounts_mutations').toArray()).slice(before).flatMap((m: { keys?: string[] }) => m.keys ?? []);
    expect(keys).toContain(a!.id);
    expect(keys).not.toContain(b!.id);
  });
});
