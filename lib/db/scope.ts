// Which records a whole-database operation (wipe, restore) may delete or replace.
// With team sync off every record is the user's. With it on, a record in a shared realm (an
// account shared with teammates, README "Team sync") belongs to the team: deleting it locally
// would delete it for everyone (Dexie Cloud syncs deletes; `Table.clear()` would delete every
// teammate's shared account), so those operations keep it and say so.
import type { Table } from 'dexie';

/** `all`: sync off. `own`: sync on, `userId` = the logged-in user's id (also their private realm's id). */
export type DataScope = { kind: 'all' } | { kind: 'own'; userId: string };
export const ALL_DATA: DataScope = { kind: 'all' };

/** Dexie Cloud's realm id of records written before any login (dexie-cloud-addon UNAUTHORIZED_USER). */
export const UNAUTHORIZED_REALM = 'unauthorized';

/** Whether `record` is the user's own under `scope`: no realm, their private realm, or written before login. */
export function isOwnRecord(record: { realmId?: unknown }, scope: DataScope): boolean {
  if (scope.kind === 'all') return true;
  const r = record.realmId;
  return r === undefined || r === scope.userId || r === UNAUTHORIZED_REALM;
}

/**
 * Primary keys of `table`'s records that are NOT the user's own (read through the `realmId`
 * index, which holds only records that have a realm). Empty when scope is `all`.
 */
export async function sharedKeys(table: Table, scope: DataScope): Promise<Set<string>> {
  if (scope.kind === 'all') return new Set();
  return new Set((await table.where('realmId').noneOf([scope.userId, UNAUTHORIZED_REALM]).primaryKeys()) as string[]);
}

/**
 * Deletes the user's own records of `table` (call inside a rw transaction). `all` → clear();
 * `own` → bulkDelete of every key outside a shared realm, never clear(). Returns the shared keys kept.
 */
export async function deleteOwn(table: Table, scope: DataScope): Promise<Set<string>> {
  if (scope.kind === 'all') {
    await table.clear();
    return new Set();
  }
  const keep = await sharedKeys(table, scope);
  const keys = ((await table.toCollection().primaryKeys()) as string[]).filter((k) => !keep.has(k));
  if (keys.length) await table.bulkDelete(keys);
  return keep;
}
