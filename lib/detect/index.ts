// detectPage: host page DOM → PageContext. Pure, synchronous, never throws.
import type { PageContext, Site } from '../types';
import {
  isGmailUrl,
  isLinkedInCompanyUrl,
  isLinkedInHost,
  isLinkedInProfileUrl,
  isOutlookHost,
  isOutlookUrl,
  isSalesNavAccountUrl,
  isSalesNavLeadUrl,
} from './urls';
import { detectLinkedInProfile } from './linkedin-profile';
import { detectLinkedInCompany } from './linkedin-company';
import { detectSalesNavAccount, detectSalesNavLead } from './sales-navigator';
import { detectGmail } from './gmail';
import { detectOutlook } from './outlook';

export function siteOf(url: URL): Site {
  const h = url.hostname;
  return isLinkedInHost(h) ? 'linkedin' : h === 'mail.google.com' ? 'gmail' : isOutlookHost(h) ? 'outlook' : 'web';
}

export function detectPage(doc: Document, url: URL): PageContext {
  let site: Site = 'web';
  let href = '';
  try {
    href = String(url.href);
    site = siteOf(url);
    if (site === 'linkedin') {
      if (isLinkedInProfileUrl(url)) return detectLinkedInProfile(doc, url);
      if (isLinkedInCompanyUrl(url)) return detectLinkedInCompany(doc, url);
      if (isSalesNavLeadUrl(url)) return detectSalesNavLead(doc, url);
      if (isSalesNavAccountUrl(url)) return detectSalesNavAccount(doc, url);
    } else if (site === 'gmail') {
      if (isGmailUrl(url)) return detectGmail(doc, url);
    } else if (site === 'outlook') {
      if (isOutlookUrl(url)) return detectOutlook(doc, url);
    }
  } catch {
    // fall through: a page we could not read is just "other"
  }
  return { site, kind: 'other', url: href };
}
