// The only code that runs on Outlook pages: Outlook's detectors plus the shared overlay (mount and
// messaging, lib/overlay/content-script.ts). One content script per site family keeps each page's
// cost to its own detectors (README "Performance"); no React, no Dexie here.
import { OUTLOOK_MATCHES } from '@/lib/sites';
import { detectOutlookPage } from '@/lib/detect/family/outlook';
import { runOverlay } from '@/lib/overlay/content-script';

export default defineContentScript({
  matches: [...OUTLOOK_MATCHES],
  runAt: 'document_idle',
  main(ctx) {
    runOverlay(ctx, 'outlook', detectOutlookPage);
  },
});
