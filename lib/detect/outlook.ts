// Outlook on the web (outlook.office.com, outlook.office365.com, outlook.live.com,
// outlook.cloud.microsoft): the conversation open in the reading pane. Classes are hashed and
// churn; ids (<uid>_SUBJECT/_FROM/_TO/_CC), roles, aria-* and data-convid are steadier.
import type { PageContext } from '../types';
import { outlookItemId } from './urls';
import { EMAIL_RE, clean, findEmail, firstOutside, textOf } from './text';
import { assembleThread, type Addr, type Owner } from './mail-thread';
import { splitRelayedName } from './mail-relay';

const BODY = '[role="document"], [aria-label="Message body"], [aria-label="Corps du message"], [aria-label="Nachrichtentext"]';
const LABEL = /^\s*(from|de|to|à|a|cc|cci|bcc|von|an|para|da|van|aan|sent|envoyé)\s*:\s*/i;
const OWNER = /^.*?(account manager for|gestionnaire de comptes pour|konto-manager für|administrador de cuentas de)\s*/i;

/** "Name <a@b.c>" → name; strips labels, addresses and brackets. */
const nameOf = (s: string | undefined): string | undefined => {
  const n = clean((s || '').replace(LABEL, '').replace(/<[^>]*>/g, '').replace(EMAIL_RE, '').replace(/[<>()[\]"]/g, ''));
  return n && !/^[;,.:\s]*$/.test(n) ? n.replace(/^[;,\s]+|[;,\s]+$/g, '') : undefined;
};

const before = (s: string): string => s.slice(0, Math.max(0, s.search(EMAIL_RE)));

/** Name shown for the address inside `n`: its own text, its attribute before the address, else the
 * nearest enclosing persona control (≤3 levels, inside the header) that holds no other address. */
function personaName(n: Element, el: Element, attr: string): string | undefined {
  const own = (n !== el && nameOf(textOf(n))) || nameOf(before(attr));
  if (own) return own;
  for (let p = n.parentElement, i = 0; p && i < 3 && el.contains(p) && p !== el; p = p.parentElement, i++) {
    const t = textOf(p) || '';
    if ((t.match(EMAIL_RE) || []).length > 1) break;
    const name = nameOf(t);
    if (name) return name;
  }
  return undefined;
}

/** Addresses in one header line, in order: title/aria-label attributes first, else the text itself. */
function parseHeader(el: Element | null): Addr[] {
  if (!el) return [];
  const out: Addr[] = [];
  const seen = new Set<string>();
  const nodes = Array.from(el.querySelectorAll('[title], [aria-label]')).slice(0, 500);
  for (const n of [...nodes, el]) {
    const attr = `${n.getAttribute('title') || ''} ${n.getAttribute('aria-label') || ''}`;
    const email = findEmail(attr);
    if (!email || seen.has(email)) continue;
    seen.add(email);
    out.push(addrOf(personaName(n, el, attr), email));
  }
  if (out.length) return out;
  const text = (textOf(el, 5000) || '').replace(LABEL, '');
  for (const tok of text.split(';').slice(0, 500)) {
    const email = findEmail(tok);
    const name = nameOf(email ? before(tok) : tok);
    if (email || name) out.push(addrOf(name, email));
  }
  return out;
}

/** "'Anne' via List" on a list address: Anne wrote, the address is the list's. */
function addrOf(name: string | undefined, email: string | undefined): Addr {
  const relayed = splitRelayedName(name);
  if (relayed && email) return { name: relayed.author, email, relay: true };
  return { ...(name ? { name } : {}), ...(email ? { email } : {}) };
}

function owner(doc: Document): Owner {
  const btn = doc.querySelector(
    '[aria-label*="Account manager for"], [aria-label*="Gestionnaire de comptes pour"], [aria-label*="Konto-Manager für"]',
  );
  const me = doc.getElementById('O365_MainLink_Me');
  const label = btn?.getAttribute('aria-label') || me?.getAttribute('aria-label') || '';
  const email =
    findEmail(`${label} ${btn?.getAttribute('title') || ''} ${me?.getAttribute('title') || ''}`) ||
    findEmail(textOf(doc.getElementById('mectrl_currentAccount_secondary'))) ||
    findEmail(textOf(me));
  const name = textOf(doc.getElementById('mectrl_currentAccount_primary')) || nameOf(label.replace(OWNER, ''));
  return { email, name };
}

/** The sent-time line of the message holding header `f` (the nearest one in its message block). */
function sentTime(f: Element): Element | undefined {
  for (let n = f.parentElement, i = 0; n && i < 6; n = n.parentElement, i++) {
    if (n.querySelectorAll('[id$="_FROM"]').length > 1) return undefined;
    const t = n.querySelector('[data-testid="SentReceivedSavedTime"], time[datetime]');
    if (t) return t;
  }
  return undefined;
}

/**
 * A displayed date-time ("lun. 23/11/2026 09:10", "Mon 11/23/2026 9:10 AM", "2026-11-23 09:10")
 * as a number that orders messages; NaN when unreadable. Day-first unless the page is en-US or
 * a part over 12 says otherwise. Only the order matters, never the absolute time.
 */
function looseTime(s: string | undefined, dayFirst: boolean): number {
  const m = s && /(\d{1,4})[/.-](\d{1,2})[/.-](\d{1,4})(?:\D+(\d{1,2})[:h](\d{2})\s*([ap]\.?m\.?)?)?/i.exec(s);
  if (!m) return NaN;
  let [a, b, c] = [Number(m[1]), Number(m[2]), Number(m[3])];
  let y: number, mo: number, d: number;
  if (a > 31) [y, mo, d] = [a, b, c];
  else {
    y = c < 100 ? 2000 + c : c;
    const df = a > 12 ? true : b > 12 ? false : dayFirst;
    [d, mo] = df ? [a, b] : [b, a];
  }
  let h = Number(m[4] || 0);
  if (m[6] && /p/i.test(m[6]) && h < 12) h += 12;
  if (m[6] && /a/i.test(m[6]) && h === 12) h = 0;
  return Date.UTC(y, mo - 1, d, h, Number(m[5] || 0));
}

export function detectOutlook(doc: Document, url: URL): PageContext {
  const base = { site: 'outlook' as const, url: url.href };
  const urlId = outlookItemId(url);
  const subj =
    firstOutside(doc, 'span[id$="_SUBJECT"][role="heading"]', BODY) ||
    firstOutside(doc, '[role="main"] [role="heading"]', BODY);
  const subject = textOf(subj, 500);
  if (!subj || !subject) {
    return urlId
      ? { ...base, kind: 'thread', thread: { id: urlId, participants: [] }, partial: { reason: 'stale-or-unrendered' } }
      : { ...base, kind: 'other' };
  }
  const scope = subj.closest('[role="main"]') || doc;
  const id =
    subj.closest('[data-convid]')?.getAttribute('data-convid') ||
    firstOutside(scope, '[data-convid]', BODY)?.getAttribute('data-convid') ||
    urlId;

  const dayFirst = !/^en-us$/i.test(doc.documentElement?.getAttribute('lang') || '');
  // One message per <uid>_FROM header; its _TO/_CC/_DATETIME share the <uid> prefix.
  const msgs = Array.from(scope.querySelectorAll('[id$="_FROM"]'))
    .filter((f) => !f.closest(BODY))
    .slice(0, 2000)
    .map((f, i) => {
      const uid = f.id.slice(0, -5);
      const get = (s: string) => doc.getElementById(uid + s);
      const dt = get('_DATETIME');
      let t = Date.parse(dt?.getAttribute('datetime') || dt?.getAttribute('title') || textOf(dt) || '');
      if (isNaN(t)) t = looseTime(textOf(sentTime(f)), dayFirst);
      // "Claire on behalf of Paul" / "… de la part de …": two people in From, the author last;
      // the sender (assistant, relay) stays a participant unless the address is a bounce
      const from = parseHeader(f);
      return { i, t, from: from[from.length - 1], to: [...from.slice(0, -1), ...parseHeader(get('_TO')), ...parseHeader(get('_CC'))] };
    });
  // Reading order: by date when every message has one; else the DOM order, which Outlook's
  // default ("newest on top") makes newest first.
  if (msgs.length && msgs.every((m) => !isNaN(m.t))) msgs.sort((a, b) => a.t - b.t || a.i - b.i);
  else msgs.reverse();
  return assembleThread(
    base,
    clean(id, 300),
    subject,
    msgs.map((m) => m.from),
    msgs.flatMap((m) => m.to),
    owner(doc),
  );
}
