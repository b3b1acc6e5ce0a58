// The overlay path end to end: content script → background (Dexie) → sidebar iframe.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { launch, loadSample, type Lab } from './harness';

const CLAIRE = 'https://www.linkedin.com/in/claire-martin-achats/';
const GMAIL = 'https://mail.google.com/mail/u/0/#inbox/FMfcgzQZTxyz';

describe('overlay', () => {
  let lab: Lab;
  beforeAll(async () => {
    lab = await launch();
    await lab.serve('https://www.linkedin.com/in/claire-martin-achats/**', 'linkedin-profile/classic-en.html');
    await lab.serve('https://mail.google.com/**', 'gmail/expanded-en.html');
    await loadSample(lab);
  });
  afterAll(async () => lab?.close());

  it('shows the matched account from the background on a LinkedIn profile', async () => {
    const page = await lab.ctx.newPage();
    await page.goto(CLAIRE);
    const frame = await lab.sidebarFrame(page);
    await expect.poll(() => frame.getByTestId('account-name').textContent(), { timeout: 10_000 }).toBe('Groupe Hexagone Distribution');
    // Claire is a known stakeholder: her card comes first.
    await frame.getByTestId('person-card').getByText('Claire Martin').waitFor();
    await page.close();
  });

  it('shows the account of the external sender on a Gmail thread', async () => {
    const page = await lab.ctx.newPage();
    await page.goto(GMAIL);
    const frame = await lab.sidebarFrame(page);
    await expect.poll(() => frame.getByTestId('account-name').textContent(), { timeout: 10_000 }).toBe('Groupe Hexagone Distribution');
    await frame.getByTestId('participants').getByText('marc.leroy@hexagone-distribution.fr').waitFor();
    await page.close();
  });

  it('shows a note written in the dashboard in an already open sidebar, without reload', async () => {
    const page = await lab.ctx.newPage();
    await page.goto(CLAIRE);
    const frame = await lab.sidebarFrame(page);
    await frame.getByTestId('account-name').waitFor();
    const dash = await lab.openExtensionPage('dashboard.html');
    await dash.getByRole('link', { name: 'Groupe Hexagone Distribution' }).click();
    const body = `Dashboard note ${Date.now()}`;
    await dash.getByRole('textbox', { name: /write a note/i }).fill(body);
    await dash.getByRole('button', { name: /add note/i }).click();
    await frame.getByTestId('notes').getByText(body).waitFor({ timeout: 10_000 });
    await dash.close();
    await page.close();
  });
});
