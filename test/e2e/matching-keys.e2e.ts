// Matching keys end to end (issue 10): accounts created with pasted keys, two companies under the
// private suffix uk.com kept apart, a duplicate key flagged, and a person from a page that did not
// match added to an existing account in one step.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { fixture, launch, openPanel, type Lab } from './harness';

const NORTHWIND = 'Northwind (UK.COM)';
const TRADING = 'Example Trading';

describe('matching keys', () => {
  let lab: Lab;
  beforeAll(async () => {
    lab = await launch();
    // The handed Gmail and Outlook threads, from a sender at northwind.uk.com (case 13).
    await lab.serve('https://mail.google.com/**', fixture('gmail/expanded-en.html').replaceAll('hexagone-distribution.fr', 'northwind.uk.com'));
    await lab.serve('https://outlook.cloud.microsoft/**', fixture('outlook/cloud-en.html').replaceAll('polaris-energy.se', 'Mail.Northwind.UK.com'));
    await lab.serve('https://www.linkedin.com/in/**', 'linkedin-profile/classic-fr.html');
    // case 08: a group's two subsidiaries share one domain
    await lab.serve('https://outlook.office365.com/**', fixture('outlook/office365-en.html').replaceAll('baltic-freight.pl', 'umbrella-group.example'));
  });
  afterAll(async () => lab?.close());

  it('creates accounts from pasted keys, showing what they will match on, and flags a key another account has', async () => {
    const dash = await lab.openExtensionPage('dashboard.html');
    const create = async (name: string, field: string, value: string, shows: string) => {
      await dash.getByRole('textbox', { name: 'New account name' }).fill(name);
      const form = dash.getByRole('form', { name: 'Create account' });
      await form.getByRole('textbox', { name: field }).fill(value);
      await expect.poll(() => form.getByTestId('key-preview').textContent()).toContain(`Will match on: ${shows}`);
      await form.getByRole('button', { name: 'Create account' }).click();
      await expect.poll(() => dash.getByTestId('account-title').textContent()).toBe(name);
      await dash.goto(dash.url().replace(/#.*$/, '#/'));
    };
    await create(NORTHWIND, 'Domain', 'https://www.Northwind.uk.com/contact?utm_source=linkedin', 'northwind.uk.com');
    await create(TRADING, 'Domain', '"Sales" <sales@example-trading.uk.com>', 'example-trading.uk.com');

    // a third account with Northwind's website: flagged, "Create anyway" needed
    await dash.getByRole('textbox', { name: 'New account name' }).fill('Northwind again');
    const form = dash.getByRole('form', { name: 'Create account' });
    await form.getByRole('textbox', { name: 'Website' }).fill('northwind.uk.com');
    await expect.poll(() => form.getByTestId('key-owner').textContent()).toContain(`Already used by ${NORTHWIND} (northwind.uk.com)`);
    await form.getByRole('button', { name: 'Create account' }).click();
    await form.getByRole('button', { name: 'Create anyway' }).waitFor();
    await form.getByRole('button', { name: 'Open' }).click();
    await expect.poll(() => dash.getByTestId('account-title').textContent()).toBe(NORTHWIND);
    await dash.close();
  });

  it('a Gmail thread from northwind.uk.com shows Northwind only, not the other uk.com account', async () => {
    const page = await lab.ctx.newPage();
    await page.goto('https://mail.google.com/mail/u/0/#inbox/FMfcgzQZTxyz');
    const f = await lab.sidebarFrame(page);
    await expect.poll(() => f.getByTestId('account-name').textContent().catch(() => null), { timeout: 15_000 }).toBe(NORTHWIND);
    await f.getByTestId('participants').getByText('marc.leroy@northwind.uk.com').waitFor();
    expect(await f.getByText(TRADING).count()).toBe(0);
    await page.close();
  });

  it('an Outlook thread from a Northwind subdomain (mixed case) shows Northwind only', async () => {
    const page = await lab.ctx.newPage();
    await page.goto('https://outlook.cloud.microsoft/mail/inbox/id/AAQkAGI2');
    const f = await lab.sidebarFrame(page);
    await expect.poll(() => f.getByTestId('account-name').textContent().catch(() => null), { timeout: 15_000 }).toBe(NORTHWIND);
    expect(await f.getByText(TRADING).count()).toBe(0);
    await page.close();
  });

  it('adds the person of a page that matched nothing to an existing account, in one step', async () => {
    const page = await lab.ctx.newPage();
    await page.goto('https://www.linkedin.com/in/thomas-girard-5a1b2c3/');
    await openPanel(page);
    const f = await lab.sidebarFrame(page);
    await f.getByTestId('no-match').waitFor();
    const form = f.getByRole('form', { name: 'Add as stakeholder' });
    await expect.poll(() => form.getByRole('textbox', { name: 'Name' }).inputValue()).toBe('Thomas Girard');
    await form.getByRole('radio', { name: 'an existing account' }).check();
    await form.getByRole('searchbox', { name: 'Search accounts…' }).fill('example');
    await form.getByRole('radio', { name: TRADING }).check();
    await form.getByRole('button', { name: 'Add as stakeholder' }).click();
    await expect.poll(() => f.getByTestId('account-name').textContent().catch(() => null), { timeout: 10_000 }).toBe(TRADING);
    await f.getByTestId('person-card').getByText('Thomas Girard').waitFor();
    await page.close();
  });

  it('two accounts on one domain: the sidebar asks which, and remembers the pick', async () => {
    const dash = await lab.openExtensionPage('dashboard.html');
    for (const name of ['Umbrella Group France', 'Umbrella Group UK']) {
      await dash.getByRole('textbox', { name: 'New account name' }).fill(name);
      const form = dash.getByRole('form', { name: 'Create account' });
      await form.getByRole('textbox', { name: 'Domain' }).fill('umbrella-group.example');
      await expect.poll(() => form.getByTestId('key-preview').textContent()).toContain('Will match on: umbrella-group.example');
      // the second one is flagged (the first holds the domain) and allowed
      if (name.endsWith('UK')) {
        await expect.poll(() => form.getByTestId('key-owner').textContent()).toContain('Already used by Umbrella Group France');
        await form.getByRole('button', { name: 'Create account' }).click();
      }
      await form.getByRole('button', { name: name.endsWith('UK') ? 'Create anyway' : 'Create account' }).click();
      await expect.poll(() => dash.getByTestId('account-title').textContent()).toBe(name);
      await dash.goto(dash.url().replace(/#.*$/, '#/'));
    }
    await dash.close();

    const page = await lab.ctx.newPage();
    await page.goto('https://outlook.office365.com/mail/inbox/id/AAQkAGE1ZjM5LTNhYjEtNDg2');
    await openPanel(page);
    const f = await lab.sidebarFrame(page);
    const which = f.getByTestId('which-account');
    await expect.poll(() => which.textContent(), { timeout: 15_000 }).toContain('Which account is this?');
    expect(await which.getByRole('listitem').allTextContents()).toEqual([expect.stringContaining('Umbrella Group France'), expect.stringContaining('Umbrella Group UK')]);
    expect(await f.getByTestId('account-name').count()).toBe(0); // nothing guessed
    await which.getByRole('button', { name: 'This one: Umbrella Group UK' }).click();
    await expect.poll(() => f.getByTestId('account-name').textContent().catch(() => null)).toBe('Umbrella Group UK');
    await page.reload();
    const f2 = await lab.sidebarFrame(page);
    await expect.poll(() => f2.getByTestId('account-name').textContent().catch(() => null), { timeout: 15_000 }).toBe('Umbrella Group UK');
    await page.close();
  });

  it('dashboard: adding a person who is already in the account keeps their fields and says so', async () => {
    const dash = await lab.openExtensionPage('dashboard.html');
    await dash.getByRole('link', { name: TRADING }).click();
    const map = dash.locator('#sec-powermap');
    // Thomas Girard was added from LinkedIn above; add him again with only a title
    await map.getByRole('button', { name: /Add stakeholder/ }).click();
    let form = dash.getByTestId('stakeholder-form');
    await form.getByLabel('Name', { exact: true }).fill('Thomas Girard');
    await form.getByLabel('Role').selectOption('decision_maker');
    await form.getByRole('button', { name: 'Save' }).click();
    await dash.getByText('Thomas Girard was already in this account: only the fields you set were updated, the others were kept.').waitFor();
    await map.getByRole('button', { name: /Add stakeholder/ }).click();
    form = dash.getByTestId('stakeholder-form');
    await form.getByLabel('Name', { exact: true }).fill('Thomas Girard');
    await form.getByLabel('Title', { exact: true }).fill('Directeur Supply Chain');
    await form.getByRole('button', { name: 'Save' }).click();
    await dash.getByText('Thomas Girard was already in this account: only the fields you set were updated, the others were kept.').first().waitFor();
    // role from the first save kept (not reset to the form's default), title updated
    const chart = dash.getByTestId('org-chart');
    await chart.getByRole('button', { name: /Thomas Girard, Decision maker/ }).waitFor();
    expect(await chart.getByRole('button', { name: /Thomas Girard/ }).count()).toBe(1);
    await dash.close();
  });
});
