import { describe, expect, it } from 'vitest';
import { splitList } from '../../components/dashboard/fields';
import { flagText } from '../../lib/i18n/flag-text';
import { makeT } from '../../lib/i18n';
import { en } from '../../lib/i18n/en';
import { fr } from '../../lib/i18n/fr';

describe('dashboard helpers', () => {
  it('splits comma/semicolon/newline lists, trimmed and unique', () => {
    expect(splitList(' a.fr, b.fr;a.fr\n c.fr ,')).toEqual(['a.fr', 'b.fr', 'c.fr']);
  });
  it('words red flags in both languages', () => {
    expect(flagText({ kind: 'not_contacted', stakeholderId: 's', name: 'Ann', days: 120 }, makeT('en'), 'en')).toBe('Ann: not contacted for 120 days');
    expect(flagText({ kind: 'plan_stale', days: null }, makeT('en'), 'en')).toBe('No account plan yet');
    expect(flagText({ kind: 'no_champion' }, makeT('fr'), 'fr')).toBe(fr.flag_no_champion);
  });
  it('has every dashboard string in French, translated', () => {
    const keys = Object.keys(en) as (keyof typeof en)[];
    expect(Object.keys(fr).sort()).toEqual([...keys].sort());
    const start = keys.indexOf('mainNav');
    const same = keys.slice(start).filter((k) => fr[k] === en[k] && !/^(progress|lang_|navSegments|segTitle|csvf_tier|csvf_influence|notes|timeline|actionTitle|advocacyText|stakeholderNotes|exportActions|kind_email|score_potential|objectiveTitle|ws_competitor|csvf_stance|navData|csvf_tags|enc_utf)/.test(k));
    expect(same).toEqual([]);
  });
  it('every French string names the same values as its English one (no {name} lost or misspelt)', () => {
    const names = (s: string) => [...s.matchAll(/\{(\w+)\}/g)].map((m) => m[1]).sort();
    const differ = (Object.keys(en) as (keyof typeof en)[]).filter((k) => names(en[k]).join() !== names(fr[k]).join());
    expect(differ).toEqual([]);
  });
});

describe('a note\'s Delete button names the note', () => {
  it('by its date and first words, English and French', async () => {
    const { noteStart } = await import('../../components/dashboard/account/Timeline');
    expect(noteStart('  Met the CFO in Lyon\nBudget 2027 confirmed')).toBe('Met the CFO in Lyon');
    expect(noteStart('Une note très longue qui dépasse largement quarante caractères')).toBe('Une note très longue qui dépasse largeme…');
    expect(makeT('en')('deleteNote', { date: '3 Mar 2026', start: 'Met the CFO in Lyon' })).toBe('Delete the note of 3 Mar 2026: “Met the CFO in Lyon”');
    expect(makeT('fr')('deleteNote', { date: '3 mars 2026', start: 'Vu le DAF à Lyon' })).toBe('Supprimer la note du 3 mars 2026 : « Vu le DAF à Lyon »');
  });
});
