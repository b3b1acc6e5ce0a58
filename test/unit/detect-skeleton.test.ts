// "Copy page skeleton": no text of the page survives, personal values are gone, and the skeleton
// still reads as the same page (same kind, same structure: the employer is found, masked).
import { readFileSync, readdirSync } from 'node:fs';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { detectPage } from '../../lib/detect';
import { maskText, maskUrl, pageSkeleton, skeletonUrl } from '../../lib/detect/skeleton';
import { closeInert, parseInert } from './detect-inert';

afterAll(closeInert);
const FIX = join(__dirname, '..', 'fixtures');
const pages: { name: string; html: string; url: string }[] = [];
for (const c of JSON.parse(readFileSync(join(FIX, 'real-structures', 'cases.json'), 'utf8')) as { file: string; url: string }[])
  pages.push({ name: `real-structures/${c.file}`, html: readFileSync(join(FIX, 'real-structures', c.file), 'utf8'), url: c.url });
for (const dir of ['linkedin-profile', 'linkedin-company', 'sales-nav-lead', 'gmail', 'outlook', 'hostile'])
  for (const f of readdirSync(join(FIX, dir)).filter((x) => x.endsWith('.html')))
    pages.push({ name: `${dir}/${f}`, html: readFileSync(join(FIX, dir, f), 'utf8'), url: (JSON.parse(readFileSync(join(FIX, dir, f.replace(/\.html$/, '.expected.json')), 'utf8')) as { url: string }).url });

const textWords = (doc: Document): Set<string> => {
  const out = new Set<string>();
  const w = doc.createTreeWalker(doc.body, 4);
  for (let n = w.nextNode(); n; n = w.nextNode()) {
    if (/^(SCRIPT|STYLE|CODE|NOSCRIPT|TEMPLATE)$/.test(n.parentElement?.tagName ?? '')) continue;
    for (const m of (n.nodeValue || '').matchAll(/\p{L}{3,}/gu)) out.add(m[0]);
  }
  return out;
};

describe('page skeleton', () => {
  it('masks text to its shape and URLs to their pattern', () => {
    expect(maskText('Jane Doe 🚀, 42 Rue Émile')).toBe('Xxxx Xxx ⭐, 00 Xxx Xxxxx');
    expect(maskUrl('https://se.linkedin.com/in/ludovicgarnier?trk=x')).toBe('https://se.linkedin.com/in/xxxxxxxxxxxxxx');
    expect(maskUrl('/company/70059583/')).toBe('/company/00000000/');
    expect(maskUrl('https://www.acme-corp.fr/contact')).toBe('https://xxx.xxxx-xxxx.xx/xxxxxxx');
    expect(pageSkeleton(new DOMParser().parseFromString('<div componentkey="profileCardsAboveActivityjonaskbrandt" data-testid="x_Topcard_jane-doe-1"></div>', 'text/html'), new URL('https://www.linkedin.com/in/jane-doe-1/'))).not.toMatch(/jonaskbrandt|jane-doe/);
    expect(maskUrl('https://mail.google.com/mail/u/0/#inbox/FMfcgzQbgRnJ')).toBe('https://mail.google.com/mail/u/0/#inbox/XXxxxxXxxXxX');
  });

  it.each(pages.map((p) => [p.name, p] as const))('%s: no text of the page survives; the skeleton reads as the same page', (_n, p) => {
    const doc = parseInert(p.html);
    const url = new URL(p.url);
    const before = detectPage(doc, url);
    const sk = pageSkeleton(doc, url);
    const skDoc = parseInert(sk);
    // 1. no word of the page's text is left anywhere in the skeleton's text
    const left = [...textWords(doc)].filter((w) => textWords(skDoc).has(w));
    expect(left).toEqual([]);
    // 2. what the detector read (names, companies, places, addresses, profile slugs) is nowhere in it
    const personal = [before.person?.name, before.person?.location, before.person?.email, before.company?.name, before.thread?.subject, ...(before.thread?.participants ?? []).flatMap((x) => [x.name, x.email])]
      .filter((x): x is string => !!x && x.length >= 3);
    const slug = /\/in\/([^/?#]+)/.exec(before.person?.linkedinUrl ?? '')?.[1];
    if (slug) personal.push(decodeURIComponent(slug));
    for (const v of personal) expect(sk.toLowerCase(), v).not.toContain(v.toLowerCase());
    // 3. npm run detect reads it: the URL pattern is in its first line, and it is the same kind of page
    const u = skeletonUrl(sk)!;
    expect(u).toBeTruthy();
    const after = detectPage(skDoc, new URL(u));
    expect([after.site, after.kind, !!after.partial]).toEqual([before.site, before.kind, !!before.partial]);
    // LinkedIn detection is structural, so the masked page gives the masked answer. (Mail owner
    // detection still reads the account menu's label, so mail pages are only checked for kind.)
    if (before.site === 'linkedin') {
      if (before.company?.name) expect(after.company?.name).toBe(maskText(before.company.name).replace(/⭐/g, '').trim());
      if (before.person?.name) expect(after.person?.name).toBe(maskText(before.person.name));
    } else expect(after.thread?.participants.length).toBeGreaterThan(0);
  }, 60_000);
});
