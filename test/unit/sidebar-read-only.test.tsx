// A viewer's sidebar is read-only (team sync, Deliver 3): when the background says the user may
// not edit the shown account (SidebarView.canEdit false, lib/sync/share.ts canEdit), every
// control that would change it is disabled and described by a banner saying why; choosing which
// account the page is (a local link, never synced) and navigation stay enabled. The same view
// with canEdit true has those controls enabled (the control of the test).
import { act } from 'react';
import { describe, expect, it, vi } from 'vitest';
import { mount, settle } from './react-mount';
import type { SidebarView } from '../../lib/messaging/protocol';
import type { Account, Stakeholder } from '../../lib/db/model';
import { fakeBrowser } from 'wxt/testing/fake-browser';

let view: SidebarView;
const sent: string[] = [];
vi.mock('@/lib/messaging/client', () => ({
  call: vi.fn(async (type: string) => {
    sent.push(type);
    if (type === 'sidebar.view') return view;
    if (type === 'account.search') return [];
    throw new Error(`unexpected ${type}`);
  }),
  broadcast: vi.fn(),
}));
vi.mock('@/lib/messaging/event-port', () => ({ onEventViaPort: () => () => {} }));

const { SidebarApp } = await import('../../components/sidebar/SidebarApp');
const { I18nProvider } = await import('../../components/i18n');

const NOW = Date.UTC(2026, 10, 26);
const account = {
  id: 'acc-shared-1',
  name: 'Groupe Hexagone Distribution',
  nameKey: 'groupe hexagone distribution',
  tier: 'A',
  currency: 'EUR',
  currentRevenue: 100000,
  potentialRevenue: 250000,
  domains: ['hexagone.example'],
  linkedinUrls: [],
  aliases: [],
  tags: [],
  createdAt: NOW,
  updatedAt: NOW,
} as unknown as Account;
const claire = { id: 'stk-claire-1', accountId: account.id, name: 'Claire Martin', title: 'Head of Purchasing', role: 'decision_maker', stance: 'supporter', influence: 'high', emails: ['claire@hexagone.example'], createdAt: NOW, updatedAt: NOW } as unknown as Stakeholder;
const accountView = {
  account,
  stakeholders: [claire],
  actions: [{ id: 'act-1', accountId: account.id, title: 'Send the renewal offer', status: 'open', createdAt: NOW, updatedAt: NOW }],
  notes: [{ id: 'note-1', accountId: account.id, body: 'Met the CFO', source: {}, createdAt: NOW, updatedAt: NOW }],
  redFlags: [],
} as unknown as SidebarView['account'];

const profile = (canEdit: boolean, person?: SidebarView['person']): SidebarView => ({
  tabId: 7,
  ctx: { site: 'linkedin', kind: 'profile', url: 'https://www.linkedin.com/in/paul-durand/', person: { name: 'Paul Durand', title: 'CFO', linkedinUrl: 'https://www.linkedin.com/in/paul-durand/' }, company: { name: 'Groupe Hexagone Distribution' } },
  candidates: [{ id: account.id, name: account.name, tier: 'A', domains: [], score: 1, reasons: [{ kind: 'company' }] }] as never,
  account: accountView,
  canEdit,
  person,
  participants: [],
  domains: [],
});
const thread = (canEdit: boolean): SidebarView => ({
  tabId: 7,
  ctx: { site: 'gmail', kind: 'thread', url: 'https://mail.google.com/mail/u/0/#inbox/x', thread: { id: 'thread-1', subject: 'Renewal', participants: [{ name: 'Bob Stone', email: 'bob@hexagone.example' }] } } as never,
  candidates: [],
  account: accountView,
  canEdit,
  participants: [{ name: 'Bob Stone', email: 'bob@hexagone.example' }],
  domains: ['hexagone.example'],
});

let el: HTMLElement;

async function render(v: SidebarView): Promise<void> {
  view = v;
  el = await mount(<I18nProvider><SidebarApp /></I18nProvider>);
  await settle(() => !!el.querySelector('[data-testid="account-name"]'));
}

/** Each control's accessible name (aria-label, else text) with whether it can be used. */
function controls(): { name: string; enabled: boolean }[] {
  return Array.from(el.querySelectorAll('main button, main input, main select, main textarea')).map((c) => {
    const name = (c.getAttribute('aria-label') ?? (c.tagName === 'INPUT' && (c as HTMLInputElement).type === 'checkbox' ? '' : c.textContent) ?? '').trim() || `${c.tagName.toLowerCase()}`;
    // happy-dom does not apply a disabled <fieldset> to its controls (HTML "disabled" rule, which
    // browsers do — the e2e checks it there): the same rule here, by hand.
    return { name, enabled: !(c as HTMLButtonElement).disabled && !c.closest('fieldset[disabled]') };
  });
}

describe('the sidebar of an account the user only views', () => {
  it('on a profile: adding the person, actions, done, notes are disabled, with the banner saying why; the match choice stays', async () => {
    await render(profile(false));
    expect(el.querySelector('[data-testid="viewer-banner"]')?.textContent).toBe('You view this shared account — ask its owner for edit rights');
    expect(el.querySelector('[data-testid="viewer-banner"]')?.getAttribute('role')).toBe('note');
    const enabled = controls().filter((c) => c.enabled).map((c) => c.name);
    expect(enabled).toEqual(['Not this account: Groupe Hexagone Distribution']);
    const disabled = controls().filter((c) => !c.enabled).map((c) => c.name);
    expect(disabled).toEqual([
      'Name',
      'Title',
      'Role',
      'Influence',
      'Stance',
      'Add as stakeholder',
      'Mark “Send the renewal offer” done',
      'New action…',
      'input', // the due-day radios (visually hidden, labelled by their <label>)
      'input',
      'input',
      'Add action',
      'Write a note…',
      'Add note',
    ]);
    // Every disabled group says why: described by the banner.
    const locks = Array.from(el.querySelectorAll('fieldset[data-testid="read-only"]'));
    expect(locks.length).toBe(3);
    expect(locks.every((f) => f.getAttribute('aria-describedby') === 'kal-viewer-banner' && f.hasAttribute('disabled'))).toBe(true);
    expect(sent.filter((s) => s !== 'sidebar.view' && s !== 'account.search')).toEqual([]);
  });

  it('the same page for an editor: every control enabled, no banner', async () => {
    await render(profile(true));
    expect(el.querySelector('[data-testid="viewer-banner"]')).toBeNull();
    expect(el.querySelector('fieldset[data-testid="read-only"]')).toBeNull();
    expect(controls().filter((c) => !c.enabled).map((c) => c.name)).toEqual(['Add action', 'Add note']); // empty drafts only
  });

  it('a known person of a viewer-only account: "contacted today" is disabled and said why', async () => {
    await render(profile(false, { stakeholder: claire, jobChanges: [{ field: 'title', saved: 'Head of Purchasing', seen: 'CFO' }], canEdit: false }));
    const card = el.querySelector('[data-testid="person-card"]')!;
    const buttons = Array.from(card.querySelectorAll('button')).map((b) => [b.textContent, b.disabled, b.getAttribute('aria-describedby')]);
    expect(buttons).toEqual([
      ['Contacted today', true, 'kal-viewer-banner'],
      ['Update title from LinkedIn', true, 'kal-viewer-banner'],
    ]);
  });

  it('a known person of a viewer-only account shown on an editable account: the card has its own banner', async () => {
    await render(profile(true, { stakeholder: claire, jobChanges: [], canEdit: false }));
    const card = el.querySelector('[data-testid="person-card"]')!;
    expect(card.querySelector('[data-testid="viewer-banner"]')?.id).toBe('kal-person-viewer-banner');
    expect(Array.from(card.querySelectorAll('button')).map((b) => [b.disabled, b.getAttribute('aria-describedby')])).toEqual([[true, 'kal-person-viewer-banner']]);
  });

  it('on a mail thread: adding a participant is disabled', async () => {
    await render(thread(false));
    const add = el.querySelector('[data-testid="participants"] button') as HTMLButtonElement;
    expect([add.getAttribute('aria-label'), add.disabled, add.getAttribute('aria-describedby')]).toEqual(['Add Bob Stone as stakeholder', true, 'kal-viewer-banner']);
  });

  it('in French: the banner and the disabled controls speak French', async () => {
    await fakeBrowser.storage.local.set({ settings: { language: 'fr' } });
    try {
      await render(profile(false));
      for (let i = 0; i < 50 && el.querySelector('[data-testid="viewer-banner"]')?.textContent?.startsWith('You'); i++) await act(async () => new Promise((r) => setTimeout(r, 10)));
      expect(el.querySelector('[data-testid="viewer-banner"]')?.textContent).toBe('Vous consultez ce compte partagé — demandez à son propriétaire les droits de modification');
      const enabled = controls().filter((c) => c.enabled).map((c) => c.name);
      expect(enabled).toEqual(['Pas ce compte : Groupe Hexagone Distribution']);
      expect(el.querySelector('textarea')?.getAttribute('aria-label')).toBe('Écrire une note…');
    } finally {
      await fakeBrowser.storage.local.remove('settings');
    }
  });
});
