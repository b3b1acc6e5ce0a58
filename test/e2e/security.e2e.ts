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
    for (const secret of ['Next actions', 'Power map', 'Open dashboard', 'Economic buyer', 'Known stakeholder']) expect(stolen).not.toContain(secret);
    const direct = await page.evaluate(() => {
      const host = document.querySelector('key-account-lens');
      const frame = host?.shadowRoot?.querySelector('iframe');
      let text = '';
      try {
        text = frame?.contentWindow?.document.body.innerText ?? '';
      } catch (e) {
        text = `blocked: ${(e as Error).name}`;
      }
      return { hasFrame: !!frame, doc: frame?.contentDocument ?? null, text };
    });
    expect(direct.hasFrame).toBe(true);
    expect(direct.doc).toBeNull();
    expect(direct.text).toMatch(/^blocked/);
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
