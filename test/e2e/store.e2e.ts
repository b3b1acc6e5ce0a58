// Store readiness of the two builds that `npm run zip` packs: `web-ext lint` (addons-linter, the
// checker addons.mozilla.org runs) reports no error on either, and both manifests carry what the
// stores ask for. Needs `npm run build` first, like every end-to-end test.
import { describe, expect, it } from 'vitest';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
// @ts-expect-error web-ext ships no type declarations
import webExt from 'web-ext';
import { ROOT } from './harness';
import { HOST_MATCHES } from '../../lib/sites';

interface LintMessage {
  code: string;
  message: string;
  file?: string;
}

const BUILDS = ['chrome-mv3', 'firefox-mv3'] as const;
const manifest = (b: string) => JSON.parse(readFileSync(join(ROOT, '.output', b, 'manifest.json'), 'utf8'));

/** width × height from a PNG's IHDR chunk */
function pngSize(path: string): [number, number] {
  const b = readFileSync(path);
  expect(b.subarray(1, 4).toString('latin1')).toBe('PNG');
  return [b.readUInt32BE(16), b.readUInt32BE(20)];
}

describe('store packages', () => {
  for (const build of BUILDS) {
    it(`web-ext lint: ${build} has no errors`, async () => {
      const result = (await webExt.cmd.lint(
        { sourceDir: join(ROOT, '.output', build), output: 'none', boring: true, selfHosted: false, metadata: false, pretty: false, warningsAsErrors: false },
        { shouldExitProgram: false },
      )) as { errors: LintMessage[]; warnings: LintMessage[] };
      expect(result.errors.map((e) => `${e.code}: ${e.message} (${e.file ?? ''})`)).toEqual([]);
      // The remaining warnings are known and explained in README ("Packages for the stores").
      const known = new Set(['UNSAFE_VAR_ASSIGNMENT', 'BACKGROUND_SERVICE_WORKER_IGNORED']);
      expect(result.warnings.filter((w) => !known.has(w.code)).map((w) => `${w.code}: ${w.message}`)).toEqual([]);
    }, 120_000);

    it(`${build}: Manifest V3, sidebar web-accessible to the six sites only, icons at every store size`, () => {
      const m = manifest(build);
      expect(m.manifest_version).toBe(3);
      expect(m.web_accessible_resources).toEqual([expect.objectContaining({ resources: ['sidebar.html'], matches: [...HOST_MATCHES] })]);
      expect(m.browser_specific_settings.gecko).toMatchObject({ id: 'key-account-lens@keyaccountlens.org', strict_min_version: '140.0', data_collection_permissions: { required: ['none'] } });
      for (const size of [16, 32, 48, 96, 128]) {
        expect(m.icons[String(size)]).toBe(`icon/${size}.png`);
        expect(pngSize(join(ROOT, '.output', build, m.icons[String(size)]))).toEqual([size, size]);
      }
    });
  }
});
