// The only code that runs on Outlook pages: Outlook's detectors plus the shared overlay (mount and
// messaging, lib/overlay/content-script.ts). One content script per site family keeps each page's
// cost to its own detectors (README "Performance"); no React, no Dexie here.
import { OUTLOOK_MATCHES } from '@/lib/sites';
import { detectOutlookPage } from '@/lib/detect/family/outlook';
import { runOverlay } from '@/lib/overlay/content-script';

export default defineContentScript({
  matches: [...OUTLOOK_MATCHES],
  runAt: 'document_idle',
  // WXT would announce `<extension id>:<name>:wxt:content-script-started` to the page with
  // window.postMessage (a fingerprint); runOverlay uses its own lifecycle, not WXT's forgeable
  // context (lib/overlay/lifecycle.ts).
  noScriptStartedPostMessage: true,
  main() {
    runOverlay('outlook', detectOutlookPage);
  },
});
