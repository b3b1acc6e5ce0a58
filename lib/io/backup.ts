// Full JSON backup: a versioned envelope around every table. Restore validates EVERYTHING with the
// record schemas (and the cross-record rules the database enforces: unique ids, one plan per
// account, unique LinkedIn URLs, references to existing accounts) before anything is written.
import { z } from 'zod';
import type { KalDb } from '../db/db';
import { RECORD_SCHEMAS } from '../db/model';
import { rekeyAll } from '../keys/rekey';
import type { AllData } from '../db/repo';
import { zodProblems, type ImportProblem } from './errors';
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

const SCHEMAS: Record<TableName, z.ZodType> = RECORD_SCHEMAS;

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
 * Parses and validates a backup file's text. Returns every problem found (up to `limit`), each
 * located by file, table, row and field; a backup with any problem must not be restored.
 */
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

export function parseBackup(text: string, file = 'backup.json', limit = 20): ParseResult {
  let raw: unknown;
  try {
    raw = JSON.parse(text);
  } catch (e) {
    return { ok: false, problems: [{ file, message: `is not valid JSON (${(e as Error).message})` }] };
  }
  const problems: ImportProblem[] = [];
  const push = (p: ImportProblem) => {
    if (problems.length < limit) problems.push(p);
  };
  if (!raw || typeof raw !== 'object' || Array.isArray(raw)) return { ok: false, problems: [{ file, message: 'is not a Key Account Lens backup (expected a JSON object)' }] };
  const env = raw as Record<string, unknown>;
  if (env.format !== BACKUP_FORMAT) return { ok: false, problems: [{ file, field: 'format', message: `must be "${BACKUP_FORMAT}"` }] };
  if (!READABLE_VERSIONS.includes(env.version)) return { ok: false, problems: [{ file, field: 'version', message: `version ${String(env.version)} is not supported (expected ${READABLE_VERSIONS.join(' or ')})` }] };
  if (typeof env.exportedAt !== 'number') push({ file, field: 'exportedAt', message: 'must be a number' });
  const data = env.data as Record<string, unknown> | undefined;
  if (!data || typeof data !== 'object') return { ok: false, problems: [{ file, field: 'data', message: 'is missing' }] };

  const out = {} as Record<TableName, unknown[]>;
  for (const table of TABLES) {
    const rows = data[table];
    if (!Array.isArray(rows)) {
      push({ file, table, message: 'is missing or not a list' });
      out[table] = [];
      continue;
    }
    out[table] = rows.map((row, i) => {
      // Version 1 stored calendar dates as epoch ms: convert as the schema v3 migration does.
      if (env.version === 1 && row && typeof row === 'object') migrateRecordDates(table, row as Record<string, unknown>);
      const r = SCHEMAS[table].safeParse(row);
      if (!r.success) {
        for (const p of zodProblems(r.error, { file, table, row: i })) push(p);
        return row;
      }
      return r.data;
    });
  }
  if (problems.length) return { ok: false, problems };

  const d = rekeyBackup(out as unknown as BackupData);
  // Cross-record rules (the database would otherwise abort the restore half way).
  for (const table of TABLES) {
    const seen = new Set<string>();
    (d[table] as { id: string }[]).forEach((r, i) => {
      if (seen.has(r.id)) push({ file, table, row: i, field: 'id', message: `duplicate id "${r.id}"` });
      seen.add(r.id);
    });
  }
  const accountIds = new Set(d.accounts.map((a) => a.id));
  for (const table of ['plans', 'planRevisions', 'stakeholders', 'actions', 'notes', 'links'] as const) {
    (d[table] as { accountId: string }[]).forEach((r, i) => {
      if (!accountIds.has(r.accountId)) push({ file, table, row: i, field: 'accountId', message: `refers to an account that is not in the backup ("${r.accountId}")` });
    });
  }
  const planAccounts = new Set<string>();
  d.plans.forEach((p, i) => {
    if (planAccounts.has(p.accountId)) push({ file, table: 'plans', row: i, field: 'accountId', message: 'a second plan for the same account' });
    planAccounts.add(p.accountId);
  });
  const urls = new Set<string>();
  d.stakeholders.forEach((s, i) => {
    if (!s.linkedinUrl) return;
    if (urls.has(s.linkedinUrl)) push({ file, table: 'stakeholders', row: i, field: 'linkedinUrl', message: `the same LinkedIn URL is used twice (${s.linkedinUrl})` });
    urls.add(s.linkedinUrl);
  });
  if (problems.length) return { ok: false, problems };
  const counts = Object.fromEntries(TABLES.map((t) => [t, d[t].length])) as Record<TableName, number>;
  return { ok: true, backup: { format: BACKUP_FORMAT, version: BACKUP_VERSION, exportedAt: env.exportedAt as number, data: d as ValidatedBackupData }, counts };
}
