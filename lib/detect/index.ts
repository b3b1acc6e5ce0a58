// detectPage: host page DOM → PageContext. Pure, synchronous, never throws.
// Each site family's routing lives in lib/detect/family/<site>.ts so that each content script
// ships only its own detectors; this module dispatches to all of them (tests, scripts, bench).
import type { PageContext, Site } from '../types';
import { siteOf } from './urls';
import { detectLinkedInStrict } from './family/linkedin';
import { detectGmailStrict } from './family/gmail';
import { detectOutlookStrict } from './family/outlook';
import type { StrictDetector } from './family/safe';

export { siteOf };

const FAMILY: Record<Site, StrictDetector | undefined> = {
  linkedin: detectLinkedInStrict,
  gmail: detectGmailStrict,
  outlook: detectOutlookStrict,
  web: undefined,
};

/** detectPage without the safety net: throws if a site module fails. For tests and the CLI. */
export function detectPageStrict(doc: Document, url: URL): PageContext {
  const site = siteOf(url);
  return FAMILY[site]?.(doc, url) ?? { site, kind: 'other', url: url.href };
}

/** Host page DOM → PageContext. Never throws: a page it cannot read is "other". */
export function detectPage(doc: Document, url: URL): PageContext {
  let site: Site = 'web';
  let href = '';
  try {
    href = typeof url?.href === 'string' ? url.href : '';
    site = siteOf(url);
    return detectPageStrict(doc, url);
  } catch {
    return { site, kind: 'other', url: href };
  }
}
