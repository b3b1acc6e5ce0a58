// The dashboard forms' edit state after their own save (components/dashboard/useRecordEdit.ts):
// the merged record that comes back is the new base, and what the user typed between the click on
// Save and that answer stays as a pending change, against the value it was typed over.
import { describe, expect, it } from 'vitest';
import { rebaseAfterSave } from '../../components/dashboard/useRecordEdit';
import { mergePatch } from '../../lib/db/patch';

interface Obj {
  id: string;
  title: string;
}
interface PlanLike {
  revision: number;
  context: string;
  strategy: string;
  objectives: Obj[];
}
type Draft = Pick<PlanLike, 'context' | 'strategy' | 'objectives'>;
const opts = {
  revOf: (p: PlanLike) => p.revision,
  toDraft: (p: PlanLike): Draft => ({ context: p.context, strategy: p.strategy, objectives: p.objectives.map((o) => ({ ...o })) }),
  // like the plan editor's: empty rows dropped
  valuesOf: (d: Draft) => ({ context: d.context, strategy: d.strategy, objectives: d.objectives.filter((o) => o.title.trim()) }),
};

describe('rebaseAfterSave', () => {
  // B saved objective b1; A had saved objective a1 meanwhile: the merged plan holds both.
  const sent: Draft = { context: 'Ctx', strategy: 'Str', objectives: [{ id: 'b1', title: 'From B' }] };
  const saved: PlanLike = { revision: 7, context: 'Ctx', strategy: 'Str', objectives: [{ id: 'a1', title: 'From A' }, { id: 'b1', title: 'From B' }] };

  it('nothing typed meanwhile: the merged record is the base and the draft, no pending change', () => {
    const st = rebaseAfterSave(saved, sent, sent, opts);
    expect(st).toEqual({ loaded: saved, baseRev: 7, draft: { context: 'Ctx', strategy: 'Str', objectives: [{ id: 'a1', title: 'From A' }, { id: 'b1', title: 'From B' }] } });
  });

  it('a text typed while the save was on its way stays, over the value it was typed over; other fields take the merged record', () => {
    const now: Draft = { ...sent, context: 'Ctx typed during the save' };
    const st = rebaseAfterSave(saved, sent, now, opts);
    expect(st.baseRev).toBe(7);
    expect(st.draft).toEqual({ context: 'Ctx typed during the save', strategy: 'Str', objectives: [{ id: 'a1', title: 'From A' }, { id: 'b1', title: 'From B' }] });
    expect(st.loaded).toEqual({ revision: 7, context: 'Ctx', strategy: 'Str', objectives: [{ id: 'a1', title: 'From A' }, { id: 'b1', title: 'From B' }] });
  });

  it('a list edited meanwhile keeps its pending edit against the sent list: the next save merges in the other tab item, never drops it', () => {
    const now: Draft = { ...sent, objectives: [{ id: 'b1', title: 'From B, edited' }, { id: 'b2', title: 'Second from B' }] };
    const st = rebaseAfterSave(saved, sent, now, opts);
    expect(st.draft.objectives).toEqual([{ id: 'b1', title: 'From B, edited' }, { id: 'b2', title: 'Second from B' }]);
    expect(st.loaded.objectives).toEqual([{ id: 'b1', title: 'From B' }]);
    // what the form's next save sends, applied by the repository's merge to the stored plan
    const out = mergePatch(saved as unknown as Record<string, unknown>, { set: { objectives: opts.valuesOf(st.draft).objectives }, base: { objectives: st.loaded.objectives } });
    expect(out.conflicts).toEqual([]);
    expect(out.changes).toEqual({ objectives: [{ id: 'a1', title: 'From A' }, { id: 'b1', title: 'From B, edited' }, { id: 'b2', title: 'Second from B' }] });
  });

  it('a field typed meanwhile that the other tab also changed is a conflict at the next save, not an overwrite', () => {
    const savedWithStrategy: PlanLike = { ...saved, strategy: 'Strategy from A' };
    const now: Draft = { ...sent, strategy: 'Strategy typed in B' };
    const st = rebaseAfterSave(savedWithStrategy, sent, now, opts);
    expect([st.draft.strategy, st.loaded.strategy]).toEqual(['Strategy typed in B', 'Str']);
    const out = mergePatch(savedWithStrategy as unknown as Record<string, unknown>, { set: { strategy: st.draft.strategy }, base: { strategy: st.loaded.strategy } });
    expect(out.conflicts).toEqual([{ field: 'strategy', base: 'Str', theirs: 'Strategy from A', mine: 'Strategy typed in B', theirRev: 0 }]);
  });
});
