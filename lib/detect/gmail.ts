// Gmail: an open thread (#inbox/<token>, #label/<l>/<token>, …). Only message headers count:
// senders span.gD[email], recipients span.g2[email]; bodies (div.a3s) are never read.
import type { PageContext, ThreadParticipant } from '../types';
import { gmailThreadToken, registrableDomain } from './urls';
import { clean, findEmail, nameKey, normEmail, textOf } from './text';

export interface Addr {
  name?: string;
  email?: string;
}
export interface Owner {
  name?: string;
  email?: string;
}

const sameName = (a?: string, b?: string): boolean => {
  if (!a || !b) return false;
  const k = (s: string) => {
    const p = nameKey(s).split(',');
    return p.length === 2 ? `${p[1].trim()} ${p[0].trim()}` : p.join(',');
  };
  return k(a) === k(b) || nameKey(a) === nameKey(b);
};

/**
 * Participants = everyone in the headers except the owner (by address, or by name when only a
 * name is shown). person = latest sender outside the owner's organisation, else latest non-owner.
 */
export function assembleThread(
  base: { site: 'gmail' | 'outlook'; url: string },
  id: string | undefined,
  subject: string | undefined,
  senders: (Addr | undefined)[],
  others: Addr[],
  owner: Owner,
): PageContext {
  const all = [...senders, ...others].filter((a): a is Addr => !!a && !!(a.email || a.name));
  if (!owner.email && owner.name) owner.email = all.find((a) => a.email && sameName(a.name, owner.name))?.email;
  const isOwner = (a: Addr) => (a.email && owner.email ? a.email === owner.email : sameName(a.name, owner.name));
  const seen = new Set<string>();
  const participants: ThreadParticipant[] = [];
  for (const a of all) {
    const key = a.email || 'name:' + nameKey(a.name);
    if (seen.has(key) || isOwner(a)) continue;
    // a name-only entry for someone already listed with an address adds nothing
    if (!a.email && participants.some((p) => sameName(p.name, a.name))) continue;
    seen.add(key);
    participants.push(a.name ? { name: a.name, ...(a.email ? { email: a.email } : {}) } : { email: a.email });
  }
  const ownDomain = registrableDomain(owner.email);
  const latestFirst = senders.filter((a): a is Addr => !!a && !isOwner(a)).reverse();
  const person = latestFirst.find((a) => a.email && registrableDomain(a.email) !== ownDomain) || latestFirst[0];
  const out: PageContext = { ...base, kind: 'thread', thread: { participants } };
  if (id) out.thread!.id = id;
  if (subject) out.thread!.subject = subject;
  if (person) {
    out.person = { ...person };
    const d = registrableDomain(person.email);
    if (d) out.company = { domain: d };
  }
  return out;
}

const BODY = '.a3s';
const ME = /^(me|moi|ich|yo|io|eu|mij|mig|jag|minä|ja)$/i;

function visible(el: Element): boolean {
  let n: Element | null = el;
  for (let i = 0; n && i < 40; i++, n = n.parentElement)
    if (n.hasAttribute('hidden') || /display:\s*none/i.test(n.getAttribute('style') || '')) return false;
  return true;
}

function owner(doc: Document): Owner {
  const acct = doc.querySelector('[aria-label^="Google Account:"], [aria-label^="Compte Google"], [aria-label^="Google-Konto"]');
  const label = acct?.getAttribute('aria-label') || '';
  let email = findEmail(label) || findEmail(doc.title, true);
  if (!email) {
    const me = Array.from(document_g2(doc)).find((s) => ME.test(textOf(s) || ''));
    email = normEmail(me?.getAttribute('email'));
  }
  const name = clean(label.replace(/^[^:]*:\s*/, '').replace(/\(.*$|<.*$/, ''));
  return { email, name: name && !name.includes('@') ? name : undefined };
}
const document_g2 = (root: ParentNode) => root.querySelectorAll('span.g2[email]');

const addr = (s: Element): Addr | undefined => {
  const email = normEmail(s.getAttribute('email'));
  if (!email) return undefined;
  const name = clean(s.getAttribute('name')) || textOf(s);
  return name && !ME.test(name) && name !== email ? { name, email } : { email };
};

export function detectGmail(doc: Document, url: URL): PageContext {
  const base = { site: 'gmail' as const, url: url.href };
  const token = gmailThreadToken(url);
  if (!token) return { ...base, kind: 'other' };
  const subjects = Array.from(doc.querySelectorAll('h2.hP')).slice(0, 20);
  const h2 = subjects.find(visible) || subjects[0];
  if (!h2) return { ...base, kind: 'thread', thread: { participants: [] }, partial: { reason: 'stale-or-unrendered' } };

  // The thread view: the nearest ancestor of the subject that holds message headers.
  let scope: Element = h2;
  for (let i = 0; i < 30 && scope.parentElement && !scope.querySelector('span.gD[email]'); i++) scope = scope.parentElement;

  const id =
    h2.getAttribute('data-legacy-thread-id') ||
    h2.getAttribute('data-thread-perm-id') ||
    scope.querySelector('[data-legacy-thread-id]')?.getAttribute('data-legacy-thread-id') ||
    scope.querySelector('[data-thread-perm-id]')?.getAttribute('data-thread-perm-id') ||
    undefined;

  // One sender per message (expanded div.adn, collapsed div.kv / div.kQ), in thread order.
  const senders: Addr[] = [];
  const msgs = new Set<Element>();
  scope.querySelectorAll('span.gD[email]').forEach((s) => {
    if (s.closest(BODY)) return;
    const m = s.closest('[data-message-id], div.adn, div.kv, div.kQ, div.h7') || s;
    if (msgs.has(m)) return;
    msgs.add(m);
    const a = addr(s);
    if (a) senders.push(a);
  });
  const others: Addr[] = [];
  document_g2(scope).forEach((s) => {
    if (s.closest(BODY)) return;
    const a = addr(s);
    if (a) others.push(a);
  });
  return assembleThread(base, clean(id, 200), textOf(h2, 500), senders, others, owner(doc));
}
