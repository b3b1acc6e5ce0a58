// "Copy page skeleton": the page's DOM with every text and personal attribute value replaced by a
// placeholder of the same shape, so a user can send a privacy-safe sample of a page the detector
// did not understand, and a developer can run it (`npm run detect -- skeleton.html`) and turn it
// into a fixture. Pure; runs in the content script on request only.
//
// Shape: letters → x / X (case kept), digits → 0, pictographs → ⭐, punctuation and spaces kept.
// Kept as is (they carry no personal data and the detectors read them): element names and order,
// class names (the site's own code), enumerated ARIA/role/type values, the site's code-identifier
// data attributes, the route words of LinkedIn/Gmail/Outlook URLs, componentkey and id suffixes.

const MAX_NODES = 60_000;
const DROP = new Set(['SCRIPT', 'STYLE', 'NOSCRIPT', 'TEMPLATE', 'IFRAME', 'OBJECT', 'EMBED', 'LINK', 'META', 'BASE', 'CANVAS', 'VIDEO', 'AUDIO', 'SOURCE']);
const VOID = new Set(['AREA', 'BR', 'COL', 'HR', 'IMG', 'INPUT', 'WBR', 'TRACK']);
/** Attributes whose values are a closed vocabulary or the site's code identifiers. */
const KEEP = new Set([
  'class', 'role', 'type', 'hidden', 'tabindex', 'dir', 'lang',
  'aria-hidden', 'aria-modal', 'aria-expanded', 'aria-haspopup', 'aria-level', 'aria-pressed', 'aria-disabled', 'aria-busy', 'aria-live',
  'data-display-contents', 'data-anonymize', 'data-section', 'data-test-id', 'data-field', 'data-component-type', 'data-control-name', 'data-view-name',
  'data-tracking-control-name',
]);
const URL_ATTRS = new Set(['href', 'src', 'action']);
/** Path words of the routes the detectors classify (never names). */
const ROUTE = new Set(
  'in company showcase school sales lead people mwlite overlay contact-info details experience education recent-activity search results feed messaging compose mail u inbox id read deeplink label sent drafts all category dms image v2 redir redirect safety go about posts jobs life background-photo about-this-profile'.split(' '),
);
const PICTO = /\p{Extended_Pictographic}/gu;

/** Same-shape placeholder of a text: letters → x/X, digits → 0, any pictograph → ⭐ (one decoration). */
export function maskText(s: string): string {
  return s.replace(PICTO, '\u2b50').replace(/[\p{L}\p{N}]/gu, (c) => (/\p{N}/u.test(c) ? '0' : /\p{Lu}|\p{Lt}/u.test(c) ? 'X' : 'x'));
}

/** A URL reduced to its pattern: site host and route words kept, every other segment masked, no query. */
export function maskUrl(raw: string): string {
  const v = raw.trim();
  if (!v || v === '#') return v;
  let u: URL;
  try {
    u = new URL(v, 'https://www.linkedin.com');
  } catch {
    return maskText(v);
  }
  const ours = /(^|\.)(linkedin\.com|licdn\.com|google\.com|office\.com|office365\.com|live\.com|cloud\.microsoft)$/.test(u.hostname);
  const host = ours ? u.hostname : maskText(u.hostname);
  const path = u.pathname
    .split('/')
    .map((seg) => (ROUTE.has(seg.toLowerCase()) ? seg : maskText(decodeSafe(seg))))
    .join('/');
  const hash = u.hash ? '#' + u.hash.slice(1).split('/').map((seg) => (ROUTE.has(seg) ? seg : maskText(seg))).join('/') : '';
  const relative = !/^[a-z][a-z0-9+.-]*:/i.test(v);
  return (relative ? '' : `${u.protocol}//${host}`) + path + hash;
}
const decodeSafe = (s: string) => {
  try {
    return decodeURIComponent(s);
  } catch {
    return s;
  }
};

/** componentkey "com.linkedin.sdui.profile.card.ref<ID>Topcard": prefix words and trailing CamelCase kept. */
function maskKey(v: string): string {
  const m = /^((?:[a-z]+\.)+[a-z]+?)(.*?)((?:[A-Z][a-z]+)+(?:-[a-z]+)?)?$/.exec(v);
  // only the dotted "com.linkedin.…ref<id><Card>" form has a known suffix; others may end in a slug
  if (!m) return maskText(v);
  return (m[1] ?? '') + maskText(m[2] ?? '') + (m[3] ?? '');
}
/** id "MSG_1_FROM": the trailing upper-case part (_FROM, _SUBJECT, …) kept. */
function maskId(v: string): string {
  const m = /^(.*?)(_[A-Z]+)?$/.exec(v)!;
  return maskText(m[1]) + (m[2] ?? '');
}

const esc = (s: string) => s.replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;');
const escAttr = (s: string) => esc(s).replace(/"/g, '&quot;');

function maskAttr(name: string, value: string): string {
  if (KEEP.has(name)) return value.length <= 200 ? value : maskText(value);
  if (URL_ATTRS.has(name)) return maskUrl(value);
  if (name === 'componentkey' || name === 'data-testid' || name === 'data-sdui-component') return maskKey(value);
  // code ids ("experience", "top-card-text-details-contact-info") stay; anything else is masked
  if (name === 'id') return /^[a-z][a-z_-]{0,40}$/.test(value) ? value : maskId(value);
  return maskText(value.length > 2000 ? value.slice(0, 2000) : value);
}

/** JSON-LD with every string value masked (keys and @type/@context kept). */
function maskJsonLd(src: string): string | undefined {
  let data: unknown;
  try {
    data = JSON.parse(src);
  } catch {
    return undefined;
  }
  const walk = (v: unknown, key = ''): unknown => {
    if (typeof v === 'string') return key === '@type' || key === '@context' ? v : /^https?:/.test(v) ? maskUrl(v) : maskText(v);
    if (typeof v === 'number') return 0;
    if (Array.isArray(v)) return v.slice(0, 50).map((x) => walk(x, key));
    if (v && typeof v === 'object') return Object.fromEntries(Object.entries(v as Record<string, unknown>).slice(0, 100).map(([k, x]) => [k, walk(x, k)]));
    return v;
  };
  return JSON.stringify(walk(data)).replace(/</g, '\\u003c');
}

/**
 * The page skeleton as an HTML document string, first line a comment with the URL's pattern
 * (which `npm run detect` reads when no URL is given). Bounded: at most 60,000 nodes.
 */
export function pageSkeleton(doc: Document, url: URL): string {
  const out: string[] = [];
  let nodes = 0;
  const emit = (n: Node): void => {
    if (++nodes > MAX_NODES) return;
    if (n.nodeType === 3) {
      out.push(esc(maskText(n.nodeValue || '')));
      return;
    }
    if (n.nodeType !== 1) return;
    const el = n as Element;
    const tag = el.tagName.toLowerCase();
    if (DROP.has(el.tagName)) {
      if (el.tagName === 'SCRIPT' && el.getAttribute('type') === 'application/ld+json') {
        const j = maskJsonLd(el.textContent || '');
        if (j) out.push(`<script type="application/ld+json">${j}</script>`);
      }
      return;
    }
    const attrs = Array.from(el.attributes)
      .filter((a) => !/^on/i.test(a.name) && a.name !== 'style' && a.name !== 'srcset' && a.name !== 'sizes')
      .map((a) => ` ${a.name}="${escAttr(maskAttr(a.name, a.value))}"`)
      .join('');
    out.push(`<${tag}${attrs}>`);
    if (VOID.has(el.tagName)) return;
    // svg: the element stays (icons are structure), its drawing does not
    if (tag !== 'svg') for (let c = el.firstChild; c; c = c.nextSibling) emit(c);
    out.push(`</${tag}>`);
  };
  const lang = doc.documentElement?.getAttribute('lang');
  const head: string[] = [];
  if (doc.title) head.push(`<title>${esc(maskText(doc.title))}</title>`);
  doc.querySelectorAll('head script[type="application/ld+json"]').forEach((s) => {
    const j = maskJsonLd(s.textContent || '');
    if (j) head.push(`<script type="application/ld+json">${j}</script>`);
  });
  if (doc.body) emit(doc.body);
  const pattern = maskUrl(url.href);
  return `<!-- kal-skeleton url: ${pattern.replace(/--/g, '-')} -->\n<!DOCTYPE html>\n<html${lang ? ` lang="${escAttr(lang)}"` : ''}><head><meta charset="utf-8">${head.join('')}</head>${out.join('')}</html>\n`;
}

/** The URL pattern recorded in a skeleton's first line, or undefined. */
export function skeletonUrl(html: string): string | undefined {
  const m = /^<!-- kal-skeleton url: (\S+) -->/.exec(html);
  return m ? m[1] : undefined;
}
