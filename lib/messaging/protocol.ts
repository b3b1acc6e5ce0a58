// The one message protocol between content scripts, extension pages and the background.
// Types only (no runtime code), so the content script pays nothing for importing it.
import type { PageContext } from '../types';
import type { KalErrorData } from '../errors';
import type { Account, Action, Note, Plan, Stakeholder } from '../db/model';
import type { AccountInput, ActionInput, NoteInput, StakeholderInput } from '../db/repo';
import type { z } from 'zod';
import type { actionPatch, stakeholderPatch, accountPatch } from '../db/repo';
import type { RedFlag } from '../kam/red-flags';
import type { MatchReason } from '../match/match';

export interface AccountSummary {
  id: string;
  name: string;
  tier: Account['tier'];
  domains: string[];
}

export interface CandidateSummary extends AccountSummary {
  score: number;
  reasons: MatchReason[];
}

export interface AccountView {
  account: Account;
  plan?: Plan;
  stakeholders: Stakeholder[];
  /** open actions, overdue first, then by due date */
  actions: Action[];
  /** notes about the current thread first, then the most recent ones */
  notes: Note[];
  redFlags: RedFlag[];
}

export interface JobChange {
  field: 'title' | 'company';
  saved?: string;
  seen?: string;
}

export interface ParticipantView {
  name?: string;
  email?: string;
  stakeholder?: Pick<Stakeholder, 'id' | 'name' | 'role' | 'stance' | 'accountId'>;
}

export interface SidebarView {
  tabId?: number;
  ctx: PageContext | null;
  candidates: CandidateSummary[];
  account: AccountView | null;
  /** the stakeholder record of the person on the page, if known */
  person?: { stakeholder: Stakeholder; jobChanges: JobChange[] };
  participants: ParticipantView[];
  /** the page's company domains as matching sees them (registrable, free-mail removed) */
  domains: string[];
}

type Req<T, R> = { req: T; res: R };
export type StakeholderDraft = Omit<StakeholderInput, 'accountId'>;

export interface Protocol {
  /**
   * Answers nothing about the match on purpose: whatever the content script does next is visible
   * to the page, so a match is shown on the toolbar badge instead (issue 12, "no oracle").
   */
  'page.update': Req<{ ctx: PageContext }, null>;
  /** content script (top frame) → a one-time token for the sidebar iframe it creates (frame-trust.ts) */
  'overlay.token': Req<Record<string, never>, { token: string }>;
  /** framed sidebar → trades that token for the session key it sends with every request */
  'sidebar.claim': Req<{ token: string }, { key: string }>;
  'sidebar.view': Req<{ tabId?: number; accountId?: string }, SidebarView>;
  'account.search': Req<{ q: string; limit?: number }, AccountSummary[]>;
  'account.create': Req<{ account: AccountInput; tabId?: number }, Account>;
  'account.update': Req<{ id: string; patch: z.input<typeof accountPatch> }, Account>;
  /** `url`: the page the user was looking at; refused if the tab has moved on since */
  'match.confirm': Req<{ tabId: number; accountId: string; url?: string }, null>;
  'match.reject': Req<{ tabId: number; accountId: string; url?: string }, null>;
  'stakeholder.save': Req<
    { accountId?: string; newAccount?: AccountInput; stakeholder: StakeholderDraft; tabId?: number },
    { account: Account; stakeholder: Stakeholder; created: boolean }
  >;
  'stakeholder.update': Req<{ id: string; patch: z.input<typeof stakeholderPatch> }, Stakeholder>;
  'note.add': Req<NoteInput, Note>;
  'action.add': Req<ActionInput, Action>;
  'action.update': Req<{ id: string; patch: z.input<typeof actionPatch> }, Action>;
  'panel.set': Req<{ tabId?: number; open: boolean | 'toggle' }, null>;
  'sample.load': Req<Record<string, never>, { accounts: number }>;
  /**
   * Open the dashboard in a new tab, at `route` (a hash route such as `#/account/<id>`), next to
   * the sender's tab. Framed extension pages have no `browser.tabs` in Firefox: they ask here.
   */
  'dashboard.open': Req<{ route?: string }, null>;
}

export type MessageType = keyof Protocol;
export type RequestOf<T extends MessageType> = Protocol[T]['req'];
export type ResponseOf<T extends MessageType> = Protocol[T]['res'];

/** Wire envelope: `kal` marks our messages so unrelated runtime messages are ignored. */
export interface Envelope<T extends MessageType = MessageType> {
  kal: 1;
  type: T;
  payload: RequestOf<T>;
  /** the framed sidebar's session key (lib/messaging/frame-trust.ts); absent elsewhere */
  auth?: string;
}
export type Reply<T = unknown> = { ok: true; data: T } | { ok: false; error: KalErrorData };

/** Broadcasts from the background (and dashboard) to every open view. */
export type KalEvent =
  | { kalEvent: 'changed'; tables: string[] }
  | { kalEvent: 'page'; tabId: number }
  | { kalEvent: 'panel'; open: boolean | 'toggle' };
