// On-demand detector of Sales Navigator lead and account pages: injected by the background into the
// content script's isolated world when the family's content script meets such a page
// (lib/detect/on-demand.ts), where it leaves the detector for the content script.
import { detectSalesNavigator } from '@/lib/detect/sales-navigator';
import { provide } from '@/lib/overlay/slot';

export default defineUnlistedScript(() => {
  provide('sales-navigator', detectSalesNavigator);
});
