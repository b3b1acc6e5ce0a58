// Real-browser harness: Debian's Chromium + the built extension, host pages served at their real
// URLs from saved fixtures with context.route (no network is used or needed).
import { chromium, type BrowserContext, type Frame, type Page } from 'playwright-core';
import { existsSync, mkdirSync, mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { SYNC_UNREACHABLE, logInOffline } from './sync-setup';

export const ROOT = resolve(__dirname, '../..');
// KAL_EXT_DIR: a copy of a build to test while .output/ is rebuilt (long benchmark runs).
export const EXT_DIR = process.env.KAL_EXT_DIR ?? join(ROOT, '.output/chrome-mv3');
export const FIXTURES = join(ROOT, 'test/fixtures');

export function findChromium(): string {
  const candidates = [process.env.CHROMIUM_PATH, '/usr/bin/chromium', '/usr/bin/chromium-browser', '/usr/bin/google-chrome', '/usr/bin/google-chrome-stable'];
  for (const c of candidates) if (c && existsSync(c)) return c;
  throw new Error('Chromium not found. Install it with `sudo apt-get install -y chromium` (Debian/Ubuntu) or set CHROMIUM_PATH.');
}

export interface Lab {
  ctx: BrowserContext;
  extensionId: string;
  /** serve a fixture (path under test/fixtures) or raw HTML at a URL pattern */
  serve(urlGlob: string, fixtureOrHtml: string): Promise<void>;
  sidebarFrame(page: Page): Promise<Frame>;
  openExtensionPage(path: string): Promise<Page>;
  /**
   * Every http(s)/ws(s) request the extension itself made (its service worker, pages and
   * frames), in order — whether or not a route answered it. Team sync off: must stay empty.
   */
  extensionRequests: string[];
  /** Closes the browser; throws if the extension sent a request to any host but this computer. */
  close(): Promise<void>;
}

/** Loopback hosts: a request there never leaves the machine (the tests' refusing sync service). */
export const isLoopback = (url: string): boolean => /^(https?|wss?):\/\/(127\.0\.0\.1|localhost|\[::1\])(:\d+)?\//.test(url);
/**
 * A request that cannot leave the machine: to a loopback host, or to a name under `.invalid`
 * (RFC 6761: never resolves — the tests' probes of the recorders use one).
 */
export const staysHere = (url: string): boolean => isLoopback(url) || /^(https?|wss?):\/\/[^/:]+\.invalid(:\d+)?\//.test(url);

export function fixture(path: string): string {
  return readFileSync(join(FIXTURES, path), 'utf8');
}

export async function launch(opts: { locale?: string; headless?: boolean; colorScheme?: 'light' | 'dark'; timezoneId?: string } = {}): Promise<Lab> {
  if (!existsSync(join(EXT_DIR, 'manifest.json'))) throw new Error('No build in .output/chrome-mv3: run `npm run build` first.');
  // KAL_KEEP_PROFILE=<dir> reuses one browser profile across runs (performance investigations
  // on a large dataset without restoring it each time); by default every run starts empty.
  const kept = process.env.KAL_KEEP_PROFILE;
  if (kept) mkdirSync(kept, { recursive: true });
  const userDataDir = kept ?? mkdtempSync(join(tmpdir(), 'kal-e2e-'));
  const ctx = await chromium.launchPersistentContext(userDataDir, {
    executablePath: findChromium(),
    headless: opts.headless ?? true,
    locale: opts.locale ?? 'en-GB',
    colorScheme: opts.colorScheme ?? 'light',
    ...(opts.timezoneId ? { timezoneId: opts.timezoneId } : {}),
    viewport: { width: 1280, height: 800 },
    args: [
      '--no-sandbox',
      '--disable-gpu',
      '--disable-quic',
      '--no-first-run',
      '--disable-background-networking',
      '--disable-component-update',
      '--disable-sync',
      `--lang=${opts.locale ?? 'en-GB'}`,
      `--disable-extensions-except=${EXT_DIR}`,
      `--load-extension=${EXT_DIR}`,
    ],
  });
  // Nothing may reach the network: anything not served by a fixture is refused.
  await ctx.route('**/*', (r) => {
    const u = r.request().url();
    if (u.startsWith('chrome-extension://') || u.startsWith('data:')) return r.fallback();
    return r.abort();
  });
  // Zero network while team sync is off (README "Team sync"): record what the extension asks for.
  const extensionRequests: string[] = [];
  ctx.on('request', (req) => {
    const u = req.url();
    if (!/^(https?|wss?):/.test(u)) return;
    let from = req.serviceWorker()?.url();
    if (!from) {
      try {
        from = req.frame().url();
      } catch {
        from = undefined;
      }
    }
    if (from?.startsWith('chrome-extension://')) extensionRequests.push(u);
  });
  const sw = ctx.serviceWorkers()[0] ?? (await ctx.waitForEvent('serviceworker'));
  const extensionId = new URL(sw.url()).host;
  const lab: Lab = {
    ctx,
    extensionId,
    async serve(urlGlob, fixtureOrHtml) {
      const body = fixtureOrHtml.trimStart().startsWith('<') ? fixtureOrHtml : fixture(fixtureOrHtml);
      await ctx.route(urlGlob, (r) => r.fulfill({ contentType: 'text/html; charset=utf-8', body }));
    },
    async sidebarFrame(page) {
      const deadline = Date.now() + 15_000;
      while (Date.now() < deadline) {
        const f = page.frames().find((fr) => fr.url().startsWith(`chrome-extension://${extensionId}/sidebar.html`));
        if (f) return f;
        await page.waitForTimeout(50);
      }
      throw new Error('sidebar iframe did not appear');
    },
    async openExtensionPage(path) {
      const page = await ctx.newPage();
      await page.goto(`chrome-extension://${extensionId}/${path}`);
      return page;
    },
    extensionRequests,
    async close() {
      await ctx.close();
      const out = extensionRequests.filter((u) => !staysHere(u));
      if (out.length) throw new Error(`The extension sent requests off this computer: ${[...new Set(out)].slice(0, 5).join(', ')}`);
      if (!kept) rmSync(userDataDir, { recursive: true, force: true });
    },
  };
  // `npm test` runs the core journeys a second time with team sync configured but unreachable.
  if (SYNC_UNREACHABLE) await logInOffline(lab);
  return lab;
}

/** Load the sample portfolio through the dashboard, as a user would. */
export async function loadSample(lab: Lab): Promise<void> {
  const dash = await lab.openExtensionPage('dashboard.html');
  await dash.getByRole('button', { name: /sample portfolio|portefeuille d'exemple/i }).click();
  await dash.getByTestId('portfolio').waitFor();
  await dash.close();
}

/** The inner HTML of a fixture's <body>, to swap pages in place like a single-page app does. */
export function fixtureBody(path: string): string {
  const html = fixture(path);
  const m = /<body[^>]*>([\s\S]*)<\/body>/i.exec(html);
  return m ? m[1]! : html;
}

/** Count records in the extension's database, read from a top-level extension page. */
export async function countRecords(lab: Lab, table: string): Promise<number> {
  const page = await lab.openExtensionPage('dashboard.html');
  // On a fresh profile this can run before the background has created the database: opening it
  // here would then create an empty one (version 1, no tables) and the count would throw inside a
  // callback and hang. So: never create it (abort the upgrade), and ask again until it exists.
  const n = await page.evaluate(async (t) => {
    const once = () =>
      new Promise<number | undefined>((resolve, reject) => {
        const req = indexedDB.open('key-account-lens');
        req.onupgradeneeded = () => req.transaction?.abort();
        req.onerror = () => (req.error?.name === 'AbortError' ? resolve(undefined) : reject(req.error));
        req.onsuccess = () => {
          const db = req.result;
          if (!db.objectStoreNames.contains(t)) {
            db.close();
            return resolve(undefined);
          }
          const c = db.transaction(t).objectStore(t).count();
          c.onsuccess = () => {
            resolve(c.result);
            db.close();
          };
          c.onerror = () => reject(c.error);
        };
      });
    for (let i = 0; i < 200; i++) {
      const v = await once();
      if (v !== undefined) return v;
      await new Promise((r) => setTimeout(r, 100));
    }
    throw new Error(`the extension never created its database (table ${t})`);
  }, table);
  await page.close();
  return n;
}

/** Open the sidebar with the page-edge tab unless it is already open (it remembers per site). */
export async function openPanel(page: Page): Promise<void> {
  const tab = page.locator('key-account-lens').getByRole('button');
  await tab.waitFor();
  // Give the remembered state a moment to apply before deciding.
  await page.waitForTimeout(300);
  if ((await tab.getAttribute('aria-expanded')) !== 'true') await tab.click();
}
