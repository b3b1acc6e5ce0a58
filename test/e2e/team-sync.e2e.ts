// Team sync end to end in Chromium (README "Team sync"). Off — the default — the extension sends
// no request at all: the harness records every http(s)/ws(s) request of the extension's service
// worker, pages and frames (lab.extensionRequests), and every lab.close() of the whole suite
// fails if one went anywhere but this computer. Configured with a service that refuses (a
// loopback port where nothing listens), the recorder sees the sync client's requests, the status
// says so, and every local edit is kept.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Page } from 'playwright-core';
import { countRecords, launch, loadSample, openPanel, type Lab } from './harness';
import { REFUSING, logInOffline, makeViewerOf, setSyncConfig } from './sync-setup';

describe('team sync', () => {
  let lab: Lab;
  beforeAll(async () => {
    lab = await launch();
    await lab.serve('https://www.linkedin.com/in/claire-martin-achats/**', 'linkedin-profile/classic-en.html');
  });
  afterAll(async () => lab?.close());

  it('is off by default, and a full journey sends no request', async () => {
    await loadSample(lab);
    const page = await lab.ctx.newPage();
    await page.goto('https://www.linkedin.com/in/claire-martin-achats/');
    await openPanel(page);
    const f = await lab.sidebarFrame(page);
    await expect.poll(() => f.getByTestId('account-name').textContent()).toBe('Groupe Hexagone Distribution');
    await page.close();

    const dash = await lab.openExtensionPage('dashboard.html#/settings');
    await expect.poll(() => dash.getByTestId('sync-status').first().getAttribute('data-phase')).toBe('off');
    await expect.poll(() => dash.locator('#team-sync').getByTestId('sync-status').textContent()).toBe('Team sync off');
    await dash.getByRole('textbox', { name: 'Dexie Cloud database URL' }).waitFor();
    const popup = await lab.openExtensionPage('popup.html');
    await expect.poll(() => popup.getByTestId('sync-status').textContent()).toBe('Team sync off');
    await popup.close();
    await dash.close();
    expect(lab.extensionRequests).toEqual([]);
  });

  it('configured but unreachable: edits are kept, the status says so, requests go to that service only', async () => {
    const dash: Page = await lab.openExtensionPage('dashboard.html#/settings');
    // As Settings stores it once the permission is granted (the browser's prompt cannot be
    // answered by automation; the request itself is asked only for this origin).
    await dash.evaluate((url) => (globalThis as unknown as { chrome: { storage: { local: { set(v: unknown): Promise<void> } } } }).chrome.storage.local.set({ teamSync: { databaseUrl: url, email: 'jane@example.com' } }), REFUSING);
    await dash.reload();
    const card = dash.locator('#team-sync');
    await card.getByText(REFUSING).waitFor();
    // Logged out: the status asks for a login; trying it reports the unreachable service.
    await expect.poll(() => card.getByTestId('sync-status').getAttribute('data-phase')).toBe('login');
    await card.getByRole('button', { name: 'Log in', exact: true }).click();
    await card.getByText(/Could not reach the service/).waitFor({ timeout: 30_000 });
    await expect.poll(() => lab.extensionRequests.some((u) => u.startsWith(`${REFUSING}/`))).toBe(true);
    expect(lab.extensionRequests.every((u) => u.startsWith(`${REFUSING}/`))).toBe(true);

    // Local work goes on: a new account is saved and found by the background (sidebar search).
    await dash.goto(dash.url().replace(/#.*$/, '#/'));
    const before = await countRecords(lab, 'accounts');
    await dash.getByRole('textbox', { name: 'New account name' }).fill('Offline Industries');
    await dash.getByRole('button', { name: 'Create account' }).click();
    await expect.poll(() => dash.getByTestId('account-title').textContent()).toBe('Offline Industries');
    expect(await countRecords(lab, 'accounts')).toBe(before + 1);

    // Turned off: nothing is deleted, the status says off.
    await dash.goto(dash.url().replace(/#.*$/, '#/settings'));
    await card.getByRole('button', { name: 'Turn team sync off…' }).click();
    await dash.getByRole('alertdialog').getByRole('button', { name: 'Turn team sync off' }).click();
    await expect.poll(() => card.getByTestId('sync-status').getAttribute('data-phase')).toBe('off');
    expect(await countRecords(lab, 'accounts')).toBe(before + 1);
    await dash.close();
  });

  it('a viewer of a shared account: the sidebar is read-only, says why, and nothing can be typed or clicked to change it', async () => {
    // Jane logged in (offline): her own account is hers to edit (the control).
    await logInOffline(lab);
    const page = await lab.ctx.newPage();
    await page.goto('https://www.linkedin.com/in/claire-martin-achats/');
    await openPanel(page);
    const own = await lab.sidebarFrame(page);
    await expect.poll(() => own.getByTestId('account-name').textContent()).toBe('Groupe Hexagone Distribution');
    expect(await own.getByTestId('person-card').getByRole('button', { name: 'Contacted today' }).isEnabled()).toBe(true);
    expect(await own.getByTestId('viewer-banner').count()).toBe(0);
    // Then Groupe Hexagone is one its owner shared with her as a viewer.
    await makeViewerOf(lab, 'Groupe Hexagone Distribution');
    await page.reload();
    const f = await lab.sidebarFrame(page);
    await expect.poll(() => f.getByTestId('account-name').textContent()).toBe('Groupe Hexagone Distribution');
    const banner = f.getByTestId('viewer-banner');
    await expect.poll(() => banner.textContent(), { timeout: 30_000 }).toBe('You view this shared account — ask its owner for edit rights');
    expect(await banner.getAttribute('role')).toBe('note');
    // What a viewer could otherwise change, each disabled in the browser (a disabled fieldset).
    const card = f.getByTestId('person-card');
    expect(await card.getByRole('button', { name: 'Contacted today' }).isDisabled()).toBe(true);
    expect(await f.getByRole('textbox', { name: 'Write a note…' }).isDisabled()).toBe(true);
    expect(await f.getByRole('button', { name: 'Add note' }).isDisabled()).toBe(true);
    expect(await f.getByRole('textbox', { name: 'New action…' }).isDisabled()).toBe(true);
    const ticks = f.getByTestId('actions').getByRole('checkbox');
    expect(await ticks.count()).toBeGreaterThan(0);
    for (const c of await ticks.all()) expect(await c.isDisabled()).toBe(true);
    // The accessibility tree says so too, and why (the banner describes the disabled group).
    const locked = f.getByTestId('read-only').first();
    expect(await locked.getAttribute('aria-describedby')).toBe('kal-viewer-banner');
    // Whether this page is this account stays the user's own (local) choice.
    expect(await f.getByRole('button', { name: 'Not this account: Groupe Hexagone Distribution' }).isEnabled()).toBe(true);
    // Keyboard: Tab never lands on a disabled control.
    const focusable = await f.locator('main').evaluate((m) => Array.from(m.querySelectorAll('button, input, select, textarea')).filter((e) => !(e as HTMLButtonElement).matches(':disabled')).map((e) => e.getAttribute('aria-label') ?? e.textContent));
    expect(focusable).toEqual(['Not this account: Groupe Hexagone Distribution']);
    await page.close();
  });

  it('a service that accepts and never answers: the sync gives up after 10 s, the status says offline, the sidebar works', async () => {
    // Every request to the service is held by the browser and never answered.
    const held: string[] = [];
    await lab.ctx.route(`${REFUSING}/**`, (r) => void held.push(r.request().url()));
    try {
      const popup = await lab.openExtensionPage('popup.html');
      await setSyncConfig(popup, undefined);
      await popup.close();
      // Logged in, never synced: the addon's first sync runs inside the background's open. This
      // returns only once the background has opened its sync connection again.
      await logInOffline(lab);
      expect(held.length).toBeGreaterThan(0);
      const status = await lab.openExtensionPage('popup.html');
      await expect.poll(() => status.getByTestId('sync-status').getAttribute('data-phase'), { timeout: 30_000 }).toBe('offline');
      await expect.poll(() => status.getByTestId('sync-status').textContent(), { timeout: 30_000 }).toContain('The sync service did not answer within 10 s (timeout)');
      await status.close();
      const page = await lab.ctx.newPage();
      await page.goto('https://www.linkedin.com/in/claire-martin-achats/');
      await openPanel(page);
      const f = await lab.sidebarFrame(page);
      await expect.poll(() => f.getByTestId('account-name').textContent()).toBe('Groupe Hexagone Distribution');
      await page.close();
    } finally {
      await lab.ctx.unroute(`${REFUSING}/**`);
    }
  });
});
