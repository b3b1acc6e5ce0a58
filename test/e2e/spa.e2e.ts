// LinkedIn is a single-page app: the sidebar must follow navigation without a reload and never
// show the previous profile's person for the new URL.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { fixture, fixtureBody, launch, loadSample, type Lab } from './harness';

describe('SPA navigation', () => {
  let lab: Lab;
  beforeAll(async () => {
    lab = await launch();
    await lab.serve('https://www.linkedin.com/in/**', 'linkedin-profile/classic-en.html');
    await loadSample(lab);
  });
  afterAll(async () => lab?.close());

  it('profile A → profile B without reload: the sidebar follows', async () => {
    const page = await lab.ctx.newPage();
    await page.goto('https://www.linkedin.com/in/claire-martin-achats/');
    const f = await lab.sidebarFrame(page);
    await expect.poll(() => f.getByTestId('account-name').textContent()).toBe('Groupe Hexagone Distribution');
    const loads: string[] = [];
    page.on('load', () => loads.push(page.url()));

    // Route change first (the old DOM is still there), then the new profile renders.
    await page.evaluate(() => history.pushState({}, '', '/in/lukas-becker/'));
    await page.waitForTimeout(400);
    // Claire's card must not be shown as the person of Lukas's URL.
    expect(await f.getByTestId('person-card').getByText('Claire Martin').count()).toBe(0);
    await page.evaluate((html) => {
      document.body.innerHTML = html;
      document.title = 'Lukas Becker | LinkedIn';
    }, fixtureBody('linkedin-profile/sdui-en.html'));
    await expect.poll(() => f.getByTestId('account-name').textContent(), { timeout: 10_000 }).toBe('Nordlicht Analytics GmbH');
    await f.getByTestId('person-card').getByText('Lukas Becker').waitFor();

    // And back.
    await page.evaluate((html) => {
      history.pushState({}, '', '/in/claire-martin-achats/');
      document.body.innerHTML = html;
    }, fixtureBody('linkedin-profile/classic-en.html'));
    await expect.poll(() => f.getByTestId('account-name').textContent(), { timeout: 10_000 }).toBe('Groupe Hexagone Distribution');
    expect(loads).toEqual([]); // no reload happened
    await page.close();
  });

  it('warns when LinkedIn shows another title than the one saved, and updates it in one click', async () => {
    const changed = fixture('linkedin-profile/classic-en.html').replaceAll('Directrice des Achats', 'Chief Procurement Officer');
    await lab.serve('https://www.linkedin.com/in/claire-martin-achats/**', changed);
    const page = await lab.ctx.newPage();
    await page.goto('https://www.linkedin.com/in/claire-martin-achats/');
    const f = await lab.sidebarFrame(page);
    const warning = f.getByTestId('job-change');
    await expect.poll(() => warning.textContent()).toContain('Chief Procurement Officer');
    await f.getByRole('button', { name: 'Update title from LinkedIn' }).click();
    await warning.waitFor({ state: 'detached' });
    await expect.poll(() => f.getByTestId('person-card').textContent()).toContain('Chief Procurement Officer');
    await page.close();
  });
});
