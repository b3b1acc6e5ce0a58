// Gmail: an open thread (#inbox/<token>, #label/<l>/<token>, …). Only message headers count:
// senders span.gD[email], recipients span.g2[email]; bodies (div.a3s) are never read.
import type { PageContext } from '../types';
import { gmailThreadToken } from './urls';
import { clean, findEmail, normEmail, textOf } from './text';
import { assembleThread, type Addr, type Owner } from './mail-thread';
import { splitRelayedName } from './mail-relay';

const BODY = '.a3s';
const ME = /^(me|moi|ich|yo|io|eu|mij|mig|jag|minä|ja)$/i;

function visible(el: Element): boolean {
  let n: Element | null = el;
  for (let i = 0; n && i < 40; i++, n = n.parentElement)
    if (n.hasAttribute('hidden') || /display:\s*none/i.test(n.getAttribute('style') || '')) return false;
  return true;
}

function owner(doc: Document, recipients: Element[]): Owner {
  const acct = doc.querySelector('[aria-label^="Google Account:"], [aria-label^="Compte Google"], [aria-label^="Google-Konto"]');
  const label = acct?.getAttribute('aria-label') || '';
  let email = findEmail(label) || findEmail(doc.title, true);
  // Gmail shows the owner as "me" / "moi" among recipients
  if (!email) email = normEmail(recipients.find((s) => ME.test(textOf(s) || ''))?.getAttribute('email'));
  const name = clean(label.replace(/^[^:]*:\s*/, '').replace(/\(.*$|<.*$/, ''));
  return { email, name: name && !name.includes('@') ? name : undefined };
}

const addr = (s: Element): Addr | undefined => {
  const email = normEmail(s.getAttribute('email'));
  if (!email) return undefined;
  const name = clean(s.getAttribute('name')) || textOf(s);
  // "'Anne Moreau' via Buyers" on a list address: Anne wrote, the address is the list's
  const relayed = splitRelayedName(name);
  if (relayed) return { name: relayed.author, email, relay: true };
  return name && !ME.test(name) && name !== email ? { name, email } : { email };
};

/**
 * Headers of the open thread: the thread view is the nearest ancestor of the subject that holds
 * message headers; headers inside message bodies are dropped. One walk up from each header, with
 * Set/Map lookups only: no repeated subtree queries (deep or huge pages stay cheap).
 */
function inThread(h2: Element, heads: Element[], bodies: Set<Element>): Element[] {
  const level = new Map<Element, number>();
  let a: Element | null = h2;
  for (let i = 0; a && i < 40; i++, a = a.parentElement) level.set(a, i);
  let best = Infinity;
  const hit = heads.map((s) => {
    for (let n = s.parentElement, k = 0; n && k < 5000; k++, n = n.parentElement) {
      if (bodies.has(n)) return Infinity;
      const i = level.get(n);
      if (i !== undefined) return (best = Math.min(best, i)), i;
    }
    return Infinity;
  });
  return best === Infinity ? [] : heads.filter((_, i) => hit[i] === best);
}

export function detectGmail(doc: Document, url: URL): PageContext {
  const base = { site: 'gmail' as const, url: url.href };
  const token = gmailThreadToken(url);
  if (!token) return { ...base, kind: 'other' };
  const subjects = Array.from(doc.querySelectorAll('h2.hP')).slice(0, 20);
  const h2 = subjects.find(visible) || subjects[0];
  if (!h2) return { ...base, kind: 'thread', thread: { participants: [] }, partial: { reason: 'stale-or-unrendered' } };

  const bodies = new Set(Array.from(doc.querySelectorAll(BODY)));
  const from = inThread(h2, Array.from(doc.querySelectorAll('span.gD[email]')), bodies);
  const to = inThread(h2, Array.from(doc.querySelectorAll('span.g2[email]')), bodies);
  const id =
    h2.getAttribute('data-legacy-thread-id') ||
    h2.getAttribute('data-thread-perm-id') ||
    doc.querySelector('h2[data-legacy-thread-id]')?.getAttribute('data-legacy-thread-id') ||
    doc.querySelector('[data-thread-perm-id]')?.getAttribute('data-thread-perm-id') ||
    undefined;

  // One sender per message (expanded div.adn, collapsed div.kv / div.kQ), in thread order.
  const senders: Addr[] = [];
  const msgs = new Set<Element>();
  for (const s of from) {
    const m = s.closest('[data-message-id], div.adn, div.kv, div.kQ, div.h7') || s;
    if (msgs.has(m)) continue;
    msgs.add(m);
    const a = addr(s);
    if (a) senders.push(a);
  }
  const others = to.map(addr).filter((a): a is Addr => !!a);
  return assembleThread(base, clean(id, 200), textOf(h2, 500), senders, others, owner(doc, to));
}
