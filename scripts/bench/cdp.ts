// Chrome DevTools Protocol helpers the benchmark needs and Playwright does not expose for
// extension service workers: stopping the worker the way the browser does when it is idle, and
// evaluating / measuring the heap inside it.
import type { CDPSession, Page } from 'playwright-core';
import type { Lab } from '../../test/e2e/harness';

interface VersionInfo {
  versionId: string;
  scriptURL: string;
  runningStatus: 'stopped' | 'starting' | 'running' | 'stopping';
}

/**
 * Stops and watches the extension's service worker through the `ServiceWorker` CDP domain of an
 * ordinary tab (extension workers live in the profile's default storage partition, which that
 * domain covers). `ServiceWorker.stopWorker` ends the worker through the same
 * ServiceWorkerVersion::StopWorker path as Chrome's idle timeout (~30 s without events) and the
 * Stop button of chrome://serviceworker-internals: the next event starts a fresh worker that
 * evaluates background.js again and has no in-memory state.
 */
export class WorkerControl {
  private versions = new Map<string, VersionInfo>();
  private waiters: (() => void)[] = [];
  private constructor(
    private readonly page: Page,
    private readonly cdp: CDPSession,
    private readonly scriptUrl: string,
  ) {}

  static async open(lab: Lab): Promise<WorkerControl> {
    const page = await lab.ctx.newPage();
    const cdp = await lab.ctx.newCDPSession(page);
    const ctl = new WorkerControl(page, cdp, `chrome-extension://${lab.extensionId}/background.js`);
    cdp.on('ServiceWorker.workerVersionUpdated', (e: { versions: VersionInfo[] }) => {
      for (const v of e.versions) ctl.versions.set(v.versionId, v);
      for (const w of ctl.waiters.splice(0)) w();
    });
    await cdp.send('ServiceWorker.enable');
    await ctl.until(() => !!ctl.current(), 'the extension service worker to be listed');
    return ctl;
  }

  private current(): VersionInfo | undefined {
    return [...this.versions.values()].filter((v) => v.scriptURL === this.scriptUrl).at(-1);
  }

  private async until(cond: () => boolean, what: string, timeout = 15_000) {
    const deadline = Date.now() + timeout;
    while (!cond()) {
      if (Date.now() > deadline) throw new Error(`timed out waiting for ${what}`);
      await new Promise<void>((res) => {
        this.waiters.push(res);
        setTimeout(res, 100);
      });
    }
  }

  get status(): VersionInfo['runningStatus'] | undefined {
    return this.current()?.runningStatus;
  }

  /** Stop the worker and resolve once the browser reports it stopped. */
  async stop(): Promise<void> {
    const v = this.current();
    if (!v) throw new Error('no extension service worker');
    if (v.runningStatus !== 'stopped') await this.cdp.send('ServiceWorker.stopWorker', { versionId: v.versionId });
    await this.until(() => this.status === 'stopped', 'the service worker to stop');
  }

  async close(): Promise<void> {
    await this.cdp.detach().catch(() => {});
    await this.page.close();
  }
}

/** A debugger session on the running extension service worker (found again after every restart). */
export class WorkerSession {
  private id = 0;
  private pending = new Map<number, (m: { result?: unknown; error?: { message: string } }) => void>();
  private constructor(
    private readonly browserCdp: CDPSession,
    private readonly sessionId: string,
  ) {
    browserCdp.on('Target.receivedMessageFromTarget', (e: { sessionId: string; message: string }) => {
      if (e.sessionId !== this.sessionId) return;
      const m = JSON.parse(e.message) as { id?: number; result?: unknown; error?: { message: string } };
      if (m.id !== undefined) this.pending.get(m.id)?.(m);
      if (m.id !== undefined) this.pending.delete(m.id);
    });
  }

  static async attach(lab: Lab): Promise<WorkerSession> {
    const browser = lab.ctx.browser();
    if (!browser) throw new Error('no browser object for this context');
    const cdp = await browser.newBrowserCDPSession();
    const url = `chrome-extension://${lab.extensionId}/background.js`;
    const { targetInfos } = (await cdp.send('Target.getTargets')) as { targetInfos: { targetId: string; type: string; url: string }[] };
    const target = targetInfos.find((t) => t.type === 'service_worker' && t.url === url);
    if (!target) throw new Error('the extension service worker is not running');
    // Not flattened: Playwright's CDPSession has no per-child-session send.
    const { sessionId } = (await cdp.send('Target.attachToTarget', { targetId: target.targetId, flatten: false })) as { sessionId: string };
    return new WorkerSession(cdp, sessionId);
  }

  send<T>(method: string, params: object = {}): Promise<T> {
    const id = ++this.id;
    return new Promise<T>((resolve, reject) => {
      this.pending.set(id, (m) => (m.error ? reject(new Error(`${method}: ${m.error.message}`)) : resolve(m.result as T)));
      void this.browserCdp.send('Target.sendMessageToTarget', { sessionId: this.sessionId, message: JSON.stringify({ id, method, params }) });
    });
  }

  /** Evaluate an expression in the worker (JSON-serialisable result). */
  async evaluate<T>(expression: string): Promise<T> {
    const r = await this.send<{ result: { value: T }; exceptionDetails?: { text: string } }>('Runtime.evaluate', { expression, returnByValue: true, awaitPromise: true });
    if (r.exceptionDetails) throw new Error(`worker evaluate: ${r.exceptionDetails.text}`);
    return r.result.value;
  }

  /** Used JS heap after a full garbage collection, in MB (10^6 bytes). */
  async heapMb(): Promise<number> {
    await this.send('HeapProfiler.collectGarbage');
    const { usedSize } = await this.send<{ usedSize: number }>('Runtime.getHeapUsage');
    return usedSize / 1e6;
  }

  async detach(): Promise<void> {
    await this.browserCdp.detach().catch(() => {});
  }
}
