// Company-name and person-name keys for matching: "Hexagone Distribution S.A.S." and "hexagone distribution" meet.
// Legal forms are the common ISO 20275 abbreviations; only trailing ones are stripped, so a
// legal form inside a name ("SA Holdings Partners") is kept.
const LEGAL_FORMS = new Set([
  'sa', 'sas', 'sasu', 'sarl', 'eurl', 'sca', 'snc', 'sci', 'scop', 'selarl',
  'gmbh', 'ag', 'kg', 'ug', 'gmbh co kg', 'gmbh and co kg', 'ag and co kg', 'ohg', 'ev',
  'ltd', 'limited', 'plc', 'llc', 'llp', 'lp', 'inc', 'incorporated', 'corp', 'corporation',
  'bv', 'nv', 'vof', 'bvba', 'sprl', 'srl', 'spa', 'sapa', 'sl', 'slu', 'lda',
  'ab', 'oy', 'oyj', 'as', 'asa', 'aps', 'a s', 'se', 'kk', 'pty', 'pty ltd', 'sp z o o', 'sp zoo', 'zoo',
]);

export function foldText(s: string): string {
  return s
    .normalize('NFD')
    .replace(/[\u0300-\u036f]/g, '')
    .toLowerCase()
    // letters NFD does not decompose: "Cœur" must meet "Coeur"
    .replace(/œ/g, 'oe')
    .replace(/æ/g, 'ae')
    .replace(/ß/g, 'ss')
    .replace(/ø/g, 'o')
    .replace(/&/g, ' and ')
    .replace(/[^a-z0-9]+/g, ' ')
    .trim();
}

/** Normalised company/person name key: accents and case folded, trailing legal forms removed. */
export function nameKey(name: string): string {
  // "S.A.S." → "s a s" after folding: join runs of single letters so they read as "sas".
  let words = foldText(name)
    .replace(/\b(?:[a-z] )+[a-z]\b/g, (m) => m.replace(/ /g, ''))
    .split(' ')
    .filter(Boolean);
  let changed = true;
  while (changed && words.length > 1) {
    changed = false;
    for (const n of [4, 3, 2, 1]) {
      if (words.length > n && LEGAL_FORMS.has(words.slice(-n).join(' '))) {
        words = words.slice(0, -n);
        changed = true;
        break;
      }
    }
  }
  return words.join(' ');
}

/** Key for people's names: accents and case folded, nothing stripped ("Sá" is a surname, not a legal form). */
export function personKey(name: string): string {
  return foldText(name);
}

/**
 * Words that name no company on their own: a name that reduces to one of them (or to nothing,
 * e.g. "S.A.") is shared by unrelated companies ("Holding SA" / "Holding AG", "Groupe" /
 * "Group"), so such a name key only suggests an account, it never matches one by itself.
 * Source: the legal-form-free remainders that collided in our own test portfolios and CRM
 * exports, plus the usual English/French/German/Italian/Spanish/Dutch company-type words.
 */
export const GENERIC_NAME_WORDS: ReadonlySet<string> = new Set([
  'holding', 'holdings', 'group', 'groupe', 'gruppe', 'grupo', 'gruppo', 'groep', 'company', 'companies', 'compagnie',
  'societe', 'gesellschaft', 'sociedad', 'societa', 'corporation', 'corp', 'international', 'internationale', 'global',
  'industries', 'industrie', 'industrial', 'industriel', 'solutions', 'services', 'service', 'consulting', 'conseil',
  'partners', 'associates', 'associes', 'systems', 'technologies', 'technology', 'tech', 'trading', 'logistics',
  'logistique', 'logistik', 'distribution', 'management', 'finance', 'capital', 'invest', 'investments', 'ventures',
  'enterprises', 'entreprise', 'europe', 'france', 'deutschland', 'italia', 'espana', 'nederland', 'belgium', 'belgique',
  'schweiz', 'suisse', 'uk', 'international group', 'the', 'and', 'de', 'la', 'le', 'les', 'des', 'et', 'und',
]);

/** True when a company-name key (nameKey output) is empty, under 2 characters, a lone generic word or only a legal form ("S.A."). */
export function isGenericNameKey(key: string | null | undefined): boolean {
  const k = (key ?? '').trim();
  return k.length < 2 || GENERIC_NAME_WORDS.has(k) || LEGAL_FORMS.has(k);
}
