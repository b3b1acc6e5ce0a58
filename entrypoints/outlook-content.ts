// The only code declared on Outlook pages: the shared overlay (mount and messaging,
// lib/overlay/content-script.ts) and the family's URL routes. The detector of the page's kind is
// loaded on demand (lib/detect/on-demand.ts), only on pages that have one, so every page pays for
// ~6 KB instead of every detector of the family (README "Performance"); no React, no Dexie here.
//
// Declared in the manifest by wxt.config.ts (CONTENT_SCRIPTS in lib/sites.ts) and built as a
// plain script, not through WXT's defineContentScript: that wrapper always constructs WXT's
// ContentScriptContext (~3 KB, a quarter of the budget), which runOverlay does not use — its
// start-up event can be forged by the page (lib/overlay/lifecycle.ts).
import { outlookRoute } from '@/lib/detect/family/routes';
import { runOverlay } from '@/lib/overlay/content-script';

export default defineUnlistedScript(() => {
  runOverlay('outlook', outlookRoute);
});
