// A French browser: every label, date and amount in the sidebar follows it.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { launch, loadSample, openPanel, type Lab } from './harness';

describe('in French', () => {
  let lab: Lab;
  beforeAll(async () => {
    lab = await launch({ locale: 'fr-FR' });
    await lab.serve('https://www.linkedin.com/in/**', 'linkedin-profile/classic-en.html');
    await lab.serve('https://mail.google.com/**', 'gmail/french-fr.html');
    await loadSample(lab);
  });
  afterAll(async () => lab?.close());

  it('shows the account in French, with French dates and amounts', async () => {
    const page = await lab.ctx.newPage();
    await page.goto('https://www.linkedin.com/in/claire-martin-achats/');
    const f = await lab.sidebarFrame(page);
    await expect.poll(() => f.getByTestId('account-name').textContent()).toBe('Groupe Hexagone Distribution');
    const text = async () => (await f.locator('main').textContent()) ?? '';
    await expect.poll(text).toContain('Prochaines actions');
    await expect.poll(text).toContain("Carte d'influence");
    await expect.poll(text).toContain('En retard');
    await expect.poll(text).toContain('Acheteur économique');
    expect(await text()).toMatch(/180\s?k\s?€/); // fr-FR compact currency
    await page.close();
  });

  it('on an unknown French thread, creates the account from the domain and adds a note', async () => {
    const page = await lab.ctx.newPage();
    await page.goto('https://mail.google.com/mail/u/0/#label/Clients/FMfcgzQZvWxKlmNpQrStUvWxYz');
    await openPanel(page);
    const f = await lab.sidebarFrame(page);
    const noMatch = f.getByTestId('no-match');
    await expect.poll(() => noMatch.textContent()).toContain('Aucun compte ne correspond');
    await expect.poll(() => noMatch.textContent()).toContain('cabinet-garnier-avocats.fr');
    await noMatch.getByRole('textbox', { name: 'Nom' }).fill('Cabinet Garnier Avocats');
    await noMatch.getByRole('button', { name: 'Créer le compte' }).click();
    await expect.poll(() => f.getByTestId('account-name').textContent().catch(() => null), { timeout: 10_000 }).toBe('Cabinet Garnier Avocats');
    await f.getByRole('textbox', { name: 'Écrire une note…' }).fill('Relancer Hélène sur le devis.');
    await f.getByRole('button', { name: 'Ajouter la note' }).click();
    await expect.poll(() => f.getByTestId('notes').textContent()).toContain('Ce fil');
    await page.close();
  });
});
