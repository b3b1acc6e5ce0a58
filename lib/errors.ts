// One error type crosses every boundary (repository → background → messaging → UI), so the UI
// can say precisely what is wrong and which field caused it.
import type { ZodError } from 'zod';
import type { ConflictData } from './types';

/** `conflict`: a field-level edit based on a value someone else changed since (see `conflict`). */
export type ErrorCode = 'validation' | 'not_found' | 'forbidden' | 'bad_request' | 'storage' | 'internal' | 'conflict';

/**
 * Why an operation was refused, as a code the UI words in the user's language (i18n
 * `error_<reason>`, with `vars`) — the pattern of the import problems' codes (lib/db/admit.ts
 * ProblemCode). `message` stays the English text (logs, tests, a view without the dictionary).
 * `invalid`: a field's value was refused; `problem` then says why (i18n `problem_<code>` or
 * `keyProblem_<code>`) and `field` which field.
 */
export const ERROR_REASONS = [
  'viewer_only',
  'account_missing',
  'record_missing',
  'changed_elsewhere',
  'nothing_to_save',
  'empty_field',
  'bad_id',
  'id_taken',
  'stakeholder_missing',
  'stakeholder_other_account',
  'reports_to_self',
  'linkedin_taken',
  'linkedin_taken_elsewhere',
  'person_in_other_account',
  'backup_not_validated',
  'invalid',
  'choose_account',
  'storage_full',
  'page_changed',
  'no_page_context',
  'no_tab',
  'unsupported_page',
  'page_unreadable',
  'panel_covered',
  'panel_not_ours',
  'background_silent',
  'login_to_leave',
] as const;
export type ErrorReason = (typeof ERROR_REASONS)[number];

/** A refused field value: its problem code (lib/db/admit.ts ProblemCode or a key code) and values. */
export interface ErrorProblem {
  code: string;
  vars?: Record<string, string | number>;
}

export interface KalErrorData {
  code: ErrorCode;
  message: string;
  /** dotted path of the offending field, e.g. "stakeholder.linkedinUrl" */
  field?: string;
  /** code `conflict`: the record's revision now and the fields changed elsewhere (theirs vs mine) */
  conflict?: ConflictData;
  /** why, for the UI's translated message (ERROR_REASONS) */
  reason?: ErrorReason;
  /** the values the reason's message names (an id, a person's name…) */
  vars?: Record<string, string | number>;
  /** reason `invalid`: why the field's value was refused */
  problem?: ErrorProblem;
}

export class KalError extends Error implements KalErrorData {
  reason?: ErrorReason;
  vars?: Record<string, string | number>;
  problem?: ErrorProblem;
  constructor(
    public code: ErrorCode,
    message: string,
    public field?: string,
    public conflict?: ConflictData,
  ) {
    super(message);
    this.name = 'KalError';
  }
  /** This error with its reason code (and the values its message names), for the UI's translation. */
  because(reason: ErrorReason, vars?: Record<string, string | number>, problem?: ErrorProblem): this {
    this.reason = reason;
    if (vars) this.vars = vars;
    if (problem) this.problem = problem;
    return this;
  }
  toJSON(): KalErrorData {
    return {
      code: this.code,
      message: this.message,
      ...(this.field ? { field: this.field } : {}),
      ...(this.conflict ? { conflict: this.conflict } : {}),
      ...(this.reason ? { reason: this.reason } : {}),
      ...(this.vars ? { vars: this.vars } : {}),
      ...(this.problem ? { problem: this.problem } : {}),
    };
  }
  /** The error again from its wire form (messaging replies). */
  static from(d: KalErrorData): KalError {
    const e = new KalError(d.code, d.message, d.field, d.conflict);
    // Only a reason this version knows: the wire form comes from another context.
    if (d.reason && (ERROR_REASONS as readonly string[]).includes(d.reason)) e.because(d.reason, d.vars, d.problem);
    return e;
  }
}

/** The conflict carried by an error (thrown by a repository `patch*` or received over messaging), if any. */
export function conflictOf(e: unknown): ConflictData | undefined {
  return e instanceof KalError && e.code === 'conflict' ? e.conflict : undefined;
}

/**
 * A zod failure as a validation error naming `what` and the first issue's field. `problemOf`
 * (lib/db/admit.ts problemOfIssue, passed in so this module stays free of the schemas) gives the
 * UI its translated reason; without it the reason is the generic `invalid`.
 */
export function fromZod(err: ZodError, what: string, problemOf?: (i: ZodError['issues'][number]) => ErrorProblem): KalError {
  const issue = err.issues[0];
  const field = issue?.path.join('.') || undefined;
  const msg = issue ? `${what}: ${field ? `${field} ` : ''}${issue.message}` : `${what} is invalid`;
  const p = issue && problemOf ? problemOf(issue) : { code: 'invalid' };
  return new KalError('validation', msg, field).because('invalid', undefined, { code: p.code, ...(p.vars ? { vars: p.vars } : {}) });
}

/** Normalise anything thrown into the wire form. Storage quota errors get their own code. */
export function toErrorData(e: unknown): KalErrorData {
  if (e instanceof KalError) return e.toJSON();
  const name = (e as { name?: string })?.name ?? '';
  const message = (e as { message?: string })?.message ?? String(e);
  if (name === 'QuotaExceededError' || /quota/i.test(message)) {
    return { code: 'storage', message: 'Storage is full: nothing was saved. Free some space or export a backup.', reason: 'storage_full' };
  }
  if (name === 'ConstraintError') return { code: 'validation', message };
  return { code: 'internal', message };
}
