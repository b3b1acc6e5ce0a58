// LinkedIn company pages (/company/<x>/ and its tabs) and showcase pages (/showcase/<x>/).
import type { PageCompany, PageContext } from '../types';
import { canonicalCompanyUrl, cleanWebsite, registrableDomain } from './urls';
import { clean, linkedInTitle, textOf } from './text';

const WEBSITE_LABEL = /^(visit website|voir le site( web)?|website|site web|site internet|webseite( besuchen)?|visitar sitio web|sitio web|visita il sito web|sito web)\b/i;
const WEBSITE_DT = /^(website|site web|site internet|webseite|sitio web|sito web)$/i;
const INDUSTRY_DT = /^(industry|industrie|secteur|secteur d[’']activité|branche|sector|settore)$/i;

/** About tab: <dt>Label</dt><dd>value</dd>. */
function aboutDd(root: ParentNode, label: RegExp): Element | undefined {
  const dts = root.querySelectorAll('dt');
  for (let i = 0; i < dts.length && i < 60; i++) {
    if (!label.test(textOf(dts[i]) || '')) continue;
    for (let n = dts[i].nextElementSibling; n && n.tagName !== 'DT'; n = n.nextElementSibling) if (n.tagName === 'DD') return n;
  }
  return undefined;
}

export function detectLinkedInCompany(doc: Document, url: URL): PageContext {
  const base = { site: 'linkedin' as const, kind: 'company' as const, url: url.href };
  const linkedinUrl = canonicalCompanyUrl(url);
  const main: ParentNode = doc.querySelector('main') || doc;
  const h1 =
    doc.querySelector('h1.org-top-card-summary__title') ||
    Array.from(main.querySelectorAll('h1')).find((h) => !h.closest('aside, [role="dialog"]'));
  const card = h1?.closest('.org-top-card, section') || doc.querySelector('.org-top-card');
  const name = textOf(h1) || (card ? linkedInTitle(doc)?.split(/:\s/)[0] : undefined);
  if (!name || !card) return { ...base, company: { linkedinUrl }, partial: { reason: 'layout-not-understood' } };

  // Stale DOM after SPA navigation: the top card's own tab links point to another company.
  const own = new Set<string>();
  card.querySelectorAll('a[href*="/company/"], a[href*="/showcase/"]').forEach((a) => {
    const c = canonicalCompanyUrl(a.getAttribute('href'));
    if (c) own.add(c);
  });
  const numeric = (u?: string) => !!u && /\/company\/\d+\/$/.test(u);
  if (linkedinUrl && own.size && !own.has(linkedinUrl) && !numeric(linkedinUrl) && ![...own].some(numeric))
    return { ...base, company: { linkedinUrl }, partial: { reason: 'stale-or-unrendered' } };

  // Website: the top card's "Visit website" button, else the About list, else any external link in the card.
  const links = Array.from(card.querySelectorAll('a[href]')).slice(0, 80);
  const labelled = links.find((a) => WEBSITE_LABEL.test(textOf(a) || a.getAttribute('aria-label') || ''));
  const dd = aboutDd(main, WEBSITE_DT);
  let website =
    cleanWebsite(labelled?.getAttribute('href')) ||
    cleanWebsite(dd?.querySelector('a[href]')?.getAttribute('href')) ||
    cleanWebsite(textOf(dd));
  if (!website) for (const a of links) if ((website = cleanWebsite(a.getAttribute('href')))) break;

  const industry =
    textOf(aboutDd(main, INDUSTRY_DT)) || textOf(card.querySelector('.org-top-card-summary-info-list__info-item'));

  const company: PageCompany = { name, linkedinUrl };
  if (website) {
    company.website = website;
    const d = registrableDomain(website);
    if (d) company.domain = d;
  }
  if (industry) company.industry = clean(industry);
  return { ...base, company };
}
