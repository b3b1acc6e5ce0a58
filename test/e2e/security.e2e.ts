// A hostile host page: markup in names must render as text, the page must not be able to read
// what the sidebar shows, and it must not be able to make the sidebar (or the background) write.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { countRecords, launch, loadSample, openPanel, type Lab } from './harness';

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
