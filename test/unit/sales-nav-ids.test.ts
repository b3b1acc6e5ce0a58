// Sales Navigator: a lead saved from its page is recognised on the next visit (the lead id is
// kept on the stakeholder), and the lead and the same person's /in/ profile are one stakeholder.
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterEach, describe, expect, it, vi } from 'vitest';
import { createDb, type KalDb } from '../../lib/db/db';
import { createHandlers } from '../../lib/background/handlers';
import { DEFAULT_THRESHOLDS } from '../../lib/kam/red-flags';
import { detectPage } from '../../lib/detect';
import { salesNavAccountId, salesNavLeadId } from '../../lib/detect/sales-navigator';
import type { MessageType, RequestOf, ResponseOf } from '../../lib/messaging/protocol';
import type { Sender } from '../../lib/messaging/server';
import type { PageContext } from '../../lib/types';

const TAB = 3;
let db: KalDb | undefined;
afterEach(() => {
  db?.close();
  db = undefined;
});

function setup() {
  const d = (db = createDb('t-' + crypto.randomUUID()));
  const tabs = new Map<number, PageContext>();
  const handlers = createHandlers({
    db: d,
    getTabContext: async (id) => tabs.get(id),
    setTabContext: async (id, ctx) => void tabs.set(id, ctx),
    broadcast: vi.fn(),
    sendToTab: vi.fn(async () => {}),
    injectFile: vi.fn(async () => {}),
    activeTabId: async () => TAB,
    openExtensionTab: vi.fn(async () => {}),
    thresholds: async () => DEFAULT_THRESHOLDS,
    now: () => Date.UTC(2026, 10, 29),
  });
  const cs: Sender = { id: 'x', url: 'https://www.linkedin.com/', tab: { id: TAB } as never, frameId: 0 };
  const page: Sender = { id: 'x', url: 'chrome-extension://x/sidebar.html', tab: { id: TAB } as never };
  const call = <T extends MessageType>(type: T, payload: RequestOf<T>, sender: Sender = page): Promise<ResponseOf<T>> =>
    Promise.resolve(handlers[type](payload as never, sender) as ResponseOf<T>);
  const show = async (ctx: PageContext) => {
    await call('page.update', { ctx }, cs);
    return call('sidebar.view', { tabId: TAB });
  };
  return { d, call, show };
}

const FIX = join(__dirname, '..', 'fixtures', 'sales-nav-lead');
const leadPage = (): PageContext => {
  const spec = JSON.parse(readFileSync(join(FIX, 'lead-en.expected.json'), 'utf8')) as { url: string };
  return detectPage(new DOMParser().parseFromString(readFileSync(join(FIX, 'lead-en.html'), 'utf8'), 'text/html'), new URL(spec.url));
};

describe('Sales Navigator ids', () => {
  it('reads the lead and account ids from the URL shapes', () => {
    expect(salesNavLeadId(new URL('https://www.linkedin.com/sales/lead/ACwAAB1x2y3z,NAME_SEARCH,Qx9z?_ntb=1'))).toBe('ACwAAB1x2y3z');
    expect(salesNavLeadId('/sales/lead/ACwAAE72')).toBe('ACwAAE72');
    expect(salesNavLeadId('/sales/search/people')).toBeUndefined();
    expect(salesNavAccountId('/sales/company/5120934/people?_ntb=a1')).toBe('5120934');
    expect(salesNavAccountId('/sales/company/<script>')).toBeUndefined();
  });

  it('a lead saved from its page is known on the next visit, without any /in/ URL', async () => {
    const { call, show } = setup();
    const lead: PageContext = { ...leadPage(), person: { ...leadPage().person, linkedinUrl: undefined } };
    expect(lead.person?.salesNavLeadId).toBe('ACwAAB1x2y3zQ9rStUvWxYz');
    const first = await show(lead);
    expect(first.person).toBeUndefined();
    const saved = await call('stakeholder.save', {
      newAccount: { name: lead.company!.name! },
      stakeholder: { name: lead.person!.name!, salesNavLeadId: lead.person!.salesNavLeadId },
      tabId: TAB,
    });
    expect(saved.stakeholder.salesNavLeadId).toBe('ACwAAB1x2y3zQ9rStUvWxYz');
    const again = await show(lead);
    expect(again.person?.stakeholder.id).toBe(saved.stakeholder.id);
    expect(again.account?.account.id).toBe(saved.account.id);
  });

  it('the lead and the same person\'s /in/ profile resolve to one stakeholder (either order)', async () => {
    const { d, call, show } = setup();
    const lead: PageContext = { ...leadPage(), person: { ...leadPage().person, linkedinUrl: undefined } };
    const saved = await call('stakeholder.save', { newAccount: { name: 'Nordwind Logistik' }, stakeholder: { name: lead.person!.name!, salesNavLeadId: lead.person!.salesNavLeadId }, tabId: TAB });
    // later, the public profile of the same person, saved to the same account
    const profile: PageContext = { site: 'linkedin', kind: 'profile', url: 'https://www.linkedin.com/in/x-person/', person: { name: lead.person!.name!, linkedinUrl: 'https://www.linkedin.com/in/x-person/' } };
    const again = await call('stakeholder.save', { accountId: saved.account.id, stakeholder: { name: lead.person!.name!, linkedinUrl: profile.person!.linkedinUrl }, tabId: TAB });
    expect(again.created).toBe(false);
    expect(await d.stakeholders.count()).toBe(1);
    const one = (await d.stakeholders.toArray())[0];
    expect(one.linkedinUrl).toBe('https://www.linkedin.com/in/x-person/');
    expect(one.salesNavLeadId).toBe('ACwAAB1x2y3zQ9rStUvWxYz');
    expect((await show(profile)).person?.stakeholder.id).toBe(one.id);
    expect((await show(lead)).person?.stakeholder.id).toBe(one.id);
  });

  it('a lead page that links the public profile saves both keys at once', async () => {
    const { d, call } = setup();
    const lead = leadPage();
    expect(lead.person?.linkedinUrl).toMatch(/^https:\/\/www\.linkedin\.com\/in\//);
    await call('stakeholder.save', { newAccount: { name: 'Acme' }, stakeholder: { name: lead.person!.name!, linkedinUrl: lead.person!.linkedinUrl, salesNavLeadId: lead.person!.salesNavLeadId }, tabId: TAB });
    const s = (await d.stakeholders.toArray())[0];
    expect([s.linkedinUrl, s.salesNavLeadId]).toEqual([lead.person!.linkedinUrl, 'ACwAAB1x2y3zQ9rStUvWxYz']);
  });
});
