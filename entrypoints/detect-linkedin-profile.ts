// On-demand detector of LinkedIn profile pages (/in/…, any xx.linkedin.com host, /mwlite/in/…): injected by the background into the
// content script's isolated world when the family's content script meets such a page
// (lib/detect/on-demand.ts), where it leaves the detector for the content script.
import { detectLinkedInProfile } from '@/lib/detect/linkedin-profile';
import { provide } from '@/lib/overlay/slot';

export default defineUnlistedScript(() => {
  provide('linkedin-profile', detectLinkedInProfile);
});
