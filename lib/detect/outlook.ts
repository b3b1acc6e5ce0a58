// Outlook on the web (outlook.office.com, outlook.office365.com, outlook.live.com,
// outlook.cloud.microsoft): the conversation open in the reading pane. Classes are hashed and
// churn; ids (<uid>_SUBJECT/_FROM/_TO/_CC), roles, aria-* and data-convid are steadier.
import type { PageContext } from '../types';
import { outlookItemId } from './urls';
import { EMAIL_RE, clean, findEmail, firstOutside, textOf } from './text';
import { assembleThread, type Addr, type Owner } from './gmail';

const BODY = '[role="document"], [aria-label="Message body"], [aria-label="Corps du message"], [aria-label="Nachrichtentext"]';
const LABEL = /^\s*(from|de|to|à|a|cc|cci|bcc|von|an|para|da|van|aan|sent|envoyé)\s*:\s*/i;
const OWNER = /^.*?(account manager for|gestionnaire de comptes pour|konto-manager für|administrador de cuentas de)\s*/i;

/** "Name <a@b.c>" → name; strips labels, addresses and brackets. */
const nameOf = (s: string | undefined): string | undefined => {
  const n = clean((s || '').replace(LABEL, '').replace(/<[^>]*>/g, '').replace(EMAIL_RE, '').replace(/[<>()[\]"]/g, ''));
  return n && !/^[;,.:\s]*$/.test(n) ? n.replace(/^[;,\s]+|[;,\s]+$/g, '') : undefined;
};

const before = (s: string): string => s.slice(0, Math.max(0, s.search(EMAIL_RE)));

/** Addresses in one header line: title/aria-label attributes first, else the text itself. */
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
    const name = (n !== el && nameOf(textOf(n))) || nameOf(before(attr));
    out.push(name ? { name, email } : { email });
  }
  if (out.length) return out;
  const text = (textOf(el, 5000) || '').replace(LABEL, '');
  for (const tok of text.split(';').slice(0, 500)) {
    const email = findEmail(tok);
    const name = nameOf(email ? before(tok) : tok);
    if (email || name) out.push({ ...(name ? { name } : {}), ...(email ? { email } : {}) });
  }
  return out;
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

  // One message per <uid>_FROM header; its _TO/_CC/_DATETIME share the <uid> prefix.
  const msgs = Array.from(scope.querySelectorAll('[id$="_FROM"]'))
    .filter((f) => !f.closest(BODY))
    .slice(0, 2000)
    .map((f, i) => {
      const uid = f.id.slice(0, -5);
      const get = (s: string) => doc.getElementById(uid + s);
      const dt = get('_DATETIME');
      const t = Date.parse(dt?.getAttribute('datetime') || dt?.getAttribute('title') || textOf(dt) || '');
      return { i, t, from: parseHeader(f)[0], to: [...parseHeader(get('_TO')), ...parseHeader(get('_CC'))] };
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
