// "Copy page skeleton" (lib/detect/skeleton.ts), injected by the background into the content
// script's isolated world only when the user asks for a skeleton (lib/detect/on-demand.ts): a
// rarely used 3.7 KB that every page used to load.
import { pageSkeleton } from '@/lib/detect/skeleton';
import { provide } from '@/lib/overlay/slot';

export default defineUnlistedScript(() => {
  provide('page-skeleton', pageSkeleton);
});
