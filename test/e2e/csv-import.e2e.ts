// CSV import through the dashboard, in Chromium, in Los Angeles time: a Windows-1252 Excel
// file, a Salesforce report with footer lines, and date-only values that must not shift.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import type { Page } from 'playwright-core';
import { countRecords, launch, loadSample, type Lab } from './harness';

const CSV = join(process.cwd(), 'test/fixtures/csv');
type Row = Record<string, unknown>;

async function accounts(page: Page): Promise<Row[]> {
  return page.evaluate(
    () =>
      new Promise<Row[]>((resolve, reject) => {
        const q = indexedDB.open('key-account-lens');
        q.onerror = () => reject(q.error);
        q.onsuccess = () => {
          const r = q.result.transaction('accounts').objectStore('accounts').getAll();
          r.onsuccess = () => {
            resolve(r.result as Row[]);
            q.result.close();
          };
        };
      }),
  );
}

async function importFile(page: Page, lab: Lab, file: string, expectSummary: RegExp) {
  await page.goto(`chrome-extension://${lab.extensionId}/dashboard.html#/data`);
  await page.getByTestId('csv-file').setInputFiles({ name: file, mimeType: 'text/csv', buffer: readFileSync(join(CSV, file)) });
  await expect.poll(() => page.getByTestId('csv-summary').textContent()).toMatch(expectSummary);
}

describe('CSV import in the dashboard (TZ America/Los_Angeles)', () => {
  let lab: Lab;
  let page: Page;
  beforeAll(async () => {
    lab = await launch({ timezoneId: 'America/Los_Angeles' });
    page = await lab.openExtensionPage('dashboard.html');
  });
  afterAll(async () => lab?.close());

  it('imports a Windows-1252 Excel file with its accents, naming the encoding', async () => {
    await importFile(page, lab, '03-excel-ansi-windows-1252.csv', /^4 new/);
    await expect.poll(() => page.getByTestId('csv-encoding').inputValue()).toBe('windows-1252');
    await expect.poll(() => page.getByTestId('csv-file-summary').textContent()).toContain('detected');
    await page.getByTestId('csv-rows').getByText('Œuvres Sociales du Rhône').waitFor();
    await page.getByRole('button', { name: 'Import 4 rows' }).click();
    await expect.poll(async () => (await accounts(page)).length).toBe(4);
    const all = await accounts(page);
    expect(all.map((a) => a.name).sort()).toEqual(['Boulangeries Lefèvre & Fils', 'Café « Le Zénith »', 'L\u2019Atelier Bâti', 'Œuvres Sociales du Rhône']);
    expect(all.map((a) => a.currentRevenue).sort((x, y) => Number(x) - Number(y))).toEqual([95000, 480000, 1250000, 2100000]);
    expect(/[\uFFFD\u0080-\u009F]/.test(JSON.stringify(all))).toBe(false);
  });

  it('imports a Salesforce report: 3 accounts, the 5 footer lines skipped', async () => {
    await importFile(page, lab, '05-salesforce-report-footer.csv', /^3 new/);
    await expect.poll(() => page.getByTestId('csv-skipped').textContent()).toContain('5 lines skipped');
    await page.getByRole('button', { name: 'Import 3 rows' }).click();
    await expect.poll(async () => (await accounts(page)).length).toBe(7);
    const all = await accounts(page);
    const fab = all.find((a) => a.name === 'Fabrikam France')!;
    expect(fab).toMatchObject({ domains: ['fabrikam-france.example'], description: 'Compte stratégique.\r\nSponsor : DAF.' });
    expect(String(fab.address)).toContain('8 quai de la Loire\nHall 2');
    expect(all.some((a) => /Copyright|Confidential|Generated/.test(String(a.name)))).toBe(false);
  });

  it('keeps date-only values on their day in Los Angeles (portfolio and stored values)', async () => {
    await importFile(page, lab, '18-date-only-values-timezone-shift.csv', /^3 new/);
    await page.getByRole('button', { name: 'Import 3 rows' }).click();
    await expect.poll(async () => (await accounts(page)).length).toBe(10);
    const initech = (await accounts(page)).find((a) => a.name === 'Initech')!;
    expect([initech.renewalAt, initech.nextReviewAt]).toEqual(['2027-01-01', '2026-12-31']);
    await page.goto(`chrome-extension://${lab.extensionId}/dashboard.html#/`);
    const row = page.getByRole('row').filter({ hasText: 'Initech' });
    await expect.poll(() => row.textContent()).toContain('1 Jan 2027');
    expect(await row.textContent()).toContain('31 Dec 2026');
  });

  it('asks how an ambiguous date column is read, and follows the change', async () => {
    await page.goto(`chrome-extension://${lab.extensionId}/dashboard.html#/data`);
    const text = 'Company name,Renewal Date\nAmbiguity One,03/04/2027\nAmbiguity Two,05/06/2027\n';
    await page.getByTestId('csv-file').setInputFiles({ name: 'ambiguous.csv', mimeType: 'text/csv', buffer: Buffer.from(text) });
    const reading = page.getByTestId('csv-date-reading-1');
    await expect.poll(() => reading.textContent()).toContain('guessed from your language');
    await reading.getByRole('combobox').selectOption('MDY');
    await page.getByRole('button', { name: 'Import 2 rows' }).click();
    await expect.poll(async () => (await accounts(page)).find((a) => a.name === 'Ambiguity One')?.renewalAt).toBe('2027-03-04');
  });

  it('imports an Excel for Mac "CSV (Macintosh)" file (Mac OS Roman, CR-only lines) with its accents, naming the encoding', async () => {
    await importFile(page, lab, 'mac-excel-csv-macintosh.csv', /^3 new/);
    await expect.poll(() => page.getByTestId('csv-encoding').inputValue()).toBe('macintosh');
    await page.getByTestId('csv-rows').getByText('Crème Brûlée SARL').waitFor();
    await page.getByRole('button', { name: 'Import 3 rows' }).click();
    const names = ['Société Lefèvre', 'Crème Brûlée SARL', 'Grün & Söhne'];
    await expect.poll(async () => (await accounts(page)).filter((a) => names.includes(String(a.name))).length).toBe(3);
    const mine = (await accounts(page)).filter((a) => names.includes(String(a.name)));
    expect(mine.map((a) => [a.name, a.owner, a.address]).sort()).toEqual([
      ['Crème Brûlée SARL', 'Françoise Noël', 'Besançon'],
      ['Grün & Söhne', 'Jürgen Weiß', 'Zürich'],
      ['Société Lefèvre', 'Zoé Müller', 'Orléans'],
    ]);
  });

  it('imports an Excel "Unicode Text" .txt file (UTF-16 LE, tab-separated); the picker offers .txt and .tsv', async () => {
    await page.goto(`chrome-extension://${lab.extensionId}/dashboard.html#/data`);
    expect((await page.getByTestId('csv-file').getAttribute('accept'))?.split(',')).toEqual(expect.arrayContaining(['.csv', '.txt', '.tsv']));
    await page.getByTestId('csv-file').setInputFiles({ name: 'accounts.txt', mimeType: 'text/plain', buffer: readFileSync(join(CSV, 'excel-unicode-text.txt')) });
    await expect.poll(() => page.getByTestId('csv-summary').textContent()).toMatch(/^3 new/);
    await expect.poll(() => page.getByTestId('csv-separator').inputValue()).toBe('\t');
    await page.getByRole('button', { name: 'Import 3 rows' }).click();
    await expect.poll(async () => (await accounts(page)).find((a) => a.name === 'Łódź Foods')?.description).toBe('Notes with\ttab');
    const sg = (await accounts(page)).find((a) => a.name === 'Société Générale Assurances')!;
    expect([sg.currentRevenue, sg.renewalAt, sg.description]).toEqual([1200000, '2027-03-25', 'Key account, "tier 1"']);
  });
});

describe('LinkedIn connections in the dashboard', () => {
  let lab: Lab;
  let page: Page;
  beforeAll(async () => {
    lab = await launch();
    await loadSample(lab);
    page = await lab.openExtensionPage('dashboard.html');
  });
  afterAll(async () => lab?.close());

  it('maps a LinkedIn Connections.csv to accounts and adds the ticked people after review', async () => {
    const before = await countRecords(lab, 'stakeholders');
    await page.goto(`chrome-extension://${lab.extensionId}/dashboard.html#/data`);
    await page.getByTestId('csv-file').setInputFiles({ name: 'Connections.csv', mimeType: 'text/csv', buffer: readFileSync(join(CSV, 'linkedin-Connections.csv')) });
    await expect.poll(() => page.getByTestId('connections-summary').textContent()).toMatch(/^7 connections read: 6 work at 4 of your accounts, 1 match none/);
    const hex = page.getByRole('region', { name: 'Groupe Hexagone Distribution' });
    await expect.poll(() => hex.textContent()).toContain('People you know there (2)');
    expect(await hex.textContent()).toContain('already a stakeholder');
    expect(await countRecords(lab, 'stakeholders')).toBe(before);
    await page.getByRole('button', { name: 'Add 4 selected as stakeholders' }).click();
    await expect.poll(() => countRecords(lab, 'stakeholders')).toBe(before + 4);
  });
});
