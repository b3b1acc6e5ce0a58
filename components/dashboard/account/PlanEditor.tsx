// The account plan editor. Saved through repo.patchPlan, which keeps a revision of every change.
import type { Account, Plan, Stakeholder } from '@/lib/db/model';
import { emptyPlan, patchPlan } from '@/lib/db/repo';
import { useI18n } from '../../i18n';
import { Button } from '../../ui';
import { useWrite } from '../write';
import { useRecordEdit } from '../useRecordEdit';
import { ConflictReview } from '../../ui/ConflictReview';
import { Card, TextArea } from '../fields';
import { ObjectivesEditor, RisksEditor, AdvocacyEditor } from './PlanLists';
import { WhitespaceGrid } from './WhitespaceGrid';

export const PLAN_FIELDS = ['context', 'priorities', 'objectives', 'strategy', 'valueProposition', 'whitespace', 'risks', 'productFeedback', 'advocacy'] as const;
export type PlanDraft = Pick<Plan, (typeof PLAN_FIELDS)[number]>;

const draftOf = (p: Plan): PlanDraft => structuredClone(Object.fromEntries(PLAN_FIELDS.map((f) => [f, p[f]])) as PlanDraft);
/** Drops list items left empty, so a half-typed row does not block the save. */
function clean(d: PlanDraft): PlanDraft {
  return {
    ...d,
    objectives: d.objectives.filter((o) => o.title.trim()),
    risks: d.risks.filter((r) => r.title.trim()),
    advocacy: d.advocacy.filter((a) => a.text.trim()),
    whitespace: d.whitespace.filter((c) => c.offering.trim() && c.entity.trim()),
  };
}

export function PlanEditor({ account, plan }: { account: Account; plan?: Plan; stakeholders: Stakeholder[] }) {
  const { t } = useI18n();
  const write = useWrite();
  const current = plan ?? emptyPlan(account.id, 0);
  // Only the fields the user changed are sent, with the text and revision this form loaded: edits
  // of other fields elsewhere are kept, list items merge by id, and the same field changed on both
  // sides is shown for review (both versions are kept in the plan's history).
  const edit = useRecordEdit<Plan, PlanDraft>({
    record: current,
    revOf: (p) => p.revision,
    toDraft: draftOf,
    valuesOf: (d) => clean(d),
    submit: (p, onConflict) =>
      write((db) => patchPlan(db, account.id, p), ['plans', 'planRevisions'], {
        ok: (r) => (r.revision === current.revision ? t('planUnchanged') : t('planSaved', { n: r.revision })),
        onConflict,
      }),
  });
  const d = edit.draft;
  const dirty = edit.dirty;
  const set = edit.set;
  const save = edit.save;
  const text = (k: 'context' | 'priorities' | 'strategy' | 'valueProposition' | 'productFeedback', label: string) => (
    <TextArea label={label} value={d[k]} rows={4} onChange={(e) => set(k, e.target.value)} />
  );
  const saveBar = (
    <div className="flex items-center gap-2">
      {dirty && <span className="text-xs text-amber-700 dark:text-amber-300">{t('planDirty')}</span>}
      {dirty && <Button onClick={edit.discard}>{t('discardChanges')}</Button>}
      <Button variant="primary" size="md" disabled={!dirty || edit.busy || !!edit.conflict} onClick={() => void save()}>
        {t('savePlan')}
      </Button>
    </div>
  );
  return (
    <Card title={t('plan')} id="sec-plan" right={saveBar}>
      <form
        className="space-y-4"
        onSubmit={(e) => {
          e.preventDefault();
          void save();
        }}
      >
        <div className="grid gap-3 md:grid-cols-2">
          {text('context', t('planContext'))}
          {text('priorities', t('planPriorities'))}
        </div>
        <ObjectivesEditor items={d.objectives} onChange={(v) => set('objectives', v)} />
        <div className="grid gap-3 md:grid-cols-2">
          {text('strategy', t('planStrategy'))}
          {text('valueProposition', t('planValueProposition'))}
        </div>
        <WhitespaceGrid cells={d.whitespace} currency={account.currency} onChange={(v) => set('whitespace', v)} />
        <RisksEditor items={d.risks} onChange={(v) => set('risks', v)} />
        <div className="grid gap-3 md:grid-cols-2">
          {text('productFeedback', t('planProductFeedback'))}
          <AdvocacyEditor items={d.advocacy} onChange={(v) => set('advocacy', v)} />
        </div>
        {edit.elsewhere && !edit.conflict && <p className="text-xs text-slate-600 dark:text-slate-300">{t('editedElsewhere')}</p>}
        {edit.conflict && <ConflictReview fields={edit.conflict.fields} onKeepTheirs={edit.keepTheirs} onApplyMine={edit.applyMine} />}
        <div className="flex justify-end">{saveBar}</div>
      </form>
    </Card>
  );
}
