// Three-way merge of one record's fields: what a form was loaded with (base), what is stored now
// (theirs) and what the form saves (mine). Pure: the repository (repo.ts `patch*`) runs it inside
// its write transaction. The rule: a field nobody else changed takes mine; a field someone else
// changed takes theirs when mine did not change it; both changed it → merged where the value has
// parts that can merge (lists of ids, sets of strings, objects of fields), else a conflict the UI
// shows ("changed elsewhere — review"). Never a silent overwrite of someone else's edit.
import type { FieldConflict, RecordPatch } from '../types';

/**
 * How a field merges when both sides changed it. `value` (default): see mergeValues. `max`: the
 * later of two timestamps wins, never a conflict — "last contact" is the latest contact whoever
 * recorded it (two tabs clicking "Contacted today" a second apart agree).
 */
export type MergePolicy = 'value' | 'max';

/** Deep equality of stored values: `null` and `undefined` (and absent object keys) are the same "empty". */
export function same(a: unknown, b: unknown): boolean {
  if (a === null) a = undefined;
  if (b === null) b = undefined;
  if (a === b) return true;
  if (typeof a !== 'object' || typeof b !== 'object' || a === undefined || b === undefined) return false;
  if (Array.isArray(a) !== Array.isArray(b)) return false;
  if (Array.isArray(a)) {
    const bb = b as unknown[];
    return a.length === bb.length && a.every((x, i) => same(x, bb[i]));
  }
  const ao = a as Record<string, unknown>;
  const bo = b as Record<string, unknown>;
  const keys = new Set([...Object.keys(ao), ...Object.keys(bo)]);
  for (const k of keys) if (!same(ao[k], bo[k])) return false;
  return true;
}

const NO_MERGE = Symbol('conflict');
type Merged = unknown | typeof NO_MERGE;

const isPlainObject = (v: unknown): v is Record<string, unknown> => !!v && typeof v === 'object' && !Array.isArray(v);
const isPrimitive = (v: unknown) => v === null || (typeof v !== 'object' && typeof v !== 'function');
const hasIds = (xs: unknown[]) => xs.every((x) => isPlainObject(x) && typeof x.id === 'string');

/**
 * Merges a value both sides changed from `base`. Lists of records with an `id` (plan objectives,
 * risks, whitespace cells, advocacy): items added on either side are kept (theirs in their order,
 * then mine), an item changed on one side takes that change, an item changed on both merges its
 * fields (else conflict), an item removed on one side and unchanged on the other goes, removed on
 * one and changed on the other is a conflict. Lists of strings (domains, tags, aliases, emails):
 * a set — theirs, minus what mine removed, plus what mine added; never a conflict. Objects of
 * fields (scores): field by field. Anything else (texts, numbers, dates): a conflict.
 */
function mergeValues(base: unknown, theirs: unknown, mine: unknown): Merged {
  if (same(theirs, base)) return mine;
  if (same(mine, base) || same(mine, theirs)) return theirs;
  const b = base ?? undefined;
  if (Array.isArray(theirs) && Array.isArray(mine) && (b === undefined || Array.isArray(b))) {
    const bl = (b as unknown[] | undefined) ?? [];
    if ([bl, theirs, mine].every((xs) => xs.every(isPrimitive))) {
      const removed = bl.filter((x) => !mine.some((m) => same(m, x)));
      const added = mine.filter((x) => !bl.some((m) => same(m, x)));
      const kept = theirs.filter((x) => !removed.some((r) => same(r, x)));
      return [...kept, ...added.filter((x) => !kept.some((k) => same(k, x)))];
    }
    if ([bl, theirs, mine].every(hasIds)) return mergeIdLists(bl as Rec[], theirs as Rec[], mine as Rec[]);
    return NO_MERGE;
  }
  if (isPlainObject(theirs) && isPlainObject(mine) && (b === undefined || isPlainObject(b))) {
    const bo = (b as Record<string, unknown> | undefined) ?? {};
    const out: Record<string, unknown> = {};
    for (const k of new Set([...Object.keys(theirs), ...Object.keys(mine)])) {
      const m = mergeValues(bo[k], theirs[k], mine[k]);
      if (m === NO_MERGE) return NO_MERGE;
      if (m !== undefined) out[k] = m;
    }
    return out;
  }
  return NO_MERGE;
}

type Rec = Record<string, unknown> & { id: string };
function mergeIdLists(base: Rec[], theirs: Rec[], mine: Rec[]): Merged {
  const byId = (xs: Rec[]) => new Map(xs.map((x) => [x.id, x]));
  const b = byId(base);
  const m = byId(mine);
  const t = byId(theirs);
  const out: Rec[] = [];
  for (const x of theirs) {
    const bx = b.get(x.id);
    const mx = m.get(x.id);
    if (!mx) {
      if (!bx) out.push(x); // they added it
      else if (!same(x, bx)) return NO_MERGE; // I removed what they changed
      // else: I removed it, they left it: it goes
      continue;
    }
    const merged = mergeValues(bx, x, mx);
    if (merged === NO_MERGE) return NO_MERGE;
    out.push(merged as Rec);
  }
  for (const x of mine) {
    if (t.has(x.id)) continue;
    const bx = b.get(x.id);
    if (!bx) out.push(x); // I added it
    else if (!same(x, bx)) return NO_MERGE; // they removed what I changed
  }
  return out;
}

export interface PatchOutcome {
  /** field → value to store (`undefined`: clear the field); only fields whose stored value changes */
  changes: Record<string, unknown>;
  /** the fields of `changes` */
  changed: string[];
  /** fields refused: someone else changed them since the form loaded, to another value than mine */
  conflicts: FieldConflict[];
}

/**
 * Applies a field-level patch to the stored record `current` (any record: account, plan,
 * stakeholder, action). `revs`: the record's field → revision of its last change, for the
 * conflict report. `policies`: per-field merge policy (default `value`).
 * A field whose stored value differs from its `base` was changed by someone else (whatever the
 * revision map says: writers that predate it, or a restore, do not stamp it); with `mine` also
 * different, it merges (mergeValues) or is a conflict. Returns the changes; throws nothing.
 */
export function mergePatch(current: Record<string, unknown>, patch: RecordPatch, opts: { revs?: Record<string, number>; policies?: Record<string, MergePolicy> } = {}): PatchOutcome {
  const changes: Record<string, unknown> = {};
  const conflicts: FieldConflict[] = [];
  const base = patch.base ?? {};
  for (const [field, raw] of Object.entries(patch.set)) {
    const mine = raw ?? undefined;
    const theirs = current[field];
    const known = Object.prototype.hasOwnProperty.call(base, field);
    const b = known ? (base[field] ?? undefined) : undefined;
    let next: Merged;
    // `max` only when both sides changed it: a one-sided correction to an earlier time is taken.
    if (opts.policies?.[field] === 'max' && typeof mine === 'number' && typeof theirs === 'number' && known && !same(theirs, b)) next = Math.max(mine, theirs);
    else if (!known) next = mine; // a blind set
    else next = mergeValues(b, theirs, mine);
    if (next === NO_MERGE) {
      conflicts.push({ field, base: base[field] ?? null, theirs: theirs ?? null, mine: mine ?? null, theirRev: opts.revs?.[field] ?? 0 });
      continue;
    }
    if (!same(next, theirs)) changes[field] = next;
  }
  return { changes, changed: Object.keys(changes), conflicts };
}
