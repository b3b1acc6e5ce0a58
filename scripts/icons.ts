// Renders scripts/icon.svg to the PNG sizes the stores and browsers ask for, with Chromium:
// 16 and 32 (toolbar), 48 (extensions page, AMO), 96 (AMO, high-DPI), 128 (Chrome Web Store,
// install dialog). Run `npm run icons` after changing the SVG, and commit public/icon/*.png.
import { chromium } from 'playwright-core';
import { readFileSync, writeFileSync, mkdirSync } from 'node:fs';
import { join } from 'node:path';
import { findChromium, ROOT } from '../test/e2e/harness';

export const ICON_SIZES = [16, 32, 48, 96, 128] as const;

const svg = readFileSync(join(ROOT, 'scripts/icon.svg'), 'utf8');
const browser = await chromium.launch({ executablePath: findChromium(), headless: true, args: ['--no-sandbox'] });
const out = join(ROOT, 'public/icon');
mkdirSync(out, { recursive: true });
for (const size of ICON_SIZES) {
  const page = await browser.newPage({ viewport: { width: size, height: size }, deviceScaleFactor: 1 });
  await page.setContent(`<!doctype html><html><body style="margin:0;background:transparent">${svg.replace('<svg ', `<svg width="${size}" height="${size}" `)}</body></html>`);
  const png = await page.locator('svg').screenshot({ omitBackground: true });
  writeFileSync(join(out, `${size}.png`), png);
  await page.close();
  console.log(`public/icon/${size}.png`);
}
await browser.close();
