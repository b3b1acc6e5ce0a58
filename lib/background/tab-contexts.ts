// The last PageContext each tab reported. Kept in storage.session too: the service worker is
// stopped when idle and must still know what an open sidebar's page shows.
import { browser } from 'wxt/browser';
import type { PageContext } from '../types';

const mem = new Map<number, PageContext>();
const key = (tabId: number) => `ctx:${tabId}`;
const session = () => (browser.storage as { session?: typeof browser.storage.local }).session;

export async function setTabContext(tabId: number, ctx: PageContext): Promise<void> {
  mem.set(tabId, ctx);
  await session()?.set({ [key(tabId)]: ctx });
}

export async function getTabContext(tabId: number): Promise<PageContext | undefined> {
  if (mem.has(tabId)) return mem.get(tabId);
  const got = (await session()?.get(key(tabId)))?.[key(tabId)] as PageContext | undefined;
  if (got) mem.set(tabId, got);
  return got;
}

export async function forgetTab(tabId: number): Promise<void> {
  mem.delete(tabId);
  await session()?.remove(key(tabId));
}
