// The dashboard end to end in Chromium: create an account and its plan, add stakeholders and see
// them in the power map, back up (JSON download), wipe everything, restore from the file, and
// find everything again. Also: a broken backup is rejected and changes nothing. `npm test` runs
// it twice: team sync off, and configured but unreachable with a user logged in
// (KAL_E2E_SYNC=unreachable, test/e2e/sync-setup.ts): the restore then goes through the sync
// connection, and the outbox must hold the restored records.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { mkdtempSync, readFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { Page } from 'playwright-core';
import { launch, type Lab } from './harness';
import { SYNC_UNREACHABLE, expectOfflineWithEdits } from './sync-setup';

const ACCOUNT = 'Acme Test Corporation';
const CONTEXT = 'Group-wide ERP renewal in 2027; 40 subsidiaries not equipped yet.';

async function toast(page: Page, text: RegExp | string) {
  await page.getByTestId('toast').filter({ hasText: text }).first().waitFor({ timeout: 10_000 });
}

describe('dashboard', () => {
  let lab: Lab;
  let page: Page;
  const dir = mkdtempSync(join(tmpdir(), 'kal-dash-'));
  let backupPath = '';

  beforeAll(async () => {
    lab = await launch();
    page = await lab.openExtensionPage('dashboard.html');
  });
  afterAll(async () => lab?.close());

  it('creates an account and its plan, with a revision', async () => {
    await page.getByRole('textbox', { name: 'New account name' }).fill(ACCOUNT);
    await page.getByRole('button', { name: 'Create account' }).click();
    await expect.poll(() => page.getByTestId('account-title').textContent()).toBe(ACCOUNT);

    const plan = page.locator('#sec-plan');
    await plan.getByLabel('Strategic context').fill(CONTEXT);
    await plan.getByRole('button', { name: /Add objective/ }).click();
    await plan.getByRole('textbox', { name: 'Objective 1' }).fill('Sign the group framework agreement');
    await plan.getByRole('button', { name: 'Save plan' }).first().click();
    await toast(page, 'Plan saved (revision 1)');
    await page.getByTestId('plan-history').getByText(/Revision 1/).waitFor();
  });

  it('adds stakeholders and shows them in the power map picture', async () => {
    const map = page.locator('#sec-powermap');
    await map.getByRole('button', { name: /Add stakeholder/ }).click();
    let form = page.getByTestId('stakeholder-form');
    await form.getByLabel('Name', { exact: true }).fill('Alice Boss');
    await form.getByLabel('Title', { exact: true }).fill('CFO');
    await form.getByLabel('Role').selectOption('economic_buyer');
    await form.getByLabel('Stance').selectOption('supporter');
    await form.getByLabel('Influence').selectOption('high');
    await form.getByRole('button', { name: 'Save' }).click();
    await toast(page, 'Stakeholder saved.');

    await map.getByRole('button', { name: /Add stakeholder/ }).click();
    form = page.getByTestId('stakeholder-form');
    await form.getByLabel('Name', { exact: true }).fill('Bob Champion');
    await form.getByLabel('Role').selectOption('champion');
    await form.getByLabel('Stance').selectOption('champion');
    await form.getByLabel('Reports to').selectOption({ label: 'Alice Boss' });
    await form.getByRole('button', { name: 'Save' }).click();
    await toast(page, 'Stakeholder saved.');

    const chart = page.getByTestId('org-chart');
    await chart.getByRole('button', { name: /Alice Boss, Economic buyer, Supporter, High influence/ }).waitFor();
    await chart.getByRole('button', { name: /Bob Champion, Champion \/ coach, Champion/ }).waitFor();
    await expect.poll(() => chart.locator('path').count()).toBe(1); // Bob reports to Alice

    // Edit from the picture: select Bob, make him skeptic.
    await chart.getByRole('button', { name: /Bob Champion/ }).click();
    form = page.getByTestId('stakeholder-form');
    await form.getByLabel('Stance').selectOption('skeptic');
    await form.getByRole('button', { name: 'Save' }).click();
    await chart.getByRole('button', { name: /Bob Champion, Champion \/ coach, Skeptic/ }).waitFor();

    await page.getByRole('textbox', { name: /write a note/i }).fill('Met Alice at the steering committee.');
    await page.getByRole('button', { name: /add note/i }).click();
    await page.getByTestId('timeline').getByText('Met Alice at the steering committee.').waitFor();
  });

  it('backs up to a JSON file', async () => {
    await page.goto(`chrome-extension://${lab.extensionId}/dashboard.html#/data`);
    const [download] = await Promise.all([page.waitForEvent('download'), page.getByRole('button', { name: 'Download backup (JSON)' }).click()]);
    backupPath = join(dir, download.suggestedFilename());
    await download.saveAs(backupPath);
    const backup = JSON.parse(readFileSync(backupPath, 'utf8'));
    expect(backup).toMatchObject({ format: 'key-account-lens-backup', version: 2 });
    expect(backup.data.accounts).toHaveLength(1);
    expect(backup.data.stakeholders).toHaveLength(2);
    expect(backup.data.planRevisions).toHaveLength(1);
  });

  it('rejects a broken backup and changes nothing', async () => {
    const broken = JSON.parse(readFileSync(backupPath, 'utf8'));
    broken.data.stakeholders[1].emails = ['not an email'];
    await page.getByTestId('restore-file').setInputFiles({ name: 'broken.json', mimeType: 'application/json', buffer: Buffer.from(JSON.stringify(broken)) });
    const problems = page.getByTestId('import-problems');
    await problems.waitFor();
    expect(await problems.textContent()).toContain(`broken.json › stakeholders › row 1 (id “${broken.data.stakeholders[1].id}”) › emails.0: “not an email” is not an email address.`);
    await expect.poll(() => page.evaluate(() => new Promise((r) => { const q = indexedDB.open('key-account-lens'); q.onsuccess = () => { const tx = q.result.transaction('stakeholders'); const c = tx.objectStore('stakeholders').count(); c.onsuccess = () => { r(c.result); q.result.close(); }; }; }))).toBe(2);
  });

  it('wipes everything after confirmation', async () => {
    await page.getByRole('button', { name: 'Delete all data…' }).click();
    await page.getByLabel('Type DELETE to confirm').fill('DELETE');
    await page.getByRole('button', { name: 'Delete everything' }).click();
    await toast(page, 'All data deleted.');
    await page.goto(`chrome-extension://${lab.extensionId}/dashboard.html#/`);
    await page.getByText(/Your portfolio is empty/).waitFor();
    // the segmentation page says the same under its own name
    await page.goto(`chrome-extension://${lab.extensionId}/dashboard.html#/segments`);
    await page.getByRole('heading', { level: 1, name: 'Segmentation', exact: true }).waitFor();
    expect(await page.getByRole('heading', { level: 1 }).allTextContents()).toEqual(['Segmentation']);
    await page.getByText(/Your portfolio is empty/).waitFor();
    await page.goto(`chrome-extension://${lab.extensionId}/dashboard.html#/`);
  });

  it('restores from the backup file and finds everything', async () => {
    await page.goto(`chrome-extension://${lab.extensionId}/dashboard.html#/data`);
    await page.getByTestId('restore-file').setInputFiles(backupPath);
    await page.getByText(/Replace all current data with this backup \(1 accounts, 2 stakeholders/).waitFor();
    await page.getByRole('button', { name: 'Restore', exact: true }).click();
    await toast(page, 'Restored: 1 accounts.');

    await page.goto(`chrome-extension://${lab.extensionId}/dashboard.html#/`);
    await page.getByTestId('portfolio').getByRole('link', { name: ACCOUNT }).click();
    await expect.poll(() => page.getByTestId('account-title').textContent()).toBe(ACCOUNT);
    await expect.poll(() => page.locator('#sec-plan').getByLabel('Strategic context').inputValue()).toBe(CONTEXT);
    await expect.poll(() => page.locator('#sec-plan').getByRole('textbox', { name: 'Objective 1' }).inputValue()).toBe('Sign the group framework agreement');
    await page.getByTestId('plan-history').getByText(/Revision 1/).waitFor();
    const chart = page.getByTestId('org-chart');
    await chart.getByRole('button', { name: /Alice Boss, Economic buyer/ }).waitFor();
    await chart.getByRole('button', { name: /Bob Champion, Champion \/ coach, Skeptic/ }).waitFor();
    await page.getByTestId('timeline').getByText('Met Alice at the steering committee.').waitFor();
  });

  it.runIf(SYNC_UNREACHABLE)('team sync configured but unreachable: the status says offline, and the outbox holds the restored records', async () => {
    await expectOfflineWithEdits(lab, [
      { table: 'accounts', field: 'name', value: ACCOUNT },
      { table: 'stakeholders', field: 'name', value: 'Alice Boss' },
      { table: 'stakeholders', field: 'name', value: 'Bob Champion' },
      { table: 'notes', field: 'body', value: 'Met Alice at the steering committee.' },
    ]);
  });

  it('shows the one-page review', async () => {
    await page.getByRole('link', { name: 'One-page review' }).click();
    const doc = page.getByTestId('print-page');
    await doc.getByText(CONTEXT).waitFor();
    await doc.getByTestId('org-chart').getByRole('img', { name: /Alice Boss/ }).waitFor();
    await doc.getByRole('button', { name: 'Print / save as PDF' }).waitFor();
  });

  it('stays fast with 10,000 accounts (virtualised rows)', async () => {
    await page.goto(`chrome-extension://${lab.extensionId}/dashboard.html#/`);
    await page.getByTestId('portfolio').waitFor();
    await page.evaluate(
      () =>
        new Promise<void>((resolve, reject) => {
          const q = indexedDB.open('key-account-lens');
          q.onerror = () => reject(q.error);
          q.onsuccess = () => {
            const tx = q.result.transaction('accounts', 'readwrite');
            const store = tx.objectStore('accounts');
            for (let i = 0; i < 10_000; i++) {
              store.put({ id: `bulk-${i}`, name: `Bulk Account ${String(i).padStart(5, '0')}`, nameKey: `bulk account ${i}`, aliases: [], domains: [`bulk${i}.example`], linkedinUrls: [], tier: ['A', 'B', 'C', 'untiered'][i % 4], scores: { revenue: i % 6, potential: 3, growth: 2, strategicFit: 1, relationship: 2, access: 3 }, currency: 'EUR', currentRevenue: i * 10, potentialRevenue: i * 25, reviewCadenceDays: 30, tags: [], createdAt: 0, updatedAt: 0 });
            }
            tx.oncomplete = () => {
              q.result.close();
              resolve();
            };
            tx.onerror = () => reject(tx.error);
          };
        }),
    );
    const t0 = Date.now();
    await page.reload();
    await page.getByText(/of 10001 accounts/).waitFor();
    const loadMs = Date.now() - t0;
    const rows = await page.getByTestId('portfolio').getByRole('row').count();
    expect(rows).toBeLessThan(80); // only the visible rows are rendered
    await page.getByRole('searchbox', { name: /Search name/ }).fill('Bulk Account 09999');
    await page.getByTestId('portfolio').getByRole('link', { name: 'Bulk Account 09999' }).waitFor();
    await page.getByRole('button', { name: 'Sort by Whitespace' }).click();
    expect(loadMs).toBeLessThan(10_000);
  });

  it('a search that finds nothing says so and clears in one click; totals are summed per currency', async () => {
    // one account in pounds among 10,001 in euros (as a CSV import with £ amounts writes it)
    await page.evaluate(
      () =>
        new Promise<void>((resolve, reject) => {
          const q = indexedDB.open('key-account-lens');
          q.onsuccess = () => {
            const tx = q.result.transaction('accounts', 'readwrite');
            const store = tx.objectStore('accounts');
            const g = store.get('bulk-1');
            g.onsuccess = () => store.put({ ...g.result, currency: 'GBP', currentRevenue: 7000, potentialRevenue: 9000 });
            tx.oncomplete = () => (q.result.close(), resolve());
            tx.onerror = () => reject(tx.error);
          };
        }),
    );
    await page.reload();
    const search = page.getByRole('searchbox', { name: /Search name/ });
    await search.fill('Bulk Account 00001');
    await page.getByTestId('portfolio').getByRole('link', { name: 'Bulk Account 00001' }).waitFor();
    await expect.poll(() => page.getByText(/^1 of 10001 accounts/).textContent()).toBe('1 of 10001 accounts · Current £7,000 · Potential £9,000 · Whitespace £2,000 · 0 overdue actions');
    await search.fill('Bulk Account 0000');
    await expect.poll(() => page.getByText(/^10 of 10001 accounts/).textContent()).toBe('10 of 10001 accounts · Current €440 + £7,000 · Potential €1,100 + £9,000 · Whitespace €660 + £2,000 · 0 overdue actions');
    await search.fill('no such company');
    await page.getByTestId('no-match-filter').getByText('No account matches these filters.').waitFor();
    await page.getByTestId('no-match-filter').getByRole('button', { name: 'Clear search and filters' }).click();
    await page.getByText(/^10001 of 10001 accounts/).waitFor();
    expect(await search.inputValue()).toBe('');
  });
});
