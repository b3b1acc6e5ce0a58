// JS heap of the extension's contexts, after a full garbage collection, read through CDP
// (Runtime.getHeapUsage): a sidebar frame, and the background service worker.
import type { Frame } from 'playwright-core';
import type { Lab } from '../../test/e2e/harness';
import { WorkerSession } from './cdp';

/**
 * Used JS heap (MB, 10^6 bytes) of the isolate running `frame`. Sidebar frames of one extension
 * share the extension's renderer process and its main-thread isolate, so with one sidebar open
 * (and no other extension page) this is that sidebar's heap; the difference made by a second
 * one is the cost of each further tab.
 */
export async function frameHeapMb(lab: Lab, frame: Frame): Promise<number> {
  const cdp = await lab.ctx.newCDPSession(frame);
  try {
    await cdp.send('HeapProfiler.collectGarbage');
    const { usedSize } = await cdp.send('Runtime.getHeapUsage');
    return usedSize / 1e6;
  } finally {
    await cdp.detach().catch(() => {});
  }
}

/** Used JS heap (MB) of the running background service worker. */
export async function backgroundHeapMb(lab: Lab): Promise<number> {
  const ws = await WorkerSession.attach(lab);
  try {
    return await ws.heapMb();
  } finally {
    await ws.detach();
  }
}
