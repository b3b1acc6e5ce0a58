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

/** A form's edit state: the record it was loaded with (the base of each field), that revision, the draft. */
export interface EditState<R extends object, D extends object> {
  loaded: R;
  baseRev: number;
  draft: D;
}

/**
 * The state after a save succeeded: `saved` (the record as merged and stored) is the new base,
 * except for fields the user changed since the save started (`now` differs from `sent`, the draft
 * that was sent): those keep what the user typed as a pending change, against the value they were
 * typing over (the sent value, as stored values: `valuesOf`), so the next save merges them with
 * whatever was stored meanwhile instead of losing them or overwriting another tab's edit.
 * Field names are shared by drafts and stored values (every form's `valuesOf` keeps its keys).
 */
export function rebaseAfterSave<R extends object, D extends object>(saved: R, sent: D, now: D, o: Pick<RecordEditOptions<R, D>, 'revOf' | 'toDraft' | 'valuesOf'>): EditState<R, D> {
  const n = now as Record<string, unknown>;
  const s = sent as Record<string, unknown>;
  const pending = Object.keys(n).filter((k) => !same(n[k], s[k]));
  const sentValues = o.valuesOf(sent);
  return {
    loaded: { ...saved, ...Object.fromEntries(pending.filter((k) => k in sentValues).map((k) => [k, sentValues[k]])) } as R,
    baseRev: o.revOf(saved),
    draft: { ...o.toDraft(saved), ...Object.fromEntries(pending.map((k) => [k, n[k]])) } as D,
  };
}

export function useRecordEdit<R extends object, D extends object>(o: RecordEditOptions<R, D>) {
  // One state: a save's answer rebases the draft the user may be typing into at that moment.
  const [st, setSt] = useState<EditState<R, D>>(() => ({ loaded: o.record, baseRev: o.revOf(o.record), draft: o.toDraft(o.record) }));
  const { loaded, baseRev, draft } = st;
  const setLoaded = (loaded: R) => setSt((x) => ({ ...x, loaded }));
  const setBaseRev = (baseRev: number) => setSt((x) => ({ ...x, baseRev }));
  const setDraft = useCallback((d: D | ((d: D) => D)) => setSt((x) => ({ ...x, draft: typeof d === 'function' ? (d as (d: D) => D)(x.draft) : d })), []);
  const [conflict, setConflict] = useState<ConflictData | null>(null);
  const [busy, setBusy] = useState(false);
  const [resubmit, setResubmit] = useState(false);

  const values = o.valuesOf(draft);
  const changed = Object.keys(values).filter((k) => !same(values[k], (loaded as Record<string, unknown>)[k]));
  const dirty = changed.length > 0;
  // The record changed elsewhere while this form has edits: shown as a hint; saving merges.
  const elsewhere = dirty && o.revOf(o.record) !== baseRev;

  const reload = useCallback((r: R) => {
    setSt({ loaded: r, baseRev: o.revOf(r), draft: o.toDraft(r) });
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
    const sent = draft;
    saving.current = true;
    setBusy(true);
    try {
      const r = await o.submit(p, (c) => setConflict(c));
      if (r) {
        setConflict(null);
        // what the user typed while the save was on its way stays, as a pending change
        setSt((x) => rebaseAfterSave(r, sent, x.draft, o));
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
    if (keep === 'theirs') setDraft((d: D) => ({ ...d, [field]: (o.toDraft(nextLoaded) as Record<string, unknown>)[field] }));
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
