// One content script per site family: each family's detector (the only one its content script
// ships) must read every saved page of its site exactly as detectPage does, and each fixture URL
// must be matched by exactly one family's manifest patterns — the one detectPage assigns it to.
import { existsSync, readFileSync, readdirSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { detectPage, siteOf } from '../../lib/detect';
import { detectLinkedInPage } from '../../lib/detect/family/linkedin';
import { detectGmailPage } from '../../lib/detect/family/gmail';
import { detectOutlookPage } from '../../lib/detect/family/outlook';
import { neverThrows } from '../../lib/detect/family/safe';
import { DETECTOR_NAMES, DETECTOR_SITE, onDemandFile } from '../../lib/detect/on-demand';
import { ROUTES, linkedInRoute } from '../../lib/detect/family/routes';
import { detectWith } from '../../lib/overlay/content-script';
import { provide } from '../../lib/overlay/slot';
import { detectLinkedInProfile } from '../../lib/detect/linkedin-profile';
import { CONTENT_SCRIPTS, GMAIL_MATCHES, HOST_MATCHES, LINKEDIN_MATCHES, OUTLOOK_MATCHES } from '../../lib/sites';

const ROOT = join(__dirname, '..', 'fixtures');
/** Every saved page with the URL it was saved at (test/fixtures/<kind>/<name>.html + .expected.json). */
function loadFixtures(): { name: string; html: string; url: string }[] {
  // handed inputs in their own format (cases.json, EXPECTED.md) are run by detect-real.test.ts
  return readdirSync(ROOT).filter((dir) => !['real-structures', 'mail-cases'].includes(dir)).sort().flatMap((dir) =>
    readdirSync(join(ROOT, dir))
      .filter((f) => f.endsWith('.html'))
      .sort()
      .map((f) => ({
        name: `${dir}/${f}`,
        html: readFileSync(join(ROOT, dir, f), 'utf8'),
        url: (JSON.parse(readFileSync(join(ROOT, dir, f.replace(/\.html$/, '.expected.json')), 'utf8')) as { url: string }).url,
      })),
  );
}

const parse = (html: string) => new DOMParser().parseFromString(html, 'text/html');

/** Chrome match-pattern semantics for the `scheme://host/*` and `scheme://*.host/*` forms we use. */
function matches(pattern: string, url: URL): boolean {
  const m = /^(\*|https?):\/\/(\*\.)?([^/]+)\/\*$/.exec(pattern);
  if (!m) throw new Error(`unsupported pattern ${pattern}`);
  const [, scheme, wild, host] = m;
  const schemes = scheme === '*' ? ['https:', 'http:'] : [`${scheme}:`];
  if (!schemes.includes(url.protocol)) return false;
  return wild ? url.hostname === host || url.hostname.endsWith(`.${host}`) : url.hostname === host;
}

const FAMILIES = [
  { site: 'linkedin', patterns: LINKEDIN_MATCHES, detect: detectLinkedInPage },
  { site: 'gmail', patterns: GMAIL_MATCHES, detect: detectGmailPage },
  { site: 'outlook', patterns: OUTLOOK_MATCHES, detect: detectOutlookPage },
] as const;

describe('site-family detectors', () => {
  const fixtures = loadFixtures();

  it.each(fixtures.map((f) => [f.name, f] as const))('%s: its family detector equals detectPage', (_n, f) => {
    const url = new URL(f.url);
    const families = FAMILIES.filter((fam) => fam.patterns.some((p) => matches(p, url)));
    if (siteOf(url) === 'web') {
      expect(families).toEqual([]);
      return;
    }
    expect(families.map((fam) => fam.site)).toEqual([siteOf(url)]);
    expect(families[0]!.detect(parse(f.html), url)).toEqual(detectPage(parse(f.html), url));
  });

  it('one content script per family, each an entrypoint that runs its own detector', () => {
    expect(CONTENT_SCRIPTS.map((c) => [c.script, [...c.matches]])).toEqual(FAMILIES.map((f) => [`${f.site}-content`, [...f.patterns]]));
    for (const c of CONTENT_SCRIPTS) {
      const file = join(__dirname, '../../entrypoints', `${c.script}.ts`);
      expect(existsSync(file), file).toBe(true);
      const site = c.script.replace('-content', '');
      const route = { linkedin: 'linkedInRoute', gmail: 'gmailRoute', outlook: 'outlookRoute' }[site];
      expect(readFileSync(file, 'utf8')).toContain(`runOverlay('${site}', ${route})`);
    }
  });

  it('every on-demand detector has an entrypoint that provides it under its own name', () => {
    for (const name of DETECTOR_NAMES) {
      expect(onDemandFile(name)).toBe(`/detect-${name}.js`);
      const src = readFileSync(join(__dirname, '../../entrypoints', `detect-${name}.ts`), 'utf8');
      expect(src).toContain(`provide('${name}', `);
    }
    expect(readFileSync(join(__dirname, '../../entrypoints/page-skeleton.ts'), 'utf8')).toContain(`provide('page-skeleton', pageSkeleton)`);
  });

  it('routes: each page kind to its detector, of its own family; unread routes to none', () => {
    const r = (u: string) => ROUTES[siteOf(new URL(u)) as 'linkedin']?.(new URL(u));
    expect(r('https://www.linkedin.com/in/jean-martin/')).toBe('linkedin-profile');
    expect(r('https://fr.linkedin.com/mwlite/in/jean-martin')).toBe('linkedin-profile');
    expect(r('https://www.linkedin.com/company/acme/about/')).toBe('linkedin-company');
    expect(r('https://www.linkedin.com/showcase/acme-cloud/')).toBe('linkedin-company');
    expect(r('https://www.linkedin.com/sales/lead/ACwAAA123,NAME_SEARCH,abc')).toBe('sales-navigator');
    expect(r('https://www.linkedin.com/sales/company/12345')).toBe('sales-navigator');
    expect(r('https://www.linkedin.com/feed/')).toBeUndefined();
    expect(r('https://mail.google.com/mail/u/0/#inbox/FMfcg')).toBe('gmail');
    expect(r('https://mail.google.com/chat/')).toBeUndefined();
    expect(r('https://outlook.office.com/mail/inbox/id/AAQk')).toBe('outlook');
    for (const [site, route] of Object.entries(ROUTES)) {
      for (const u of ['https://www.linkedin.com/in/x/', 'https://www.linkedin.com/company/x/', 'https://www.linkedin.com/sales/lead/A1', 'https://mail.google.com/mail/', 'https://outlook.live.com/mail/0/'])
        if (siteOf(new URL(u)) === site && route(new URL(u))) expect(DETECTOR_SITE[route(new URL(u))!]).toBe(site);
    }
  });

  it('the content script reads a page with the detector once it was injected, "other" where none applies', () => {
    const doc = parse(readFileSync(join(ROOT, 'linkedin-profile/classic-en.html'), 'utf8'));
    const url = new URL('https://www.linkedin.com/in/claire-martin-achats/');
    const g = globalThis as { __kalOnDemand?: unknown };
    delete g.__kalOnDemand;
    expect(detectWith('linkedin', linkedInRoute, doc, url)).toEqual({ needs: 'linkedin-profile' }); // not loaded yet: ask, report nothing
    expect(detectWith('linkedin', linkedInRoute, doc, new URL('https://www.linkedin.com/feed/'))).toEqual({ site: 'linkedin', kind: 'other', url: 'https://www.linkedin.com/feed/' });
    provide('linkedin-profile', detectLinkedInProfile);
    expect(detectWith('linkedin', linkedInRoute, doc, url)).toEqual(detectPage(doc, url));
    provide('linkedin-profile', () => {
      throw new TypeError('layout changed');
    });
    expect(detectWith('linkedin', linkedInRoute, doc, url)).toEqual({ site: 'linkedin', kind: 'other', url: url.href });
    delete g.__kalOnDemand;
  });

  it('host permissions are exactly the union of the families', () => {
    expect([...HOST_MATCHES].sort()).toEqual([...LINKEDIN_MATCHES, ...GMAIL_MATCHES, ...OUTLOOK_MATCHES].sort());
  });

  it('a route the family does not read is "other" of that site', () => {
    const doc = parse('<main><h1>Feed</h1></main>');
    expect(detectLinkedInPage(doc, new URL('https://www.linkedin.com/feed/'))).toEqual({ site: 'linkedin', kind: 'other', url: 'https://www.linkedin.com/feed/' });
    expect(detectGmailPage(doc, new URL('https://mail.google.com/chat/'))).toEqual({ site: 'gmail', kind: 'other', url: 'https://mail.google.com/chat/' });
  });

  it('a detector that throws yields "other", never an exception on the host page', () => {
    const broken = neverThrows('outlook', () => {
      throw new TypeError('layout changed');
    });
    expect(broken(parse('<p>x</p>'), new URL('https://outlook.office.com/mail/'))).toEqual({ site: 'outlook', kind: 'other', url: 'https://outlook.office.com/mail/' });
    expect(broken(null as unknown as Document, {} as URL)).toEqual({ site: 'outlook', kind: 'other', url: '' });
  });
});
