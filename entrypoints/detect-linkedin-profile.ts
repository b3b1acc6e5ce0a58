// On-demand detector of LinkedIn profile pages (/in/…, any xx.linkedin.com host, /mwlite/in/…): injected by the background into the
// content script's isolated world when the family's content script meets such a page
// (lib/detect/on-demand.ts), where it leaves the detector for the content script. On a page with
// JSON-LD (logged-out profiles) it asks for its JSON-LD part first (detect-linkedin-profile-ld.ts).
import { detectProfileOnDemand } from '@/lib/detect/linkedin-profile';
import type { ProfileLd } from '@/lib/detect/linkedin-profile-ld';
import { provide, provided } from '@/lib/overlay/slot';

export default defineUnlistedScript(() => {
  provide('linkedin-profile', (doc, url) => detectProfileOnDemand(doc, url, provided<ProfileLd>('linkedin-profile-ld')));
});
