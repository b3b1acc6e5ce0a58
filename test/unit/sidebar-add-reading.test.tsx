// A hostile page changes whom or which company it shows on the same URL after the sidebar's
// one-click add was filled from its first reading: the form is rebuilt from the new reading, so
// what it saves (the new account's name and LinkedIn page) is what it shows — never the first
// company's name with the second company's page (SidebarApp readingKey).
import { act } from 'react';
import { describe, expect, it, vi } from 'vitest';
import { mount, settle } from './react-mount';
import type { KalEvent, SidebarView } from '../../lib/messaging/protocol';

let view: SidebarView;
let viewReads = 0;
const saves: unknown[] = [];
let emit: (e: KalEvent) => void = () => {};
vi.mock('@/lib/messaging/client', () => ({
  call: vi.fn(async (type: string, payload: unknown) => {
    if (type === 'sidebar.view') return (viewReads++, view);
    if (type === 'account.search' || type === 'account.keys') return type === 'account.search' ? [] : { domains: [], linkedinUrls: [], problems: [], mailHosts: [], owners: [] };
    if (type === 'stakeholder.save') {
      saves.push(payload);
      return { account: { id: 'acc-new', name: 'x' }, stakeholder: { id: 's' }, created: true };
    }
    throw new Error(`unexpected ${type}`);
  }),
  broadcast: vi.fn(),
}));
vi.mock('@/lib/messaging/event-port', () => ({
  onEventViaPort: (f: (e: KalEvent) => void) => {
    emit = f;
    return () => {};
  },
}));

const { SidebarApp } = await import('../../components/sidebar/SidebarApp');
const { I18nProvider } = await import('../../components/i18n');

const URL = 'https://www.linkedin.com/in/paul-durand/';
const reading = (company: { name: string; linkedinUrl: string }): SidebarView => ({
  tabId: 7,
  ctx: { site: 'linkedin', kind: 'profile', url: URL, person: { name: 'Paul Durand', title: 'CFO', linkedinUrl: URL }, company },
  candidates: [],
  account: null,
  canEdit: true,
  participants: [],
  domains: [],
});

let el: HTMLElement;
const addForm = () => el.querySelector('form[aria-label="Add as stakeholder"]') as HTMLFormElement | null;
const companyInput = () => addForm()?.querySelector('input[aria-label="Company"]') as HTMLInputElement | null;

describe('the one-click add follows the page reading', () => {
  it('the company changes on the same URL: the form shows and saves the new one, name and page together', async () => {
    view = reading({ name: 'Acme SAS', linkedinUrl: 'https://www.linkedin.com/company/acme/' });
    el = await mount(<I18nProvider><SidebarApp /></I18nProvider>);
    await settle(() => companyInput()?.value === 'Acme SAS');
    expect(companyInput()?.value).toBe('Acme SAS');

    view = reading({ name: 'Evil Corp', linkedinUrl: 'https://www.linkedin.com/company/evil/' });
    await act(async () => emit({ kalEvent: 'page', tabId: 7 }));
    await settle(() => companyInput()?.value === 'Evil Corp');
    expect(companyInput()?.value).toBe('Evil Corp');

    await act(async () => addForm()!.requestSubmit());
    await settle(() => saves.length > 0);
    expect(saves).toEqual([
      expect.objectContaining({
        newAccount: { name: 'Evil Corp', domains: [], linkedinUrls: ['https://www.linkedin.com/company/evil/'], website: undefined, industry: undefined },
        stakeholder: expect.objectContaining({ name: 'Paul Durand', linkedinUrl: URL }),
      }),
    ]);
  });
});

// LinkedIn renders parts of a profile after first paint; the content script reports the page again.
describe('the one-click add takes what the page fills in later, never over what the user typed', () => {
  const later = (title: string | undefined, location?: string): SidebarView => ({
    ...reading({ name: 'Acme SAS', linkedinUrl: 'https://www.linkedin.com/company/acme/' }),
    ctx: { site: 'linkedin', kind: 'profile', url: URL, person: { name: 'Paul Durand', title, location, linkedinUrl: URL }, company: { name: 'Acme SAS', linkedinUrl: 'https://www.linkedin.com/company/acme/' } },
  });
  const titleInput = () => addForm()?.querySelector('input[aria-label="Title"]') as HTMLInputElement | null;
  const type = async (input: HTMLInputElement, text: string) => {
    const setter = Object.getOwnPropertyDescriptor(HTMLInputElement.prototype, 'value')!.set!;
    await act(async () => {
      setter.call(input, text);
      input.dispatchEvent(new Event('input', { bubbles: true }));
    });
  };

  it('an untouched title follows the page: empty at first paint, then the title the page rendered', async () => {
    saves.length = 0;
    view = later(undefined);
    el = await mount(<I18nProvider><SidebarApp /></I18nProvider>);
    await settle(() => titleInput() !== null);
    expect(titleInput()!.value).toBe('');
    view = later('Chief Financial Officer', 'Lyon');
    await act(async () => emit({ kalEvent: 'page', tabId: 7 }));
    await settle(() => titleInput()?.value === 'Chief Financial Officer');
    expect(titleInput()!.value).toBe('Chief Financial Officer');
    await act(async () => addForm()!.requestSubmit());
    await settle(() => saves.length > 0);
    const sent = saves[0] as { stakeholder: Record<string, unknown>; shown: Record<string, unknown> };
    expect([sent.stakeholder.title, sent.stakeholder.location]).toEqual(['Chief Financial Officer', 'Lyon']);
    expect(sent.shown).toEqual({ name: 'Paul Durand', title: 'Chief Financial Officer', location: 'Lyon', role: 'unknown', influence: 'medium', stance: 'unknown' });
  });

  it('a title the user edited stays when the page reports another one; the merge base is what they started from', async () => {
    saves.length = 0;
    view = later('CFO');
    el = await mount(<I18nProvider><SidebarApp /></I18nProvider>);
    await settle(() => titleInput()?.value === 'CFO');
    await type(titleInput()!, 'CFO France');
    view = later('Chief Financial Officer | Speaker');
    const reads = viewReads;
    await act(async () => emit({ kalEvent: 'page', tabId: 7 }));
    // the view was re-read (the page's new title reached the sidebar) and the field kept the user's text
    await settle(() => viewReads > reads);
    await settle(() => false); // a page-driven change would show by now
    expect(titleInput()!.value).toBe('CFO France');
    await act(async () => addForm()!.requestSubmit());
    await settle(() => saves.length > 0);
    const sent = saves[0] as { stakeholder: Record<string, unknown>; shown: Record<string, unknown> };
    expect(sent.stakeholder.title).toBe('CFO France');
    expect(sent.shown.title).toBe('CFO');
  });
});

describe('the "Create account" form of an unknown company page takes what the page fills in later', () => {
  const company = (website?: string): SidebarView => ({
    tabId: 7,
    ctx: { site: 'linkedin', kind: 'company', url: 'https://www.linkedin.com/company/kestrel/', company: { name: 'Kestrel Forward', linkedinUrl: 'https://www.linkedin.com/company/kestrel/', website } },
    candidates: [],
    account: null,
    canEdit: true,
    participants: [],
    domains: [],
  });
  const field = (name: string) => el.querySelector(`form[aria-label="Create account"] input[aria-label="${name}"]`) as HTMLInputElement | null;

  it('an untouched website follows the page; an edited name stays', async () => {
    view = company(undefined);
    el = await mount(<I18nProvider><SidebarApp /></I18nProvider>);
    await settle(() => field('Name')?.value === 'Kestrel Forward');
    expect(field('Website')!.value).toBe('');
    const setter = Object.getOwnPropertyDescriptor(HTMLInputElement.prototype, 'value')!.set!;
    await act(async () => {
      setter.call(field('Name')!, 'Kestrel Forward AB');
      field('Name')!.dispatchEvent(new Event('input', { bubbles: true }));
    });
    view = company('https://kestrel.example/');
    await act(async () => emit({ kalEvent: 'page', tabId: 7 }));
    await settle(() => field('Website')?.value === 'https://kestrel.example/');
    expect([field('Name')!.value, field('Website')!.value, field('LinkedIn company page')?.value]).toEqual(['Kestrel Forward AB', 'https://kestrel.example/', 'https://www.linkedin.com/company/kestrel/']);
  });
});

// (A company rendered later changes the reading key, so the form is rebuilt from it: SidebarApp readingKey.)
describe('the add form without a matched account: "add to" follows the page', () => {
  it('no company at first paint → an existing account; the company rendered later → a new one from it', async () => {
    const noCompany = (company?: { name: string }): SidebarView => ({
      tabId: 7,
      ctx: { site: 'linkedin', kind: 'profile', url: URL, person: { name: 'Paul Durand', title: 'CFO', linkedinUrl: URL }, company },
      candidates: [],
      account: null,
      canEdit: true,
      participants: [],
      domains: [],
    });
    const radio = (label: string) => Array.from(addForm()?.querySelectorAll('[data-testid="add-target"] label') ?? []).find((l) => l.textContent === label)?.querySelector('input') as HTMLInputElement | undefined;
    view = noCompany();
    el = await mount(<I18nProvider><SidebarApp /></I18nProvider>);
    await settle(() => radio('an existing account')?.checked === true);
    expect([radio('a new account')?.checked, radio('an existing account')?.checked]).toEqual([false, true]);
    view = noCompany({ name: 'Acme SAS' });
    await act(async () => emit({ kalEvent: 'page', tabId: 7 }));
    await settle(() => radio('a new account')?.checked === true);
    expect([radio('a new account')?.checked, companyInput()?.value]).toEqual([true, 'Acme SAS']);
  });
});
