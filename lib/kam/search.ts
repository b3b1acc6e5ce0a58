// "Find an account" as the user types (popup search, the sidebar's "link to an existing account"
// and its add form's account picker): names starting with the words first, then names, aliases
// and domains containing them — "hexagone" finds "Groupe Hexagone Distribution".
import type { KalDb } from '../db/db';
import type { Account } from '../db/model';
import { nameKey } from '../match/normalize';

/**
 * Up to `limit` accounts for the typed text `q`: those whose folded name starts with it (indexed,
 * in name-key order), then those whose name or an alias contains it, or a domain contains the text
 * as typed, by name (a scan that stops at `limit` hits: run for what the user types, never on a
 * page load).
 * An empty `q` lists accounts by name.
 */
export async function searchAccounts(db: KalDb, q: string, limit = 20): Promise<Account[]> {
  const key = nameKey(q);
  const text = q.trim().toLowerCase();
  const rows = key ? await db.accounts.where('nameKey').startsWith(key).limit(limit).toArray() : text ? [] : await db.accounts.orderBy('name').limit(limit).toArray();
  if (!text || rows.length >= limit) return rows;
  const seen = new Set(rows.map((r) => r.id));
  const inside = (a: Account) => (!!key && (a.nameKey.includes(key) || a.aliases.some((x) => nameKey(x).includes(key)))) || a.domains.some((d) => d.includes(text));
  const more = await db.accounts.filter((a) => !seen.has(a.id) && inside(a)).limit(limit - rows.length).toArray();
  return rows.concat(more.sort((a, b) => a.name.localeCompare(b.name)));
}
