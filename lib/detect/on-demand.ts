// Code that host pages load only when they need it (README "Performance"): each page kind's
// detector, and the page-skeleton copier. The background injects one with
// `scripting.executeScript` into the content script's own isolated world (the page cannot see
// it) when the content script asks for it (`detector.load`) — once per page, not per SPA
// navigation. Why: every page of the three sites runs its family's content script, but most
// (LinkedIn's feed, search, messaging) read nothing, and a profile page needs only the profile
// detector; each file stays under the 12 KB budget that one script holding them all exceeded.
// Types and names only here: the content script imports this.

/**
 * Page detectors loaded on demand, each built from entrypoints/detect-<name>.ts, and the parts
 * a detector asks for only on the pages that need them (`NeedsPart`): 'linkedin-profile-ld',
 * the profile detector's JSON-LD reader, which only logged-out (guest) profiles need.
 */
export const DETECTOR_NAMES = ['linkedin-profile', 'linkedin-profile-ld', 'linkedin-company', 'sales-navigator', 'gmail', 'outlook'] as const;
export type DetectorName = (typeof DETECTOR_NAMES)[number];
/**
 * What an injected detector returns instead of a page context when this page needs another
 * on-demand part first: the content script asks the background for it, then reads the page again.
 */
export interface NeedsPart {
  needs: DetectorName;
}
/** Everything that can be injected: the detectors and the page-skeleton copier (entrypoints/page-skeleton.ts). */
export type OnDemandName = DetectorName | 'page-skeleton';

/** The built file of an on-demand script, as `scripting.executeScript({ files })` takes it. */
export const onDemandFile = (name: OnDemandName): string => (name === 'page-skeleton' ? '/page-skeleton.js' : `/detect-${name}.js`);

/** Which family's pages a detector reads (the background injects it into that family's pages only). */
export const DETECTOR_SITE: Record<DetectorName, 'linkedin' | 'gmail' | 'outlook'> = {
  'linkedin-profile': 'linkedin',
  'linkedin-profile-ld': 'linkedin',
  'linkedin-company': 'linkedin',
  'sales-navigator': 'linkedin',
  gmail: 'gmail',
  outlook: 'outlook',
};
