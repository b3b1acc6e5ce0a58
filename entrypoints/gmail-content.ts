// The only code that runs on Gmail pages: Gmail's detectors plus the shared overlay (mount and
// messaging, lib/overlay/content-script.ts). One content script per site family keeps each page's
// cost to its own detectors (README "Performance"); no React, no Dexie here.
//
// Declared in the manifest by wxt.config.ts (CONTENT_SCRIPTS in lib/sites.ts) and built as a
// plain script, not through WXT's defineContentScript: that wrapper always constructs WXT's
// ContentScriptContext (~3 KB, a quarter of the budget), which runOverlay does not use — its
// start-up event can be forged by the page (lib/overlay/lifecycle.ts).
import { detectGmailPage } from '@/lib/detect/family/gmail';
import { runOverlay } from '@/lib/overlay/content-script';

export default defineUnlistedScript(() => {
  runOverlay('gmail', detectGmailPage);
});
