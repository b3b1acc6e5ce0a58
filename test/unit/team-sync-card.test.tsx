// Settings → Team sync refuses a bad service URL or e-mail before asking the browser for any
// permission, and says what is wrong in the user's language (zod's own messages are English).
import { act } from 'react';
import { afterEach, describe, expect, it, vi } from 'vitest';
import { mount, settle } from './react-mount';
import { fakeBrowser } from 'wxt/testing/fake-browser';

const { TeamSyncCard } = await import('../../components/sync/TeamSyncCard');
const { I18nProvider } = await import('../../components/i18n');

let el: HTMLElement;

async function render() {
  el = await mount(<I18nProvider><TeamSyncCard /></I18nProvider>);
  await settle(() => !!el.querySelector('[data-testid="sync-setup"]'));
}

/** Types into a React-controlled input as a user does. */
function type(input: HTMLInputElement, value: string) {
  const set = Object.getOwnPropertyDescriptor(HTMLInputElement.prototype, 'value')!.set!;
  set.call(input, value);
  input.dispatchEvent(new Event('input', { bubbles: true }));
}

afterEach(async () => {
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
      if (language === 'fr') await settle(() => !!el.textContent?.includes('Synchronisation'));
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
