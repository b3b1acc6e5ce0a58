// LinkedIn's Connections.csv (Settings → Data privacy → Get a copy of your data → Connections):
// a few "Notes:" lines, then First Name, Last Name, URL, Email Address, Company, Position,
// Connected On ("15 Mar 2024"). Each connection's company is matched to accounts — by normalised
// name (and aliases), then by email domain — to show, per account, "people you know there";
// the user reviews and adds the ones they pick as stakeholders. Pure: nothing is written here.
import type { Account, Stakeholder } from '../db/model';
import { admitRecord } from '../db/admit';
import type { ImportBatch } from '../db/repo';
import { canonicalProfileUrl, emailKey, nameKey, personKey } from '../keys';
import type { CalendarDate } from '../dates/calendar-date';
import type { ImportProblem } from './errors';
import { cut, type CsvTable } from './csv/layout';
import { readDate } from './csv/dates';
import { foldHeader } from './csv/mapping';
import { domainOf } from './csv-import';

export interface Connection {
  row: number;
  name: string;
  /** canonical https://www.linkedin.com/in/<slug>/ */
  linkedinUrl?: string;
  email?: string;
  company?: string;
  position?: string;
  connectedOn?: CalendarDate;
}
export interface KnownPerson {
  connection: Connection;
  matchedBy: 'name' | 'domain';
  /** already a stakeholder of this account (same LinkedIn URL, email or name): not added again */
  stakeholderId?: string;
}
export interface AccountConnections {
  accountId: string;
  accountName: string;
  people: KnownPerson[];
}
export interface ConnectionsPlan {
  /** accounts with at least one connection, most connections first */
  accounts: AccountConnections[];
  /** connections read from the file */
  total: number;
  /** connections whose company matches no account */
  unmatched: number;
  /** rows that could not be read (row, column, why) */
  problems: ImportProblem[];
}

const COLUMNS = { firstName: 'firstname', lastName: 'lastname', url: 'url', email: 'emailaddress', company: 'company', position: 'position', connectedOn: 'connectedon' } as const;

/** Whether a table is a LinkedIn Connections export (its header has First Name, Last Name, URL, Company, Connected On). */
export function isConnectionsTable(headers: string[]): boolean {
  const f = new Set(headers.map(foldHeader));
  return ['firstname', 'lastname', 'url', 'company', 'connectedon'].every((h) => f.has(h));
}

/** Reads the connections of a Connections.csv table; rows with neither a name nor a profile URL are reported. */
export function readConnections(table: CsvTable): { connections: Connection[]; problems: ImportProblem[] } {
  const folded = table.headers.map(foldHeader);
  const col = (k: keyof typeof COLUMNS) => folded.indexOf(COLUMNS[k]);
  const idx = Object.fromEntries((Object.keys(COLUMNS) as (keyof typeof COLUMNS)[]).map((k) => [k, col(k)])) as Record<keyof typeof COLUMNS, number>;
  const problems: ImportProblem[] = [...table.problems];
  const connections: Connection[] = [];
  for (const { row, cells } of table.rows) {
    const get = (k: keyof typeof COLUMNS) => (idx[k] >= 0 ? (cells[idx[k]] ?? '').trim() : '');
    const name = [get('firstName'), get('lastName')].filter(Boolean).join(' ');
    const rawUrl = get('url');
    const linkedinUrl = rawUrl ? canonicalProfileUrl(rawUrl) : undefined;
    if (!name) {
      problems.push({ file: table.file, row, field: table.headers[idx.firstName] ?? 'First Name', message: 'is required', code: 'required' });
      continue;
    }
    if (rawUrl && !linkedinUrl) {
      problems.push({ file: table.file, row, field: table.headers[idx.url] ?? 'URL', message: `"${cut(rawUrl)}" is not a LinkedIn profile URL`, code: 'not_profile', vars: { value: cut(rawUrl) } });
      continue;
    }
    const c: Connection = { row, name };
    if (linkedinUrl) c.linkedinUrl = linkedinUrl;
    const email = emailKey(get('email'));
    if (email) c.email = email;
    if (get('company')) c.company = get('company');
    if (get('position')) c.position = get('position');
    const on = readDate(get('connectedOn'), 'DMY');
    if (on) c.connectedOn = on;
    connections.push(c);
  }
  return { connections, problems };
}

/**
 * Matches connections to accounts: the company's normalised name against account names and
 * aliases, then the email's domain (not free-mail) against account domains. Marks the people
 * who already are stakeholders of the account.
 */
export function planConnections(table: CsvTable, accounts: Account[], stakeholders: Stakeholder[], isFreeMail: (d: string) => boolean = () => false): ConnectionsPlan {
  const { connections, problems } = readConnections(table);
  const byName = new Map<string, Account>();
  const byDomain = new Map<string, Account>();
  for (const a of accounts) {
    for (const k of [a.nameKey || nameKey(a.name), ...a.aliases.map(nameKey)]) if (k && !byName.has(k)) byName.set(k, a);
    for (const d of a.domains) if (!byDomain.has(d)) byDomain.set(d, a);
  }
  const known = new Map<string, Stakeholder>();
  for (const s of stakeholders) {
    if (s.linkedinUrl) known.set(`url|${s.linkedinUrl}`, s);
    for (const e of s.emails) known.set(`mail|${e}`, s);
    known.set(`name|${s.accountId}|${s.nameKey}`, s);
  }
  const out = new Map<string, AccountConnections>();
  let unmatched = 0;
  for (const c of connections) {
    const key = c.company ? nameKey(c.company) : '';
    let account = key ? byName.get(key) : undefined;
    let matchedBy: KnownPerson['matchedBy'] = 'name';
    if (!account && c.email) {
      const d = domainOf(c.email);
      if (d && !isFreeMail(d)) {
        account = byDomain.get(d);
        matchedBy = 'domain';
      }
    }
    if (!account) {
      unmatched++;
      continue;
    }
    const already = (c.linkedinUrl ? known.get(`url|${c.linkedinUrl}`) : undefined) ?? (c.email ? known.get(`mail|${c.email}`) : undefined) ?? known.get(`name|${account.id}|${personKey(c.name)}`);
    const entry = out.get(account.id) ?? out.set(account.id, { accountId: account.id, accountName: account.name, people: [] }).get(account.id)!;
    entry.people.push({ connection: c, matchedBy, ...(already ? { stakeholderId: already.id } : {}) });
  }
  const list = [...out.values()].sort((a, b) => b.people.length - a.people.length || a.accountName.localeCompare(b.accountName));
  return { accounts: list, total: connections.length, unmatched, problems };
}

/**
 * The stakeholders to create for the connections the user picked (account id → connections).
 * A LinkedIn URL already used by a stakeholder (or picked twice) is skipped.
 */
export function connectionsBatch(picked: { accountId: string; connection: Connection }[], stakeholders: Stakeholder[], o: { now: number; newId: () => string }): ImportBatch {
  const urls = new Set(stakeholders.map((s) => s.linkedinUrl).filter(Boolean));
  const out: Stakeholder[] = [];
  for (const { accountId, connection: c } of picked) {
    if (c.linkedinUrl && urls.has(c.linkedinUrl)) continue;
    if (c.linkedinUrl) urls.add(c.linkedinUrl);
    // The one door (lib/db/admit.ts): canonical profile URL, emails, nameKey recomputed.
    const r = admitRecord('stakeholders', {
      id: o.newId(),
      accountId,
      name: c.name,
      ...(c.position ? { title: c.position } : {}),
      ...(c.linkedinUrl ? { linkedinUrl: c.linkedinUrl } : {}),
      emails: c.email ? [c.email] : [],
      // A first-degree connection: the user knows them.
      relationship: 'good',
      notes: c.connectedOn ? `LinkedIn connection since ${c.connectedOn}` : '',
      createdAt: o.now,
      updatedAt: o.now,
    });
    if (r.ok) out.push(r.value);
  }
  return { accounts: [], stakeholders: out, accountPatches: [], stakeholderPatches: [] };
}
