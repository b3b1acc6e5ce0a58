import { defineConfig } from 'wxt';
import tailwindcss from '@tailwindcss/vite';
import { fileURLToPath } from 'node:url';
import { CONTENT_SCRIPTS, HOST_MATCHES } from './lib/sites';
import { DETECTOR_NAMES } from './lib/detect/on-demand';

/**
 * CSP of every extension page. `frame-ancestors`: only the six sites (and our own pages) may
 * frame them — Chrome and Firefox apply it to extension pages; `web_accessible_resources`
 * already refuses other initiators, this also covers a foreign frame nested inside those sites.
 * No plugins, no <base>, no form submission anywhere. (README "Privacy and permissions".)
 */
const hostOrigins = HOST_MATCHES.map((m) => m.replace(/\/\*$/, ''));
const EXTENSION_PAGES_CSP = [
  "script-src 'self'",
  "object-src 'none'",
  "base-uri 'none'",
  "form-action 'none'",
  `frame-ancestors 'self' ${hostOrigins.join(' ')}`,
].join('; ');

// See README "Architecture". The content script only mounts an iframe; everything private is
// rendered inside extension pages and stored by the background in the extension origin.
// Firefox is built as Manifest V3 (`wxt build -b firefox --mv3`, see package.json) so that
// sidebar.html is web-accessible to the six sites only, as in Chrome (MV2 cannot restrict it).
// strict_min_version 140: the first ESR (140) where everything below holds —
//  - MV3 with `web_accessible_resources[].matches` and event-page `background.scripts` (109);
//  - MV3 host permissions granted at install instead of left for the user to switch on, without
//    which the content script would not run on LinkedIn/Gmail/Outlook (127);
//  - `data_collection_permissions` ("none": nothing leaves the browser), which addons.mozilla.org
//    requires of new add-ons and Firefox reads from 140.
const GECKO = {
  gecko: {
    id: 'key-account-lens@keyaccountlens.org',
    strict_min_version: '140.0',
    data_collection_permissions: { required: ['none'] },
  },
  // Firefox for Android reads data_collection_permissions from 142.
  gecko_android: { strict_min_version: '142.0' },
};

export default defineConfig({
  modules: ['@wxt-dev/module-react', '@wxt-dev/webextension-polyfill'],
  vite: () => ({ plugins: [tailwindcss()] }),
  hooks: {
    // The Chrome build's service worker also listed as `background.scripts`, the fallback
    // Firefox and `web-ext lint` ask for in a cross-browser MV3 manifest (Chrome 121+ ignores it
    // when service_worker is present). The bundle is a classic script, so it can be either.
    'build:manifestGenerated'(wxt, manifest) {
      const bg = manifest.background as { service_worker?: string; scripts?: string[] } | undefined;
      if (bg?.service_worker && !bg.scripts) bg.scripts = [bg.service_worker];
    },
    // Content scripts get a small stand-in for tldts (lib/detect/domain-lite.ts): the
    // public-suffix list alone would be 4x the content-script budget. Other bundles keep tldts.
    // They also use the browser's native promise-based `browser`/`chrome` object instead of
    // webextension-polyfill (10 KB): the few APIs they call (runtime messaging, storage, i18n,
    // getURL) return promises natively in MV3 Chrome and in Firefox.
    'vite:build:extendConfig'(entrypoints, config) {
      // …and so do the scripts injected into host pages on demand (lib/detect/on-demand.ts).
      const contentScripts = new Set<string>([...CONTENT_SCRIPTS.map((c) => c.script), ...DETECTOR_NAMES.map((n) => `detect-${n}`), 'page-skeleton']);
      if (!entrypoints.every((e) => e.type === 'content-script' || contentScripts.has(e.name))) return;
      const lite = fileURLToPath(new URL('./lib/detect/domain-lite.ts', import.meta.url));
      config.resolve ??= {};
      const alias = config.resolve.alias;
      const native = fileURLToPath(new URL('./node_modules/@wxt-dev/browser/src/index.mjs', import.meta.url));
      const entries = [
        { find: /^tldts$/, replacement: lite },
        { find: /^wxt\/browser$/, replacement: native },
      ];
      config.resolve.alias = Array.isArray(alias) ? [...entries, ...alias] : [...entries, ...Object.entries(alias ?? {}).map(([find, replacement]) => ({ find, replacement: replacement as string }))];
      // WXT's wrapper around an unlisted script's main() only adds plugin start-up (we have no
      // runtime plugins) and a logger that prints nothing in production builds: ~500 B of each
      // host-page script. This lean entry calls main() the same way.
      const WRAPPER = '\0virtual:wxt-unlisted-script-entrypoint?';
      config.plugins = [
        {
          name: 'kal:lean-unlisted-entry',
          enforce: 'pre' as const,
          load(id: string) {
            if (config.mode !== 'production' || !id.startsWith(WRAPPER)) return null;
            return `import definition from ${JSON.stringify(id.slice(WRAPPER.length))};\nexport default definition.main();\n`;
          },
        },
        ...(config.plugins ?? []),
      ];
    },
  },
  manifest: ({ browser }) => ({
    name: '__MSG_extName__',
    description: '__MSG_extDescription__',
    default_locale: 'en',
    // scripting: the page detectors and the skeleton copier are injected on demand (lib/detect/on-demand.ts)
    permissions: ['storage', 'unlimitedStorage', 'alarms', 'notifications', 'scripting'],
    host_permissions: [...HOST_MATCHES],
    // Team sync (README "Team sync", off by default): Settings asks permissions.request for the
    // ONE origin the user typed (a Dexie Cloud database: *.dexie.cloud, or a self-hosted one on
    // any https host, or on this computer); nothing is granted at install.
    optional_host_permissions: ['https://*/*', 'http://127.0.0.1/*', 'http://localhost/*'],
    // One content script per site family (lib/sites.ts), built as plain scripts (see
    // entrypoints/linkedin-content.ts for why not through defineContentScript).
    // At document_start: the script asks for its page's detector at once, which also wakes a
    // stopped service worker while the page is still loading; it mounts and reads the page once
    // the DOM is parsed (lib/overlay/content-script.ts).
    content_scripts: CONTENT_SCRIPTS.map((c) => ({ matches: [...c.matches], js: [`${c.script}.js`], run_at: 'document_start' as const })),
    // Only the sidebar page, only on the six sites, and (Chrome) only at a per-session URL that
    // a page cannot guess: it must be framed by our content script, which learns it from
    // runtime.getURL. Its scripts and styles load from its own origin and need no entry.
    web_accessible_resources: [
      { resources: ['sidebar.html'], matches: [...HOST_MATCHES], ...(browser === 'firefox' ? {} : { use_dynamic_url: true }) },
    ],
    content_security_policy: { extension_pages: EXTENSION_PAGES_CSP },
    commands: {
      'toggle-sidebar': {
        suggested_key: { default: 'Alt+Shift+K' },
        description: '__MSG_cmdToggle__',
      },
    },
    action: { default_title: '__MSG_extName__' },
    // In both builds: the Chrome zip is a valid cross-browser package too (`web-ext lint` clean);
    // Chrome ignores this key.
    browser_specific_settings: GECKO,
  }),
});
