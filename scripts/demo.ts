// `npm run demo`: Chromium with the built extension, the sample portfolio, and sample LinkedIn,
// Gmail and Outlook pages served from test/fixtures at their real URLs. With a display it stays
// open for you to click around; without one it runs headless and writes screenshots — all
// 1280×800, the size both stores ask for — and the store listing texts (demo-output/store/).
import { mkdirSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { launch, loadSample, ROOT } from '../test/e2e/harness';
import { listingMarkdown, STORE_LISTING } from '../lib/i18n/store-listing';

const PAGES = [
  { name: '1-linkedin-profile', url: 'https://www.linkedin.com/in/claire-martin-achats/', fixture: 'linkedin-profile/classic-en.html' },
  { name: '2-linkedin-new-contact', url: 'https://www.linkedin.com/in/lukas-becker/', fixture: 'linkedin-profile/sdui-en.html' },
  { name: '3-gmail-thread', url: 'https://mail.google.com/mail/u/0/#inbox/FMfcgzQZTxyz', fixture: 'gmail/expanded-en.html' },
  { name: '4-outlook-thread', url: 'https://outlook.cloud.microsoft/mail/inbox/id/AAQkAGI2', fixture: 'outlook/cloud-en.html' },
];

async function main() {
  const headless = !process.env.DISPLAY || process.argv.includes('--headless');
  const out = join(ROOT, 'demo-output');
  let lab;
  try {
    lab = await launch({ headless, locale: process.env.DEMO_LOCALE });
  } catch (e) {
    console.error(String((e as Error).message));
    process.exit(1);
  }
  for (const p of PAGES) await lab.serve(p.url.replace(/#.*$/, '') + '**', p.fixture);
  console.log(`Extension loaded (id ${lab.extensionId}). Loading the sample portfolio…`);
  await loadSample(lab);

  if (headless) mkdirSync(out, { recursive: true });
  for (const p of PAGES) {
    const page = await lab.ctx.newPage();
    await page.goto(p.url);
    const frame = await lab.sidebarFrame(page).catch(() => null);
    if (frame) await frame.locator('main').waitFor().catch(() => {});
    await page.waitForTimeout(800);
    if (headless) {
      await page.screenshot({ path: join(out, `${p.name}.png`) });
      console.log(`  wrote demo-output/${p.name}.png`);
      await page.close();
    }
  }
  const dash = await lab.openExtensionPage('dashboard.html');
  if (headless) {
    await dash.setViewportSize({ width: 1280, height: 800 });
    const shots = [
      ['5-portfolio', '#/'],
      ['6-account-plan', '#/account/sample-acc-hexagone/plan'],
      ['7-power-map', '#/account/sample-acc-hexagone/powermap'],
      ['8-review-queue', '#/review'],
    ] as const;
    for (const [name, hash] of shots) {
      await dash.goto(`chrome-extension://${lab.extensionId}/dashboard.html${hash}`);
      await dash.waitForTimeout(1200);
      await dash.screenshot({ path: join(out, `${name}.png`) });
      console.log(`  wrote demo-output/${name}.png`);
    }
    mkdirSync(join(out, 'store'), { recursive: true });
    for (const lang of ['en', 'fr'] as const) {
      writeFileSync(join(out, 'store', `listing.${lang}.md`), listingMarkdown(STORE_LISTING[lang]));
      console.log(`  wrote demo-output/store/listing.${lang}.md`);
    }
    await lab.close();
    console.log('Headless demo done (no display found). Open the PNG files in demo-output/.');
  } else {
    console.log('Chromium is open with the demo. Close the browser window to end.');
    await new Promise<void>((resolve) => lab!.ctx.on('close', () => resolve()));
  }
}

void main();
