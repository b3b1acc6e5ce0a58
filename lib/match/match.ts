// PageContext → ranked candidate accounts, each with the reasons it was picked.
// Every lookup goes through an index (see SCHEMA in lib/db/db.ts); nothing scans a table.
import type { PageContext } from '../types';
import type { KalDb } from '../db/db';
import type { Account } from '../db/model';
import { registrableDomain, canonicalCompanyUrl, canonicalProfileUrl } from '../detect/urls';
import { isFreeMailDomain } from './free-mail';
import { nameKey } from './normalize';

export type MatchReason =
  | { kind: 'link'; key: string }
  | { kind: 'stakeholder'; stakeholderId: string; via: 'linkedin' | 'email' }
  | { kind: 'company'; linkedinUrl: string }
  | { kind: 'domain'; domain: string }
  | { kind: 'name'; name: string };

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

export function pageKeys(ctx: PageContext): PageKeys {
  const emails = new Set<string>();
  const domains = new Set<string>();
  const addEmail = (e?: string) => {
    if (!e) return;
    const email = e.trim().toLowerCase();
    emails.add(email);
    const d = registrableDomain(email.split('@')[1] ?? '');
    if (d && !isFreeMailDomain(d)) domains.add(d);
  };
  addEmail(ctx.person?.email);
  for (const p of ctx.thread?.participants ?? []) addEmail(p.email);
  // The company's own domain and its website's (registrable) domain.
  for (const x of [ctx.company?.domain, ctx.company?.website]) {
    const d = registrableDomain(x);
    if (d && !isFreeMailDomain(d)) domains.add(d);
  }
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
  if (k.nameKey) keys.push(`name:${k.nameKey}`);
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
  const [links, byProfile, byEmail, byCompany, byDomain, byName] = await Promise.all([
    linkKeys.length ? db.links.where('key').anyOf(linkKeys).toArray() : [],
    k.profileUrl ? db.stakeholders.where('linkedinUrl').equals(k.profileUrl).toArray() : [],
    k.emails.length ? db.stakeholders.where('emails').anyOf(k.emails).toArray() : [],
    k.companyUrl ? db.accounts.where('linkedinUrls').equals(k.companyUrl).toArray() : [],
    k.domains.length ? db.accounts.where('domains').anyOf(k.domains).toArray() : [],
    k.nameKey ? db.accounts.where('nameKey').equals(k.nameKey).toArray() : [],
  ]);

  const rejected = new Set<string>();
  for (const l of links) {
    if (l.verdict === 'rejected') rejected.add(`${l.key}|${l.accountId}`);
    else add(l.accountId, { kind: 'link', key: l.key });
  }
  for (const s of byProfile) add(s.accountId, { kind: 'stakeholder', stakeholderId: s.id, via: 'linkedin' });
  for (const s of byEmail) add(s.accountId, { kind: 'stakeholder', stakeholderId: s.id, via: 'email' });
  for (const a of byCompany) add(a.id, { kind: 'company', linkedinUrl: k.companyUrl! });
  for (const a of byDomain) for (const d of a.domains) if (k.domains.includes(d)) add(a.id, { kind: 'domain', domain: d });
  for (const a of byName) add(a.id, { kind: 'name', name: k.companyName ?? a.name });

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
    const score = Math.max(...kept.map((r) => WEIGHT[r.kind])) + kept.length;
    out.push({ account, score, reasons: kept });
  }
  return out.sort((a, b) => b.score - a.score || a.account.name.localeCompare(b.account.name));
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
