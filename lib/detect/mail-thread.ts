// One mail thread's people, shared by the Gmail and Outlook detectors: participants, the author
// of the latest message (the person), and the company domain behind them.
import type { PageContext, ThreadParticipant } from '../types';
import { registrableDomain } from './urls';
import { displayNameKey } from './text';
import { isBounceAddress } from './mail-relay';

export interface Addr {
  name?: string;
  email?: string;
  /** the address is a list's or a relay's, not this person's ("'Anne' via List <list@…>") */
  relay?: boolean;
}
export interface Owner {
  name?: string;
  email?: string;
}

/** Name key that also reads Outlook's "Last, First" as "first last". */
const nameId = (s: string | undefined): string => {
  const k = displayNameKey(s);
  const p = k.split(',');
  return p.length === 2 ? `${p[1].trim()} ${p[0].trim()}` : k;
};
const sameName = (a?: string, b?: string): boolean => !!a && !!b && (nameId(a) === nameId(b) || displayNameKey(a) === displayNameKey(b));

/** Of two display names for one address, the more complete: a real name over none, more words, then longer. */
const better = (a: string | undefined, b: string | undefined): string | undefined => {
  if (!a || a.includes('@')) return b && !b.includes('@') ? b : a || b;
  if (!b || b.includes('@')) return a;
  const wa = a.split(/\s+/).length;
  const wb = b.split(/\s+/).length;
  return wb > wa || (wb === wa && b.length > a.length) ? b : a;
};

/**
 * Participants = everyone in the headers except the owner (by address, or by name when only a
 * name is shown), one per address with the best name seen; list, relay and bounce addresses are
 * not people (their author stays, by name). person = author of the latest message outside the
 * owner's organisation, else the latest non-owner author. company.domain = the person's domain,
 * or when the person wrote through a list/relay, the latest external sender's real domain.
 */
export function assembleThread(
  base: { site: 'gmail' | 'outlook'; url: string },
  id: string | undefined,
  subject: string | undefined,
  senders: (Addr | undefined)[],
  others: Addr[],
  owner: Owner,
): PageContext {
  const raw = [...senders, ...others].filter((a): a is Addr => !!a && !!(a.email || a.name));
  // an address seen as a list/relay anywhere in the thread is one everywhere; bounce shapes too
  const relays = new Set(raw.filter((a) => a.email && (a.relay || isBounceAddress(a.email))).map((a) => a.email!));
  const person = (a: Addr | undefined): Addr | undefined => {
    if (!a) return undefined;
    if (!a.email || !relays.has(a.email)) return a.relay ? { name: a.name, relay: true } : a;
    return a.relay && a.name ? { name: a.name, relay: true } : undefined;
  };
  const all = raw.map(person).filter((a): a is Addr => !!a && !!(a.email || a.name));
  const authors = senders.map(person);
  if (!owner.email && owner.name) owner.email = all.find((a) => a.email && sameName(a.name, owner.name))?.email;
  const isOwner = (a: Addr) => (a.email && owner.email ? a.email === owner.email : sameName(a.name, owner.name));

  const byKey = new Map<string, ThreadParticipant>();
  // a name-only entry for someone also listed with an address adds nothing
  const named = new Set(all.filter((a) => a.email && a.name).map((a) => nameId(a.name)));
  for (const a of all) {
    const key = a.email || 'name:' + nameId(a.name);
    if (isOwner(a) || (!a.email && named.has(nameId(a.name)))) continue;
    const had = byKey.get(key);
    const name = better(had?.name, a.name);
    byKey.set(key, { ...(name ? { name } : {}), ...(a.email ? { email: a.email } : {}) });
  }
  const participants = [...byKey.values()];
  const best = (a: Addr): Addr => (a.email ? { ...a, name: byKey.get(a.email)?.name ?? a.name } : a);

  const ownDomain = registrableDomain(owner.email);
  const external = (a: Addr) => !!a.email && registrableDomain(a.email) !== ownDomain;
  const latestFirst = authors.filter((a): a is Addr => !!a && !isOwner(a)).reverse();
  // an author known only by name through a list counts as outside: lists carry the customer's mail
  const who = latestFirst.find((a) => external(a) || a.relay) || latestFirst[0];
  const out: PageContext = { ...base, kind: 'thread', thread: { participants } };
  if (id) out.thread!.id = id;
  if (subject) out.thread!.subject = subject;
  if (who) {
    const p = best(who);
    out.person = { ...(p.name ? { name: p.name } : {}), ...(p.email ? { email: p.email } : {}) };
    const from = p.email || latestFirst.find(external)?.email || participants.find((x) => x.email && external(x))?.email;
    const d = registrableDomain(from);
    if (d) out.company = { domain: d };
  }
  return out;
}
