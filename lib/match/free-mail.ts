// Free-mail, ISP and mailing-list domains never identify a company. Background and dashboard
// only: the `free-email-domains` list is ~270 KB (content scripts must not import this module).
//
// Loading layer (cold start, README "Performance"): the package's JSON file is shipped as its
// raw text and binary-searched in place — it is sorted, one entry per line — so a freshly started
// service worker neither parses it nor builds a 14,000-entry Set before it can answer (measured
// in Node 20 here: parse + Set ≈ 2.5 ms warm, several times that in a cold worker; one lookup here
// reads ~18 lines). Any other layout of the file falls back to parsing it once.
import freeEmailDomainsJson from 'free-email-domains/domains.json?raw';
import { hostKey } from '../keys/domains';
import { markOnce } from '../timing';
import { MAIL_HOSTS, type MailHostKind } from './mail-hosts';

const KIND = new Map<string, MailHostKind>(MAIL_HOSTS.map((m) => [m.host, m.kind]));

/**
 * Whether `value` is an entry of `text`, a JSON array of strings laid out one entry per line and
 * sorted in code-unit order (`[\n  "a",\n  "b"\n]`), without parsing it: binary search over
 * character offsets, reading the line around the midpoint. Entries must not contain `"` or
 * escapes (true of domain names).
 */
export function sortedLinesHave(text: string, value: string): boolean {
  let lo = text.indexOf('\n') + 1; // after "["
  let hi = text.lastIndexOf('\n'); // before "]"
  while (lo < hi) {
    const mid = (lo + hi) >>> 1;
    const start = text.lastIndexOf('\n', mid - 1) + 1;
    let end = text.indexOf('\n', mid);
    if (end < 0 || end > hi) end = hi;
    const q = text.indexOf('"', start);
    const entry = q >= 0 && q < end ? text.slice(q + 1, text.indexOf('"', q + 1)) : '';
    if (entry === value) return true;
    if (entry < value) lo = end + 1;
    else hi = start - 1;
  }
  return false;
}

let inFreeList: ((domain: string) => boolean) | undefined;
function loadFreeList(): (domain: string) => boolean {
  const text = freeEmailDomainsJson;
  let has: (domain: string) => boolean;
  if (text.startsWith('[\n') && text.trimEnd().endsWith('\n]')) has = (d) => sortedLinesHave(text, d);
  else {
    const set = new Set(JSON.parse(text) as string[]);
    has = (d) => set.has(d);
  }
  markOnce('lists-loaded');
  return has;
}

/**
 * Why a host, domain or email address is not a company key: the kind of its mail host
 * (lib/match/mail-hosts.ts; `free-email-domains` entries count as 'consumer-mail'), or undefined
 * for an ordinary domain. The host and each parent domain are looked up ("x.lists.gnu.org").
 */
export function mailHostKind(hostOrEmail: string | null | undefined): MailHostKind | undefined {
  const h = hostKey(hostOrEmail);
  if (!h) return undefined;
  inFreeList ??= loadFreeList();
  const labels = h.split('.');
  for (let i = 0; i < labels.length - 1; i++) {
    const x = labels.slice(i).join('.');
    const k = KIND.get(x) ?? (inFreeList(x) ? 'consumer-mail' : undefined);
    if (k) return k;
  }
  return undefined;
}

/** True when a domain (or host, or email address) is a free-mail, ISP or mailing-list host. */
export function isFreeMailDomain(domain: string | null | undefined): boolean {
  return mailHostKind(domain) !== undefined;
}
