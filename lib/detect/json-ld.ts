// schema.org JSON-LD blocks of LinkedIn's public (logged-out) pages: Person on profiles,
// Organization on company pages. The page is hostile: bounded sizes, any shape tolerated.
import { clean } from './text';

export interface LdOrganization {
  name?: string;
  /** as given (any xx.linkedin.com host); callers canonicalise */
  url?: string;
  sameAs?: string;
}
export interface LdPerson {
  name?: string;
  url?: string;
  locality?: string;
  jobTitles: string[];
  /** current organisations, in page order (LinkedIn lists the top card's first) */
  worksFor: LdOrganization[];
}

const MAX_BLOCK = 400_000;
/** The blocks read here: a page without one has no JSON-LD (the profile detector loads its JSON-LD part only on pages with one). */
export const LD_SCRIPTS = 'script[type="application/ld+json"]';
type Obj = Record<string, unknown>;
const isObj = (v: unknown): v is Obj => !!v && typeof v === 'object' && !Array.isArray(v);
const list = (v: unknown): unknown[] => (Array.isArray(v) ? v.slice(0, 50) : v === undefined || v === null ? [] : [v]);
const str = (v: unknown): string | undefined => (typeof v === 'string' ? clean(v) : undefined);
const typeIs = (o: Obj, t: string) => list(o['@type']).some((x) => x === t);

/** Every JSON object in the page's ld+json blocks (top level, arrays and @graph), bounded. */
export function ldObjects(doc: Document): Obj[] {
  const out: Obj[] = [];
  const scripts = doc.querySelectorAll(LD_SCRIPTS);
  for (let i = 0; i < scripts.length && i < 10; i++) {
    const src = scripts[i].textContent || '';
    if (!src || src.length > MAX_BLOCK) continue;
    let data: unknown;
    try {
      data = JSON.parse(src);
    } catch {
      continue;
    }
    for (const o of list(data)) {
      if (!isObj(o)) continue;
      out.push(o);
      for (const g of list(o['@graph'])) if (isObj(g)) out.push(g);
    }
  }
  return out;
}

const org = (o: unknown): LdOrganization | undefined => {
  if (typeof o === 'string') return clean(o) ? { name: clean(o) } : undefined;
  if (!isObj(o)) return undefined;
  const r: LdOrganization = {};
  const name = str(o.name);
  const url = str(o.url);
  const sameAs = str(list(o.sameAs)[0]);
  if (name) r.name = name;
  if (url) r.url = url;
  if (sameAs) r.sameAs = sameAs;
  return name || url ? r : undefined;
};

/** The page's Person (schema.org), or undefined. */
export function ldPerson(doc: Document): LdPerson | undefined {
  const p = ldObjects(doc).find((o) => typeIs(o, 'Person'));
  if (!p) return undefined;
  const address = list(p.address).find(isObj);
  return {
    name: str(p.name),
    url: str(p.url),
    locality: address ? str(address.addressLocality) : undefined,
    jobTitles: list(p.jobTitle).map(str).filter((x): x is string => !!x),
    worksFor: list(p.worksFor).map(org).filter((x): x is LdOrganization => !!x),
  };
}

/** The page's Organization (schema.org Organization or Corporation), or undefined. */
export function ldOrganization(doc: Document): (LdOrganization & { website?: string }) | undefined {
  const o = ldObjects(doc).find((x) => typeIs(x, 'Organization') || typeIs(x, 'Corporation'));
  const r = o && org(o);
  if (!o || !r) return undefined;
  const sameAs = list(o.sameAs).map(str).find((u) => !!u && !/linkedin\.com/i.test(u));
  return sameAs ? { ...r, website: sameAs } : r;
}
