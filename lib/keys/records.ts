// The key fields of stored records made canonical: what the repository stores, what a backup
// restore and the schema migration re-key, what the forms preview. Clean FIRST, then validate:
// a pasted URL in "domains", an address, a LinkedIn URL with tracking are all accepted as keys.
import { cleanWebsite } from '../detect/urls';
import { domainKey, emailKey, hostKey, websiteDomainKey } from './domains';
import { canonicalCompanyUrl, canonicalProfileUrl } from './linkedin';

/** One value that cannot become a key, with the field path and the reason (English). */
export interface KeyProblem {
  field: string;
  value: string;
  /** why, for the UI's translated message (i18n key `keyProblem_<code>`) */
  code: 'not_domain' | 'public_suffix' | 'not_website' | 'profile_not_company' | 'not_company_page' | 'not_profile' | 'not_email';
  message: string;
  /** public_suffix: the suffix itself, lower case ("uk.com") */
  host?: string;
}

const uniq = <T>(xs: T[]): T[] => [...new Set(xs)];

/** Why a domain-field value gives no domain key (for the form and the repository's error). */
export function domainProblem(value: string): { code: 'not_domain' | 'public_suffix'; message: string; host?: string } {
  const h = hostKey(value);
  if (!h) return { code: 'not_domain', message: `“${value}” is not a domain, website or email address` };
  return { code: 'public_suffix', host: h, message: `“${value}” is a public suffix shared by many companies, not one company's domain: enter the full domain (e.g. name.${h})` };
}

export interface AccountKeyFields {
  domains?: string[];
  website?: string;
  linkedinUrls?: string[];
}

/**
 * Canonical key fields of an account input or patch: every domain entry (domain, URL, email) →
 * its domain key; the website cleaned (scheme added, LinkedIn redirect unwrapped, tracking
 * parameters dropped) and its domain key ADDED to `domains` (the website is a matching key); every
 * LinkedIn URL → the canonical company page URL. Fields absent from the input stay absent.
 * `domains` in the output is only set when the input had domains or a website; when only the
 * website is given the caller merges with the stored domains (see `currentDomains`).
 */
export function canonicalAccountKeys<T extends AccountKeyFields>(a: T, currentDomains: string[] = []): { value: T; problems: KeyProblem[] } {
  const out = { ...a };
  const problems: KeyProblem[] = [];
  let domains: string[] | undefined;
  if (Array.isArray(a.domains)) {
    domains = [];
    a.domains.forEach((d, i) => {
      if (typeof d !== 'string' || !d.trim()) return;
      const k = domainKey(d);
      if (k) domains!.push(k);
      else problems.push({ field: `domains.${i}`, value: d, ...domainProblem(d) });
    });
  }
  if (typeof a.website === 'string') {
    const w = a.website.trim();
    if (!w) out.website = undefined;
    else {
      const clean = cleanWebsite(w);
      const k = websiteDomainKey(clean ?? w);
      if (!clean || !k) problems.push({ field: 'website', value: w, code: 'not_website', message: `“${w}” is not a company website address` });
      else {
        out.website = clean;
        domains = [...(domains ?? currentDomains), k];
      }
    }
  }
  if (domains) out.domains = uniq(domains);
  if (Array.isArray(a.linkedinUrls)) {
    const urls: string[] = [];
    a.linkedinUrls.forEach((u, i) => {
      if (typeof u !== 'string' || !u.trim()) return;
      const k = canonicalCompanyUrl(u);
      if (k) urls.push(k);
      else if (canonicalProfileUrl(u)) problems.push({ field: `linkedinUrls.${i}`, value: u, code: 'profile_not_company', message: `“${u}” is a person's profile, not a company page` });
      else problems.push({ field: `linkedinUrls.${i}`, value: u, code: 'not_company_page', message: `“${u}” is not a LinkedIn company page URL` });
    });
    out.linkedinUrls = uniq(urls);
  }
  return { value: out, problems };
}

export interface StakeholderKeyFields {
  linkedinUrl?: string;
  emails?: string[];
}

/** Canonical key fields of a stakeholder input: profile URL (any spelling) and email addresses. */
export function canonicalStakeholderKeys<T extends StakeholderKeyFields>(s: T): { value: T; problems: KeyProblem[] } {
  const out = { ...s };
  const problems: KeyProblem[] = [];
  if (typeof s.linkedinUrl === 'string') {
    const u = s.linkedinUrl.trim();
    const k = u ? canonicalProfileUrl(u) : undefined;
    if (u && !k) problems.push({ field: 'linkedinUrl', value: u, code: 'not_profile', message: `“${u}” is not a LinkedIn profile URL` });
    out.linkedinUrl = k;
  }
  if (Array.isArray(s.emails)) {
    const emails: string[] = [];
    s.emails.forEach((e, i) => {
      if (typeof e !== 'string' || !e.trim()) return;
      const k = emailKey(e);
      if (k) emails.push(k);
      else problems.push({ field: `emails.${i}`, value: e, code: 'not_email', message: `“${e}” is not an email address` });
    });
    out.emails = uniq(emails);
  }
  return { value: out, problems };
}
