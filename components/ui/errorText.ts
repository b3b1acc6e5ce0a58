// A refusal or repository error as the user reads it, in their language: its reason code
// (lib/errors.ts ErrorReason) picks the message `error_<reason>`; a refused field value is worded
// with the field's label and the import problems' reasons (`problem_<code>`, `keyProblem_<code>`).
// An error without a reason (a browser's own, an unexpected one) keeps its English message.
import { toErrorData } from '@/lib/errors';
import { en } from '@/lib/i18n/en';
import type { MessageKey, T } from '@/lib/i18n';
import { FIELD_LABELS } from './ConflictReview';

/** Key codes of lib/keys/records.ts (i18n `keyProblem_<code>`), the others are `problem_<code>`. */
const KEY_CODES = new Set(['not_domain', 'public_suffix', 'not_website', 'profile_not_company', 'not_company_page', 'not_profile', 'not_email']);

const known = (k: string): k is MessageKey => Object.prototype.hasOwnProperty.call(en, k);

/** The label of a field path ("domains.1" → "Domains"), or the path itself when it has none. */
export function fieldLabel(t: T, field: string | undefined): string {
  if (!field) return '';
  // the account an add creates ("New account — Name"), not the person's field of the same name
  if (field === 'newAccount' || field.startsWith('newAccount.')) return t('newAccountField', { field: field === 'newAccount' ? t('name') : fieldLabel(t, field.slice('newAccount.'.length)) });
  const head = field.split('.')[0]!;
  const key = head === 'body' ? 'fieldNoteBody' : FIELD_LABELS[head];
  return key ? t(key) : field;
}

/** The message of anything thrown, in the user's language when its reason is known. */
export function errorText(t: T, e: unknown): string {
  const d = toErrorData(e);
  if (!d.reason) return d.message;
  const field = fieldLabel(t, d.field);
  if (d.reason === 'invalid') {
    const code = d.problem?.code;
    const key = code && (KEY_CODES.has(code) ? `keyProblem_${code}` : `problem_${code}`);
    if (!key || !known(key)) return d.message;
    // The problem messages start lower-case after a field ("is required."): capitalised alone.
    const problem = t(key, d.problem?.vars);
    return field ? t('error_invalid', { field, problem }) : problem.charAt(0).toUpperCase() + problem.slice(1);
  }
  const key = `error_${d.reason}`;
  return known(key) ? t(key, { field, ...d.vars }) : d.message;
}
