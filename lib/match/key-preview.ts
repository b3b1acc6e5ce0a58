// What the account forms show under the recognition fields: the keys a value will be stored and
// matched as, values that give none, free-mail hosts that would recognise nothing, and other
// accounts that already hold a key. Used by the background (sidebar) and the dashboard.
import type { KalDb } from '../db/db';
import { canonicalAccountKeys, type AccountKeyFields } from '../keys/records';
import type { AccountKeysPreview } from '../messaging/protocol';
import { findKeyOwners } from './duplicates';
import { isFreeMailDomain } from './free-mail';

export async function previewAccountKeys(db: KalDb, input: AccountKeyFields, exceptId?: string): Promise<AccountKeysPreview> {
  const { value, problems } = canonicalAccountKeys(input);
  const domains = value.domains ?? [];
  const owners = await findKeyOwners(db, input, exceptId);
  return {
    domains,
    website: value.website,
    linkedinUrls: value.linkedinUrls ?? [],
    problems,
    mailHosts: domains.filter((d) => isFreeMailDomain(d)),
    owners: owners.map((o) => ({ id: o.account.id, name: o.account.name, key: o.key })),
  };
}
