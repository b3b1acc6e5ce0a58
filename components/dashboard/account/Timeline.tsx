// Actions and notes of the account: open actions (add, done, delete with undo), then a
// timeline of notes and completed actions, newest first.
import { useRef, useState } from 'react';
import { getDb } from '@/lib/db/db';
import { ACTION_KINDS, PRIORITIES, type Account, type Action, type Note, type Stakeholder } from '@/lib/db/model';
import { addAction, addNote, deleteAction, deleteNote, patchAction, restoreRecords } from '@/lib/db/repo';
import { sortActions } from '@/lib/views/account-view';
import { formatDate, formatDay, type MessageKey } from '@/lib/i18n';
import { isOverdue, today } from '@/lib/dates/calendar-date';
import { useI18n } from '../../i18n';
import { Button, cx } from '../../ui';
import { useWrite } from '../write';
import { useQuickEdit } from '../useQuickEdit';
import { Card, DateInput, Select, TextInput, inputCls } from '../fields';

export function Timeline({ account, actions, notes, stakeholders }: { account: Account; actions: Action[]; notes: Note[]; stakeholders: Stakeholder[] }) {
  const { t, lang } = useI18n();
  const write = useWrite();
  const now = Date.now();
  const open = sortActions(actions.filter((a) => a.status === 'open'));
  const people = new Map(stakeholders.map((s) => [s.id, s.name]));
  type Item = { kind: 'note'; at: number; note: Note } | { kind: 'action'; at: number; action: Action };
  const items: Item[] = [
    ...notes.map((n) => ({ kind: 'note' as const, at: n.createdAt, note: n })),
    ...actions.filter((a) => a.status !== 'open').map((a) => ({ kind: 'action' as const, at: a.doneAt ?? a.updatedAt, action: a })),
  ].sort((a, b) => b.at - a.at);

  // One-click status changes: a field-level patch with the status shown (useQuickEdit).
  const quick = useQuickEdit();
  const done = (a: Action) =>
    quick(a, 'status', 'done', (p, onConflict) =>
      write((db) => patchAction(db, a.id, p), ['actions'], {
        ok: t('actionDone'),
        undo: () => () => patchAction(getDb(), a.id, { set: { status: 'open' }, base: { status: 'done' } }),
        onConflict,
      }),
    );
  const reopen = (a: Action) => quick(a, 'status', 'open', (p, onConflict) => write((db) => patchAction(db, a.id, p), ['actions'], { onConflict }));
  const removeAction = (a: Action) =>
    write((db) => deleteAction(db, a.id), ['actions'], {
      ok: t('actionDeleted'),
      undo: (x) => () => restoreRecords(getDb(), { actions: x ? [x] : [] }),
    });
  const removeNote = (n: Note) =>
    write((db) => deleteNote(db, n.id), ['notes'], {
      ok: t('noteDeleted'),
      undo: (x) => () => restoreRecords(getDb(), { notes: x ? [x] : [] }),
    });

  return (
    <Card title={t('timeline')} id="sec-timeline">
      <div className="grid gap-6 lg:grid-cols-2">
        <div className="space-y-3">
          <h3 className="text-sm font-semibold">{t('nextActions')}</h3>
          <NewActionForm accountId={account.id} stakeholders={stakeholders} />
          {open.length === 0 && <p className="text-sm text-slate-500 dark:text-slate-400">{t('noOpenActions')}</p>}
          <ul className="space-y-1" data-testid="open-actions">
            {open.map((a) => {
              const late = isOverdue(a.dueAt, today(now));
              return (
                <li key={a.id} className="flex items-center gap-2 rounded border border-slate-200 px-2 py-1 text-sm dark:border-slate-700">
                  <input type="checkbox" className="h-4 w-4 focus-visible:outline-2 focus-visible:outline-blue-500" aria-label={t('markDone', { title: a.title })} checked={false} onChange={() => void done(a)} />
                  <span className="flex-1">
                    {a.title}
                    <span className="block text-xs text-slate-500 dark:text-slate-400">
                      {t(`kind_${a.kind}` as MessageKey)}
                      {a.priority !== 'normal' && ` · ${t(`prio_${a.priority}` as MessageKey)}`}
                      {a.stakeholderId && people.get(a.stakeholderId) ? ` · ${people.get(a.stakeholderId)}` : ''}
                    </span>
                  </span>
                  <span className={cx('text-xs whitespace-nowrap', late ? 'font-semibold text-red-700 dark:text-red-300' : 'text-slate-600 dark:text-slate-300')}>
                    {late && `${t('overdue')} · `}
                    {a.dueAt ? formatDay(a.dueAt, lang) : ''}
                  </span>
                  <Button variant="ghost" aria-label={t('deleteAction', { title: a.title })} onClick={() => void removeAction(a)}>
                    ✕
                  </Button>
                </li>
              );
            })}
          </ul>
        </div>
        <div className="space-y-3">
          <h3 className="text-sm font-semibold">{t('notes')}</h3>
          <NoteForm accountId={account.id} />
          {items.length === 0 && <p className="text-sm text-slate-500 dark:text-slate-400">{t('noNotes')}</p>}
          <ol className="space-y-2" data-testid="timeline">
            {items.map((it) =>
              it.kind === 'note' ? (
                <li key={it.note.id} className="rounded border border-slate-200 bg-white p-2 text-sm dark:border-slate-700 dark:bg-slate-900">
                  <div className="mb-1 flex items-center gap-2 text-xs text-slate-500 dark:text-slate-400">
                    <span>{formatDate(it.note.createdAt, lang)}</span>
                    {it.note.source.site !== 'dashboard' && <span>· {it.note.source.site}</span>}
                    {it.note.source.subject && <span className="truncate">· {it.note.source.subject}</span>}
                    <Button variant="ghost" className="ml-auto" aria-label={t('deleteNote', { date: formatDate(it.note.createdAt, lang), start: noteStart(it.note.body) })} onClick={() => void removeNote(it.note)}>
                      ✕
                    </Button>
                  </div>
                  <p className="whitespace-pre-wrap">{it.note.body}</p>
                </li>
              ) : (
                <li key={it.action.id} className="flex items-center gap-2 rounded border border-dashed border-slate-200 px-2 py-1 text-sm text-slate-600 dark:border-slate-700 dark:text-slate-300">
                  <span aria-hidden>✓</span>
                  <span className="flex-1 line-through decoration-slate-400">{it.action.title}</span>
                  <span className="text-xs">{t('doneOn', { date: formatDate(it.at, lang) })}</span>
                  <Button variant="ghost" aria-label={t('reopenAction', { title: it.action.title })} onClick={() => void reopen(it.action)}>
                    ↺
                  </Button>
                </li>
              ),
            )}
          </ol>
        </div>
      </div>
    </Card>
  );
}

function NewActionForm({ accountId, stakeholders }: { accountId: string; stakeholders: Stakeholder[] }) {
  const { t } = useI18n();
  const write = useWrite();
  const [title, setTitle] = useState('');
  const [dueAt, setDueAt] = useState<string | undefined>(undefined);
  const [priority, setPriority] = useState<Action['priority']>('normal');
  const [kind, setKind] = useState<Action['kind']>('task');
  const [who, setWho] = useState('');
  // One id per draft (and one request at a time): a double click or Enter twice adds one action.
  const draftId = useRef(crypto.randomUUID());
  const busy = useRef(false);
  return (
    <form
      className="grid items-end gap-2 rounded border border-slate-200 p-2 sm:grid-cols-2 dark:border-slate-700"
      aria-label={t('addAction')}
      onSubmit={async (e) => {
        e.preventDefault();
        if (busy.current || !title.trim()) return;
        busy.current = true;
        try {
          const id = draftId.current;
          const r = await write((db) => addAction(db, { accountId, title, dueAt, priority, kind, stakeholderId: who || undefined, source: 'dashboard' }, Date.now(), { id }), ['actions']);
          if (r) {
            setTitle('');
            setDueAt(undefined);
            draftId.current = crypto.randomUUID();
          }
        } finally {
          busy.current = false;
        }
      }}
    >
      <TextInput label={t('actionTitle')} placeholder={t('newAction')} value={title} onChange={(e) => setTitle(e.target.value)} className="sm:col-span-2" />
      <DateInput label={t('dueDate')} value={dueAt} onChange={setDueAt} />
      <Select label={t('priority')} value={priority} options={PRIORITIES.map((p) => ({ value: p, label: t(`prio_${p}` as MessageKey) }))} onChange={setPriority} />
      <Select label={t('kind')} value={kind} options={ACTION_KINDS.map((k) => ({ value: k, label: t(`kind_${k}` as MessageKey) }))} onChange={setKind} />
      <Select label={t('thisPerson')} value={who} options={[{ value: '', label: t('nobody') }, ...stakeholders.map((s) => ({ value: s.id, label: s.name }))]} onChange={setWho} />
      <Button type="submit" variant="primary" size="md" disabled={!title.trim()} className="sm:col-span-2 sm:justify-self-start">
        {t('addAction')}
      </Button>
    </form>
  );
}

function NoteForm({ accountId }: { accountId: string }) {
  const { t } = useI18n();
  const write = useWrite();
  const [note, setNote] = useState('');
  // One id per draft (and one request at a time): a double click adds one note.
  const draftId = useRef(crypto.randomUUID());
  const busy = useRef(false);
  return (
    <form
      className="flex gap-2"
      aria-label={t('addNote')}
      onSubmit={async (e) => {
        e.preventDefault();
        if (busy.current || !note.trim()) return;
        busy.current = true;
        try {
          const id = draftId.current;
          const r = await write((db) => addNote(db, { accountId, body: note, source: { site: 'dashboard' } }, Date.now(), { id }), ['notes']);
          if (r) {
            setNote('');
            draftId.current = crypto.randomUUID();
          }
        } finally {
          busy.current = false;
        }
      }}
    >
      <textarea className={cx(inputCls, 'min-h-16 flex-1')} value={note} onChange={(e) => setNote(e.target.value)} aria-label={t('newNote')} placeholder={t('newNote')} />
      <Button type="submit" variant="primary" size="md" disabled={!note.trim()} className="self-start">
        {t('addNote')}
      </Button>
    </form>
  );
}

/** The first words of a note, to tell its Delete button from the others' (screen readers list them all). */
export function noteStart(body: string): string {
  const line = body.trim().split('\n')[0]!.trim();
  return line.length > 40 ? `${line.slice(0, 40).trimEnd()}…` : line;
}
