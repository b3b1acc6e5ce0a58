// Keys as people read them. Domain keys are stored in ASCII (IDNA A-labels, "xn--…"); the UI
// shows the Unicode spelling. Dashboard and sidebar only (pulls the punycode decoder, ~3 KB).
import { toUnicode } from 'punycode/punycode.es6.js';

/** "xn--mller-logistik-gsb.de" → "müller-logistik.de"; any other string unchanged. */
export function displayDomain(key: string): string {
  if (!/(^|\.)xn--/.test(key)) return key;
  try {
    return toUnicode(key);
  } catch {
    return key;
  }
}
