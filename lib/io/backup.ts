// Full JSON backup: a versioned envelope around every table. Restore validates EVERYTHING with the
// record schemas (and the cross-record rules the database enforces: unique ids, one plan per
// account, unique LinkedIn URLs, references to existing accounts) before anything is written.
import type { KalDb } from '../db/db';
import { admitRecord } from '../db/admit';
import { rekeyAll } from '../keys/rekey';
import type { AllData } from '../db/repo';
import type { ImportProblem } from './errors';
import { migrateRecordDates } from '../db/migrate-dates';

export const BACKUP_FORMAT = 'key-account-lens-backup';
/** 2: calendar dates are `YYYY-MM-DD` (version 1 backups hold epoch ms and are converted on restore). */
export const BACKUP_VERSION = 2;
const READABLE_VERSIONS: readonly unknown[] = [1, 2];

/** Every table's records (the repository's whole-database shape). */
export type BackupData = AllData;
export interface Backup {
  format: typeof BACKUP_FORMAT;
  version: typeof BACKUP_VERSION;
  exportedAt: number;
  data: BackupData;
}

export const TABLES = ['accounts', 'plans', 'planRevisions', 'stakeholders', 'actions', 'notes', 'links'] as const;
export type TableName = (typeof TABLES)[number];

export async function exportBackup(db: KalDb, now = Date.now()): Promise<Backup> {
  return db.transaction('r', TABLES.map((t) => db.table(t)), async () => {
    const [accounts, plans, planRevisions, stakeholders, actions, notes, links] = await Promise.all(TABLES.map((t) => db.table(t).toArray()));
    return {
      format: BACKUP_FORMAT,
      version: BACKUP_VERSION,
      exportedAt: now,
      data: { accounts, plans, planRevisions, stakeholders, actions, notes, links } as BackupData,
    };
  });
}

export function backupFileName(now = Date.now()): string {
  return `key-account-lens-backup-${new Date(now).toISOString().slice(0, 10)}.json`;
}

export function serializeBackup(b: Backup): string {
  return JSON.stringify(b, null, 1);
}

declare const validatedBrand: unique symbol;
/**
 * Backup data that parseBackup checked completely (every record against its schema, and the
 * cross-record rules). Only parseBackup makes one, so a writer that takes it (lib/db/restore.ts)
 * need not validate again: validation stays off the write path.
 */
export type ValidatedBackupData = BackupData & { readonly [validatedBrand]: true };
export interface ValidatedBackup extends Backup {
  data: ValidatedBackupData;
}

export type ParseResult = { ok: true; backup: ValidatedBackup; counts: Record<TableName, number> } | { ok: false; problems: ImportProblem[] };

/**
 * A backup's key fields in today's canonical forms (lib/keys/rekey.ts): a backup written before
 * them holds old spellings (and maybe one person twice under two spellings of one profile URL).
 */
export function rekeyBackup(d: BackupData): BackupData {
  const r = rekeyAll(d);
  const put = <T extends { id: string }>(rows: T[], changed: T[], drop: string[] = []): T[] => {
    if (!changed.length && !drop.length) return rows;
    const byId = new Map(changed.map((x) => [x.id, x]));
    const gone = new Set(drop);
    return rows.filter((x) => !gone.has(x.id)).map((x) => byId.get(x.id) ?? x);
  };
  return {
    ...d,
    accounts: put(d.accounts, r.accounts),
    stakeholders: put(d.stakeholders, r.stakeholders, r.mergedStakeholderIds),
    links: put(d.links, r.links),
    actions: put(d.actions, r.actions),
    notes: put(d.notes, r.notes),
  };
}

/**
 * Parses and validates a backup file's text through the door every record goes through
 * (lib/db/admit.ts: canonical keys or refused, schema ranges, derived keys recomputed), then the
 * cross-record rules (checkBackupReferences). Returns every problem found (up to `limit`), each
 * located by file, table, row, record id and field; a backup with any problem must not be
 * restored, and only a backup with none gives a ValidatedBackup.
 */
export function parseBackup(text: string, file = 'backup.json', limit = 20): ParseResult {
  let raw: unknown;
  try {
    raw = JSON.parse(text);
  } catch (e) {
    // Most often another file chosen by mistake (a CSV, a spreadsheet): say what a backup is.
    return { ok: false, problems: [{ file, code: 'backup_not_json', message: `is not a Key Account Lens backup: it is not JSON (${(e as Error).message}). Choose the .json file that “Download backup” saved` }] };
  }
  const problems: ImportProblem[] = [];
  const push = (p: ImportProblem) => {
    if (problems.length < limit) problems.push(p);
  };
  if (!raw || typeof raw !== 'object' || Array.isArray(raw)) return { ok: false, problems: [{ file, code: 'not_record', message: 'is not a Key Account Lens backup (expected a JSON object)' }] };
  const env = raw as Record<string, unknown>;
  if (env.format !== BACKUP_FORMAT) return { ok: false, problems: [{ file, field: 'format', code: 'not_one_of', vars: { values: BACKUP_FORMAT }, message: `must be "${BACKUP_FORMAT}"` }] };
  if (!READABLE_VERSIONS.includes(env.version)) return { ok: false, problems: [{ file, field: 'version', code: 'not_one_of', vars: { values: READABLE_VERSIONS.join(', ') }, message: `version ${String(env.version)} is not supported (expected ${READABLE_VERSIONS.join(' or ')})` }] };
  if (typeof env.exportedAt !== 'number') push({ file, field: 'exportedAt', code: 'wrong_type', vars: { expected: 'number' }, message: 'must be a number' });
  const data = env.data as Record<string, unknown> | undefined;
  if (!data || typeof data !== 'object') return { ok: false, problems: [{ file, field: 'data', code: 'required', message: 'is missing' }] };

  const out = {} as Record<TableName, unknown[]>;
  for (const table of TABLES) {
    const rows = data[table];
    if (!Array.isArray(rows)) {
      push({ file, table, code: 'wrong_type', vars: { expected: 'list' }, message: 'is missing or not a list' });
      out[table] = [];
      continue;
    }
    out[table] = rows.map((row, i) => {
      // Version 1 stored calendar dates as epoch ms: convert as the schema v3 migration does.
      if (env.version === 1 && row && typeof row === 'object') migrateRecordDates(table, row as Record<string, unknown>);
      const r = admitRecord(table, row);
      if (!r.ok) {
        const id = recordId(row);
        for (const p of r.problems) push({ file, table, row: i, ...(id !== undefined ? { id } : {}), ...p });
        return row;
      }
      return r.value;
    });
  }
  if (problems.length) return { ok: false, problems };

  // Admitted records hold canonical keys already; what re-keying still does is merge two records
  // of one person (two spellings of one profile in an older backup) — only needed when a profile
  // URL appears twice, so a clean file skips it (a second canonicalisation pass of every record).
  const admitted = out as unknown as BackupData;
  const d = hasSharedProfile(admitted.stakeholders) ? rekeyBackup(admitted) : admitted;
  for (const p of checkBackupReferences(d)) push({ file, ...p });
  if (problems.length) return { ok: false, problems };
  const counts = Object.fromEntries(TABLES.map((t) => [t, d[t].length])) as Record<TableName, number>;
  return { ok: true, backup: { format: BACKUP_FORMAT, version: BACKUP_VERSION, exportedAt: env.exportedAt as number, data: d as ValidatedBackupData }, counts };
}

function hasSharedProfile(stakeholders: { linkedinUrl?: string }[]): boolean {
  const seen = new Set<string>();
  for (const s of stakeholders) {
    if (!s.linkedinUrl) continue;
    if (seen.has(s.linkedinUrl)) return true;
    seen.add(s.linkedinUrl);
  }
  return false;
}

const recordId = (row: unknown): string | undefined => {
  const id = row && typeof row === 'object' ? (row as { id?: unknown }).id : undefined;
  return typeof id === 'string' ? id.slice(0, 64) : undefined;
};

/**
 * The cross-record rules of a whole backup — what the repository checks against the database
 * on each write, and what IndexedDB would otherwise enforce half way through the restore:
 * unique ids per table; every accountId names an account of the file; a stakeholder's
 * `reportsTo`, an action's or a note's `stakeholderId` names a stakeholder of the SAME account
 * (and not the person themself); a plan revision's `planId` names that account's plan (or,
 * when the file has none for the account, the plan the revision holds in `before`); one plan
 * per account; one stakeholder per LinkedIn profile. Each problem names table, row, id and field.
 */
export function checkBackupReferences(d: BackupData): Omit<ImportProblem, 'file'>[] {
  const out: Omit<ImportProblem, 'file'>[] = [];
  const at = (table: TableName, row: number, r: { id: string }, field: string) => ({ table, row, id: r.id, field });
  for (const table of TABLES) {
    const seen = new Set<string>();
    (d[table] as { id: string }[]).forEach((r, i) => {
      if (seen.has(r.id)) out.push({ ...at(table, i, r, 'id'), code: 'duplicate_id', vars: { id: r.id }, message: `duplicate id "${r.id}"` });
      seen.add(r.id);
    });
  }
  const accountIds = new Set(d.accounts.map((a) => a.id));
  for (const table of ['plans', 'planRevisions', 'stakeholders', 'actions', 'notes', 'links'] as const) {
    (d[table] as { id: string; accountId: string }[]).forEach((r, i) => {
      if (!accountIds.has(r.accountId)) out.push({ ...at(table, i, r, 'accountId'), code: 'dangling', vars: { what: 'accounts', id: r.accountId }, message: `refers to an account that is not in the backup ("${r.accountId}")` });
    });
  }
  const people = new Map(d.stakeholders.map((s) => [s.id, s]));
  const person = (table: TableName, i: number, r: { id: string; accountId: string }, field: string, ref: string | undefined) => {
    if (ref === undefined) return;
    const s = people.get(ref);
    if (!s) out.push({ ...at(table, i, r, field), code: 'dangling', vars: { what: 'stakeholders', id: ref }, message: `refers to a stakeholder that is not in the backup ("${ref}")` });
    else if (s.accountId !== r.accountId) out.push({ ...at(table, i, r, field), code: 'other_account', vars: { id: ref, accountId: s.accountId }, message: `refers to stakeholder "${ref}" of another account ("${s.accountId}")` });
    else if (table === 'stakeholders' && ref === r.id) out.push({ ...at(table, i, r, field), code: 'self_ref', message: 'a person cannot report to themself' });
  };
  d.stakeholders.forEach((s, i) => person('stakeholders', i, s, 'reportsTo', s.reportsTo));
  d.actions.forEach((a, i) => person('actions', i, a, 'stakeholderId', a.stakeholderId));
  d.notes.forEach((n, i) => person('notes', i, n, 'stakeholderId', n.stakeholderId));
  const planOf = new Map<string, string>();
  d.plans.forEach((p, i) => {
    if (planOf.has(p.accountId)) out.push({ ...at('plans', i, p, 'accountId'), code: 'second_plan', message: 'a second plan for the same account' });
    else planOf.set(p.accountId, p.id);
  });
  d.planRevisions.forEach((r, i) => {
    // The account's plan; an account with no plan in the file: the plan the revision holds.
    if ((planOf.get(r.accountId) ?? r.before.id) !== r.planId) out.push({ ...at('planRevisions', i, r, 'planId'), code: 'dangling', vars: { what: 'plans', id: r.planId }, message: `refers to a plan that is not this account's plan in the backup ("${r.planId}")` });
  });
  const urls = new Set<string>();
  d.stakeholders.forEach((s, i) => {
    if (!s.linkedinUrl) return;
    if (urls.has(s.linkedinUrl)) out.push({ ...at('stakeholders', i, s, 'linkedinUrl'), code: 'duplicate_url', vars: { url: s.linkedinUrl }, message: `the same LinkedIn URL is used twice (${s.linkedinUrl})` });
    urls.add(s.linkedinUrl);
  });
  return out;
}
