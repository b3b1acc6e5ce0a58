// Firefox's half of "no request leaves the machine" (README "Team sync"). The Chromium harness
// sees every request of the extension through Playwright; puppeteer's Firefox (WebDriver BiDi)
// sees the requests of the tabs it drives, not those of the extension's background page. So the
// Firefox profile sends EVERY request the browser makes that reaches the network layer — the
// extension's background and pages, and Firefox's own — to this local proxy (prefs below,
// loopback included), which writes down where each one was going and refuses it by closing the
// connection (as a host where nothing listens would: the extension then sees a network error,
// not an answer). Requests the tests' fixtures answer are served by puppeteer's interception
// before they reach the network, so they never come here.
import { createServer, type IncomingMessage } from 'node:http';
import type { Socket } from 'node:net';

export interface RecordingProxy {
  port: number;
  /** every request that reached the proxy, in order: `http://host:port/path` for plain HTTP, `https://host:port/` for a tunnel (TLS, secure WebSocket) */
  requests: string[];
  /** the Firefox prefs that send every request here */
  prefs: Record<string, string | number | boolean>;
  close(): Promise<void>;
}

export async function startRecordingProxy(): Promise<RecordingProxy> {
  const requests: string[] = [];
  const sockets = new Set<Socket>();
  const server = createServer((req: IncomingMessage) => {
    // A proxied plain-HTTP request names its absolute URL.
    requests.push(/^[a-z]+:\/\//i.test(req.url ?? '') ? req.url! : `http://${req.headers.host ?? '?'}${req.url ?? ''}`);
    req.socket.destroy();
  });
  // HTTPS and wss: a tunnel request names host:port only (the rest is encrypted).
  server.on('connect', (req: IncomingMessage, socket: Socket) => {
    requests.push(`https://${req.url ?? '?'}/`);
    socket.destroy();
  });
  server.on('connection', (s: Socket) => {
    sockets.add(s);
    s.on('close', () => sockets.delete(s));
  });
  await new Promise<void>((r) => server.listen(0, '127.0.0.1', r));
  const addr = server.address();
  const port = typeof addr === 'object' && addr ? addr.port : 0;
  return {
    port,
    requests,
    prefs: {
      'network.proxy.type': 1, // manual
      'network.proxy.http': '127.0.0.1',
      'network.proxy.http_port': port,
      'network.proxy.ssl': '127.0.0.1',
      'network.proxy.ssl_port': port,
      'network.proxy.share_proxy_settings': true,
      'network.proxy.no_proxies_on': '',
      // Loopback too: the tests' refusing sync service (127.0.0.1:9) is then seen (the control).
      'network.proxy.allow_hijacking_localhost': true,
      // Never go direct when the proxy refuses.
      'network.proxy.failover_direct': false,
      // Firefox's own services, which would otherwise be recorded as leaving the machine (measured:
      // Remote Settings polled firefox.settings.services.mozilla.com 400+ times in one file). The
      // value is the one Firefox's remote agent recommends for automation; a release build reads it
      // only with MOZ_REMOTE_SETTINGS_DEVTOOLS=1 in its environment (browsers.ts sets it).
      'services.settings.server': 'data:,#remote-settings-dummy/v1',
    },
    async close() {
      for (const s of sockets) s.destroy();
      await new Promise<void>((r) => server.close(() => r()));
    },
  };
}
