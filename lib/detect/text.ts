// Small text helpers for detection. Pure, synchronous, bounded work on hostile input.
import { emailKey } from '../keys/domains';

export const MAX_TEXT = 300;
const WS = /[\s\u00a0\u200b-\u200d\u2028\u2029\ufeff]+/g;
const SKIP_TAG = /^(script|style|template|noscript|svg|iframe|object)$/i;
const HIDDEN_CLASS = /(^|\s)(visually-hidden|sr-only|a11y-text|screen-reader-text)(\s|$)/;
// local parts as RFC 5322 atext allows them (VERP bounce addresses carry "=")
export const EMAIL_RE = /[a-z0-9._%+'=!#$&*^{}|~-]+@[a-z0-9-]+(?:\.[a-z0-9-]+)*\.[a-z]{2,}/gi;

const EDGE_SEPARATORS = /^[\s·•|]+|[\s·•|]+$/g;

/** Collapse whitespace, trim edge separators (· • |), cap the length; undefined when nothing is left. */
export function clean(s: string | null | undefined, max = MAX_TEXT): string | undefined {
  if (!s) return undefined;
  // Leading/trailing list separators ("Milan ·", "• Acme") are layout between items, not text.
  const t = (s.length > max * 8 ? s.slice(0, max * 8) : s).replace(WS, ' ').replace(EDGE_SEPARATORS, '').trim();
  return t ? (t.length > max ? t.slice(0, max).trimEnd() : t) : undefined;
}

/** "(3) Jane Doe | LinkedIn" → "Jane Doe | LinkedIn" */
export const stripCountPrefix = (s: string): string => s.replace(/^\s*\(\d+\+?\)\s*/, '');

const isHiddenEl = (e: Element): boolean =>
  SKIP_TAG.test(e.tagName) || e.hasAttribute('hidden') || HIDDEN_CLASS.test(e.getAttribute('class') || '');

/**
 * Text of an element as a person sees it: skips visually-hidden copies, scripts and styles,
 * puts a space between elements, stops early on huge subtrees. Iterative (deep markup is fine).
 */
export function textOf(el: Element | null | undefined, max = MAX_TEXT): string | undefined {
  if (!el) return undefined;
  // LinkedIn pattern: <span aria-hidden="true">X</span><span class="visually-hidden">X</span>
  if (el.querySelector('.visually-hidden')) {
    const ah = el.querySelector('[aria-hidden="true"]');
    const t = ah && rawText(ah, max);
    if (t && /[\p{L}\p{N}]/u.test(t)) return t;
  }
  return rawText(el, max);
}

function rawText(el: Element, max: number): string | undefined {
  let out = '';
  const stack: Node[] = [el];
  let steps = 0;
  while (stack.length && out.length < max * 4 && steps++ < 20000) {
    const n = stack.pop()!;
    if (n.nodeType === 3) out += n.nodeValue || '';
    else if (n.nodeType === 1 && !isHiddenEl(n as Element)) {
      out += ' ';
      for (let c = n.lastChild; c; c = c.previousSibling) stack.push(c);
    }
  }
  return clean(out, max);
}

/** The canonical email key (lib/keys emailKey: "mailto:", <>, quotes stripped, host in ASCII); undefined when not an address. */
export function normEmail(s: string | null | undefined): string | undefined {
  return emailKey(s);
}

/** First (or last) address found in a string. */
export function findEmail(s: string | null | undefined, last = false): string | undefined {
  const all = s ? s.slice(0, 5000).match(EMAIL_RE) : null;
  return all ? normEmail(all[last ? all.length - 1 : 0]) : undefined;
}

/** Case- and accent-insensitive key for comparing display names. */
export const displayNameKey = (s: string | undefined): string =>
  (s || '').normalize('NFD').replace(/[\u0300-\u036f]/g, '').replace(WS, ' ').trim().toLowerCase();

/** First match of `sel` under `root` that is not inside an element matching `not`. Bounded scan. */
export function firstOutside(root: ParentNode, sel: string, not: string, limit = 200): Element | undefined {
  const all = root.querySelectorAll(sel);
  for (let i = 0; i < all.length && i < limit; i++) if (!all[i].parentElement?.closest(not)) return all[i];
  return undefined;
}

/** Document title without LinkedIn's "(3) " prefix and " | LinkedIn" suffix. */
export function linkedInTitle(doc: Document): string | undefined {
  const t = clean(stripCountPrefix(doc.title || '').split(' | ')[0]);
  return t && !/^linkedin$/i.test(t) ? t : undefined;
}

/**
 * Split a headline of the form "Title at Company" (also "chez", "bei", "@", " – ", " - ").
 * `strong` tells whether the separator names an employer (at/chez/@/bei) or is just a dash.
 */
export function splitHeadline(h: string | undefined): { title: string; company: string; strong: boolean } | undefined {
  if (!h) return undefined;
  const m =
    /^(.{2,150}?)\s+(?:at|chez|bei|@)\s+(.{2,150}?)(?:\s*[|•·]\s.*)?$/i.exec(h) ||
    /^(.{2,150}?)\s*@\s*(.{2,150}?)(?:\s*[|•·]\s.*)?$/.exec(h);
  if (m) return { title: m[1].trim(), company: m[2].trim(), strong: true };
  const d = /^(.{2,150}?)\s+[–—-]\s+(.{2,150}?)(?:\s*[|•·]\s.*)?$/.exec(h);
  return d ? { title: d[1].trim(), company: d[2].trim(), strong: false } : undefined;
}

// Emoji and pictographs people add to names ("Jane Doe 🚀", "✨ Jane ✨"), with their joiners,
// variation selectors, skin tones, keycaps, flags and tag sequences (Unicode TR51 §1.4.9).
const PICTO = /[\p{Extended_Pictographic}\u{1F1E6}-\u{1F1FF}\u{1F3FB}-\u{1F3FF}\u{E0020}-\u{E007F}\u200d\ufe0e\ufe0f\u20e3]/gu;
const PICTO_ANY = new RegExp(PICTO.source, 'u');
/** Separators left at either end by decorations or icons ("· Acme", "Jane Doe |"). */
const DANGLING = /^[\s|·•,;:–—-]+|[\s|·•,;:–—-]+$/g;
/**
 * A display name without decorative emoji/pictographs, whitespace collapsed, and without the
 * separators a decoration leaves dangling ("Jane Doe | 🚀" → "Jane Doe"). Letters of every script,
 * digits, apostrophes and ordinary punctuation stay. undefined when nothing is left.
 */
export function cleanName(s: string | null | undefined, max = MAX_TEXT): string | undefined {
  const t = clean(s, max);
  if (!t) return t;
  return clean((PICTO_ANY.test(t) ? t.replace(PICTO, ' ') : t).replace(DANGLING, ''), max);
}
