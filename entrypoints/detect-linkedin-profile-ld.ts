// The LinkedIn profile detector's JSON-LD part (lib/detect/linkedin-profile-ld.ts): injected by
// the background, like the detectors, only when the profile detector meets a page that carries
// JSON-LD — the logged-out (guest) profile pages (lib/detect/on-demand.ts).
import { PROFILE_LD } from '@/lib/detect/linkedin-profile-ld';
import { provide } from '@/lib/overlay/slot';

export default defineUnlistedScript(() => {
  provide('linkedin-profile-ld', PROFILE_LD);
});
