// Who wrote a message that reached us through a list, a relay or an assistant. Shared by the
// Gmail and Outlook detectors (mail only; nothing site-specific here).
// Structures (RFC 5322 display names as list servers and Exchange rewrite them):
// - Google Groups and most list servers: From: "'Anne Moreau' via Buyers <buyers@googlegroups.com>"
//   — a QUOTED author name, one connector word, the list name; the address is the list's.
// - Exchange "send on behalf": the From header shows two people, sender first and author last
//   ("Claire on behalf of Paul", "Claire de la part de Paul"); the author is the last.
// - VERP bounce addresses ("bounce+7f3a=mycompany.io@mg.relay.example"): the local part encodes a
//   recipient's address, so the address belongs to a mailer, never to a person.
import { clean } from './text';

/** "'Anne Moreau' via Buyers" → { author: 'Anne Moreau', list: 'Buyers' }; undefined otherwise. */
export function splitRelayedName(name: string | undefined): { author: string; list?: string } | undefined {
  if (!name) return undefined;
  const m = /^\s*(['"‘’“”])(.{1,120}?)(['"‘’“”])\s+\S{1,20}\s+(.{1,200})$/u.exec(name);
  if (!m) return undefined;
  const author = clean(m[2]);
  return author ? { author, list: clean(m[4]) } : undefined;
}

/** A VERP / bounce-shaped address: the local part carries another address ("x=domain.tld"). */
export function isBounceAddress(email: string | undefined): boolean {
  if (!email) return false;
  const local = email.slice(0, email.lastIndexOf('@'));
  return /=[a-z0-9-]+(\.[a-z0-9-]+)*\.[a-z]{2,}$/i.test(local) || /=[a-z0-9-]+(\.[a-z0-9-]+)*\.[a-z]{2,}[+=]/i.test(local);
}
