// Two tabs, one record (issue 12, "no lost edits"), in Chromium with the built extension: every
// form (account, plan, stakeholder, action) open in two dashboard tabs, and the sidebar on a
// LinkedIn profile against a dashboard form opened before it. A stale tab saving one field keeps
// the other tab's other fields; the same field saved in both → the later tab shows "Changed
// elsewhere — review" with both values. Double clicks and two tabs create one record.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Page } from 'playwright-core';
import AxeBuilder from '@axe-core/playwright';
import { countRecords, launch, loadSample, openPanel, type Lab } from './harness';

const ACC = 'sample-acc-hexagone';
const CLAIRE = 'sample-stk-claire-martin';
const ACTION = 'sample-act-hexagone-accord-cadre';

/** One record as stored, read from the extension's IndexedDB in a top-level extension page. */
async function record<T = Record<string, unknown>>(page: Page, table: string, id: string): Promise<T> {
  return page.evaluate(
    ([t, k]) =>
      new Promise<T>((resolve, reject) => {
        const req = indexedDB.open('key-account-lens');
        req.onerror = () => reject(req.error);
        req.onsuccess = () => {
          const db = req.result;
          const g = db.transaction(t!).objectStore(t!).get(k!);
          g.onsuccess = () => {
            resolve(g.result as T);
            db.close();
          };
          g.onerror = () => reject(g.error);
        };
      }),
    [table, id],
  );
}
/** Every record of a table whose `accountId` is the account's. */
async function ofAccount<T = Record<string, unknown>>(page: Page, table: string, accountId: string): Promise<T[]> {
  return page.evaluate(
    ([t, a]) =>
      new Promise<T[]>((resolve, reject) => {
        const req = indexedDB.open('key-account-lens');
        req.onerror = () => reject(req.error);
        req.onsuccess = () => {
          const db = req.result;
          const g = db.transaction(t!).objectStore(t!).getAll();
          g.onsuccess = () => {
            resolve((g.result as (T & { accountId: string })[]).filter((r) => r.accountId === a));
            db.close();
          };
          g.onerror = () => reject(g.error);
        };
      }),
    [table, accountId],
  );
}

describe('two tabs, one record (Chromium)', () => {
  let lab: Lab;
  beforeAll(async () => {
    lab = await launch();
    await lab.serve('https://www.linkedin.com/in/**', 'linkedin-profile/classic-en.html');
    await lab.serve('https://www.linkedin.com/in/thomas-girard-5a1b2c3/**', 'linkedin-profile/classic-fr.html');
    await lab.serve('https://www.linkedin.com/company/2837461/**', 'linkedin-company/numeric-fr.html');
    await loadSample(lab);
  });
  afterAll(async () => lab?.close());

  async function accountTab(): Promise<Page> {
    const p = await lab.openExtensionPage(`dashboard.html#/account/${ACC}`);
    await p.getByTestId('account-title').waitFor();
    return p;
  }
  const toast = (p: Page, text: string | RegExp) => p.getByTestId('toast').filter({ hasText: text }).first().waitFor({ timeout: 15_000 });

  it('account details: a stale tab saving one field keeps the other tab’s edits; the same field shows both values, "Apply mine" saves mine', async () => {
    const a = await accountTab();
    const b = await accountTab();
    const detA = a.locator('#sec-details');
    const detB = b.locator('#sec-details');
    // B starts editing the owner; meanwhile A saves the industry and the tier
    await detB.getByLabel('Owner').fill('Owner from B');
    await detA.getByLabel('Industry').fill('Industry from A');
    await detA.getByLabel('Tier').selectOption('B');
    await detA.getByRole('button', { name: 'Save account' }).click();
    await toast(a, 'Account saved.');
    // B keeps its edit and says the record changed meanwhile (its other fields still show what it loaded)
    await detB.getByText('Changed in another tab or window since you started editing', { exact: false }).waitFor();
    expect(await detB.getByLabel('Industry').inputValue()).not.toBe('Industry from A');
    await detB.getByRole('button', { name: 'Save account' }).click();
    await toast(b, 'Account saved.');
    let acc = await record<{ owner: string; industry: string; tier: string; rev: number }>(a, 'accounts', ACC);
    expect([acc.owner, acc.industry, acc.tier]).toEqual(['Owner from B', 'Industry from A', 'B']);
    // B's form now shows A's edits
    await expect.poll(() => detB.getByLabel('Industry').inputValue()).toBe('Industry from A');

    // the same field: B types first, A saves, B saves → review with both values
    await detB.getByLabel('Industry').fill('Retail (B)');
    await detA.getByLabel('Industry').fill('Food retail (A)');
    await detA.getByRole('button', { name: 'Save account' }).click();
    await toast(a, 'Account saved.');
    await detB.getByRole('button', { name: 'Save account' }).click();
    const review = detB.getByTestId('conflict-review');
    await review.waitFor();
    expect(await review.getByText('Changed elsewhere — review').count()).toBe(1);
    // keyboard focus is on the review (the save button is disabled meanwhile); axe finds nothing serious in it
    expect(await b.evaluate(() => !!document.activeElement?.closest('[data-testid="conflict-review"]'))).toBe(true);
    const axe = await new AxeBuilder({ page: b }).include('[data-testid="conflict-review"]').analyze();
    expect(axe.violations.filter((v) => v.impact === 'serious' || v.impact === 'critical').map((v) => v.id)).toEqual([]);
    const row = review.locator('[data-field="industry"]');
    expect(await row.getByTestId('conflict-theirs').textContent()).toBe('Food retail (A)');
    expect(await row.getByTestId('conflict-mine').textContent()).toBe('Retail (B)');
    // nothing of B's was written
    acc = await record(a, 'accounts', ACC);
    expect(acc.industry).toBe('Food retail (A)');
    await row.getByRole('button', { name: 'Apply mine: Industry' }).click();
    await toast(b, 'Account saved.');
    await expect.poll(async () => (await record<{ industry: string }>(a, 'accounts', ACC)).industry).toBe('Retail (B)');
    await expect.poll(() => detA.getByLabel('Industry').inputValue()).toBe('Retail (B)');
    await a.close();
    await b.close();
  });

  it('plan: different fields from two tabs are both kept; the same field → review, "Keep theirs", and the history keeps both versions', async () => {
    const a = await accountTab();
    const b = await accountTab();
    const planA = a.locator('#sec-plan');
    const planB = b.locator('#sec-plan');
    await planB.getByLabel('Strategy').fill('Strategy from B');
    await planA.getByLabel('Strategic context').fill('Context from A');
    await planA.getByRole('button', { name: 'Save plan' }).first().click();
    await toast(a, /Plan saved \(revision \d+\)/);
    await planB.getByRole('button', { name: 'Save plan' }).first().click();
    await toast(b, /Plan saved \(revision \d+\)/);
    let plan = (await ofAccount<{ context: string; strategy: string; revision: number }>(a, 'plans', ACC))[0]!;
    expect([plan.context, plan.strategy]).toEqual(['Context from A', 'Strategy from B']);

    // both add an objective: both kept (items merge by id)
    await planB.getByRole('button', { name: /Add objective/ }).click();
    await planB.getByRole('textbox', { name: 'Objective 4' }).fill('Objective from B');
    await planA.getByRole('button', { name: /Add objective/ }).click();
    await planA.getByRole('textbox', { name: 'Objective 4' }).fill('Objective from A');
    await planA.getByRole('button', { name: 'Save plan' }).first().click();
    await toast(a, /Plan saved/);
    // B types again at once, while its save is on its way: the merged plan that comes back becomes
    // the form's base, and what B typed meanwhile stays as a pending change.
    await planB.getByRole('button', { name: 'Save plan' }).first().click();
    await planB.getByLabel('Strategic context').fill('Context typed in B');
    await toast(b, /Plan saved/);
    plan = (await ofAccount<typeof plan & { objectives: { title: string }[] }>(a, 'plans', ACC))[0]!;
    expect((plan as unknown as { objectives: { title: string }[] }).objectives.map((o) => o.title).slice(-2)).toEqual(['Objective from A', 'Objective from B']);
    await expect.poll(() => planB.getByRole('textbox', { name: 'Objective 4' }).inputValue()).toBe('Objective from A');
    expect(await planB.getByLabel('Strategic context').inputValue()).toBe('Context typed in B');
    expect(await planB.getByText('Unsaved changes').count()).toBe(2); // the two save bars

    // the same field
    await planA.getByLabel('Strategic context').fill('Context saved in A');
    await planA.getByRole('button', { name: 'Save plan' }).first().click();
    await toast(a, /Plan saved/);
    await planB.getByRole('button', { name: 'Save plan' }).first().click();
    const row = planB.getByTestId('conflict-review').locator('[data-field="context"]');
    await row.waitFor();
    expect(await row.getByTestId('conflict-theirs').textContent()).toBe('Context saved in A');
    expect(await row.getByTestId('conflict-mine').textContent()).toBe('Context typed in B');
    await row.getByRole('button', { name: 'Keep theirs: Strategic context' }).click();
    await expect.poll(() => planB.getByLabel('Strategic context').inputValue()).toBe('Context saved in A');
    await planB.getByTestId('conflict-review').waitFor({ state: 'detached' });
    plan = (await ofAccount<typeof plan>(a, 'plans', ACC))[0]!;
    expect(plan.context).toBe('Context saved in A');
    // the history holds the refused version next to the one kept
    const refused = b.getByTestId('plan-refused').first();
    await refused.waitFor();
    expect(await refused.textContent()).toContain('Changed elsewhere — not applied');
    await refused.locator('summary').click();
    expect(await refused.textContent()).toContain('Saved elsewhere (now): Context saved in A');
    expect(await refused.textContent()).toContain('Yours: Context typed in B');
    const revs = await ofAccount<{ refused?: { context?: string }; before: { context: string } }>(a, 'planRevisions', ACC);
    expect(revs.filter((r) => r.refused).map((r) => [r.before.context, r.refused!.context])).toEqual([['Context saved in A', 'Context typed in B']]);
    await a.close();
    await b.close();
  });

  it('stakeholder: two dashboard tabs — other fields kept; the same field (title) → the later tab reviews both values', async () => {
    const a = await accountTab();
    const b = await accountTab();
    const open = async (p: Page) => {
      await p.locator('#sec-powermap').getByRole('button', { name: 'Edit Marc Leroy' }).click();
      return p.getByTestId('stakeholder-form');
    };
    const fa = await open(a);
    const fb = await open(b);
    await fb.getByLabel('Location').fill('Lille (B)');
    await fa.getByLabel('Stance').selectOption('neutral');
    await fa.getByRole('button', { name: 'Save' }).click();
    await toast(a, 'Stakeholder saved.');
    await fb.getByRole('button', { name: 'Save' }).click();
    await toast(b, 'Stakeholder saved.');
    const s = await record<{ stance: string; location: string }>(a, 'stakeholders', 'sample-stk-marc-leroy');
    expect([s.stance, s.location]).toEqual(['neutral', 'Lille (B)']);

    const fa2 = await open(a);
    const fb2 = await open(b);
    await fb2.getByLabel('Title', { exact: true }).fill('CIO (B)');
    await fa2.getByLabel('Title', { exact: true }).fill('CTO (A)');
    await fa2.getByRole('button', { name: 'Save' }).click();
    await toast(a, 'Stakeholder saved.');
    await fb2.getByRole('button', { name: 'Save' }).click();
    const row = fb2.getByTestId('conflict-review').locator('[data-field="title"]');
    await row.waitFor();
    expect(await row.getByTestId('conflict-theirs').textContent()).toBe('CTO (A)');
    expect(await row.getByTestId('conflict-mine').textContent()).toBe('CIO (B)');
    expect((await record<{ title: string }>(a, 'stakeholders', 'sample-stk-marc-leroy')).title).toBe('CTO (A)');
    await row.getByRole('button', { name: 'Apply mine: Title' }).click();
    await toast(b, 'Stakeholder saved.');
    await expect.poll(async () => (await record<{ title: string }>(a, 'stakeholders', 'sample-stk-marc-leroy')).title).toBe('CIO (B)');
    await a.close();
    await b.close();
  });

  it('sidebar "Contacted today" is not reverted by a dashboard form opened before it', async () => {
    const dash = await accountTab();
    await dash.locator('#sec-powermap').getByRole('button', { name: 'Edit Claire Martin' }).click();
    const form = dash.getByTestId('stakeholder-form');
    const before = await record<{ lastContactAt: number; stance: string }>(dash, 'stakeholders', CLAIRE);
    // the sidebar on Claire's profile: contacted today
    const page = await lab.ctx.newPage();
    await page.goto('https://www.linkedin.com/in/claire-martin-achats/');
    const f = await lab.sidebarFrame(page);
    const card = f.getByTestId('person-card');
    await card.waitFor();
    await card.getByRole('button', { name: 'Contacted today' }).click();
    await expect.poll(async () => (await record<{ lastContactAt: number }>(dash, 'stakeholders', CLAIRE)).lastContactAt).toBeGreaterThan(before.lastContactAt);
    const contacted = (await record<{ lastContactAt: number }>(dash, 'stakeholders', CLAIRE)).lastContactAt;
    // the dashboard form, opened before, saves the stance only
    await form.getByLabel('Stance').selectOption('champion');
    await form.getByRole('button', { name: 'Save' }).click();
    await toast(dash, 'Stakeholder saved.');
    const after = await record<{ lastContactAt: number; stance: string }>(dash, 'stakeholders', CLAIRE);
    expect([after.stance, after.lastContactAt]).toEqual(['champion', contacted]);
    await page.close();
    await dash.close();
  });

  it('sidebar: "Update title from LinkedIn" on a panel that has not seen another tab’s title yet → the panel reviews both values, "Apply mine" saves it', async () => {
    const dash = await accountTab();
    await dash.locator('#sec-powermap').getByRole('button', { name: 'Edit Claire Martin' }).click();
    const form = dash.getByTestId('stakeholder-form');
    await form.getByLabel('Title', { exact: true }).fill('Head of Procurement');
    await form.getByRole('button', { name: 'Save' }).click();
    await toast(dash, 'Stakeholder saved.');
    const page = await lab.ctx.newPage();
    await page.goto('https://www.linkedin.com/in/claire-martin-achats/');
    const f = await lab.sidebarFrame(page);
    await f.getByTestId('job-change').waitFor();
    // Another window changes the title; its "changed" event has not reached this panel (written
    // straight into the database, as a tab whose message is still in flight).
    await dash.evaluate(
      (id) =>
        new Promise<void>((resolve, reject) => {
          const req = indexedDB.open('key-account-lens');
          req.onsuccess = () => {
            const db = req.result;
            const st = db.transaction('stakeholders', 'readwrite').objectStore('stakeholders');
            const g = st.get(id);
            g.onsuccess = () => {
              const p = st.put({ ...g.result, title: 'Chief Procurement Officer' });
              p.onsuccess = () => (db.close(), resolve());
              p.onerror = () => reject(p.error);
            };
          };
          req.onerror = () => reject(req.error);
        }),
      CLAIRE,
    );
    await f.getByRole('button', { name: 'Update title from LinkedIn' }).click();
    const row = f.getByTestId('conflict-review').locator('[data-field="title"]');
    await row.waitFor();
    expect([await row.getByTestId('conflict-theirs').textContent(), await row.getByTestId('conflict-mine').textContent()]).toEqual(['Chief Procurement Officer', 'Directrice des Achats']);
    expect((await record<{ title: string }>(dash, 'stakeholders', CLAIRE)).title).toBe('Chief Procurement Officer');
    await row.getByRole('button', { name: 'Apply mine: Title' }).click();
    await expect.poll(async () => (await record<{ title: string }>(dash, 'stakeholders', CLAIRE)).title).toBe('Directrice des Achats');
    await f.getByTestId('conflict-review').waitFor({ state: 'detached' });
    await page.close();
    await dash.close();
  });

  it('action: ticked done in the sidebar and in a dashboard tab at the same time — done once, no error, no conflict', async () => {
    const dash = await accountTab();
    const box = dash.getByTestId('open-actions').getByRole('checkbox', { name: /accord-cadre groupe/ });
    await box.waitFor();
    const page = await lab.ctx.newPage();
    await page.goto('https://www.linkedin.com/in/claire-martin-achats/');
    const f = await lab.sidebarFrame(page);
    const side = f.getByTestId('actions').getByRole('checkbox', { name: /accord-cadre groupe/ });
    await side.waitFor();
    // both views still show it open: both patches say "open → done"
    await Promise.all([side.evaluate((b) => (b as HTMLInputElement).click()), box.evaluate((b) => (b as HTMLInputElement).click())]);
    await expect.poll(async () => (await record<{ status: string }>(dash, 'actions', ACTION)).status).toBe('done');
    await f.getByTestId('actions').getByRole('checkbox', { name: /accord-cadre groupe/ }).waitFor({ state: 'detached' });
    await dash.getByTestId('open-actions').getByRole('checkbox', { name: /accord-cadre groupe/ }).waitFor({ state: 'detached' });
    const done = await record<{ status: string; doneAt: number; rev: number }>(dash, 'actions', ACTION);
    expect([done.status, done.rev]).toEqual(['done', 1]); // one change: the second was the same change
    expect(await dash.getByTestId('toast').filter({ hasText: /Not saved|Changed elsewhere/ }).count()).toBe(0);
    expect(await f.getByRole('alert').count()).toBe(0);
    await page.close();
    await dash.close();
  });

  it('double clicks on Add note, Add action and Create account write one record each (dashboard and sidebar)', async () => {
    const dash = await accountTab();
    const notes0 = await countRecords(lab, 'notes');
    await dash.getByRole('textbox', { name: 'Write a note…' }).fill('Double-clicked note');
    await dash.getByRole('button', { name: 'Add note' }).dblclick();
    await dash.getByTestId('timeline').getByText('Double-clicked note').waitFor();
    const actions0 = await countRecords(lab, 'actions');
    await dash.getByRole('form', { name: 'Add action' }).getByLabel('Action').fill('Double-clicked action');
    await dash.getByRole('form', { name: 'Add action' }).getByRole('button', { name: 'Add action' }).dblclick();
    await dash.getByTestId('open-actions').getByText('Double-clicked action').waitFor();

    // sidebar
    const page = await lab.ctx.newPage();
    await page.goto('https://www.linkedin.com/in/claire-martin-achats/');
    const f = await lab.sidebarFrame(page);
    await f.getByRole('textbox', { name: 'Write a note…' }).fill('Sidebar double note');
    await f.getByRole('button', { name: 'Add note' }).dblclick();
    await f.getByTestId('notes').getByText('Sidebar double note').waitFor();
    await f.getByRole('textbox', { name: 'New action…' }).fill('Sidebar double action');
    await f.getByRole('button', { name: 'Add action' }).dblclick();
    await f.getByTestId('actions').getByText('Sidebar double action').waitFor();
    await page.close();

    expect(await countRecords(lab, 'notes')).toBe(notes0 + 2);
    expect(await countRecords(lab, 'actions')).toBe(actions0 + 2);
    const mine = await ofAccount<{ body?: string; title?: string }>(dash, 'notes', ACC);
    expect(mine.filter((n) => n.body === 'Double-clicked note' || n.body === 'Sidebar double note').length).toBe(2);

    const accounts0 = await countRecords(lab, 'accounts');
    const portfolio = await lab.openExtensionPage('dashboard.html');
    await portfolio.getByRole('textbox', { name: 'New account name' }).fill('Double Click Industries');
    await portfolio.getByRole('button', { name: 'Create account' }).dblclick();
    await expect.poll(() => portfolio.getByTestId('account-title').textContent()).toBe('Double Click Industries');
    expect(await countRecords(lab, 'accounts')).toBe(accounts0 + 1);
    await portfolio.close();

    // the sidebar's "Create account" on an unknown company page
    const company = await lab.ctx.newPage();
    await company.goto('https://www.linkedin.com/company/2837461/');
    await openPanel(company);
    const cf = await lab.sidebarFrame(company);
    const noMatch = cf.getByTestId('no-match');
    await expect.poll(() => noMatch.getByRole('textbox', { name: 'Name' }).inputValue()).toBe('Transports Lemoine & Fils');
    await noMatch.getByRole('button', { name: 'Create account' }).dblclick();
    await expect.poll(() => cf.getByTestId('account-name').textContent().catch(() => null), { timeout: 10_000 }).toBe('Transports Lemoine & Fils');
    expect(await countRecords(lab, 'accounts')).toBe(accounts0 + 2);
    await company.close();
    await dash.close();
  });

  it('review queue: "Done" on an action cancelled elsewhere (a change this view has not seen yet) keeps the cancel and shows both values', async () => {
    const q = await lab.openExtensionPage('dashboard.html#/review');
    const box = q.getByTestId('review-overdue').getByRole('checkbox').first();
    const label = (await box.getAttribute('aria-label'))!;
    const title = /^Mark “(.*)” done$/.exec(label)![1]!;
    // Cancelled by another device or tab whose change has not reached this view: written straight
    // into the database, without the "changed" message views reload on.
    const id = await q.evaluate(
      (tt) =>
        new Promise<string>((resolve, reject) => {
          const req = indexedDB.open('key-account-lens');
          req.onerror = () => reject(req.error);
          req.onsuccess = () => {
            const tx = req.result.transaction('actions', 'readwrite');
            const store = tx.objectStore('actions');
            const all = store.getAll();
            all.onsuccess = () => {
              const a = (all.result as { id: string; title: string; status: string; rev?: number }[]).find((x) => x.title === tt)!;
              store.put({ ...a, status: 'cancelled', rev: (a.rev ?? 0) + 1 });
              tx.oncomplete = () => {
                req.result.close();
                resolve(a.id);
              };
            };
          };
        }),
      title,
    );
    await box.click();
    await toast(q, 'Changed elsewhere — review. Status: now “Cancelled”, yours “Done”.');
    expect((await record<{ status: string }>(q, 'actions', id)).status).toBe('cancelled');
    await q.close();
  });

  it('the same new profile saved from two tabs creates one account and one stakeholder', async () => {
    const accounts0 = await countRecords(lab, 'accounts');
    const people0 = await countRecords(lab, 'stakeholders');
    const tabs = await Promise.all([lab.ctx.newPage(), lab.ctx.newPage()]);
    const forms = [];
    for (const p of tabs) {
      await p.goto('https://www.linkedin.com/in/thomas-girard-5a1b2c3/');
      await openPanel(p);
      const f = await lab.sidebarFrame(p);
      const form = f.getByRole('form', { name: 'Add as stakeholder' });
      await expect.poll(() => form.getByRole('textbox', { name: 'Name' }).inputValue()).toBe('Thomas Girard');
      forms.push(form);
    }
    // Both saves leave before either answers (a click in one tab would otherwise refresh the other
    // tab's panel to "known person" first): the race the background must settle.
    await Promise.all(forms.map((form) => form.getByRole('button', { name: 'Add as stakeholder' }).evaluate((b) => (b as HTMLButtonElement).click())));
    await expect.poll(() => countRecords(lab, 'stakeholders')).toBe(people0 + 1);
    expect(await countRecords(lab, 'accounts')).toBe(accounts0 + 1);
    // both tabs end on the one account with Thomas as a known person, neither shows an error
    for (const p of tabs) {
      const f = await lab.sidebarFrame(p);
      await expect.poll(() => f.getByTestId('account-name').textContent().catch(() => null)).toBe('Maison Berthier SAS');
      await f.getByTestId('person-card').getByText('Thomas Girard').waitFor();
      expect(await f.getByRole('alert').count()).toBe(0);
    }
    for (const p of tabs) await p.close();
  });
});

describe('changed elsewhere, in French (Chromium)', () => {
  let lab: Lab;
  beforeAll(async () => {
    lab = await launch({ locale: 'fr-FR' });
    await loadSample(lab);
  });
  afterAll(async () => lab?.close());

  it('the review says "Modifié ailleurs — à vérifier" with both values; "Garder l’autre version" keeps theirs', async () => {
    const open = async () => {
      const p = await lab.openExtensionPage(`dashboard.html#/account/${ACC}`);
      await p.getByTestId('account-title').waitFor();
      return p.locator('#sec-details');
    };
    const a = await open();
    const b = await open();
    await b.getByLabel('Responsable').fill('Bruno (B)');
    await a.getByLabel('Responsable').fill('Agathe (A)');
    await a.getByRole('button', { name: 'Enregistrer le compte' }).click();
    await a.page().getByTestId('toast').filter({ hasText: 'Compte enregistré.' }).first().waitFor();
    await b.getByRole('button', { name: 'Enregistrer le compte' }).click();
    const review = b.getByTestId('conflict-review');
    await review.waitFor();
    expect(await review.locator('p').first().textContent()).toBe('Modifié ailleurs — à vérifier');
    const row = review.locator('[data-field="owner"]');
    expect(await row.locator('dt').allTextContents()).toEqual(['Enregistré ailleurs (actuel)', 'Le vôtre']);
    expect([await row.getByTestId('conflict-theirs').textContent(), await row.getByTestId('conflict-mine').textContent()]).toEqual(['Agathe (A)', 'Bruno (B)']);
    await row.getByRole('button', { name: 'Garder l’autre version : Responsable' }).click();
    await expect.poll(() => b.getByLabel('Responsable').inputValue()).toBe('Agathe (A)');
    await review.waitFor({ state: 'detached' });
    expect((await record<{ owner: string }>(a.page(), 'accounts', ACC)).owner).toBe('Agathe (A)');
  });
});
