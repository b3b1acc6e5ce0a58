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
      const detector = { linkedin: 'detectLinkedInPage', gmail: 'detectGmailPage', outlook: 'detectOutlookPage' }[site];
      expect(readFileSync(file, 'utf8')).toContain(`runOverlay('${site}', ${detector})`);
    }
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
