// Record ids that every client derives the same way, so two teammates creating "the same" record
// offline write one record once synced, instead of two that a unique index would refuse
// (Dexie Cloud: synced tables have no `&` unique indexes — README "Team sync").

/**
 * The plan of an account: one per account, so its id IS the account's id (plans are another
 * table, so the key cannot clash). Plans saved before schema v6 had random ids; v6 re-keys them.
 */
export function planIdOf(accountId: string): string {
  return accountId;
}

/**
 * The id of a stakeholder saved from a LinkedIn profile: `li-` + 32 base64url characters of the
 * SHA-256 of `accountId + "\n" + canonical profile URL` (lib/keys: one spelling per profile).
 * Scoped to the account: a Dexie Cloud database is shared by many users whose private records
 * must never share a key, while teammates adding the same person to the same shared account get
 * the same id. 35 characters of [A-Za-z0-9_-], within the ids the repository accepts.
 * Async (WebCrypto): compute it before opening a transaction.
 */
export async function stakeholderIdOf(accountId: string, canonicalLinkedinUrl: string): Promise<string> {
  const bytes = new Uint8Array(await crypto.subtle.digest('SHA-256', new TextEncoder().encode(`${accountId}\n${canonicalLinkedinUrl}`)));
  let bin = '';
  for (const b of bytes.subarray(0, 24)) bin += String.fromCharCode(b);
  return `li-${btoa(bin).replace(/\+/g, '-').replace(/\//g, '_')}`;
}
