// Message handlers of the background. Built from injected dependencies so unit tests can run
// them against fake-indexeddb without a browser.
import type { KalDb } from '../db/db';
import { captureSchema, type Account, type Stakeholder } from '../db/model';
import { problemOfIssue } from '../db/admit';
import * as repo from '../db/repo';
import { KalError, fromZod } from '../errors';
import { previewAccountKeys } from '../match/key-preview';
import { autoPick, matchAccounts, pageKeys, linkKeysOf, type Candidate } from '../match/match';
import { nameKey } from '../match/normalize';
import { searchAccounts } from '../kam/search';
import { canonicalCompanyUrl, canonicalProfileUrl, siteOf } from '../detect/urls';
import { normEmail } from '../detect/text';
import { sameTitle } from '../kam/red-flags';
import { buildAccountView } from '../views/account-view';
import type { Handlers, Sender } from '../messaging/server';
import type { CandidateSummary, JobChange, KalEvent, ParticipantView, SidebarView } from '../messaging/protocol';
import type { PageContext } from '../types';
import { loadSamplePortfolio } from '../sample/load';
import type { RedFlagThresholds } from '../kam/red-flags';
import { FrameTrust, isSidebarSender } from '../messaging/frame-trust';
import { DETECTOR_SITE, onDemandFile } from '../detect/on-demand';

export interface BackgroundDeps {
  db: KalDb;
  getTabContext(tabId: number): Promise<PageContext | undefined>;
  setTabContext(tabId: number, ctx: PageContext): Promise<void>;
  broadcast(e: KalEvent): void;
  /** send to the tab's top-frame content script; resolves with its answer (undefined for events) */
  sendToTab(tabId: number, e: KalEvent): Promise<unknown>;
  activeTabId(): Promise<number | undefined>;
  /**
   * run an extension file (lib/detect/on-demand.ts `onDemandFile`) in one frame of a tab, in the
   * content scripts' isolated world (`scripting.executeScript`); rejects when the frame cannot be
   * scripted
   */
  injectFile(tabId: number, frameId: number, file: string): Promise<void>;
  /** open an extension page (path such as `/dashboard.html#/review`) in a new tab next to `openerTabId` */
  openExtensionTab(path: string, openerTabId?: number): Promise<void>;
  thresholds(): Promise<RedFlagThresholds>;
  /** show (account name) or clear (undefined) the match mark on the tab's toolbar badge */
  markTab?(tabId: number, accountName: string | undefined): Promise<void>;
  /** sidebar tokens and sessions (lib/messaging/frame-trust.ts); in memory when not given */
  trust?: FrameTrust;
  /** the extension's own origin, `chrome-extension://<id>/` (tells content scripts from pages) */
  extensionOrigin?: string;
  /**
   * Whether the user may edit the account (team sync: a viewer of a shared account may not —
   * lib/sync/share.ts `canEdit`). Absent = always (sync off).
   */
  canEditAccount?(accountId: string): Promise<boolean>;
  /**
   * Resolves when writes may go (team sync: once the sync connection is in place, so that they
   * reach its outbox). page.update is served before that (reads only) and waits here before its
   * capture write. Absent = now.
   */
  writable?(): Promise<void>;
  now?: () => number;
}

/**
 * Page-driven capture writes are bounded: a stakeholder's "as last seen on LinkedIn" snapshot
 * is refreshed at most once per this interval (ms) from page reports. A hostile page rewriting
 * its DOM could otherwise write (and make every view reload) many times a second.
 */
export const CAPTURE_MIN_INTERVAL_MS = 5 * 60_000;

function summary(c: Candidate): CandidateSummary {
  return { id: c.account.id, name: c.account.name, tier: c.account.tier, domains: c.account.domains, score: c.score, reasons: c.reasons };
}


function tabOf(sender: Sender, given?: number): number {
  const t = given ?? sender.tab?.id;
  if (t === undefined) throw new KalError('bad_request', 'No tab: open the sidebar on a page first', 'tabId').because('no_tab');
  return t;
}

/** What LinkedIn shows now versus what was saved: a title or employer change. */
export function jobChanges(s: Stakeholder, account: Account | undefined, ctx: PageContext): JobChange[] {
  const out: JobChange[] = [];
  const seenTitle = ctx.person?.title ?? ctx.person?.headline;
  if (seenTitle && s.title && !sameTitle(seenTitle, s.title)) {
    out.push({ field: 'title', saved: s.title, seen: seenTitle });
  }
  if (account && companyDiffers(account, ctx)) out.push({ field: 'company', saved: account.name, seen: ctx.company?.name ?? ctx.company?.linkedinUrl });
  return out;
}

function companyDiffers(account: Account, ctx: PageContext): boolean {
  const c = ctx.company;
  if (!c) return false;
  if (c.linkedinUrl) return !account.linkedinUrls.includes(c.linkedinUrl) && !(c.name && nameKey(c.name) === account.nameKey);
  if (c.name) return nameKey(c.name) !== account.nameKey && !account.aliases.some((a) => nameKey(a) === nameKey(c.name!));
  return false;
}

/**
 * A refusal of the account an add creates names it as such (`newAccount.name`, "New account —
 * Name: is required."), never as a bare "Name", which the user reads as the person's.
 */
function ofNewAccount(e: unknown): unknown {
  if (e instanceof KalError && !e.field?.startsWith('newAccount')) e.field = e.field ? `newAccount.${e.field}` : 'newAccount';
  return e;
}

export function createHandlers(deps: BackgroundDeps): Handlers {
  const { db } = deps;
  /**
   * Every write to an account's records passes here: a viewer of a shared account is refused
   * before anything is written, whichever view sent it (the dashboard also shows its page
   * read-only; the sidebar learns it from the refusal's message).
   */
  async function mustEdit(accountId: string | undefined): Promise<void> {
    if (!accountId || !deps.canEditAccount) return;
    if (!(await deps.canEditAccount(accountId))) throw new KalError('forbidden', 'You can view this shared account but not change it: ask its owner to make you an editor', 'accountId').because('viewer_only');
  }
  const trust = deps.trust ?? new FrameTrust();
  const now = () => (deps.now ? deps.now() : Date.now());
  const changed = (...tables: string[]) => deps.broadcast({ kalEvent: 'changed', tables });

  /** Per tab, the URL a capture was last considered for: DOM changes on one URL capture once. */
  const capturedUrl = new Map<number, string>();

  /**
   * Remember what LinkedIn shows for a known stakeholder (the capture snapshot). `byUser`: the
   * user just saved this person from the panel (no rate limit); otherwise at most once per
   * CAPTURE_MIN_INTERVAL_MS per stakeholder. Returns whether anything was written.
   */
  async function recordCapture(ctx: PageContext, byUser = false): Promise<boolean> {
    const profileUrl = canonicalProfileUrl(ctx.person?.linkedinUrl);
    if (ctx.kind !== 'profile' || !ctx.person || !profileUrl || ctx.partial) return false;
    const s = await db.stakeholders.where('linkedinUrl').equals(profileUrl).first();
    if (!s) return false;
    const account = await db.accounts.get(s.accountId);
    // Page text is only shape-checked (messaging/schemas.ts): fit it to the stored schema, or an
    // over-long company name would make the stakeholder fail validation on every later edit.
    const capture = {
      title: (ctx.person.title ?? ctx.person.headline)?.slice(0, 500),
      companyName: ctx.company?.name?.slice(0, 200),
      companyLinkedinUrl: canonicalCompanyUrl(ctx.company?.linkedinUrl),
      companyChanged: account ? companyDiffers(account, ctx) : undefined,
    };
    const prev = s.capture;
    if (!byUser && prev && now() - prev.seenAt >= 0 && now() - prev.seenAt < CAPTURE_MIN_INTERVAL_MS) return false;
    if (prev && prev.title === capture.title && prev.companyName === capture.companyName && prev.companyLinkedinUrl === capture.companyLinkedinUrl && prev.companyChanged === capture.companyChanged) return false;
    const checked = captureSchema.safeParse({ ...JSON.parse(JSON.stringify(capture)), seenAt: now() });
    if (!checked.success) return false;
    await deps.writable?.();
    await db.stakeholders.update(s.id, { capture: checked.data });
    return true;
  }

  async function findPerson(ctx: PageContext | null): Promise<Stakeholder | undefined> {
    // Look people up by the same canonical keys the matcher and the repository use.
    const profileUrl = canonicalProfileUrl(ctx?.person?.linkedinUrl);
    const personEmail = normEmail(ctx?.person?.email);
    return (
      (profileUrl && (await db.stakeholders.where('linkedinUrl').equals(profileUrl).first())) ||
      (personEmail && (await db.stakeholders.where('emails').equals(personEmail).first())) ||
      (ctx?.person?.salesNavLeadId && (await db.stakeholders.where('salesNavLeadId').equals(ctx.person.salesNavLeadId).first())) ||
      undefined
    );
  }

  async function participantsOf(ctx: PageContext | null): Promise<ParticipantView[]> {
    if (!ctx?.thread) return [];
    const emails = ctx.thread.participants.map((p) => normEmail(p.email)).filter((e): e is string => !!e);
    const known = emails.length ? await db.stakeholders.where('emails').anyOf(emails).toArray() : [];
    return ctx.thread.participants.map((p) => {
      const e = normEmail(p.email);
      const s = e ? known.find((k) => k.emails.includes(e)) : undefined;
      return { ...p, stakeholder: s && { id: s.id, name: s.name, role: s.role, stance: s.stance, accountId: s.accountId } };
    });
  }

  async function sidebarView(tabId: number | undefined, accountId?: string): Promise<SidebarView> {
    const ctx = tabId !== undefined ? ((await deps.getTabContext(tabId)) ?? null) : null;
    // Independent reads run together: this is on the path of every page the user opens.
    const [candidates, thresholds, found, participants] = await Promise.all([
      ctx ? matchAccounts(db, ctx) : Promise.resolve([] as Candidate[]),
      deps.thresholds(),
      findPerson(ctx),
      participantsOf(ctx),
    ]);
    // No guess: when the page is ambiguous the sidebar shows the candidates to pick from.
    const chosen = accountId ?? autoPick(candidates)?.account.id;
    const account = chosen ? await buildAccountView(db, chosen, { threadId: ctx?.thread?.id, now: now(), thresholds }) : null;
    const mayEdit = (id: string) => (deps.canEditAccount ? deps.canEditAccount(id) : Promise.resolve(true));
    const canEdit = account ? await mayEdit(account.account.id) : true;
    let person: SidebarView['person'];
    if (ctx && found) {
      const acc = found.accountId === account?.account.id ? account.account : await db.accounts.get(found.accountId);
      const personEdit = found.accountId === account?.account.id ? canEdit : await mayEdit(found.accountId);
      person = { stakeholder: found, jobChanges: ctx.kind === 'profile' && !ctx.partial ? jobChanges(found, acc, ctx) : [], canEdit: personEdit };
      if (found.accountId !== account?.account.id) person.accountName = acc?.name ?? found.accountId;
    }
    return { tabId, ctx, candidates: candidates.map(summary), account, canEdit, person, participants, domains: ctx ? pageKeys(ctx).domains : [] };
  }

  async function learn(tabId: number, accountId: string, verdict: 'confirmed' | 'rejected', seenUrl?: string) {
    const ctx = await deps.getTabContext(tabId);
    if (!ctx) throw new KalError('not_found', 'This tab has no page context yet', 'tabId').because('no_page_context');
    // The tab may have moved on since the user looked: never link the keys of another page.
    if (seenUrl !== undefined && seenUrl !== ctx.url) throw new KalError('bad_request', 'The page changed meanwhile: nothing was linked. Try again.', 'url').because('page_changed');
    const k = pageKeys(ctx);
    // On a profile, the choice is about this person: their employer's page and name stay unlinked
    // (a consultant's profile must not send every page of their firm to the client's account).
    const keys = ctx.kind === 'profile' && k.profileUrl ? [`profile:${k.profileUrl}`] : linkKeysOf(k);
    // Confirm on the most specific key(s) only: a thread link must not relabel a whole domain, and
    // on a page with several external domains (a thread with two companies) no domain is this
    // account's for sure: confirming one account must not hand the other company's domain to it.
    const ambiguous = (x: string) => x.startsWith('thread:') || (x.startsWith('domain:') && k.domains.length > 1);
    const chosen = verdict === 'confirmed' ? keys.filter((x) => !ambiguous(x)).slice(0, 3) : keys;
    for (const key of chosen) {
      const i = key.indexOf(':');
      await repo.setLink(db, { kind: key.slice(0, i) as never, value: key.slice(i + 1), accountId, verdict }, now());
    }
    if (verdict === 'confirmed' && k.threadId) await repo.setLink(db, { kind: 'thread', value: k.threadId, accountId, verdict }, now());
    changed('links');
  }

  return {
    async 'page.update'({ ctx }, sender) {
      const tabId = tabOf(sender);
      if (sender.frameId) throw new KalError('forbidden', 'Only the top frame reports its page');
      const before = await deps.getTabContext(tabId);
      await deps.setTabContext(tabId, ctx);
      // A capture only for the first complete profile read after the tab's URL changed (a real
      // navigation, SPA included), never for DOM churn on the same URL.
      let captured = false;
      if (ctx.kind === 'profile' && ctx.person && !ctx.partial && capturedUrl.get(tabId) !== ctx.url) {
        capturedUrl.set(tabId, ctx.url);
        captured = await recordCapture(ctx);
      }
      const candidates = await matchAccounts(db, ctx);
      // A match or a choice to make, not a generic-name suggestion alone, marks the toolbar
      // badge — which the page cannot see. Nothing the page can observe depends on it.
      const match = candidates.find((c) => c.reasons.some((r) => !(r.kind === 'name' && r.generic)));
      await deps.markTab?.(tabId, match?.account.name).catch(() => {});
      // Views reload on these events: none when the page reads the same as before.
      if (!before || JSON.stringify(before) !== JSON.stringify(ctx)) deps.broadcast({ kalEvent: 'page', tabId });
      if (captured) changed('stakeholders');
      return null;
    },
    async 'overlay.token'(_, sender) {
      // Content scripts only: an extension page asking is not creating a sidebar in a web page.
      if (!sender.url || (deps.extensionOrigin && sender.url.startsWith(deps.extensionOrigin))) throw new KalError('forbidden', 'Only the content script of a page gets a sidebar token');
      return { token: await trust.issue(sender) };
    },
    async 'sidebar.claim'({ token }, sender) {
      if (!deps.extensionOrigin || !isSidebarSender(sender, deps.extensionOrigin)) throw new KalError('forbidden', 'Only the sidebar claims a session');
      return { key: await trust.claim(token, sender) };
    },
    async 'sidebar.view'({ tabId, accountId }, sender) {
      return sidebarView(tabId ?? sender.tab?.id, accountId);
    },
    async 'account.search'({ q, limit = 20 }) {
      const rows = await searchAccounts(db, q, limit);
      return rows.map((a) => ({ id: a.id, name: a.name, tier: a.tier, domains: a.domains }));
    },
    async 'account.create'({ account, tabId, id }) {
      const created = await repo.createAccount(db, account as repo.AccountInput, now(), { id });
      if (tabId !== undefined && (await deps.getTabContext(tabId))) await learn(tabId, created.id, 'confirmed');
      changed('accounts');
      return created;
    },
    async 'account.update'({ id, patch, base, baseRev }) {
      await mustEdit(id);
      const a = await repo.patchAccount(db, id, { set: patch, base, baseRev }, now());
      changed('accounts');
      return a;
    },
    async 'account.keys'({ account, exceptId }) {
      return previewAccountKeys(db, account, exceptId);
    },
    async 'match.confirm'({ tabId, accountId, url }) {
      await learn(tabId, accountId, 'confirmed', url);
      return null;
    },
    async 'match.reject'({ tabId, accountId, url }) {
      await learn(tabId, accountId, 'rejected', url);
      return null;
    },
    async 'stakeholder.save'({ accountId, newAccount, stakeholder, shown, moveFrom, tabId }) {
      if (!accountId && !newAccount) throw new KalError('validation', 'Choose an account or create one', 'accountId').because('choose_account');
      // Validate both records before writing either, so a bad stakeholder creates no account.
      if (newAccount) {
        const r = repo.accountInput.safeParse(newAccount);
        if (!r.success) throw ofNewAccount(fromZod(r.error, 'Account', problemOfIssue));
        const rs = repo.stakeholderInput.partial({ accountId: true, role: true, influence: true, stance: true, relationship: true, emails: true, notes: true }).safeParse(stakeholder);
        if (!rs.success) throw fromZod(rs.error, 'Stakeholder', problemOfIssue);
      }
      // Moving a person out of an account changes that account too: the user must be able to edit it.
      if (moveFrom) await mustEdit(moveFrom);
      const result = await db.transaction('rw', [db.accounts, db.stakeholders, db.actions, db.notes], async () => {
        // The same new profile saved from two tabs (or twice): the second save finds the person
        // the first one stored, and joins their account instead of creating an empty twin.
        const profileUrl = canonicalProfileUrl((stakeholder as { linkedinUrl?: string }).linkedinUrl);
        const known = !accountId && profileUrl ? await db.stakeholders.where('linkedinUrl').equals(profileUrl).first() : undefined;
        const account = accountId
          ? await db.accounts.get(accountId)
          : known
            ? await db.accounts.get(known.accountId)
            : await repo.createAccount(db, newAccount as repo.AccountInput, now()).catch((e: unknown) => Promise.reject(ofNewAccount(e)));
        if (!account) throw new KalError('not_found', `Account ${accountId} does not exist`, 'accountId').because('account_missing');
        await mustEdit(account.id);
        // The person may be in the power map already (same profile, lead or name): `shown` makes it a
        // merge that keeps what the user set there (repo.ts UpsertOptions), never a blind overwrite.
        const r = await repo.upsertStakeholder(db, { ...stakeholder, accountId: account.id }, now(), { shown: shown ?? {}, moveFrom });
        return { account, ...r };
      });
      if (newAccount && tabId !== undefined && (await deps.getTabContext(tabId))) await learn(tabId, result.account.id, 'confirmed');
      // The person was just seen on this page: take the snapshot now.
      if (tabId !== undefined) {
        const ctx = await deps.getTabContext(tabId);
        if (ctx) await recordCapture(ctx, true);
      }
      changed('stakeholders', 'accounts');
      return result;
    },
    async 'stakeholder.update'({ id, patch, base, baseRev }) {
      await mustEdit((await db.stakeholders.get(id))?.accountId);
      const s = await repo.patchStakeholder(db, id, { set: patch, base, baseRev }, now());
      changed('stakeholders');
      return s;
    },
    async 'note.add'({ id, ...input }) {
      await mustEdit(input.accountId);
      const n = await repo.addNote(db, input, now(), { id });
      changed('notes');
      return n;
    },
    async 'action.add'({ id, ...input }) {
      await mustEdit(input.accountId);
      const a = await repo.addAction(db, input, now(), { id });
      changed('actions');
      return a;
    },
    async 'action.update'({ id, patch, base, baseRev }) {
      await mustEdit((await db.actions.get(id))?.accountId);
      const a = await repo.patchAction(db, id, { set: patch, base, baseRev }, now());
      changed('actions');
      return a;
    },
    async 'detector.load'({ name }, sender) {
      const tabId = tabOf(sender);
      // Into the sender's own frame only, and only a detector of that page's site family.
      let site: string | undefined;
      try {
        site = sender.url ? siteOf(new URL(sender.url)) : undefined;
      } catch {
        /* no URL: refused below */
      }
      if (site !== DETECTOR_SITE[name]) throw new KalError('forbidden', `The "${name}" detector reads ${DETECTOR_SITE[name]} pages only`, 'name');
      await deps.injectFile(tabId, sender.frameId ?? 0, onDemandFile(name));
      return null;
    },
    async 'panel.set'({ tabId, open }, sender) {
      const t = tabId ?? sender.tab?.id ?? (await deps.activeTabId());
      if (t === undefined) throw new KalError('not_found', 'No tab to show the sidebar in').because('no_tab');
      try {
        await deps.sendToTab(t, { kalEvent: 'panel', open });
      } catch {
        // No content script there: not a LinkedIn, Gmail or Outlook page (or opened before install).
        throw new KalError('not_found', 'The sidebar works on LinkedIn, Gmail and Outlook pages. Open one, or reload it if it was open before the extension was installed.', 'tabId').because('unsupported_page');
      }
      return null;
    },
    async 'page.skeleton'({ tabId }, sender) {
      const t = tabId ?? sender.tab?.id;
      if (t === undefined) throw new KalError('not_found', 'No page to copy the skeleton of', 'tabId').because('no_tab');
      let r: unknown;
      try {
        // The copier is loaded only now (entrypoints/page-skeleton.ts): most pages never need it.
        await deps.injectFile(t, 0, onDemandFile('page-skeleton'));
        r = await deps.sendToTab(t, { kalEvent: 'skeleton' });
      } catch {
        throw new KalError('not_found', 'This page cannot be read: reload it and try again.', 'tabId').because('page_unreadable');
      }
      const skeleton = (r as { skeleton?: unknown } | undefined)?.skeleton;
      // the content script runs on a hostile page: accept a bounded string only
      if (typeof skeleton !== 'string' || !skeleton.startsWith('<!-- kal-skeleton') || skeleton.length > 16_000_000)
        throw new KalError('not_found', 'This page cannot be read: reload it and try again.', 'tabId').because('page_unreadable');
      return { skeleton };
    },
    async 'dashboard.open'({ route }, sender) {
      await deps.openExtensionTab(`/dashboard.html${route ?? ''}`, sender.tab?.id);
      return null;
    },
    async 'sample.load'() {
      const n = await loadSamplePortfolio(db, now());
      changed('accounts', 'plans', 'stakeholders', 'actions', 'notes');
      return { accounts: n };
    },
  };
}
