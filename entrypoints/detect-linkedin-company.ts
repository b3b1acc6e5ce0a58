// On-demand detector of LinkedIn company and showcase pages: injected by the background into the
// content script's isolated world when the family's content script meets such a page
// (lib/detect/on-demand.ts), where it leaves the detector for the content script.
import { detectLinkedInCompany } from '@/lib/detect/linkedin-company';
import { provide } from '@/lib/overlay/slot';

export default defineUnlistedScript(() => {
  provide('linkedin-company', detectLinkedInCompany);
});
