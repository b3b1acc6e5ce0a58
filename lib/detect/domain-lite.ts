// Stand-in for tldts' getDomain in the content-script build only (see wxt.config.ts): the full
// public-suffix list is ~130 KB minified, four times the content script's whole budget.
// It is exact for ordinary company domains (acme.fr, acme.co.uk, acme.com.au); for rarer
// suffixes it may keep one label too many. The background recomputes every domain it matches
// on with the real tldts (lib/match/match.ts → pageKeys, from the page's emails and website), so
// matching never depends on this. Same signature as tldts' getDomain; options are ignored.
const SECOND_LEVEL = new Set(['co', 'com', 'net', 'org', 'gov', 'edu', 'ac', 'gouv', 'asso', 'ltd', 'plc', 'ne', 'or', 'go', 'nhs', 'sch', 'mil', 'nom']);

export function getDomain(host: string, _options?: { allowPrivateDomains?: boolean; extractHostname?: boolean }): string | null {
  const labels = host.toLowerCase().replace(/\.$/, '').split('.').filter(Boolean);
  if (labels.length < 2) return null;
  const tld = labels[labels.length - 1]!;
  const sld = labels[labels.length - 2]!;
  const n = tld.length === 2 && SECOND_LEVEL.has(sld) ? 3 : 2;
  return labels.length >= n ? labels.slice(-n).join('.') : null;
}
