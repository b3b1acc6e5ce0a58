// Sharing an account (lib/sync/share.ts) on the sync connection, service unreachable: the
// account and everything attached move into its realm in one transaction, invitees become
// members with their role, a viewer cannot edit, leaving / revoking / stopping work — all queued
// in the outbox for the service.
import { afterEach, beforeAll, describe, expect, it, vi } from 'vitest';
import { createDb } from '../../lib/db/db';
import { addAction, addNote, savePlan, upsertStakeholder } from '../../lib/db/repo';
import { loadSamplePortfolio } from '../../lib/sample/load';
import { createCloudDb, type CloudDb } from '../../lib/sync/cloud-db';
import { accountRealmId, canEdit, isRealmOwner, leaveAccount, membersOf, revokeMember, roleOf, ROLE_PERMISSIONS, shareAccount, stopSharing } from '../../lib/sync/share';

const NOW = Date.UTC(2026, 10, 26);
const ME = 'jane@example.com';
const open: CloudDb[] = [];
beforeAll(() => {
  vi.spyOn(console, 'error').mockImplementation(() => {});
  vi.spyOn(console, 'debug').mockImplementation(() => {});
});
afterEach(() => {
  for (const d of open.splice(0)) d.close();
});

async function loggedIn(): Promise<CloudDb> {
  const name = `share-${crypto.randomUUID()}`;
  const plain = createDb(name);
  await loadSamplePortfolio(plain, NOW);
  plain.close();
  const db = createCloudDb({ databaseUrl: 'http://127.0.0.1:9' }, name);
  open.push(db);
  await db.open();
  const far = new Date(Date.now() + 3600_000);
  await db.table('$logins').put({ claims: { sub: ME }, userId: ME, email: ME, lastLogin: new Date(), accessToken: 't', accessTokenExpiration: far, isLoggedIn: true, license: { type: 'prod', status: 'ok' } });
  for (let i = 0; i < 300 && !db.cloud.currentUser.value?.isLoggedIn; i++) await new Promise((r) => setTimeout(r, 10));
  return db;
}

describe('share an account', () => {
  it('moves the account and all its records into its realm in one transaction, with the invitees as members', async () => {
    const db = await loggedIn();
    const acc = (await db.accounts.toArray()).find((a) => a.name.startsWith('Groupe Hexagone'))!;
    await savePlan(db, acc.id, { context: 'shared plan' }, NOW);
    await addNote(db, { accountId: acc.id, body: 'before sharing' }, NOW);
    const realmId = await shareAccount(db, acc.id, [
      { email: ' Bob@Example.com ', role: 'editor' },
      { email: 'carol@example.com', role: 'viewer' },
    ]);
    expect(realmId).toBe(accountRealmId(acc.id));
    expect((await db.accounts.get(acc.id)) as unknown).toMatchObject({ realmId });
    for (const t of ['plans', 'planRevisions', 'stakeholders', 'actions', 'notes']) {
      const rows = (await db.table(t).where('accountId').equals(acc.id).toArray()) as { realmId: string }[];
      expect(rows.length, t).toBeGreaterThan(0);
      expect(rows.every((r) => r.realmId === realmId), t).toBe(true);
    }
    // Another account stays private.
    // (records saved before the first login get the user's realm at the first sync: none yet offline)
    const other = (await db.accounts.toArray()).find((a) => a.id !== acc.id)! as unknown as { realmId?: string };
    expect(other.realmId ?? ME).toBe(ME);
    const members = (await membersOf(db, acc.id)).map((m) => [m.email, roleOf(m), m.invite]).sort();
    expect(members).toEqual([
      ['bob@example.com', 'editor', true],
      ['carol@example.com', 'viewer', true],
    ]);
    expect(await db.table('realms').get(realmId)).toMatchObject({ name: acc.name, owner: ME });
    expect(await isRealmOwner(db, acc.id)).toBe(true);

    // New records of a shared account go into its realm (shared with it).
    const s = await upsertStakeholder(db, { accountId: acc.id, name: 'New Person' }, NOW);
    const a = await addAction(db, { accountId: acc.id, title: 'Call' }, NOW);
    expect(((await db.stakeholders.get(s.stakeholder.id)) as unknown as { realmId: string }).realmId).toBe(realmId);
    expect(((await db.actions.get(a.id)) as unknown as { realmId: string }).realmId).toBe(realmId);
    // Queued for the service: the realm, the members, the moves.
    expect(await db.table('$realms_mutations').count()).toBe(1);
    expect(await db.table('$members_mutations').count()).toBe(2);
  });

  it('refuses a bad e-mail before writing anything', async () => {
    const db = await loggedIn();
    const acc = (await db.accounts.toArray())[0]!;
    await expect(shareAccount(db, acc.id, [{ email: 'not-an-email', role: 'editor' }])).rejects.toThrow(/email/);
    expect(await db.table('realms').count()).toBe(0);
    expect(((await db.accounts.get(acc.id)) as unknown as { realmId?: string }).realmId).toBeUndefined();
    expect(await db.table('members').count()).toBe(0);
  });

  it('a viewer cannot edit, an editor can; the owner always can', async () => {
    const db = await loggedIn();
    const realm = 'rlm~teammates-account';
    await db.table('realms').put({ realmId: realm, name: 'Theirs', owner: 'boss@example.com' });
    const account = { realmId: realm, owner: 'boss@example.com' };
    await db.table('members').put({ id: 'mbr1', realmId: realm, email: ME, userId: ME, accepted: new Date(), permissions: ROLE_PERMISSIONS.viewer, owner: 'boss@example.com' });
    expect(await canEdit(db, account)).toBe(false);
    await db.table('members').update('mbr1', { permissions: ROLE_PERMISSIONS.editor });
    expect(await canEdit(db, account)).toBe(true);
    expect(await canEdit(db, { realmId: ME, owner: ME })).toBe(true);
    expect(await canEdit(db, {})).toBe(true);
    expect(await isRealmOwner(db, 'teammates-account')).toBe(false);
  });

  it('right after a (re)open the rights are read for the logged-in user, not the placeholder the addon shows while loading it', async () => {
    const db = await loggedIn();
    const name = db.name;
    db.close();
    const again = createCloudDb({ databaseUrl: 'http://127.0.0.1:9' }, name);
    open.push(again);
    // No wait: the first query opens it; the addon then loads the user from $logins.
    expect(await canEdit(again, { realmId: ME, owner: ME })).toBe(true);
    expect(again.cloud.currentUserId).toBe(ME);
  });

  it('revoke removes a member; leave removes my membership; stop sharing moves everything back', async () => {
    const db = await loggedIn();
    const acc = (await db.accounts.toArray())[0]!;
    await shareAccount(db, acc.id, [{ email: 'bob@example.com', role: 'editor' }, { email: ME, role: 'viewer' }]);
    const bob = (await membersOf(db, acc.id)).find((m) => m.email === 'bob@example.com')!;
    await revokeMember(db, bob.id);
    expect((await membersOf(db, acc.id)).map((m) => m.email)).toEqual([ME]);
    await leaveAccount(db, acc.id);
    expect(await membersOf(db, acc.id)).toEqual([]);
    await stopSharing(db, acc.id);
    expect(((await db.accounts.get(acc.id)) as unknown as { realmId: string }).realmId).toBe(ME);
    const notes = (await db.notes.where('accountId').equals(acc.id).toArray()) as unknown as { realmId: string }[];
    expect(notes.every((n) => n.realmId === ME)).toBe(true);
    expect(await db.table('realms').get(accountRealmId(acc.id))).toBeUndefined();
  });
});
