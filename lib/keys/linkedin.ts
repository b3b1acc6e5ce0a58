// Canonical LinkedIn page keys: https://www.linkedin.com/in/<slug>/ and
// https://www.linkedin.com/company/<slug-or-id>/, whatever form the link was found or pasted in.
//
// Accepted spellings (measured on LinkedIn pages and links users paste, 2026):
// - any LinkedIn host: www., fr., uk., m., bare linkedin.com; http or https; or no scheme at all
//   ("linkedin.com/in/x", "fr.linkedin.com/in/x"); relative links ("/in/x/") on LinkedIn pages;
// - the mobile web paths /mwlite/in/<slug> and /mwlite/company/<slug>;
// - sub pages (/in/x/overlay/contact-info/, /company/x/about/), query (trk, utm_…) and fragment;
// - percent-escaped slugs ("sophie-lambert-%C3%A9nergie"), decomposed accents (NFD).
// The slug is decoded, NFC-normalised (so NFD and NFC spellings are one key) and lower-cased
// (LinkedIn vanity names are case-insensitive). A malformed escape ("%ZZ", a lone "%") or a slug
// with characters no vanity name has is rejected, not guessed at.

type UrlLike = URL | string;
export const LINKEDIN_ORIGIN = 'https://www.linkedin.com';

export const isLinkedInHost = (host: string): boolean => host === 'linkedin.com' || host.endsWith('.linkedin.com');

const PROFILE_RE = /^\/(?:mwlite\/)?in\/([^/?#]+)/;
const COMPANY_RE = /^\/(?:mwlite\/)?(?:company|showcase)\/([^/?#]+)/;
const SALES_ACCOUNT_RE = /^\/sales\/company\/([^/,?#]+)/;
const CANONICAL_ASCII_PROFILE = /^https:\/\/www\.linkedin\.com\/in\/[a-z0-9_-]{1,200}\/$/;
const CANONICAL_ASCII_COMPANY = /^https:\/\/www\.linkedin\.com\/company\/[a-z0-9_-]{1,200}\/$/;

/** A LinkedIn URL in any accepted spelling, parsed; undefined when not on LinkedIn over http(s). */
export function linkedInUrl(href: UrlLike | null | undefined): URL | undefined {
  if (!href) return undefined;
  let u: URL;
  try {
    if (typeof href === 'string') {
      let s = href.trim();
      if (!s || s.length > 2048) return undefined;
      // scheme-less: "linkedin.com/in/x", "fr.linkedin.com/company/y", "//www.linkedin.com/in/x"
      if (/^(\/\/)?([a-z0-9-]+\.)*linkedin\.com([/:?#]|$)/i.test(s)) s = 'https://' + s.replace(/^\/\//, '');
      u = new URL(s, LINKEDIN_ORIGIN);
    } else u = href;
  } catch {
    return undefined;
  }
  return (u.protocol === 'https:' || u.protocol === 'http:') && isLinkedInHost(u.hostname.replace(/\.$/, '')) ? u : undefined;
}

/**
 * A path segment made into a slug key: percent-decoded (malformed escape → undefined), NFC,
 * lower case; undefined when empty, over 200 characters, "." / "..", or holding whitespace,
 * control characters, "%", or anything that could leave the path (/ ? # \ < > ").
 */
export function slugKey(segment: string): string | undefined {
  let k: string;
  try {
    k = decodeURIComponent(segment);
  } catch {
    return undefined;
  }
  k = k.normalize('NFC').trim().toLowerCase();
  if (!k || k.length > 200 || k === '.' || k === '..') return undefined;
  return /[\s\p{Cc}\p{Cf}%/?#\\<>"]/u.test(k) ? undefined : k;
}

/** Slug of a profile link ("/in/x/...", any host, mobile path, absolute or relative), as a key. */
export function profileSlug(href: UrlLike | null | undefined): string | undefined {
  const u = linkedInUrl(href);
  const m = u ? PROFILE_RE.exec(u.pathname) : null;
  return m ? slugKey(m[1]) : undefined;
}

/** https://www.linkedin.com/in/<slug>/ for any spelling of a profile link or sub page; undefined otherwise. */
export function canonicalProfileUrl(href: UrlLike | null | undefined): string | undefined {
  // Already canonical with a plain ASCII slug (what stored records hold): the answer is the input
  // itself (no decoding, folding or rejection applies) — skips a URL parse per record on restore.
  if (typeof href === 'string' && CANONICAL_ASCII_PROFILE.test(href)) return href;
  const s = profileSlug(href);
  return s && `${LINKEDIN_ORIGIN}/in/${s}/`;
}

/**
 * https://www.linkedin.com/company/<slug-or-id>/ for company pages, their tabs and showcase pages.
 * Decision: a showcase page `/showcase/<x>/` becomes `/company/<x>/` too. LinkedIn organisation
 * vanity names share one namespace (and /company/<x>/ redirects to the showcase page), so this is
 * still a unique key, and every company key keeps the one form the PageContext contract names.
 */
export function canonicalCompanyUrl(href: UrlLike | null | undefined): string | undefined {
  if (typeof href === 'string' && CANONICAL_ASCII_COMPANY.test(href)) return href; // see canonicalProfileUrl
  const u = linkedInUrl(href);
  const m = u ? COMPANY_RE.exec(u.pathname) : null;
  const s = m ? slugKey(m[1]) : undefined;
  return s && `${LINKEDIN_ORIGIN}/company/${s}/`;
}

/** Sales Navigator account id (/sales/company/<id>) → canonical company URL. */
export function salesNavCompanyUrl(href: UrlLike | null | undefined): string | undefined {
  const u = linkedInUrl(href);
  const m = u ? SALES_ACCOUNT_RE.exec(u.pathname) : null;
  const s = m ? slugKey(m[1]) : undefined;
  return s && `${LINKEDIN_ORIGIN}/company/${s}/`;
}
