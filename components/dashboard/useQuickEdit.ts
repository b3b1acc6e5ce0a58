// One-click edits of one field (Mark reviewed, Contacted, Done): sent as a field-level patch with
// the value and revision the view showed. Refused because someone changed that field meanwhile,
// the toast says "Changed elsewhere — review" with both values, and offers "Apply mine".
import { useCallback } from 'react';
import type { ConflictData, RecordPatch } from '@/lib/types';
import { useI18n } from '../i18n';
import { FIELD_LABELS, fieldValueText } from '../ui/ConflictReview';
import { useToast } from './Toast';

export type PatchSubmit<R> = (p: RecordPatch, onConflict: (c: ConflictData) => void) => Promise<R | undefined>;

export function useQuickEdit() {
  const { t, lang } = useI18n();
  const { notify } = useToast();
  return useCallback(
    <R extends { rev?: number }>(record: R, field: string, value: unknown, submit: PatchSubmit<R>): Promise<R | undefined> => {
      const p: RecordPatch = { set: { [field]: value ?? null }, base: { [field]: (record as Record<string, unknown>)[field] ?? null }, baseRev: record.rev ?? 0 };
      return submit(p, (c) => {
        const f = c.fields.find((x) => x.field === field) ?? c.fields[0]!;
        const label = FIELD_LABELS[f.field] ? t(FIELD_LABELS[f.field]!) : f.field;
        notify({
          kind: 'error',
          text: t('conflictToast', { field: label, theirs: fieldValueText(f.field, f.theirs, t, lang), mine: fieldValueText(f.field, f.mine, t, lang) }),
          actionLabel: t('applyMine'),
          // "Apply mine": the same value, now based on what is stored
          undo: async () => {
            await submit({ ...p, base: { [field]: f.theirs }, baseRev: c.rev }, () => {});
          },
        });
      });
    },
    [notify, t, lang],
  );
}
