// Real LinkedIn pages (test/fixtures/real-structures/, anonymised, structure kept) at their real
// URLs in Chromium: the sidebar reads the 2026 server-driven layout and the logged-out guest page
// on a country host; a page it cannot read offers "Copy page skeleton".
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { launch, openPanel, type Lab } from './harness';

describe('real page structures in the browser', () => {
  let lab: Lab;
  beforeAll(async () => {
    lab = await launch();
    await lab.serve('https://www.linkedin.com/in/jonaskbrandt/**', 'real-structures/profile-sdui-emoji-name.html');
    await lab.serve('https://se.linkedin.com/in/ludovicgarnier**', 'real-structures/profile-guest-company-nolink.html');
    await lab.serve(
      'https://www.linkedin.com/in/unknown-layout/**',
      '<!DOCTYPE html><html><head><title>Zelda Quintero | LinkedIn</title></head><body><main><div><span>Zelda Quintero</span><span>Harbour Freight Oy</span></div></main></body></html>',
    );
  });
  afterAll(async () => lab?.close());

  it('a 2026 (SDUI) profile at its real URL: the employer from the top card, its company page from Highlights; the next visit shows the account', async () => {
    const page = await lab.ctx.newPage();
    await page.goto('https://www.linkedin.com/in/jonaskbrandt/');
    await openPanel(page);
    const f = await lab.sidebarFrame(page);
    const noMatch = f.getByTestId('no-match');
    await expect.poll(() => noMatch.textContent(), { timeout: 15_000 }).toContain('Nimbus Cloud Services (NCS)');
    // the one-click add is prefilled with the clean name (no emoji)
    await expect.poll(() => f.getByRole('textbox', { name: 'Name', exact: true }).evaluateAll((els) => els.map((e) => (e as HTMLInputElement).value))).toContain('Jonas Brandt');
    await noMatch.getByRole('button', { name: 'Create account' }).click();
    await expect.poll(() => f.getByTestId('account-name').textContent(), { timeout: 15_000 }).toBe('Nimbus Cloud Services (NCS)');
    await page.close();

    // A new visit: matched by the company page URL read from the profile (/company/3860236/).
    const again = await lab.ctx.newPage();
    await again.goto('https://www.linkedin.com/in/jonaskbrandt/');
    await openPanel(again);
    const g = await lab.sidebarFrame(again);
    await expect.poll(() => g.getByTestId('account-name').textContent(), { timeout: 15_000 }).toBe('Nimbus Cloud Services (NCS)');
    expect(await g.getByText('Jonas Brandt 🚀').count()).toBe(0);
    await again.close();
  });

  it('a logged-out guest profile on se.linkedin.com: the current company from the top card', async () => {
    const page = await lab.ctx.newPage();
    await page.goto('https://se.linkedin.com/in/ludovicgarnier');
    await openPanel(page);
    const f = await lab.sidebarFrame(page);
    await expect.poll(() => f.getByTestId('no-match').textContent(), { timeout: 15_000 }).toContain('Rekrytia.se');
    await page.close();
  });

  it('a layout it cannot read: "Copy page skeleton" gives the structure without the page\'s text', async () => {
    const page = await lab.ctx.newPage();
    await page.goto('https://www.linkedin.com/in/unknown-layout/');
    await openPanel(page);
    const f = await lab.sidebarFrame(page);
    await f.getByTestId('partial').waitFor({ timeout: 15_000 });
    await f.getByTestId('copy-skeleton').click();
    const status = f.getByTestId('skeleton-status');
    await expect.poll(() => status.textContent(), { timeout: 15_000 }).toMatch(/Page skeleton copied|Copy the page skeleton below/);
    const text = (await f.getByTestId('skeleton-text').count())
      ? await f.getByTestId('skeleton-text').inputValue()
      : await f.evaluate(() => navigator.clipboard.readText());
    expect(text.startsWith('<!-- kal-skeleton url: https://www.linkedin.com/in/xxxxxxx-xxxxxx/ -->')).toBe(true);
    expect(text).toContain('<span>Xxxxx Xxxxxxxx</span>');
    expect(text).not.toMatch(/Zelda|Quintero|Harbour|unknown-layout/);
    await page.close();
  });
});
