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
