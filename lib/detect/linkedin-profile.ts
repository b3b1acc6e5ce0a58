// LinkedIn profile pages (/in/<slug>/ and sub pages). Two layouts: classic (h1, utility classes)
// and server-driven (top card under [componentkey$="Topcard"], hashed classes, name in h2).
// Only the top card is read: side panels list other people and companies.
import type { PageCompany, PageContext, PagePerson } from '../types';
import { canonicalCompanyUrl, canonicalProfileUrl, profileSlug } from './urls';
import { clean, linkedInTitle, splitHeadline, textOf } from './text';

const NOT_CARD = 'aside, [role="dialog"], [role="complementary"], li.pv-browsemap-section__member-container';
const NOISE_P = /^(contact info|coordonnées|kontaktinformationen|·|•|\W*\d(st|nd|rd|th|er|e)\+?(\s+(degree|niveau)(\s+(connection|relation))?)?|\(?(he|she|they|il|elle|iel|er|sie)(\/\w+)*\)?)$|\d.*\b(connections?|relations?|followers?|abonnés|kontakte)\b/i;
const COMPANY_LABEL = /^(current company|entreprise actuelle|aktuelles unternehmen|empresa actual|azienda attuale)\s*:?\s*/i;
const CLICK_TAIL = /\.\s*(click|cliquez|klicken|haga clic|fai clic|clique)\b.*$/i;
const URN_SLUG = /^acoa[a-z0-9_-]{10,}$/i;

function topCard(doc: Document): { el: Element; sdui: boolean } | undefined {
  const s = doc.querySelector('[componentkey$="Topcard"]');
  if (s) return { el: s, sdui: true };
  const h1 =
    doc.querySelector('main section[data-member-id] h1, main .pv-top-card h1') ||
    Array.from(doc.querySelectorAll('main h1')).find((h) => !h.closest(NOT_CARD));
  return h1 ? { el: h1.closest('section') || h1.parentElement || h1, sdui: false } : undefined;
}

export function detectLinkedInProfile(doc: Document, url: URL): PageContext {
  const base = { site: 'linkedin' as const, kind: 'profile' as const, url: url.href };
  const urlSlug = profileSlug(url);
  let linkedinUrl = canonicalProfileUrl(url);
  // Sub pages such as /details/experience/ list sections without the top card.
  const card = /^\/in\/[^/]+\/(details|recent-activity)\//.test(url.pathname) ? undefined : topCard(doc);
  if (!card) return { ...base, person: { linkedinUrl }, partial: { reason: 'layout-not-understood' } };
  const el = card.el;

  // Does the card belong to this URL? (after SPA navigation the old card stays a moment)
  const contact = el.querySelector('a[href*="/overlay/contact-info"]');
  const cardSlug = profileSlug(contact?.getAttribute('href'));
  if (cardSlug && urlSlug && cardSlug !== urlSlug) {
    if (!URN_SLUG.test(urlSlug)) return { ...base, person: { linkedinUrl }, partial: { reason: 'stale-or-unrendered' } };
    linkedinUrl = canonicalProfileUrl(contact!.getAttribute('href'));
  }

  const nameEl = card.sdui
    ? Array.from(el.querySelectorAll('h1, h2')).find((h) => textOf(h))
    : el.querySelector('h1');
  const name = textOf(nameEl) || linkedInTitle(doc);
  if (!name) return { ...base, person: { linkedinUrl }, partial: { reason: 'layout-not-understood' } };

  let headline: string | undefined;
  let location: string | undefined;
  if (card.sdui) {
    const ps = Array.from(el.querySelectorAll('p'))
      .slice(0, 40)
      .filter((p) => !p.closest('a, button, [role="button"]'))
      .map((p) => ({ p, t: textOf(p) }))
      .filter((x) => x.t && !NOISE_P.test(x.t) && x.t !== name);
    headline = ps[0]?.t;
    const box = contact?.parentElement;
    const loc = box && ps.find((x) => x !== ps[0] && box.contains(x.p));
    location = (loc || (ps.length > 1 ? ps[ps.length - 1] : undefined))?.t;
  } else {
    headline = textOf(el.querySelector('.text-body-medium'));
    location = textOf(el.querySelector('.text-body-small.inline'));
  }

  // Current employer: the "Current company: X. Click to …" button, else the top-card company link.
  let companyName: string | undefined;
  const btn = Array.from(el.querySelectorAll('[aria-label]')).find((b) => COMPANY_LABEL.test(b.getAttribute('aria-label') || ''));
  if (btn) companyName = clean((btn.getAttribute('aria-label') || '').replace(COMPANY_LABEL, '').replace(CLICK_TAIL, '')) || textOf(btn);
  const link = Array.from(el.querySelectorAll('a[href*="/company/"], a[href*="/showcase/"]')).find((a) =>
    canonicalCompanyUrl(a.getAttribute('href')),
  );
  const companyUrl = canonicalCompanyUrl(link?.getAttribute('href'));
  if (!companyName && link) {
    const img = link.querySelector('img[alt]');
    companyName = textOf(link) || clean((img?.getAttribute('alt') || '').replace(/\s+(logo|logotype)$/i, ''));
  }
  const split = splitHeadline(headline);
  if (!companyName && split?.strong) companyName = split.company;

  const person: PagePerson = { name, linkedinUrl };
  if (headline) person.headline = headline;
  if (split?.title) person.title = split.title;
  if (location) person.location = location;
  const out: PageContext = { ...base, person };
  if (companyName || companyUrl) {
    const company: PageCompany = {};
    if (companyName) company.name = companyName;
    if (companyUrl) company.linkedinUrl = companyUrl;
    out.company = company;
  }
  return out;
}
