// LinkedIn family (profiles, company pages, Sales Navigator): its routes (lib/detect/family/routes.ts)
// and the detector of each, loaded on demand by the LinkedIn content script (lib/detect/on-demand.ts).
import type { PageContext } from '../../types';
import { detectLinkedInProfile } from '../linkedin-profile';
import { detectLinkedInCompany } from '../linkedin-company';
import { detectSalesNavigator } from '../sales-navigator';
import { linkedInRoute } from './routes';
import { neverThrows } from './safe';

/** A LinkedIn URL's page context; undefined for routes we do not read (feed, search…). Throws on failure. */
export function detectLinkedInStrict(doc: Document, url: URL): PageContext | undefined {
  switch (linkedInRoute(url)) {
    case 'linkedin-profile':
      return detectLinkedInProfile(doc, url);
    case 'linkedin-company':
      return detectLinkedInCompany(doc, url);
    case 'sales-navigator':
      return detectSalesNavigator(doc, url);
    default:
      return undefined;
  }
}

/** LinkedIn page → PageContext; never throws. */
export const detectLinkedInPage = neverThrows('linkedin', detectLinkedInStrict);
