// Accessibility audit: axe-core on every screen the user meets — the sidebar in each state (match,
// no match, layout not understood, add form), every dashboard view and the popup — in light and
// dark mode and in French, in Chromium (@axe-core/playwright) and Firefox (axe-core injected).
// Zero serious or critical violations. One browser launch per browser and colour scheme.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { BROWSERS, describeViolations, launchX, until, type XLab, type XPage, type XTarget } from './browsers';

const PROFILE_KNOWN = 'https://www.linkedin.com/in/claire-martin-achats/';
const PROFILE_UNKNOWN = 'https://www.linkedin.com/in/thomas-girard-5a1b2c3/';
const PROFILE_UNREADABLE = 'https://www.linkedin.com/in/ACoAAB1x2y3zQ9rStUvWxYz';
const THREAD = 'https://mail.google.com/mail/u/0/#inbox/FMfcgzQZTxyz';

async function serveAll(lab: XLab) {
  await lab.serve('https://www.linkedin.com/in/**', 'linkedin-profile/classic-en.html');
  await lab.serve('https://www.linkedin.com/in/thomas-girard-5a1b2c3/**', 'linkedin-profile/classic-fr.html');
  await lab.serve('https://www.linkedin.com/in/ACoAAB1x2y3zQ9rStUvWxYz**', 'linkedin-profile/unrendered.html');
  await lab.serve('https://mail.google.com/**', 'gmail/expanded-en.html');
}

type Found = Record<string, string[]>;

async function scan(found: Found, label: string, t: XTarget) {
  const v = await t.seriousViolations();
  if (v.length) found[label] = describeViolations(v);
}

async function scanSidebar(lab: XLab, found: Found) {
  const known = await lab.newPage(PROFILE_KNOWN);
  const side = await known.sidebar();
  await side.find({ css: '[data-testid="account-name"]' });
  await scan(found, 'sidebar: match', side);
  await known.close();

  const unknown = await lab.newPage(PROFILE_UNKNOWN);
  const side2 = await unknown.openPanel();
  await side2.find({ css: '[data-testid="no-match"]' });
  await side2.find({ css: 'form[aria-label] select' });
  await scan(found, 'sidebar: no match', side2);
  await unknown.close();

  const unreadable = await lab.newPage(PROFILE_UNREADABLE);
  const side3 = await unreadable.openPanel();
  await side3.find({ css: '[data-testid="partial"]' });
  await scan(found, 'sidebar: layout not understood', side3);
  await unreadable.close();

  const thread = await lab.newPage(THREAD);
  const side4 = await thread.sidebar();
  await side4.find({ css: '[data-testid="participants"]' });
  // Add an unknown participant: the add form inside the matched account.
  await side4.click({ css: '[data-testid="participants"] button[aria-expanded="false"]' });
  await side4.find({ css: '[data-testid="participants"] form select' });
  await scan(found, 'sidebar: add form', side4);
  await thread.close();
}

async function scanDashboard(dash: XPage, found: Found) {
  const go = (hash: string) => dash.evaluate((h) => void (location.hash = h), hash);
  const accountId = await dash.evaluate(
    () =>
      new Promise<string>((resolve, reject) => {
        const q = indexedDB.open('key-account-lens');
        q.onerror = () => reject(q.error);
        q.onsuccess = () => {
          const r = q.result.transaction('accounts').objectStore('accounts').getAll();
          r.onsuccess = () => {
            resolve((r.result as { id: string; name: string }[]).find((a) => a.name === 'Groupe Hexagone Distribution')!.id);
            q.result.close();
          };
        };
      }),
    null,
  );
  const views: [string, string, string][] = [
    ['portfolio', '#/', '[data-testid="portfolio"] a'],
    ['segmentation', '#/segments', 'main svg'],
    ['review queue', '#/review', 'main h1, main h2'],
    ['import / export', '#/data', '[data-testid="restore-file"]'],
    ['settings', '#/settings', 'main select'],
    ['account page', `#/account/${accountId}`, '[data-testid="org-chart"]'],
    ['one-page review', `#/account/${accountId}/print`, 'main h1, h1'],
  ];
  for (const [label, hash, ready] of views) {
    await go(hash);
    await dash.find({ css: ready });
    await scan(found, `dashboard: ${label}`, dash);
  }
  // forms and questions that open in place: the stakeholder editor, the delete-account question
  await go(`#/account/${accountId}`);
  const fr = await dash.evaluate(() => document.documentElement.lang === 'fr', null);
  await dash.click({ css: '#sec-powermap button', text: fr ? 'Ajouter un interlocuteur' : 'Add stakeholder' });
  await dash.find({ css: '[data-testid="stakeholder-form"]' });
  await scan(found, 'dashboard: stakeholder form', dash);
  await go('#/');
}

async function scanPopupAndPolicy(lab: XLab, found: Found, lang: 'en' | 'fr') {
  const popup = await lab.openExtensionPage('popup.html');
  await popup.find({ css: '[data-testid="popup-due"]' });
  await scan(found, 'popup', popup);
  await popup.close();
  const policy = await lab.openExtensionPage('privacy.html');
  await policy.waitText('[data-testid="privacy-summary"]', lang === 'fr' ? 'L’extension n’envoie rien à personne' : 'It sends nothing to anyone');
  await scan(found, 'privacy policy', policy);
  await policy.close();
}

/** Settings → Language, then Save (the form saves on submit). */
async function setLanguage(dash: XPage, lang: 'fr' | 'en' | 'auto') {
  await dash.evaluate((h) => void (location.hash = h), '#/settings');
  await dash.select({ css: 'main select' }, lang);
  await dash.click({ css: 'main form button[type="submit"]' });
}

for (const browserName of BROWSERS) {
  for (const colorScheme of ['light', 'dark'] as const) {
    describe(`accessibility in ${browserName}, ${colorScheme} mode`, () => {
      let lab: XLab;
      let dash: XPage;
      beforeAll(async () => {
        lab = await launchX(browserName, { colorScheme });
        await serveAll(lab);
        dash = await lab.openDashboard();
        await dash.click({ css: 'button', text: 'sample portfolio' });
        await dash.find({ css: '[data-testid="portfolio"] a' });
      }, 120_000);
      afterAll(async () => lab?.close());

      it('English: sidebar states, dashboard views and popup have no serious or critical violation', async () => {
        const found: Found = {};
        await scanSidebar(lab, found);
        await scanDashboard(dash, found);
        await scanPopupAndPolicy(lab, found, 'en');
        expect(found).toEqual({});
      });

      if (colorScheme === 'dark')
        it('keyboard only: open the panel, add a stakeholder, add a note, close', async () => {
          // Start as a first visit: the panel was left closed on LinkedIn (the scans opened it).
          await dash.evaluate(() => {
            const g = globalThis as unknown as { browser?: { storage: { local: { set(o: object): Promise<void> } } }; chrome: { storage: { local: { set(o: object): Promise<void> } } } };
            return (g.browser ?? g.chrome).storage.local.set({ 'panel:linkedin': false });
          }, null);
          const page = await lab.newPage(PROFILE_UNKNOWN);
          await page.find({ css: 'key-account-lens' });
          // Backwards from the top of the page, the first stop is the page-edge tab (the last
          // element of the document).
          await page.pressUntil('Shift+Tab', () => document.activeElement?.localName === 'key-account-lens');
          await page.press('Enter');
          const side = await page.sidebar();
          await side.find({ css: '[data-testid="no-match"]' });
          const focused = (sel: string) => new Function(`return !!document.activeElement?.matches(${JSON.stringify(sel)})`) as () => boolean;
          // Tab to the role, pick "Decision maker" by typing its first letters, then to the button.
          await page.pressUntil('Tab', focused('form[aria-label="Add as stakeholder"] select[aria-label="Role"]'), side);
          await page.typeText('Decision');
          await until(async () => (await side.evaluate(() => (document.activeElement as HTMLSelectElement).value, null)) === 'decision_maker', 'the role to be "Decision maker"');
          await page.pressUntil('Tab', focused('form[aria-label="Add as stakeholder"] button[type="submit"]'), side);
          await page.press('Enter');
          await side.waitText('[data-testid="account-name"]', 'Maison Berthier SAS', { exact: true });
          await side.waitText('[data-testid="person-card"]', 'Decision maker');
          // A note, typed and sent from the keyboard.
          await page.pressUntil('Tab', focused('textarea[aria-label="Write a note…"]'), side);
          const body = `Keyboard-only note ${browserName}`;
          await page.typeText(body);
          await page.pressUntil('Tab', focused('#kal-notes button[type="submit"], section[aria-labelledby="kal-notes"] button[type="submit"]'), side);
          await page.press('Enter');
          await side.waitText('[data-testid="notes"] li', body);
          // Escape closes the panel and gives the focus back to the page-edge tab.
          await page.press('Escape');
          await until(() => page.evaluate(() => document.activeElement?.localName === 'key-account-lens', null), 'the focus back on the page-edge tab');
          await until(() => page.evaluate(() => document.querySelector('key-account-lens')?.shadowRoot?.querySelector('button')?.getAttribute('aria-expanded') !== 'true', null), 'the panel to close');
          await page.close();
        });

      if (colorScheme === 'dark')
        it('keyboard only in the dashboard: "Delete account" asks with the focus on Cancel, Escape cancels and gives the focus back, the open question passes axe; the stakeholder editor gives the focus back once saved, and Escape closes it only when untouched', async () => {
          await dash.front();
          await dash.evaluate((h) => void (location.hash = h), '#/account/sample-acc-polaris');
          await dash.waitText('[data-testid="account-title"]', 'Polaris Energy AB', { exact: true });
          await dash.pressUntil('Tab', () => document.activeElement?.textContent === 'Delete account');
          await dash.press('Enter');
          await until(() => dash.evaluate(() => document.activeElement?.textContent === 'Cancel' && document.activeElement.closest('[role="alertdialog"]')?.textContent?.includes('Delete “Polaris Energy AB”'), null), 'the focus on the question’s Cancel');
          const found: Found = {};
          await scan(found, 'dashboard: delete-account question', dash);
          expect(found).toEqual({});
          await dash.press('Escape');
          await until(() => dash.evaluate(() => !document.querySelector('[role="alertdialog"]') && document.activeElement?.textContent === 'Delete account', null), 'the question closed and the focus back on "Delete account"');
          // Enter on the focused Cancel never deletes: ask again, Enter, still there
          await dash.press('Enter');
          await until(() => dash.evaluate(() => document.activeElement?.textContent === 'Cancel', null), 'the question again');
          await dash.press('Enter');
          await until(() => dash.evaluate(() => document.activeElement?.textContent === 'Delete account', null), 'the focus back again');
          expect(await dash.text('[data-testid="account-title"]')).toBe('Polaris Energy AB');
          // The stakeholder editor opened from "+ Add stakeholder": saved with Enter, the focus comes back to that button
          await dash.pressUntil('Tab', () => document.activeElement?.textContent === '+ Add stakeholder');
          await dash.press('Enter');
          await until(() => dash.evaluate(() => document.activeElement?.closest('[data-testid="stakeholder-form"]') !== null && (document.activeElement as HTMLInputElement).required, null), 'the focus in the new stakeholder’s name');
          await dash.typeText(`Keyboard Person ${browserName}`);
          await dash.press('Enter');
          await until(() => dash.evaluate(() => !document.querySelector('[data-testid="stakeholder-form"]') && document.activeElement?.textContent === '+ Add stakeholder', null), 'the editor closed and the focus back on "+ Add stakeholder"');
          await dash.waitText('[data-testid="stakeholders-table"]', `Keyboard Person ${browserName}`);
          // opened and left untouched, Escape closes it (and the focus comes back too)
          await dash.press('Enter');
          await until(() => dash.evaluate(() => document.activeElement?.closest('[data-testid="stakeholder-form"]') !== null, null), 'the editor open again');
          await dash.press('Escape');
          await until(() => dash.evaluate(() => !document.querySelector('[data-testid="stakeholder-form"]') && document.activeElement?.textContent === '+ Add stakeholder', null), 'Escape to close the untouched editor');
          // with something typed, Escape drops nothing: the editor stays with the text
          await dash.press('Enter');
          await until(() => dash.evaluate(() => document.activeElement?.closest('[data-testid="stakeholder-form"]') !== null, null), 'the editor open once more');
          await dash.typeText('Half typed');
          await dash.press('Escape');
          expect(await dash.evaluate(() => (document.activeElement as HTMLInputElement).value, null)).toBe('Half typed');
          expect(await dash.evaluate(() => document.querySelectorAll('[data-testid="stakeholder-form"]').length, null)).toBe(1);
          await dash.evaluate((h) => void (location.hash = h), '#/');
        });

      if (colorScheme === 'light')
        it('French: the same screens have no serious or critical violation', async () => {
          await setLanguage(dash, 'fr');
          await dash.find({ css: 'html[lang="fr"]' });
          const found: Found = {};
          await scanSidebar(lab, found);
          await scanDashboard(dash, found);
          await scanPopupAndPolicy(lab, found, 'fr');
          expect(found).toEqual({});
          await setLanguage(dash, 'auto');
        });
    });
  }
}
