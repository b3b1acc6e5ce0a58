// The browser-specific layer under the cross-browser end-to-end tests. One journey is written once
// against `XLab`/`XPage` and runs in each browser:
//  - Chromium: Playwright (the harness's `launch()`, unchanged) with .output/chrome-mv3;
//  - Firefox: puppeteer-core over WebDriver BiDi with Debian's firefox-esr and .output/firefox-mv3
//    (Playwright's BiDi mode needs commands ESR 153 lacks; see PLATFORM-FACTS.md "Firefox").
// Everything above the primitives (finding elements, waiting, opening the panel) is shared: elements
// are found by one in-page function in both browsers, then clicked and typed into with real input.
import puppeteer, { type Browser as PBrowser, type Frame as PFrame, type Page as PPage, type ElementHandle as PHandle, type HTTPRequest } from 'puppeteer-core';
import type { ElementHandle as WHandle, Frame as WFrame, Page as WPage } from 'playwright-core';
import AxeBuilder from '@axe-core/playwright';
import axe from 'axe-core';
import { existsSync, mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fixture, launch, ROOT, staysHere, type Lab } from './harness';
import { startRecordingProxy } from './recording-proxy';

export type BrowserName = 'chromium' | 'firefox';
/** Browsers to run, `KAL_BROWSERS=firefox` to run one. */
export const BROWSERS: BrowserName[] = (process.env.KAL_BROWSERS?.split(',').filter(Boolean) as BrowserName[] | undefined) ?? ['chromium', 'firefox'];
export const FIREFOX_EXT_DIR = join(ROOT, '.output/firefox-mv3');

export function findFirefox(): string {
  for (const c of [process.env.FIREFOX_PATH, '/usr/bin/firefox-esr', '/usr/bin/firefox']) if (c && existsSync(c)) return c;
  throw new Error('Firefox not found. Install it with `sudo apt-get install -y firefox-esr` (Debian/Ubuntu) or set FIREFOX_PATH.');
}

/** An element, found by CSS and optionally its text (substring) or accessible name (exact). */
export interface Query {
  css: string;
  text?: string;
  name?: string;
}

/** One axe-core violation, as reported by axe (`impact` is minor | moderate | serious | critical). */
export interface AxeViolation {
  id: string;
  impact?: string | null;
  help: string;
  nodes: { target: unknown; failureSummary?: string }[];
}

// ---- primitives each browser implements -------------------------------------------------------

interface RawHandle {
  click(): Promise<void>;
  /** focus, select what is there, type `text` with the keyboard */
  type(text: string): Promise<void>;
  select(value: string): Promise<void>;
  upload(path: string): Promise<void>;
}

interface RawTarget {
  url(): string;
  evaluate<R, A>(fn: (arg: A) => R | Promise<R>, arg: A): Promise<R>;
  /** the element `fn(arg)` returns, or null */
  handle<A>(fn: (arg: A) => Element | null, arg: A): Promise<RawHandle | null>;
  axe(): Promise<AxeViolation[]>;
}

interface RawPage extends RawTarget {
  /** child frames with their current URL */
  frames(): Promise<{ url: string; target: RawTarget }[]>;
  goto(url: string): Promise<void>;
  reload(): Promise<void>;
  /** a key or a chord such as `Shift+Tab` */
  press(key: string): Promise<void>;
  /** type text with the keyboard into whatever has the focus */
  typeText(text: string): Promise<void>;
  /** mouse click at viewport coordinates */
  clickAt(x: number, y: number): Promise<void>;
  viewport(): { width: number; height: number };
  close(): Promise<void>;
  screenshot(path: string): Promise<void>;
  /** make this the active tab (keyboard tests: a background tab's document has no focus) */
  front(): Promise<void>;
}

interface Driver {
  name: BrowserName;
  newPage(): Promise<RawPage>;
  /** serve `body` (HTML) for every URL `matches` accepts; later registrations win */
  serve(matches: (url: string) => boolean, body: string): Promise<void>;
  /** run `trigger` and return the page it opens whose URL contains `urlPart` */
  waitForPage(urlPart: string, trigger: () => Promise<unknown>): Promise<RawPage>;
  extensionOrigin(): string | undefined;
  /**
   * Requests recorded on their way out of the machine, loopback included (a live list): Chromium,
   * every http(s)/ws(s) request of the extension (harness.ts); Firefox, every request the browser
   * sent to the network (recording-proxy.ts). close() fails if one went to a non-loopback host.
   */
  requests: string[];
  /** open an extension page directly, where the browser allows it (Chromium only) */
  openExtensionPage?(path: string): Promise<RawPage>;
  close(): Promise<void>;
}

// ---- shared: finding elements, waiting ---------------------------------------------------------

/** Runs in the page: the first visible element matching `q` (accessible name read the simple way). */
function findInPage(q: Query): Element | null {
  const nameOf = (el: Element): string => {
    const aria = el.getAttribute('aria-label');
    if (aria) return aria.trim();
    const by = el.getAttribute('aria-labelledby');
    if (by) return by.split(/\s+/).map((id) => document.getElementById(id)?.textContent ?? '').join(' ').trim();
    const labels = (el as HTMLInputElement).labels;
    if (labels && labels.length) return (labels[0]!.textContent ?? '').trim();
    const ph = el.getAttribute('placeholder');
    if (ph) return ph.trim();
    return (el.textContent ?? '').trim();
  };
  for (const el of Array.from(document.querySelectorAll(q.css))) {
    if (!(el as HTMLElement).getClientRects().length) continue;
    if (q.text !== undefined && !(el.textContent ?? '').includes(q.text)) continue;
    if (q.name !== undefined && nameOf(el) !== q.name) continue;
    return el;
  }
  return null;
}

/** Poll `fn` until it returns something other than null/undefined/false (no fixed sleeps). */
export async function until<T>(fn: () => Promise<T | null | undefined | false>, what: string, timeoutMs = 20_000): Promise<T> {
  const deadline = Date.now() + timeoutMs;
  let last: unknown;
  for (;;) {
    try {
      const v = await fn();
      if (v !== null && v !== undefined && v !== false) return v as T;
    } catch (e) {
      last = e; // frame navigating, element detached: try again
    }
    if (Date.now() > deadline) throw new Error(`Timed out waiting for ${what}${last ? ` (last error: ${(last as Error).message})` : ''}`);
    await new Promise((r) => setTimeout(r, 100));
  }
}

/** A page or frame with the operations the journeys use. */
export class XTarget {
  constructor(protected raw: RawTarget) {}
  url(): string {
    return this.raw.url();
  }
  evaluate<R, A>(fn: (arg: A) => R | Promise<R>, arg: A): Promise<R> {
    return this.raw.evaluate(fn, arg);
  }
  async find(q: Query, timeoutMs?: number): Promise<RawHandle> {
    return until(() => this.raw.handle(findInPage, q), `${JSON.stringify(q)} in ${this.raw.url()}`, timeoutMs);
  }
  async has(q: Query): Promise<boolean> {
    // through a handle: over BiDi (Firefox) an element returned by evaluate arrives as nothing, so
    // `has` was always false there and every `waitGone` passed at once
    return this.raw.handle(findInPage, q).then((h) => !!h);
  }
  async click(q: Query): Promise<void> {
    await (await this.find(q)).click();
  }
  async fill(q: Query, value: string): Promise<void> {
    await (await this.find(q)).type(value);
  }
  async select(q: Query, value: string): Promise<void> {
    await (await this.find(q)).select(value);
  }
  async upload(q: Query, path: string): Promise<void> {
    await (await this.find(q)).upload(path);
  }
  /** text of the first element matching `css` (visible or not), or null */
  text(css: string): Promise<string | null> {
    return this.raw.evaluate((s) => document.querySelector(s)?.textContent ?? null, css);
  }
  value(q: Query): Promise<string | null> {
    return this.raw.evaluate((qq) => {
      // findInPage is not in scope in the page: inline the lookup by name on form fields.
      const els = Array.from(document.querySelectorAll(qq.css)) as HTMLInputElement[];
      const el = els.find((e) => (qq.name === undefined ? true : (e.getAttribute('aria-label') ?? e.labels?.[0]?.textContent ?? e.placeholder ?? '').trim() === qq.name));
      return el ? el.value : null;
    }, q);
  }
  /** wait until the text of one element matching `css` contains `expected` (or equals it with `exact`) */
  async waitText(css: string, expected: string, opts: { exact?: boolean; timeoutMs?: number } = {}): Promise<string> {
    let seen: string[] = [];
    try {
      return await until(async () => {
        seen = await this.raw.evaluate((s) => Array.from(document.querySelectorAll(s), (e) => e.textContent ?? ''), css);
        return seen.find((t) => (opts.exact ? t === expected : t.includes(expected))) ?? null;
      }, `${css} to ${opts.exact ? 'be' : 'contain'} "${expected}"`, opts.timeoutMs);
    } catch (e) {
      throw new Error(`${(e as Error).message}; last texts: ${JSON.stringify(seen.map((t) => t.slice(0, 300)))}`);
    }
  }
  async waitGone(q: Query): Promise<void> {
    await until(async () => !(await this.has(q)), `${JSON.stringify(q)} to disappear`);
  }
  /** axe-core scan of this document: the violations of impact serious or critical */
  async seriousViolations(): Promise<AxeViolation[]> {
    return (await this.raw.axe()).filter((v) => v.impact === 'serious' || v.impact === 'critical');
  }
}

export class XPage extends XTarget {
  constructor(private page: RawPage) {
    super(page);
  }
  goto(url: string) {
    return this.page.goto(url);
  }
  reload() {
    return this.page.reload();
  }
  close() {
    return this.page.close();
  }
  front() {
    return this.page.front();
  }
  press(key: string) {
    return this.page.press(key);
  }
  typeText(text: string) {
    return this.page.typeText(text);
  }
  /**
   * Press `key` until `isFocused` (run in `where`, default this page) says the focus is where the
   * test wants it; at most `max` presses. Keyboard-only navigation, as a user without a mouse.
   */
  async pressUntil(key: string, isFocused: () => boolean, where: XTarget = this, max = 150): Promise<number> {
    for (let i = 0; i <= max; i++) {
      if (await where.evaluate(isFocused, null).catch(() => false)) return i;
      await this.page.press(key);
    }
    throw new Error(`focus never reached the wanted element after ${max} × ${key}`);
  }
  screenshot(path: string) {
    return this.page.screenshot(path);
  }
  /** the sidebar extension page framed in this host page */
  async sidebar(): Promise<XTarget> {
    const f = await until(async () => (await this.page.frames()).find((fr) => /^(chrome|moz)-extension:\/\/[^/]+\/sidebar\.html/.test(fr.url))?.target, 'the sidebar iframe');
    await until(() => f.evaluate(() => document.readyState === 'complete' && !!document.querySelector('main'), null), 'the sidebar to render');
    return new XTarget(f);
  }
  /** Open the panel with the page-edge tab unless the page already shows it. */
  async openPanel(): Promise<XTarget> {
    const state = await until(
      () =>
        this.page.evaluate(() => {
          const host = document.querySelector('key-account-lens');
          if (!host) return null;
          const tab = host.shadowRoot?.querySelector('button');
          return tab ? tab.getAttribute('aria-expanded') ?? 'false' : 'closed-root';
        }, null),
      'the page-edge tab',
    );
    // The remembered open/closed state is applied asynchronously: give it a moment (as the
    // harness's openPanel does) before deciding.
    await new Promise((r) => setTimeout(r, 300));
    const now = await this.page.evaluate(() => document.querySelector('key-account-lens')?.shadowRoot?.querySelector('button')?.getAttribute('aria-expanded') ?? null, null);
    const framed = (await this.page.frames()).some((f) => f.url.includes('/sidebar.html'));
    if (state === 'closed-root' ? !framed : now !== 'true') {
      // The tab is 22×64 px at the right edge, vertically centred (lib/overlay/mount.ts); a click
      // at that spot works whether or not the shadow root is open to us.
      const { width, height } = this.page.viewport();
      await this.page.clickAt(width - 8, height / 2);
    }
    return this.sidebar();
  }
}

export interface XLab {
  name: BrowserName;
  serve(urlGlob: string, fixtureOrHtml: string): Promise<void>;
  newPage(url?: string): Promise<XPage>;
  /** the dashboard, opened by the extension (Firefox refuses automation navigating to it) */
  openDashboard(route?: string): Promise<XPage>;
  /** any extension page (e.g. `popup.html`), opened by the extension */
  openExtensionPage(path: string): Promise<XPage>;
  /** requests recorded on their way out of the machine (Driver.requests): a test may splice out its own probe */
  requests: string[];
  /** closes the browser; throws if a request went anywhere but this computer */
  close(): Promise<void>;
}

/** `**` any characters, `*` any but `/` (the harness's glob dialect). */
export function globToRegExp(glob: string): RegExp {
  let re = '';
  for (let i = 0; i < glob.length; i++) {
    const c = glob[i]!;
    if (c === '*' && glob[i + 1] === '*') {
      re += '.*';
      i++;
    } else if (c === '*') re += '[^/]*';
    else re += c.replace(/[.+?^${}()|[\]\\]/g, '\\$&');
  }
  return new RegExp(`^${re}$`);
}

const LAUNCHER_URL = 'https://www.linkedin.com/feed/kal-e2e-launcher';

export async function launchX(name: BrowserName, opts: { locale?: string; colorScheme?: 'light' | 'dark' } = {}): Promise<XLab> {
  const driver = name === 'chromium' ? await chromiumDriver(opts) : await firefoxDriver(opts);
  // A neutral LinkedIn page the tests never assert on: its sidebar is the extension's own page
  // from which other extension pages are opened (Firefox refuses automation navigating to them).
  await driver.serve((u) => u.startsWith(LAUNCHER_URL), '<!doctype html><html lang="en"><head><title>Feed</title></head><body><main><h1>Feed</h1></main></body></html>');
  let hub: XPage | undefined;

  async function openDashboard(route = ''): Promise<XPage> {
    if (driver.openExtensionPage) return new XPage(await driver.openExtensionPage(`dashboard.html${route}`));
    const launcher = new XPage(await driver.newPage());
    await launcher.goto(LAUNCHER_URL);
    const side = await launcher.openPanel();
    await side.find({ css: 'main' });
    const raw = await driver.waitForPage('/dashboard.html', () =>
      side.evaluate((r) => (globalThis as unknown as { browser: { runtime: { sendMessage(m: unknown): Promise<unknown> } } }).browser.runtime.sendMessage({ kal: 1, type: 'dashboard.open', payload: r ? { route: r } : {} }), route),
    );
    await launcher.close();
    const page = new XPage(raw);
    await page.find({ css: 'main' });
    return page;
  }

  return {
    name,
    async serve(urlGlob, fixtureOrHtml) {
      const body = fixtureOrHtml.trimStart().startsWith('<') ? fixtureOrHtml : fixture(fixtureOrHtml);
      const re = globToRegExp(urlGlob);
      await driver.serve((u) => re.test(u), body);
    },
    async newPage(url) {
      const p = new XPage(await driver.newPage());
      if (url) await p.goto(url);
      return p;
    },
    openDashboard,
    async openExtensionPage(path) {
      if (driver.openExtensionPage) return new XPage(await driver.openExtensionPage(path));
      // A top-level extension page has browser.tabs: the hub dashboard opens the page asked for.
      hub ??= await openDashboard();
      const h = hub;
      const raw = await driver.waitForPage(`/${path.split('#')[0]}`, () =>
        h.evaluate((p) => (globalThis as unknown as { browser: { tabs: { create(o: { url: string }): Promise<unknown> } } }).browser.tabs.create({ url: `/${p}` }), path),
      );
      const page = new XPage(raw);
      await page.find({ css: 'body *' });
      return page;
    },
    requests: driver.requests,
    close: () => driver.close(),
  };
}

// ---- Chromium: Playwright, through the harness --------------------------------------------------

async function wAxe(target: WPage | WFrame): Promise<AxeViolation[]> {
  if ('mainFrame' in target) return (await new AxeBuilder({ page: target }).analyze()).violations as AxeViolation[];
  // A frame inside a host page (the sidebar): axe-core injected in it.
  return injectedAxe((src) => target.evaluate(src), (fn) => target.evaluate(fn));
}

function wTarget(t: WPage | WFrame): RawTarget {
  return {
    url: () => t.url(),
    evaluate: (fn, arg) => t.evaluate(fn as never, arg) as never,
    async handle(fn, arg) {
      const h = (await t.evaluateHandle(fn as never, arg)).asElement() as WHandle<Element> | null;
      if (!h) return null;
      return {
        click: () => h.click(),
        async type(text) {
          await h.fill('');
          await h.type(text);
        },
        async select(value) {
          await h.selectOption(value);
        },
        upload: (path) => h.setInputFiles(path),
      };
    },
    axe: () => wAxe(t),
  };
}

function wPage(p: WPage): RawPage {
  return {
    ...wTarget(p),
    frames: async () => p.frames().filter((f) => f !== p.mainFrame()).map((f) => ({ url: f.url(), target: wTarget(f) })),
    goto: async (url) => void (await p.goto(url)),
    reload: async () => void (await p.reload()),
    press: (key) => p.keyboard.press(key),
    typeText: (text) => p.keyboard.type(text),
    clickAt: (x, y) => p.mouse.click(x, y),
    viewport: () => p.viewportSize() ?? { width: 1280, height: 800 },
    close: () => p.close(),
    screenshot: async (path) => void (await p.screenshot({ path })),
    front: () => p.bringToFront(),
  };
}

async function chromiumDriver(opts: { locale?: string; colorScheme?: 'light' | 'dark' }): Promise<Driver> {
  const lab: Lab = await launch({ locale: opts.locale, colorScheme: opts.colorScheme });
  return {
    name: 'chromium',
    newPage: async () => wPage(await lab.ctx.newPage()),
    async serve(matches, body) {
      await lab.ctx.route((u) => matches(u.href), (r) => r.fulfill({ contentType: 'text/html; charset=utf-8', body }));
    },
    async waitForPage(urlPart, trigger) {
      const [p] = await Promise.all([lab.ctx.waitForEvent('page', (pg) => pg.url().includes(urlPart) || true), trigger()]);
      await p.waitForURL((u) => u.href.includes(urlPart));
      return wPage(p);
    },
    extensionOrigin: () => `chrome-extension://${lab.extensionId}/`,
    requests: lab.extensionRequests,
    openExtensionPage: async (path) => wPage(await lab.openExtensionPage(path)),
    close: () => lab.close(),
  };
}

// ---- Firefox: puppeteer-core over WebDriver BiDi ------------------------------------------------

function pTarget(t: PPage | PFrame): RawTarget {
  return {
    url: () => t.url(),
    evaluate: (fn, arg) => t.evaluate(fn as never, arg) as never,
    async handle(fn, arg) {
      const h = ((await t.evaluateHandle(fn as never, arg)) as unknown as { asElement(): PHandle<Element> | null }).asElement();
      if (!h) return null;
      return {
        click: () => h.click(),
        async type(text) {
          await h.evaluate((el) => {
            (el as HTMLElement).focus();
            (el as HTMLInputElement).select?.();
          });
          if (text === '') await h.press('Backspace');
          else await h.type(text);
        },
        async select(value) {
          await (h as PHandle<HTMLSelectElement>).select(value);
        },
        upload: (path) => (h as PHandle<HTMLInputElement>).uploadFile(path),
      };
    },
    axe: () => injectedAxe((src) => t.evaluate(src), (fn) => t.evaluate(fn)),
  };
}

async function firefoxDriver(opts: { locale?: string; colorScheme?: 'light' | 'dark' }): Promise<Driver> {
  if (!existsSync(join(FIREFOX_EXT_DIR, 'manifest.json'))) throw new Error('No build in .output/firefox-mv3: run `npm run build` first.');
  const userDataDir = mkdtempSync(join(tmpdir(), 'kal-e2e-ff-'));
  const proxy = await startRecordingProxy();
  const lang = opts.locale ?? 'en-GB';
  const browser: PBrowser = await puppeteer.launch({
    browser: 'firefox',
    executablePath: findFirefox(),
    headless: true,
    // A release build ignores the Remote Settings server pref (recording-proxy.ts) unless this is
    // set (Firefox modules/services-settings/Utils.sys.mjs, allowServerURL).
    env: { ...process.env, MOZ_REMOTE_SETTINGS_DEVTOOLS: '1' },
    userDataDir,
    defaultViewport: { width: 1280, height: 800 },
    extraPrefsFirefox: {
      'intl.accept_languages': `${lang},${lang.split('-')[0]}`,
      'intl.locale.requested': lang,
      // 0 = dark, 1 = light: what pages see as prefers-color-scheme.
      'layout.css.prefers-color-scheme.content-override': opts.colorScheme === 'dark' ? 0 : 1,
      'ui.systemUsesDarkTheme': opts.colorScheme === 'dark' ? 1 : 0,
      'network.dns.disabled': false,
      'browser.shell.checkDefaultBrowser': false,
      // Every request to the network goes to the recording proxy, which refuses it.
      ...proxy.prefs,
    },
  });
  await browser.installExtension(FIREFOX_EXT_DIR);
  const routes: { matches: (u: string) => boolean; body: string }[] = [];
  const intercept = async (p: PPage) => {
    await p.setRequestInterception(true);
    p.on('request', (req: HTTPRequest) => {
      const u = req.url();
      if (req.isInterceptResolutionHandled()) return;
      if (!/^https?:/.test(u)) return void req.continue().catch(() => {});
      // Latest registration wins, as with Playwright's routes; nothing else reaches the network.
      const route = [...routes].reverse().find((r) => r.matches(u));
      if (route) return void req.respond({ status: 200, contentType: 'text/html; charset=utf-8', body: route.body }).catch(() => {});
      void req.abort().catch(() => {});
    });
  };
  const pPage = (p: PPage): RawPage => ({
    ...pTarget(p),
    // Over BiDi, puppeteer keeps a cross-origin extension frame's URL at about:blank: ask the frame.
    frames: async () =>
      Promise.all(
        p.frames()
          .filter((f) => f !== p.mainFrame())
          .map(async (f) => ({ url: await f.evaluate(() => location.href).catch(() => f.url()), target: pTarget(f) })),
      ),
    goto: async (url) => void (await p.goto(url)),
    reload: async () => void (await p.reload()),
    async press(chord) {
      const keys = chord.split('+') as never[];
      const last = keys.pop()!;
      for (const k of keys) await p.keyboard.down(k);
      await p.keyboard.press(last);
      for (const k of keys.reverse()) await p.keyboard.up(k);
    },
    typeText: (text) => p.keyboard.type(text),
    clickAt: (x, y) => p.mouse.click(x, y),
    viewport: () => p.viewport() ?? { width: 1280, height: 800 },
    front: () => p.bringToFront(),
    close: () => p.close(),
    screenshot: async (path) => void (await p.screenshot({ path: path as `${string}.png` })),
  });
  return {
    name: 'firefox',
    async newPage() {
      const p = await browser.newPage();
      await intercept(p);
      return pPage(p);
    },
    async serve(matches, body) {
      routes.push({ matches, body });
    },
    async waitForPage(urlPart, trigger) {
      // Over BiDi, puppeteer reports extension pages as about:blank: ask each new page where it is.
      const before = new Set(await browser.pages());
      await trigger();
      const p = await until(async () => {
        for (const pg of await browser.pages()) {
          if (before.has(pg)) continue;
          // A page still being created can hold an evaluate for long: ask again on the next round.
          const href = await Promise.race([pg.evaluate(() => location.href).catch(() => ''), new Promise<string>((r) => setTimeout(() => r(''), 2_000))]);
          if (href.includes(urlPart)) return pg;
        }
        return null;
        // Opening a tab took over 20 s in Firefox on a loaded 2-core machine (2 runs in 4): a wait
        // on the condition, longer, rather than a flaky failure.
      }, `a new page at ${urlPart}`, 60_000);
      await p.setViewport({ width: 1280, height: 800 });
      return pPage(p);
    },
    extensionOrigin: () => undefined,
    requests: proxy.requests,
    async close() {
      await browser.close();
      await proxy.close();
      rmSync(userDataDir, { recursive: true, force: true });
      const out = proxy.requests.filter((u) => !staysHere(u));
      if (out.length) throw new Error(`Firefox sent requests off this computer: ${[...new Set(out)].slice(0, 5).join(', ')}`);
    },
  };
}

// ---- axe-core injected (Firefox; Chromium frames) -----------------------------------------------

async function injectedAxe(inject: (src: string) => Promise<unknown>, run: (fn: () => Promise<unknown>) => Promise<unknown>): Promise<AxeViolation[]> {
  await inject(`${axe.source}\n;void 0`);
  const res = (await run(async () => {
    const a = (globalThis as unknown as { axe: { run(c: Document, o: object): Promise<{ violations: unknown[] }> } }).axe;
    const r = await a.run(document, { resultTypes: ['violations'] });
    return JSON.parse(JSON.stringify(r.violations));
  })) as AxeViolation[];
  return res;
}

/** One line per violation node, for readable failure messages. */
export function describeViolations(v: AxeViolation[]): string[] {
  return v.flatMap((x) => x.nodes.map((n) => `${x.impact} ${x.id}: ${x.help} — ${JSON.stringify(n.target)}`));
}
