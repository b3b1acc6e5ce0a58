import { describe, expect, it, vi } from 'vitest';
import { browser } from 'wxt/browser';
import { KalError } from '../../lib/errors';
import { dispatch, isEnvelope, type Handlers, type Sender, type ServeOptions } from '../../lib/messaging/server';
import { requestSchemas } from '../../lib/messaging/schemas';
import type { Envelope, MessageType } from '../../lib/messaging/protocol';

const ALL_TYPES = Object.keys(requestSchemas) as MessageType[];

// The fake browser (@webext-core/fake-browser via WxtVitest) has runtime.id "test-extension-id"
// and getURL() → chrome-extension://test-extension-id/<path>.
const opts: ServeOptions = {
  fromContentScripts: new Set<MessageType>(['page.update']),
  extensionOrigin: browser.runtime.getURL('/'),
  schemas: requestSchemas,
};
const extensionPage: Sender = { id: browser.runtime.id, url: browser.runtime.getURL('/sidebar.html') };
const contentScript: Sender = {
  id: browser.runtime.id,
  url: 'https://www.linkedin.com/in/jean-martin/',
  origin: 'https://www.linkedin.com',
  tab: { id: 7, index: 0, active: true, pinned: false, highlighted: false, incognito: false, windowId: 1 } as never,
  frameId: 0,
};
const otherExtension: Sender = { id: 'someone-else', url: 'chrome-extension://someone-else/page.html' };

function fakeHandlers(impl: Partial<Record<MessageType, (p: unknown, s: Sender) => unknown>> = {}) {
  const h = Object.fromEntries(ALL_TYPES.map((t) => [t, vi.fn(impl[t] ?? (() => ({ handled: t })))]));
  return h as unknown as Handlers & Record<MessageType, ReturnType<typeof vi.fn>>;
}
const env = (type: string, payload: unknown): Envelope => ({ kal: 1, type: type as MessageType, payload: payload as never });
const ctx = { site: 'linkedin', kind: 'profile', url: 'https://www.linkedin.com/in/jean-martin/', person: { name: 'Jean Martin' } };

describe('fake browser', () => {
  it('has the runtime id and origin the senders below use', () => {
    expect(browser.runtime.id).toBe('test-extension-id');
    expect(opts.extensionOrigin).toBe('chrome-extension://test-extension-id/');
  });
});

describe('dispatch', () => {
  it('answers ok with the handler data (undefined becomes null)', async () => {
    const h = fakeHandlers({ 'match.confirm': () => undefined });
    expect(await dispatch(h, env('sidebar.view', { tabId: 3 }), extensionPage, opts)).toEqual({ ok: true, data: { handled: 'sidebar.view' } });
    expect(await dispatch(h, env('match.confirm', { tabId: 3, accountId: 'a' }), extensionPage, opts)).toEqual({ ok: true, data: null });
    expect(h['sidebar.view']).toHaveBeenCalledWith({ tabId: 3 }, extensionPage);
  });

  it.each(['nope', '__proto__', 'constructor', 'toString', 'hasOwnProperty'])('unknown message type %s → bad_request', async (type) => {
    const h = fakeHandlers();
    const r = await dispatch(h, env(type, {}), extensionPage, opts);
    expect(r).toMatchObject({ ok: false, error: { code: 'bad_request' } });
  });

  it.each([
    ['page.update', { ctx: { ...ctx, site: 'facebook' } }, 'ctx.site'],
    ['page.update', {}, 'ctx'],
    ['account.update', { id: '', patch: {} }, 'id'],
    ['account.update', { id: 'a', patch: 'x' }, 'patch'],
    ['match.reject', { tabId: -1, accountId: 'a' }, 'tabId'],
    ['account.search', { q: 42 }, 'q'],
    ['stakeholder.save', { accountId: 'a' }, 'stakeholder'],
    ['panel.set', { open: 'yes' }, 'open'],
  ])('malformed %s payload → bad_request naming the field', async (type, payload, field) => {
    const h = fakeHandlers();
    const r = await dispatch(h, env(type, payload), extensionPage, opts);
    expect(r).toMatchObject({ ok: false, error: { code: 'bad_request', field } });
    if (!r.ok) expect(r.error.message).toContain(field);
    expect(h[type as MessageType]).not.toHaveBeenCalled();
  });

  it('a missing payload is a bad request, not a crash', async () => {
    const h = fakeHandlers();
    for (const t of ALL_TYPES) {
      const r = await dispatch(h, env(t, undefined), extensionPage, opts);
      expect(r, t).toMatchObject({ ok: false, error: { code: 'bad_request' } });
    }
  });

  it('passes the validated payload (unknown keys dropped) to the handler', async () => {
    const h = fakeHandlers();
    await dispatch(h, env('page.update', { ctx: { ...ctx, evil: 1 }, extra: true }), contentScript, opts);
    expect(h['page.update']).toHaveBeenCalledWith({ ctx }, contentScript);
  });

  it('a KalError thrown by a handler keeps its code, message and field', async () => {
    const h = fakeHandlers({
      'account.create': () => {
        throw new KalError('validation', 'Account: name is required', 'name');
      },
      'account.update': async () => {
        throw new KalError('not_found', 'Account x does not exist', 'id');
      },
    });
    expect(await dispatch(h, env('account.create', { account: {} }), extensionPage, opts)).toEqual({
      ok: false,
      error: { code: 'validation', message: 'Account: name is required', field: 'name' },
    });
    expect(await dispatch(h, env('account.update', { id: 'x', patch: {} }), extensionPage, opts)).toEqual({
      ok: false,
      error: { code: 'not_found', message: 'Account x does not exist', field: 'id' },
    });
  });

  it.each([
    ['a TypeError', () => (null as unknown as { x: number }).x],
    ['a rejected promise', () => Promise.reject(new Error('boom'))],
    ['a string', () => {
      throw 'boom';
    }],
    ['null', () => {
      throw null;
    }],
  ])('%s from a handler → internal, no crash', async (_, impl) => {
    const h = fakeHandlers({ 'note.add': impl });
    const r = await dispatch(h, env('note.add', { accountId: 'a', body: 'x' }), extensionPage, opts);
    expect(r).toMatchObject({ ok: false, error: { code: 'internal' } });
    if (!r.ok) expect(typeof r.error.message).toBe('string');
  });

  it('a storage quota error → storage', async () => {
    const h = fakeHandlers({
      'note.add': () => {
        throw Object.assign(new Error('The quota has been exceeded.'), { name: 'QuotaExceededError' });
      },
    });
    expect(await dispatch(h, env('note.add', { accountId: 'a', body: 'x' }), extensionPage, opts)).toMatchObject({ ok: false, error: { code: 'storage' } });
  });

  it('every type but page.update is forbidden from a content script (and from other extensions)', async () => {
    const payloads: Record<string, unknown> = {
      'overlay.token': {},
      'detector.load': { name: 'gmail' },
      'sidebar.claim': { token: 't' },
      'sidebar.view': {},
      'account.search': { q: 'a' },
      'account.create': { account: { name: 'x' } },
      'account.update': { id: 'a', patch: {} },
      'account.keys': { account: { domains: ['acme.fr'] } },
      'match.confirm': { tabId: 1, accountId: 'a' },
      'match.reject': { tabId: 1, accountId: 'a' },
      'stakeholder.save': { accountId: 'a', stakeholder: { name: 'x' } },
      'stakeholder.update': { id: 'a', patch: {} },
      'note.add': { accountId: 'a', body: 'x' },
      'action.add': { accountId: 'a', title: 'x' },
      'action.update': { id: 'a', patch: {} },
      'panel.set': { open: true },
      'sample.load': {},
      'dashboard.open': { route: '#/review' },
      'page.skeleton': {},
    };
    expect(Object.keys(payloads).sort()).toEqual(ALL_TYPES.filter((t) => t !== 'page.update').sort());
    const h = fakeHandlers();
    for (const sender of [contentScript, otherExtension, { id: browser.runtime.id } as Sender]) {
      for (const [type, payload] of Object.entries(payloads)) {
        const r = await dispatch(h, env(type, payload), sender, opts);
        expect(r, `${type} from ${sender.url}`).toMatchObject({ ok: false, error: { code: 'forbidden' } });
      }
    }
    for (const t of ALL_TYPES) expect(h[t], t).not.toHaveBeenCalled();
    // …while the extension's own pages may send them
    for (const [type, payload] of Object.entries(payloads)) {
      expect(await dispatch(h, env(type, payload), extensionPage, opts), type).toMatchObject({ ok: true });
    }
  });

  it('page.update is accepted from a content script', async () => {
    const h = fakeHandlers({ 'page.update': () => null });
    expect(await dispatch(h, env('page.update', { ctx }), contentScript, opts)).toEqual({ ok: true, data: null });
    expect(h['page.update']).toHaveBeenCalledOnce();
  });
});

describe('isEnvelope', () => {
  it('recognises only our envelopes', () => {
    expect(isEnvelope({ kal: 1, type: 'page.update', payload: {} })).toBe(true);
    for (const m of [null, undefined, 'x', 1, {}, { kal: 2, type: 'x' }, { kal: 1 }, { kal: 1, type: 3 }, { kalEvent: 'changed', tables: [] }]) expect(isEnvelope(m)).toBe(false);
  });
});

describe('dashboard.open', () => {
  it('accepts only dashboard hash routes, never a URL', async () => {
    const h = fakeHandlers();
    const ok = await dispatch(h, env('dashboard.open', { route: '#/account/01J9ZK' }), extensionPage, opts);
    expect(ok).toEqual({ ok: true, data: { handled: 'dashboard.open' } });
    for (const route of ['https://evil.example/', 'javascript:alert(1)', '#/../../popup.html?x', '/dashboard.html']) {
      const r = await dispatch(h, env('dashboard.open', { route }), extensionPage, opts);
      expect(r).toMatchObject({ ok: false, error: { code: 'bad_request', field: 'route' } });
    }
    const fromPage = await dispatch(h, env('dashboard.open', {}), contentScript, opts);
    expect(fromPage).toMatchObject({ ok: false, error: { code: 'forbidden' } });
  });
});

describe('page text from a hostile page (schemas.ts PAGE_TEXT_CONTROLS)', () => {
  it('bidi overrides, isolates, marks and C0/C1 controls are dropped from names, titles and subjects; keys and URLs are untouched', () => {
    const r = requestSchemas['page.update']!.safeParse({
      ctx: {
        site: 'gmail',
        kind: 'thread',
        url: 'https://mail.google.com/mail/u/0/#inbox/abc',
        person: { name: 'Jane \u202Eeod\u202C', title: '\u2067CFO\u2069\u0007', email: 'jane@acme.fr' },
        company: { name: '\u200FAcme\u200E SAS\u0000', domain: 'acme.fr' },
        thread: { id: 'abc', subject: 'Offer\u202E 2027\u009b', participants: [{ name: '\u202DBob\u202C', email: 'bob@acme.fr' }] },
      },
    });
    expect(r.success).toBe(true);
    expect((r as { data: unknown }).data).toEqual({
      ctx: {
        site: 'gmail',
        kind: 'thread',
        url: 'https://mail.google.com/mail/u/0/#inbox/abc',
        person: { name: 'Jane eod', title: 'CFO', email: 'jane@acme.fr' },
        company: { name: 'Acme SAS', domain: 'acme.fr' },
        thread: { id: 'abc', subject: 'Offer 2027', participants: [{ name: 'Bob', email: 'bob@acme.fr' }] },
      },
    });
  });
});
