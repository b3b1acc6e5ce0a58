// Which on-demand page detector reads a URL of each site family (lib/detect/on-demand.ts). URL
// tests only, so each family's content script can ship this without any detector: a route with
// no detector (LinkedIn's feed, search, messaging…) loads none.
import type { Site } from '../../types';
import type { DetectorName } from '../on-demand';
import { isGmailUrl, isLinkedInCompanyUrl, isLinkedInProfileUrl, isOutlookUrl, isSalesNavAccountUrl, isSalesNavLeadUrl } from '../urls';

/** A site family's router: URL → the detector that reads it, or undefined for a route we do not read. */
export type DetectorRoute = (url: URL) => DetectorName | undefined;

export const linkedInRoute: DetectorRoute = (url) =>
  isLinkedInProfileUrl(url)
    ? 'linkedin-profile'
    : isLinkedInCompanyUrl(url)
      ? 'linkedin-company'
      : isSalesNavLeadUrl(url) || isSalesNavAccountUrl(url)
        ? 'sales-navigator'
        : undefined;

export const gmailRoute: DetectorRoute = (url) => (isGmailUrl(url) ? 'gmail' : undefined);

export const outlookRoute: DetectorRoute = (url) => (isOutlookUrl(url) ? 'outlook' : undefined);

export const ROUTES: Record<Exclude<Site, 'web'>, DetectorRoute> = { linkedin: linkedInRoute, gmail: gmailRoute, outlook: outlookRoute };
