// Free-mail and ISP domains never identify a company. Background-only: the list is ~270 KB.
import freeEmailDomains from 'free-email-domains';

// French and European ISP/free-mail domains that the HubSpot-based list lacks (checked 2026-11).
const EXTRA = ['bbox.fr', 'numericable.fr', 'aliceadsl.fr', 'club-internet.fr', 'cegetel.net', 'nordnet.fr', 'libertysurf.fr', 'icloud.com', 'me.com', 'proton.me', 'protonmail.com'];

const FREE = new Set<string>([...(freeEmailDomains as string[]), ...EXTRA]);

export function isFreeMailDomain(domain: string): boolean {
  return FREE.has(domain.toLowerCase());
}
