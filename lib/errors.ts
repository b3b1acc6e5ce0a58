// One error type crosses every boundary (repository → background → messaging → UI), so the UI
// can say precisely what is wrong and which field caused it.
import type { ZodError } from 'zod';
import type { ConflictData } from './types';

/** `conflict`: a field-level edit based on a value someone else changed since (see `conflict`). */
export type ErrorCode = 'validation' | 'not_found' | 'forbidden' | 'bad_request' | 'storage' | 'internal' | 'conflict';

export interface KalErrorData {
  code: ErrorCode;
  message: string;
  /** dotted path of the offending field, e.g. "stakeholder.linkedinUrl" */
  field?: string;
  /** code `conflict`: the record's revision now and the fields changed elsewhere (theirs vs mine) */
  conflict?: ConflictData;
}

export class KalError extends Error implements KalErrorData {
  constructor(
    public code: ErrorCode,
    message: string,
    public field?: string,
    public conflict?: ConflictData,
  ) {
    super(message);
    this.name = 'KalError';
  }
  toJSON(): KalErrorData {
    return { code: this.code, message: this.message, ...(this.field ? { field: this.field } : {}), ...(this.conflict ? { conflict: this.conflict } : {}) };
  }
  /** The error again from its wire form (messaging replies). */
  static from(d: KalErrorData): KalError {
    return new KalError(d.code, d.message, d.field, d.conflict);
  }
}

/** The conflict carried by an error (thrown by a repository `patch*` or received over messaging), if any. */
export function conflictOf(e: unknown): ConflictData | undefined {
  return e instanceof KalError && e.code === 'conflict' ? e.conflict : undefined;
}

export function fromZod(err: ZodError, what: string): KalError {
  const issue = err.issues[0];
  const field = issue?.path.join('.') || undefined;
  const msg = issue ? `${what}: ${field ? `${field} ` : ''}${issue.message}` : `${what} is invalid`;
  return new KalError('validation', msg, field);
}

/** Normalise anything thrown into the wire form. Storage quota errors get their own code. */
export function toErrorData(e: unknown): KalErrorData {
  if (e instanceof KalError) return e.toJSON();
  const name = (e as { name?: string })?.name ?? '';
  const message = (e as { message?: string })?.message ?? String(e);
  if (name === 'QuotaExceededError' || /quota/i.test(message)) {
    return { code: 'storage', message: 'Storage is full: nothing was saved. Free some space or export a backup.' };
  }
  if (name === 'ConstraintError') return { code: 'validation', message };
  return { code: 'internal', message };
}
