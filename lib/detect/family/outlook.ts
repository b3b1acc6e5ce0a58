// Outlook on the web family: its route (lib/detect/family/routes.ts) and detector, loaded on
// demand by the Outlook content script (lib/detect/on-demand.ts).
import type { PageContext } from '../../types';
import { detectOutlook } from '../outlook';
import { outlookRoute } from './routes';
import { neverThrows } from './safe';

/** An Outlook URL's page context; undefined outside the mail app. Throws on failure. */
export function detectOutlookStrict(doc: Document, url: URL): PageContext | undefined {
  return outlookRoute(url) ? detectOutlook(doc, url) : undefined;
}

/** Outlook page → PageContext; never throws. */
export const detectOutlookPage = neverThrows('outlook', detectOutlookStrict);
