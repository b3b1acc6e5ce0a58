// "Find an account" (popup, sidebar link/add pickers): the popup only matched names STARTING with
// the typed words, so "hexagone" did not find "Groupe Hexagone Distribution"; one search now
// serves every box (lib/kam/search.ts).
import { afterEach, describe, expect, it } from 'vitest';
import { createDb, type KalDb } from '../../lib/db/db';
import { createAccount } from '../../lib/db/repo';
import { searchAccounts } from '../../lib/kam/search';

let db: KalDb | undefined;
afterEach(() => {
  db?.close();
  db = undefined;
});

describe('searchAccounts', () => {
  it('names starting with the words first, then names, aliases and domains containing them', async () => {
    const d = (db = createDb('t-' + crypto.randomUUID()));
    await createAccount(d, { name: 'Groupe Hexagone Distribution', aliases: ['GHD'], domains: ['hexagone-distribution.fr'] });
    await createAccount(d, { name: 'Hexagone Conseil' });
    await createAccount(d, { name: 'Nordlicht Analytics GmbH', domains: ['nordlicht.de'] });
    await createAccount(d, { name: 'Banque Brabant', aliases: ['BB Hexagone Services'] });
    const names = async (q: string, limit?: number) => (await searchAccounts(d, q, limit)).map((a) => a.name);
    expect(await names('hexagone')).toEqual(['Hexagone Conseil', 'Banque Brabant', 'Groupe Hexagone Distribution']);
    expect(await names('Héxagone', 1)).toEqual(['Hexagone Conseil']);
    expect(await names('nordlicht.de')).toEqual(['Nordlicht Analytics GmbH']);
    expect(await names('ghd')).toEqual(['Groupe Hexagone Distribution']);
    expect(await names('zzz')).toEqual([]);
    expect(await names('')).toEqual(['Banque Brabant', 'Groupe Hexagone Distribution', 'Hexagone Conseil', 'Nordlicht Analytics GmbH']);
  });
});
