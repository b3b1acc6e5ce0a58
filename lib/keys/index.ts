// The canonical matching keys, in ONE place: detection, matching, the repository, backup restore,
// CSV import, the dashboard and the sidebar all call these, so a key stored and a key seen on a
// page are always spelled the same way.
//   domains.ts  — domain keys (registrable domain, private PSL suffixes, IDN in ASCII), emails
//   linkedin.ts — LinkedIn profile / company page keys
//   names.ts    — company and person name keys, generic names
// Content scripts may import this module: it holds no tables (the URL parser does IDNA and the
// content-script build swaps tldts for a stand-in); free-mail lists are in lib/match/mail-hosts.
export { hostKey, domainKey, registrableOf, websiteDomainKey, emailKey, emailDomainKey } from './domains';
export { canonicalProfileUrl, canonicalCompanyUrl, salesNavCompanyUrl, profileSlug, slugKey, isLinkedInHost, linkedInUrl, LINKEDIN_ORIGIN } from './linkedin';
export { foldText, nameKey, personKey, isGenericNameKey, GENERIC_NAME_WORDS } from './names';
