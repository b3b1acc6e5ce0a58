// The JSON-LD part of the LinkedIn profile detector (lib/detect/linkedin-profile.ts). Logged-out
// (guest) profile pages, desktop and mobile, carry a schema.org Person block; the logged-in
// layouts (SDUI, classic) carry none. So host pages load this part only when the page has a
// JSON-LD block (entrypoints/detect-linkedin-profile-ld.ts, injected on demand): the profile
// detector every profile page loads stays ~1.3 KB smaller (README "Performance").
import type { PageCompany, PageContext, PagePerson } from '../types';
import { canonicalCompanyUrl, canonicalProfileUrl } from './urls';
import { cleanName, displayNameKey } from './text';
import { ldPerson, type LdPerson } from './json-ld';

/** What the profile detector needs from a page's JSON-LD. */
export interface ProfileLd {
  /** The page's schema.org Person (lib/detect/json-ld.ts ldPerson), or undefined. */
  read(doc: Document): LdPerson | undefined;
  /** A page with no top card but a JSON-LD Person (mobile guest page): its context, or undefined without a name. */
  page(ld: LdPerson, base: Pick<PageContext, 'site' | 'kind' | 'url'>, linkedinUrl: string | undefined): PageContext | undefined;
  /**
   * The company of a profile with a top card, as the JSON-LD settles it. `items`: the card's
   * entities in page order; `pick`: the detector's employer among them (first non-school);
   * `companyOf`: the detector's reading of an entity's company (name, company page URL).
   * The employer is `pick`, or the first entity the Person worksFor names when it does not name
   * `pick`; with no entity at all, the first worksFor; a company page URL the card lacks comes
   * from the worksFor entry of the same name.
   */
  company<E extends { name: string }>(ld: LdPerson, items: E[], pick: E | undefined, companyOf: (e: E | undefined) => LdCompany): LdCompany;
}
/** A company as the profile detector reads it: display name, canonical company page URL. */
export interface LdCompany {
  name?: string;
  url?: string;
}

function fromJsonLd(ld: LdPerson, base: Pick<PageContext, 'site' | 'kind' | 'url'>, linkedinUrl: string | undefined): PageContext | undefined {
  const name = cleanName(ld.name);
  if (!name) return undefined;
  const person: PagePerson = { name, linkedinUrl: linkedinUrl || canonicalProfileUrl(ld.url) };
  if (ld.locality) person.location = ld.locality;
  if (ld.jobTitles[0]) person.title = ld.jobTitles[0];
  const out: PageContext = { ...base, person };
  const w = ld.worksFor[0];
  if (w) {
    const company: PageCompany = {};
    const n = cleanName(w.name);
    const u = canonicalCompanyUrl(w.url) || canonicalCompanyUrl(w.sameAs);
    if (n) company.name = n;
    if (u) company.linkedinUrl = u;
    if (n || u) out.company = company;
  }
  return out;
}

function company<E extends { name: string }>(ld: LdPerson, items: E[], pick: E | undefined, companyOf: (e: E | undefined) => LdCompany): LdCompany {
  const named = (e: E) => ld.worksFor.some((w) => displayNameKey(w.name) === displayNameKey(e.name));
  const first = ld.worksFor[0];
  if (!items.length && first) return { name: cleanName(first.name), url: canonicalCompanyUrl(first.url) };
  const employer = pick && ld.worksFor.length && !named(pick) ? items.find(named) : pick;
  const c = companyOf(employer);
  if (employer && !c.url) c.url = canonicalCompanyUrl(ld.worksFor.find((w) => displayNameKey(w.name) === displayNameKey(employer.name))?.url);
  return c;
}

export const PROFILE_LD: ProfileLd = { read: ldPerson, page: fromJsonLd, company };
