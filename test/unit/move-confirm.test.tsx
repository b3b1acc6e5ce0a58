// The question both add forms ask before moving a person out of another account's power map
// (components/ui/MoveConfirm.tsx): exact words in English and French, focus on the question,
// Escape cancels it without reaching the page or panel around it, focus goes back.
import { act } from 'react';
import { describe, expect, it, vi } from 'vitest';
import { fakeBrowser } from 'wxt/testing/fake-browser';
import { mount, settle } from './react-mount';
import { MoveConfirm } from '../../components/ui/MoveConfirm';
import { I18nProvider } from '../../components/i18n';

const WHO = { name: 'Claire Martin', account: 'Groupe Hexagone Distribution', accountId: 'acc-1', target: 'Nordlicht Analytics GmbH' };

async function render(language: 'en' | 'fr') {
  await fakeBrowser.storage.local.set({ settings: { language } });
  const onMove = vi.fn();
  const onCancel = vi.fn();
  const outside = vi.fn();
  const before = document.createElement('button');
  document.body.append(before);
  before.focus();
  const el = await mount(
    <div onKeyDown={outside}>
      <I18nProvider>
        <MoveConfirm who={WHO} onMove={onMove} onCancel={onCancel} />
      </I18nProvider>
    </div>,
  );
  const box = () => el.querySelector<HTMLElement>('[data-testid="move-confirm"]')!;
  await settle(() => document.documentElement.lang === language);
  return { el, box, onMove, onCancel, outside, before };
}

describe('MoveConfirm', () => {
  it('asks in English, names both accounts, takes the focus; Escape cancels and stops there', async () => {
    const { box, onMove, onCancel, outside } = await render('en');
    expect(box().getAttribute('role')).toBe('alertdialog');
    expect(document.activeElement).toBe(box());
    expect(Array.from(box().querySelectorAll('p'), (p) => p.textContent)).toEqual([
      'Claire Martin is in the power map of Groupe Hexagone Distribution. Did they move to Nordlicht Analytics GmbH?',
      'Moving takes them out of Groupe Hexagone Distribution: its actions and notes about them stay there.',
    ]);
    expect(Array.from(box().querySelectorAll('button'), (b) => b.textContent)).toEqual(['Move to Nordlicht Analytics GmbH', 'Cancel']);
    await act(async () => box().querySelector<HTMLButtonElement>('[data-testid="move-confirm-yes"]')!.click());
    expect(onMove).toHaveBeenCalledTimes(1);
    await act(async () => box().dispatchEvent(new KeyboardEvent('keydown', { key: 'Escape', bubbles: true })));
    expect(onCancel).toHaveBeenCalledTimes(1);
    expect(outside).not.toHaveBeenCalled();
  });

  it('asks in French', async () => {
    const { box } = await render('fr');
    expect(Array.from(box().querySelectorAll('p, button'), (p) => p.textContent)).toEqual([
      "Claire Martin est dans la carte d'influence de Groupe Hexagone Distribution. Cette personne a-t-elle rejoint Nordlicht Analytics GmbH ?",
      'La déplacer la retire de Groupe Hexagone Distribution : les actions et notes de ce compte à son sujet y restent.',
      'Déplacer vers Nordlicht Analytics GmbH',
      'Annuler',
    ]);
  });
});

describe('ConfirmBox (every "are you sure?" question)', () => {
  it('takes the focus, Escape cancels without reaching what is around it, and the focus goes back to the opener', async () => {
    const { ConfirmBox } = await import('../../components/ui/ConfirmBox');
    const { useState } = await import('react');
    const outside = vi.fn();
    function Asker() {
      const [asking, setAsking] = useState(false);
      return (
        <div onKeyDown={outside}>
          <button type="button" data-testid="opener" hidden={asking} onClick={() => setAsking(true)}>
            Delete account
          </button>
          {asking && (
            <ConfirmBox onCancel={() => setAsking(false)} aria-label="Delete Acme?" data-testid="box">
              <button type="button">Confirm</button>
              <button type="button" autoFocus onClick={() => setAsking(false)}>
                Cancel
              </button>
            </ConfirmBox>
          )}
        </div>
      );
    }
    const el = await mount(<Asker />);
    const opener = el.querySelector<HTMLButtonElement>('[data-testid="opener"]')!;
    opener.focus();
    await act(async () => opener.click());
    const box = el.querySelector<HTMLElement>('[data-testid="box"]')!;
    expect([box.getAttribute('role'), box.getAttribute('aria-label'), document.activeElement?.textContent]).toEqual(['alertdialog', 'Delete Acme?', 'Cancel']);
    await act(async () => document.activeElement!.dispatchEvent(new KeyboardEvent('keydown', { key: 'Escape', bubbles: true })));
    expect(el.querySelector('[data-testid="box"]')).toBeNull();
    expect(outside).not.toHaveBeenCalled();
    expect(document.activeElement).toBe(opener);
  });
});
