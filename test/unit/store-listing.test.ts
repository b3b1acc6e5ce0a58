import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { listingMarkdown, STORE_LISTING } from '../../lib/i18n/store-listing';

const ROOT = join(__dirname, '../..');
const manifestName = (lang: string) => (JSON.parse(readFileSync(join(ROOT, 'public/_locales', lang, 'messages.json'), 'utf8')) as { extName: { message: string } }).extName.message;

describe('store listing', () => {
  for (const lang of ['en', 'fr'] as const) {
    it(`${lang}: the name is the manifest's, the summary fits the Chrome Web Store's 132 characters`, () => {
      const l = STORE_LISTING[lang];
      expect(l.name).toBe(manifestName(lang));
      expect(l.summary.length).toBeLessThanOrEqual(132);
      expect(l.description.length).toBeGreaterThan(200);
    });
  }

  it('English and French describe the same screenshots, the ones `npm run demo` writes', () => {
    const demo = readFileSync(join(ROOT, 'scripts/demo.ts'), 'utf8');
    const en = Object.keys(STORE_LISTING.en.screenshots);
    expect(Object.keys(STORE_LISTING.fr.screenshots)).toEqual(en);
    for (const f of en) expect(demo, f).toContain(`'${f}'`);
  });

  it('writes a Markdown file with every section', () => {
    const md = listingMarkdown(STORE_LISTING.en);
    expect(md.split('\n').slice(0, 5)).toEqual(['# Key Account Lens', '', '## Summary', '', STORE_LISTING.en.summary]);
    expect(md).toContain('- `7-power-map.png` (1280×800): The power map as an org chart coloured by stance');
  });
});
