// One-click edits in the sidebar ("Contacted today", "Update from LinkedIn", Done): a field-level
// patch through the background with the value and revision the panel showed. Refused because the
// field was changed meanwhile elsewhere (the dashboard, another tab), the panel shows both values
// ("Changed elsewhere — review") to keep theirs or apply mine.
import { useState, type ReactNode } from 'react';
import { call } from '@/lib/messaging/client';
import { conflictOf } from '@/lib/errors';
import type { ConflictData } from '@/lib/types';
import { ConflictReview } from '../ui/ConflictReview';
import { errorText } from '../ui/errorText';
import { useI18n } from '../i18n';

type EditType = 'stakeholder.update' | 'action.update' | 'account.update';

export function useQuickPatch(onError: (message: string | null) => void): { run(type: EditType, record: { id: string; rev?: number }, field: string, value: unknown): Promise<boolean>; review: ReactNode } {
  const { t } = useI18n();
  const [pending, setPending] = useState<{ c: ConflictData; type: EditType; id: string; field: string; value: unknown } | null>(null);
  const send = async (type: EditType, id: string, field: string, value: unknown, base: unknown, baseRev: number): Promise<boolean> => {
    try {
      await call(type, { id, patch: { [field]: value ?? null }, base: { [field]: base ?? null }, baseRev } as never);
      onError(null);
      setPending(null);
      return true;
    } catch (e) {
      const c = conflictOf(e);
      if (c) setPending({ c, type, id, field, value });
      else onError(errorText(t, e));
      return false;
    }
  };
  const review = pending && (
    <ConflictReview
      fields={pending.c.fields}
      onKeepTheirs={() => setPending(null)}
      onApplyMine={(f) => {
        const theirs = pending.c.fields.find((x) => x.field === f)?.theirs;
        void send(pending.type, pending.id, pending.field, pending.value, theirs, pending.c.rev);
      }}
    />
  );
  return {
    run: (type, record, field, value) => send(type, record.id, field, value, (record as Record<string, unknown>)[field], record.rev ?? 0),
    review,
  };
}
