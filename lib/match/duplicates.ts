// "Another account already has this key": checked before an account is created or its keys are
// edited, so the user can open or link the existing account instead of making a duplicate.
// Shared keys stay allowed (a group's subsidiaries often share one domain): this only informs.
import type { KalDb } from '../db/db';
import type { Account } from '../db/model';
import { canonicalAccountKeys, type AccountKeyFields } from '../keys/records';

export interface KeyOwner {
  account: Account;
  /** the shared key, "domain:<domain key>" or "company:<canonical LinkedIn company URL>" */
  key: string;
}

/**
 * Accounts (other than `exceptId`) that already hold one of the keys `input` would give: its
 * domains, its website's domain, its LinkedIn company pages — compared in canonical form, through
 * the indexes. Values that give no key are ignored here (the repository reports them).
 * Sorted by account name, one row per (account, key).
 */
export async function findKeyOwners(db: KalDb, input: AccountKeyFields, exceptId?: string): Promise<KeyOwner[]> {
  const { value } = canonicalAccountKeys(input);
  const domains = value.domains ?? [];
  const urls = value.linkedinUrls ?? [];
  const [byDomain, byUrl] = await Promise.all([
    domains.length ? db.accounts.where('domains').anyOf(domains).distinct().toArray() : [],
    urls.length ? db.accounts.where('linkedinUrls').anyOf(urls).distinct().toArray() : [],
  ]);
  const out: KeyOwner[] = [];
  for (const a of byDomain) if (a.id !== exceptId) for (const d of a.domains) if (domains.includes(d)) out.push({ account: a, key: `domain:${d}` });
  for (const a of byUrl) if (a.id !== exceptId) for (const u of a.linkedinUrls) if (urls.includes(u)) out.push({ account: a, key: `company:${u}` });
  return out.sort((x, y) => x.account.name.localeCompare(y.account.name) || x.key.localeCompare(y.key));
}
