// The handed mail cases (test/fixtures/mail-cases/15 and 16, EXPECTED.md "E2E") through the built
// extension in Chromium, at their real URLs: a Google Group's relayed mail shows the Umbrella
// account (never a googlegroups.com prompt); an Outlook mail sent on behalf of someone through a
// relay shows Fabrikam and its people, never the relay. In that thread, "+ Add" on a participant
// already in the power map by name joins their email to them and keeps their role.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { launch, type Lab } from './harness';

describe('handed mail cases in the sidebar (Chromium)', () => {
  let lab: Lab;
  beforeAll(async () => {
    lab = await launch();
    await lab.serve('https://mail.google.com/**', 'mail-cases/15-gmail-google-group-via-sender/input.html');
    await lab.serve('https://outlook.office.com/**', 'mail-cases/16-outlook-on-behalf-of-relay-sender/input.html');
    await lab.serve('https://outlook.cloud.microsoft/**', 'mail-cases/16-outlook-on-behalf-of-relay-sender/input.html');
    const dash = await lab.openExtensionPage('dashboard.html');
    for (const [name, domain] of [
      ['Umbrella Group', 'umbrella-group.com'],
      ['Fabrikam', 'fabrikam.fr'],
    ]) {
      await dash.getByRole('textbox', { name: 'New account name' }).fill(name!);
      const form = dash.getByRole('form', { name: 'Create account' });
      await form.getByRole('textbox', { name: 'Domain' }).fill(domain!);
      await form.getByRole('button', { name: 'Create account' }).click();
      await dash.getByTestId('account-title').filter({ hasText: name! }).waitFor();
      await dash.goto(dash.url().replace(/#.*$/, '#/'));
    }
    // Fabrikam's power map already holds Paul Martin, typed by hand: no email, a role
    await dash.getByRole('link', { name: 'Fabrikam' }).click();
    await dash.locator('#sec-powermap').getByRole('button', { name: /Add stakeholder/ }).click();
    const form = dash.getByTestId('stakeholder-form');
    await form.getByLabel('Name', { exact: true }).fill('Paul Martin');
    await form.getByLabel('Role').selectOption('decision_maker');
    await form.getByRole('button', { name: 'Save', exact: true }).click();
    await dash.getByTestId('toast').filter({ hasText: 'Stakeholder saved.' }).first().waitFor();
    await dash.close();
  });
  afterAll(async () => lab?.close());

  it('15 Gmail, a Google Group relays Anne Moreau: the Umbrella account, no googlegroups.com anywhere', async () => {
    const page = await lab.ctx.newPage();
    await page.goto('https://mail.google.com/mail/u/0/#inbox/FMfcgzQbgRnJtGdWkLwPtxkqHqVbNzTz');
    const f = await lab.sidebarFrame(page);
    await expect.poll(() => f.getByTestId('account-name').textContent().catch(() => null), { timeout: 15_000 }).toBe('Umbrella Group');
    await f.getByTestId('participants').getByText('thomas.leroy@umbrella-group.com').waitFor();
    expect(await f.getByTestId('no-match').count()).toBe(0);
    expect(await f.locator('body').textContent()).not.toContain('googlegroups');
    expect(await f.locator('body').textContent()).not.toContain('sophie.bernard@mycompany.io');
    await page.close();
  });

  for (const url of ['https://outlook.office.com/mail/inbox/id/AAQkADk2MzE0ZjQ1LTgxYz', 'https://outlook.cloud.microsoft/mail/inbox/id/AAQkADk2MzE0ZjQ1LTgxYz']) {
    it(`16 Outlook (${new URL(url).host}), sent on behalf of Élodie through a relay: Fabrikam and its people, never the relay`, async () => {
      const page = await lab.ctx.newPage();
      await page.goto(url);
      const f = await lab.sidebarFrame(page);
      await expect.poll(() => f.getByTestId('account-name').textContent().catch(() => null), { timeout: 15_000 }).toBe('Fabrikam');
      const people = f.getByTestId('participants');
      await people.getByText('elodie.fournier@fabrikam.fr').waitFor();
      await people.getByText('paul.martin@fabrikam.fr').waitFor();
      expect(await f.locator('body').textContent()).not.toContain('relay-mailer');
      await page.close();
    });
  }

  it('16: "+ Add" on Paul Martin, already in the power map by name, joins his email and keeps his role', async () => {
    const page = await lab.ctx.newPage();
    await page.goto('https://outlook.office.com/mail/inbox/id/AAQkADk2MzE0ZjQ1LTgxYz');
    const f = await lab.sidebarFrame(page);
    await expect.poll(() => f.getByTestId('account-name').textContent().catch(() => null), { timeout: 15_000 }).toBe('Fabrikam');
    await f.getByRole('button', { name: 'Add Paul Martin as stakeholder' }).click();
    const form = f.getByRole('form', { name: 'Add as stakeholder' });
    await expect.poll(() => form.getByRole('textbox', { name: 'Name' }).inputValue()).toBe('Paul Martin');
    await form.getByRole('button', { name: 'Add as stakeholder' }).click();
    await expect.poll(() => f.getByTestId('add-result').textContent(), { timeout: 10_000 }).toBe('Already in the power map — updated email.');
    // now known by his email: marked with the role set in the dashboard
    const paul = f.getByTestId('participants').locator('li').filter({ hasText: 'paul.martin@fabrikam.fr' });
    await expect.poll(() => paul.textContent()).toContain('Decision maker');
    await page.close();
  });
});
