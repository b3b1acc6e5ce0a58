// Add / edit a stakeholder. Edits send only the changed fields, against the revision loaded.
import { dayOfStored, noonOf } from '@/lib/dates/calendar-date';
import { useRef, useState } from 'react';
import type { ConflictData } from '@/lib/types';
import { INFLUENCES, RELATIONSHIPS, ROLES, STANCES, type Stakeholder } from '@/lib/db/model';
import { patchStakeholder, upsertStakeholder } from '@/lib/db/repo';
import type { MessageKey } from '@/lib/i18n';
import { useI18n } from '../../i18n';
import { Button } from '../../ui';
import { useWrite } from '../write';
import { useRecordEdit } from '../useRecordEdit';
import { ConflictReview } from '../../ui/ConflictReview';
import { MoveConfirm, personElsewhereOf, type PersonElsewhere } from '../../ui/MoveConfirm';
import { DateInput, Select, TextArea, TextInput, splitList } from '../fields';

type Draft = Pick<Stakeholder, 'name' | 'role' | 'stance' | 'influence' | 'relationship'> & { title: string; location: string; linkedinUrl: string; emails: string; reportsTo: string; lastContactAt?: number; notes: string };
const toDraft = (s?: Stakeholder): Draft => ({
  name: s?.name ?? '',
  title: s?.title ?? '',
  location: s?.location ?? '',
  linkedinUrl: s?.linkedinUrl ?? '',
  emails: s?.emails.join(', ') ?? '',
  role: s?.role ?? 'unknown',
  stance: s?.stance ?? 'unknown',
  influence: s?.influence ?? 'medium',
  relationship: s?.relationship ?? 'none',
  reportsTo: s?.reportsTo ?? '',
  lastContactAt: s?.lastContactAt,
  notes: s?.notes ?? '',
});

/** People who (indirectly) report to `id`: choosing one of them as manager would make a loop. */
function descendants(id: string, all: Stakeholder[]): Set<string> {
  const out = new Set<string>([id]);
  let grew = true;
  while (grew) {
    grew = false;
    for (const s of all) if (s.reportsTo && out.has(s.reportsTo) && !out.has(s.id)) (out.add(s.id), (grew = true));
  }
  return out;
}

/** The draft as stored values (empty optional fields undefined). */
function valuesOf(d: Draft): Record<string, unknown> {
  return {
    name: d.name.trim(),
    title: d.title.trim() || undefined,
    location: d.location.trim() || undefined,
    linkedinUrl: d.linkedinUrl.trim() || undefined,
    emails: splitList(d.emails).map((e) => e.toLowerCase()),
    role: d.role,
    stance: d.stance,
    influence: d.influence,
    relationship: d.relationship,
    reportsTo: d.reportsTo || undefined,
    lastContactAt: d.lastContactAt,
    notes: d.notes,
  };
}
const BLANK = { rev: 0 } as unknown as Stakeholder;

export function StakeholderForm({ accountId, stakeholder, all, onDone, onDelete }: { accountId: string; stakeholder?: Stakeholder; all: Stakeholder[]; onDone: () => void; onDelete?: () => void }) {
  const { t } = useI18n();
  const write = useWrite();
  // Editing: only the fields the user changed are sent, with the values and revision this form
  // loaded — "Contacted today" clicked in the sidebar meanwhile is kept (useRecordEdit).
  const edit = useRecordEdit<Stakeholder, Draft>({
    record: stakeholder ?? BLANK,
    revOf: (s) => s.rev ?? 0,
    toDraft: (s) => toDraft(s === BLANK ? undefined : s),
    valuesOf,
    submit: (p, onConflict) => write((db) => patchStakeholder(db, stakeholder!.id, p), ['stakeholders'], { ok: t('stakeholderSaved'), onConflict }),
    onSaved: () => onDone(),
  });
  const d = edit.draft;
  // Fields the user set in this form: adding a person who already exists (same LinkedIn profile,
  // or same name in the account) updates only these and keeps every other field of their record.
  const [touched, setTouched] = useState<Set<string>>(() => new Set());
  const set = <K extends keyof Draft>(k: K, v: Draft[K]) => {
    edit.set(k, v);
    setTouched((s) => (s.has(k) ? s : new Set(s).add(k)));
  };
  const blocked = stakeholder ? descendants(stakeholder.id, all) : new Set<string>();
  const managers = all.filter((s) => !blocked.has(s.id));
  const names = new Map(all.map((s) => [s.id, s.name]));
  const submit = async () => {
    if (stakeholder) {
      // closed once saved (onSaved); a conflict keeps the form open for review
      if (!edit.dirty) return onDone();
      return edit.save();
    }
    return addNew(addShown);
  };
  // Adding a person who is already saved: what this form showed (blank) is the base, so a field set
  // here that was set otherwise in the power map is a conflict to review, never an overwrite.
  const [addShown, setAddShown] = useState<Record<string, unknown>>(() => valuesOf(toDraft()));
  const [addConflict, setAddConflict] = useState<ConflictData | null>(null);
  const [keepTheirs, setKeepTheirs] = useState<Set<string>>(() => new Set());
  // The LinkedIn profile given is a person of another account: asked before moving them (the
  // confirmed account id goes with every later save of this add, conflict review included).
  const [elsewhere, setElsewhere] = useState<PersonElsewhere | null>(null);
  const [moveFrom, setMoveFrom] = useState<string | undefined>(undefined);
  const addNew = async (shown: Record<string, unknown>, keep = keepTheirs, from = moveFrom) => {
    const fields = valuesOf(d);
    const given = Object.fromEntries(Object.entries(fields).filter(([k, v]) => k === 'name' || (touched.has(k) && !keep.has(k) && v !== undefined && !(Array.isArray(v) && !v.length))));
    const ok = await write((db) => upsertStakeholder(db, { accountId, ...given, name: (keep.has('name') ? shown.name : fields.name) as string }, Date.now(), { shown, moveFrom: from }), ['stakeholders', 'actions', 'notes'], {
      ok: (r) =>
        r.movedFrom && elsewhereRef.current
          ? t('movedTo', { name: r.stakeholder.name, account: elsewhereRef.current.account, target: elsewhereRef.current.target })
          : r.created
            ? t('stakeholderSaved')
            : t('stakeholderMerged', { name: r.stakeholder.name }),
      onConflict: setAddConflict,
      onRefused: (e) => {
        const w = personElsewhereOf(e);
        if (w) {
          elsewhereRef.current = w;
          setElsewhere(w);
        }
        return !!w;
      },
    });
    if (ok) onDone();
  };
  const elsewhereRef = useRef<PersonElsewhere | null>(null);
  const confirmMove = () => {
    if (!elsewhere) return;
    setMoveFrom(elsewhere.accountId);
    setElsewhere(null);
    void addNew(addShown, keepTheirs, elsewhere.accountId);
  };
  const decideAdd = (field: string, how: 'theirs' | 'mine') => {
    if (!addConflict) return;
    const c = addConflict.fields.find((x) => x.field === field);
    const shown = { ...addShown, [field]: c?.theirs ?? undefined };
    const keep = how === 'theirs' ? new Set(keepTheirs).add(field) : keepTheirs;
    // `name` is always sent: keeping theirs means sending theirs
    if (how === 'theirs' && field === 'name' && typeof c?.theirs === 'string') edit.set('name', c.theirs);
    setAddShown(shown);
    setKeepTheirs(keep);
    const rest = addConflict.fields.filter((x) => x.field !== field);
    if (rest.length) return setAddConflict({ ...addConflict, fields: rest });
    setAddConflict(null);
    void addNew(shown, keep);
  };
  return (
    <form
      aria-label={stakeholder ? t('editStakeholder', { name: stakeholder.name }) : t('addStakeholder')}
      data-testid="stakeholder-form"
      onSubmit={(e) => {
        e.preventDefault();
        void submit();
      }}
      // Escape closes the editor when nothing was changed in it (typed text is never dropped by a key)
      onKeyDown={(e) => {
        const clean = stakeholder ? !edit.dirty : touched.size === 0;
        if (e.key !== 'Escape' || e.defaultPrevented || !clean || edit.conflict || addConflict || elsewhere) return;
        e.preventDefault();
        onDone();
      }}
      className="space-y-2"
    >
      <h3 className="text-sm font-semibold">{stakeholder ? t('editStakeholder', { name: stakeholder.name }) : t('addStakeholder')}</h3>
      <div className="grid gap-2 sm:grid-cols-2 lg:grid-cols-4">
        <TextInput label={t('name')} value={d.name} required autoFocus={!stakeholder} onChange={(e) => set('name', e.target.value)} />
        <TextInput label={t('title')} value={d.title} onChange={(e) => set('title', e.target.value)} />
        <Select label={t('role')} value={d.role} autoFocus={!!stakeholder} options={ROLES.map((r) => ({ value: r, label: t(`role_${r}` as MessageKey) }))} onChange={(v) => set('role', v)} />
        <Select label={t('stance')} value={d.stance} options={STANCES.map((r) => ({ value: r, label: t(`stance_${r}` as MessageKey) }))} onChange={(v) => set('stance', v)} />
        <Select label={t('influence')} value={d.influence} options={INFLUENCES.map((r) => ({ value: r, label: t(`influence_${r}` as MessageKey) }))} onChange={(v) => set('influence', v)} />
        <Select label={t('relationship')} value={d.relationship} options={RELATIONSHIPS.map((r) => ({ value: r, label: t(`rel_${r}` as MessageKey) }))} onChange={(v) => set('relationship', v)} />
        <Select label={t('reportsToLabel')} value={d.reportsTo} options={[{ value: '', label: t('nobody') }, ...managers.map((s) => ({ value: s.id, label: s.name }))]} onChange={(v) => set('reportsTo', v)} />
        <DateInput label={t('lastContact')} value={dayOfStored(d.lastContactAt)} onChange={(v) => set('lastContactAt', v === undefined ? undefined : noonOf(v))} />
        <TextInput label={t('emails')} value={d.emails} onChange={(e) => set('emails', e.target.value)} className="lg:col-span-2" />
        <TextInput label={t('linkedinProfile')} type="text" inputMode="url" autoComplete="off" spellCheck={false} value={d.linkedinUrl} onChange={(e) => set('linkedinUrl', e.target.value)} className="lg:col-span-2" />
        <TextInput label={t('location')} value={d.location} onChange={(e) => set('location', e.target.value)} />
        <TextArea label={t('stakeholderNotes')} value={d.notes} rows={2} onChange={(e) => set('notes', e.target.value)} className="lg:col-span-3" />
      </div>
      {stakeholder && edit.elsewhere && !edit.conflict && <p className="text-xs text-slate-600 dark:text-slate-300">{t('editedElsewhere')}</p>}
      {elsewhere && <MoveConfirm who={elsewhere} onMove={confirmMove} onCancel={() => setElsewhere(null)} />}
      {addConflict && <ConflictReview fields={addConflict.fields} names={names} onKeepTheirs={(f) => decideAdd(f, 'theirs')} onApplyMine={(f) => decideAdd(f, 'mine')} />}
      {edit.conflict && <ConflictReview fields={edit.conflict.fields} names={names} onKeepTheirs={edit.keepTheirs} onApplyMine={edit.applyMine} />}
      <div className="flex gap-2">
        <Button type="submit" variant="primary" size="md" disabled={!d.name.trim() || edit.busy || !!edit.conflict || !!addConflict || !!elsewhere}>
          {t('save')}
        </Button>
        <Button size="md" onClick={onDone}>
          {t('cancel')}
        </Button>
        {onDelete && (
          <Button variant="danger" size="md" className="ml-auto" onClick={onDelete}>
            {t('delete')}
          </Button>
        )}
      </div>
    </form>
  );
}
