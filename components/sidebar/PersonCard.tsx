import { useEffect, useState } from 'react';
import { call } from '@/lib/messaging/client';
import { formatDate, type MessageKey } from '@/lib/i18n';
import { ROLES, STANCES, INFLUENCES, type Role, type Stance, type Influence } from '@/lib/db/enums';
import type { Account } from '@/lib/db/model';
import type { AccountSummary, SidebarView } from '@/lib/messaging/protocol';
import type { PageContext } from '@/lib/types';
import { useI18n } from '../i18n';
import { errorText } from '../ui/errorText';
import { useQuickPatch } from './useQuickPatch';
import { usePageDraft } from './usePageDraft';
import { conflictOf } from '@/lib/errors';
import type { ConflictData } from '@/lib/types';
import { ConflictReview } from '../ui/ConflictReview';
import { MoveConfirm, personElsewhereOf, type PersonElsewhere } from '../ui/MoveConfirm';
import { Button, ErrorText, InfluenceDots, STANCE_STYLE, cx } from '../ui';
import { EditLock, ViewerBanner, VIEWER_BANNER_ID, useCanEditAccount } from './ReadOnly';

export function PersonCard({ person, account, tabId }: { person: NonNullable<SidebarView['person']>; account?: Account; tabId?: number }) {
  const { t, lang } = useI18n();
  const [err, setErr] = useState<string | null>(null);
  const s = person.stakeholder;
  const titleChange = person.jobChanges.find((j) => j.field === 'title');
  // field-level patches with the values shown: a dashboard form opened before cannot revert them
  const quick = useQuickPatch(setErr);
  // The person's account may not be the one shown: its own rights; its own banner if only it is read-only.
  const canEdit = person.canEdit !== false;
  const shownEditable = useCanEditAccount();
  const ownBanner = !canEdit && shownEditable;
  const bannerId = ownBanner ? 'kal-person-viewer-banner' : VIEWER_BANNER_ID;
  // Known in ANOTHER account than the one shown (changed company, or a wrong match): said, and
  // movable here after the same question as every add (components/ui/MoveConfirm.tsx). The move is
  // an add to the shown account found by the person's own keys, with the confirmed `moveFrom`.
  const [asking, setAsking] = useState(false);
  const [moving, setMoving] = useState(false);
  const movable = !!person.accountName && !!account && canEdit && shownEditable && !!(s.linkedinUrl || s.salesNavLeadId);
  async function move() {
    if (!account) return;
    setMoving(true);
    setErr(null);
    try {
      await call('stakeholder.save', {
        accountId: account.id,
        stakeholder: { name: s.name, linkedinUrl: s.linkedinUrl, salesNavLeadId: s.salesNavLeadId },
        shown: { name: s.name },
        moveFrom: s.accountId,
        tabId,
      });
      setAsking(false);
    } catch (e) {
      setErr(errorText(t, e));
    } finally {
      setMoving(false);
    }
  }
  return (
    <div className="mx-3 mb-2 rounded-md border border-blue-200 p-2 dark:border-blue-800" data-testid="person-card">
      <p className="text-xs text-blue-800 dark:text-blue-300">
        {t('knownStakeholder')}
        {person.accountName && <span data-testid="person-account"> · {t('inAccount', { name: person.accountName })}</span>}
      </p>
      <p className="font-semibold">{s.name}</p>
      {s.title && <p className="text-xs text-slate-600 dark:text-slate-300">{s.title}</p>}
      <div className="mt-1 flex flex-wrap items-center gap-1 text-xs">
        <span className="rounded bg-slate-100 px-1.5 py-0.5 dark:bg-slate-800">{t(`role_${s.role}` as MessageKey)}</span>
        <span className={cx('rounded px-1.5 py-0.5', STANCE_STYLE[s.stance])}>{t(`stance_${s.stance}` as MessageKey)}</span>
        <InfluenceDots level={s.influence} label={t(`influence_${s.influence}` as MessageKey)} />
      </div>
      <p className="mt-1 text-xs">
        {t('lastContact')}: {s.lastContactAt ? formatDate(s.lastContactAt, lang) : t('never')}{' '}
        <Button variant="ghost" disabled={!canEdit} aria-describedby={canEdit ? undefined : bannerId} onClick={() => void quick.run('stakeholder.update', s, 'lastContactAt', Date.now())}>
          {t('markContacted')}
        </Button>
      </p>
      {s.notes && <p className="mt-1 text-xs whitespace-pre-wrap text-slate-700 dark:text-slate-200">{s.notes}</p>}
      {person.jobChanges.length > 0 && (
        <div className="mt-2 rounded bg-amber-50 p-1.5 text-xs text-amber-900 dark:bg-amber-950 dark:text-amber-100" role="status" data-testid="job-change">
          <p>{t('jobChangeWarning')}</p>
          <ul className="list-inside list-disc">
            {person.jobChanges.map((j) => (
              <li key={j.field}>{t(j.field === 'title' ? 'jobChangeTitle' : 'jobChangeCompany', { saved: j.saved ?? '—', seen: j.seen ?? '—' })}</li>
            ))}
          </ul>
          {titleChange?.seen && (
            <Button className="mt-1" disabled={!canEdit} aria-describedby={canEdit ? undefined : bannerId} onClick={() => void quick.run('stakeholder.update', s, 'title', titleChange.seen)}>
              {t('updateFromLinkedin')}
            </Button>
          )}
        </div>
      )}
      {/* hidden, not unmounted, while asking: focus comes back to it when the question is answered */}
      {movable && (
        <Button className="mt-1" hidden={asking} onClick={() => setAsking(true)} data-testid="move-here">
          {t('moveHere', { target: account!.name })}
        </Button>
      )}
      {movable && asking && (
        <div className="mt-2">
          <MoveConfirm who={{ name: s.name, account: person.accountName!, accountId: s.accountId, target: account!.name }} busy={moving} onMove={() => void move()} onCancel={() => setAsking(false)} />
        </div>
      )}
      {ownBanner && (
        <div className="-mx-3 mt-2 -mb-2">
          <ViewerBanner id={bannerId} />
        </div>
      )}
      {quick.review}
      {err && <ErrorText>{err}</ErrorText>}
    </div>
  );
}

/** Stakeholder fields as a lower-case word for a sentence ("updated title, LinkedIn profile"). */
const PERSON_FIELD: Record<string, MessageKey> = {
  accountId: 'personField_accountId',
  name: 'personField_name',
  title: 'personField_title',
  location: 'personField_location',
  linkedinUrl: 'personField_linkedinUrl',
  salesNavLeadId: 'personField_salesNavLeadId',
  emails: 'personField_emails',
  role: 'personField_role',
  influence: 'personField_influence',
  stance: 'personField_stance',
  relationship: 'personField_relationship',
  notes: 'personField_notes',
  reportsTo: 'personField_reportsTo',
  lastContactAt: 'personField_lastContactAt',
};

/**
 * What "Add as stakeholder" did to a person who was already saved: the fields it updated, and the
 * stored fields it kept although the page shows something else. `accountName`: said when the
 * user did not pick the account (the person was found in it).
 */
export function alreadySavedText(r: { updated?: string[]; kept?: string[] }, accountName: string | undefined, t: (k: MessageKey, p?: Record<string, string | number>) => string): string {
  const list = (fs: string[]) => fs.map((f) => (PERSON_FIELD[f] ? t(PERSON_FIELD[f]) : f)).join(', ');
  const where = accountName ? t('alreadyIn', { name: accountName }) : t('alreadyInPowerMap');
  const parts = [r.updated?.length ? t('alreadyUpdated', { where, fields: list(r.updated) }) : t('alreadyNothing', { where })];
  if (r.kept?.length) parts.push(t('alreadyKept', { fields: list(r.kept) }));
  return parts.join(' ');
}

export interface StakeholderPrefill {
  name?: string;
  title?: string;
  location?: string;
  linkedinUrl?: string;
  email?: string;
}

/** What the last "Add as stakeholder" did, kept above the person card once the form is gone. */
export function SavedNotice({ text }: { text: string }) {
  return (
    <p role="status" data-testid="add-result" className="mx-3 mb-2 rounded-md bg-emerald-50 p-2 text-xs text-emerald-800 dark:bg-emerald-950 dark:text-emerald-200">
      {text}
    </p>
  );
}

/**
 * One-click add of a person as a stakeholder; role/influence/stance picked in the same panel.
 * Without a matched account the person goes to a new account (from the page's company) or, in
 * the same step, to an existing account found by search (the page's candidates listed first).
 */
export function AddStakeholder({ ctx, account, tabId, prefill, candidates = [], onDone }: { ctx: PageContext; account?: Account; tabId?: number; prefill?: StakeholderPrefill; candidates?: AccountSummary[]; onDone?(accountId: string, message: string): void }) {
  const { t } = useI18n();
  // Adding to the shown account (`account`): only if the user may edit it. Without one the person
  // goes to a new account of theirs, or one they pick (the background refuses a viewer's).
  const shownEditable = useCanEditAccount();
  const canEdit = !account || shownEditable;
  const p = prefill ?? { name: ctx.person?.name, title: ctx.person?.title ?? ctx.person?.headline, location: ctx.person?.location, linkedinUrl: ctx.person?.linkedinUrl, email: ctx.person?.email };
  // Untouched fields follow the page's newest reading (a title LinkedIn renders late); edited ones never do.
  const draft = usePageDraft({ name: p.name ?? '', title: p.title ?? '', companyName: ctx.company?.name ?? '' });
  const edit = draft.set;
  const name = draft.value('name');
  const title = draft.value('title');
  const companyName = draft.value('companyName');
  const setCompanyName = (v: string) => edit('companyName', v);
  const [role, setRole] = useState<Role>('unknown');
  const [influence, setInfluence] = useState<Influence>('medium');
  const [stance, setStance] = useState<Stance>('unknown');
  // Only what the user picked is sent: saving a person who is already known (same profile, or
  // same name in the account) must not reset their role, influence or stance to the defaults.
  const [picked, setPicked] = useState<{ role?: boolean; influence?: boolean; stance?: boolean }>({});
  const [busy, setBusy] = useState(false);
  const [err, setErr] = useState<string | null>(null);
  const [done, setDone] = useState<string | null>(null);
  // No matched account: a new one (default when the page names a company), or an existing one.
  const [target, setTarget] = useState<'new' | 'existing'>(ctx.company?.name ? 'new' : 'existing');
  const [existing, setExisting] = useState<AccountSummary | null>(null);
  // What the form showed before the user touched it: a person already in the power map keeps every
  // stored field the user did not change here (repo.ts UpsertOptions). A field changed here AND set
  // to another value in the dashboard is a conflict: both are shown, the user decides, then it saves
  // again with `shown` moved to the stored value (keep theirs: the draft takes it too).
  // `decidedShown`: after a conflict review, the stored values the user saw (they replace what the
  // page showed for those fields).
  const [decidedShown, setShown] = useState<Record<string, unknown>>({});
  const shown: Record<string, unknown> = {
    name: draft.base('name'),
    title: draft.base('title') || undefined,
    role: 'unknown',
    influence: 'medium',
    stance: 'unknown',
    ...decidedShown,
  };
  const [conflict, setConflict] = useState<{ c: ConflictData; decided: Record<string, 'theirs' | 'mine'> } | null>(null);
  // The person is in another account's power map (saved meanwhile, or a lead known there): asked
  // before moving them, like the dashboard's add (components/ui/MoveConfirm.tsx).
  const [elsewhere, setElsewhere] = useState<PersonElsewhere | null>(null);
  const [moveFrom, setMoveFrom] = useState<{ who: PersonElsewhere } | null>(null);

  function decide(field: string, how: 'theirs' | 'mine') {
    if (!conflict) return;
    const decided = { ...conflict.decided, [field]: how };
    const open = conflict.c.fields.filter((f) => !decided[f.field]);
    if (open.length) return setConflict({ ...conflict, decided });
    const nextShown = { ...decidedShown };
    const kept: Record<string, unknown> = {};
    for (const f of conflict.c.fields) {
      nextShown[f.field] = f.theirs ?? undefined;
      if (decided[f.field] === 'theirs') kept[f.field] = f.theirs ?? undefined;
    }
    // kept theirs: the field shows the stored value, as an edit (the page no longer drives it)
    for (const k of ['name', 'title'] as const) if (k in kept) edit(k, String(kept[k] ?? ''));
    if ('role' in kept) setRole(kept.role as Role);
    if ('influence' in kept) setInfluence(kept.influence as Influence);
    if ('stance' in kept) setStance(kept.stance as Stance);
    setShown(nextShown);
    setConflict(null);
    void save({ ...shown, ...nextShown }, kept);
  }

  async function save(shownNow = shown, decided: Record<string, unknown> = {}, move = moveFrom) {
    if (!account && target === 'existing' && !existing) {
      setErr(t('chooseAccountFirst'));
      return;
    }
    setBusy(true);
    setErr(null);
    try {
      const c = ctx.company;
      const into = account ?? (target === 'existing' ? existing : null);
      const r = await call('stakeholder.save', {
        accountId: into?.id,
        newAccount: into
          ? undefined
          : {
              name: companyName,
              domains: c?.domain ? [c.domain] : [],
              linkedinUrls: c?.linkedinUrl ? [c.linkedinUrl] : [],
              website: c?.website,
              industry: c?.industry,
            },
        stakeholder: {
          name,
          title: title || undefined,
          location: p.location || undefined,
          linkedinUrl: p.linkedinUrl,
          // the lead page's id: the next visit of this lead finds the stakeholder
          salesNavLeadId: ctx.person?.salesNavLeadId,
          emails: p.email ? [p.email] : [],
          role: picked.role ? role : undefined,
          influence: picked.influence ? influence : undefined,
          stance: picked.stance ? stance : undefined,
          ...decided,
        },
        // the location is not editable here: what is sent is what the page shows now
        shown: { ...shownNow, location: p.location || undefined },
        moveFrom: move?.who.accountId,
        tabId,
      });
      const message = r.movedFrom && move ? t('movedTo', { name: r.stakeholder.name, account: move.who.account, target: move.who.target }) : r.created ? (account ? t('saved') : t('addedTo', { name: r.account.name })) : alreadySavedText(r, account ? undefined : r.account.name, t);
      setDone(message);
      // The view reloads with the person now known and this form goes: the parent keeps the message.
      onDone?.(r.account.id, message);
    } catch (e) {
      const c = conflictOf(e);
      const w = personElsewhereOf(e);
      if (c) setConflict({ c, decided: {} });
      else if (w) setElsewhere(w);
      else setErr(errorText(t, e)); // the form keeps everything typed
    } finally {
      setBusy(false);
    }
  }

  const sel = 'w-full rounded border border-slate-300 bg-white px-1 py-1 text-xs dark:border-slate-600 dark:bg-slate-800';
  const inp = 'w-full rounded border border-slate-300 bg-white px-1.5 py-1 text-xs dark:border-slate-600 dark:bg-slate-800';
  return (
    <form
      className="mx-3 mb-2 rounded-md border border-slate-200 p-2 dark:border-slate-700"
      aria-label={t('addAsStakeholder')}
      onSubmit={(e) => {
        e.preventDefault();
        void save();
      }}
    >
      <p className="mb-1 text-xs font-semibold">{t('addAsStakeholder')}</p>
      <EditLock canEdit={canEdit}>
      <div className="grid grid-cols-2 gap-1">
        <label className="col-span-2 text-xs">
          <span className="sr-only">{t('name')}</span>
          <input className={inp} value={name} onChange={(e) => edit('name', e.target.value)} placeholder={t('name')} aria-label={t('name')} />
        </label>
        <label className="col-span-2 text-xs">
          <span className="sr-only">{t('title')}</span>
          <input className={inp} value={title} onChange={(e) => edit('title', e.target.value)} placeholder={t('title')} aria-label={t('title')} />
        </label>
        {!account && (
          <fieldset className="col-span-2 text-xs" data-testid="add-target">
            <legend className="font-medium">{t('addTo')}</legend>
            <label className="mr-2 inline-flex items-center gap-1">
              <input type="radio" name="add-target" checked={target === 'new'} onChange={() => setTarget('new')} />
              {t('addToNew')}
            </label>
            <label className="inline-flex items-center gap-1">
              <input type="radio" name="add-target" checked={target === 'existing'} onChange={() => setTarget('existing')} />
              {t('addToExisting')}
            </label>
            {target === 'new' ? (
              <>
                <input className={inp} value={companyName} onChange={(e) => setCompanyName(e.target.value)} placeholder={t('company')} aria-label={t('company')} />
                {companyName && <span className="text-slate-500 dark:text-slate-400">{t('newAccountFromCompany', { name: companyName })}</span>}
              </>
            ) : (
              <AccountPicker candidates={candidates} value={existing} onChange={setExisting} />
            )}
          </fieldset>
        )}
        <select className={sel} aria-label={t('role')} value={role} onChange={(e) => {
            setRole(e.target.value as Role);
            setPicked((p) => ({ ...p, role: true }));
          }}>
          {ROLES.map((r) => (
            <option key={r} value={r}>
              {t(`role_${r}` as MessageKey)}
            </option>
          ))}
        </select>
        <select className={sel} aria-label={t('influence')} value={influence} onChange={(e) => {
            setInfluence(e.target.value as Influence);
            setPicked((p) => ({ ...p, influence: true }));
          }}>
          {INFLUENCES.map((r) => (
            <option key={r} value={r}>
              {t(`influence_${r}` as MessageKey)}
            </option>
          ))}
        </select>
        <select className={cx(sel, 'col-span-2')} aria-label={t('stance')} value={stance} onChange={(e) => {
            setStance(e.target.value as Stance);
            setPicked((p) => ({ ...p, stance: true }));
          }}>
          {STANCES.map((r) => (
            <option key={r} value={r}>
              {t(`stance_${r}` as MessageKey)}
            </option>
          ))}
        </select>
      </div>
      <Button type="submit" variant="primary" className="mt-2" disabled={busy || !!conflict || !!elsewhere || !name.trim()}>
        {t('addAsStakeholder')}
      </Button>
      </EditLock>
      {elsewhere && (
        <div className="mt-2">
          <MoveConfirm
            who={elsewhere}
            busy={busy}
            onMove={() => {
              const move = { who: elsewhere };
              setMoveFrom(move);
              setElsewhere(null);
              void save(shown, {}, move);
            }}
            onCancel={() => setElsewhere(null)}
          />
        </div>
      )}
      {conflict && (
        <div className="mt-2">
          <ConflictReview fields={conflict.c.fields.filter((f) => !conflict.decided[f.field])} onKeepTheirs={(f) => decide(f, 'theirs')} onApplyMine={(f) => decide(f, 'mine')} />
        </div>
      )}
      {done && (
        <p role="status" className="mt-1 text-xs text-emerald-700 dark:text-emerald-300">
          {done}
        </p>
      )}
      {err && <ErrorText>{t('unsavedKept', { error: err })}</ErrorText>}
    </form>
  );
}

/** Search-and-pick of an existing account (the page's candidates first, then search results). */
function AccountPicker({ candidates, value, onChange }: { candidates: AccountSummary[]; value: AccountSummary | null; onChange(a: AccountSummary | null): void }) {
  const { t } = useI18n();
  const [q, setQ] = useState('');
  const [results, setResults] = useState<AccountSummary[]>([]);
  useEffect(() => {
    let live = true;
    const h = setTimeout(() => {
      call('account.search', { q, limit: 6 }).then((r) => live && setResults(r), () => live && setResults([]));
    }, 120);
    return () => {
      live = false;
      clearTimeout(h);
    };
  }, [q]);
  const list = [...candidates, ...results.filter((r) => !candidates.some((c) => c.id === r.id))].slice(0, 8);
  return (
    <div>
      <input type="search" className="w-full rounded border border-slate-300 bg-white px-1.5 py-1 text-xs dark:border-slate-600 dark:bg-slate-800" value={q} onChange={(e) => setQ(e.target.value)} placeholder={t('searchAccounts')} aria-label={t('searchAccounts')} />
      <div role="radiogroup" aria-label={t('addToExisting')} className="mt-1 max-h-32 space-y-0.5 overflow-auto">
        {list.map((a) => (
          <label key={a.id} className="flex items-center gap-1">
            <input type="radio" name="add-existing" checked={value?.id === a.id} onChange={() => onChange(a)} />
            <span className="truncate">{a.name}</span>
          </label>
        ))}
        {list.length === 0 && <p className="text-slate-500 dark:text-slate-400">{t('noResults')}</p>}
      </div>
    </div>
  );
}
