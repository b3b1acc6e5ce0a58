// The only code that runs on LinkedIn pages: LinkedIn's detectors plus the shared overlay (mount and
// messaging, lib/overlay/content-script.ts). One content script per site family keeps each page's
// cost to its own detectors (README "Performance"); no React, no Dexie here.
import { LINKEDIN_MATCHES } from '@/lib/sites';
import { detectLinkedInPage } from '@/lib/detect/family/linkedin';
import { runOverlay } from '@/lib/overlay/content-script';

export default defineContentScript({
  matches: [...LINKEDIN_MATCHES],
  runAt: 'document_idle',
  // WXT would announce `<extension id>:<name>:wxt:content-script-started` to the page with
  // window.postMessage (a fingerprint); runOverlay uses its own lifecycle, not WXT's forgeable
  // context (lib/overlay/lifecycle.ts).
  noScriptStartedPostMessage: true,
  main() {
    runOverlay('linkedin', detectLinkedInPage);
  },
});
