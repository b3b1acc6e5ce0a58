import { describe, expect, it } from 'vitest';
import { mergePatch, same } from '../../lib/db/patch';

describe('same', () => {
  it('treats null, undefined and absent keys as one empty value, compares deeply', () => {
    expect(same(null, undefined)).toBe(true);
    expect(same({ a: 1, b: undefined }, { a: 1 })).toBe(true);
    expect(same([1, { x: 'a' }], [1, { x: 'a' }])).toBe(true);
    expect(same([1, 2], [2, 1])).toBe(false);
    expect(same('', undefined)).toBe(false);
    expect(same({ a: [1] }, { a: 1 })).toBe(false);
  });
});

describe('mergePatch', () => {
  const stored = { tier: 'B', industry: 'Retail', tags: ['a', 'b'], scores: { revenue: 1, access: 2 }, lastContactAt: 100 };

  it('writes a field nobody else changed, and only fields whose value changes', () => {
    const r = mergePatch(stored, { set: { tier: 'A', industry: 'Retail' }, base: { tier: 'B', industry: 'Retail' }, baseRev: 3 });
    expect(r).toEqual({ changes: { tier: 'A' }, changed: ['tier'], conflicts: [] });
  });

  it('keeps theirs when mine is the value the form loaded (a stale form does not revert)', () => {
    const r = mergePatch({ ...stored, tier: 'C' }, { set: { tier: 'B' }, base: { tier: 'B' } });
    expect(r).toEqual({ changes: {}, changed: [], conflicts: [] });
  });

  it('refuses a field changed elsewhere to another value, with both values and its revision', () => {
    const r = mergePatch({ ...stored, industry: 'Food' }, { set: { industry: 'Retail & Food', tier: 'A' }, base: { industry: 'Retail', tier: 'B' }, baseRev: 2 }, { revs: { industry: 5 } });
    expect(r.conflicts).toEqual([{ field: 'industry', base: 'Retail', theirs: 'Food', mine: 'Retail & Food', theirRev: 5 }]);
    expect(r.changes).toEqual({ tier: 'A' });
  });

  it('agrees when both sides made the same change', () => {
    const r = mergePatch({ ...stored, industry: 'Food' }, { set: { industry: 'Food' }, base: { industry: 'Retail' } });
    expect(r).toEqual({ changes: {}, changed: [], conflicts: [] });
  });

  it('clears a field with null; an empty base is null', () => {
    expect(mergePatch(stored, { set: { industry: null }, base: { industry: 'Retail' } }).changes).toEqual({ industry: undefined });
    expect(mergePatch({ owner: undefined }, { set: { owner: 'Ann' }, base: { owner: null } }).changes).toEqual({ owner: 'Ann' });
    expect(mergePatch({ owner: 'Bob' }, { set: { owner: 'Ann' }, base: { owner: null } }).conflicts).toEqual([{ field: 'owner', base: null, theirs: 'Bob', mine: 'Ann', theirRev: 0 }]);
  });

  it('sets a field without a base blindly', () => {
    expect(mergePatch({ ...stored, tier: 'C' }, { set: { tier: 'A' } }).changes).toEqual({ tier: 'A' });
  });

  it('merges lists of strings as sets: their additions and removals with mine', () => {
    // base [a, b]; they added c; I removed a and added d
    const r = mergePatch({ tags: ['a', 'b', 'c'] }, { set: { tags: ['b', 'd'] }, base: { tags: ['a', 'b'] } });
    expect(r).toEqual({ changes: { tags: ['b', 'c', 'd'] }, changed: ['tags'], conflicts: [] });
  });

  it('merges objects field by field (scores), conflict when one key changed on both sides', () => {
    const theirs = { scores: { revenue: 4, access: 2 } };
    expect(mergePatch(theirs, { set: { scores: { revenue: 1, access: 5 } }, base: { scores: { revenue: 1, access: 2 } } }).changes).toEqual({ scores: { revenue: 4, access: 5 } });
    expect(mergePatch(theirs, { set: { scores: { revenue: 3, access: 2 } }, base: { scores: { revenue: 1, access: 2 } } }).conflicts.map((c) => c.field)).toEqual(['scores']);
  });

  it('merges lists of items by id: both additions kept, one-sided edits taken, delete vs edit is a conflict', () => {
    const o = (id: string, title: string, status = 'not_started') => ({ id, title, status });
    const base = [o('1', 'Grow'), o('2', 'Renew')];
    // they: edited 1's status, added 3. me: edited 2's title, added 4.
    const theirs = [o('1', 'Grow', 'on_track'), o('2', 'Renew'), o('3', 'Theirs')];
    const mine = [o('1', 'Grow'), o('2', 'Renew 2027'), o('4', 'Mine')];
    expect(mergePatch({ objectives: theirs }, { set: { objectives: mine }, base: { objectives: base } }).changes).toEqual({
      objectives: [o('1', 'Grow', 'on_track'), o('2', 'Renew 2027'), o('3', 'Theirs'), o('4', 'Mine')],
    });
    // the same item's status on one side, title on the other: field by field
    expect(mergePatch({ objectives: [o('1', 'Grow', 'done')] }, { set: { objectives: [o('1', 'Grow EU')] }, base: { objectives: [o('1', 'Grow')] } }).changes).toEqual({ objectives: [o('1', 'Grow EU', 'done')] });
    // I removed what they changed
    expect(mergePatch({ objectives: [o('1', 'Grow', 'done')] }, { set: { objectives: [] }, base: { objectives: [o('1', 'Grow')] } }).conflicts.map((c) => c.field)).toEqual(['objectives']);
    // I removed what they left alone: it goes, their addition stays
    expect(mergePatch({ objectives: [o('1', 'Grow'), o('3', 'x')] }, { set: { objectives: [] }, base: { objectives: [o('1', 'Grow')] } }).changes).toEqual({ objectives: [o('3', 'x')] });
    // they removed what I changed
    expect(mergePatch({ objectives: [] }, { set: { objectives: [o('1', 'Grow EU')] }, base: { objectives: [o('1', 'Grow')] } }).conflicts.map((c) => c.field)).toEqual(['objectives']);
  });

  it('texts changed on both sides are a conflict (no text merge)', () => {
    const r = mergePatch({ context: 'theirs' }, { set: { context: 'mine' }, base: { context: 'base' } });
    expect(r.conflicts).toEqual([{ field: 'context', base: 'base', theirs: 'theirs', mine: 'mine', theirRev: 0 }]);
  });

  it('policy max: a timestamp changed on both sides keeps the later one, a one-sided change is taken as is', () => {
    expect(mergePatch({ lastContactAt: 300 }, { set: { lastContactAt: 200 }, base: { lastContactAt: 100 } }, { policies: { lastContactAt: 'max' } })).toEqual({ changes: {}, changed: [], conflicts: [] });
    expect(mergePatch({ lastContactAt: 300 }, { set: { lastContactAt: 400 }, base: { lastContactAt: 100 } }, { policies: { lastContactAt: 'max' } }).changes).toEqual({ lastContactAt: 400 });
    // a correction to an earlier day, nobody else changed it: taken
    expect(mergePatch({ lastContactAt: 300 }, { set: { lastContactAt: 50 }, base: { lastContactAt: 300 } }, { policies: { lastContactAt: 'max' } }).changes).toEqual({ lastContactAt: 50 });
  });
});
