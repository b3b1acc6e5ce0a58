// Pure URL classification of the sites we read (which page is this?), and website cleaning.
// The canonical key forms are in lib/keys (re-exported below for the detectors).
import { isLinkedInHost } from '../keys/linkedin';
import type { Site } from '../types';

type UrlLike = URL | string;
const LI = 'https://www.linkedin.com';

const toUrl = (u: UrlLike, base?: string): URL | undefined => {
  try {
    return typeof u === 'string' ? new URL(u.trim(), base) : u;
  } catch {
    return undefined;
  }
};
const https = (u: URL | undefined) => !!u && (u.protocol === 'https:' || u.protocol === 'http:');

export { isLinkedInHost };
const onLinkedIn = (u: UrlLike, re: RegExp): boolean => {
  const x = toUrl(u);
  return https(x) && isLinkedInHost(x!.hostname) && re.test(x!.pathname);
};

// Desktop, country hosts (se.linkedin.com …) and the mobile web paths (/mwlite/in/…) alike.
const PROFILE_RE = /^\/(?:mwlite\/)?in\/([^/?#]+)/;
const COMPANY_RE = /^\/(?:mwlite\/)?(?:company|showcase)\/([^/?#]+)/;
const LEAD_RE = /^\/sales\/lead\/[^/]+/;
const ACCOUNT_RE = /^\/sales\/company\/([^/,?#]+)/;

export const isLinkedInProfileUrl = (u: UrlLike): boolean => onLinkedIn(u, PROFILE_RE);
/** Company pages and their tabs, and showcase pages. */
export const isLinkedInCompanyUrl = (u: UrlLike): boolean => onLinkedIn(u, COMPANY_RE);
export const isSalesNavLeadUrl = (u: UrlLike): boolean => onLinkedIn(u, LEAD_RE);
export const isSalesNavAccountUrl = (u: UrlLike): boolean => onLinkedIn(u, ACCOUNT_RE);

export const isGmailUrl = (u: UrlLike): boolean => {
  const x = toUrl(u);
  return https(x) && x!.hostname === 'mail.google.com' && /^\/mail(\/|$)/.test(x!.pathname);
};

export const OUTLOOK_HOSTS = ['outlook.office.com', 'outlook.office365.com', 'outlook.live.com', 'outlook.cloud.microsoft'];
export const isOutlookHost = (host: string): boolean => OUTLOOK_HOSTS.includes(host);
export const isOutlookUrl = (u: UrlLike): boolean => {
  const x = toUrl(u);
  return https(x) && isOutlookHost(x!.hostname) && /^\/mail(\/|$)/.test(x!.pathname);
};

/** The site family of a page URL by its host ('web' for any other site). */
export function siteOf(url: URL): Site {
  const h = url.hostname;
  return isLinkedInHost(h) ? 'linkedin' : h === 'mail.google.com' ? 'gmail' : isOutlookHost(h) ? 'outlook' : 'web';
}

const decode = (s: string): string => {
  try {
    return decodeURIComponent(s);
  } catch {
    return s;
  }
};

// Canonical keys (LinkedIn URLs, domains) live in lib/keys: re-exported for the site detectors.
export { profileSlug, canonicalProfileUrl, canonicalCompanyUrl, salesNavCompanyUrl } from '../keys/linkedin';
/**
 * Registrable domain of a host, an email address or a URL, in the canonical key form
 * (lib/keys/domains.ts domainKey): mail.acme.co.uk → acme.co.uk. Approximate in content scripts.
 */
export { domainKey as registrableDomain } from '../keys/domains';

/** LinkedIn wraps external links: /redir/redirect?url=<encoded>, /safety/go?url=<encoded>. */
export function unwrapRedirect(href: string): string {
  let cur = href;
  for (let i = 0; i < 3; i++) {
    const u = toUrl(cur, LI);
    if (!u || !isLinkedInHost(u.hostname) || !/^\/(redir\/redirect|safety\/go)\/?$/.test(u.pathname)) break;
    const next = u.searchParams.get('url');
    if (!next) break;
    cur = next;
  }
  return cur;
}

const TRACKING = /^(utm_.*|trk|trkinfo|fbclid|gclid|dclid|msclkid|mc_cid|mc_eid|_hsenc|_hsmi|hsctatracking|originalsubdomain|li_fat_id|ref|ref_src)$/i;

/**
 * A company website as given, unwrapped from LinkedIn redirects, tracking parameters dropped.
 * Accepts "acme.fr" (no scheme). Returns undefined for non-web links and LinkedIn's own pages.
 */
export function cleanWebsite(href: string | null | undefined): string | undefined {
  if (!href) return undefined;
  let h = unwrapRedirect(href.trim());
  if (!/^[a-z][a-z0-9+.-]*:/i.test(h)) {
    if (!/^[a-z0-9-]+(\.[a-z0-9-]+)+([/?#:]|$)/i.test(h)) return undefined;
    h = 'https://' + h;
  }
  const u = toUrl(h);
  if (!https(u) || isLinkedInHost(u!.hostname) || !u!.hostname.includes('.')) return undefined;
  const keys = [...u!.searchParams.keys()];
  const drop = keys.filter((k) => TRACKING.test(k));
  if (!drop.length) return h.length <= 500 ? h : undefined;
  for (const k of drop) u!.searchParams.delete(k);
  const s = u!.toString();
  return s.length <= 500 ? s : undefined;
}

const GMAIL_LIST3 = /^(label|search|category|advanced-search|apps|create-filter)$/;
/**
 * The thread token of a Gmail URL (#inbox/<token>, #label/<l>/<token>, #search/<q>/<token>, …),
 * undefined for list views (#inbox, #label/x, #search/q, #inbox/p2) and settings.
 * Note: the token is not the thread id (the DOM carries that).
 */
export function gmailThreadToken(u: UrlLike): string | undefined {
  const x = toUrl(u);
  if (!x || !isGmailUrl(x)) return undefined;
  const parts = x.hash.replace(/^#/, '').split('?')[0].split('/').filter(Boolean);
  if (!parts.length || parts[0] === 'settings' || parts.length < (GMAIL_LIST3.test(parts[0]) ? 3 : 2)) return undefined;
  const t = parts[parts.length - 1];
  return /^p\d+$/.test(t) || !/^[A-Za-z0-9_-]{8,}$/.test(t) ? undefined : t;
}
export const isGmailThreadUrl = (u: UrlLike): boolean => !!gmailThreadToken(u);

/** The item id in an Outlook URL (/mail/inbox/id/<id>, /mail/deeplink/read/<id>), decoded. */
export function outlookItemId(u: UrlLike): string | undefined {
  const x = toUrl(u);
  const m = x && isOutlookUrl(x) ? /\/(?:id|read)\/([^/?#]+)/.exec(x.pathname) : null;
  return m ? decode(m[1]) : undefined;
}
