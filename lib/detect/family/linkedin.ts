// LinkedIn family (profiles, company pages, Sales Navigator): the only detectors the LinkedIn
// content script ships (entrypoints/linkedin.content.ts).
import type { PageContext } from '../../types';
import { isLinkedInCompanyUrl, isLinkedInProfileUrl, isSalesNavAccountUrl, isSalesNavLeadUrl } from '../urls';
import { detectLinkedInProfile } from '../linkedin-profile';
import { detectLinkedInCompany } from '../linkedin-company';
import { detectSalesNavAccount, detectSalesNavLead } from '../sales-navigator';
import { neverThrows } from './safe';

/** A LinkedIn URL's page context; undefined for routes we do not read (feed, search…). Throws on failure. */
export function detectLinkedInStrict(doc: Document, url: URL): PageContext | undefined {
  if (isLinkedInProfileUrl(url)) return detectLinkedInProfile(doc, url);
  if (isLinkedInCompanyUrl(url)) return detectLinkedInCompany(doc, url);
  if (isSalesNavLeadUrl(url)) return detectSalesNavLead(doc, url);
  if (isSalesNavAccountUrl(url)) return detectSalesNavAccount(doc, url);
  return undefined;
}

/** LinkedIn page → PageContext; never throws. */
export const detectLinkedInPage = neverThrows('linkedin', detectLinkedInStrict);
