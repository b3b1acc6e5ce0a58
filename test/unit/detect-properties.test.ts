// Property tests of the structural rules: the detector must find the same person and employer
// when every label on the page is another word (shuffled to random words, or translated), and
// when noise siblings (icons, separators, hidden helper text, empty wrappers) are added to the
// top card. Run on the handed real pages (real-structures/) and on our own profile fixtures.
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import fc from 'fast-check';
import { afterAll, describe, expect, it } from 'vitest';
import { detectPage } from '../../lib/detect';
import type { PageContext } from '../../lib/types';
import { closeInert, parseInert } from './detect-inert';

afterAll(closeInert);
const FIX = join(__dirname, '..', 'fixtures');
interface Case {
  name: string;
  html: string;
  url: string;
}
const real = (JSON.parse(readFileSync(join(FIX, 'real-structures', 'cases.json'), 'utf8')) as { file: string; url: string }[]).map((c) => ({
  name: c.file,
  html: readFileSync(join(FIX, 'real-structures', c.file), 'utf8'),
  url: c.url,
}));
const own = ['sdui-en', 'sdui-fr', 'sdui-noise', 'classic-en', 'classic-fr', 'classic-noise'].map((n) => ({
  name: `linkedin-profile/${n}`,
  html: readFileSync(join(FIX, 'linkedin-profile', n + '.html'), 'utf8'),
  url: (JSON.parse(readFileSync(join(FIX, 'linkedin-profile', n + '.expected.json'), 'utf8')) as { url: string }).url,
}));
const CASES: Case[] = [...real, ...own];

/** What a person reading the page would note: the fields the issue is about. */
const essence = (c: PageContext) => ({
  name: c.person?.name,
  linkedinUrl: c.person?.linkedinUrl,
  location: c.person?.location,
  company: c.company?.name,
  companyUrl: c.company?.linkedinUrl,
});

/** Small deterministic PRNG (mulberry32) so fast-check's seed reproduces a failure. */
function rng(seed: number): () => number {
  let a = seed >>> 0;
  return () => {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = a;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}
const SYL = ['ka', 'lo', 'mi', 'tes', 'ru', 'van', 'dor', 'pel', 'zu', 'rin', 'sto', 'fa', 'qui', 'bel'];
const word = (r: () => number) => Array.from({ length: 1 + Math.floor(r() * 3) }, () => SYL[Math.floor(r() * SYL.length)]).join('');
const words = (r: () => number, n: number) => Array.from({ length: Math.max(1, n) }, () => word(r)).join(' ');

const SKIP = new Set(['SCRIPT', 'STYLE', 'CODE', 'TEMPLATE', 'NOSCRIPT', 'TITLE']);
/**
 * Every label of the page becomes other words: text nodes and aria-label/title/alt values that
 * do not carry one of the `keep` values (what the person reads as the answer). Returns the count.
 */
function relabel(doc: Document, keep: string[], r: () => number, translate?: (s: string) => string): number {
  const kept = (raw: string) => {
    const t = raw.replace(/\s+/g, ' ').trim();
    return keep.some((k) => k && (t.includes(k) || (t.length >= 3 && k.includes(t))));
  };
  const walker = doc.createTreeWalker(doc.body, 4);
  const texts: Text[] = [];
  for (let n = walker.nextNode(); n; n = walker.nextNode()) texts.push(n as Text);
  let changed = 0;
  for (const t of texts) {
    const v = t.nodeValue || '';
    if (!/\p{L}/u.test(v) || SKIP.has(t.parentElement?.tagName || '') || kept(v)) continue;
    t.nodeValue = translate ? translate(v) : words(r, v.trim().split(/\s+/).length);
    changed++;
  }
  for (const el of Array.from(doc.body.querySelectorAll('[aria-label], [title], img[alt]'))) {
    for (const a of ['aria-label', 'title', 'alt']) {
      const v = el.getAttribute(a);
      if (!v || !/\p{L}/u.test(v) || kept(v)) continue;
      el.setAttribute(a, translate ? translate(v) : words(r, v.split(/\s+/).length));
      changed++;
    }
  }
  return changed;
}

const NOISE = [
  '<span aria-hidden="true">·</span>',
  '<svg aria-hidden="true"><path d="M0 0h24v24H0z"></path></svg>',
  '<div></div>',
  '<span class="visually-hidden">%W</span>',
  '<!-- %W -->',
  '<div><div></div></div>',
];
const norm = (s: string | null) => (s || '').replace(/\s+/g, ' ').trim();
/**
 * The smallest elements whose text holds one of the answers (name, location, employer): noise
 * inside them changes what a person reads ("Matteo · Rossi"), so it is not noise.
 */
function answerHolders(card: Element, keep: string[]): Element[] {
  const holds = (e: Element) => keep.some((k) => norm(e.textContent).includes(k));
  return Array.from(card.querySelectorAll('*')).filter((e) => holds(e) && !Array.from(e.children).some(holds));
}
/** Insert noise siblings next to random elements of the top card (never inside the answer's text). */
function addNoise(doc: Document, r: () => number, count: number, keep: string[]): void {
  const card = doc.querySelector('[componentkey$="Topcard"]') || doc.querySelector('h1')?.closest('section') || doc.body;
  const holders = answerHolders(card, keep);
  const els = Array.from(card.querySelectorAll('*')).filter(
    (e) => !/^(svg|path|img|script|style)$/i.test(e.tagName) && e.parentElement && !holders.some((h) => h.contains(e.parentElement)),
  );
  for (let i = 0; i < count && els.length; i++) {
    const at = els[Math.floor(r() * els.length)];
    const tpl = document.createElement('template');
    tpl.innerHTML = NOISE[Math.floor(r() * NOISE.length)].replace('%W', words(r, 2));
    const where = r() < 0.5 ? at : at.nextSibling;
    at.parentNode!.insertBefore(tpl.content.cloneNode(true), where);
  }
}

// Label translations as a French page would carry them (the words are confirmation only).
const FR: [RegExp, string][] = [
  [/Current company: /g, 'Entreprise actuelle : '],
  [/Click to skip to experience card/g, 'Cliquer pour passer à la carte d’expérience'],
  [/Education: /g, 'Formation : '],
  [/Click to skip to education card/g, 'Cliquer pour passer à la carte de formation'],
  [/Contact info/gi, 'Coordonnées'],
  [/connections/g, 'relations'],
  [/Experience/g, 'Expérience'],
  [/Highlights/g, 'Points forts'],
  [/ logo$/g, ' (logo)'],
  [/ at /g, ' chez '],
];
const toFrench = (s: string) => FR.reduce((x, [re, to]) => x.replace(re, to), s);

describe('structural rules survive other words and noise', () => {
  const baseline = new Map(CASES.map((c) => [c.name, essence(detectPage(parseInert(c.html), new URL(c.url)))]));
  const keepOf = (c: Case) => {
    const b = baseline.get(c.name)!;
    return [b.name, b.location, b.company].filter((x): x is string => !!x);
  };

  it('the baseline finds a name and an employer on every page', () => {
    for (const c of CASES) {
      expect(baseline.get(c.name)!.name, c.name).toBeTruthy();
      expect(baseline.get(c.name)!.company, c.name).toBeTruthy();
    }
  });

  it.each(CASES.map((c) => [c.name, c] as const))('%s: labels shuffled to random words → same result', (_n, c) => {
    fc.assert(
      fc.property(fc.integer(), (seed) => {
        const doc = parseInert(c.html);
        expect(relabel(doc, keepOf(c), rng(seed))).toBeGreaterThan(0);
        expect(essence(detectPage(doc, new URL(c.url)))).toEqual(baseline.get(c.name));
      }),
      { numRuns: 4 },
    );
  }, 120_000);

  it.each(CASES.map((c) => [c.name, c] as const))('%s: labels translated to French → same result', (_n, c) => {
    const doc = parseInert(c.html);
    relabel(doc, keepOf(c), rng(1), toFrench);
    expect(essence(detectPage(doc, new URL(c.url)))).toEqual(baseline.get(c.name));
  }, 60_000);

  it.each(CASES.map((c) => [c.name, c] as const))('%s: noise siblings in the top card → same result', (_n, c) => {
    fc.assert(
      fc.property(fc.integer(), fc.integer({ min: 1, max: 12 }), (seed, count) => {
        const doc = parseInert(c.html);
        addNoise(doc, rng(seed), count, keepOf(c));
        expect(essence(detectPage(doc, new URL(c.url)))).toEqual(baseline.get(c.name));
      }),
      { numRuns: 4 },
    );
  }, 120_000);
});
