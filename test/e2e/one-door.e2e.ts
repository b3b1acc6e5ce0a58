// One door for every record (issue 12, 6b), end to end in Chromium:
// 1. a hostile backup (foreign LinkedIn URL, dangling reference, 1e308, a date beyond year 9999)
//    is refused with every problem named, in the page, and nothing is written;
// 2. values an older version stored out of range, written straight into IndexedDB (bypassing the
//    repository, as that version would have): the portfolio, the account page, the review queue,
//    the sidebar and CSV export still work with the rest of the data — no "€∞", no "NaN", no
//    blank page.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { readFileSync } from 'node:fs';
import type { Page } from 'playwright-core';
import { countRecords, launch, loadSample, type Lab } from './harness';

const HEXAGONE = 'sample-acc-hexagone';
const CLAIRE = 'sample-stk-claire-martin';

/** Every record of every table, read raw from the extension's IndexedDB. */
async function rawDump(page: Page): Promise<Record<string, unknown[]>> {
  return page.evaluate(
    () =>
      new Promise<Record<string, unknown[]>>((resolve, reject) => {
        const req = indexedDB.open('key-account-lens');
        req.onerror = () => reject(req.error);
        req.onsuccess = () => {
          const db = req.result;
          const names = [...db.objectStoreNames];
          const tx = db.transaction(names);
          const out: Record<string, unknown[]> = {};
          for (const n of names) {
            const g = tx.objectStore(n).getAll();
            g.onsuccess = () => (out[n] = g.result);
          }
          tx.oncomplete = () => {
            db.close();
            resolve(out);
          };
          tx.onerror = () => reject(tx.error);
        };
      }),
  );
}

/** Changes records in place, straight in IndexedDB: what an older version without today's checks could have written. */
async function writeRaw(page: Page, edits: { store: string; id: string; set: Record<string, unknown> }[]): Promise<void> {
  await page.evaluate(
    (edits) =>
      new Promise<void>((resolve, reject) => {
        const req = indexedDB.open('key-account-lens');
        req.onerror = () => reject(req.error);
        req.onsuccess = () => {
          const db = req.result;
          const tx = db.transaction([...new Set(edits.map((e) => e.store))], 'readwrite');
          for (const e of edits) {
            const st = tx.objectStore(e.store);
            const g = st.get(e.id);
            g.onsuccess = () => {
              if (!g.result) {
                // A throw here would be swallowed by the event loop and hang the test: fail now.
                reject(new Error(`no ${e.store} ${e.id}`));
                tx.abort();
                return;
              }
              // JSON cannot carry Infinity: the caller sends it as the string "Infinity".
              const set = Object.fromEntries(Object.entries(e.set).map(([k, v]) => [k, v === 'Infinity' ? Infinity : v]));
              st.put({ ...g.result, ...set });
            };
          }
          tx.oncomplete = () => {
            db.close();
            resolve();
          };
          tx.onerror = () => reject(tx.error);
        };
      }),
    edits,
  );
}

const BROKEN = /€∞|∞|NaN|Invalid Date|undefined/;

describe('one door for every record', () => {
  let lab: Lab;
  let dash: Page;

  beforeAll(async () => {
    lab = await launch();
    await lab.serve('https://www.linkedin.com/in/**', 'linkedin-profile/classic-en.html');
    await loadSample(lab);
    dash = await lab.openExtensionPage('dashboard.html#/data');
  });
  afterAll(async () => lab?.close());

  it('a hostile backup is refused, every problem named with its record and field, and nothing is written', async () => {
    const before = await rawDump(dash);
    // Our own backup, then shaped by hand.
    const download = dash.waitForEvent('download');
    await dash.getByRole('button', { name: /Download backup/ }).click();
    const backup = JSON.parse(readFileSync((await (await download).path())!, 'utf8'));
    const claire = backup.data.stakeholders.find((s: { id: string }) => s.id === CLAIRE);
    claire.linkedinUrl = 'https://evil.example/in/x/';
    const hex = backup.data.accounts.find((a: { id: string }) => a.id === HEXAGONE);
    hex.currentRevenue = 1e308;
    hex.renewalAt = '+275760-09-13';
    hex.nameKey = 'forged';
    const note = backup.data.notes[0];
    note.createdAt = Date.UTC(10000, 0, 1);
    const iClaire = backup.data.stakeholders.indexOf(claire);
    const iHex = backup.data.accounts.indexOf(hex);

    await dash.getByTestId('restore-file').setInputFiles({ name: 'hostile.json', mimeType: 'application/json', buffer: Buffer.from(JSON.stringify(backup)) });
    const problems = dash.getByTestId('import-problems');
    await problems.waitFor();
    const lines = await problems.locator('li').allTextContents();
    expect(lines).toEqual([
      `hostile.json › accounts › row ${iHex} (id “${HEXAGONE}”) › currentRevenue: is larger than 10^15, the largest amount the app handles.`,
      `hostile.json › accounts › row ${iHex} (id “${HEXAGONE}”) › renewalAt: is not a date (YYYY-MM-DD, years 1900–2999).`,
      `hostile.json › stakeholders › row ${iClaire} (id “${CLAIRE}”) › linkedinUrl: “https://evil.example/in/x/” is not a LinkedIn profile URL.`,
      `hostile.json › notes › row 0 (id “${note.id}”) › createdAt: is a date after the year 9999.`,
    ]);
    expect(await dash.getByTestId('restore-confirm').count()).toBe(0);
    expect(await rawDump(dash)).toEqual(before);

    // References are checked once every record is admitted: a note of a stakeholder not in the file.
    const dangling = JSON.parse(readFileSync((await (await download).path())!, 'utf8'));
    dangling.data.notes[0].stakeholderId = 'ghost';
    await dash.getByTestId('restore-file').setInputFiles({ name: 'dangling.json', mimeType: 'application/json', buffer: Buffer.from(JSON.stringify(dangling)) });
    await expect
      .poll(() => problems.locator('li').allTextContents())
      .toEqual([`dangling.json › notes › row 0 (id “${dangling.data.notes[0].id}”) › stakeholderId: refers to “ghost”, which is not in the file (stakeholders).`]);
    expect(await rawDump(dash)).toEqual(before);
  });

  it('values an older version stored out of range: portfolio, account page, review queue, sidebar and CSV export still work', async () => {
    const actions = (await rawDump(dash)).actions as { id: string; accountId: string }[];
    const hexAction = actions.find((a) => a.accountId === HEXAGONE)!;
    await writeRaw(dash, [
      { store: 'accounts', id: HEXAGONE, set: { currentRevenue: 1e308, potentialRevenue: 'Infinity', renewalAt: '+275760-09-13', nextReviewAt: '10000-01-01', nameKey: 'forged' } },
      { store: 'stakeholders', id: CLAIRE, set: { lastContactAt: 9e15, createdAt: 1e20 } },
      { store: 'actions', id: hexAction.id, set: { dueAt: '+275760-09-13', status: 'open', createdAt: 9e15 } },
    ]);

    // Portfolio: every account listed; the damaged figures read "—".
    await dash.goto(`chrome-extension://${lab.extensionId}/dashboard.html#/`);
    const table = dash.getByTestId('portfolio');
    await table.getByText('Groupe Hexagone Distribution').waitFor();
    const text = (await dash.locator('main').textContent())!;
    expect(text).not.toMatch(BROKEN);
    expect(await dash.locator('[data-testid^="section-error-"]').count()).toBe(0);
    expect(await table.getByRole('row').count()).toBeGreaterThan(5);

    // Account page: every section renders.
    await dash.goto(`chrome-extension://${lab.extensionId}/dashboard.html#/account/${HEXAGONE}`);
    await expect.poll(() => dash.getByTestId('account-title').textContent()).toBe('Groupe Hexagone Distribution');
    for (const s of ['details', 'plan', 'history', 'powermap', 'timeline']) await dash.locator(`#sec-${s}`).waitFor();
    await dash.locator('#sec-powermap table').getByText('Claire Martin').first().waitFor();
    expect((await dash.locator('main').textContent())!).not.toMatch(BROKEN);

    // Review queue.
    await dash.goto(`chrome-extension://${lab.extensionId}/dashboard.html#/review`);
    await dash.getByRole('heading', { level: 1 }).waitFor();
    expect((await dash.locator('main').textContent())!).not.toMatch(BROKEN);
    expect(await dash.locator('[data-testid^="section-error-"]').count()).toBe(0);

    // CSV export of each table downloads a file.
    await dash.goto(`chrome-extension://${lab.extensionId}/dashboard.html#/data`);
    for (const what of ['Accounts', 'Stakeholders', 'Actions']) {
      const dl = dash.waitForEvent('download');
      await dash.locator('#export').getByRole('button', { name: what, exact: true }).click();
      const csv = readFileSync((await (await dl).path())!, 'utf8');
      expect(csv.split('\r\n').length).toBeGreaterThan(5);
      expect(csv).not.toMatch(/Infinity|NaN/);
    }

    // Sidebar on Claire Martin's profile: the account, her card, the actions.
    const page = await lab.ctx.newPage();
    await page.goto('https://www.linkedin.com/in/claire-martin-achats/');
    const f = await lab.sidebarFrame(page);
    await expect.poll(() => f.getByTestId('account-name').textContent()).toBe('Groupe Hexagone Distribution');
    await f.getByTestId('person-card').waitFor();
    await f.getByTestId('actions').waitFor();
    expect((await f.locator('body').textContent())!).not.toMatch(BROKEN);
    await page.close();
    expect(await countRecords(lab, 'accounts')).toBeGreaterThan(5);
  });

  it('a value no view expected (a plan whose objectives are not a list) blanks one section, never the page', async () => {
    // Since schema v6 a plan's id is its account's id (lib/db/db.ts).
    await writeRaw(dash, [{ store: 'plans', id: HEXAGONE, set: { objectives: 'not a list', risks: 42 } }]);
    await dash.goto(`chrome-extension://${lab.extensionId}/dashboard.html#/account/${HEXAGONE}`);
    await expect.poll(() => dash.getByTestId('account-title').textContent()).toBe('Groupe Hexagone Distribution');
    await dash.getByTestId('section-error-PlanEditor').waitFor();
    expect(await dash.getByTestId('section-error-PlanEditor').textContent()).toBe(
      'This part could not be shown (a stored value is out of range). The rest of the page works: open the record to fix it, or restore a backup.Retry',
    );
    // The other sections work.
    await dash.locator('#sec-powermap table').getByText('Claire Martin').first().waitFor();
    await dash.locator('#sec-timeline').waitFor();
    await dash.locator('#sec-details').waitFor();
    // Navigation still works: another page renders.
    await dash.getByRole('link', { name: 'Portfolio' }).first().click();
    await dash.getByTestId('portfolio').getByText('Groupe Hexagone Distribution').waitFor();

    // The sidebar: the account and the person, whatever happens to the plan's summary.
    const page = await lab.ctx.newPage();
    await page.goto('https://www.linkedin.com/in/claire-martin-achats/');
    const f = await lab.sidebarFrame(page);
    await expect.poll(() => f.getByTestId('account-name').textContent()).toBe('Groupe Hexagone Distribution');
    await f.getByTestId('person-card').waitFor();
    await page.close();
  });
});
