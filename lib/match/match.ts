// PageContext → ranked candidate accounts, each with the reasons it was picked.
// Every lookup goes through an index (see SCHEMA in lib/db/db.ts); nothing scans a table.
import type { PageContext } from '../types';
import type { KalDb } from '../db/db';
import type { Account } from '../db/model';
import { canonicalCompanyUrl, canonicalProfileUrl, domainKey, emailKey, isGenericNameKey, nameKey, websiteDomainKey } from '../keys';
import { isFreeMailDomain } from './free-mail';

export type MatchReason =
  | { kind: 'link'; key: string }
  /** via 'linkedin': the public profile URL or the Sales Navigator lead id */
  | { kind: 'stakeholder'; stakeholderId: string; via: 'linkedin' | 'email' }
  | { kind: 'company'; linkedinUrl: string }
  | { kind: 'domain'; domain: string }
  /** generic: the name reduces to a word many companies share (or to nothing): a suggestion only */
  | { kind: 'name'; name: string; generic?: boolean };

export interface Candidate {
  account: Account;
  score: number;
  reasons: MatchReason[];
}

const WEIGHT: Record<MatchReason['kind'], number> = { link: 1000, stakeholder: 900, company: 800, domain: 600, name: 300 };

/** The page keys a learned link can be attached to, strongest first. */
export interface PageKeys {
  threadId?: string;
  profileUrl?: string;
  companyUrl?: string;
  domains: string[];
  emails: string[];
  nameKey?: string;
  companyName?: string;
}

/**
 * The page's keys in canonical form (lib/keys), recomputed here with the real public-suffix list:
 * the content script's domains are approximate (lib/detect/domain-lite.ts), so domains come from
 * the raw emails and website first. Free-mail, ISP and mailing-list hosts give no domain key.
 */
export function pageKeys(ctx: PageContext): PageKeys {
  const emails = new Set<string>();
  const domains = new Set<string>();
  const addDomain = (d: string | undefined, host: string | undefined) => {
    if (d && !isFreeMailDomain(host ?? d)) domains.add(d);
  };
  const addEmail = (e?: string) => {
    const email = emailKey(e);
    if (!email) return;
    emails.add(email);
    const host = email.slice(email.lastIndexOf('@') + 1);
    addDomain(domainKey(host), host);
  };
  addEmail(ctx.person?.email);
  for (const p of ctx.thread?.participants ?? []) addEmail(p.email);
  // The company's website's domain, then the domain the page gave (a bare public suffix, which
  // the content script's approximate list can produce, gives none).
  addDomain(websiteDomainKey(ctx.company?.website), undefined);
  addDomain(domainKey(ctx.company?.domain), undefined);
  const companyName = ctx.company?.name?.trim() || undefined;
  const key = companyName ? nameKey(companyName) : undefined;
  return {
    threadId: ctx.thread?.id || undefined,
    profileUrl: ctx.person?.linkedinUrl ? canonicalProfileUrl(ctx.person.linkedinUrl) : undefined,
    companyUrl: ctx.company?.linkedinUrl ? canonicalCompanyUrl(ctx.company.linkedinUrl) : undefined,
    domains: [...domains],
    emails: [...emails],
    nameKey: key || undefined,
    companyName,
  };
}

/** Link keys for this page, in the form stored in the links table. */
export function linkKeysOf(k: PageKeys): string[] {
  const keys: string[] = [];
  if (k.threadId) keys.push(`thread:${k.threadId}`);
  if (k.profileUrl) keys.push(`profile:${k.profileUrl}`);
  if (k.companyUrl) keys.push(`company:${k.companyUrl}`);
  for (const d of k.domains) keys.push(`domain:${d}`);
  // A generic name ("Holding") is no key to learn: a link on it would send every "Holding" there.
  if (k.nameKey && !isGenericNameKey(k.nameKey)) keys.push(`name:${k.nameKey}`);
  return keys;
}

export async function matchAccounts(db: KalDb, ctx: PageContext): Promise<Candidate[]> {
  const k = pageKeys(ctx);
  const found = new Map<string, { reasons: MatchReason[] }>();
  const add = (accountId: string, r: MatchReason) => {
    const e = found.get(accountId) ?? { reasons: [] };
    e.reasons.push(r);
    found.set(accountId, e);
  };

  const linkKeys = linkKeysOf(k);
  const leadId = ctx.person?.salesNavLeadId;
  const [links, byProfile, byEmail, byCompany, byDomain, byName, byLead] = await Promise.all([
    linkKeys.length ? db.links.where('key').anyOf(linkKeys).toArray() : [],
    k.profileUrl ? db.stakeholders.where('linkedinUrl').equals(k.profileUrl).toArray() : [],
    k.emails.length ? db.stakeholders.where('emails').anyOf(k.emails).toArray() : [],
    k.companyUrl ? db.accounts.where('linkedinUrls').equals(k.companyUrl).toArray() : [],
    k.domains.length ? db.accounts.where('domains').anyOf(k.domains).toArray() : [],
    k.nameKey ? db.accounts.where('nameKey').equals(k.nameKey).toArray() : [],
    leadId ? db.stakeholders.where('salesNavLeadId').equals(leadId).toArray() : [],
  ]);

  const rejected = new Set<string>();
  for (const l of links) {
    if (l.verdict === 'rejected') rejected.add(`${l.key}|${l.accountId}`);
    else add(l.accountId, { kind: 'link', key: l.key });
  }
  for (const s of byProfile) add(s.accountId, { kind: 'stakeholder', stakeholderId: s.id, via: 'linkedin' });
  for (const s of byLead) if (!byProfile.some((p) => p.id === s.id)) add(s.accountId, { kind: 'stakeholder', stakeholderId: s.id, via: 'linkedin' });
  for (const s of byEmail) add(s.accountId, { kind: 'stakeholder', stakeholderId: s.id, via: 'email' });
  for (const a of byCompany) add(a.id, { kind: 'company', linkedinUrl: k.companyUrl! });
  for (const a of byDomain) for (const d of a.domains) if (k.domains.includes(d)) add(a.id, { kind: 'domain', domain: d });
  const generic = isGenericNameKey(k.nameKey);
  for (const a of byName) add(a.id, { kind: 'name', name: k.companyName ?? a.name, ...(generic ? { generic: true } : {}) });

  const accounts = new Map<string, Account>();
  for (const a of [...byCompany, ...byDomain, ...byName]) accounts.set(a.id, a);
  const missing = [...found.keys()].filter((id) => !accounts.has(id));
  if (missing.length) for (const a of await db.accounts.bulkGet(missing)) if (a) accounts.set(a.id, a);

  const out: Candidate[] = [];
  for (const [id, { reasons }] of found) {
    const account = accounts.get(id);
    if (!account) continue; // a dangling link or stakeholder: ignore
    // "Not this account" on a key removes the reasons that came from that key.
    const kept = reasons.filter((r) => !rejected.has(`${reasonKey(r, k)}|${id}`));
    if (kept.length === 0) continue;
    const score = Math.max(...kept.map(weight)) + kept.length;
    out.push({ account, score, reasons: kept });
  }
  return out.sort((a, b) => b.score - a.score || a.account.name.localeCompare(b.account.name));
}

/** Strength of one reason; a generic name is the weakest (a suggestion). */
function weight(r: MatchReason): number {
  return r.kind === 'name' && r.generic ? 100 : WEIGHT[r.kind];
}

/**
 * The account to show without asking, or undefined when the user must pick: ambiguity is shown,
 * not guessed. No pick when the best candidate's strongest reason is a generic name (a
 * suggestion), or when another candidate has a reason as strong (two accounts on one domain: the
 * user picks, and the link learned from that pick outranks both next time).
 */
export function autoPick(candidates: Candidate[]): Candidate | undefined {
  const [top, next] = candidates;
  if (!top) return undefined;
  const best = (c: Candidate) => Math.max(...c.reasons.map(weight));
  const b = best(top);
  if (b < WEIGHT.name) return undefined;
  if (next && best(next) >= b) return undefined;
  return top;
}

function reasonKey(r: MatchReason, k: PageKeys): string {
  switch (r.kind) {
    case 'link':
      return r.key;
    case 'stakeholder':
      return r.via === 'linkedin' ? `profile:${k.profileUrl}` : `thread:${k.threadId}`;
    case 'company':
      return `company:${r.linkedinUrl}`;
    case 'domain':
      return `domain:${r.domain}`;
    case 'name':
      return `name:${k.nameKey}`;
  }
}
