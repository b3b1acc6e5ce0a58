// Re-keying stored records into the canonical key forms (lib/keys): used by the schema migration
// that introduced them (lib/db/db.ts v3) and by backup restore (an older backup holds the old
// spellings). Pure: records in, records out.
import type { Account, Action, Link, Note, Stakeholder } from '../db/model';
import { domainKey, emailKey, websiteDomainKey } from './domains';
import { canonicalCompanyUrl, canonicalProfileUrl } from './linkedin';

const uniq = <T>(xs: T[]): T[] => [...new Set(xs)];
const same = (a: unknown, b: unknown) => JSON.stringify(a) === JSON.stringify(b);

/**
 * An account's keys re-spelled: each domain → its domain key, plus the website's domain key; each
 * LinkedIn URL → canonical company URL. A stored value that gives no key (e.g. "uk.com", which
 * an older version wrote for northwind.uk.com) is KEPT as it was: it is the user's data, it
 * matches nothing, and the account form points it out.
 */
export function rekeyAccount(a: Account): Account {
  const w = websiteDomainKey(a.website);
  const domains = uniq([...a.domains.map((d) => domainKey(d) ?? d), ...(w ? [w] : [])]);
  const linkedinUrls = uniq(a.linkedinUrls.map((u) => canonicalCompanyUrl(u) ?? u));
  return same(domains, a.domains) && same(linkedinUrls, a.linkedinUrls) ? a : { ...a, domains, linkedinUrls };
}

/** A link's key re-spelled ("domain:WWW.Acme.fr" → "domain:acme.fr"); other kinds unchanged. */
export function rekeyLink(l: Link): Link {
  const i = l.key.indexOf(':');
  const value = l.key.slice(i + 1);
  const next = l.kind === 'domain' ? domainKey(value) : l.kind === 'profile' ? canonicalProfileUrl(value) : l.kind === 'company' ? canonicalCompanyUrl(value) : undefined;
  return next && next !== value ? { ...l, key: `${l.kind}:${next}` } : l;
}

export interface RekeyInput {
  accounts: Account[];
  stakeholders: Stakeholder[];
  links: Link[];
  actions: Action[];
  notes: Note[];
}

export interface RekeyResult {
  /** records whose keys changed (to put) */
  accounts: Account[];
  stakeholders: Stakeholder[];
  links: Link[];
  actions: Action[];
  notes: Note[];
  /** stakeholder ids merged into another record (to delete) */
  mergedStakeholderIds: string[];
}

/**
 * Re-keys every record. Two stakeholders whose profile URLs were two spellings of one profile
 * (NFD and NFC, "%C3%A9" and "é", fr. and www.) become ONE person: the most recently updated
 * record is kept, blank fields filled from the others, emails merged, and the actions, notes and
 * reporting lines of the merged records point at the kept one.
 */
export function rekeyAll(data: RekeyInput): RekeyResult {
  const accounts = data.accounts.map(rekeyAccount).filter((a, i) => a !== data.accounts[i]);
  const links = data.links.map(rekeyLink).filter((l, i) => l !== data.links[i]);

  const changed = new Map<string, Stakeholder>();
  const next = data.stakeholders.map((s) => {
    const linkedinUrl = s.linkedinUrl ? (canonicalProfileUrl(s.linkedinUrl) ?? s.linkedinUrl) : undefined;
    const emails = uniq(s.emails.map((e) => emailKey(e) ?? e));
    if (linkedinUrl === s.linkedinUrl && same(emails, s.emails)) return s;
    const r = { ...s, linkedinUrl, emails };
    changed.set(r.id, r);
    return r;
  });
  // Group by canonical profile URL; merge groups of more than one.
  const byUrl = new Map<string, Stakeholder[]>();
  for (const s of next) if (s.linkedinUrl) byUrl.set(s.linkedinUrl, [...(byUrl.get(s.linkedinUrl) ?? []), s]);
  const mergedInto = new Map<string, string>();
  for (const group of byUrl.values()) {
    if (group.length < 2) continue;
    const [keep, ...rest] = [...group].sort((a, b) => b.updatedAt - a.updatedAt || a.createdAt - b.createdAt);
    let k: Stakeholder = { ...keep };
    for (const o of rest) {
      mergedInto.set(o.id, keep.id);
      k = {
        ...o,
        ...Object.fromEntries(Object.entries(k).filter(([, v]) => v !== undefined && v !== '')),
        emails: uniq([...k.emails, ...o.emails]),
        notes: [k.notes, o.notes].filter(Boolean).join('\n\n').slice(0, 5000),
        role: k.role !== 'unknown' ? k.role : o.role,
        stance: k.stance !== 'unknown' ? k.stance : o.stance,
        lastContactAt: Math.max(k.lastContactAt ?? 0, o.lastContactAt ?? 0) || undefined,
      } as Stakeholder;
    }
    changed.set(keep.id, k);
  }
  for (const id of mergedInto.keys()) changed.delete(id);
  const repoint = <T extends { stakeholderId?: string }>(xs: T[]) =>
    xs.filter((x) => x.stakeholderId && mergedInto.has(x.stakeholderId)).map((x) => ({ ...x, stakeholderId: mergedInto.get(x.stakeholderId!) }));
  for (const s of next) {
    if (!s.reportsTo || !mergedInto.has(s.reportsTo) || mergedInto.has(s.id)) continue;
    const base = changed.get(s.id) ?? s;
    const to = mergedInto.get(s.reportsTo)!;
    changed.set(s.id, { ...base, reportsTo: to === s.id ? undefined : to });
  }
  return {
    accounts,
    stakeholders: [...changed.values()],
    links,
    actions: repoint(data.actions),
    notes: repoint(data.notes),
    mergedStakeholderIds: [...mergedInto.keys()],
  };
}
