// A hostile host page: markup in names must render as text, the page must not be able to read
// what the sidebar shows, and it must not be able to make the sidebar (or the background) write.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { countRecords, fixture, fixtureBody, launch, loadSample, openPanel, type Lab } from './harness';

const URL = 'https://www.linkedin.com/in/claire-martin-hostile/';

describe('hostile page', () => {
  let lab: Lab;
  beforeAll(async () => {
    lab = await launch();
    await lab.serve('https://www.linkedin.com/in/**', 'hostile/linkedin-profile-hostile.html');
    await loadSample(lab);
  });
  afterAll(async () => lab?.close());

  it('shows script-like names as text and cannot be read or driven by the page', async () => {
    const notesBefore = await countRecords(lab, 'notes');
    const accountsBefore = await countRecords(lab, 'accounts');
    const page = await lab.ctx.newPage();
    const dialogs: string[] = [];
    page.on('dialog', (d) => {
      dialogs.push(d.message());
      void d.dismiss();
    });
    await page.goto(URL);
    await openPanel(page);
    const f = await lab.sidebarFrame(page);
    const noMatch = f.getByTestId('no-match');
    await expect.poll(() => noMatch.textContent()).toContain('<script>alert(1)</script> SAS');
    // The form is prefilled with the literal text, and nothing in the panel became markup.
    const form = f.getByRole('form', { name: 'Add as stakeholder' });
    await expect.poll(() => form.getByRole('textbox', { name: 'Name' }).inputValue()).toBe('Claire <img src=x onerror=alert(1)> Martin');
    expect(await f.locator('img, svg[onload], iframe').count()).toBe(0);

    // Saving creates the account under its literal name, displayed as text.
    await form.getByRole('button', { name: 'Add as stakeholder' }).click();
    await expect.poll(() => f.getByTestId('account-name').textContent().catch(() => null), { timeout: 10_000 }).toBe('<script>alert(1)</script> SAS');
    await f.getByTestId('person-card').getByText('Claire <img src=x onerror=alert(1)> Martin').waitFor();
    expect(await f.locator('main img').count()).toBe(0);

    // The page's own script swept the DOM and frames for several seconds while forging messages.
    await page.waitForTimeout(3000);
    const stolen = await page.evaluate(() => String((window as unknown as { __stolen?: string }).__stolen ?? ''));
    expect(stolen.length).toBeGreaterThan(0); // it did run
    for (const secret of ['Next actions', 'Power map', 'Open dashboard', 'Economic buyer', 'Known stakeholder', 'kalToken']) expect(stolen).not.toContain(secret);
    const direct = await page.evaluate(() => {
      // Our iframe sits in a closed shadow root: the page cannot even get hold of the element.
      const hosts = [...document.querySelectorAll('key-account-lens, key-account-lens-panel')];
      const frames = hosts.flatMap((h) => [...(h.shadowRoot?.querySelectorAll('iframe') ?? [])]).concat([...document.querySelectorAll('iframe')]);
      // Not even through window.frames: a shadow tree's iframe is no child of the page's window.
      return { hosts: hosts.length, reachableFrames: frames.length, windowFrames: window.length };
    });
    expect(direct).toEqual({ hosts: 2, reachableFrames: 0, windowFrames: 0 });
    // No extension API in the page's world, so it cannot message the background either.
    expect(await page.evaluate(() => typeof (globalThis as { chrome?: { runtime?: { sendMessage?: unknown } } }).chrome?.runtime?.sendMessage)).toBe('undefined');

    // Forged postMessages changed nothing: one new account (the one we saved), no new note.
    expect(await countRecords(lab, 'notes')).toBe(notesBefore);
    expect(await countRecords(lab, 'accounts')).toBe(accountsBefore + 1);
    expect(dialogs).toEqual([]);
    await page.close();
  });
});

describe('content script: no page-controlled denial, no fingerprint, bounded writes (issue 12)', () => {
  let lab: Lab;
  // The page records every window message it sees (WXT used to post the extension id there).
  const RECORDER = `<script>window.__seen = []; addEventListener('message', (e) => { try { window.__seen.push(JSON.stringify(e.data)); } catch { window.__seen.push(String(e.data)); } });</script>`;
  beforeAll(async () => {
    lab = await launch();
    await lab.serve('https://www.linkedin.com/in/**', fixture('linkedin-profile/classic-en.html').replace('<head>', `<head>${RECORDER}`));
    await loadSample(lab);
  });
  afterAll(async () => lab?.close());

  it('a forged WXT start-up event does not remove the overlay, and nothing announces the extension id to the page', async () => {
    const page = await lab.ctx.newPage();
    await page.goto('https://www.linkedin.com/in/claire-martin-achats/');
    const tab = page.locator('key-account-lens').getByRole('button');
    await tab.waitFor();
    // Every entrypoint name a content script of ours has had or may get (one per site family).
    await page.evaluate((id) => {
      for (const name of ['overlay', 'linkedin', 'gmail', 'outlook', 'content']) {
        const type = `${id}:${name}:wxt:content-script-started`;
        document.dispatchEvent(new CustomEvent(type, { detail: { contentScriptName: name, messageId: 'forged' } }));
        window.dispatchEvent(new CustomEvent(type, { detail: { contentScriptName: name, messageId: 'forged' } }));
      }
    }, lab.extensionId);
    await page.waitForTimeout(1500);
    expect(await page.locator('key-account-lens').count()).toBe(1);
    await openPanel(page);
    const f = await lab.sidebarFrame(page);
    await expect.poll(() => f.getByTestId('account-name').textContent()).toBe('Groupe Hexagone Distribution');
    // The overlay still follows navigation after the forged event.
    await page.evaluate((html) => {
      history.pushState({}, '', '/in/lukas-becker/');
      document.body.innerHTML = html;
    }, fixtureBody('linkedin-profile/sdui-en.html'));
    await expect.poll(() => f.getByTestId('account-name').textContent(), { timeout: 10_000 }).toBe('Nordlicht Analytics GmbH');
    const seen = await page.evaluate(() => (window as unknown as { __seen: string[] }).__seen);
    expect(seen.filter((m) => m.includes(lab.extensionId) || m.includes('wxt'))).toEqual([]);
    await page.close();
  });

  it('a page rewriting a known profile 21 times in 6 s causes one capture write and one broadcast', async () => {
    // A fresh profile: the stakeholder has no snapshot yet, so the first visit takes one.
    const lab = await launch();
    await lab.serve('https://www.linkedin.com/in/**', 'linkedin-profile/classic-en.html');
    await loadSample(lab);
    // A top-level extension page listens to what the background broadcasts.
    const dash = await lab.openExtensionPage('dashboard.html');
    await dash.evaluate(() => {
      (window as unknown as { __events: unknown[] }).__events = [];
      const rt = (globalThis as unknown as { chrome: { runtime: { onMessage: { addListener(l: (m: unknown) => void): void } } } }).chrome.runtime;
      rt.onMessage.addListener((m) => void (window as unknown as { __events: unknown[] }).__events.push(m));
    });
    const page = await lab.ctx.newPage();
    await page.goto('https://www.linkedin.com/in/claire-martin-achats/');
    await page.locator('key-account-lens').getByRole('button').waitFor();
    await page.waitForTimeout(1000);
    // The forged profile: same person, a new title every 300 ms, on the same URL and on new ones.
    await page.evaluate(async () => {
      for (let i = 0; i < 21; i++) {
        const h1 = document.querySelector('.text-body-medium') ?? document.querySelector('h1');
        if (h1) h1.textContent = `Forged title ${i}`;
        document.body.append(document.createElement('div'));
        if (i % 3 === 0) history.pushState({}, '', `/in/claire-martin-achats/?v=${i}`);
        await new Promise((r) => setTimeout(r, 285));
      }
    });
    await page.waitForTimeout(1500);
    const events = (await dash.evaluate(() => (window as unknown as { __events: { kalEvent?: string; tables?: string[] }[] }).__events)).filter((e) => e.kalEvent === 'changed');
    expect(events.filter((e) => e.tables?.includes('stakeholders')).length).toBe(1); // the first visit's snapshot
    await lab.close();
  });
});

describe('only our own overlay can make the sidebar act (issue 12)', () => {
  let lab: Lab;
  const URL_HOSTILE = 'https://www.linkedin.com/in/claire-martin-hostile/';
  beforeAll(async () => {
    lab = await launch();
    await lab.serve('https://www.linkedin.com/in/**', 'hostile/linkedin-profile-hostile.html');
  });
  afterAll(async () => lab?.close());

  const counts = async () => ({ accounts: await countRecords(lab, 'accounts'), stakeholders: await countRecords(lab, 'stakeholders'), notes: await countRecords(lab, 'notes') });

  it('a sidebar.html framed by the page itself shows nothing and can write nothing, even with forged tokens', async () => {
    const before = await counts();
    const page = await lab.ctx.newPage();
    await page.goto(URL_HOSTILE);
    await page.locator('key-account-lens').getByRole('button').waitFor();
    await page.evaluate((id) => {
      const f = document.createElement('iframe');
      f.id = 'evil';
      f.src = `chrome-extension://${id}/sidebar.html`;
      f.style.cssText = 'position:fixed;left:0;top:0;width:400px;height:600px';
      f.onload = () => {
        for (const t of ['x', '', 'undefined', 'null', '0'.repeat(64)]) f.contentWindow!.postMessage({ kalToken: t }, '*');
      };
      document.body.append(f);
    }, lab.extensionId);
    await page.waitForTimeout(2000);
    // Chromium: the sidebar is web-accessible only at a per-session URL (use_dynamic_url), so the
    // page's frame of the fixed URL does not load it (ours, opened by auto-open, does).
    const urls = page.frames().map((x) => x.url());
    expect(urls.filter((u) => u === 'chrome-error://chromewebdata/').length).toBe(1);
    expect(urls.filter((u) => u.includes('/sidebar.html')).length).toBe(1);
    // Where it would load (Firefox has no dynamic URL), the sidebar has no token from our content
    // script: opened anywhere but in our own frame, it renders nothing and the background serves
    // it nothing. Here: sidebar.html in a tab of its own, which gets forged tokens too.
    const alone = await lab.openExtensionPage('sidebar.html');
    await alone.evaluate(() => {
      for (const t of ['x', '', 'undefined', 'null', '0'.repeat(64)]) window.postMessage({ kalToken: t }, '*');
    });
    await alone.waitForTimeout(1000);
    // Blank: nothing rendered at all (no header, no buttons, no data).
    expect(await alone.evaluate(() => document.getElementById('root')?.childElementCount ?? -1)).toBe(0);
    // Even driving its extension API directly (what any click in it would do) is refused.
    const replies = await alone.evaluate(async () => {
      const rt = (globalThis as unknown as { chrome: { runtime: { sendMessage(m: unknown): Promise<unknown> } } }).chrome.runtime;
      const out: unknown[] = [];
      out.push(await rt.sendMessage({ kal: 1, type: 'sidebar.view', payload: {} }));
      out.push(await rt.sendMessage({ kal: 1, type: 'account.create', payload: { account: { name: 'Chosen by the page' } } }));
      out.push(await rt.sendMessage({ kal: 1, type: 'stakeholder.save', payload: { newAccount: { name: 'Page SAS' }, stakeholder: { name: 'Page Person' } }, auth: 'guess' }));
      out.push(await rt.sendMessage({ kal: 1, type: 'sidebar.claim', payload: { token: 'guess' } }));
      return out;
    });
    for (const r of replies) expect(r).toMatchObject({ ok: false, error: { code: 'forbidden' } });
    expect(await counts()).toEqual(before);
    await alone.close();
    await page.close();
  });

  it('a decoy laid over our panel, or our panel made transparent, gets the click but no write; uncovered, the same click saves', async () => {
    const before = await counts();
    const page = await lab.ctx.newPage();
    await page.goto(URL_HOSTILE);
    await openPanel(page);
    const f = await lab.sidebarFrame(page);
    const form = f.getByRole('form', { name: 'Add as stakeholder' });
    const save = form.getByRole('button', { name: 'Add as stakeholder' });
    await save.waitFor();
    // 1. A decoy that lets clicks through to our frame (pointer-events: none) over the whole panel.
    await page.evaluate(() => {
      const d = document.createElement('div');
      d.id = 'decoy';
      d.textContent = 'Click here to win a prize';
      d.style.cssText = 'position:fixed;top:0;right:0;width:400px;height:100vh;z-index:2147483647;pointer-events:none;background:#fff;font:30px sans-serif';
      document.documentElement.append(d);
    });
    await page.waitForTimeout(600);
    await save.click();
    await expect.poll(() => f.getByRole('alert').allTextContents()).toContainEqual(expect.stringContaining('covered or hidden by the page'));
    expect(await counts()).toEqual(before);
    // 2. Our own panel host made nearly transparent (the page can style the host element).
    await page.evaluate(() => {
      document.getElementById('decoy')!.remove();
      (document.querySelector('key-account-lens-panel') as HTMLElement).style.opacity = '0.05';
    });
    await page.waitForTimeout(600);
    await save.click();
    await page.waitForTimeout(500);
    expect(await counts()).toEqual(before);
    // 3. Nothing over it any more: the user's own click saves.
    await page.evaluate(() => (document.querySelector('key-account-lens-panel') as HTMLElement).style.removeProperty('opacity'));
    await page.waitForTimeout(600);
    await save.click();
    await expect.poll(() => f.getByTestId('account-name').textContent().catch(() => null), { timeout: 10_000 }).toBe('<script>alert(1)</script> SAS');
    expect(await counts()).toEqual({ ...before, accounts: before.accounts + 1, stakeholders: before.stakeholders + 1 });
    await page.close();
  });

  it('the page cannot reach our iframe to swap it; a look-alike it puts in its place shows nothing', async () => {
    const before = await counts();
    const page = await lab.ctx.newPage();
    await page.goto(URL_HOSTILE);
    await openPanel(page);
    await lab.sidebarFrame(page);
    const seen = await page.evaluate((id) => {
      const host = document.querySelector('key-account-lens-panel') as HTMLElement;
      const reach = { shadowRoot: host.shadowRoot === null ? 'null' : 'open', iframes: document.querySelectorAll('iframe').length };
      // Replace the whole panel with the page's own frame of the sidebar at the same place.
      host.remove();
      const f = document.createElement('iframe');
      f.src = `chrome-extension://${id}/sidebar.html`;
      f.style.cssText = 'position:fixed;top:0;right:0;width:380px;height:100vh;border:0;z-index:2147483647';
      document.documentElement.append(f);
      return reach;
    }, lab.extensionId);
    expect(seen).toEqual({ shadowRoot: 'null', iframes: 0 });
    await page.waitForTimeout(2000);
    // Ours went with its host; the page's look-alike frame of the sidebar does not load it.
    expect(page.frames().map((x) => x.url())).toEqual([URL_HOSTILE, 'chrome-error://chromewebdata/']);
    expect(await counts()).toEqual(before);
    await page.close();
  });
});

describe('no oracle of tracked people (issue 12)', () => {
  it('a page classifying forged profiles by what it can observe does no better than chance; the match shows on the badge only', async () => {
    const lab = await launch();
    await lab.serve('https://www.linkedin.com/in/**', 'linkedin-profile/classic-en.html');
    await loadSample(lab);
    const unknown = fixture('linkedin-profile/classic-en.html')
      .replaceAll('Claire Martin', 'Zoé Inconnue')
      .replaceAll('claire-martin-achats', 'zoe-inconnue-7f3a')
      .replaceAll('Groupe Hexagone Distribution', 'Nowhere Industries')
      .replaceAll('groupe-hexagone-distribution', 'nowhere-industries');
    await lab.serve('https://www.linkedin.com/in/zoe-inconnue-7f3a/**', unknown);
    const page = await lab.ctx.newPage();
    await page.goto('https://www.linkedin.com/in/claire-martin-achats/');
    await page.locator('key-account-lens').getByRole('button').waitFor();
    const sw = lab.ctx.serviceWorkers()[0]!;
    const badge = () =>
      sw.evaluate(async () => {
        const c = (globalThis as unknown as { chrome: { tabs: { query(q: object): Promise<{ id: number }[]> }; action: { getBadgeText(d: object): Promise<string> } } }).chrome;
        const [tab] = await c.tabs.query({ url: 'https://www.linkedin.com/*' });
        const mine = await c.action.getBadgeText({ tabId: tab!.id });
        return mine === '✓' ? 'match' : mine === (await c.action.getBadgeText({})) ? 'global' : `other:${mine}`;
      });
    // What a page can see of us: our elements, the tab's state, what is drawn over the panel's
    // place, focus, its own frames, and how many DOM mutations happen in its document.
    const observe = () =>
      page.evaluate(async () => {
        const mutations: string[] = [];
        const mo = new MutationObserver((ms) => ms.forEach((m) => mutations.push(`${m.type}:${(m.target as Element).tagName ?? '#'}`)));
        mo.observe(document.documentElement, { subtree: true, childList: true, attributes: true });
        await new Promise((r) => setTimeout(r, 1200));
        mo.disconnect();
        const hosts = [...document.querySelectorAll('key-account-lens, key-account-lens-panel')];
        return JSON.stringify({
          hosts: hosts.map((h) => `${h.tagName}:${h.shadowRoot ? 'open' : 'closed'}:${h.getAttribute('style') ?? ''}`),
          tab: document.querySelector('key-account-lens')?.shadowRoot?.querySelector('button')?.getAttribute('aria-expanded'),
          atPanel: document.elementFromPoint(1100, 400)?.tagName,
          focus: document.activeElement?.tagName,
          frames: window.length,
          mutations: mutations.filter((m) => !m.includes('MAIN') && !m.includes('BODY')).sort(),
        });
      });
    const tries: { known: boolean; seen: string; badge: string }[] = [];
    for (let i = 0; i < 8; i++) {
      const isKnown = i % 2 === 0;
      // A fresh load per try: the panel's state cannot carry over from one probe to the next.
      await page.goto(`https://www.linkedin.com/in/${isKnown ? 'claire-martin-achats' : 'zoe-inconnue-7f3a'}/`);
      await page.locator('key-account-lens').getByRole('button').waitFor();
      const seen = await observe();
      await expect.poll(badge, { timeout: 10_000 }).toBe(isKnown ? 'match' : 'global');
      tries.push({ known: isKnown, seen, badge: await badge() });
    }
    // The extension did tell known from unknown — on the badge, which the page cannot see…
    expect(tries.map((t) => t.badge)).toEqual(['match', 'global', 'match', 'global', 'match', 'global', 'match', 'global']);
    // …while every observation the page made is the same for both: no classifier beats chance.
    const distinct = new Set(tries.map((t) => t.seen));
    expect(distinct.size).toBe(1);
    expect(JSON.parse([...distinct][0]!)).toMatchObject({ tab: 'true', frames: 0 });
    await lab.close();
  });
});
