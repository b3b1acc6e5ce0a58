// The sidebar: the account behind the page, with what a KAM needs at a glance.
import { useEffect, useState } from 'react';
import { call } from '@/lib/messaging/client';
import { markOnce } from '@/lib/timing';
import { useI18n } from '../i18n';
import { Button, ErrorText } from '../ui';
import { useSidebarView } from './useSidebarView';
import { AccountHeader } from './AccountHeader';
import { RedFlags } from './RedFlags';
import { PersonCard, AddStakeholder, SavedNotice } from './PersonCard';
import { PlanSummary } from './PlanSummary';
import { PowerMap } from './PowerMap';
import { ActionsPanel } from './ActionsPanel';
import { NotesPanel } from './NotesPanel';
import { Participants } from './Participants';
import { NoMatch } from './NoMatch';
import { SectionBoundary } from '../ui/SectionBoundary';
import type { PageContext } from '@/lib/types';
import { CanEditContext, ViewerBanner } from './ReadOnly';

export function SidebarApp() {
  const { t } = useI18n();
  const { tabId, view, error, reload, chooseAccount } = useSidebarView();

  // Escape closes the panel. Keys typed here never reach the host page: this is another document.
  useEffect(() => {
    const onKey = (e: KeyboardEvent) => {
      if (e.key === 'Escape' && !e.defaultPrevented) void call('panel.set', { tabId, open: false }).catch(() => {});
    };
    window.addEventListener('keydown', onKey);
    return () => window.removeEventListener('keydown', onKey);
  }, [tabId]);

  const ctx = view?.ctx ?? null;
  const account = view?.account ?? null;
  const layoutProblem = useLayoutProblem(ctx?.partial?.reason, ctx?.url);
  // What "Add as stakeholder" did on this page (its form goes once the person is known).
  const [notice, setNotice] = useState<{ url: string; text: string } | null>(null);
  const noticeHere = notice && ctx && notice.url === ctx.url ? <SavedNotice text={notice.text} /> : null;
  // Bench (cold start): the frame after the first account is on screen.
  useEffect(() => {
    if (account) requestAnimationFrame(() => markOnce('account-painted'));
  }, [account]);

  return (
    <div className="flex min-h-screen flex-col bg-white text-sm text-slate-900 dark:bg-slate-900 dark:text-slate-100">
      <header className="flex items-center justify-between bg-blue-800 px-3 py-2 text-white">
        <span className="font-semibold">{t('appName')}</span>
        <div className="flex gap-1">
          <Button variant="ghost" className="!text-white" onClick={() => void call('dashboard.open', { route: account ? `#/account/${account.account.id}` : undefined }).catch(() => {})}>
            {t('openDashboard')}
          </Button>
          <Button variant="ghost" className="!text-white" aria-label={t('close')} onClick={() => void call('panel.set', { tabId, open: false })}>
            ✕
          </Button>
        </div>
      </header>
      <main className="flex-1">
        {error && (
          <div className="p-3">
            <ErrorText>{error}</ErrorText>
            <Button className="mt-2" onClick={() => void reload()}>
              {t('retry')}
            </Button>
          </div>
        )}
        {!view && !error && <p className="p-3 text-slate-500 dark:text-slate-400">{t('loading')}</p>}
        {view && !ctx && <p className="p-3 text-slate-600 dark:text-slate-300">{t('noPageYet')}</p>}
        {view && ctx && ctx.kind === 'other' && !account && <p className="p-3 text-slate-600 dark:text-slate-300">{t('otherPage')}</p>}
        {view && ctx && (ctx.kind !== 'other' || account) && (
          <>
            {ctx.partial && !account && !layoutProblem && <p className="p-3 text-xs text-slate-500 dark:text-slate-400">{t('readingPage')}</p>}
            {ctx.partial && !account && layoutProblem && (
              <div className="m-3 rounded-md bg-amber-50 p-2 text-xs text-amber-900 dark:bg-amber-950 dark:text-amber-100" role="status" data-testid="partial">
                <p className="font-medium">{t('partialLayout')}</p>
                <p className="mt-1">{t('partialHint')}</p>
                <CopySkeleton tabId={tabId} url={ctx.url} />
              </div>
            )}
            {account ? (
              <CanEditContext.Provider value={view.canEdit !== false}>
                <SectionBoundary name="AccountHeader" message={t('sectionFailed')} retry={t('retry')}><AccountHeader view={view} onChoose={chooseAccount} /></SectionBoundary>
                {view.canEdit === false && <ViewerBanner />}
                <SectionBoundary name="RedFlags" message={t('sectionFailed')} retry={t('retry')}><RedFlags flags={account.redFlags} /></SectionBoundary>
                {noticeHere}
                {view.person && <SectionBoundary name="PersonCard" message={t('sectionFailed')} retry={t('retry')}><PersonCard person={view.person} account={account.account} tabId={tabId} /></SectionBoundary>}
                {!view.person && ctx.kind === 'profile' && ctx.person?.name && <AddStakeholder key={readingKey(ctx)} ctx={ctx} account={account.account} tabId={tabId} onDone={(_, text) => setNotice({ url: ctx.url, text })} />}
                {ctx.kind === 'thread' && <SectionBoundary name="Participants" message={t('sectionFailed')} retry={t('retry')}><Participants view={view} /></SectionBoundary>}
                <SectionBoundary name="ActionsPanel" message={t('sectionFailed')} retry={t('retry')}><ActionsPanel account={account} /></SectionBoundary>
                <SectionBoundary name="NotesPanel" message={t('sectionFailed')} retry={t('retry')}><NotesPanel account={account} ctx={ctx} /></SectionBoundary>
                <SectionBoundary name="PowerMap" message={t('sectionFailed')} retry={t('retry')}><PowerMap stakeholders={account.stakeholders} /></SectionBoundary>
                <SectionBoundary name="PlanSummary" message={t('sectionFailed')} retry={t('retry')}><PlanSummary plan={account.plan} currency={account.account.currency} /></SectionBoundary>
              </CanEditContext.Provider>
            ) : (
              <>
                {/* keyed by page: a draft never carries one page's person onto the next page */}
                <NoMatch key={ctx.url} ctx={ctx} domains={view.domains} candidates={view.candidates} tabId={tabId} onLinked={(id) => chooseAccount(id)} />
                {ctx.kind === 'profile' && ctx.person?.name && <AddStakeholder key={`add:${readingKey(ctx)}`} ctx={ctx} tabId={tabId} candidates={view.candidates} onDone={(id, text) => {
                  setNotice({ url: ctx.url, text });
                  chooseAccount(id);
                }} />}
              </>
            )}
          </>
        )}
      </main>
    </div>
  );
}

/**
 * Who and which company the page shows: the one-click add is keyed by it, so a page that changes
 * them on the same URL (a hostile page, after the form was filled from the first reading) gets a
 * fresh form — what the form shows is always what it saves (the profile URL, lead id, email,
 * location and company keys it sends are read from the same page reading as its name and company).
 */
export function readingKey(ctx: PageContext): string {
  const p = ctx.person;
  const c = ctx.company;
  return JSON.stringify([ctx.url, p?.name, p?.linkedinUrl, p?.email, p?.salesNavLeadId, c?.name, c?.linkedinUrl, c?.domain, c?.website]);
}

/**
 * "Copy page skeleton" (lib/detect/skeleton.ts, built by the tab's content script): to the
 * clipboard, or shown to copy by hand when the clipboard is refused.
 */
function CopySkeleton({ tabId, url }: { tabId?: number; url: string }) {
  const { t } = useI18n();
  const [state, setState] = useState<{ kind: 'idle' | 'busy' | 'copied' | 'failed' } | { kind: 'manual'; text: string }>({ kind: 'idle' });
  useEffect(() => setState({ kind: 'idle' }), [url]);
  async function copy() {
    setState({ kind: 'busy' });
    let text: string;
    try {
      text = (await call('page.skeleton', { tabId })).skeleton;
    } catch {
      setState({ kind: 'failed' });
      return;
    }
    try {
      await navigator.clipboard.writeText(text);
      setState({ kind: 'copied' });
    } catch {
      setState({ kind: 'manual', text });
    }
  }
  return (
    <div className="mt-2">
      <Button onClick={() => void copy()} disabled={state.kind === 'busy'} data-testid="copy-skeleton">
        {t('copySkeleton')}
      </Button>
      <p className="mt-1">{t('skeletonWhat')}</p>
      <p role="status" className="mt-1" data-testid="skeleton-status">
        {state.kind === 'copied' ? t('skeletonCopied') : state.kind === 'failed' ? t('skeletonFailed') : state.kind === 'manual' ? t('skeletonManual') : ''}
      </p>
      {state.kind === 'manual' && (
        <textarea
          readOnly
          aria-label={t('copySkeleton')}
          className="mt-1 h-24 w-full rounded border border-amber-300 bg-white p-1 font-mono text-[10px] text-slate-900 dark:bg-slate-950 dark:text-slate-100"
          value={state.text}
          onFocus={(e) => e.currentTarget.select()}
          data-testid="skeleton-text"
        />
      )}
    </div>
  );
}

/**
 * A page whose DOM is not (yet) readable: right after SPA navigation that is normal for a moment,
 * so say "reading" first; if it stays unreadable, say the layout was not understood.
 */
function useLayoutProblem(reason: string | undefined, url: string | undefined): boolean {
  const [late, setLate] = useState(false);
  useEffect(() => {
    setLate(false);
    if (!reason) return;
    if (reason === 'layout-not-understood') {
      setLate(true);
      return;
    }
    const h = setTimeout(() => setLate(true), 3000);
    return () => clearTimeout(h);
  }, [reason, url]);
  return late;
}
