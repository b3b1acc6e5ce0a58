// The account plan editor. Saved through repo.savePlan, which keeps a revision of every change.
import { useEffect, useState } from 'react';
import type { Account, Plan, Stakeholder } from '@/lib/db/model';
import { emptyPlan, savePlan, type PlanPatch } from '@/lib/db/repo';
import { useI18n } from '../../i18n';
import { Button } from '../../ui';
import { useWrite } from '../write';
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
const same = (a: PlanDraft, b: PlanDraft) => JSON.stringify(clean(a)) === JSON.stringify(clean(b));

export function PlanEditor({ account, plan }: { account: Account; plan?: Plan; stakeholders: Stakeholder[] }) {
  const { t } = useI18n();
  const write = useWrite();
  const current = plan ?? emptyPlan(account.id, 0);
  const [base, setBase] = useState<PlanDraft>(() => draftOf(current));
  const [d, setD] = useState<PlanDraft>(() => draftOf(current));
  const [rev, setRev] = useState(current.revision);
  useEffect(() => {
    if (current.revision !== rev) {
      // changed elsewhere (another tab, a restore): take it unless the user is mid-edit
      if (same(d, base)) setD(draftOf(current));
      setBase(draftOf(current));
      setRev(current.revision);
    }
  }, [current.revision]); // eslint-disable-line react-hooks/exhaustive-deps
  const dirty = !same(d, base);
  const set = <K extends keyof PlanDraft>(k: K, v: PlanDraft[K]) => setD((x) => ({ ...x, [k]: v }));
  const save = async () => {
    const body = clean(d);
    const r = await write((db) => savePlan(db, account.id, body as PlanPatch), ['plans', 'planRevisions'], {
      ok: (p) => (p.revision === current.revision ? t('planUnchanged') : t('planSaved', { n: p.revision })),
    });
    if (r) {
      setBase(draftOf(r));
      setD(draftOf(r));
      setRev(r.revision);
    }
  };
  const text = (k: 'context' | 'priorities' | 'strategy' | 'valueProposition' | 'productFeedback', label: string) => (
    <TextArea label={label} value={d[k]} rows={4} onChange={(e) => set(k, e.target.value)} />
  );
  const saveBar = (
    <div className="flex items-center gap-2">
      {dirty && <span className="text-xs text-amber-700 dark:text-amber-300">{t('planDirty')}</span>}
      {dirty && <Button onClick={() => setD(base)}>{t('discardChanges')}</Button>}
      <Button variant="primary" size="md" disabled={!dirty} onClick={() => void save()}>
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
        <div className="flex justify-end">{saveBar}</div>
      </form>
    </Card>
  );
}
