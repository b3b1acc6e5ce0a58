import { afterEach, describe, expect, it, vi } from 'vitest';
import { addDays, today } from '../../lib/dates/calendar-date';
import { createDb, type KalDb } from '../../lib/db/db';
import { addAction, addNote, createAccount, savePlan, upsertStakeholder } from '../../lib/db/repo';
import { CAPTURE_MIN_INTERVAL_MS, createHandlers } from '../../lib/background/handlers';
import { DAY, DEFAULT_THRESHOLDS } from '../../lib/kam/red-flags';
import type { KalEvent, MessageType, RequestOf, ResponseOf } from '../../lib/messaging/protocol';
import type { Sender } from '../../lib/messaging/server';
import type { PageContext } from '../../lib/types';
import { errorText } from '../../components/ui/errorText';
import { makeT } from '../../lib/i18n';

const NOW = Date.UTC(2026, 2, 16, 9, 30);
const TAB = 7;

let db: KalDb | undefined;
afterEach(() => {
  db?.close();
  db = undefined;
});

function setup(canEditAccount?: (accountId: string) => Promise<boolean>) {
  const d = (db = createDb('t-' + crypto.randomUUID()));
  const tabs = new Map<number, PageContext>();
  const events: KalEvent[] = [];
  const broadcast = vi.fn((e: KalEvent) => void events.push(e));
  const clock = { now: NOW };
  const markTab = vi.fn(async (_tabId: number, _name: string | undefined) => {});
  const injectFile = vi.fn(async (_tabId: number, _frameId: number, _file: string) => {});
  const handlers = createHandlers({
    db: d,
    getTabContext: async (id) => tabs.get(id),
    setTabContext: async (id, ctx) => void tabs.set(id, ctx),
    broadcast,
    sendToTab: vi.fn(async () => {}),
    injectFile,
    activeTabId: async () => TAB,
    openExtensionTab: vi.fn(async () => {}),
    thresholds: async () => DEFAULT_THRESHOLDS,
    now: () => clock.now,
    markTab,
    canEditAccount,
  });
  const contentScript: Sender = { id: 'test-extension-id', url: 'https://www.linkedin.com/', tab: { id: TAB } as never, frameId: 0 };
  const page: Sender = { id: 'test-extension-id', url: 'chrome-extension://test-extension-id/sidebar.html', tab: { id: TAB } as never };
  const call = <T extends MessageType>(type: T, payload: RequestOf<T>, sender: Sender = page): Promise<ResponseOf<T>> =>
    Promise.resolve(handlers[type](payload as never, sender) as ResponseOf<T>);
  const show = async (ctx: PageContext) => {
    await call('page.update', { ctx }, contentScript);
    return call('sidebar.view', { tabId: TAB });
  };
  return { d, tabs, events, broadcast, call, show, contentScript, handlers, clock, markTab, injectFile };
}

const JEAN = 'https://www.linkedin.com/in/jean-martin/';
const ACME_LI = 'https://www.linkedin.com/company/acme/';
const profileCtx = (over: Partial<NonNullable<PageContext['person']>> = {}, company: PageContext['company'] = { name: 'Acme SAS', linkedinUrl: ACME_LI }): PageContext => ({
  site: 'linkedin',
  kind: 'profile',
  url: JEAN,
  person: { name: 'Jean Martin', title: 'CFO', linkedinUrl: JEAN, ...over },
  company,
});
const threadCtx = (participants: { name?: string; email?: string }[], id = 'thread-1'): PageContext => ({
  site: 'gmail',
  kind: 'thread',
  url: 'https://mail.google.com/mail/u/0/#inbox/FMfcgzQXJWDsKmmqZkVpQdqXx',
  thread: { id, subject: 'Renewal', participants },
});

describe('page.update', () => {
  it('stores the tab context, tells the views, and marks a match on the tab badge only (the reply says nothing)', async () => {
    const { d, tabs, events, call, contentScript, markTab } = setup();
    await createAccount(d, { name: 'Acme', linkedinUrls: [ACME_LI] });
    const ctx = profileCtx();
    expect(await call('page.update', { ctx }, contentScript)).toBeNull();
    expect(tabs.get(TAB)).toEqual(ctx);
    expect(events).toContainEqual({ kalEvent: 'page', tabId: TAB });
    expect(await call('page.update', { ctx: profileCtx({}, { name: 'Nobody Ltd' }) }, contentScript)).toBeNull();
    expect(markTab.mock.calls).toEqual([
      [TAB, 'Acme'],
      [TAB, undefined],
    ]);
  });

  it('refuses sub-frames and senders without a tab', async () => {
    const { call, contentScript } = setup();
    await expect(call('page.update', { ctx: profileCtx() }, { ...contentScript, frameId: 3 })).rejects.toMatchObject({ code: 'forbidden' });
    await expect(call('page.update', { ctx: profileCtx() }, { id: 'x' })).rejects.toMatchObject({ code: 'bad_request', field: 'tabId' });
  });
});

describe('detector.load (on-demand detectors, lib/detect/on-demand.ts)', () => {
  it('injects the named detector into the sender\'s own tab and frame', async () => {
    const { call, contentScript, injectFile } = setup();
    await expect(call('detector.load', { name: 'linkedin-profile' }, contentScript)).resolves.toBeNull();
    expect(injectFile.mock.calls).toEqual([[TAB, 0, '/detect-linkedin-profile.js']]);
    const gmail: Sender = { ...contentScript, url: 'https://mail.google.com/mail/u/0/#inbox', frameId: 0 };
    await call('detector.load', { name: 'gmail' }, gmail);
    expect(injectFile.mock.calls[1]).toEqual([TAB, 0, '/detect-gmail.js']);
    // the profile detector's JSON-LD part (guest pages), into LinkedIn pages only
    await call('detector.load', { name: 'linkedin-profile-ld' }, { ...contentScript, frameId: 0 });
    expect(injectFile.mock.calls[2]).toEqual([TAB, 0, '/detect-linkedin-profile-ld.js']);
    await expect(call('detector.load', { name: 'linkedin-profile-ld' }, gmail)).rejects.toMatchObject({ code: 'forbidden', field: 'name' });
    expect(injectFile).toHaveBeenCalledTimes(3);
  });

  it('refuses a detector of another site family, and a sender without a tab', async () => {
    const { call, contentScript, injectFile } = setup();
    await expect(call('detector.load', { name: 'outlook' }, contentScript)).rejects.toMatchObject({ code: 'forbidden', field: 'name' });
    await expect(call('detector.load', { name: 'linkedin-profile' }, { ...contentScript, url: 'https://evil.example/in/x/' })).rejects.toMatchObject({ code: 'forbidden' });
    await expect(call('detector.load', { name: 'linkedin-profile' }, { id: 'test-extension-id', url: 'https://www.linkedin.com/' })).rejects.toThrow();
    expect(injectFile).not.toHaveBeenCalled();
  });

  it('page.skeleton injects the copier before asking the tab for it', async () => {
    const { call, handlers, injectFile } = setup();
    void handlers;
    await expect(call('page.skeleton', { tabId: TAB })).rejects.toMatchObject({ code: 'not_found' }); // the fake tab answers nothing
    expect(injectFile.mock.calls).toEqual([[TAB, 0, '/page-skeleton.js']]);
  });
});

describe('sidebar.view', () => {
  it('shows the matched account with plan, stakeholders, actions (overdue first) and the known person with job changes', async () => {
    const { d, show } = setup();
    const acme = await createAccount(d, { name: 'Acme SAS', linkedinUrls: [ACME_LI] });
    await createAccount(d, { name: 'Other' });
    await savePlan(d, acme.id, { strategy: 'Expand to logistics' }, NOW - DAY);
    const { stakeholder: jean } = await upsertStakeholder(d, { accountId: acme.id, name: 'Jean Martin', title: 'Head of Purchasing', linkedinUrl: JEAN, role: 'decision_maker' }, NOW - 10 * DAY);
    await upsertStakeholder(d, { accountId: acme.id, name: 'Anna Bell', role: 'champion' }, NOW - 10 * DAY);
    const later = await addAction(d, { accountId: acme.id, title: 'Next month', dueAt: addDays(today(NOW), 30) }, NOW - 5 * DAY);
    const undated = await addAction(d, { accountId: acme.id, title: 'Someday' }, NOW - 9 * DAY);
    const overdue = await addAction(d, { accountId: acme.id, title: 'Late', dueAt: addDays(today(NOW), -2) }, NOW - 3 * DAY);
    const veryOverdue = await addAction(d, { accountId: acme.id, title: 'Very late', dueAt: addDays(today(NOW), -20) }, NOW - 1 * DAY);
    await addAction(d, { accountId: acme.id, title: 'Done', status: 'done', dueAt: addDays(today(NOW), -40) }, NOW - 1 * DAY);

    const v = await show(profileCtx({ title: 'Chief Financial Officer' }));
    expect(v.candidates[0]).toMatchObject({ id: acme.id, name: 'Acme SAS' });
    expect(v.account!.account.id).toBe(acme.id);
    expect(v.account!.plan).toMatchObject({ strategy: 'Expand to logistics' });
    expect(v.account!.stakeholders.map((s) => s.name)).toEqual(['Anna Bell', 'Jean Martin']);
    expect(v.account!.actions.map((a) => a.id)).toEqual([veryOverdue.id, overdue.id, later.id, undated.id]);
    expect(v.person!.stakeholder.id).toBe(jean.id);
    expect(v.person!.jobChanges).toEqual([{ field: 'title', saved: 'Head of Purchasing', seen: 'Chief Financial Officer' }]);

    const same = await show(profileCtx({ title: 'head of purchasing' }));
    expect(same.person!.jobChanges).toEqual([]);

    const moved = await show(profileCtx({ title: 'Head of Purchasing' }, { name: 'Globex', linkedinUrl: 'https://www.linkedin.com/company/globex/' }));
    expect(moved.person!.jobChanges).toEqual([{ field: 'company', saved: 'Acme SAS', seen: 'Globex' }]);
  });

  it('on a thread: marks known participants, and lists the thread notes first', async () => {
    const { d, show, call } = setup();
    const acme = await createAccount(d, { name: 'Acme', domains: ['acme.fr'] });
    const { stakeholder: anna } = await upsertStakeholder(d, { accountId: acme.id, name: 'Anna Bell', emails: ['anna@acme.fr'], role: 'champion', stance: 'supporter' });
    await addNote(d, { accountId: acme.id, body: 'old, other thread', threadId: 'thread-0' }, NOW - 3 * DAY);
    await addNote(d, { accountId: acme.id, body: 'recent, no thread' }, NOW - DAY);
    const v0 = await show(threadCtx([{ name: 'Anna', email: 'anna@acme.fr' }, { name: 'Bob', email: 'bob@acme.fr' }, { email: 'me.friend@gmail.com' }]));
    expect(v0.account!.account.id).toBe(acme.id);
    expect(v0.participants).toEqual([
      { name: 'Anna', email: 'anna@acme.fr', stakeholder: { id: anna.id, name: 'Anna Bell', role: 'champion', stance: 'supporter', accountId: acme.id } },
      { name: 'Bob', email: 'bob@acme.fr', stakeholder: undefined },
      { email: 'me.friend@gmail.com', stakeholder: undefined },
    ]);

    // a note written on this thread long ago still comes first
    const n = await call('note.add', { accountId: acme.id, body: 'about this thread', threadId: 'thread-1', source: { site: 'gmail', subject: 'Renewal' } });
    await d.notes.update(n.id, { createdAt: NOW - 30 * DAY });
    const v = await call('sidebar.view', { tabId: TAB });
    expect(v.account!.notes.map((x) => x.body)).toEqual(['about this thread', 'recent, no thread', 'old, other thread']);
  });

  it('recognises a participant whatever the case of the address', async () => {
    const { d, show } = setup();
    const acme = await createAccount(d, { name: 'Acme', domains: ['acme.fr'] });
    const { stakeholder: anna } = await upsertStakeholder(d, { accountId: acme.id, name: 'Anna Bell', emails: ['anna@acme.fr'] });
    const v = await show(threadCtx([{ email: 'Anna@ACME.fr' }]));
    expect(v.participants[0].stakeholder?.id).toBe(anna.id);
  });

  it('a page with nothing known shows no account', async () => {
    const { show } = setup();
    const v = await show(profileCtx({}, { name: 'Unknown Corp' }));
    expect(v).toMatchObject({ candidates: [], account: null, participants: [] });
    expect(v.person).toBeUndefined();
  });
});

describe('capture snapshot', () => {
  it('visiting a known profile records what LinkedIn shows, and the stakeholder stays editable', async () => {
    const { d, call, events, contentScript } = setup();
    const acme = await createAccount(d, { name: 'Acme', linkedinUrls: [ACME_LI] });
    const { stakeholder } = await upsertStakeholder(d, { accountId: acme.id, name: 'Jean Martin', title: 'CFO', linkedinUrl: JEAN });
    const longName = 'Globex '.repeat(40).trim(); // 279 characters: accepted by the page.update schema
    await call('page.update', { ctx: profileCtx({ title: 'CEO' }, { name: longName, linkedinUrl: 'https://www.linkedin.com/company/globex/' }) }, contentScript);
    expect(events).toContainEqual({ kalEvent: 'changed', tables: ['stakeholders'] });
    const s = (await d.stakeholders.get(stakeholder.id))!;
    expect(s.capture).toMatchObject({ title: 'CEO', companyChanged: true, companyLinkedinUrl: 'https://www.linkedin.com/company/globex/', seenAt: NOW });
    expect(s.capture!.companyName!.startsWith('Globex')).toBe(true);
    await expect(call('stakeholder.update', { id: stakeholder.id, patch: { stance: 'supporter' } })).resolves.toMatchObject({ stance: 'supporter' });
  });
});

describe('capture writes driven by the page are bounded (issue 12)', () => {
  it('a forged profile rewritten many times writes one capture per stakeholder per interval, and broadcasts nothing when nothing changed', async () => {
    const { d, call, events, contentScript, clock } = setup();
    const acme = await createAccount(d, { name: 'Acme', linkedinUrls: [ACME_LI] });
    const { stakeholder } = await upsertStakeholder(d, { accountId: acme.id, name: 'Jean Martin', title: 'CFO', linkedinUrl: JEAN });
    const writes = vi.spyOn(d.stakeholders, 'update');
    // 21 DOM rewrites on one URL, each a different title, 300 ms apart.
    for (let i = 0; i < 21; i++) {
      clock.now = NOW + i * 300;
      await call('page.update', { ctx: profileCtx({ title: `Title ${i}` }) }, contentScript);
    }
    expect(writes).toHaveBeenCalledTimes(1);
    expect((await d.stakeholders.get(stakeholder.id))!.capture).toMatchObject({ title: 'Title 0', seenAt: NOW });
    expect(events.filter((e) => e.kalEvent === 'changed')).toEqual([{ kalEvent: 'changed', tables: ['stakeholders'] }]);

    // pushState to new URLs of the same person (query strings): each a navigation, still one write per interval
    for (let i = 0; i < 10; i++) {
      clock.now = NOW + 10_000 + i * 300;
      await call('page.update', { ctx: { ...profileCtx({ title: `Other ${i}` }), url: `${JEAN}?try=${i}` } }, contentScript);
    }
    expect(writes).toHaveBeenCalledTimes(1);

    // the same report again: no 'page' event, no write
    const n = events.length;
    await call('page.update', { ctx: { ...profileCtx({ title: 'Other 9' }), url: `${JEAN}?try=9` } }, contentScript);
    expect(events.length).toBe(n);

    // after the interval, the next navigation refreshes the snapshot once
    clock.now = NOW + CAPTURE_MIN_INTERVAL_MS + 1;
    await call('page.update', { ctx: { ...profileCtx({ title: 'CEO' }), url: `${JEAN}?after=1` } }, contentScript);
    expect(writes).toHaveBeenCalledTimes(2);
    expect((await d.stakeholders.get(stakeholder.id))!.capture).toMatchObject({ title: 'CEO', seenAt: NOW + CAPTURE_MIN_INTERVAL_MS + 1 });
  });
});

describe('stakeholder.save', () => {
  it('creates the account and the stakeholder together, updates on a second save, and learns the page', async () => {
    const { d, call, show, contentScript } = setup();
    await call('page.update', { ctx: profileCtx() }, contentScript);
    const first = await call('stakeholder.save', {
      newAccount: { name: 'Acme SAS', linkedinUrls: [ACME_LI] },
      stakeholder: { name: 'Jean Martin', title: 'CFO', linkedinUrl: JEAN, role: 'economic_buyer', influence: 'high' },
      tabId: TAB,
    });
    expect(first.created).toBe(true);
    expect(first.account.name).toBe('Acme SAS');
    expect(first.stakeholder).toMatchObject({ accountId: first.account.id, linkedinUrl: JEAN, role: 'economic_buyer' });
    expect(await d.links.where('accountId').equals(first.account.id).filter((l) => l.verdict === 'confirmed').count()).toBeGreaterThan(0);

    // Saved again from a page showing another title: the stored title is the user's, it stays.
    const second = await call('stakeholder.save', {
      accountId: first.account.id,
      stakeholder: { name: 'Jean Martin', title: 'CFO & COO', linkedinUrl: 'https://www.linkedin.com/in/Jean-Martin/overlay/contact-info/', emails: ['jean@acme.fr'] },
      shown: { name: 'Jean Martin', title: 'CFO & COO', role: 'unknown', influence: 'medium', stance: 'unknown' },
      tabId: TAB,
    });
    expect(second).toMatchObject({ created: false, updated: ['emails'], kept: ['title'] });
    expect(second.stakeholder.id).toBe(first.stakeholder.id);
    expect(await d.stakeholders.get(first.stakeholder.id)).toMatchObject({ title: 'CFO', role: 'economic_buyer', influence: 'high', emails: ['jean@acme.fr'] });
    expect(await d.stakeholders.count()).toBe(1);
    expect(await d.accounts.count()).toBe(1);

    // the learned link matches the same company seen under another name
    const v = await show({ site: 'linkedin', kind: 'company', url: ACME_LI, company: { name: 'ACME Group', linkedinUrl: ACME_LI } });
    expect(v.candidates[0].id).toBe(first.account.id);
  });

  it.each([
    ['a bad email', { name: 'Jean Martin', emails: ['nope'] }, 'emails.0'],
    ['no name', { title: 'CFO' }, 'name'],
    ['a company URL as profile', { name: 'Jean Martin', linkedinUrl: ACME_LI }, 'linkedinUrl'],
  ])('a stakeholder with %s creates no account', async (_, stakeholder, field) => {
    const { d, call, events } = setup();
    await expect(call('stakeholder.save', { newAccount: { name: 'Acme SAS' }, stakeholder: stakeholder as never })).rejects.toMatchObject({ code: 'validation', field });
    expect(await d.accounts.count()).toBe(0);
    expect(await d.stakeholders.count()).toBe(0);
    expect(events.filter((e) => e.kalEvent === 'changed')).toEqual([]);
  });

  it('a bad new account is rejected with its field', async () => {
    const { d, call } = setup();
    await expect(call('stakeholder.save', { newAccount: { name: 'Acme', website: 'x' }, stakeholder: { name: 'Jean' } })).rejects.toMatchObject({ code: 'validation', field: 'newAccount.website' });
    // the new account's empty name is named as the account's, in English and French
    const noName = await call('stakeholder.save', { newAccount: { name: '' }, stakeholder: { name: 'Jean' } }).catch((e: unknown) => e);
    expect([errorText(makeT('en'), noName), errorText(makeT('fr'), noName)]).toEqual(['New account — Name: is required.', 'Nouveau compte — Nom : est obligatoire.']);
    await expect(call('stakeholder.save', { stakeholder: { name: 'Jean' } })).rejects.toMatchObject({ code: 'validation', field: 'accountId' });
    await expect(call('stakeholder.save', { accountId: 'ghost', stakeholder: { name: 'Jean' } })).rejects.toMatchObject({ code: 'not_found' });
    expect(await d.accounts.count()).toBe(0);
  });
});

describe('learning from the user', () => {
  it('match.reject: the account is no longer proposed for this page', async () => {
    const { d, call, show } = setup();
    const acme = await createAccount(d, { name: 'Acme', domains: ['acme.fr'] });
    const ctx = threadCtx([{ email: 'anna@acme.fr' }]);
    expect((await show(ctx)).account?.account.id).toBe(acme.id);
    await call('match.reject', { tabId: TAB, accountId: acme.id });
    const v = await call('sidebar.view', { tabId: TAB });
    expect(v.candidates).toEqual([]);
    expect(v.account).toBeNull();
    // …nor on another thread from that domain
    expect((await show(threadCtx([{ email: 'bob@acme.fr' }], 'thread-2'))).candidates).toEqual([]);
  });

  it('match.confirm on a thread with two companies does not hand the other company to the confirmed account', async () => {
    const { d, call, show } = setup();
    const acme = await createAccount(d, { name: 'Acme', domains: ['acme.fr'] });
    const globex = await createAccount(d, { name: 'Globex', domains: ['globex.com'] });
    const both = await show(threadCtx([{ email: 'anna@acme.fr' }, { email: 'gus@globex.com' }]));
    expect(both.candidates.map((c) => c.id).sort()).toEqual([acme.id, globex.id].sort());
    await call('match.confirm', { tabId: TAB, accountId: acme.id });
    expect((await call('sidebar.view', { tabId: TAB })).candidates[0].id).toBe(acme.id);
    // a later thread with Globex only is still Globex's
    const later = await show(threadCtx([{ email: 'gus@globex.com' }], 'thread-9'));
    expect(later.candidates.map((c) => c.id)).toEqual([globex.id]);
  });

  it('match.confirm after a wrong match: the corrected account wins next time', async () => {
    const { d, call, show } = setup();
    await createAccount(d, { name: 'Hexagone' });
    const right = await createAccount(d, { name: 'Hexagone Distribution' });
    const ctx: PageContext = { site: 'linkedin', kind: 'company', url: 'https://www.linkedin.com/company/hexagone-sas/', company: { name: 'Hexagone SAS', linkedinUrl: 'https://www.linkedin.com/company/hexagone-sas/' } };
    expect((await show(ctx)).candidates[0].name).toBe('Hexagone');
    await call('match.confirm', { tabId: TAB, accountId: right.id });
    expect((await show(ctx)).candidates[0].id).toBe(right.id);
  });
});

describe('broadcasts', () => {
  it('every write tells the open views what changed', async () => {
    const { d, call, events, contentScript } = setup();
    const acme = await createAccount(d, { name: 'Acme', domains: ['acme.fr'] });
    await call('page.update', { ctx: threadCtx([{ email: 'anna@acme.fr' }]) }, contentScript);
    const { stakeholder } = await upsertStakeholder(d, { accountId: acme.id, name: 'Anna' });
    const action = await addAction(d, { accountId: acme.id, title: 'Call' });
    const writes: [MessageType, unknown][] = [
      ['account.create', { account: { name: 'Globex' } }],
      ['account.update', { id: acme.id, patch: { tier: 'A' } }],
      ['match.confirm', { tabId: TAB, accountId: acme.id }],
      ['match.reject', { tabId: TAB, accountId: acme.id }],
      ['stakeholder.save', { accountId: acme.id, stakeholder: { name: 'Bob' } }],
      ['stakeholder.update', { id: stakeholder.id, patch: { stance: 'champion' } }],
      ['note.add', { accountId: acme.id, body: 'Hello', threadId: 'thread-1' }],
      ['action.add', { accountId: acme.id, title: 'Send deck' }],
      ['action.update', { id: action.id, patch: { status: 'done' } }],
    ];
    for (const [type, payload] of writes) {
      events.length = 0;
      await call(type, payload as never);
      expect(events.filter((e) => e.kalEvent === 'changed'), type).not.toEqual([]);
    }
    // and writes really happened
    expect(await d.accounts.get(acme.id)).toMatchObject({ tier: 'A' });
    expect(await d.actions.get(action.id)).toMatchObject({ status: 'done', doneAt: NOW });
  });
});

describe('review fixes: what the user saw, what they picked', () => {
  it('saving a known person again without picking a role keeps their role, influence and stance', async () => {
    const { d, call, show } = setup();
    const acme = await createAccount(d, { name: 'Acme SAS' }, NOW);
    await upsertStakeholder(d, { accountId: acme.id, name: 'Jean Martin', role: 'economic_buyer', influence: 'high', stance: 'champion' }, NOW);
    await show(threadCtx([{ name: 'Jean Martin', email: 'jean@acme.fr' }]));
    const r = await call('stakeholder.save', { accountId: acme.id, stakeholder: { name: 'Jean Martin', emails: ['jean@acme.fr'] }, tabId: TAB });
    expect(r.created).toBe(false);
    expect(r.stakeholder).toMatchObject({ role: 'economic_buyer', influence: 'high', stance: 'champion', emails: ['jean@acme.fr'] });
  });

  it('refuses to link when the tab has moved on from the page the user saw', async () => {
    const { d, call, show } = setup();
    const acme = await createAccount(d, { name: 'Acme SAS' }, NOW);
    await show(profileCtx());
    await expect(call('match.confirm', { tabId: TAB, accountId: acme.id, url: 'https://www.linkedin.com/in/someone-else/' })).rejects.toMatchObject({ code: 'bad_request' });
    expect(await d.links.count()).toBe(0);
  });

  it('on a profile, linking by hand links the person, not their employer', async () => {
    const { d, call, show } = setup();
    const client = await createAccount(d, { name: 'Client Corp' }, NOW);
    await show(profileCtx({}, { name: 'Deloitte', linkedinUrl: 'https://www.linkedin.com/company/deloitte/' }));
    await call('match.confirm', { tabId: TAB, accountId: client.id, url: JEAN });
    expect((await d.links.toArray()).map((l) => l.key)).toEqual([`profile:${JEAN}`]);
    // Another Deloitte employee's profile is not sent to the client's account.
    const other = await show({ ...profileCtx({ name: 'Paul Durand', linkedinUrl: 'https://www.linkedin.com/in/paul-durand/' }, { name: 'Deloitte', linkedinUrl: 'https://www.linkedin.com/company/deloitte/' }), url: 'https://www.linkedin.com/in/paul-durand/' });
    expect(other.candidates).toEqual([]);
  });
});

describe('framed pages without browser.tabs (Firefox)', () => {
  it('sidebar.view without a tab id answers for the sender\'s tab, and says which tab that is', async () => {
    const { call, contentScript } = setup();
    await call('page.update', { ctx: profileCtx() }, contentScript);
    const v = await call('sidebar.view', {});
    expect(v.tabId).toBe(TAB);
    expect(v.ctx?.url).toBe(JEAN);
  });

  it('dashboard.open opens the dashboard route next to the sender\'s tab', async () => {
    const d = createDb('t-' + crypto.randomUUID());
    db = d;
    const openExtensionTab = vi.fn(async () => {});
    const handlers = createHandlers({
      db: d,
      getTabContext: async () => undefined,
      setTabContext: async () => {},
      broadcast: () => {},
      sendToTab: async () => {},
      injectFile: async () => {},
      activeTabId: async () => TAB,
      openExtensionTab,
      thresholds: async () => DEFAULT_THRESHOLDS,
    });
    const sender: Sender = { id: 'x', url: 'moz-extension://x/sidebar.html', tab: { id: TAB } as never };
    await handlers['dashboard.open']({ route: '#/account/abc' }, sender);
    await handlers['dashboard.open']({}, { id: 'x', url: 'moz-extension://x/popup.html' });
    expect(openExtensionTab.mock.calls).toEqual([
      ['/dashboard.html#/account/abc', TAB],
      ['/dashboard.html', undefined],
    ]);
  });
});

describe('idempotent creates (issue 12)', () => {
  it('the same draft sent twice (double click, retry) writes one note, one action, one account', async () => {
    const { d, call } = setup();
    const acme = await createAccount(d, { name: 'Acme' });
    const id = crypto.randomUUID();
    const [n1, n2] = await Promise.all([call('note.add', { id, accountId: acme.id, body: 'Met the CFO' }), call('note.add', { id, accountId: acme.id, body: 'Met the CFO' })]);
    expect(n1.id).toBe(id);
    expect(n2).toEqual(n1);
    expect(await d.notes.count()).toBe(1);
    const aid = crypto.randomUUID();
    await Promise.all([call('action.add', { id: aid, accountId: acme.id, title: 'Send proposal' }), call('action.add', { id: aid, accountId: acme.id, title: 'Send proposal' })]);
    expect(await d.actions.count()).toBe(1);
    const cid = crypto.randomUUID();
    const [c1, c2] = await Promise.all([call('account.create', { id: cid, account: { name: 'Globex' } }), call('account.create', { id: cid, account: { name: 'Globex' } })]);
    expect(c2.id).toBe(c1.id);
    expect(await d.accounts.count()).toBe(2);
    // a draft id is no key to another account's records
    const other = await createAccount(d, { name: 'Initech' });
    await expect(call('note.add', { id, accountId: other.id, body: 'x' })).rejects.toMatchObject({ code: 'validation', field: 'id' });
    await expect(call('note.add', { id: 'bad id!', accountId: acme.id, body: 'x' })).rejects.toMatchObject({ code: 'validation', field: 'id' });
    // without an id, two clicks are two notes, as before
    await call('note.add', { accountId: acme.id, body: 'again' });
    await call('note.add', { accountId: acme.id, body: 'again' });
    expect(await d.notes.count()).toBe(3);
  });

  it('the same new profile saved from two tabs creates one account and one stakeholder', async () => {
    const { d, call } = setup();
    const save = () =>
      call('stakeholder.save', { newAccount: { name: 'Acme SAS', linkedinUrls: [ACME_LI] }, stakeholder: { name: 'Jean Martin', title: 'CFO', linkedinUrl: JEAN } });
    const [a, b] = await Promise.all([save(), save()]);
    expect(b.account.id).toBe(a.account.id);
    expect(b.stakeholder.id).toBe(a.stakeholder.id);
    expect(await d.accounts.count()).toBe(1);
    expect(await d.stakeholders.count()).toBe(1);
  });
});

describe('a viewer of a shared account (team sync, lib/sync/share.ts canEdit)', () => {
  it('every write to its records is refused before anything is written; other accounts stay writable', async () => {
    let viewerOf = '';
    const { d, call } = setup(async (accountId) => accountId !== viewerOf);
    const shared = await createAccount(d, { name: 'Shared SA' }, NOW);
    const mine = await createAccount(d, { name: 'Mine SA' }, NOW);
    const { stakeholder: s } = await upsertStakeholder(d, { accountId: shared.id, name: 'Ana Silva' }, NOW);
    const a = await addAction(d, { accountId: shared.id, title: 'Call Ana', dueAt: today() }, NOW);
    viewerOf = shared.id;
    const before = JSON.stringify(await Promise.all([d.accounts.toArray(), d.stakeholders.toArray(), d.actions.toArray(), d.notes.toArray()]));

    const refusals = await Promise.all([
      call('account.update', { id: shared.id, patch: { tier: 'A' }, base: {}, baseRev: shared.rev ?? 0 }),
      call('stakeholder.update', { id: s.id, patch: { title: 'CFO' }, base: {}, baseRev: s.rev ?? 0 }),
      call('action.update', { id: a.id, patch: { status: 'done' }, base: {}, baseRev: a.rev ?? 0 }),
      call('note.add', { accountId: shared.id, body: 'hello' }),
      call('action.add', { accountId: shared.id, title: 'Another', dueAt: today() }),
      call('stakeholder.save', { accountId: shared.id, stakeholder: { name: 'Bo Berg' } }),
    ].map((p) => (p as Promise<unknown>).then(() => 'written', (e: { code?: string; message?: string; reason?: string }) => `${e.code} ${e.reason}: ${e.message}`)));
    expect(refusals).toEqual(Array(6).fill('forbidden viewer_only: You can view this shared account but not change it: ask its owner to make you an editor'));
    expect(JSON.stringify(await Promise.all([d.accounts.toArray(), d.stakeholders.toArray(), d.actions.toArray(), d.notes.toArray()]))).toBe(before);

    const note = await call('note.add', { accountId: mine.id, body: 'mine' });
    expect((await d.notes.get(note.id))?.body).toBe('mine');
  });

  it('the sidebar view says whether the shown account and the known person\'s account may be edited', async () => {
    let viewerOf = '';
    const { d, call, contentScript } = setup(async (accountId) => accountId !== viewerOf);
    const acme = await createAccount(d, { name: 'Acme SAS', linkedinUrls: [ACME_LI] }, NOW);
    const other = await createAccount(d, { name: 'Other SA' }, NOW);
    await upsertStakeholder(d, { accountId: other.id, name: 'Jean Martin', linkedinUrl: JEAN }, NOW);
    await call('page.update', { ctx: profileCtx({ title: 'CFO' }) }, contentScript);
    // Acme shown (the user's pick), the person on the page being Other's stakeholder.
    const show = () => call('sidebar.view', { tabId: TAB, accountId: acme.id });
    const mine = await show();
    expect([mine.account?.account.id, mine.canEdit, mine.person?.canEdit]).toEqual([acme.id, true, true]);
    viewerOf = acme.id;
    const viewing = await show();
    expect([viewing.account?.account.id, viewing.canEdit, viewing.person?.canEdit]).toEqual([acme.id, false, true]);
    viewerOf = other.id;
    const personOnly = await show();
    expect([personOnly.canEdit, personOnly.person?.canEdit]).toEqual([true, false]);
  });

  it('sync off (no rule given): everything may be edited', async () => {
    const { d, show } = setup();
    await createAccount(d, { name: 'Acme SAS', linkedinUrls: [ACME_LI] }, NOW);
    expect((await show(profileCtx({}))).canEdit).toBe(true);
  });
});
