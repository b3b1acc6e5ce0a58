// Import problems, located precisely: which file, which row (1-based, as a spreadsheet shows it;
// for JSON: the index in its table), which field, and what is wrong.
import type { ZodError } from 'zod';

export interface ImportProblem {
  file: string;
  /** table (JSON backup) or "csv" */
  table?: string;
  /** CSV: line number in the file (header = 1). JSON: 0-based index in the table. */
  row?: number;
  field?: string;
  message: string;
}

export function formatProblem(p: ImportProblem): string {
  const where = [p.file, p.table, p.row !== undefined ? `row ${p.row}` : undefined, p.field].filter(Boolean).join(' › ');
  return `${where}: ${p.message}`;
}

export function zodProblems(err: ZodError, base: Omit<ImportProblem, 'message' | 'field'>, fieldPrefix = ''): ImportProblem[] {
  return err.issues.map((i) => ({ ...base, field: fieldPrefix + i.path.join('.') || undefined, message: i.message }));
}

export class ImportRejected extends Error {
  constructor(public problems: ImportProblem[]) {
    super(problems.length ? formatProblem(problems[0]) : 'Import rejected');
    this.name = 'ImportRejected';
  }
}
