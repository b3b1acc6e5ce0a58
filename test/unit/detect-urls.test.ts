// URL classification in the style of github-url-detection: each detector lists the URLs it must
// accept, and must reject every other URL in the table.
import { describe, expect, it } from 'vitest';
import * as urls from '../../lib/detect/urls';

const table: Record<string, string[]> = {
  isLinkedInProfileUrl: [
    'https://www.linkedin.com/in/claire-martin-achats/',
    'https://www.linkedin.com/in/claire-martin-achats',
    'https://linkedin.com/in/lukas-becker/',
    'https://fr.linkedin.com/in/elodie-fabre-rh?originalSubdomain=fr',
    'https://www.linkedin.com/in/sophie-lambert-%C3%A9nergie/overlay/contact-info/',
    'https://www.linkedin.com/in/lukas-becker/details/experience/',
    'https://www.linkedin.com/in/ACoAAB1x2y3zQ9rStUvWxYz',
    'http://www.linkedin.com/in/marc-leroy-dsi/#about',
  ],
  isLinkedInCompanyUrl: [
    'https://www.linkedin.com/company/groupe-hexagone-distribution/',
    'https://www.linkedin.com/company/groupe-hexagone-distribution/about/?viewAsMember=true',
    'https://www.linkedin.com/company/groupe-hexagone-distribution/people/',
    'https://www.linkedin.com/company/groupe-hexagone-distribution/jobs/',
    'https://www.linkedin.com/company/groupe-hexagone-distribution/posts/?feedView=all',
    'https://www.linkedin.com/company/groupe-hexagone-distribution/life/',
    'https://www.linkedin.com/company/2837461',
    'https://uk.linkedin.com/company/harrow-finch-logistics',
    'https://www.linkedin.com/showcase/nordlicht-analytics-energy/',
  ],
  isSalesNavLeadUrl: [
    'https://www.linkedin.com/sales/lead/ACwAAB1x2y3zQ9rStUvWxYz,NAME_SEARCH,Qx9z',
    'https://www.linkedin.com/sales/lead/ACwAAE72,NAME_SEARCH,z2?_ntb=q',
  ],
  isSalesNavAccountUrl: [
    'https://www.linkedin.com/sales/company/2837462',
    'https://www.linkedin.com/sales/company/5120934/people?_ntb=a1',
  ],
  isGmailUrl: [
    'https://mail.google.com/mail/u/0/#inbox',
    'https://mail.google.com/mail/u/0/#inbox/p2',
    'https://mail.google.com/mail/u/0/#label/Clients',
    'https://mail.google.com/mail/u/0/#search/hexagone',
    'https://mail.google.com/mail/u/0/#settings/general',
    'https://mail.google.com/mail/u/0/#inbox/FMfcgzQZTxyz',
    'https://mail.google.com/mail/u/1/#label/Clients%2FVan+der+Linde/FMfcgzQZxLkWbRtPqSvMnJhGfDcBa',
    'https://mail.google.com/mail/u/0/#search/hexagone/FMfcgzQZTxyzAbCd',
    'https://mail.google.com/mail/u/0/#sent/18e21f0b9a3c4d05',
    'https://mail.google.com/mail/u/0/#category/promotions/FMfcgzQZTxyzAbCd',
    'https://mail.google.com/mail/',
  ],
  isGmailThreadUrl: [
    'https://mail.google.com/mail/u/0/#inbox/FMfcgzQZTxyz',
    'https://mail.google.com/mail/u/1/#label/Clients%2FVan+der+Linde/FMfcgzQZxLkWbRtPqSvMnJhGfDcBa',
    'https://mail.google.com/mail/u/0/#search/hexagone/FMfcgzQZTxyzAbCd',
    'https://mail.google.com/mail/u/0/#sent/18e21f0b9a3c4d05',
    'https://mail.google.com/mail/u/0/#category/promotions/FMfcgzQZTxyzAbCd',
  ],
  isOutlookUrl: [
    'https://outlook.office.com/mail/',
    'https://outlook.office.com/mail/inbox',
    'https://outlook.office.com/mail/inbox/id/AAQkADc3NzYxZjQ1%2FqLjD0X%3D',
    'https://outlook.office365.com/mail/inbox/id/AAQkAGE1ZjM5LTNhYjEtNDg2',
    'https://outlook.live.com/mail/0/inbox/id/AQQkADAwATM0MDAAMS1jZWY3',
    'https://outlook.cloud.microsoft/mail/inbox/id/AAQkAGI2',
    'https://outlook.cloud.microsoft/mail/deeplink/read/AAMkAGI2',
  ],
  none: [
    'https://www.linkedin.com/feed/',
    'https://www.linkedin.com/',
    'https://www.linkedin.com/search/results/people/?keywords=hexagone',
    'https://www.linkedin.com/mynetwork/',
    'https://www.linkedin.com/messaging/thread/2-abc/',
    'https://www.linkedin.com/school/technische-universitat-munchen/',
    'https://www.linkedin.com/sales/home',
    'https://www.linkedin.com/sales/search/people?query=x',
    'https://www.linkedin.com/sales/lists/people',
    'https://www.linkedin.com/pulse/achats-responsables-claire-martin/',
    'https://www.linkedin.com/incareer/',
    'https://www.linkedin.com/companyx/foo/',
    'https://www.linkedin.com/in/',
    'https://www.linkedin.com/company/',
    'https://www.linkedin.com.evil.example/in/claire-martin-achats/',
    'https://evil-linkedin.com/in/claire-martin-achats/',
    'https://example.com/?u=https://www.linkedin.com/in/claire-martin-achats/',
    'ftp://www.linkedin.com/in/claire-martin-achats/',
    'https://mail.google.com/',
    'https://mail.google.com/chat/u/0/',
    'https://gmail.com/mail/u/0/#inbox/FMfcgzQZTxyz',
    'https://mail.google.com.evil.example/mail/u/0/#inbox/FMfcgzQZTxyz',
    'https://outlook.office.com/calendar/view/week',
    'https://outlook.office.com/',
    'https://outlook.live.com/owa/',
    'https://outlook.cloud.microsoft.evil.example/mail/inbox',
    'https://www.hexagone-distribution.fr/',
    'not a url',
    '',
  ],
};

const detectors = Object.keys(table).filter((k) => k !== 'none') as (keyof typeof urls)[];
const all = [...new Set(Object.values(table).flat())];

describe.each(detectors)('%s', (name) => {
  const detect = urls[name] as (u: string) => boolean;
  const mine = new Set(table[name]);
  it.each(table[name])('accepts %s', (u) => expect(detect(u)).toBe(true));
  it.each(all.filter((u) => !mine.has(u)))('rejects %s', (u) => expect(detect(u)).toBe(false));
  it('accepts URL objects too', () => expect(detect(new URL(table[name][0]) as unknown as string)).toBe(true));
});

describe('canonicalProfileUrl', () => {
  it.each([
    ['https://www.linkedin.com/in/claire-martin-achats/', 'https://www.linkedin.com/in/claire-martin-achats/'],
    ['https://fr.linkedin.com/in/Claire-Martin-Achats?trk=x#top', 'https://www.linkedin.com/in/claire-martin-achats/'],
    ['/in/claire-martin-achats/overlay/contact-info/', 'https://www.linkedin.com/in/claire-martin-achats/'],
    ['https://www.linkedin.com/in/sophie-lambert-%C3%A9nergie/', 'https://www.linkedin.com/in/sophie-lambert-énergie/'],
    ['https://www.linkedin.com/in/%E5%BC%A0%E4%BC%9F-123/', 'https://www.linkedin.com/in/张伟-123/'],
    ['HTTPS://WWW.LINKEDIN.COM/in/Jonas-Weber-Kessler', 'https://www.linkedin.com/in/jonas-weber-kessler/'],
  ])('%s → %s', (input, out) => expect(urls.canonicalProfileUrl(input)).toBe(out));
  it.each([
    'https://www.linkedin.com/company/x/',
    'https://www.linkedin.com/in/a%2Fb/',
    // malformed escapes are rejected, not kept as a second spelling
    'https://www.linkedin.com/in/bad%ZZslug/',
    'https://www.linkedin.com/in/%/',
    'https://www.linkedin.com/in/%3Cscript%3E/',
    'https://evil.example/in/claire/',
    'javascript:alert(1)//www.linkedin.com/in/x/',
    '',
    undefined,
  ])('rejects %s', (input) => expect(urls.canonicalProfileUrl(input)).toBeUndefined());
});

describe('canonicalCompanyUrl', () => {
  it.each([
    ['https://www.linkedin.com/company/groupe-hexagone-distribution/about/?trk=x', 'https://www.linkedin.com/company/groupe-hexagone-distribution/'],
    ['/company/2837461/', 'https://www.linkedin.com/company/2837461/'],
    ['https://fr.linkedin.com/company/4815162/?trk=public_profile', 'https://www.linkedin.com/company/4815162/'],
    ['https://uk.linkedin.com/company/Harrow-Finch-Logistics/people/', 'https://www.linkedin.com/company/harrow-finch-logistics/'],
    // decision: showcase pages share the company key space
    ['https://www.linkedin.com/showcase/nordlicht-analytics-energy/posts/', 'https://www.linkedin.com/company/nordlicht-analytics-energy/'],
    ['https://www.linkedin.com/company/soci%C3%A9t%C3%A9-g%C3%A9n%C3%A9rale/', 'https://www.linkedin.com/company/société-générale/'],
  ])('%s → %s', (input, out) => expect(urls.canonicalCompanyUrl(input)).toBe(out));
  it.each(['https://www.linkedin.com/in/x/', 'https://www.linkedin.com/school/x/', 'https://example.com/company/x/', '', null])(
    'rejects %s',
    (input) => expect(urls.canonicalCompanyUrl(input)).toBeUndefined(),
  );
  it('Sales Navigator account ids map to company URLs', () => {
    expect(urls.salesNavCompanyUrl('/sales/company/2837462?_ntb=x')).toBe('https://www.linkedin.com/company/2837462/');
    expect(urls.salesNavCompanyUrl('https://www.linkedin.com/sales/company/5120934/people')).toBe('https://www.linkedin.com/company/5120934/');
    expect(urls.salesNavCompanyUrl('/sales/lead/ACwAA,NAME_SEARCH,x')).toBeUndefined();
  });
});

describe('registrableDomain', () => {
  it.each([
    ['marc.leroy@hexagone-distribution.fr', 'hexagone-distribution.fr'],
    ['Marc.Leroy@Mail.Hexagone-Distribution.FR', 'hexagone-distribution.fr'],
    ['mail.acme.co.uk', 'acme.co.uk'],
    ['https://shop.harrowfinch.co.uk/contact?x=1', 'harrowfinch.co.uk'],
    ['www.hexagone-distribution.fr/carrieres', 'hexagone-distribution.fr'],
    ['energy.nordlicht-analytics.de', 'nordlicht-analytics.de'],
    ['www.cavaldeloire.coop', 'cavaldeloire.coop'],
    ['x@sub.example.com.', 'example.com'],
  ])('%s → %s', (input, out) => expect(urls.registrableDomain(input)).toBe(out));
  it.each(['', 'localhost', '192.168.0.1', 'not a domain', 'co.uk', undefined])('rejects %s', (input) =>
    expect(urls.registrableDomain(input)).toBeUndefined(),
  );
});

describe('cleanWebsite and unwrapRedirect', () => {
  it.each([
    ['https://www.hexagone-distribution.fr/?utm_source=linkedin&utm_medium=company_page', 'https://www.hexagone-distribution.fr/'],
    ['http://www.transports-lemoine.fr', 'http://www.transports-lemoine.fr'],
    ['https://kessler-maschinenbau.de/?utm_source=li&lang=de', 'https://kessler-maschinenbau.de/?lang=de'],
    ['https://www.linkedin.com/redir/redirect?url=https%3A%2F%2Fwww.cavaldeloire.coop%2F%3Futm_source%3Dx&urlhash=k1', 'https://www.cavaldeloire.coop/'],
    ['https://www.linkedin.com/safety/go?url=https%3A%2F%2Fpolaris-energy.se&trk=flagship-messaging', 'https://polaris-energy.se'],
    ['hexagone-distribution.fr', 'https://hexagone-distribution.fr'],
  ])('%s → %s', (input, out) => expect(urls.cleanWebsite(input)).toBe(out));
  it.each(['javascript:alert(1)', 'mailto:contact@x.fr', 'https://www.linkedin.com/company/x/', 'tel:+33100000000', 'Voir le site', ''])(
    'rejects %s',
    (input) => expect(urls.cleanWebsite(input)).toBeUndefined(),
  );
  it('unwraps nested redirects and leaves other links alone', () => {
    const inner = 'https://www.linkedin.com/redir/redirect?url=' + encodeURIComponent('https://acme.fr/');
    expect(urls.unwrapRedirect('https://www.linkedin.com/redir/redirect?url=' + encodeURIComponent(inner))).toBe('https://acme.fr/');
    expect(urls.unwrapRedirect('https://acme.fr/redir/redirect?url=x')).toBe('https://acme.fr/redir/redirect?url=x');
  });
});

describe('thread ids from URLs', () => {
  it('Gmail token (not the thread id) only for thread views', () => {
    expect(urls.gmailThreadToken('https://mail.google.com/mail/u/0/#inbox/FMfcgzQZTxyz')).toBe('FMfcgzQZTxyz');
    expect(urls.gmailThreadToken('https://mail.google.com/mail/u/0/#inbox/p3')).toBeUndefined();
    expect(urls.gmailThreadToken('https://mail.google.com/mail/u/0/#settings/general')).toBeUndefined();
  });
  it('Outlook item id, decoded', () => {
    expect(urls.outlookItemId('https://outlook.office.com/mail/inbox/id/AAQk%2FqL%3D')).toBe('AAQk/qL=');
    expect(urls.outlookItemId('https://outlook.office.com/mail/inbox')).toBeUndefined();
  });
});
