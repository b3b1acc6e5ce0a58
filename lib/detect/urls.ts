// Pure URL classification and canonical forms (the keys used for matching and deduplication).
import { getDomain } from 'tldts';

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

export const isLinkedInHost = (host: string): boolean => host === 'linkedin.com' || host.endsWith('.linkedin.com');
const onLinkedIn = (u: UrlLike, re: RegExp): boolean => {
  const x = toUrl(u);
  return https(x) && isLinkedInHost(x!.hostname) && re.test(x!.pathname);
};

const PROFILE_RE = /^\/in\/([^/?#]+)/;
const COMPANY_RE = /^\/(?:company|showcase)\/([^/?#]+)/;
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

const decode = (s: string): string => {
  try {
    return decodeURIComponent(s);
  } catch {
    return s;
  }
};
/** A path segment made into a key: decoded, lower-case, and nothing that could escape the path. */
const slugKey = (s: string): string | undefined => {
  const k = decode(s).trim().toLowerCase();
  return k && k.length <= 200 && !/[\s/?#\\<>"]/.test(k) && k !== '.' && k !== '..' ? k : undefined;
};

/** Slug of a profile link ("/in/x/...", absolute or relative), decoded + lower-case. */
export function profileSlug(href: UrlLike | null | undefined): string | undefined {
  const u = href ? toUrl(href, LI) : undefined;
  const m = u && https(u) && isLinkedInHost(u.hostname) ? PROFILE_RE.exec(u.pathname) : null;
  return m ? slugKey(m[1]) : undefined;
}

/** https://www.linkedin.com/in/<slug>/ for any profile link or sub page; undefined otherwise. */
export function canonicalProfileUrl(href: UrlLike | null | undefined): string | undefined {
  const s = profileSlug(href);
  return s && `${LI}/in/${s}/`;
}

/**
 * https://www.linkedin.com/company/<slug-or-id>/ for company pages, their tabs and showcase pages.
 * Decision: a showcase page `/showcase/<x>/` becomes `/company/<x>/` too. LinkedIn organisation
 * vanity names share one namespace (and /company/<x>/ redirects to the showcase page), so this is
 * still a unique key, and every company key keeps the one form the PageContext contract names.
 */
export function canonicalCompanyUrl(href: UrlLike | null | undefined): string | undefined {
  const u = href ? toUrl(href, LI) : undefined;
  const m = u && https(u) && isLinkedInHost(u.hostname) ? COMPANY_RE.exec(u.pathname) : null;
  const s = m ? slugKey(m[1]) : undefined;
  return s && `${LI}/company/${s}/`;
}

/** Sales Navigator account id (/sales/company/<id>) → canonical company URL. */
export function salesNavCompanyUrl(href: UrlLike | null | undefined): string | undefined {
  const u = href ? toUrl(href, LI) : undefined;
  const m = u && https(u) && isLinkedInHost(u.hostname) ? ACCOUNT_RE.exec(u.pathname) : null;
  const s = m ? slugKey(m[1]) : undefined;
  return s && `${LI}/company/${s}/`;
}

/** Registrable domain of a host, an email address or a URL, lower-case (mail.acme.co.uk → acme.co.uk). */
export function registrableDomain(x: string | null | undefined): string | undefined {
  if (!x) return undefined;
  let h = x.trim().toLowerCase();
  if (!h || h.length > 2000) return undefined;
  const at = h.lastIndexOf('@');
  if (at >= 0 && !h.includes('/')) h = h.slice(at + 1);
  else if (h.includes('/') || h.includes(':')) {
    const u = toUrl(/^[a-z][a-z0-9+.-]*:\/\//.test(h) ? h : 'https://' + h);
    if (!u) return undefined;
    h = u.hostname;
  }
  h = h.replace(/\.$/, '');
  // hosts only (no IP addresses): the content-script build swaps tldts for a small stand-in
  const d = /^[a-z0-9.-]+$/.test(h) && !/^[\d.]+$/.test(h) ? getDomain(h) : null;
  return d || undefined;
}

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
