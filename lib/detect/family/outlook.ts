// Outlook on the web family: the only detector the Outlook content script ships
// (entrypoints/outlook.content.ts).
import type { PageContext } from '../../types';
import { isOutlookUrl } from '../urls';
import { detectOutlook } from '../outlook';
import { neverThrows } from './safe';

/** An Outlook URL's page context; undefined outside the mail app. Throws on failure. */
export function detectOutlookStrict(doc: Document, url: URL): PageContext | undefined {
  return isOutlookUrl(url) ? detectOutlook(doc, url) : undefined;
}

/** Outlook page → PageContext; never throws. */
export const detectOutlookPage = neverThrows('outlook', detectOutlookStrict);
