// Gmail family: the only detector the Gmail content script ships (entrypoints/gmail.content.ts).
import type { PageContext } from '../../types';
import { isGmailUrl } from '../urls';
import { detectGmail } from '../gmail';
import { neverThrows } from './safe';

/** A Gmail URL's page context; undefined outside the mail app. Throws on failure. */
export function detectGmailStrict(doc: Document, url: URL): PageContext | undefined {
  return isGmailUrl(url) ? detectGmail(doc, url) : undefined;
}

/** Gmail page → PageContext; never throws. */
export const detectGmailPage = neverThrows('gmail', detectGmailStrict);
