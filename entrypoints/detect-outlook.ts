// On-demand detector of Outlook on the web mail: injected by the background into the
// content script's isolated world when the family's content script meets such a page
// (lib/detect/on-demand.ts), where it leaves the detector for the content script.
import { detectOutlook } from '@/lib/detect/outlook';
import { provide } from '@/lib/overlay/slot';

export default defineUnlistedScript(() => {
  provide('outlook', detectOutlook);
});
