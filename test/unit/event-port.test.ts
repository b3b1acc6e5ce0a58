// The background's side of the sidebar's event port (lib/messaging/event-port.ts): a port of the
// extension's own page is kept and greeted with one "changed" (what was broadcast before it
// connected is lost to it, so the sidebar re-reads once); another origin's port is closed unheard.
import { describe, expect, it, vi } from 'vitest';

type Listener = (port: FakePort) => void;
interface FakePort {
  name: string;
  sender: { id: string; url: string };
  posted: unknown[];
  postMessage(m: unknown): void;
  disconnect: ReturnType<typeof vi.fn>;
  onDisconnect: { addListener(f: () => void): void };
}
const connectListeners: Listener[] = [];
vi.mock('wxt/browser', () => ({
  browser: { runtime: { id: 'ext-id', onConnect: { addListener: (f: Listener) => connectListeners.push(f) } } },
}));
const { serveEventPorts, EVENTS_PORT } = await import('../../lib/messaging/event-port');

const port = (url: string): FakePort => {
  const p: FakePort = {
    name: EVENTS_PORT,
    sender: { id: 'ext-id', url },
    posted: [],
    postMessage: (m) => p.posted.push(m),
    disconnect: vi.fn(),
    onDisconnect: { addListener: () => {} },
  };
  return p;
};

describe('serveEventPorts', () => {
  it('greets the sidebar port with one "changed", then relays broadcasts; a page of another origin is refused', () => {
    const send = serveEventPorts('chrome-extension://ext-id/');
    const sidebar = port('chrome-extension://ext-id/sidebar.html');
    const hostile = port('https://www.linkedin.com/in/x/');
    connectListeners.forEach((f) => f(sidebar));
    connectListeners.forEach((f) => f(hostile));
    send({ kalEvent: 'page', tabId: 7 });
    expect(sidebar.posted).toEqual([{ kalEvent: 'changed', tables: [] }, { kalEvent: 'page', tabId: 7 }]);
    expect([hostile.posted, hostile.disconnect.mock.calls.length]).toEqual([[], 1]);
  });
});
