// LinkedIn profile pages (/in/<slug>/, any xx.linkedin.com host, /mwlite/in/<slug>). Layouts:
// - server-driven ("SDUI", 2026): top card under [componentkey$="Topcard"], hashed classes, name
//   in h2, employer and school as role="button" entity items (logo <figure> + <p> name);
// - classic (Ember): h1, the top card's entity list (button/link with a logo <img> and the name);
// - logged-out public profile and mobile guest page: h1, top-card entity items, JSON-LD Person
//   (read by lib/detect/linkedin-profile-ld.ts, which host pages load only when there is JSON-LD).
// Rules are structural (roles, element kinds, order, link shapes, logos, JSON-LD); no word list
// decides anything. Only the top card names the employer: side rails list other people and
// companies, and the headline often names another company (it is a fallback only).
import type { PageCompany, PageContext, PagePerson } from '../types';
import { canonicalCompanyUrl, canonicalProfileUrl, profileSlug } from './urls';
import { cleanName, displayNameKey, linkedInTitle, splitHeadline, textOf } from './text';
import { LD_SCRIPTS, type LdPerson } from './json-ld';
import { PROFILE_LD, type ProfileLd } from './linkedin-profile-ld';
import type { NeedsPart } from './on-demand';

const NOT_CARD = 'aside, [role="dialog"], [role="complementary"], li.pv-browsemap-section__member-container';
const URN_SLUG = /^acoa[a-z0-9_-]{10,}$/i;
/** Degree / pronoun markers next to the name: "· 1st", "• 2e", "(She/Her)" — punctuation-shaped. */
const MARKER = /^\s*([·•]|\(.*\)$)/;
const INLINE = /^(SPAN|STRONG|EM|B|I|BR|SMALL|BDI|TIME)$/;
/** Counters ("500+ connections", "plus de 500 relations"): digits are the structural sign. */
const COUNTER = /^\D{0,20}\d[\d\s.,+]*\+?\s*\p{L}+(\s\p{L}+)?$/u;

export type ProfileLayout = 'sdui' | 'classic' | 'guest';
interface Card {
  el: Element;
  layout: ProfileLayout;
}
interface Entity {
  el: Element;
  name: string;
  companyUrl?: string;
  logo?: string;
  school: boolean;
}

function topCard(doc: Document, ld: LdPerson | undefined): Card | undefined {
  const s = doc.querySelector('section[componentkey$="Topcard"]') || doc.querySelector('[componentkey$="Topcard"]');
  if (s) return { el: s, layout: 'sdui' };
  const h1 =
    doc.querySelector('main section[data-member-id] h1, main .pv-top-card h1') ||
    Array.from(doc.querySelectorAll('main h1')).find((h) => !h.closest(NOT_CARD)) ||
    Array.from(doc.querySelectorAll('h1')).find((h) => !h.closest(NOT_CARD));
  if (!h1) return undefined;
  const guest = !!ld || !!doc.querySelector('[data-section^="currentPosition"]');
  return { el: h1.closest('section') || h1.parentElement || h1, layout: guest ? 'guest' : 'classic' };
}

/** "Comes after `ref` in the card" from one document-order walk (compareDocumentPosition per
 * element costs the tree depth each time: deep hostile markup made it quadratic). */
function afterIn(card: Element, ref: Element): (x: Element) => boolean {
  const all = card.querySelectorAll('*');
  const idx = new Map<Element, number>();
  for (let i = 0; i < all.length && i < 8000; i++) idx.set(all[i], i);
  const r = idx.get(ref) ?? Infinity;
  return (x) => (idx.get(x) ?? -1) > r;
}

/** Key of a logo image: the URL path without LinkedIn's size tokens (…_100_100, …_200_200). */
export function logoKey(el: Element | null | undefined): string | undefined {
  const img = el?.matches('img') ? el : el?.querySelector('img[src]');
  const src = img?.getAttribute('src');
  if (!src || /^data:/.test(src)) return undefined;
  try {
    const u = new URL(src, 'https://www.linkedin.com');
    // static.licdn.com serves the same ghost placeholder for every entity without a logo
    if (!/(^|\.)media\.licdn\.com$|^media-exp\d*\./.test(u.hostname) && !/\/dms\/image\//.test(u.pathname)) return undefined;
    return u.pathname.replace(/_\d+_\d+/g, '').replace(/\/(shrink|scale)_[^/]*/g, '');
  } catch {
    return undefined;
  }
}

/** Texts that name an entity inside `el`: leaf texts split on " · ", logo alt / aria-label. */
function entityTexts(el: Element): string[] {
  const out: string[] = [];
  const nodes = el.querySelectorAll('p, span, div, h3, h4, img[alt], figure[aria-label]');
  for (let i = 0; i < nodes.length && i < 120; i++) {
    const n = nodes[i];
    const alt = n.getAttribute('alt') || (n.tagName === 'FIGURE' ? n.getAttribute('aria-label') : null);
    if (alt) out.push(alt);
    else if (n.tagName !== 'IMG' && !n.querySelector('p, span, div, h3, h4')) {
      const t = textOf(n);
      if (t) out.push(...t.split(/\s+[·•]\s+/));
    }
  }
  return out;
}

/** Does `el` name the same entity as `name`? Whole-text match, or a logo alt "<name> <suffix>". */
function names(el: Element, name: string): boolean {
  const k = displayNameKey(name);
  if (!k) return false;
  return entityTexts(el).some((t) => {
    const x = displayNameKey(t);
    return x === k || (x.startsWith(k + ' ') && x.length - k.length <= 12);
  });
}

/** Profile sections by code identifiers (not labels): SDUI componentkeys, classic anchor ids, guest data-section. */
function section(doc: Document, which: 'Experience' | 'Education'): Element | undefined {
  const id = which.toLowerCase();
  return (
    doc.querySelector(`[componentkey$="${which}TopLevelSection"]`) ||
    doc.getElementById(id)?.closest('section') ||
    doc.querySelector(`section[data-section="${id === 'experience' ? 'experience' : 'educations'}"]`) ||
    undefined
  );
}

/** Items of a profile section, in order: SDUI entity-collection items, else list items. */
function sectionItems(sec: Element | undefined): Element[] {
  if (!sec) return [];
  const sdui = sec.querySelectorAll('[componentkey^="entity-collection-item"]');
  if (sdui.length) return Array.from(sdui).slice(0, 30);
  const lis = Array.from(sec.querySelectorAll('li')).filter((li) => !li.parentElement?.closest('li'));
  return lis.slice(0, 30);
}

/** A company link's canonical URL ("/company/<x>/", "/showcase/<x>/", any host). */
const companyHref = (a: Element): string | undefined => canonicalCompanyUrl(a.getAttribute('href'));

/**
 * Entity items of the top card, in page order: clickable elements (link, button, role="button",
 * guest top-card link) after the name that hold a logo (img/figure) and a visible name. Links to
 * people, searches and overlays are not entities; links to /school/ are schools.
 */
function entities(card: Element, after: (x: Element) => boolean): Entity[] {
  const out: Entity[] = [];
  const cands = card.querySelectorAll('a[href], button, [role="button"], [data-test-id="top-card-link"]');
  for (let i = 0; i < cands.length && i < 300 && out.length < 6; i++) {
    const c = cands[i];
    if (!after(c)) continue;
    if (c.closest('[role="dialog"], [aria-modal="true"]') || out.some((e) => e.el.contains(c))) continue;
    if (c.closest('[aria-hidden="true"], [role="menu"]')) continue;
    // a logo marks an entity; so does being the one control of a list item (hand-made or logo-less pages)
    const li = c.closest('li');
    if (!c.querySelector('img, figure') && !(li && card.contains(li) && Array.from(li.querySelectorAll('a, button, [role="button"]')).filter((x) => textOf(x)).length === 1)) continue;
    // a guest page marks its top-card items: current positions, schools, websites
    const sec = c.closest('[data-section]')?.getAttribute('data-section') || '';
    if (sec && !/^(currentPosition|education)/i.test(sec)) continue;
    let school = /^education/i.test(sec);
    let companyUrl: string | undefined;
    const href = c.tagName === 'A' ? (c.getAttribute('href') || '').trim() : '';
    if (href && href !== '#') {
      companyUrl = companyHref(c);
      if (!companyUrl) {
        if (/\/school\//.test(href)) school = true;
        else continue;
      }
    }
    const name = cleanName(textOf(c));
    if (!name || c.querySelector('h1, h2')) continue;
    out.push({ el: c, name, companyUrl, logo: logoKey(c), school });
  }
  return out;
}

/** Is this entity the person's school rather than an employer? Cross-checked with the sections. */
function isSchool(doc: Document, e: Entity): boolean {
  if (e.school) return true;
  if (e.companyUrl) return false;
  const logoIn = (items: Element[]) => !!e.logo && items.some((it) => Array.from(it.querySelectorAll('img[src]')).some((img) => logoKey(img) === e.logo));
  const inSec = (items: Element[]) => logoIn(items) || items.some((it) => names(it, e.name));
  const edu = sectionItems(section(doc, 'Education'));
  return inSec(edu) && !inSec(sectionItems(section(doc, 'Experience')));
}

/**
 * Company URL of the employer when the top card has none: the Experience section's position of
 * that employer (logo or name matches), else another card of the profile's main column
 * (Highlights, Interests) naming it. Never a side rail, never the activity feed.
 */
function employerUrl(doc: Document, card: Element, e: Entity): string | undefined {
  const same = (box: Element) =>
    (!!e.logo && Array.from(box.querySelectorAll('img[src]')).some((img) => logoKey(img) === e.logo)) || names(box, e.name);
  for (const it of sectionItems(section(doc, 'Experience'))) {
    const a = Array.from(it.querySelectorAll('a[href]')).find(companyHref);
    if (a && same(it)) return companyHref(a);
  }
  const main = doc.querySelector('main') || doc.body;
  const links = main ? main.querySelectorAll('a[href*="/company/"], a[href*="/showcase/"]') : [];
  for (let i = 0; i < links.length && i < 200; i++) {
    const a = links[i];
    if (card.contains(a) || a.closest('aside, [role="complementary"], [role="listitem"], [role="dialog"], [componentkey$="Activity"]')) continue;
    const url = companyHref(a);
    if (!url) continue;
    // the link itself, or its card row (logo link + text link side by side)
    const box = a.parentElement?.parentElement || a;
    if (same(a) || (box.querySelectorAll('a[href*="/company/"]').length <= 3 && names(box, e.name) && Array.from(box.querySelectorAll('a[href]')).every((x) => !companyHref(x) || companyHref(x) === url)))
      return url;
  }
  return undefined;
}

/**
 * The location line: in every layout it shares a row with the "contact info" control (a link, a
 * modal trigger or a button) — the first text of that row. undefined when no such row exists.
 */
function locationRow(card: Element, after: (x: Element) => boolean): { el: Element; text: string } | undefined {
  const rows = card.querySelectorAll('div, h3');
  for (let i = 0; i < rows.length && i < 400; i++) {
    const r = rows[i];
    // Bounds on the row's own children are loose: icons, separators and empty wrappers are noise;
    // the 2–4 children with visible text below are what make it the location row.
    if (r.childElementCount < 2 || r.childElementCount > 24 || !after(r)) continue;
    if (r.closest('[aria-hidden="true"], [role="dialog"], [aria-modal="true"]')) continue;
    const kids = Array.from(r.children).filter((k) => k.getAttribute('aria-hidden') !== 'true' && textOf(k));
    if (kids.length < 2 || kids.length > 4) continue;
    const first = kids[0];
    if (first.matches('a, button, [role="button"], [data-modal]') || first.querySelector('a, button, [role="button"], [data-modal], img, figure')) continue;
    const ctl = kids.slice(1).find((k) => k.matches('a, [data-modal]') || k.querySelector('a[href], [data-modal]'));
    if (!ctl) continue;
    const t = textOf(first);
    if (t && !MARKER.test(t) && !COUNTER.test(t)) return { el: first, text: t };
  }
  return undefined;
}

/** A LinkedIn profile page → its context (person, employer), every layout. Throws on failure. */
export function detectLinkedInProfile(doc: Document, url: URL): PageContext {
  return detectProfile(doc, url, PROFILE_LD);
}

/**
 * The profile detector as host pages load it (entrypoints/detect-linkedin-profile.ts): the same
 * answer as detectLinkedInProfile, given the JSON-LD part (`ld`, injected on demand) whenever
 * the page carries a JSON-LD block; without it on such a page, `{ needs: 'linkedin-profile-ld' }`.
 * Pages without JSON-LD (every logged-in layout) are read without it: its reader finds nothing there.
 */
export function detectProfileOnDemand(doc: Document, url: URL, ld: ProfileLd | undefined): PageContext | NeedsPart {
  if (!doc.querySelector(LD_SCRIPTS)) return detectProfile(doc, url, undefined);
  return ld ? detectProfile(doc, url, ld) : { needs: 'linkedin-profile-ld' };
}

function detectProfile(doc: Document, url: URL, ldPart: ProfileLd | undefined): PageContext {
  const base = { site: 'linkedin' as const, kind: 'profile' as const, url: url.href };
  const urlSlug = profileSlug(url);
  let linkedinUrl = canonicalProfileUrl(url);
  // Sub pages such as /details/experience/ list sections without the top card.
  const sub = /^\/(mwlite\/)?in\/[^/]+\/(details|recent-activity)\//.test(url.pathname);
  const ld = sub ? undefined : ldPart?.read(doc);
  const card = sub ? undefined : topCard(doc, ld);
  if (!card) {
    const fromLd = ld && ldPart?.page(ld, base, linkedinUrl);
    return fromLd || { ...base, person: { linkedinUrl }, partial: { reason: 'layout-not-understood' } };
  }
  const el = card.el;

  // Does the card belong to this URL? (after SPA navigation the old card stays a moment)
  const contact = el.querySelector('a[href*="/overlay/contact-info"]');
  const cardSlug = profileSlug(contact?.getAttribute('href'));
  if (cardSlug && urlSlug && cardSlug !== urlSlug) {
    if (!URN_SLUG.test(urlSlug)) return { ...base, person: { linkedinUrl }, partial: { reason: 'stale-or-unrendered' } };
    linkedinUrl = canonicalProfileUrl(contact!.getAttribute('href'));
  }

  const nameEl =
    (card.layout === 'sdui'
      ? Array.from(el.querySelectorAll('h1, h2')).find((h) => textOf(h) && !h.closest('[role="dialog"]'))
      : el.querySelector('h1')) || undefined;
  const name = cleanName(textOf(nameEl)) || cleanName(ld?.name) || cleanName(linkedInTitle(doc)?.split(/\s[-–|]\s/)[0]);
  if (!name || !nameEl) return { ...base, person: { linkedinUrl }, partial: { reason: 'layout-not-understood' } };

  const after = afterIn(el, nameEl);
  const items = entities(el, after);
  const firstEntity = items[0];

  // Lines of the card: headline, "Company · School" line, location row.
  const loc = locationRow(el, after);
  let location = loc?.text;
  let headline: string | undefined;
  const lines = Array.from(el.querySelectorAll(card.layout === 'sdui' ? 'p' : 'p, div, h2, h3'))
    .slice(0, 200)
    .filter((p) => after(p) && Array.from(p.children).every((c) => INLINE.test(c.tagName) && c.childElementCount <= 3))
    .filter((p) => !p.closest('a, button, [role="button"], [data-test-id], [role="dialog"], [aria-hidden="true"]'))
    .filter((p) => !p.querySelector('p, div, a, button, img, figure, ul'))
    .filter((p) => !loc || !loc.el.parentElement?.contains(p));
  // SDUI: pronoun and degree markers share the name's row; the headline is outside it
  let nameRow: Element = nameEl;
  if (card.layout === 'sdui')
    for (let n = nameEl.parentElement, i = 0; n && n !== el && i < 12; n = n.parentElement, i++) {
      nameRow = n;
      if (Array.from(n.querySelectorAll('p')).some((p) => !nameEl.contains(p) && textOf(p))) break;
    }
  const entityLine = (t: string) => !!firstEntity && t.split(/\s+[·•]\s+/).some((seg) => items.some((e) => displayNameKey(e.name) === displayNameKey(seg)));
  for (const p of lines) {
    const t = textOf(p);
    if (nameRow !== nameEl && nameRow.contains(p)) continue;
    if (!t || MARKER.test(t) || COUNTER.test(t) || t === name || displayNameKey(t) === displayNameKey(name)) continue;
    if (entityLine(t)) continue;
    headline = t;
    break;
  }
  if (card.layout === 'classic') headline = textOf(el.querySelector('.text-body-medium')) || headline;
  if (!location) location = textOf(el.querySelector('.text-body-small.inline')) || ld?.locality;
  if (location && headline === location) headline = undefined;

  const split = splitHeadline(headline);
  // Employer: the first top-card entity that is not a school (on guest pages the JSON-LD part
  // cross-checks it with the Person's worksFor, and names the company when the card has none).
  const employer = items.find((e) => !isSchool(doc, e));
  const companyOf = (e: Entity | undefined) => ({ name: e?.name, url: e && (e.companyUrl || employerUrl(doc, el, e)) });
  let { name: companyName, url: companyUrl } = ld && ldPart ? ldPart.company(ld, items, employer, companyOf) : companyOf(employer);
  // Last resort: "Title at Company" in the headline (never over a top-card entity).
  if (!companyName && !items.length && split?.strong) companyName = cleanName(split.company);

  const person: PagePerson = { name, linkedinUrl };
  if (headline) person.headline = headline;
  const title = split?.title || (ld?.jobTitles.length === 1 ? ld.jobTitles[0] : undefined);
  if (title) person.title = title;
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
