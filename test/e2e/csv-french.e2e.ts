// CSV import in the French dashboard, in Chromium: the handed French Excel file (case 02: `sep=;`,
// decimal comma, accents) imported as a French user sees it; the files people choose by mistake or
// keep simple — a workbook, a list of names in one column — each said or read in French.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import type { Page } from 'playwright-core';
import { launch, type Lab } from './harness';

const CSV = join(process.cwd(), 'test/fixtures/csv');
interface Row {
  name: string;
  currentRevenue: number;
  potentialRevenue: number;
  currency: string;
  domains: string[];
}
async function accounts(page: Page): Promise<Row[]> {
  return page.evaluate(
    () =>
      new Promise<Row[]>((resolve) => {
        const q = indexedDB.open('key-account-lens');
        q.onsuccess = () => {
          const r = q.result.transaction('accounts').objectStore('accounts').getAll();
          r.onsuccess = () => {
            resolve((r.result as Row[]).sort((a, b) => a.name.localeCompare(b.name)));
            q.result.close();
          };
        };
      }),
  );
}

describe('CSV import in French (Chromium)', () => {
  let lab: Lab;
  let page: Page;
  beforeAll(async () => {
    lab = await launch({ locale: 'fr-FR' });
    page = await lab.openExtensionPage('dashboard.html');
  });
  afterAll(async () => lab?.close());
  const choose = async (name: string, buffer: Buffer) => {
    await page.goto(`chrome-extension://${lab.extensionId}/dashboard.html#/data`);
    await page.getByTestId('csv-file').setInputFiles({ name, mimeType: 'text/csv', buffer });
  };

  it('an Excel workbook chosen as CSV is named, with how to save it as CSV; nothing is imported', async () => {
    await choose('Comptes.xlsx', Buffer.concat([Buffer.from([0x50, 0x4b, 0x03, 0x04, 0x14, 0x00, 0x06, 0x00]), Buffer.from('[Content_Types].xml')]));
    const problems = page.getByTestId('import-problems');
    await problems.waitFor();
    expect(await problems.locator('li').allTextContents()).toEqual([
      'Comptes.xlsx: est un classeur (.xlsx ou .ods), pas un fichier CSV : enregistrez-le en CSV (Excel : Fichier › Enregistrer sous › CSV UTF-8), puis choisissez ce fichier.',
    ]);
    expect(await page.getByRole('button', { name: /^Importer/ }).count()).toBe(0);
  });

  it('case 02 (French Excel: sep=;, decimal comma, accents): 3 accounts with their amounts', async () => {
    await choose('02-excel-fr-semicolon-decimal-comma.csv', readFileSync(join(CSV, '02-excel-fr-semicolon-decimal-comma.csv')));
    await expect.poll(() => page.getByTestId('csv-summary').textContent().then((x) => x?.trim())).toBe('3 nouveaux, 0 fusionnés avec l’existant, 0 déjà présents.');
    await page.getByRole('button', { name: 'Importer 3 lignes' }).click();
    await expect.poll(async () => (await accounts(page)).length).toBe(3);
    expect((await accounts(page)).map((a) => [a.name, a.domains, a.currentRevenue, a.potentialRevenue, a.currency])).toEqual([
      ['Boulangeries Dupont SAS', ['dupont-boulangeries.example'], 0.8, 12.5, 'EUR'],
      ['Ets Martin & Fils', ['martin-fils.example'], 87.25, 140.75, 'EUR'],
      ['Lumière Assurances Mutuelles', ['lumiere-assurances.example'], 1250.5, 1800.25, 'EUR'],
    ]);
  });

  it('a list of company names in one column is imported', async () => {
    await choose('noms.csv', Buffer.from('\uFEFFNom\r\nNordique Énergie\r\nAtelier Rivière\r\n'));
    await expect.poll(() => page.getByTestId('csv-summary').textContent().then((x) => x?.trim())).toBe('2 nouveaux, 0 fusionnés avec l’existant, 0 déjà présents.');
    await page.getByRole('button', { name: 'Importer 2 lignes' }).click();
    await expect.poll(async () => (await accounts(page)).map((a) => a.name)).toEqual(['Atelier Rivière', 'Boulangeries Dupont SAS', 'Ets Martin & Fils', 'Lumière Assurances Mutuelles', 'Nordique Énergie']);
  });
});
