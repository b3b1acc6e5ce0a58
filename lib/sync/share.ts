// Sharing an account with teammates (README "Team sync"), on Dexie Cloud's access model: every
// record belongs to a realm; an account shared is moved, with everything attached to it, into a
// realm of its own — "tied" to the account (realm id `rlm~` + account id, the rule of the addon's
// getTiedRealmId) — whose members are the invited teammates. Members get their rights on their
// member record (`permissions`, a DBPermissionSet), so no global roles must be imported into the
// database first: an editor may add and update the account's records, a viewer only reads.
// The owner (who shared it) keeps every right, revokes members, and stops sharing.
import { z } from 'zod';
import { lazySchema } from '../lazy-schema';
import { KalError, fromZod } from '../errors';
import type { Account } from '../db/model';
import type { CloudDb } from './cloud-db';

/** Tables whose records follow their account into its realm. */
export const ACCOUNT_TABLES = ['plans', 'planRevisions', 'stakeholders', 'actions', 'notes'] as const;
export type ShareRole = 'editor' | 'viewer';

/** dexie-cloud-common DBPermissionSet per role. */
export const ROLE_PERMISSIONS: Record<ShareRole, { add?: string[]; update?: Record<string, '*'> }> = {
  editor: { add: [...ACCOUNT_TABLES], update: Object.fromEntries(['accounts', ...ACCOUNT_TABLES].map((t) => [t, '*'])) as Record<string, '*'> },
  viewer: {},
};

/** The realm an account is shared in. */
export function accountRealmId(accountId: string): string {
  return `rlm~${accountId}`;
}

/** A member row as the addon stores it (dexie-cloud-common DBRealmMember, the fields we use). */
export interface Member {
  id: string;
  realmId: string;
  email?: string;
  userId?: string;
  name?: string;
  invite?: boolean;
  accepted?: Date | string;
  rejected?: Date | string;
  permissions?: { add?: string[] | '*'; update?: Record<string, string[] | '*'> | '*'; manage?: string[] | '*' };
}

const inviteSchema = lazySchema(() =>
  z.object({
    email: z.string().trim().toLowerCase().pipe(z.email('is not a valid email address')),
    role: z.enum(['editor', 'viewer']),
  }),
);
export type Invite = z.input<typeof inviteSchema>;

/** The role a member's permissions amount to. */
export function roleOf(m: Member): ShareRole {
  return m.permissions?.add?.length || m.permissions?.update ? 'editor' : 'viewer';
}

const tablesOf = (db: CloudDb) => [db.accounts, ...ACCOUNT_TABLES.map((t) => db.table(t)), db.table('realms'), db.table('members')];

/**
 * Shares `accountId` with `invites` in ONE transaction: the account's realm is created (named
 * after the account), the invitees are added as members with their role's permissions, and the
 * account with its plan, plan revisions, stakeholders, actions and notes moves into the realm
 * (where-clause modifies: one operation each in the outbox). Sharing again only adds members.
 * Throws `validation` (an e-mail) and `not_found`. Returns the realm id.
 */
export async function shareAccount(db: CloudDb, accountId: string, invites: Invite[]): Promise<string> {
  const parsed = invites.map((i, n) => {
    const r = inviteSchema.safeParse(i);
    if (!r.success) throw fromZod(r.error, `Invite ${n + 1}`);
    return r.data;
  });
  const realmId = accountRealmId(accountId);
  await db.transaction('rw', tablesOf(db), async () => {
    const account = (await db.accounts.get(accountId)) as (Account & { realmId?: string }) | undefined;
    if (!account) throw new KalError('not_found', `Account ${accountId} does not exist`, 'accountId').because('account_missing');
    if (!(await db.table('realms').get(realmId))) await db.table('realms').add({ realmId, name: account.name, represents: 'a key account' });
    const members = db.table('members');
    for (const i of parsed) {
      const existing = (await members.where('[email+realmId]').equals([i.email, realmId]).first()) as Member | undefined;
      if (existing) await members.update(existing.id, { permissions: ROLE_PERMISSIONS[i.role] });
      // The id from the addon's generator (members' `@id`): without it the add failed here.
      else await members.add({ id: (members as unknown as { newId(): string }).newId(), realmId, email: i.email, invite: true, permissions: ROLE_PERMISSIONS[i.role] });
    }
    if (account.realmId !== realmId) await moveAccount(db, accountId, realmId);
  });
  return realmId;
}

/** Moves an account and its records into `realmId` (call inside a rw transaction on tablesOf). */
async function moveAccount(db: CloudDb, accountId: string, realmId: string): Promise<void> {
  await db.accounts.update(accountId, { realmId } as never);
  for (const t of ACCOUNT_TABLES) await db.table(t).where('accountId').equals(accountId).modify({ realmId });
}

/** The members of an account's realm (invited, accepted or not). */
export async function membersOf(db: CloudDb, accountId: string): Promise<Member[]> {
  return (await db.table('members').where('realmId').equals(accountRealmId(accountId)).toArray()) as Member[];
}

/** The owner removes one member (revokes the invite or the access). */
export async function revokeMember(db: CloudDb, memberId: string): Promise<void> {
  await db.table('members').delete(memberId);
}

/**
 * The current user leaves a shared account: their member record is deleted; the service then
 * stops sending the account, and the addon removes it from this browser at the next sync.
 */
export async function leaveAccount(db: CloudDb, accountId: string): Promise<void> {
  const email = db.cloud.currentUser.value?.email?.toLowerCase();
  if (!email) throw new KalError('forbidden', 'Log in to leave a shared account', 'email').because('login_to_leave');
  await db.table('members').where('[email+realmId]').equals([email, accountRealmId(accountId)]).delete();
}

/**
 * The owner stops sharing: the account and its records move back into the owner's private realm,
 * and the realm's members are removed — in one transaction.
 */
export async function stopSharing(db: CloudDb, accountId: string): Promise<void> {
  const realmId = accountRealmId(accountId);
  await db.transaction('rw', tablesOf(db), async () => {
    await moveAccount(db, accountId, db.cloud.currentUserId);
    await db.table('members').where('realmId').equals(realmId).delete();
    await db.table('realms').delete(realmId);
  });
}

/**
 * Whether the current user may edit `account`: it is in no realm or their private one, they own
 * it or its realm, or one of their member records in its realm lets them update accounts — the
 * rule of the addon's PermissionChecker.update (dexie-cloud-addon src/PermissionChecker.ts),
 * read straight from the local members table so it is current right after a sync.
 */
export async function canEdit(db: CloudDb, account: { realmId?: string; owner?: string }): Promise<boolean> {
  await userLoaded(db);
  const me = db.cloud.currentUserId;
  const { realmId, owner } = account;
  if (!realmId || realmId === me || owner === me) return true;
  const realm = (await db.table('realms').get(realmId)) as { owner?: string } | undefined;
  if (realm?.owner === me) return true;
  const email = db.cloud.currentUser.value?.email?.toLowerCase();
  const mine = ((await db.table('members').where('realmId').equals(realmId).toArray()) as Member[]).filter((m) => m.userId === me || (email && m.email === email));
  return mine.some((m) => {
    const p = m.permissions;
    if (!p) return false;
    if (p.manage === '*' || (Array.isArray(p.manage) && p.manage.includes('accounts'))) return true;
    return p.update === '*' || (typeof p.update === 'object' && p.update.accounts !== undefined);
  });
}

/**
 * Resolves once the addon has read the logged-in user (right after an open, `currentUser` is a
 * placeholder with `isLoading`, whose id is "unauthorized": a rights check then would take the
 * user's own records for someone else's). At most `capMs`, then with whatever is known.
 */
export async function userLoaded(db: CloudDb, capMs = 10_000): Promise<void> {
  // The user is loaded as part of the open (the addon's ready handler): open first.
  if (!db.isOpen()) await db.open().catch(() => {});
  return new Promise((resolve) => {
    let done = false;
    let sub: { unsubscribe(): void } | undefined;
    const finish = () => {
      if (done) return;
      done = true;
      clearTimeout(timer);
      queueMicrotask(() => sub?.unsubscribe());
      resolve();
    };
    const timer = setTimeout(finish, capMs);
    sub = db.cloud.currentUser.subscribe((u) => {
      if (!(u as { isLoading?: boolean }).isLoading) finish();
    });
    if (done) sub.unsubscribe();
  });
}

/** Whether the current user owns the realm of the account (may invite, revoke, stop sharing). */
export async function isRealmOwner(db: CloudDb, accountId: string): Promise<boolean> {
  await userLoaded(db);
  const realm = (await db.table('realms').get(accountRealmId(accountId))) as { owner?: string } | undefined;
  return !realm || realm.owner === db.cloud.currentUserId;
}
