// Mounts a React tree for component tests (happy-dom) and unmounts it after each test.
import { act, type ReactNode } from 'react';
import { createRoot, type Root } from 'react-dom/client';
import { afterEach } from 'vitest';

(globalThis as { IS_REACT_ACT_ENVIRONMENT?: boolean }).IS_REACT_ACT_ENVIRONMENT = true;

let root: Root | undefined;
let host: HTMLElement | undefined;
afterEach(async () => {
  await act(async () => root?.unmount());
  host?.remove();
  root = host = undefined;
});

/** Renders `node` into a fresh element of the document; returns that element. */
export async function mount(node: ReactNode): Promise<HTMLElement> {
  host = document.createElement('div');
  document.body.append(host);
  root = createRoot(host);
  await act(async () => root!.render(node));
  return host;
}

/** Lets React and pending promises run, 10 ms at a time, until `until()` holds (at most 1 s). */
export async function settle(until: () => boolean): Promise<void> {
  for (let i = 0; i < 100 && !until(); i++) await act(async () => new Promise((r) => setTimeout(r, 10)));
}
