// On-demand detector of Gmail (mail.google.com/mail/…): injected by the background into the
// content script's isolated world when the family's content script meets such a page
// (lib/detect/on-demand.ts), where it leaves the detector for the content script.
import { detectGmail } from '@/lib/detect/gmail';
import { provide } from '@/lib/overlay/slot';

export default defineUnlistedScript(() => {
  provide('gmail', detectGmail);
});
