// The only code that runs on Gmail pages: Gmail's detectors plus the shared overlay (mount and
// messaging, lib/overlay/content-script.ts). One content script per site family keeps each page's
// cost to its own detectors (README "Performance"); no React, no Dexie here.
import { GMAIL_MATCHES } from '@/lib/sites';
import { detectGmailPage } from '@/lib/detect/family/gmail';
import { runOverlay } from '@/lib/overlay/content-script';

export default defineContentScript({
  matches: [...GMAIL_MATCHES],
  runAt: 'document_idle',
  main(ctx) {
    runOverlay(ctx, 'gmail', detectGmailPage);
  },
});
