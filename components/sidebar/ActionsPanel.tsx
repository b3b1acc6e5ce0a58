import { useEffect, useRef, useState } from 'react';
import { call } from '@/lib/messaging/client';
import { formatDay } from '@/lib/i18n';
import type { AccountView } from '@/lib/messaging/protocol';
import { addDays, isOverdue, today, type CalendarDate } from '@/lib/dates/calendar-date';
import { useI18n } from '../i18n';
import { errorText } from '../ui/errorText';
import { useQuickPatch } from './useQuickPatch';
import { Button, ErrorText, Section, cx } from '../ui';
import { EditLock, useCanEditAccount } from './ReadOnly';

/** The calendar day `days` after today (local): "next week" on 21 March is 28 March, whatever the clocks do. */
export function dueIn(days: number, nowMs = Date.now()): CalendarDate {
  return addDays(today(nowMs), days);
}

export function ActionsPanel({ account }: { account: AccountView }) {
  const { t, lang } = useI18n();
  const canEdit = useCanEditAccount();
  const [title, setTitle] = useState('');
  const [due, setDue] = useState(3);
  const [err, setErr] = useState<string | null>(null);
  const [busy, setBusy] = useState(false);
  // The last action ticked done: it leaves the list, so say so and offer Undo (focus goes there
  // rather than being lost with the checkbox).
  const [done, setDone] = useState<{ id: string; title: string } | null>(null);
  const undoRef = useRef<HTMLButtonElement>(null);
  useEffect(() => {
    if (done) undoRef.current?.focus();
  }, [done]);
  const day = today();

  // a field-level patch with the status shown (the same action done in another tab is no conflict)
  const quick = useQuickPatch(setErr);
  async function markDone(a: AccountView['actions'][number]) {
    if (await quick.run('action.update', a, 'status', 'done')) setDone({ id: a.id, title: a.title });
  }
  async function undoDone() {
    if (!done) return;
    try {
      await call('action.update', { id: done.id, patch: { status: 'open' } });
      setDone(null);
    } catch (e) {
      setErr(errorText(t, e));
    }
  }

  // One id per draft: the same action sent twice (double click, retry) is written once.
  const draftId = useRef(crypto.randomUUID());
  async function add() {
    if (busy) return; // a double click or Enter twice adds one action
    setBusy(true);
    try {
      await call('action.add', { id: draftId.current, accountId: account.account.id, title, dueAt: dueIn(due), source: 'web' });
      setTitle('');
      draftId.current = crypto.randomUUID();
      setErr(null);
    } catch (e) {
      setErr(t('unsavedKept', { error: errorText(t, e) }));
    } finally {
      setBusy(false);
    }
  }
  const choices: [number, string][] = [
    [0, t('dueToday')],
    [3, t('dueIn3')],
    [7, t('dueNextWeek')],
  ];
  return (
    <Section title={t('nextActions')} id="kal-actions">
      {account.actions.length === 0 && <p className="text-xs text-slate-500 dark:text-slate-400">{t('noActions')}</p>}
      <EditLock canEdit={canEdit}>
      <ul className="space-y-1" data-testid="actions">
        {account.actions.map((a) => {
          const overdue = isOverdue(a.dueAt, day);
          return (
            <li key={a.id} className="flex items-start gap-2 text-xs">
              <input
                type="checkbox"
                className="mt-0.5"
                aria-label={t('markDone', { title: a.title })}
                onChange={() => void markDone(a)}
              />
              <span className="flex-1">
                {a.title}
                {a.dueAt !== undefined && (
                  <span className={cx('ml-1', overdue ? 'font-semibold text-red-700 dark:text-red-300' : 'text-slate-500 dark:text-slate-400')}>
                    {overdue ? `${t('overdue')} · ${formatDay(a.dueAt, lang)}` : t('due', { date: formatDay(a.dueAt, lang) })}
                  </span>
                )}
              </span>
            </li>
          );
        })}
      </ul>
      {quick.review}
      {done && (
        <p role="status" className="mt-1 flex items-center gap-2 text-xs text-emerald-800 dark:text-emerald-200">
          <span className="flex-1">{t('actionDoneNamed', { title: done.title })}</span>
          <Button ref={undoRef} onClick={() => void undoDone()}>
            {t('undoShort')}
          </Button>
        </p>
      )}
      <form
        className="mt-2 flex flex-col gap-1"
        onSubmit={(e) => {
          e.preventDefault();
          if (title.trim()) void add();
        }}
      >
        <input
          className="w-full rounded border border-slate-300 bg-white px-1.5 py-1 text-xs dark:border-slate-600 dark:bg-slate-800"
          value={title}
          onChange={(e) => setTitle(e.target.value)}
          placeholder={t('newAction')}
          aria-label={t('newAction')}
        />
        <div className="flex items-center gap-1">
          <fieldset className="flex gap-1">
            <legend className="sr-only">{t('dueWhen')}</legend>
            {choices.map(([d, label]) => (
              <label
                key={d}
                className={cx(
                  'cursor-pointer rounded-md px-2 py-1 text-xs font-medium focus-within:outline-2 focus-within:outline-blue-500',
                  due === d ? 'bg-blue-100 text-blue-900 dark:bg-blue-900 dark:text-blue-100' : 'bg-slate-100 text-slate-800 dark:bg-slate-800 dark:text-slate-100',
                )}
              >
                <input type="radio" name="kal-due" className="sr-only" checked={due === d} onChange={() => setDue(d)} />
                {label}
              </label>
            ))}
          </fieldset>
          <Button type="submit" variant="primary" className="ml-auto" disabled={!title.trim() || busy}>
            {t('addAction')}
          </Button>
        </div>
      </form>
      </EditLock>
      {err && <ErrorText>{err}</ErrorText>}
    </Section>
  );
}
