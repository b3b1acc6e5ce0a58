// A hostile page changes whom or which company it shows on the same URL after the sidebar's
// one-click add was filled from its first reading: the form is rebuilt from the new reading, so
// what it saves (the new account's name and LinkedIn page) is what it shows — never the first
// company's name with the second company's page (SidebarApp readingKey).
import { act } from 'react';
import { describe, expect, it, vi } from 'vitest';
import { mount, settle } from './react-mount';
import type { KalEvent, SidebarView } from '../../lib/messaging/protocol';

let view: SidebarView;
const saves: unknown[] = [];
let emit: (e: KalEvent) => void = () => {};
vi.mock('@/lib/messaging/client', () => ({
  call: vi.fn(async (type: string, payload: unknown) => {
    if (type === 'sidebar.view') return view;
    if (type === 'account.search' || type === 'account.keys') return type === 'account.search' ? [] : { keys: [], owners: [], problems: [] };
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
