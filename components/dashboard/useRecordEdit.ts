// The edit state of one record's form (account details, plan, stakeholder): the record as it was
// loaded (the base), the draft, and what a save sends — ONLY the fields the user changed, with
// the loaded value of each and the revision it was loaded at (lib/types.ts RecordPatch). While the
// user edits, changes made elsewhere do not move the base: the repository merges them field by
// field, and refuses a field changed on both sides with a conflict the form shows for review.
import { useCallback, useEffect, useRef, useState } from 'react';
import { same } from '@/lib/db/patch';
import type { ConflictData, RecordPatch } from '@/lib/types';

export interface RecordEditOptions<R extends object, D extends object> {
  record: R;
  /** the record's revision counter (`rev`, plans: `revision`; absent = 0) */
  revOf(r: R): number;
  toDraft(r: R): D;
  /** the draft as stored field values (undefined: empty), for every field the form edits */
  valuesOf(d: D): Record<string, unknown>;
  /** runs the repository patch; calls `onConflict` (and resolves undefined) when it is refused */
  submit(p: RecordPatch, onConflict: (c: ConflictData) => void): Promise<R | undefined>;
  /** after each successful save (also the one re-submitted after a review) */
  onSaved?(r: R): void;
}

export function useRecordEdit<R extends object, D extends object>(o: RecordEditOptions<R, D>) {
  const [loaded, setLoaded] = useState<R>(o.record);
  const [baseRev, setBaseRev] = useState(() => o.revOf(o.record));
  const [draft, setDraft] = useState<D>(() => o.toDraft(o.record));
  const [conflict, setConflict] = useState<ConflictData | null>(null);
  const [busy, setBusy] = useState(false);
  const [resubmit, setResubmit] = useState(false);

  const values = o.valuesOf(draft);
  const changed = Object.keys(values).filter((k) => !same(values[k], (loaded as Record<string, unknown>)[k]));
  const dirty = changed.length > 0;
  // The record changed elsewhere while this form has edits: shown as a hint; saving merges.
  const elsewhere = dirty && o.revOf(o.record) !== baseRev;

  const reload = useCallback((r: R) => {
    setLoaded(r);
    setBaseRev(o.revOf(r));
    setDraft(o.toDraft(r));
  }, []); // eslint-disable-line react-hooks/exhaustive-deps

  // Another view changed the record and this form has no pending edit: show the new values.
  const stamp = `${o.revOf(o.record)}:${(o.record as { updatedAt?: number }).updatedAt ?? ''}`;
  useEffect(() => {
    if (!dirty && !conflict) reload(o.record);
  }, [stamp]); // eslint-disable-line react-hooks/exhaustive-deps

  const set = useCallback(<K extends keyof D>(k: K, v: D[K]) => setDraft((d) => ({ ...d, [k]: v })), []);

  const saving = useRef(false);
  const save = async () => {
    if (saving.current) return; // a double click sends one patch
    if (!dirty) return reload(o.record);
    const cur = loaded as Record<string, unknown>;
    const p: RecordPatch = {
      set: Object.fromEntries(changed.map((k) => [k, values[k] ?? null])),
      base: Object.fromEntries(changed.map((k) => [k, cur[k] ?? null])),
      baseRev,
    };
    saving.current = true;
    setBusy(true);
    try {
      const r = await o.submit(p, (c) => setConflict(c));
      if (r) {
        setConflict(null);
        reload(r);
        o.onSaved?.(r);
      }
    } finally {
      saving.current = false;
      setBusy(false);
    }
  };

  /** Decide one conflicting field; once all are decided the form saves again, against the revision now stored. */
  const decide = (field: string, keep: 'theirs' | 'mine') => {
    if (!conflict) return;
    const c = conflict.fields.find((x) => x.field === field);
    if (!c) return;
    const nextLoaded = { ...loaded, [field]: c.theirs ?? undefined } as R;
    setLoaded(nextLoaded);
    if (keep === 'theirs') setDraft((d) => ({ ...d, [field]: (o.toDraft(nextLoaded) as Record<string, unknown>)[field] }));
    const rest = conflict.fields.filter((x) => x.field !== field);
    if (rest.length) setConflict({ ...conflict, fields: rest });
    else {
      setConflict(null);
      setBaseRev(conflict.rev);
      setResubmit(true);
    }
  };
  useEffect(() => {
    if (!resubmit) return;
    setResubmit(false);
    void save();
  }, [resubmit]); // eslint-disable-line react-hooks/exhaustive-deps

  return {
    draft,
    set,
    setDraft,
    dirty,
    busy,
    elsewhere,
    conflict,
    save,
    keepTheirs: (f: string) => decide(f, 'theirs'),
    applyMine: (f: string) => decide(f, 'mine'),
    discard: () => {
      setConflict(null);
      reload(o.record);
    },
  };
}
