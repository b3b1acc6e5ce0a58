// Settings → Team sync refuses a bad service URL or e-mail before asking the browser for any
// permission, and says what is wrong in the user's language (zod's own messages are English).
import { act } from 'react';
import { createRoot, type Root } from 'react-dom/client';
import { afterEach, describe, expect, it, vi } from 'vitest';
import { fakeBrowser } from 'wxt/testing/fake-browser';

const { TeamSyncCard } = await import('../../components/sync/TeamSyncCard');
const { I18nProvider } = await import('../../components/i18n');

(globalThis as { IS_REACT_ACT_ENVIRONMENT?: boolean }).IS_REACT_ACT_ENVIRONMENT = true;
let root: Root | undefined;
let el: HTMLElement;

async function render() {
  el = document.createElement('div');
  document.body.append(el);
  root = createRoot(el);
  await act(async () => root!.render(<I18nProvider><TeamSyncCard /></I18nProvider>));
  for (let i = 0; i < 50 && !el.querySelector('[data-testid="sync-setup"]'); i++) await act(async () => new Promise((r) => setTimeout(r, 10)));
}

/** Types into a React-controlled input as a user does. */
function type(input: HTMLInputElement, value: string) {
  const set = Object.getOwnPropertyDescriptor(HTMLInputElement.prototype, 'value')!.set!;
  set.call(input, value);
  input.dispatchEvent(new Event('input', { bubbles: true }));
}

afterEach(async () => {
  await act(async () => root?.unmount());
  el.remove();
  await fakeBrowser.storage.local.clear();
});

describe('Team sync setup with a bad URL and e-mail', () => {
  for (const [language, expected] of [
    ['en', 'Dexie Cloud database URL: must be an https:// address (or http:// on this computer), without a path Your e-mail (a one-time code is sent there): is not a valid e-mail address'],
    ['fr', 'URL de la base Dexie Cloud : doit être une adresse https:// (ou http:// sur cet ordinateur), sans chemin Votre e-mail (un code à usage unique y est envoyé) : n’est pas une adresse e-mail valide'],
  ] as const) {
    it(`names both fields in ${language} and asks for no permission`, async () => {
      await fakeBrowser.storage.local.set({ settings: { language } });
      const request = vi.spyOn(fakeBrowser.permissions, 'request');
      await render();
      for (let i = 0; i < 50 && language === 'fr' && !el.textContent?.includes('Synchronisation'); i++) await act(async () => new Promise((r) => setTimeout(r, 10)));
      const [url, email] = Array.from(el.querySelectorAll<HTMLInputElement>('[data-testid="sync-setup"] input'));
      await act(async () => {
        type(url!, 'ftp://example.com/db');
        type(email!, 'not-an-address');
      });
      await act(async () => el.querySelector<HTMLButtonElement>('[data-testid="sync-setup"] button')!.click());
      expect(el.querySelector('[role="alert"]')?.textContent).toBe(expected);
      expect(request).not.toHaveBeenCalled();
    });
  }
});
