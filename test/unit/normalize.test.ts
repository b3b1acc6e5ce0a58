import { describe, expect, it } from 'vitest';
import fc from 'fast-check';
import { foldText, nameKey } from '../../lib/match/normalize';

describe('nameKey', () => {
  it.each([
    ['Hexagone Distribution SAS', 'hexagone distribution'],
    ['hexagone distribution', 'hexagone distribution'],
    ['Hexagone Distribution S.A.S.', 'hexagone distribution'],
    ['Société Générale', 'societe generale'],
    ['SOCIETE GENERALE S.A.', 'societe generale'],
    ['Siemens GmbH', 'siemens'],
    ['Bosch GmbH & Co. KG', 'bosch'],
    ['Acme Ltd.', 'acme'],
    ['Acme Limited', 'acme'],
    ['Barclays plc', 'barclays'],
    ['Acme, Inc.', 'acme'],
    ['Philips B.V.', 'philips'],
    ['Orlen Sp. z o.o.', 'orlen'],
    ['Procter & Gamble', 'procter and gamble'],
    ['Cœur Défense', 'coeur defense'],
    ['Coeur Defense', 'coeur defense'],
  ])('%s → %s', (input, key) => {
    expect(nameKey(input)).toBe(key);
  });

  it('keeps a legal form that is not trailing, and never empties a name', () => {
    expect(nameKey('SA Holdings Partners')).toBe('sa holdings partners');
    expect(nameKey('SAS')).toBe('sas');
    expect(nameKey('')).toBe('');
  });

  it('folds like foldText for text without legal forms', () => {
    expect(nameKey('  Jérôme   DURAND ')).toBe(foldText('jerome durand'));
  });
});

// Names the way people type them: letters (with French/European accents), digits, spaces,
// punctuation and legal forms.
const ACCENTED: Record<string, string[]> = {
  a: ['à', 'â', 'ä', 'á'],
  e: ['é', 'è', 'ê', 'ë'],
  i: ['î', 'ï', 'í'],
  o: ['ô', 'ö', 'ó'],
  u: ['ù', 'û', 'ü', 'ú'],
  c: ['ç'],
  n: ['ñ'],
  y: ['ÿ'],
};
const word = fc.oneof(fc.stringMatching(/^[a-z0-9]{1,8}$/), fc.constantFrom('coeur', 'oeuvre', 'soeur', 'boeuf', 'laetitia', 'caesar', 'francais', 'generale'));
const sep = fc.constantFrom(' ', '  ', '-', '. ', ', ', ' & ', "'", '/');
const legal = fc.constantFrom('', ' SA', ' S.A.S.', ' GmbH', ' Ltd', ' plc', ' Inc.', ' B.V.', ' GmbH & Co. KG');
const companyName = fc
  .tuple(fc.array(fc.tuple(word, sep), { minLength: 0, maxLength: 4 }), word, legal)
  .map(([parts, last, lf]) => parts.map(([w, s]) => w + s).join('') + last + lf);

/** Accent some letters (deterministically from the seed) and turn "oe"/"ae" into ligatures. */
const accentify = (s: string, seed: number) =>
  s
    .replace(/oe/g, (m, i) => ((seed + i) % 2 ? 'œ' : m))
    .replace(/ae/g, (m, i) => ((seed + i) % 2 ? 'æ' : m))
    .replace(/[aeiouncy]/g, (ch, i) => {
      const alts = ACCENTED[ch];
      const k = (seed * 31 + i * 7) % (alts.length + 1);
      return k === alts.length ? ch : alts[k];
    });

describe('nameKey properties', () => {
  it('is idempotent (typed names)', () => {
    fc.assert(fc.property(companyName, (s) => nameKey(nameKey(s)) === nameKey(s)));
  });

  it('is idempotent (any string)', () => {
    fc.assert(fc.property(fc.string({ unit: 'grapheme', maxLength: 40 }), (s) => nameKey(nameKey(s)) === nameKey(s)));
  });

  it('is case-insensitive', () => {
    fc.assert(
      fc.property(companyName, fc.nat(1000), (s, seed) => {
        const a = accentify(s, seed);
        return nameKey(a.toUpperCase()) === nameKey(a) && nameKey(a.toLowerCase()) === nameKey(a);
      }),
    );
  });

  it('is accent-insensitive', () => {
    fc.assert(fc.property(companyName, fc.nat(1000), (s, seed) => nameKey(accentify(s, seed)) === nameKey(s)));
  });

  it('only ever yields lower-case ascii words separated by single spaces', () => {
    fc.assert(fc.property(fc.string({ unit: 'grapheme', maxLength: 40 }), (s) => /^(?:[a-z0-9]+(?: [a-z0-9]+)*)?$/.test(nameKey(s))));
  });
});
