// List editors of the plan: objectives, risks, advocacy. Plain controlled inputs, labelled.
import type { MessageKey } from '@/lib/i18n';
import { ADVOCACY_KINDS, OBJECTIVE_STATUSES, SEVERITIES, type Objective, type Risk } from '@/lib/db/model';
import type { z } from 'zod';
import type { advocacySchema } from '@/lib/db/model';
import { newId } from '@/lib/db/repo';
import { useI18n } from '../../i18n';
import { Button } from '../../ui';
import { DateInput, Select, TextInput } from '../fields';

type Advocacy = z.infer<typeof advocacySchema>;

function ListHead({ title, onAdd, addLabel }: { title: string; onAdd: () => void; addLabel: string }) {
  return (
    <div className="mb-1 flex items-center justify-between">
      <h3 className="text-sm font-semibold">{title}</h3>
      <Button onClick={onAdd}>+ {addLabel}</Button>
    </div>
  );
}
function update<T extends { id: string }>(xs: T[], id: string, patch: Partial<T>): T[] {
  return xs.map((x) => (x.id === id ? { ...x, ...patch } : x));
}

export function ObjectivesEditor({ items, onChange }: { items: Objective[]; onChange: (v: Objective[]) => void }) {
  const { t } = useI18n();
  return (
    <fieldset>
      <legend className="sr-only">{t('objectives')}</legend>
      <ListHead title={t('objectives')} addLabel={t('addObjective')} onAdd={() => onChange([...items, { id: newId(), title: '', status: 'not_started' }])} />
      <ul className="space-y-2" data-testid="objectives">
        {items.map((o, i) => (
          <li key={o.id} className="grid items-end gap-2 rounded border border-slate-200 p-2 sm:grid-cols-[2fr_1fr_10rem_10rem_auto] dark:border-slate-700">
            <TextInput label={`${t('objectiveTitle')} ${i + 1}`} value={o.title} onChange={(e) => onChange(update(items, o.id, { title: e.target.value }))} />
            <TextInput label={t('objectiveOwner')} value={o.owner ?? ''} onChange={(e) => onChange(update(items, o.id, { owner: e.target.value || undefined }))} />
            <DateInput label={t('objectiveDue')} value={o.dueAt} onChange={(v) => onChange(update(items, o.id, { dueAt: v }))} />
            <Select label={t('status')} value={o.status} options={OBJECTIVE_STATUSES.map((s) => ({ value: s, label: t(`objective_${s}` as MessageKey) }))} onChange={(v) => onChange(update(items, o.id, { status: v }))} />
            <Button variant="ghost" aria-label={t('removeItem', { name: o.title || `${t('objectiveTitle')} ${i + 1}` })} onClick={() => onChange(items.filter((x) => x.id !== o.id))}>
              {t('remove')}
            </Button>
          </li>
        ))}
      </ul>
    </fieldset>
  );
}

export function RisksEditor({ items, onChange }: { items: Risk[]; onChange: (v: Risk[]) => void }) {
  const { t } = useI18n();
  return (
    <fieldset>
      <legend className="sr-only">{t('risks')}</legend>
      <ListHead title={t('risks')} addLabel={t('addRisk')} onAdd={() => onChange([...items, { id: newId(), title: '', severity: 'medium', mitigation: '' }])} />
      <ul className="space-y-2">
        {items.map((r, i) => (
          <li key={r.id} className="grid items-end gap-2 rounded border border-slate-200 p-2 sm:grid-cols-[2fr_8rem_2fr_auto] dark:border-slate-700">
            <TextInput label={`${t('riskTitle')} ${i + 1}`} value={r.title} onChange={(e) => onChange(update(items, r.id, { title: e.target.value }))} />
            <Select label={t('severity')} value={r.severity} options={SEVERITIES.map((s) => ({ value: s, label: t(`severity_${s}` as MessageKey) }))} onChange={(v) => onChange(update(items, r.id, { severity: v }))} />
            <TextInput label={t('mitigation')} value={r.mitigation} onChange={(e) => onChange(update(items, r.id, { mitigation: e.target.value }))} />
            <Button variant="ghost" aria-label={t('removeItem', { name: r.title || `${t('riskTitle')} ${i + 1}` })} onClick={() => onChange(items.filter((x) => x.id !== r.id))}>
              {t('remove')}
            </Button>
          </li>
        ))}
      </ul>
    </fieldset>
  );
}

export function AdvocacyEditor({ items, onChange }: { items: Advocacy[]; onChange: (v: Advocacy[]) => void }) {
  const { t } = useI18n();
  return (
    <fieldset>
      <legend className="sr-only">{t('planAdvocacy')}</legend>
      <ListHead title={t('planAdvocacy')} addLabel={t('addAdvocacy')} onAdd={() => onChange([...items, { id: newId(), kind: 'reference', text: '' }])} />
      <ul className="space-y-2">
        {items.map((a, i) => (
          <li key={a.id} className="grid items-end gap-2 rounded border border-slate-200 p-2 sm:grid-cols-[9rem_1fr_auto] dark:border-slate-700">
            <Select label={t('advocacyKind')} value={a.kind} options={ADVOCACY_KINDS.map((k) => ({ value: k, label: t(`adv_${k}` as MessageKey) }))} onChange={(v) => onChange(update(items, a.id, { kind: v }))} />
            <TextInput label={`${t('advocacyText')} ${i + 1}`} value={a.text} onChange={(e) => onChange(update(items, a.id, { text: e.target.value }))} />
            <Button variant="ghost" aria-label={t('removeItem', { name: a.text || `${t('advocacyText')} ${i + 1}` })} onClick={() => onChange(items.filter((x) => x.id !== a.id))}>
              {t('remove')}
            </Button>
          </li>
        ))}
      </ul>
    </fieldset>
  );
}
