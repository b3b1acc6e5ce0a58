// Gmail family: its route (lib/detect/family/routes.ts) and detector, loaded on demand by the
// Gmail content script (lib/detect/on-demand.ts).
import type { PageContext } from '../../types';
import { detectGmail } from '../gmail';
import { gmailRoute } from './routes';
import { neverThrows } from './safe';

/** A Gmail URL's page context; undefined outside the mail app. Throws on failure. */
export function detectGmailStrict(doc: Document, url: URL): PageContext | undefined {
  return gmailRoute(url) ? detectGmail(doc, url) : undefined;
}

/** Gmail page → PageContext; never throws. */
export const detectGmailPage = neverThrows('gmail', detectGmailStrict);
