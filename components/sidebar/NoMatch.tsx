// No account chosen for this page: say what was seen; when several accounts could match (a
// shared domain, a generic name), list them to pick from — ambiguity is shown, not guessed; then
// link an existing account, or create one, asking how its pages will be recognised (prefilled
// from the page). Every pick is remembered for the next visit (learned links).
import { useEffect, useRef, useState } from 'react';
import { call } from '@/lib/messaging/client';
import type { AccountSummary, CandidateSummary } from '@/lib/messaging/protocol';
import type { MessageKey } from '@/lib/i18n';
import type { PageContext } from '@/lib/types';
import { displayDomain } from '@/lib/keys/display';
import { useI18n } from '../i18n';
import { errorText } from '../ui/errorText';
import { Button, ErrorText } from '../ui';
import { KeyPreview } from '../ui/KeyPreview';
import { useKeyPreview, type KeyPreviewSource } from '../ui/useKeyPreview';
import { usePageDraft } from './usePageDraft';

const inp = 'w-full rounded border border-slate-300 bg-white px-1.5 py-1 text-xs dark:border-slate-600 dark:bg-slate-800';

/** The sidebar cannot open IndexedDB when framed: the background computes the preview. */
const fromBackground: KeyPreviewSource = (account, exceptId) => call('account.keys', { account, exceptId });

export function NoMatch({ ctx, domains, candidates = [], tabId, onLinked }: { ctx: PageContext; domains: string[]; candidates?: CandidateSummary[]; tabId?: number; onLinked(id: string): void }) {
  const { t } = useI18n();
  const [q, setQ] = useState('');
  const draftId = useRef<string | undefined>(undefined);
  const [results, setResults] = useState<AccountSummary[]>([]);
  const [err, setErr] = useState<string | null>(null);
  // As matching sees them: registrable, free-mail and the mailbox owner's own domain left out.
  const domain = domains[0];
  // Untouched fields follow the page's newest reading (a company's website rendered late); edited ones never do.
  const draft = usePageDraft({ name: ctx.company?.name ?? '', domain: domain ? displayDomain(domain) : '', website: ctx.company?.website ?? '', linkedin: ctx.company?.linkedinUrl ?? '' });
  const [name, domainIn, website, liPage] = [draft.value('name'), draft.value('domain'), draft.value('website'), draft.value('linkedin')];
  const setName = (v: string) => draft.set('name', v);
  const setDomainIn = (v: string) => draft.set('domain', v);
  const setWebsite = (v: string) => draft.set('website', v);
  const setLiPage = (v: string) => draft.set('linkedin', v);
  const [confirmDup, setConfirmDup] = useState(false);
  const fields = { domains: domainIn.trim() ? [domainIn.trim()] : [], website: website.trim() || undefined, linkedinUrls: liPage.trim() ? [liPage.trim()] : [] };
  const preview = useKeyPreview(fromBackground, fields);
  const strong = candidates.filter((c) => c.reasons.some((r) => !(r.kind === 'name' && r.generic)));
  const weak = candidates.filter((c) => !strong.includes(c));

  useEffect(() => {
    let live = true;
    const h = setTimeout(() => {
      call('account.search', { q, limit: 8 }).then((r) => live && setResults(r), (e) => live && setErr(errorText(t, e)));
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
      setErr(errorText(t, e));
    }
  }
  async function create() {
    if (preview?.owners.length && !confirmDup) {
      setConfirmDup(true); // flagged: the user chooses open / link instead / create anyway
      return;
    }
    try {
      draftId.current ??= crypto.randomUUID();
      // id: the same draft clicked twice creates one account
      const a = await call('account.create', { account: { name, ...fields, industry: ctx.company?.industry }, id: draftId.current, tabId });
      onLinked(a.id);
    } catch (e) {
      setErr(t('unsavedKept', { error: errorText(t, e) }));
    }
  }
  const reason = (c: CandidateSummary) =>
    c.reasons
      .map((r) => (r.kind === 'domain' ? t('sawDomain', { domain: displayDomain(r.domain) }) : t(`reason_${r.kind}` as MessageKey)))
      .filter((x, i, a) => a.indexOf(x) === i)
      .join(', ');
  const pickList = (list: CandidateSummary[]) => (
    <ul className="mt-1 space-y-1">
      {list.map((c) => (
        <li key={c.id} className="flex items-center justify-between gap-2 rounded border border-slate-200 px-2 py-1 dark:border-slate-700">
          <span className="min-w-0">
            <span className="block truncate text-xs font-medium">{c.name}</span>
            <span className="block truncate text-xs text-slate-500 dark:text-slate-400">{reason(c)}</span>
          </span>
          <Button variant="primary" onClick={() => void link(c.id)} aria-label={t('labelValue', { label: t('thisAccount'), value: c.name })}>
            {t('thisAccount')}
          </Button>
        </li>
      ))}
    </ul>
  );

  return (
    <div className="px-3 py-2" data-testid="no-match">
      {strong.length > 0 ? (
        <div data-testid="which-account">
          <p className="font-medium">{t('whichAccount')}</p>
          <p className="text-xs text-slate-600 dark:text-slate-300">{t('whichAccountHint')}</p>
          {pickList(strong)}
        </div>
      ) : (
        <p className="font-medium">{t('noMatch')}</p>
      )}
      {weak.length > 0 && (
        <div className="mt-2" data-testid="suggested-accounts">
          <p className="text-xs text-slate-600 dark:text-slate-300">{t('suggestedAccounts')}</p>
          {pickList(weak)}
        </div>
      )}
      {(ctx.company?.name || domain) && (
        <div className="mt-1 text-xs text-slate-600 dark:text-slate-300">
          <p>{t('sawOnPage')}:</p>
          {ctx.company?.name && <p>{t('sawCompany', { name: ctx.company.name })}</p>}
          {domain && <p>{t('sawDomain', { domain: displayDomain(domain) })}</p>}
        </div>
      )}
      <h2 className="mt-3 text-xs font-semibold">{t('linkExisting')}</h2>
      <input type="search" className={`mt-1 ${inp}`} value={q} onChange={(e) => setQ(e.target.value)} placeholder={t('searchAccounts')} aria-label={t('searchAccounts')} />
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
        className="mt-1 space-y-1"
        aria-label={t('createAccount')}
        onSubmit={(e) => {
          e.preventDefault();
          if (name.trim()) void create();
        }}
      >
        <input className={inp} value={name} onChange={(e) => setName(e.target.value)} aria-label={t('name')} placeholder={t('name')} />
        <fieldset className="rounded border border-slate-200 p-1.5 dark:border-slate-700">
          <legend className="px-1 text-xs font-medium">{t('recogniseTitle')}</legend>
          <p className="mb-1 text-xs text-slate-500 dark:text-slate-400">{t('recogniseHint')}</p>
          <div className="space-y-1">
            <input className={inp} value={domainIn} onChange={(e) => (setDomainIn(e.target.value), setConfirmDup(false))} aria-label={t('fieldDomain')} placeholder={t('fieldDomain')} />
            <input className={inp} value={website} onChange={(e) => (setWebsite(e.target.value), setConfirmDup(false))} aria-label={t('website')} placeholder={t('website')} />
            <input className={inp} value={liPage} onChange={(e) => (setLiPage(e.target.value), setConfirmDup(false))} aria-label={t('fieldLinkedinPage')} placeholder={t('fieldLinkedinPage')} />
          </div>
          <KeyPreview preview={preview} onLink={tabId !== undefined ? (id) => void link(id) : undefined} />
        </fieldset>
        <Button type="submit" variant="primary" disabled={!name.trim() || !!preview?.problems.length}>
          {confirmDup ? t('createAnyway') : t('createAccount')}
        </Button>
      </form>
      {err && <ErrorText>{err}</ErrorText>}
    </div>
  );
}
