// Sales Navigator lead (/sales/lead/<id>,...) and account (/sales/company/<id>) pages.
// data-anonymize attributes are the stable hooks; search and "related" cards reuse them, so
// read the first one outside lists, side panels and dialogs, and stay inside its card.
import type { PageCompany, PageContext, PagePerson } from '../types';
import { canonicalProfileUrl, cleanWebsite, isSalesNavAccountUrl, isSalesNavLeadUrl, registrableDomain, salesNavCompanyUrl } from './urls';
import { firstOutside, splitHeadline, textOf } from './text';

const NOISE = 'li, aside, [role="dialog"], [role="listitem"], [role="list"], [role="complementary"]';
const anon = (k: string) => `[data-anonymize="${k}"]`;
const WEBSITE = /^(website|site web|site internet|webseite|visit website|voir le site web)\b/i;

/** Lead id: the first segment of /sales/lead/<id>,<type>,<token> (an opaque ACwAA… member id). */
export function salesNavLeadId(u: URL | string | null | undefined): string | undefined {
  const m = u ? /\/sales\/lead\/([A-Za-z0-9_-]{1,120})(?:[,/?#]|$)/.exec(typeof u === 'string' ? u : u.pathname) : null;
  return m ? m[1] : undefined;
}
/** Account id of /sales/company/<id> (LinkedIn's organisation id). */
export function salesNavAccountId(u: URL | string | null | undefined): string | undefined {
  const m = u ? /\/sales\/company\/([A-Za-z0-9_-]{1,120})(?:[,/?#]|$)/.exec(typeof u === 'string' ? u : u.pathname) : null;
  return m ? m[1] : undefined;
}

function cardOf(el: Element): Element {
  let c = el.closest('section, header') || el;
  // Grow to a container that holds more than the name line (bounded).
  for (let i = 0; i < 4 && c.parentElement && c.querySelectorAll('[data-anonymize]').length < 2; i++) c = c.parentElement;
  return c;
}

export function detectSalesNavLead(doc: Document, url: URL): PageContext {
  const base = { site: 'linkedin' as const, kind: 'profile' as const, url: url.href };
  const nameEl = firstOutside(doc, anon('person-name'), NOISE);
  const name = textOf(nameEl);
  if (!nameEl || !name) {
    const leadId = salesNavLeadId(url);
    return { ...base, ...(leadId ? { person: { salesNavLeadId: leadId } } : {}), partial: { reason: 'layout-not-understood' } };
  }
  const card = cardOf(nameEl);
  const headline = textOf(card.querySelector(anon('headline')));
  const split = splitHeadline(headline);
  const title = textOf(card.querySelector(anon('job-title'))) || split?.title;
  const location = textOf(card.querySelector(anon('location')));
  const companyName = textOf(card.querySelector(anon('company-name'))) || (split?.strong ? split.company : undefined);
  const profileLink = Array.from(card.querySelectorAll('a[href*="/in/"]')).find((a) =>
    canonicalProfileUrl(a.getAttribute('href')),
  );
  const companyLink = card.querySelector('a[href*="/sales/company/"]');

  const person: PagePerson = { name };
  const li = canonicalProfileUrl(profileLink?.getAttribute('href'));
  if (li) person.linkedinUrl = li;
  if (headline) person.headline = headline;
  if (title) person.title = title;
  if (location) person.location = location;
  const leadId = salesNavLeadId(url);
  if (leadId) person.salesNavLeadId = leadId;
  const out: PageContext = { ...base, person };
  const cu = salesNavCompanyUrl(companyLink?.getAttribute('href'));
  if (companyName || cu) {
    const company: PageCompany = {};
    if (companyName) company.name = companyName;
    if (cu) company.linkedinUrl = cu;
    const aid = salesNavAccountId(companyLink?.getAttribute('href'));
    if (aid) company.salesNavAccountId = aid;
    out.company = company;
  }
  return out;
}

export function detectSalesNavAccount(doc: Document, url: URL): PageContext {
  const base = { site: 'linkedin' as const, kind: 'company' as const, url: url.href };
  const linkedinUrl = salesNavCompanyUrl(url);
  const nameEl = firstOutside(doc, anon('company-name'), NOISE);
  const name = textOf(nameEl);
  if (!nameEl || !name) return { ...base, company: { linkedinUrl }, partial: { reason: 'layout-not-understood' } };
  const card = cardOf(nameEl);
  const industry = textOf(card.querySelector(anon('industry')) || firstOutside(doc, anon('industry'), NOISE));
  const links = Array.from(card.querySelectorAll('a[href]')).slice(0, 80);
  const labelled = links.find(
    (a) => WEBSITE.test(textOf(a) || a.getAttribute('aria-label') || '') || /website/i.test(a.getAttribute('data-control-name') || ''),
  );
  let website = cleanWebsite(labelled?.getAttribute('href'));
  if (!website) for (const a of links) if ((website = cleanWebsite(a.getAttribute('href')))) break;

  const company: PageCompany = { name, linkedinUrl };
  const aid = salesNavAccountId(url);
  if (aid) company.salesNavAccountId = aid;
  if (website) {
    company.website = website;
    const d = registrableDomain(website);
    if (d) company.domain = d;
  }
  if (industry) company.industry = industry;
  return { ...base, company };
}

/** A Sales Navigator lead or account page (the on-demand `sales-navigator` detector); undefined elsewhere. */
export function detectSalesNavigator(doc: Document, url: URL): PageContext | undefined {
  return isSalesNavLeadUrl(url) ? detectSalesNavLead(doc, url) : isSalesNavAccountUrl(url) ? detectSalesNavAccount(doc, url) : undefined;
}
