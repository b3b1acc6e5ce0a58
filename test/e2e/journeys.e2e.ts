// The sidebar's three journeys on saved LinkedIn, Gmail and Outlook pages. `npm test` runs them
// twice: team sync off, and configured but unreachable with a user logged in
// (KAL_E2E_SYNC=unreachable, test/e2e/sync-setup.ts) — then every edit must work the same, the
// status must say offline and the sync outbox must hold every edit.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { countRecords, launch, loadSample, openPanel, type Lab } from './harness';
import { SYNC_UNREACHABLE, expectOfflineWithEdits, type Edit } from './sync-setup';

/** What the journeys wrote, found again by a field's value (the sync run checks the outbox). */
const edits: Edit[] = [];

describe('journeys', () => {
  let lab: Lab;
  beforeAll(async () => {
    lab = await launch();
    await lab.serve('https://www.linkedin.com/in/**', 'linkedin-profile/classic-en.html');
    await lab.serve('https://www.linkedin.com/in/thomas-girard-5a1b2c3/**', 'linkedin-profile/classic-fr.html');
    await lab.serve('https://www.linkedin.com/sales/lead/**', 'sales-nav-lead/lead-related.html');
    await lab.serve('https://www.linkedin.com/in/ACoAAB1x2y3zQ9rStUvWxYz**', 'linkedin-profile/unrendered.html');
    await lab.serve('https://www.linkedin.com/company/groupe-hexagone-distribution/**', 'linkedin-company/about-tracking.html');
    await lab.serve('https://www.linkedin.com/company/2837461/**', 'linkedin-company/numeric-fr.html');
    await lab.serve('https://mail.google.com/**', 'gmail/expanded-en.html');
    await lab.serve('https://outlook.cloud.microsoft/**', 'outlook/cloud-en.html');
    await loadSample(lab);
  });
  afterAll(async () => lab?.close());

  it('journey 1: a known person on LinkedIn shows the account, their card first, the power map and overdue actions', async () => {
    const page = await lab.ctx.newPage();
    await page.goto('https://www.linkedin.com/in/claire-martin-achats/');
    const f = await lab.sidebarFrame(page);
    await expect.poll(() => f.getByTestId('account-name').textContent()).toBe('Groupe Hexagone Distribution');
    const card = f.getByTestId('person-card');
    await expect.poll(() => card.textContent()).toContain('Economic buyer');
    const map = f.getByTestId('power-map');
    await map.getByText('Marc Leroy').first().waitFor();
    await expect.poll(() => map.textContent()).toContain('Procurement / gatekeeper');
    // Overdue actions come first and say so.
    const first = f.getByTestId('actions').locator('li').first();
    await expect.poll(() => first.textContent()).toContain('Overdue');
    await page.close();
  });

  it('journey 2: adds a LinkedIn profile as stakeholder, creating the account; saving twice updates instead of duplicating', async () => {
    const before = await countRecords(lab, 'stakeholders');
    const page = await lab.ctx.newPage();
    await page.goto('https://www.linkedin.com/in/thomas-girard-5a1b2c3/');
    await openPanel(page); // no match: the panel does not open by itself
    const f = await lab.sidebarFrame(page);
    await f.getByTestId('no-match').waitFor();
    const form = f.getByRole('form', { name: 'Add as stakeholder' });
    await expect.poll(() => form.getByRole('textbox', { name: 'Name' }).inputValue()).toBe('Thomas Girard');
    await expect.poll(() => form.getByRole('textbox', { name: 'Title' }).inputValue()).toBe('Responsable Supply Chain');
    await form.getByRole('combobox', { name: 'Role' }).selectOption('decision_maker');
    await form.getByRole('combobox', { name: 'Influence' }).selectOption('high');
    await form.getByRole('button', { name: 'Add as stakeholder' }).click();
    // The account is created from the detected company and the page now matches it.
    await expect.poll(() => f.getByTestId('account-name').textContent().catch(() => null), { timeout: 10_000 }).toBe('Maison Berthier SAS');
    await f.getByTestId('person-card').getByText('Decision maker').waitFor();
    expect(await countRecords(lab, 'stakeholders')).toBe(before + 1);
    edits.push({ table: 'stakeholders', field: 'name', value: 'Thomas Girard' }, { table: 'accounts', field: 'name', value: 'Maison Berthier SAS' });
    // Second visit and save: still one record.
    await page.reload();
    const f2 = await lab.sidebarFrame(page);
    await expect.poll(() => f2.getByTestId('account-name').textContent().catch(() => null)).toBe('Maison Berthier SAS');
    expect(await countRecords(lab, 'stakeholders')).toBe(before + 1);
    await page.close();
  });

  it('journey 2 on Sales Navigator: a lead page offers the same one-click add', async () => {
    const page = await lab.ctx.newPage();
    await page.goto('https://www.linkedin.com/sales/lead/ACwAAF5kLm,NAME_SEARCH,aa1');
    await openPanel(page);
    const f = await lab.sidebarFrame(page);
    const form = f.getByRole('form', { name: 'Add as stakeholder' });
    await expect.poll(() => form.getByRole('textbox', { name: 'Name' }).inputValue()).toBe('Jonas Weber');
    await form.getByRole('button', { name: 'Add as stakeholder' }).click();
    await expect.poll(() => f.getByTestId('account-name').textContent().catch(() => null), { timeout: 10_000 }).toBe('Kessler Maschinenbau GmbH');
    edits.push({ table: 'stakeholders', field: 'name', value: 'Jonas Weber' });
    await page.close();
  });

  it('journey 3: on a Gmail thread, adds a note linked to the thread and an action, ticks it done; the note is there next time', async () => {
    const page = await lab.ctx.newPage();
    await page.goto('https://mail.google.com/mail/u/0/#inbox/FMfcgzQZTxyz');
    const f = await lab.sidebarFrame(page);
    await expect.poll(() => f.getByTestId('account-name').textContent()).toBe('Groupe Hexagone Distribution');
    // Known stakeholders among the participants are highlighted with their role.
    const parts = f.getByTestId('participants');
    await expect.poll(() => parts.textContent()).toContain('Technical evaluator');
    const body = `Marc wants the SSO questionnaire by Friday ${Date.now()}`;
    await f.getByRole('textbox', { name: 'Write a note…' }).fill(body);
    await f.getByRole('button', { name: 'Add note' }).click();
    const first = f.getByTestId('notes').locator('li').first();
    await expect.poll(() => first.textContent()).toContain(body);
    await expect.poll(() => first.textContent()).toContain('This thread');

    const action = `Send SSO questionnaire ${Date.now()}`;
    await f.getByRole('textbox', { name: 'New action…' }).fill(action);
    await f.locator('label', { hasText: 'In 3 days' }).click();
    expect(await f.getByRole('radio', { name: 'In 3 days' }).isChecked()).toBe(true);
    await f.getByRole('button', { name: 'Add action' }).click();
    await f.getByTestId('actions').getByText(action).waitFor();
    await f.getByRole('checkbox', { name: `Mark “${action}” done` }).click();
    await f.getByTestId('actions').getByText(action).waitFor({ state: 'detached' });
    // Undo puts it back; done again for good.
    await f.getByRole('button', { name: 'Undo' }).click();
    await f.getByTestId('actions').getByText(action).waitFor();
    await f.getByRole('checkbox', { name: `Mark “${action}” done` }).click();
    await f.getByTestId('actions').getByText(action).waitFor({ state: 'detached' });

    await page.reload();
    const f2 = await lab.sidebarFrame(page);
    await expect.poll(() => f2.getByTestId('notes').locator('li').first().textContent().catch(() => '')).toContain(body);
    edits.push({ table: 'notes', field: 'body', value: body }, { table: 'actions', field: 'title', value: action });
    await page.close();
  });

  it('journey 3 on Outlook (outlook.cloud.microsoft): the external participants find their account', async () => {
    const page = await lab.ctx.newPage();
    await page.goto('https://outlook.cloud.microsoft/mail/inbox/id/AAQkAGI2');
    const f = await lab.sidebarFrame(page);
    await expect.poll(() => f.getByTestId('account-name').textContent()).toBe('Polaris Energy AB');
    await expect.poll(() => f.getByTestId('participants').textContent()).toContain('ingrid.svensson@polaris-energy.se');
    // Red flags of this account at risk.
    await expect.poll(() => f.getByTestId('red-flags').textContent()).toContain('No champion');
    await page.close();
  });

  it('a page the detector cannot read says so and can be linked by hand; the link is remembered', async () => {
    const page = await lab.ctx.newPage();
    await page.goto('https://www.linkedin.com/in/ACoAAB1x2y3zQ9rStUvWxYz');
    await openPanel(page);
    const f = await lab.sidebarFrame(page);
    await f.getByTestId('partial').waitFor();
    await f.getByRole('searchbox', { name: 'Search accounts…' }).fill('mutuelle');
    await f.getByRole('button', { name: 'Mutuelle Atlantique' }).click();
    await expect.poll(() => f.getByTestId('account-name').textContent().catch(() => null)).toBe('Mutuelle Atlantique');
    await page.reload();
    const f2 = await lab.sidebarFrame(page);
    await expect.poll(() => f2.getByTestId('account-name').textContent().catch(() => null), { timeout: 10_000 }).toBe('Mutuelle Atlantique');
    await expect.poll(() => f2.locator('main').textContent()).toContain('Matched by your earlier choice');
    await page.close();
  });

  it('a write the store rejects shows why, and keeps what the user typed', async () => {
    const page = await lab.ctx.newPage();
    await page.goto('https://mail.google.com/mail/u/0/#inbox/FMfcgzQZTxyz');
    const f = await lab.sidebarFrame(page);
    await f.getByTestId('account-name').waitFor();
    const huge = 'x'.repeat(20_001);
    const box = f.getByRole('textbox', { name: 'Write a note…' });
    await box.fill(huge);
    await f.getByRole('button', { name: 'Add note' }).click();
    await expect.poll(() => f.getByRole('alert').first().textContent()).toContain('Note text: is longer than 20000 characters.');
    expect(await box.inputValue()).toBe(huge);
    await page.close();
  });

  it('journey 1 on a company page: the account is found by its LinkedIn company URL', async () => {
    const page = await lab.ctx.newPage();
    await page.goto('https://www.linkedin.com/company/groupe-hexagone-distribution/about/?viewAsMember=true');
    const f = await lab.sidebarFrame(page);
    await expect.poll(() => f.getByTestId('account-name').textContent()).toBe('Groupe Hexagone Distribution');
    await expect.poll(() => f.locator('main').textContent()).toContain('Matched by LinkedIn company page');
    await page.close();
  });

  it('an unknown company page creates its account prefilled, and is recognised next time', async () => {
    const page = await lab.ctx.newPage();
    await page.goto('https://www.linkedin.com/company/2837461/');
    await openPanel(page);
    const f = await lab.sidebarFrame(page);
    const noMatch = f.getByTestId('no-match');
    await expect.poll(() => noMatch.textContent()).toContain('transports-lemoine.fr');
    await expect.poll(() => noMatch.getByRole('textbox', { name: 'Name' }).inputValue()).toBe('Transports Lemoine & Fils');
    await noMatch.getByRole('button', { name: 'Create account' }).click();
    await expect.poll(() => f.getByTestId('account-name').textContent().catch(() => null), { timeout: 10_000 }).toBe('Transports Lemoine & Fils');
    await page.reload();
    const f2 = await lab.sidebarFrame(page);
    await expect.poll(() => f2.getByTestId('account-name').textContent().catch(() => null), { timeout: 10_000 }).toBe('Transports Lemoine & Fils');
    await expect.poll(() => f2.locator('main').textContent()).toContain('Matched by');
    edits.push({ table: 'accounts', field: 'name', value: 'Transports Lemoine & Fils' });
    await page.close();
  });

  it.runIf(SYNC_UNREACHABLE)('team sync configured but unreachable: the status says offline, and the outbox holds every edit above', async () => {
    expect(edits.length).toBe(6);
    await expectOfflineWithEdits(lab, edits);
  });
});
