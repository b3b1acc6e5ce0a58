// The safety net every page detector runs under: a site module that throws (a layout it does not
// know) yields "other" for that site instead of an exception on the host page.
import type { PageContext, Site } from '../../types';

/** A site family's strict detector: the page's context, or undefined for a URL it does not read. */
export type StrictDetector = (doc: Document, url: URL) => PageContext | undefined;

/** (Document, URL) → PageContext that never throws: unknown routes and failures are `kind: 'other'`. */
export function neverThrows(site: Site, strict: StrictDetector): (doc: Document, url: URL) => PageContext {
  return (doc, url) => {
    let href = '';
    try {
      href = typeof url?.href === 'string' ? url.href : '';
      return strict(doc, url) ?? { site, kind: 'other', url: href };
    } catch {
      return { site, kind: 'other', url: href };
    }
  };
}
