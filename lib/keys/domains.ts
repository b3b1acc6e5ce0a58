// Canonical domain and email keys: the ONE form a domain takes wherever it is stored or matched.
//
// A domain key is the registrable domain (public suffix + one label) of a host, in ASCII
// (IDNA A-label, "xn--…") and lower case, with the Public Suffix List's PRIVATE section applied:
// northwind.uk.com and example-trading.uk.com are two keys, not "uk.com" twice.
// Sources: WHATWG URL Standard "host parsing" (UTS #46 mapping: case fold, NFC, punycode) does
// the IDN spelling in every browser without tables; tldts holds the Public Suffix List.
// In the content-script build `tldts` is swapped for lib/detect/domain-lite.ts (see
// wxt.config.ts), so keys computed there are approximate; the background recomputes every page
// key with this module and the real list before matching (lib/match/match.ts → pageKeys).
import { getDomain } from 'tldts';

/** Longest input we look at: anything longer is not a host, an address or a website. */
const MAX_INPUT = 2048;
const SCHEME = /^[a-z][a-z0-9+.-]*:/i;

/**
 * Host of an input as the URL parser sees it: ASCII, lower case, no port, no trailing dot.
 * Accepts a bare host ("Shop.ACME.fr."), a URL with or without scheme ("acme.fr/contact?x=1",
 * "https://acme.fr.:443/fr/"), an email address, "Name <a@b>", "mailto:a@b".
 * Returns undefined for IP addresses, single labels ("localhost") and anything unparsable.
 */
export function hostKey(input: string | null | undefined): string | undefined {
  if (!input) return undefined;
  let s = input.trim();
  if (!s || s.length > MAX_INPUT) return undefined;
  const address = emailParts(s);
  if (address) return address.host;
  if (/^mailto:/i.test(s)) return undefined; // a mailto: that is not one valid address
  if (/^\/\//.test(s)) s = 'https:' + s;
  else if (!SCHEME.test(s) || /^[^/?#]+:\d+([/?#]|$)/.test(s)) s = 'https://' + s; // "acme.fr:8080/x" has no scheme
  let u: URL;
  try {
    u = new URL(s);
  } catch {
    return undefined;
  }
  if (u.protocol !== 'https:' && u.protocol !== 'http:') return undefined;
  return asHost(u.hostname);
}

/** A parsed hostname → key form, or undefined for IPs, single labels and empty labels. */
function asHost(hostname: string): string | undefined {
  const h = hostname.toLowerCase().replace(/\.+$/, '');
  if (!h || h.length > 253 || !h.includes('.') || h.includes('..')) return undefined;
  if (/^[\d.]+$/.test(h) || h.startsWith('[')) return undefined; // IPv4 / IPv6
  if (!/^[a-z0-9.-]+$/.test(h)) return undefined; // the URL parser gave no ASCII form
  if (h.split('.').some((l) => !l || l.length > 63 || l.startsWith('-') || l.endsWith('-'))) return undefined;
  return h;
}

/** A host in ASCII through the URL parser (IDNA), or undefined. */
function idnaHost(host: string): string | undefined {
  if (!host || host.length > 253 || /[\s/?#@:\\[\]<>%]/.test(host)) return undefined;
  try {
    return asHost(new URL('https://' + host + '/').hostname);
  } catch {
    return undefined;
  }
}

/**
 * Canonical domain key of a host, URL, website or email: the registrable domain in ASCII.
 * "HTTPS://WWW.ACME-INDUSTRIE.EXAMPLE/contact?utm_source=x" → "acme-industrie.example",
 * "j@mail.acme.co.uk" → "acme.co.uk", "buyer@northwind.uk.com" → "northwind.uk.com",
 * "https://MÜLLER-LOGISTIK.de/kontakt" → "xn--mller-logistik-gsb.de".
 * Undefined for a public suffix alone ("co.uk", "uk.com"), IPs, single labels, garbage.
 */
export function domainKey(input: string | null | undefined): string | undefined {
  const h = hostKey(input);
  return h ? registrableOf(h) : undefined;
}

/** Registrable domain of an ASCII host with the PSL private section (tldts allowPrivateDomains). */
export function registrableOf(host: string): string | undefined {
  const d = getDomain(host, { allowPrivateDomains: true, extractHostname: false });
  return d || undefined;
}

/** LinkedIn's own hosts are never a company's website. */
const isLinkedInHost = (h: string) => h === 'linkedin.com' || h.endsWith('.linkedin.com') || h === 'lnkd.in';

/**
 * Domain key of a company website (URL, scheme-less or bare host): as domainKey, but only for web
 * addresses (not email addresses) and never LinkedIn's own pages (a company page, a redirect).
 */
export function websiteDomainKey(input: string | null | undefined): string | undefined {
  if (!input || emailParts(input.trim()) || /^mailto:/i.test(input.trim())) return undefined;
  const h = hostKey(input);
  return h && !isLinkedInHost(h) ? registrableOf(h) : undefined;
}

/** Local part rules of RFC 5321 "dot-string" (the form real addresses use), lower-cased. */
const LOCAL = /^[a-z0-9!#$%&'*+/=?^_`{|}~-]+(\.[a-z0-9!#$%&'*+/=?^_`{|}~-]+)*$/;

/** { local, host } of one email address in any of its pasted forms, host in ASCII; or undefined. */
function emailParts(input: string): { local: string; host: string } | undefined {
  let s = input.trim();
  if (!s.includes('@') || s.length > MAX_INPUT) return undefined;
  // "Moreau, Julie" <julie.moreau@acme.fr>  →  the address inside the angle brackets
  const angle = /<([^<>]*)>\s*$/.exec(s);
  if (angle) s = angle[1].trim();
  s = s.replace(/^mailto:/i, '').split('?')[0].replace(/^["']+|["']+$/g, '').trim();
  const at = s.lastIndexOf('@');
  if (at <= 0 || at === s.length - 1 || s.length > 254) return undefined;
  const local = s.slice(0, at).toLowerCase();
  const host = idnaHost(s.slice(at + 1));
  return host && local.length <= 64 && LOCAL.test(local) ? { local, host } : undefined;
}

/**
 * Canonical email key: "local@host", lower case, host in ASCII (IDNA). Accepts "Name <a@b>",
 * "mailto:a@b?subject=…", surrounding quotes and spaces. Undefined when not one valid address.
 */
export function emailKey(input: string | null | undefined): string | undefined {
  const p = input ? emailParts(input) : undefined;
  return p && `${p.local}@${p.host}`;
}

/** Domain key of an email address ("a@mail.acme.fr" → "acme.fr"), or undefined. */
export function emailDomainKey(input: string | null | undefined): string | undefined {
  const p = input ? emailParts(input) : undefined;
  return p ? registrableOf(p.host) : undefined;
}
