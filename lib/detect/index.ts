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

/** detectPage without the safety net: throws if a site module fails. For tests and the CLI. */
export function detectPageStrict(doc: Document, url: URL): PageContext {
  const site = siteOf(url);
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
  return { site, kind: 'other', url: url.href };
}

/** Host page DOM → PageContext. Never throws: a page it cannot read is "other". */
export function detectPage(doc: Document, url: URL): PageContext {
  let site: Site = 'web';
  let href = '';
  try {
    href = typeof url?.href === 'string' ? url.href : '';
    site = siteOf(url);
    return detectPageStrict(doc, url);
  } catch {
    return { site, kind: 'other', url: href };
  }
}
