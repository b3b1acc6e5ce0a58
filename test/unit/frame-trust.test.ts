// The background's side of "only our own overlay can make the sidebar act" (issue 12).
import { describe, expect, it } from 'vitest';
import { browser } from 'wxt/browser';
import { FrameTrust, TOKEN_TTL_MS } from '../../lib/messaging/frame-trust';
import { dispatch, type Handlers, type Sender } from '../../lib/messaging/server';
import type { Envelope } from '../../lib/messaging/protocol';

const ORIGIN = browser.runtime.getURL('/');
const contentScript = (tab: number): Sender => ({ id: browser.runtime.id, url: 'https://www.linkedin.com/in/x/', tab: { id: tab } as never, frameId: 0 });
const sidebar = (tab: number, frameId: number): Sender => ({ id: browser.runtime.id, url: `${ORIGIN}sidebar.html`, tab: { id: tab } as never, frameId });

describe('FrameTrust', () => {
  it('a token is one-time, bound to its tab, refused to top frames and after its time-to-live', async () => {
    let now = 1000;
    const t = new FrameTrust(undefined, () => now);
    const token = await t.issue(contentScript(5));
    await expect(t.claim(token, sidebar(6, 3))).rejects.toMatchObject({ code: 'forbidden' }); // another tab
    await expect(t.claim(token, sidebar(5, 0))).rejects.toMatchObject({ code: 'forbidden' }); // not framed
    await expect(t.claim('guess', sidebar(5, 3))).rejects.toMatchObject({ code: 'forbidden' });
    const key = await t.claim(token, sidebar(5, 3));
    expect(key).toMatch(/^[0-9a-f]{64}$/);
    await expect(t.claim(token, sidebar(5, 4))).rejects.toMatchObject({ code: 'forbidden' }); // used
    const late = await t.issue(contentScript(5));
    now += TOKEN_TTL_MS + 1;
    await expect(t.claim(late, sidebar(5, 3))).rejects.toMatchObject({ code: 'forbidden' });
    await expect(t.issue({ ...contentScript(5), frameId: 2 })).rejects.toMatchObject({ code: 'forbidden' }); // sub-frame
  });

  it('a session key works only from its own tab and frame, and survives a restart through the store', async () => {
    let saved: unknown;
    const store = { load: async () => saved as never, save: async (s: unknown) => void (saved = structuredClone(s)) };
    const t = new FrameTrust(store);
    const key = await t.claim(await t.issue(contentScript(5)), sidebar(5, 3));
    await expect(t.check(sidebar(5, 3), key)).resolves.toBeUndefined();
    await expect(t.check(sidebar(5, 4), key)).rejects.toMatchObject({ code: 'forbidden' });
    await expect(t.check(sidebar(6, 3), key)).rejects.toMatchObject({ code: 'forbidden' });
    await expect(t.check(sidebar(5, 3), undefined)).rejects.toMatchObject({ code: 'forbidden' });
    const restarted = new FrameTrust(store);
    await expect(restarted.check(sidebar(5, 3), key)).resolves.toBeUndefined();
    await restarted.forgetTab(5);
    await expect(restarted.check(sidebar(5, 3), key)).rejects.toMatchObject({ code: 'forbidden' });
  });

  it('dispatch serves the sidebar page only with a valid session, and other extension pages as before', async () => {
    const t = new FrameTrust();
    const h = Object.fromEntries(['sidebar.view', 'note.add'].map((type) => [type, async () => ({ handled: type })])) as unknown as Handlers;
    const opts = { fromContentScripts: new Set(['page.update' as const]), extensionOrigin: ORIGIN, trust: t };
    const env = (type: string, auth?: string): Envelope => ({ kal: 1, type, payload: {}, ...(auth ? { auth } : {}) }) as never;
    expect(await dispatch(h, env('sidebar.view'), sidebar(5, 3), opts)).toMatchObject({ ok: false, error: { code: 'forbidden' } });
    expect(await dispatch(h, env('note.add', 'guess'), sidebar(5, 3), opts)).toMatchObject({ ok: false, error: { code: 'forbidden' } });
    const key = await t.claim(await t.issue(contentScript(5)), sidebar(5, 3));
    expect(await dispatch(h, env('note.add', key), sidebar(5, 3), opts)).toEqual({ ok: true, data: { handled: 'note.add' } });
    // the dashboard (a top-level page, not the sidebar) needs no session
    expect(await dispatch(h, env('note.add'), { id: browser.runtime.id, url: `${ORIGIN}dashboard.html`, tab: { id: 9 } as never, frameId: 0 }, opts)).toEqual({ ok: true, data: { handled: 'note.add' } });
  });
});
