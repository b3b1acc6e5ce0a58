// Cold start: the service worker stopped as the browser stops an idle one, then a profile page of
// a known account loads, until the account's name is in the sidebar. Also says what the time is
// made of, from the User Timing marks the background and the sidebar leave (lib/timing.ts).
import type { Frame } from 'playwright-core';
import type { Lab } from '../../test/e2e/harness';
import { WorkerControl, WorkerSession } from './cdp';

/** Points on the cold path, in ms since `goto` (medians over the runs). */
export const PHASES = [
  ['workerStart', 'worker started (page load, content script, browser starting the worker)'],
  ['modulesEvaluated', 'background.js modules evaluated'],
  ['scriptEvaluated', 'background started (listeners registered)'],
  ['detectorLoaded', 'detector injected (detector.load answered)'],
  ['dbOpen', 'database open'],
  ['pageMatched', 'page.update answered (match)'],
  ['listsLoaded', 'free-mail list usable (only when a domain was checked)'],
  ['sidebarStart', 'sidebar iframe document started'],
  ['tokenIssued', 'overlay.token answered (after the iframe loaded)'],
  ['claimed', 'sidebar session claimed'],
  ['viewReceived', 'sidebar.view answered'],
  ['painted', 'account painted'],
  ['visible', 'account name seen by the bench'],
] as const;
export type Phase = (typeof PHASES)[number][0];

interface Marks {
  origin: number;
  marks: Record<string, number>;
}
const READ_MARKS = `({ origin: performance.timeOrigin, marks: Object.fromEntries(performance.getEntriesByType('mark').filter((m) => m.name.startsWith('kal:')).map((m) => [m.name.slice(4), m.startTime])) })`;

export interface ColdResult {
  runs: number[];
  median: number;
  phases: Partial<Record<Phase, number>>;
}

const median = (xs: number[]) => {
  const s = [...xs].sort((a, b) => a - b);
  const m = s.length >> 1;
  return s.length ? (s.length % 2 ? s[m]! : (s[m - 1]! + s[m]!) / 2) : NaN;
};

/**
 * `runs` cold loads of `url`, each after stopping the worker; `shown(frame)` resolves when the
 * account is visible. Returns the load times and the median time of each phase.
 */
export async function coldSidebar(lab: Lab, url: string, accountName: string, runs: number, sidebarFrame: (p: import('playwright-core').Page) => Promise<Frame>): Promise<ColdResult> {
  const ctl = await WorkerControl.open(lab);
  const times: number[] = [];
  const phases: Partial<Record<Phase, number[]>> = {};
  const at = (k: Phase, v: number | undefined) => {
    if (v !== undefined && Number.isFinite(v)) (phases[k] ??= []).push(v);
  };
  try {
    for (let i = 0; i < runs; i++) {
      await ctl.stop();
      const page = await lab.ctx.newPage();
      const t0 = Date.now();
      await page.goto(url, { waitUntil: 'commit' });
      const frame = await sidebarFrame(page);
      await frame.waitForFunction((n) => document.querySelector('[data-testid="account-name"]')?.textContent === n, accountName, { polling: 'raf', timeout: 30_000 });
      const t1 = Date.now();
      times.push(t1 - t0);
      const ws = await WorkerSession.attach(lab);
      const bg = await ws.evaluate<Marks>(READ_MARKS);
      await ws.detach();
      const sb = (await frame.evaluate(READ_MARKS)) as Marks;
      const rel = (m: Marks, name: string) => (m.marks[name] === undefined ? undefined : m.origin + m.marks[name]! - t0);
      at('workerStart', bg.origin - t0);
      at('modulesEvaluated', rel(bg, 'bg-eval'));
      at('scriptEvaluated', rel(bg, 'bg-ready'));
      at('detectorLoaded', rel(bg, 'detector.load:end'));
      at('tokenIssued', rel(bg, 'overlay.token:end'));
      at('claimed', rel(sb, 'claimed'));
      at('dbOpen', rel(bg, 'db-open'));
      at('pageMatched', rel(bg, 'page.update:end'));
      at('listsLoaded', rel(bg, 'lists-loaded'));
      at('sidebarStart', sb.origin - t0);
      at('viewReceived', rel(sb, 'view'));
      at('painted', rel(sb, 'account-painted'));
      at('visible', t1 - t0);
      await page.close();
    }
  } finally {
    await ctl.close();
  }
  const med = Object.fromEntries(Object.entries(phases).map(([k, v]) => [k, Math.round(median(v))])) as Partial<Record<Phase, number>>;
  return { runs: times, median: median(times), phases: med };
}
