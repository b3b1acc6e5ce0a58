// Runs detectPage on every saved page under test/fixtures/<kind>/<name>.html and compares the
// result with <name>.expected.json: { url, expected: <PageContext subset>, absent?: [dotted paths] }.
import { readFileSync, readdirSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { detectPage } from '../../lib/detect';
import type { PageContext } from '../../lib/types';

const ROOT = join(__dirname, '..', 'fixtures');

interface Fixture {
  url: string;
  expected: Partial<PageContext>;
  absent?: string[];
}

export function loadFixtures(): { name: string; html: string; spec: Fixture }[] {
  const out: { name: string; html: string; spec: Fixture }[] = [];
  for (const dir of readdirSync(ROOT).sort()) {
    let files: string[];
    try {
      files = readdirSync(join(ROOT, dir));
    } catch {
      continue;
    }
    // handed inputs keep their own format (cases.json, EXPECTED.md): detect-real.test.ts runs them
    if (files.includes('cases.json') || dir === 'mail-cases') continue;
    for (const f of files.filter((x) => x.endsWith('.html')).sort()) {
      const base = f.slice(0, -5);
      const spec = JSON.parse(readFileSync(join(ROOT, dir, base + '.expected.json'), 'utf8')) as Fixture;
      out.push({ name: `${dir}/${base}`, html: readFileSync(join(ROOT, dir, f), 'utf8'), spec });
    }
  }
  return out;
}

const get = (o: unknown, path: string): unknown =>
  path.split('.').reduce<unknown>((v, k) => (v && typeof v === 'object' ? (v as Record<string, unknown>)[k] : undefined), o);

const fixtures = loadFixtures();
const parse = (html: string) => new DOMParser().parseFromString(html, 'text/html');

describe('detectPage on saved pages', () => {
  it('has at least three fixtures per page kind', () => {
    const count = (dir: string) => fixtures.filter((f) => f.name.startsWith(dir + '/')).length;
    for (const d of ['linkedin-company', 'sales-nav-lead', 'sales-nav-account', 'gmail', 'outlook', 'other'])
      expect(count(d), d).toBeGreaterThanOrEqual(3);
    const profiles = fixtures.filter((f) => f.name.startsWith('linkedin-profile/'));
    expect(profiles.filter((f) => f.name.includes('classic')).length).toBeGreaterThanOrEqual(3);
    expect(profiles.filter((f) => f.name.includes('sdui')).length).toBeGreaterThanOrEqual(3);
    const hosts = new Set(fixtures.filter((f) => f.name.startsWith('outlook/')).map((f) => new URL(f.spec.url).hostname));
    expect([...hosts].sort()).toEqual(['outlook.cloud.microsoft', 'outlook.live.com', 'outlook.office.com', 'outlook.office365.com']);
  });

  it.each(fixtures.map((f) => [f.name, f] as const))('%s', (_name, f) => {
    const result = detectPage(parse(f.html), new URL(f.spec.url));
    expect(result).toMatchObject(f.spec.expected);
    for (const p of f.spec.absent ?? []) expect(get(result, p), `${p} should be absent`).toBeUndefined();
    // the contract: plain data that survives a runtime message unchanged
    expect(JSON.parse(JSON.stringify(result))).toEqual(result);
  });

  it('a URL that is not a URL object, or a null document, gives "other" instead of throwing', () => {
    expect(detectPage(null as unknown as Document, new URL('https://www.linkedin.com/in/x/'))).toMatchObject({
      site: 'linkedin',
      kind: 'other',
    });
    expect(detectPage(parse('<p>x</p>'), {} as URL)).toMatchObject({ site: 'web', kind: 'other' });
  });
});

describe('detectPage: edge cases', () => {
  const run = (html: string, url: string) => detectPage(parse(html), new URL(url));

  it('Gmail thread URL before the thread is rendered → thread, partial', () => {
    expect(run('<div role="main"><table><tr class="zA"><td>list</td></tr></table></div>', 'https://mail.google.com/mail/u/0/#inbox/FMfcgzQZTxyz')).toEqual({
      site: 'gmail',
      kind: 'thread',
      url: 'https://mail.google.com/mail/u/0/#inbox/FMfcgzQZTxyz',
      thread: { participants: [] },
      partial: { reason: 'stale-or-unrendered' },
    });
  });

  it('Gmail: a hidden old thread view loses to the visible one', () => {
    const html = `<title>New - me@ourcompany.fr - Gmail</title>
      <div style="display: none"><div><h2 class="hP" data-legacy-thread-id="old">Old</h2></div><div class="adn"><span class="gD" email="old@client.fr" name="Old">Old</span></div></div>
      <div><div><h2 class="hP" data-legacy-thread-id="new">New</h2></div><div class="adn"><span class="gD" email="new@client.fr" name="New">New</span></div></div>`;
    const r = run(html, 'https://mail.google.com/mail/u/0/#inbox/FMfcgzQZTxyz');
    expect(r.thread).toEqual({ id: 'new', subject: 'New', participants: [{ name: 'New', email: 'new@client.fr' }] });
  });

  it('Gmail: the owner known only as "me" among recipients; unknown owner → latest sender', () => {
    const msg = (from: string, to = '') =>
      `<div class="adn"><span class="gD" email="${from}" name="${from.split('@')[0]}">x</span>${to}</div>`;
    const me = '<span class="g2" email="sam@ourcompany.fr" name="Sam">me</span>';
    const a = run(`<h2 class="hP">S</h2>${msg('a@client.fr', me)}${msg('sam@ourcompany.fr')}`, 'https://mail.google.com/mail/u/0/#sent/18e21f0b9a3c4d05');
    expect(a.person?.email).toBe('a@client.fr');
    expect(a.thread?.participants.map((p) => p.email)).toEqual(['a@client.fr']);
    const b = run(`<h2 class="hP">S</h2>${msg('a@client.fr')}${msg('b@other.fr')}`, 'https://mail.google.com/mail/u/0/#sent/18e21f0b9a3c4d05');
    expect(b.person?.email).toBe('b@other.fr');
  });

  it('Outlook item URL before the reading pane renders → thread, partial, id from the URL', () => {
    expect(run('<div role="main"><div>Loading…</div></div>', 'https://outlook.office.com/mail/inbox/id/AAQk%2FqL%3D')).toEqual({
      site: 'outlook',
      kind: 'thread',
      url: 'https://outlook.office.com/mail/inbox/id/AAQk%2FqL%3D',
      thread: { id: 'AAQk/qL=', participants: [] },
      partial: { reason: 'stale-or-unrendered' },
    });
  });

  it('Outlook: owner shown as "Last, First" is still the owner', () => {
    const html = `<button id="O365_MainLink_Me" aria-label="Account manager for Sam Kam"></button>
      <div role="main"><span id="x_SUBJECT" role="heading">Hi</span>
      <div id="m1_FROM">From: Kam, Sam</div><div id="m2_FROM">From: Ingrid Svensson &lt;ingrid@polaris-energy.se&gt;</div></div>`;
    const r = run(html, 'https://outlook.office.com/mail/inbox/id/AAQk');
    expect(r.thread?.participants).toEqual([{ name: 'Ingrid Svensson', email: 'ingrid@polaris-energy.se' }]);
    expect(r.person?.email).toBe('ingrid@polaris-energy.se');
  });

  it('company page whose top card still shows the previous company → partial', () => {
    const html = `<main><section class="org-top-card"><h1 class="org-top-card-summary__title">Casanova Retail</h1>
      <nav><a href="/company/casanova-retail/">Home</a><a href="/company/casanova-retail/about/">About</a></nav></section></main>`;
    const r = run(html, 'https://www.linkedin.com/company/groupe-hexagone-distribution/');
    expect(r).toMatchObject({ kind: 'company', partial: { reason: 'stale-or-unrendered' } });
    expect(r.company?.name).toBeUndefined();
  });

  it('profile reached by member id (/in/ACoAA…) takes the vanity URL from the top card', () => {
    const html = `<main><section><h1>Claire Martin</h1><a href="/in/claire-martin-achats/overlay/contact-info/">Contact info</a></section></main>`;
    const r = run(html, 'https://www.linkedin.com/in/ACoAAB1x2y3zQ9rStUvWxYz/');
    expect(r.person).toMatchObject({ name: 'Claire Martin', linkedinUrl: 'https://www.linkedin.com/in/claire-martin-achats/' });
    expect(r.partial).toBeUndefined();
  });

  it('Gmail settings and list pages are "other" even with a stale thread in the DOM', () => {
    const html = '<h2 class="hP">Old</h2><div class="adn"><span class="gD" email="a@b.fr">A</span></div>';
    for (const u of ['#settings/general', '#inbox', '#inbox/p2', '#label/Clients', '#search/hexagone'])
      expect(run(html, 'https://mail.google.com/mail/u/0/' + u).kind).toBe('other');
  });
});
