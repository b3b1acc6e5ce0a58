// "Add as stakeholder" in the sidebar on a person the user already put in the power map (by name,
// from the dashboard, without their LinkedIn profile), on real LinkedIn page structures
// (test/fixtures/real-structures/) at their real URLs, in Chromium. The add links the profile and
// fills empty fields; it never replaces what the user set (title they corrected, role, stance,
// influence, notes), says what it did, and a role picked in the panel over the one set in the
// dashboard is reviewed ("Changed elsewhere — review"), never overwritten.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Page } from 'playwright-core';
import { countRecords, launch, openPanel, type Lab } from './harness';

interface StoredPerson {
  name: string;
  title?: string;
  location?: string;
  linkedinUrl?: string;
  role: string;
  stance: string;
  influence: string;
  notes: string;
}

/** The stakeholders named `name`, as stored, read from the extension's IndexedDB. */
async function people(page: Page, name: string): Promise<StoredPerson[]> {
  return page.evaluate(
    (n) =>
      new Promise<StoredPerson[]>((resolve, reject) => {
        const req = indexedDB.open('key-account-lens');
        req.onerror = () => reject(req.error);
        req.onsuccess = () => {
          const db = req.result;
          const g = db.transaction('stakeholders').objectStore('stakeholders').getAll();
          g.onsuccess = () => {
            resolve((g.result as StoredPerson[]).filter((s) => s.name === n));
            db.close();
          };
          g.onerror = () => reject(g.error);
        };
      }),
    name,
  );
}

/** In the dashboard: a new account and, in its power map, a person as the user typed them. */
async function accountWithPerson(lab: Lab, l: { newAccount: string; create: string; add: RegExp; name: string; title: string; role: string; stance: string; influence: string; notes: string; save: string; saved: string }, account: string, person: { name: string; title: string; role: string; stance: string; influence: string; notes: string }): Promise<Page> {
  const dash = await lab.openExtensionPage('dashboard.html');
  await dash.getByRole('textbox', { name: l.newAccount }).fill(account);
  await dash.getByRole('button', { name: l.create }).click();
  await expect.poll(() => dash.getByTestId('account-title').textContent()).toBe(account);
  await dash.locator('#sec-powermap').getByRole('button', { name: l.add }).click();
  const form = dash.getByTestId('stakeholder-form');
  await form.getByLabel(l.name, { exact: true }).fill(person.name);
  await form.getByLabel(l.title, { exact: true }).fill(person.title);
  await form.getByLabel(l.role).selectOption(person.role);
  await form.getByLabel(l.stance).selectOption(person.stance);
  await form.getByLabel(l.influence).selectOption(person.influence);
  await form.getByLabel(l.notes).fill(person.notes);
  await form.getByRole('button', { name: l.save, exact: true }).click();
  await dash.getByTestId('toast').filter({ hasText: l.saved }).first().waitFor();
  return dash;
}

const EN = { newAccount: 'New account name', create: 'Create account', add: /Add stakeholder/, name: 'Name', title: 'Title', role: 'Role', stance: 'Stance', influence: 'Influence', notes: 'Notes', save: 'Save', saved: 'Stakeholder saved.' };

describe('"Add as stakeholder" on a person already in the power map (Chromium)', () => {
  let lab: Lab;
  beforeAll(async () => {
    lab = await launch();
    await lab.serve('https://www.linkedin.com/in/mateo-fuentes-kowalczyk/**', 'real-structures/profile-classic-ember.html');
    await lab.serve('https://www.linkedin.com/in/lakshmi-venkataraman-52718394/**', 'real-structures/profile-sdui-a.html');
  });
  afterAll(async () => lab?.close());

  it('links the profile and fills the empty location; the title, role, stance, influence and notes the user set stay; the panel says so', async () => {
    const dash = await accountWithPerson(lab, EN, 'Kestrel Forward', { name: 'Mateo Fuentes Kowalczyk', title: 'Head of Learning', role: 'economic_buyer', stance: 'champion', influence: 'high', notes: 'Owns the training budget' });
    const page = await lab.ctx.newPage();
    await page.goto('https://www.linkedin.com/in/mateo-fuentes-kowalczyk/');
    await openPanel(page);
    const f = await lab.sidebarFrame(page);
    await expect.poll(() => f.getByTestId('account-name').textContent(), { timeout: 15_000 }).toBe('Kestrel Forward');
    // not known by profile yet: the one-click add, prefilled from the page
    const form = f.getByRole('form', { name: 'Add as stakeholder' });
    await expect.poll(() => form.getByRole('textbox', { name: 'Title' }).inputValue()).toBe('Learning Programs Lead, Web Mentor & Frontend Dev');
    await form.getByRole('button', { name: 'Add as stakeholder' }).click();
    await expect.poll(() => f.getByTestId('add-result').textContent(), { timeout: 10_000 }).toBe(
      'Already in the power map — updated LinkedIn profile, location. Kept what was saved for title (the page shows something else).',
    );
    expect(await people(dash, 'Mateo Fuentes Kowalczyk')).toEqual([
      expect.objectContaining({
        title: 'Head of Learning',
        role: 'economic_buyer',
        stance: 'champion',
        influence: 'high',
        notes: 'Owns the training budget',
        linkedinUrl: 'https://www.linkedin.com/in/mateo-fuentes-kowalczyk/',
        location: 'Greater Gothenburg Metropolitan Area',
      }),
    ]);
    // now known by the profile: the card with the user's title, and LinkedIn's as a change to take or not
    const card = f.getByTestId('person-card');
    await card.getByText('Head of Learning', { exact: true }).waitFor();
    expect(await card.getByTestId('job-change').textContent()).toContain('Learning Programs Lead, Web Mentor & Frontend Dev');
    expect(await f.getByRole('form', { name: 'Add as stakeholder' }).count()).toBe(0);
    await page.close();
    await dash.close();
  });

  it('a role picked in the panel over the one set in the dashboard is reviewed; "Keep theirs" saves the rest and keeps the role', async () => {
    const dash = await accountWithPerson(lab, EN, 'SORA-NET Corporation', { name: 'Lakshmi Venkataraman', title: 'HR lead, South', role: 'decision_maker', stance: 'supporter', influence: 'high', notes: 'Met at the Bangalore fair' });
    const people0 = await countRecords(lab, 'stakeholders');
    const page = await lab.ctx.newPage();
    await page.goto('https://www.linkedin.com/in/lakshmi-venkataraman-52718394/');
    await openPanel(page);
    const f = await lab.sidebarFrame(page);
    await expect.poll(() => f.getByTestId('account-name').textContent(), { timeout: 15_000 }).toBe('SORA-NET Corporation');
    const form = f.getByRole('form', { name: 'Add as stakeholder' });
    await form.getByRole('combobox', { name: 'Role' }).selectOption('champion');
    await form.getByRole('button', { name: 'Add as stakeholder' }).click();
    const review = f.getByTestId('conflict-review');
    await review.waitFor();
    const row = review.locator('[data-field="role"]');
    expect([await row.getByTestId('conflict-theirs').textContent(), await row.getByTestId('conflict-mine').textContent()]).toEqual(['Decision maker', 'Champion / coach']);
    // nothing written before the user decides
    expect((await people(dash, 'Lakshmi Venkataraman'))[0]?.linkedinUrl).toBeUndefined();
    await row.getByRole('button', { name: 'Keep theirs: Role' }).click();
    await expect.poll(() => f.getByTestId('add-result').textContent(), { timeout: 10_000 }).toBe(
      'Already in the power map — updated LinkedIn profile, location. Kept what was saved for title (the page shows something else).',
    );
    expect(await people(dash, 'Lakshmi Venkataraman')).toEqual([
      expect.objectContaining({ title: 'HR lead, South', role: 'decision_maker', stance: 'supporter', influence: 'high', notes: 'Met at the Bangalore fair', linkedinUrl: 'https://www.linkedin.com/in/lakshmi-venkataraman-52718394/', location: 'Mysuru, Karnataka, India' }),
    ]);
    expect(await countRecords(lab, 'stakeholders')).toBe(people0);
    await page.close();
    await dash.close();
  });
});

describe('"Ajouter comme interlocuteur" on a person already in the power map, in French (Chromium)', () => {
  let lab: Lab;
  beforeAll(async () => {
    lab = await launch({ locale: 'fr-FR' });
    await lab.serve('https://www.linkedin.com/in/mateo-fuentes-kowalczyk/**', 'real-structures/profile-classic-ember.html');
  });
  afterAll(async () => lab?.close());

  it('says what it did in French', async () => {
    const FR = { newAccount: 'Nom du nouveau compte', create: 'Créer le compte', add: /Ajouter un interlocuteur/, name: 'Nom', title: 'Poste', role: 'Rôle', stance: 'Position', influence: 'Influence', notes: 'Notes', save: 'Enregistrer', saved: 'Interlocuteur enregistré.' };
    const dash = await accountWithPerson(lab, FR, 'Kestrel Forward', { name: 'Mateo Fuentes Kowalczyk', title: '', role: 'economic_buyer', stance: 'champion', influence: 'high', notes: 'Budget formation' });
    const page = await lab.ctx.newPage();
    await page.goto('https://www.linkedin.com/in/mateo-fuentes-kowalczyk/');
    await openPanel(page);
    const f = await lab.sidebarFrame(page);
    await expect.poll(() => f.getByTestId('account-name').textContent(), { timeout: 15_000 }).toBe('Kestrel Forward');
    await f.getByRole('form', { name: 'Ajouter comme interlocuteur' }).getByRole('button', { name: 'Ajouter comme interlocuteur' }).click();
    await expect.poll(() => f.getByTestId('add-result').textContent(), { timeout: 10_000 }).toBe("Déjà dans la carte d'influence — mis à jour : profil LinkedIn, poste, lieu.");
    expect(await people(dash, 'Mateo Fuentes Kowalczyk')).toEqual([
      expect.objectContaining({ title: 'Learning Programs Lead, Web Mentor & Frontend Dev', role: 'economic_buyer', stance: 'champion', influence: 'high', notes: 'Budget formation', location: 'Greater Gothenburg Metropolitan Area' }),
    ]);
    await page.close();
    await dash.close();
  });
});
