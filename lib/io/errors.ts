// Import problems, located precisely: which file, which row (1-based, as a spreadsheet shows it;
// for JSON: the index in its table), which field, and what is wrong.
import type { ZodError } from 'zod';
import { problemOfIssue, type ProblemCode } from '../db/admit';

export interface ImportProblem {
  file: string;
  /** table (JSON backup) or "csv" */
  table?: string;
  /** CSV: line number in the file (header = 1). JSON: 0-based index in the table. */
  row?: number;
  field?: string;
  /** JSON backup: the record's id, when it has one */
  id?: string;
  /** English, for logs and tests; the UI shows the translation of `code` when there is one */
  message: string;
  /** why (lib/db/admit.ts ProblemCode): the UI's translated message, with `vars` */
  code?: ProblemCode;
  vars?: Record<string, string | number>;
}

/** How a problem's place and reason are worded: English by default; the UI passes its translations. */
export interface ProblemWords {
  row: (n: number) => string;
  id: (id: string) => string;
  /** the translated reason, or undefined to keep the English message */
  reason?: (p: ImportProblem) => string | undefined;
}
const ENGLISH: ProblemWords = { row: (n) => `row ${n}`, id: (id) => `id "${id}"` };

/** "file › table › row 3 (id "x") › field: why". */
export function formatProblem(p: ImportProblem, words: ProblemWords = ENGLISH): string {
  const row = p.row !== undefined ? words.row(p.row) + (p.id !== undefined ? ` (${words.id(p.id)})` : '') : p.id !== undefined ? words.id(p.id) : undefined;
  const where = [p.file, p.table, row, p.field].filter(Boolean).join(' › ');
  return `${where}: ${words.reason?.(p) ?? p.message}`;
}

export function zodProblems(err: ZodError, base: Omit<ImportProblem, 'message' | 'field'>, fieldPrefix = ''): ImportProblem[] {
  return err.issues.map((i) => {
    const p = problemOfIssue(i);
    return { ...base, field: fieldPrefix + i.path.join('.') || undefined, message: i.message, code: p.code, ...(p.vars ? { vars: p.vars } : {}) };
  });
}

/** A chosen file the browser could not read, or whose reading stopped (the restore worker died): `error` as the browser said it. */
export function unreadableFile(file: string, error: string): ImportProblem {
  return { file, message: `could not be read (${error})`, code: 'file_unreadable', vars: { error } };
}

export class ImportRejected extends Error {
  constructor(public problems: ImportProblem[]) {
    super(problems.length ? formatProblem(problems[0]) : 'Import rejected');
    this.name = 'ImportRejected';
  }
}
