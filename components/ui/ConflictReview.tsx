// "Changed elsewhere — review": a save the repository refused because fields it changed were
// changed meanwhile in another tab or window (lib/db/patch.ts). Shows both values of each field
// and lets the user keep theirs or apply mine; the form re-submits once every field is decided.
import { useEffect, useRef } from 'react';
import type { FieldConflict } from '@/lib/types';
import { formatDate, formatDay, type Lang, type MessageKey } from '@/lib/i18n';
import { useI18n } from '../i18n';
import { Button } from './index';

/** Field → label key, shared by every record's form (a form may pass its own for fields named alike). */
export const FIELD_LABELS: Record<string, MessageKey> = {
  name: 'name',
  tier: 'tier',
  currency: 'currency',
  currentRevenue: 'currentRevenue',
  potentialRevenue: 'potentialRevenue',
  renewalAt: 'renewal',
  nextReviewAt: 'nextReview',
  reviewCadenceDays: 'reviewCadence',
  domains: 'domains',
  website: 'website',
  linkedinUrls: 'linkedinUrls',
  aliases: 'aliases',
  industry: 'industry',
  owner: 'owner',
  tags: 'tags',
  scores: 'scores',
  title: 'title',
  location: 'location',
  linkedinUrl: 'linkedinProfile',
  emails: 'emails',
  role: 'role',
  stance: 'stance',
  influence: 'influence',
  relationship: 'relationship',
  reportsTo: 'reportsToLabel',
  lastContactAt: 'lastContact',
  notes: 'stakeholderNotes',
  context: 'planContext',
  priorities: 'planPriorities',
  objectives: 'objectives',
  strategy: 'planStrategy',
  valueProposition: 'planValueProposition',
  whitespace: 'whitespace',
  risks: 'risks',
  productFeedback: 'planProductFeedback',
  advocacy: 'planAdvocacy',
  dueAt: 'dueDate',
  status: 'status',
  priority: 'priority',
  kind: 'kind',
};

/** Enum fields whose values have translated labels: field → message key prefix. */
const ENUM_PREFIX: Record<string, string> = { status: 'actionStatus_', tier: 'tier_', role: 'role_', stance: 'stance_', influence: 'influence_', relationship: 'rel_', priority: 'prio_', kind: 'kind_' };
const TIMESTAMPS = new Set(['lastContactAt']);
const DAYS = new Set(['renewalAt', 'nextReviewAt', 'dueAt']);

/**
 * A stored value as the user reads it, as plain text (rendered as text, never HTML): enums
 * translated, dates formatted, lists joined, list items by their title; `names` turns record ids
 * (reports to) into names.
 */
export function fieldValueText(field: string, v: unknown, t: (k: MessageKey, p?: Record<string, string | number>) => string, lang: Lang, names?: Map<string, string>): string {
  if (v === null || v === undefined || v === '' || (Array.isArray(v) && v.length === 0)) return t('conflictEmpty');
  if (ENUM_PREFIX[field] && typeof v === 'string') return t(`${ENUM_PREFIX[field]}${v}` as MessageKey);
  if (TIMESTAMPS.has(field) && typeof v === 'number') return formatDate(v, lang);
  if (DAYS.has(field) && typeof v === 'string') return formatDay(v, lang);
  if (field === 'reportsTo' && typeof v === 'string') return names?.get(v) ?? v;
  if (Array.isArray(v))
    return v
      .map((x) => (x && typeof x === 'object' ? (((x as Record<string, unknown>).title ?? (x as Record<string, unknown>).text ?? `${(x as Record<string, unknown>).offering} × ${(x as Record<string, unknown>).entity}`) as string) : String(x)))
      .join(', ');
  if (typeof v === 'object') return Object.entries(v as Record<string, unknown>).map(([k, x]) => `${k}: ${String(x)}`).join(', ');
  return String(v);
}

export function ConflictReview({ fields, onKeepTheirs, onApplyMine, names, labels }: { fields: FieldConflict[]; onKeepTheirs(field: string): void; onApplyMine(field: string): void; names?: Map<string, string>; labels?: Record<string, MessageKey> }) {
  const { t, lang } = useI18n();
  // The save button that raised it is disabled now: keyboard focus moves to the review.
  const box = useRef<HTMLDivElement>(null);
  useEffect(() => box.current?.focus(), []);
  const label = (f: string) => {
    const k = labels?.[f] ?? FIELD_LABELS[f];
    return k ? t(k) : f;
  };
  return (
    <div ref={box} tabIndex={-1} role="alert" data-testid="conflict-review" className="focus-visible:outline-2 focus-visible:outline-blue-500 space-y-2 rounded border border-amber-400 bg-amber-50 p-2 text-sm text-amber-950 dark:border-amber-700 dark:bg-amber-950 dark:text-amber-50">
      <p className="font-semibold">{t('conflictTitle')}</p>
      <p className="text-xs">{t('conflictHelp')}</p>
      <ul className="space-y-2">
        {fields.map((c) => (
          <li key={c.field} data-testid="conflict-field" data-field={c.field} className="rounded border border-amber-300 bg-white p-2 dark:border-amber-800 dark:bg-slate-900">
            <p className="font-medium">{label(c.field)}</p>
            <dl className="grid grid-cols-[auto_1fr] gap-x-2 text-xs">
              <dt className="font-semibold">{t('conflictTheirs')}</dt>
              <dd data-testid="conflict-theirs" className="whitespace-pre-wrap break-words">{fieldValueText(c.field, c.theirs, t, lang, names)}</dd>
              <dt className="font-semibold">{t('conflictMine')}</dt>
              <dd data-testid="conflict-mine" className="whitespace-pre-wrap break-words">{fieldValueText(c.field, c.mine, t, lang, names)}</dd>
            </dl>
            <div className="mt-1 flex gap-2">
              <Button onClick={() => onKeepTheirs(c.field)} aria-label={t('conflictAction', { action: t('keepTheirs'), field: label(c.field) })}>
                {t('keepTheirs')}
              </Button>
              <Button variant="primary" onClick={() => onApplyMine(c.field)} aria-label={t('conflictAction', { action: t('applyMine'), field: label(c.field) })}>
                {t('applyMine')}
              </Button>
            </div>
          </li>
        ))}
      </ul>
    </div>
  );
}
