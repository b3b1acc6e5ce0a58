import { useState, useRef } from 'react';
import { call } from '@/lib/messaging/client';
import { formatDate } from '@/lib/i18n';
import type { AccountView } from '@/lib/messaging/protocol';
import type { PageContext } from '@/lib/types';
import { useI18n } from '../i18n';
import { errorText } from '../ui/errorText';
import { Button, ErrorText, Section } from '../ui';
import { EditLock, useCanEditAccount } from './ReadOnly';

export function NotesPanel({ account, ctx }: { account: AccountView; ctx: PageContext }) {
  const { t, lang } = useI18n();
  const canEdit = useCanEditAccount();
  const [body, setBody] = useState('');
  const [err, setErr] = useState<string | null>(null);
  const [busy, setBusy] = useState(false);
  // One id per draft: the same note sent twice (double click, retry) is written once.
  const draftId = useRef(crypto.randomUUID());
  const threadId = ctx.kind === 'thread' ? ctx.thread?.id : undefined;
  const site = ctx.site;

  async function add() {
    if (busy) return; // Ctrl+Enter then a click must not save the note twice
    setBusy(true);
    try {
      await call('note.add', {
        id: draftId.current,
        accountId: account.account.id,
        body,
        threadId,
        source: { site, url: /^https?:/.test(ctx.url) ? ctx.url : undefined, subject: ctx.thread?.subject },
      });
      setBody('');
      draftId.current = crypto.randomUUID();
      setErr(null);
    } catch (e) {
      setErr(t('unsavedKept', { error: errorText(t, e) }));
    } finally {
      setBusy(false);
    }
  }

  return (
    <Section title={t('notes')} id="kal-notes">
      <EditLock canEdit={canEdit}>
      <form
        className="mb-2"
        onSubmit={(e) => {
          e.preventDefault();
          if (body.trim()) void add();
        }}
      >
        <textarea
          className="w-full rounded border border-slate-300 bg-white px-1.5 py-1 text-xs dark:border-slate-600 dark:bg-slate-800"
          rows={2}
          value={body}
          onChange={(e) => setBody(e.target.value)}
          onKeyDown={(e) => {
            if (e.key === 'Enter' && (e.ctrlKey || e.metaKey) && body.trim()) void add();
          }}
          placeholder={t('newNote')}
          aria-label={t('newNote')}
        />
        <div className="flex items-center justify-between">
          {threadId ? <span className="text-[11px] text-slate-500 dark:text-slate-400">{t('noteForThread')}</span> : <span />}
          <Button type="submit" variant="primary" disabled={!body.trim() || busy}>
            {t('addNote')}
          </Button>
        </div>
        {err && <ErrorText>{err}</ErrorText>}
      </form>
      </EditLock>
      {account.notes.length === 0 && <p className="text-xs text-slate-500 dark:text-slate-400">{t('noNotes')}</p>}
      <ul className="space-y-1.5" data-testid="notes">
        {account.notes.map((n) => (
          <li key={n.id} className="text-xs">
            <p className="text-[11px] text-slate-500 dark:text-slate-400">
              {formatDate(n.createdAt, lang)}
              {threadId && n.threadId === threadId && <span className="ml-1 rounded bg-blue-100 px-1 text-blue-900 dark:bg-blue-900 dark:text-blue-100">{t('aboutThread')}</span>}
              {n.source.subject && n.threadId !== threadId && <span className="ml-1">· {n.source.subject}</span>}
            </p>
            <p className="whitespace-pre-wrap">{n.body}</p>
          </li>
        ))}
      </ul>
    </Section>
  );
}
