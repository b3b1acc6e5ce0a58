// The journeys that must work in Chromium AND Firefox, written once against the cross-browser layer
// (browsers.ts): profile → account, one-click add, thread → note, dashboard backup → wipe →
// restore, a hostile page. One browser launch per browser for the whole file.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { BROWSERS, launchX, until, type XLab, type XPage, type XTarget } from './browsers';
import { isLoopback } from './harness';
import { createServer } from 'node:net';

/** A loopback TCP port nothing listens on (bound, then released). */
function freePort(): Promise<number> {
  return new Promise((resolve, reject) => {
    const srv = createServer();
    srv.once('error', reject);
    srv.listen(0, '127.0.0.1', () => {
      const a = srv.address();
      srv.close(() => resolve(typeof a === 'object' && a ? a.port : 0));
    });
  });
}
import { BACKUP_VERSION } from '../../lib/io/backup';

/** Load the sample portfolio from the dashboard, as a user would. */
async function loadSample(lab: XLab): Promise<void> {
  const dash = await lab.openDashboard();
  await dash.click({ css: 'button', text: 'sample portfolio' });
  await dash.find({ css: '[data-testid="portfolio"]' });
  await dash.close();
}

/** Count records in the extension's database, from a top-level extension page. */
function count(page: XTarget, table: string): Promise<number> {
  return page.evaluate(
    (t) =>
      new Promise<number>((resolve, reject) => {
        const req = indexedDB.open('key-account-lens');
        req.onerror = () => reject(req.error);
        req.onsuccess = () => {
          const c = req.result.transaction(t).objectStore(t).count();
          c.onsuccess = () => {
            resolve(c.result);
            req.result.close();
          };
          c.onerror = () => reject(c.error);
        };
      }),
    table,
  );
}

async function route(page: XPage, hash: string): Promise<void> {
  await page.evaluate((h) => void (location.hash = h), hash);
}

describe.each(BROWSERS)('journeys in %s', (browserName) => {
  let lab: XLab;
  let dash: XPage;
  const started = Date.now();

  beforeAll(async () => {
    lab = await launchX(browserName);
    await lab.serve('https://www.linkedin.com/in/**', 'linkedin-profile/classic-en.html');
    await lab.serve('https://www.linkedin.com/in/thomas-girard-5a1b2c3/**', 'linkedin-profile/classic-fr.html');
    await lab.serve('https://www.linkedin.com/in/claire-martin-hostile/**', 'hostile/linkedin-profile-hostile.html');
    await lab.serve('https://mail.google.com/**', 'gmail/expanded-en.html');
    // logged-out (guest) profiles: the profile detector's JSON-LD part is injected on these only
    await lab.serve('https://fr.linkedin.com/in/sophie-renard-7c2d1e**', 'linkedin-profile/guest-mobile-jsonld.html');
    await lab.serve('https://dk.linkedin.com/in/marc-olsen-4b9e21**', 'linkedin-profile/guest-worksfor.html');
    await lab.serve('https://se.linkedin.com/in/ludovicgarnier**', 'real-structures/profile-guest-company-nolink.html');
    await loadSample(lab);
    dash = await lab.openDashboard();
  }, 120_000);
  afterAll(async () => {
    await lab?.close();
    console.log(`[e2e] ${browserName}: journeys file ${((Date.now() - started) / 1000).toFixed(1)} s`);
  });

  it('profile → account: a known person on LinkedIn shows the account, their card and overdue actions first', async () => {
    const page = await lab.newPage('https://www.linkedin.com/in/claire-martin-achats/');
    const side = await page.sidebar();
    await side.waitText('[data-testid="account-name"]', 'Groupe Hexagone Distribution', { exact: true });
    await side.waitText('[data-testid="person-card"]', 'Economic buyer');
    await side.waitText('[data-testid="power-map"]', 'Procurement / gatekeeper');
    expect(await side.text('[data-testid="actions"] li')).toContain('Overdue');
    await page.close();
  });

  it('one-click add: a new LinkedIn profile becomes a stakeholder of the account created from its company, once', async () => {
    const before = await count(dash, 'stakeholders');
    const page = await lab.newPage('https://www.linkedin.com/in/thomas-girard-5a1b2c3/');
    const side = await page.openPanel(); // no match: the panel does not open by itself
    await side.find({ css: '[data-testid="no-match"]' });
    const form = 'form[aria-label="Add as stakeholder"]';
    await until(async () => (await side.value({ css: `${form} input`, name: 'Name' })) === 'Thomas Girard', 'the prefilled name');
    expect(await side.value({ css: `${form} input`, name: 'Title' })).toBe('Responsable Supply Chain');
    await side.select({ css: `${form} select`, name: 'Role' }, 'decision_maker');
    await side.select({ css: `${form} select`, name: 'Influence' }, 'high');
    await side.click({ css: `${form} button[type="submit"]` });
    await side.waitText('[data-testid="account-name"]', 'Maison Berthier SAS', { exact: true });
    await side.waitText('[data-testid="person-card"]', 'Decision maker');
    expect(await count(dash, 'stakeholders')).toBe(before + 1);
    await page.reload();
    const again = await page.sidebar();
    await again.waitText('[data-testid="account-name"]', 'Maison Berthier SAS', { exact: true });
    expect(await count(dash, 'stakeholders')).toBe(before + 1);
    await page.close();
  });

  it('logged-out profiles at their real URLs: the JSON-LD part, loaded only on such pages, reads who and where they work', async () => {
    const form = 'form[aria-label="Add as stakeholder"]';
    // A mobile guest page: no top card, only its schema.org Person says who this is.
    const page = await lab.newPage('https://fr.linkedin.com/in/sophie-renard-7c2d1e');
    let side = await page.openPanel();
    await side.waitText('[data-testid="no-match"]', 'Atelier Lumen');
    await until(async () => (await side.value({ css: `${form} input`, name: 'Name' })) === 'Sophie Renard', 'the prefilled name');
    expect(await side.value({ css: `${form} input`, name: 'Title' })).toBe('Directrice des achats');
    // A guest top card whose first item is a club: the JSON-LD's worksFor names the employer.
    await page.goto('https://dk.linkedin.com/in/marc-olsen-4b9e21');
    side = await page.openPanel();
    await side.waitText('[data-testid="no-match"]', 'Nordhavn Logistics A/S');
    expect(await side.text('[data-testid="no-match"]')).not.toContain('Havnens Roklub');
    await until(async () => (await side.value({ css: `${form} input`, name: 'Name' })) === 'Marc Olsen', 'the prefilled name');
    expect(await side.value({ css: `${form} input`, name: 'Title' })).toBe('Supply Chain Manager');
    // The handed guest page (real structure) on a country host.
    await page.goto('https://se.linkedin.com/in/ludovicgarnier');
    side = await page.openPanel();
    await side.waitText('[data-testid="no-match"]', 'Rekrytia.se');
    await until(async () => (await side.value({ css: `${form} input`, name: 'Name' })) === 'Ludovic Garnier', 'the prefilled name');
    await page.close();
  });

  it('thread → note: a note added on a Gmail thread is linked to the thread and listed first next time', async () => {
    const page = await lab.newPage('https://mail.google.com/mail/u/0/#inbox/FMfcgzQZTxyz');
    const side = await page.sidebar();
    await side.waitText('[data-testid="account-name"]', 'Groupe Hexagone Distribution', { exact: true });
    await side.waitText('[data-testid="participants"]', 'Technical evaluator');
    const body = `SSO questionnaire by Friday (${browserName} ${Date.now()})`;
    await side.fill({ css: 'textarea', name: 'Write a note…' }, body);
    await side.click({ css: 'button', text: 'Add note' });
    await side.waitText('[data-testid="notes"] li', body);
    expect(await side.text('[data-testid="notes"] li')).toContain('This thread');
    await page.reload();
    const again = await page.sidebar();
    await again.waitText('[data-testid="notes"] li', body);
    await page.close();
  });

  it('dashboard: backup → wipe → restore brings every record back', async () => {
    const accounts = await count(dash, 'accounts');
    const stakeholders = await count(dash, 'stakeholders');
    expect(accounts).toBeGreaterThan(0);
    await route(dash, '#/data');
    // Catch the file the dashboard hands to the browser's download (a Blob URL).
    await dash.evaluate(() => {
      const w = window as unknown as { kalBlobs: Blob[] };
      w.kalBlobs = [];
      const orig = URL.createObjectURL.bind(URL);
      URL.createObjectURL = (b: Blob | MediaSource) => (w.kalBlobs.push(b as Blob), orig(b));
    }, null);
    await dash.click({ css: 'button', text: 'Download backup (JSON)' });
    const text = await until(() => dash.evaluate(() => (window as unknown as { kalBlobs: Blob[] }).kalBlobs[0]?.text() ?? null, null), 'the backup file');
    const backup = JSON.parse(text);
    expect(backup).toMatchObject({ format: 'key-account-lens-backup', version: 2 });
    expect(backup.data.accounts).toHaveLength(accounts);
    const file = join(mkdtempSync(join(tmpdir(), 'kal-x-')), 'backup.json');
    writeFileSync(file, text);

    await dash.click({ css: 'button', text: 'Delete all data…' });
    await dash.fill({ css: 'input', name: 'Type DELETE to confirm' }, 'DELETE');
    await dash.click({ css: 'button', text: 'Delete everything' });
    await dash.waitText('[data-testid="toast"]', 'All data deleted.');
    expect(await count(dash, 'accounts')).toBe(0);

    await dash.upload({ css: '[data-testid="restore-file"]' }, file);
    await dash.waitText('#restore-q', `Replace all current data with this backup (${accounts} accounts, ${stakeholders} stakeholders`);
    await dash.click({ css: '[data-testid="restore-confirm"]' });
    await dash.waitText('[data-testid="toast"]', `Restored: ${accounts} accounts.`);
    expect(await count(dash, 'accounts')).toBe(accounts);
    expect(await count(dash, 'stakeholders')).toBe(stakeholders);
    await route(dash, '#/');
    await dash.find({ css: '[data-testid="portfolio"] a', text: 'Groupe Hexagone Distribution' });
  });

  it('hostile page: markup in names stays text, and the page can neither read the sidebar nor make it write', async () => {
    const notesBefore = await count(dash, 'notes');
    const page = await lab.newPage('https://www.linkedin.com/in/claire-martin-hostile/');
    const side = await page.openPanel();
    await side.waitText('[data-testid="no-match"]', '<script>alert(1)</script> SAS');
    await until(async () => (await side.value({ css: 'form[aria-label="Add as stakeholder"] input', name: 'Name' })) === 'Claire <img src=x onerror=alert(1)> Martin', 'the literal name');
    expect(await side.evaluate(() => document.querySelectorAll('img, iframe, script:not([src])').length, null)).toBe(0);
    // The page's own script sweeps the DOM and frames and forges messages every 500 ms (see the
    // fixture): let it do so a few times while the panel is open.
    const forged = () => page.evaluate(() => (window as unknown as { __forged: number }).__forged, null);
    const from = await forged();
    await until(async () => (await forged()) > from + 6, 'the hostile page to forge more messages');
    const stolen = await page.evaluate(() => (window as unknown as { __stolen: string }).__stolen, null);
    expect(stolen.length).toBeGreaterThan(0);
    for (const secret of ['Add as stakeholder', 'Open dashboard', 'Search accounts']) expect(stolen).not.toContain(secret);
    const direct = await page.evaluate(() => {
      const frame = document.querySelector('key-account-lens')?.shadowRoot?.querySelector('iframe');
      try {
        return frame?.contentWindow?.document.body.innerText ?? 'no-access';
      } catch (e) {
        return `blocked: ${(e as Error).name}`;
      }
    }, null);
    expect(direct).toMatch(/^(blocked|no-access)/);
    expect(await page.evaluate(() => typeof (globalThis as { chrome?: { runtime?: { sendMessage?: unknown } } }).chrome?.runtime?.sendMessage, null)).toBe('undefined');
    expect(await count(dash, 'notes')).toBe(notesBefore);
    await page.close();
  });

  it('two dashboard tabs: one field each → both kept; the same field → the later tab shows both values and "Apply mine" saves it', async () => {
    const acc = 'sample-acc-hexagone';
    const stored = (page: XTarget) =>
      page.evaluate(
        (id) =>
          new Promise<{ industry?: string; owner?: string }>((resolve, reject) => {
            const req = indexedDB.open('key-account-lens');
            req.onerror = () => reject(req.error);
            req.onsuccess = () => {
              const g = req.result.transaction('accounts').objectStore('accounts').get(id);
              g.onsuccess = () => (resolve(g.result), req.result.close());
              g.onerror = () => reject(g.error);
            };
          }),
        acc,
      );
    const a = await lab.openDashboard(`#/account/${acc}`);
    const b = await lab.openDashboard(`#/account/${acc}`);
    const industry = { css: '#sec-details input', name: 'Industry' };
    const owner = { css: '#sec-details input', name: 'Owner' };
    const save = { css: '#sec-details button', text: 'Save account' };
    await a.find(industry);
    await b.find(owner);
    // B edits the owner, A saves the industry first, then B saves (B's form still shows the old industry)
    await b.fill(owner, 'Owner from B');
    await a.fill(industry, 'Industry from A');
    await a.click(save);
    await a.waitText('[data-testid="toast"]', 'Account saved.');
    await b.click(save);
    await b.waitText('[data-testid="toast"]', 'Account saved.');
    const both = await stored(a);
    expect([both.industry, both.owner]).toEqual(['Industry from A', 'Owner from B']);
    // the same field: B types, A saves, B saves → review
    await until(async () => (await b.value(industry)) === both.industry, 'B’s form showing the saved industry');
    await b.fill(industry, 'Industry typed in B');
    await a.fill(industry, 'Industry saved in A');
    await a.click(save);
    await until(async () => (await stored(a)).industry === 'Industry saved in A', 'A’s industry saved');
    await b.click(save);
    await b.waitText('[data-testid="conflict-review"]', 'Changed elsewhere — review');
    expect(await b.text('[data-field="industry"] [data-testid="conflict-theirs"]')).toBe('Industry saved in A');
    expect(await b.text('[data-field="industry"] [data-testid="conflict-mine"]')).toBe('Industry typed in B');
    expect((await stored(a)).industry).toBe('Industry saved in A');
    await b.click({ css: 'button', name: 'Apply mine: Industry' });
    await until(async () => (await stored(a)).industry === 'Industry typed in B', 'B’s industry applied');
    await b.waitGone({ css: '[data-testid="conflict-review"]' });
    await a.close();
    await b.close();
  });

  it('a person of another account: the dashboard asks before moving them (Cancel keeps them); the sidebar says where they are and moves them back after the same question', async () => {
    const stakeholder = (page: XTarget, id: string) =>
      page.evaluate(
        (sid) =>
          new Promise<{ accountId: string; reportsTo?: string } | undefined>((resolve, reject) => {
            const req = indexedDB.open('key-account-lens');
            req.onerror = () => reject(req.error);
            req.onsuccess = () => {
              const g = req.result.transaction('stakeholders').objectStore('stakeholders').get(sid);
              g.onsuccess = () => (resolve(g.result), req.result.close());
              g.onerror = () => reject(g.error);
            };
          }),
        id,
      );
    const claire = await until(
      () =>
        dash.evaluate(
          () =>
            new Promise<string | undefined>((resolve) => {
              const req = indexedDB.open('key-account-lens');
              req.onsuccess = () => {
                const g = req.result.transaction('stakeholders').objectStore('stakeholders').index('linkedinUrl').get('https://www.linkedin.com/in/claire-martin-achats/');
                g.onsuccess = () => (resolve((g.result as { id: string } | undefined)?.id), req.result.close());
              };
            }),
          null,
        ),
      'Claire Martin’s record',
    );
    expect((await stakeholder(dash, claire))!.accountId).toBe('sample-acc-hexagone');
    const page = await lab.openDashboard('#/account/sample-acc-nordlicht');
    const form = { css: '[data-testid="stakeholder-form"] input' };
    const add = async () => {
      await page.click({ css: '#sec-powermap button', text: 'Add stakeholder' });
      await page.fill({ ...form, name: 'Name' }, 'Claire Martin');
      // pasted without a scheme, as copied from LinkedIn's "Contact info": the key decides, not the browser's URL check
      await page.fill({ ...form, name: 'LinkedIn profile URL' }, 'linkedin.com/in/claire-martin-achats');
      await page.click({ css: '[data-testid="stakeholder-form"] button[type="submit"]' });
    };
    await add();
    const ask = 'Claire Martin is in the power map of Groupe Hexagone Distribution. Did they move to Nordlicht Analytics GmbH?';
    await page.waitText('[data-testid="move-confirm"]', ask);
    // focus is on the question: a keyboard user hears it and Tabs to its buttons
    expect(await page.evaluate(() => document.activeElement?.getAttribute('data-testid'), null)).toBe('move-confirm');
    await page.click({ css: '[data-testid="move-confirm"] button', text: 'Cancel' });
    await page.waitGone({ css: '[data-testid="move-confirm"]' });
    expect((await stakeholder(page, claire))!.accountId).toBe('sample-acc-hexagone');
    await page.click({ css: '[data-testid="stakeholder-form"] button[type="submit"]' });
    await page.waitText('[data-testid="move-confirm"]', ask);
    await page.click({ css: '[data-testid="move-confirm-yes"]', text: 'Move to Nordlicht Analytics GmbH' });
    await page.waitText('[data-testid="toast"]', 'Claire Martin moved from Groupe Hexagone Distribution to Nordlicht Analytics GmbH.');
    const moved = (await stakeholder(page, claire))!;
    expect([moved.accountId, moved.reportsTo]).toEqual(['sample-acc-nordlicht', undefined]);
    await page.close();

    // Her profile still shows Hexagone: the sidebar shows her account, the user picks Hexagone.
    const profile = await lab.newPage('https://www.linkedin.com/in/claire-martin-achats/');
    const side = await profile.sidebar();
    await side.waitText('[data-testid="account-name"]', 'Nordlicht Analytics GmbH', { exact: true });
    await side.click({ css: 'button', text: 'Groupe Hexagone Distribution' });
    await side.waitText('[data-testid="account-name"]', 'Groupe Hexagone Distribution', { exact: true });
    await side.waitText('[data-testid="person-account"]', ' · In Nordlicht Analytics GmbH', { exact: true });
    await side.click({ css: '[data-testid="move-here"]', text: 'Changed company? Move to Groupe Hexagone Distribution…' });
    await side.waitText('[data-testid="move-confirm"]', 'Claire Martin is in the power map of Nordlicht Analytics GmbH. Did they move to Groupe Hexagone Distribution?');
    await side.click({ css: '[data-testid="move-confirm-yes"]' });
    await side.waitGone({ css: '[data-testid="person-account"]' });
    expect((await stakeholder(dash, claire))!.accountId).toBe('sample-acc-hexagone');
    await profile.close();
  });

  it('nothing leaves the machine: with team sync off no request at all; configured, the recorder sees its requests go to that service only, and a probe to another host', async () => {
    // Everything above ran with sync off: not one request (Firefox: not even the browser's own).
    expect([...new Set(lab.requests)]).toEqual([]);
    // A loopback port where nothing listens (not 9, the other tests' choice: Firefox refuses the
    // "discard" port itself, before any proxy — network.security.ports.banned — so its request
    // would never be seen).
    const REFUSING = `http://127.0.0.1:${await freePort()}`;
    const before = await lab.openDashboard('#/settings');
    await before.evaluate((url) => (globalThis as unknown as { browser: { storage: { local: { set(v: unknown): Promise<void> } } } }).browser.storage.local.set({ teamSync: { databaseUrl: url, email: 'jane@example.com' } }), REFUSING);
    await before.close();
    // A page opened now uses the sync connection (reloading an extension page hangs puppeteer's Firefox).
    const settings = await lab.openDashboard('#/settings');
    await settings.click({ css: '#team-sync button', name: 'Log in' });
    await settings.waitText('#team-sync', 'Could not reach the service', { timeoutMs: 30_000 });
    await until(async () => lab.requests.some((u) => u.startsWith(`${REFUSING}/`)), 'the recorder to see the sync client’s request');
    expect(lab.requests.every((u) => u.startsWith(`${REFUSING}/`))).toBe(true);
    // The control of the control: a request to another host is recorded as leaving the machine.
    await settings.evaluate(() => fetch('https://kal-probe.invalid/probe').then(() => 'answered', () => 'refused'), null);
    await until(async () => lab.requests.some((u) => u.startsWith('https://kal-probe.invalid')), 'the probe to be recorded');
    // (`.invalid` never resolves: close() lets it pass, as it lets loopback pass.)
    expect([...new Set(lab.requests.filter((u) => !isLoopback(u)).map((u) => new URL(u).hostname))]).toEqual(['kal-probe.invalid']);
    await settings.evaluate(() => (globalThis as unknown as { browser: { storage: { local: { remove(k: string): Promise<void> } } } }).browser.storage.local.remove('teamSync'), null);
    await settings.close();
  });
});
