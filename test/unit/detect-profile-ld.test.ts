// The LinkedIn profile detector as host pages load it: the detector file, plus its JSON-LD part
// (lib/detect/linkedin-profile-ld.ts) injected only on pages that carry JSON-LD. On every saved
// profile page the pair must read exactly what detectLinkedInProfile (detectPage) reads; pages
// without JSON-LD must not need the part; the content script must ask for it where they do.
import { readFileSync, readdirSync } from 'node:fs';
import { join } from 'node:path';
import { afterAll, afterEach, describe, expect, it } from 'vitest';
import { detectPage } from '../../lib/detect';
import { detectLinkedInProfile, detectProfileOnDemand } from '../../lib/detect/linkedin-profile';
import { PROFILE_LD, type ProfileLd } from '../../lib/detect/linkedin-profile-ld';
import { linkedInRoute } from '../../lib/detect/family/routes';
import { detectWith } from '../../lib/overlay/content-script';
import { provide, provided } from '../../lib/overlay/slot';
import { closeInert, parseInert } from './detect-inert';

const ROOT = join(__dirname, '..', 'fixtures');
afterAll(closeInert);

/** Every saved LinkedIn profile page with its URL: test/fixtures/linkedin-profile/ and the handed real structures. */
function profilePages(): { name: string; html: string; url: string }[] {
  const dir = join(ROOT, 'linkedin-profile');
  const own = readdirSync(dir)
    .filter((f) => f.endsWith('.html'))
    .sort()
    .map((f) => ({
      name: `linkedin-profile/${f}`,
      html: readFileSync(join(dir, f), 'utf8'),
      url: (JSON.parse(readFileSync(join(dir, f.replace(/\.html$/, '.expected.json')), 'utf8')) as { url: string }).url,
    }));
  const real = (JSON.parse(readFileSync(join(ROOT, 'real-structures', 'cases.json'), 'utf8')) as { file: string; url: string }[]).map((c) => ({
    name: `real-structures/${c.file}`,
    html: readFileSync(join(ROOT, 'real-structures', c.file), 'utf8'),
    url: c.url,
  }));
  return [...own, ...real];
}

const pages = profilePages();
const withLd = (html: string) => html.includes('type="application/ld+json"');

describe('the profile detector and its JSON-LD part, loaded apart', () => {
  it('the saved pages include logged-out pages with JSON-LD and logged-in pages without', () => {
    expect(pages.filter((p) => withLd(p.html)).map((p) => p.name)).toEqual([
      'linkedin-profile/guest-mobile-jsonld.html',
      'linkedin-profile/guest-worksfor.html',
      'real-structures/profile-guest-company-nolink.html',
    ]);
    // every handed logged-in layout is read without the part
    expect(pages.filter((p) => !withLd(p.html) && p.name.startsWith('real-structures/')).map((p) => p.name)).toEqual([
      'real-structures/profile-sdui-a.html',
      'real-structures/profile-sdui-emoji-name.html',
      'real-structures/profile-sdui-legal-form.html',
      'real-structures/profile-classic-ember.html',
    ]);
  });

  it.each(pages.map((p) => [p.name, p] as const))('%s: with the part where the page needs it, the same context as detectLinkedInProfile', (_n, p) => {
    const doc = parseInert(p.html);
    const url = new URL(p.url);
    const whole = detectLinkedInProfile(doc, url);
    expect(detectProfileOnDemand(doc, url, PROFILE_LD)).toEqual(whole);
    if (withLd(p.html)) expect(detectProfileOnDemand(doc, url, undefined)).toEqual({ needs: 'linkedin-profile-ld' });
    else expect(detectProfileOnDemand(doc, url, undefined)).toEqual(whole); // logged-in layouts never load the part
  });

  it('the part decides on guest pages: without it the club on the top card would be taken for the employer', () => {
    const p = pages.find((x) => x.name === 'linkedin-profile/guest-worksfor.html')!;
    const doc = parseInert(p.html);
    const url = new URL(p.url);
    const noReader: ProfileLd = { ...PROFILE_LD, read: () => undefined };
    expect(detectProfileOnDemand(doc, url, noReader)).toEqual({
      site: 'linkedin',
      kind: 'profile',
      url: p.url,
      person: { name: 'Marc Olsen', linkedinUrl: 'https://www.linkedin.com/in/marc-olsen-4b9e21/', headline: 'Ports, people and the routes between them' },
      company: { name: 'Havnens Roklub' },
    });
    expect(detectProfileOnDemand(doc, url, PROFILE_LD)).toMatchObject({ company: { name: 'Nordhavn Logistics A/S', linkedinUrl: 'https://www.linkedin.com/company/nordhavn-logistics/' } });
  });
});

describe('the content script with the on-demand profile detector', () => {
  const g = globalThis as { __kalOnDemand?: unknown };
  afterEach(() => delete g.__kalOnDemand);
  // what entrypoints/detect-linkedin-profile.ts provides
  const injectProfileDetector = () => provide('linkedin-profile', (doc, url) => detectProfileOnDemand(doc, url, provided<ProfileLd>('linkedin-profile-ld')));

  it('a guest page: asks for the detector, then for its JSON-LD part, then reads what detectPage reads', () => {
    const p = pages.find((x) => x.name === 'real-structures/profile-guest-company-nolink.html')!;
    const doc = parseInert(p.html);
    const url = new URL(p.url);
    delete g.__kalOnDemand;
    expect(detectWith('linkedin', linkedInRoute, doc, url)).toEqual({ needs: 'linkedin-profile' });
    injectProfileDetector();
    expect(detectWith('linkedin', linkedInRoute, doc, url)).toEqual({ needs: 'linkedin-profile-ld' });
    provide('linkedin-profile-ld', PROFILE_LD);
    expect(detectWith('linkedin', linkedInRoute, doc, url)).toEqual(detectPage(doc, url));
    expect(detectWith('linkedin', linkedInRoute, doc, url)).toMatchObject({ person: { name: 'Ludovic Garnier' }, company: { name: 'Rekrytia.se' } });
  });

  it('a logged-in page: the detector alone reads it, the part is never asked for', () => {
    const p = pages.find((x) => x.name === 'real-structures/profile-sdui-emoji-name.html')!;
    const doc = parseInert(p.html);
    const url = new URL(p.url);
    injectProfileDetector();
    expect(detectWith('linkedin', linkedInRoute, doc, url)).toEqual(detectPage(doc, url));
    expect(provided('linkedin-profile-ld')).toBeUndefined();
  });
});
