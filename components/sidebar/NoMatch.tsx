// No account for this page: say what was seen, then offer to link an existing account or create
// one prefilled. Both are remembered for the next visit (learned links).
import { useEffect, useState, useRef } from 'react';
import { call } from '@/lib/messaging/client';
import type { AccountSummary } from '@/lib/messaging/protocol';
import type { PageContext } from '@/lib/types';
import { useI18n } from '../i18n';
import { Button, ErrorText } from '../ui';

export function NoMatch({ ctx, domains, tabId, onLinked }: { ctx: PageContext; domains: string[]; tabId?: number; onLinked(id: string): void }) {
  const { t } = useI18n();
  const [q, setQ] = useState('');
  const draftId = useRef<string | undefined>(undefined);
  const [results, setResults] = useState<AccountSummary[]>([]);
  const [err, setErr] = useState<string | null>(null);
  const [name, setName] = useState(ctx.company?.name ?? '');
  // As matching sees them: registrable, free-mail and the mailbox owner's own domain left out.
  const domain = domains[0];

  useEffect(() => {
    let live = true;
    const h = setTimeout(() => {
      call('account.search', { q, limit: 8 }).then((r) => live && setResults(r), (e) => live && setErr((e as Error).message));
    }, 120);
    return () => {
      live = false;
      clearTimeout(h);
    };
  }, [q]);

  async function link(id: string) {
    if (tabId === undefined) return;
    try {
      await call('match.confirm', { tabId, accountId: id, url: ctx.url });
      onLinked(id);
    } catch (e) {
      setErr((e as Error).message);
    }
  }
  async function create() {
    try {
      draftId.current ??= crypto.randomUUID();
      const c = ctx.company;
      const a = await call('account.create', {
        account: { name, domains: domain ? [domain] : [], linkedinUrls: c?.linkedinUrl ? [c.linkedinUrl] : [], website: c?.website, industry: c?.industry },
        tabId,
        id: draftId.current, // the same draft clicked twice creates one account
      });
      onLinked(a.id);
    } catch (e) {
      setErr(t('unsavedKept', { error: (e as Error).message }));
    }
  }

  return (
    <div className="px-3 py-2" data-testid="no-match">
      <p className="font-medium">{t('noMatch')}</p>
      {(ctx.company?.name || domain) && (
        <div className="mt-1 text-xs text-slate-600 dark:text-slate-300">
          <p>{t('sawOnPage')}:</p>
          {ctx.company?.name && <p>{t('sawCompany', { name: ctx.company.name })}</p>}
          {domain && <p>{t('sawDomain', { domain })}</p>}
        </div>
      )}
      <h2 className="mt-3 text-xs font-semibold">{t('linkExisting')}</h2>
      <input
        type="search"
        className="mt-1 w-full rounded border border-slate-300 bg-white px-1.5 py-1 text-xs dark:border-slate-600 dark:bg-slate-800"
        value={q}
        onChange={(e) => setQ(e.target.value)}
        placeholder={t('searchAccounts')}
        aria-label={t('searchAccounts')}
      />
      <ul className="mt-1 space-y-0.5">
        {results.map((r) => (
          <li key={r.id}>
            <Button variant="ghost" onClick={() => void link(r.id)}>
              {r.name}
            </Button>
          </li>
        ))}
        {results.length === 0 && q && <li className="text-xs text-slate-500 dark:text-slate-400">{t('noResults')}</li>}
      </ul>
      <h2 className="mt-3 text-xs font-semibold">{t('createAccount')}</h2>
      <form
        className="mt-1 flex gap-1"
        onSubmit={(e) => {
          e.preventDefault();
          if (name.trim()) void create();
        }}
      >
        <input className="flex-1 rounded border border-slate-300 bg-white px-1.5 py-1 text-xs dark:border-slate-600 dark:bg-slate-800" value={name} onChange={(e) => setName(e.target.value)} aria-label={t('name')} placeholder={t('name')} />
        <Button type="submit" variant="primary" disabled={!name.trim()}>
          {t('createAccount')}
        </Button>
      </form>
      {err && <ErrorText>{err}</ErrorText>}
    </div>
  );
}
