// Real export formats beyond the handed cases, one fixture per KIND of export (bytes written as
// the application writes them): Excel "Unicode Text", Excel for Mac "CSV (Macintosh)", Google
// Sheets / LibreOffice multi-line cells, HubSpot, Salesforce Data Export, Pipedrive, Dynamics 365,
// Excel's trailing separators. Each test asserts the exact imported values.
import { describe, expect, it } from 'vitest';
import iconv from 'iconv-lite';
import { decodeCsvBytes, decodeIbm850, decodeMacRoman } from '../../lib/io/csv/decode';
import { cellValue, readLayout } from '../../lib/io/csv/layout';
import { salesforceId15 } from '../../lib/io/csv/crm-ids';
import { makeT } from '../../lib/i18n';
import { fixture, importPlan } from './csv-helpers';

const enc = (s: string, e: string) => new Uint8Array(iconv.encode(s, e));
const accountsOf = (p: ReturnType<typeof importPlan>) =>
  p.plan.batch.accounts.map((a) => ({ name: a.name, crmIds: a.crmIds, domains: a.domains, website: a.website, currentRevenue: a.currentRevenue, currency: a.currency, renewalAt: a.renewalAt, address: a.address, description: a.description, owner: a.owner }));

describe('Excel "Unicode Text (*.txt)": UTF-16 LE with BOM, tab-separated, CRLF', () => {
  it('is decoded by its BOM, split on tabs, quoted cells keep their tab and quotes', () => {
    const r = importPlan(fixture('excel-unicode-text.txt'), 'excel-unicode-text.txt', { locale: 'en-US' });
    expect(r.decoded).toMatchObject({ encoding: 'utf-16le', source: 'bom' });
    expect(r.table.separator).toBe('\t');
    expect(r.table.headers).toEqual(['Company Name', 'Website', 'Annual Revenue', 'Renewal Date', 'Description']);
    expect(r.plan.problems).toEqual([]);
    expect(accountsOf(r).map(({ name, domains, currentRevenue, renewalAt, description }) => ({ name, domains, currentRevenue, renewalAt, description }))).toEqual([
      { name: 'Société Générale Assurances', domains: ['sg-assurances.fr'], currentRevenue: 1_200_000, renewalAt: '2027-03-25', description: 'Key account, "tier 1"' },
      { name: 'Müller Logistik GmbH', domains: ['mueller-logistik.de'], currentRevenue: 45_000, renewalAt: '2026-12-01', description: undefined },
      { name: 'Łódź Foods', domains: ['lodzfoods.pl'], currentRevenue: 0, renewalAt: undefined, description: 'Notes with\ttab' },
    ]);
  });
});

describe('Excel for Mac "CSV (Macintosh)": Mac OS Roman bytes, CR-only line endings', () => {
  it('is detected as Mac OS Roman (not read as Windows-1252 with wrong letters) and split on CR', () => {
    const r = importPlan(fixture('mac-excel-csv-macintosh.csv'), 'mac-excel-csv-macintosh.csv');
    expect(r.decoded).toMatchObject({ encoding: 'macintosh', source: 'detected' });
    expect(r.table.rows.map((x) => x.row)).toEqual([2, 3, 4]);
    expect(accountsOf(r).map(({ name, owner, address, currentRevenue }) => ({ name, owner, address, currentRevenue }))).toEqual([
      { name: 'Société Lefèvre', owner: 'Zoé Müller', address: 'Orléans', currentRevenue: 1_500_000 },
      { name: 'Crème Brûlée SARL', owner: 'Françoise Noël', address: 'Besançon', currentRevenue: 230_000 },
      { name: 'Grün & Söhne', owner: 'Jürgen Weiß', address: 'Zürich', currentRevenue: 90_000 },
    ]);
  });

  it('decodes Mac OS Roman as browsers do (WHATWG index-macintosh)', () => {
    const all = new Uint8Array(256).map((_, i) => i);
    const ours = decodeMacRoman(all);
    // iconv-lite's table predates Mac OS 8.5: 0xDB is ¤ there, € in Apple's ROMAN.TXT and WHATWG;
    // 0xBD Ω (U+03A9 vs U+2126) and 0xF0 (Apple logo, private use) differ too — compare the rest.
    const ref = iconv.decode(Buffer.from(all), 'macintosh');
    for (let i = 0; i < 256; i++) if (![0xbd, 0xdb, 0xf0].includes(i)) expect(ours[i]).toBe(ref[i]);
    expect([ours[0xbd], ours[0xdb], ours[0xf0]].map((c) => c.codePointAt(0))).toEqual([0x3a9, 0x20ac, 0xf8ff]);
    expect(ours[0x8e] + ours[0x8f] + ours[0x9f] + ours[0xd5]).toBe('éèü’');
  });

  it('chooses between Windows-1252 and Mac OS Roman by which reads as text, for French, German, Spanish and Portuguese', () => {
    const samples = [
      'Nom;Ville\r\nLefèvre & Fils;Besançon\r\n',
      'Name,Stadt\rMüller Straße GmbH,München\rGrün & Söhne,Köln\r',
      'Empresa,Ciudad\nTelefónica España,Logroño\n',
      'Empresa,Cidade\nConstruções Ação Ltda,São João\n',
      'Compte;Note\r\nŒuvres du cœur;l’entreprise « clé »\r\n',
      'Société,Déjà vu à l’été,Crème brûlée\r\n',
      'ÉCOLE NATIONALE,ÉTÉ\n',
    ];
    for (const s of samples) {
      expect(decodeCsvBytes(enc(s, 'windows-1252'))).toEqual({ text: s, encoding: 'windows-1252', source: 'detected' });
      expect(decodeCsvBytes(enc(s, 'macintosh'))).toEqual({ text: s, encoding: 'macintosh', source: 'detected' });
    }
  });

  it('Excel "CSV (MS-DOS)": DOS code page 850 can be chosen (not guessed) and decodes as the Unicode CP850 mapping (iconv-lite agrees on every byte)', () => {
    const all = new Uint8Array(256).map((_, i) => i);
    expect(decodeIbm850(all)).toBe(iconv.decode(Buffer.from(all), 'cp850'));
    expect(decodeCsvBytes(enc('Société;Müller\r\nFrançoise;Zürich\r\n', 'cp850'), 'ibm850')).toEqual({ text: 'Société;Müller\r\nFrançoise;Zürich\r\n', encoding: 'ibm850', source: 'user' });
  });

  it('Central European Excel (Windows-1250): Polish is detected; Czech letters that 1252 also has as letters stay 1252 (the user chooses)', () => {
    const pl = 'Nazwa;Miasto\r\nŁódzkie Zakłady Przemysłowe;Łódź\r\nŻabka Polska;Poznań\r\nSpółka Wschodnia;Białystok\r\n';
    expect(decodeCsvBytes(enc(pl, 'windows-1250'))).toEqual({ text: pl, encoding: 'windows-1250', source: 'detected' });
    const cz = 'Název;Město\r\nDvořák a syn;Plzeň\r\n';
    expect(decodeCsvBytes(enc(cz, 'windows-1250'))).toMatchObject({ encoding: 'windows-1252', text: 'Název;Mìsto\r\nDvoøák a syn;Plzeò\r\n' });
    expect(decodeCsvBytes(enc(cz, 'windows-1250'), 'windows-1250')).toEqual({ text: cz, encoding: 'windows-1250', source: 'user' });
    const all = new Uint8Array(256).map((_, i) => i);
    // iconv-lite maps the 5 unassigned bytes to U+FFFD, WHATWG (browsers) to U+0081…: compare the rest.
    const ours = decodeCsvBytes(all, 'windows-1250').text;
    const ref = iconv.decode(Buffer.from(all), 'windows-1250');
    for (let i = 0; i < 256; i++) if (![0x81, 0x83, 0x88, 0x90, 0x98].includes(i)) expect(ours[i]).toBe(ref[i]);
    expect([0x81, 0x83, 0x88, 0x90, 0x98].map((b) => ours.charCodeAt(b))).toEqual([0x81, 0x83, 0x88, 0x90, 0x98]);
  });

  it('the user can force Mac OS Roman (or back to Windows-1252)', () => {
    const bytes = enc('Name\rZoé\r', 'macintosh');
    expect(decodeCsvBytes(bytes, 'macintosh')).toEqual({ text: 'Name\rZoé\r', encoding: 'macintosh', source: 'user' });
    expect(decodeCsvBytes(bytes, 'windows-1252').text).toBe('Name\rZoŽ\r');
  });
});

const peopleOf = (p: ReturnType<typeof importPlan>) => {
  const names = new Map([...p.plan.batch.accounts].map((a) => [a.id, a.name]));
  return p.plan.batch.stakeholders.map((s) => ({ name: s.name, emails: s.emails, title: s.title, account: names.get(s.accountId) ?? s.accountId }));
};

describe('Google Sheets / LibreOffice: UTF-8 without BOM, quoted multi-line cells, doubled quotes, no final newline', () => {
  it('keeps line breaks and quotes inside cells and reads the last line', () => {
    const r = importPlan(fixture('google-sheets-multiline.csv'), 'google-sheets-multiline.csv');
    expect(r.decoded).toMatchObject({ encoding: 'utf-8', source: 'detected' });
    expect(r.table.rows.map((x) => x.row)).toEqual([2, 3, 4]);
    expect(accountsOf(r).map(({ name, domains, description, renewalAt }) => ({ name, domains, description, renewalAt }))).toEqual([
      { name: 'Acme Corp', domains: ['acme-corp.com'], description: 'Line one\r\nLine two with "quotes"', renewalAt: '2027-01-31' },
      { name: 'Globex, Inc.', domains: ['globex.org'], description: 'Multi\nline LF only', renewalAt: '2026-12-15' },
      { name: 'Initech', domains: ['initech.net'], description: undefined, renewalAt: '2027-06-30' },
    ]);
  });
});

describe('HubSpot exports', () => {
  it('companies: Record ID is the CRM id, domain and website from their own columns, "Create Date" is not a field; a re-import finds the accounts by Record ID', () => {
    const r = importPlan(fixture('hubspot-companies.csv'), 'hubspot-companies.csv');
    expect(r.mapping).toEqual(['crmId', 'name', 'domain', 'website', 'currentRevenue', '', 'owner', 'industry', 'city', 'country']);
    expect(accountsOf(r)).toEqual([
      { name: 'Acme Corp', crmIds: ['18273645001'], domains: ['acme-corp.com'], website: 'https://www.acme-corp.com', currentRevenue: 2_500_000, currency: 'EUR', renewalAt: undefined, address: 'Boston\nUnited States', description: undefined, owner: 'Jane Doe' },
      { name: 'Globex', crmIds: ['18273645002'], domains: ['globex.org'], website: undefined, currentRevenue: 750_000.5, currency: 'EUR', renewalAt: undefined, address: 'Paris\nFrance', description: undefined, owner: undefined },
    ]);
    // Renamed in the CRM and domain changed: the Record ID still finds the same account.
    const renamed = r.plan.batch.accounts.map((a) => ({ ...a, name: `${a.name} (old)`, nameKey: `${a.nameKey}old`, domains: [] }));
    const again = importPlan(fixture('hubspot-companies.csv'), 'hubspot-companies.csv', { existing: { accounts: renamed, stakeholders: [] } });
    expect(again.plan.batch.accounts).toEqual([]);
    expect(again.plan.rows.map((x) => [x.row, x.outcome === 'create' ? 'create' : 'found'])).toEqual([[2, 'found'], [3, 'found']]);
  });

  it('contacts: "Associated Company" names the account', () => {
    const r = importPlan(fixture('hubspot-contacts.csv'), 'hubspot-contacts.csv');
    expect(r.mapping).toEqual(['', 'firstName', 'lastName', 'email', 'title', 'company', '', '']);
    expect(peopleOf(r)).toEqual([
      { name: 'Ana Silva', emails: ['ana.silva@acme-corp.com'], title: 'VP Procurement', account: 'Acme Corp' },
      { name: 'Bo Chen', emails: ['bo@globex.org'], title: 'CTO', account: 'Globex' },
    ]);
  });
});

describe('Salesforce Data Export (API field names, every value quoted)', () => {
  it('Account.csv: Id (18 characters) is the CRM id, Name the name, address parts joined, custom date field read, system columns ignored', () => {
    const r = importPlan(fixture('salesforce-export-Account.csv'), 'Account.csv');
    expect(r.mapping).toEqual(['crmId', '', '', 'name', '', '', 'street', 'city', 'region', 'postalCode', 'country', '', 'website', 'industry', 'currentRevenue', '', '', '', 'renewalAt']);
    expect(accountsOf(r).map(({ name, crmIds, domains, address, renewalAt, currentRevenue }) => ({ name, crmIds, domains, address, renewalAt, currentRevenue }))).toEqual([
      { name: 'Acme Corp', crmIds: ['0015g00000AbCdEAAV'], domains: ['acme-corp.com'], address: '1 Main St\nSuite 200\n02110 Boston\nMA\nUSA', renewalAt: '2027-01-31', currentRevenue: 2_500_000 },
      { name: 'Globex', crmIds: ['0015g00000AbCdFAAV'], domains: ['globex.org'], address: '75002 Paris\nFrance', renewalAt: undefined, currentRevenue: 0 },
    ]);
  });

  it('Contact.csv: AccountId links each contact to the account imported from Account.csv (was: every contact left without an account)', () => {
    const accounts = importPlan(fixture('salesforce-export-Account.csv'), 'Account.csv').plan.batch.accounts;
    const r = importPlan(fixture('salesforce-export-Contact.csv'), 'Contact.csv', { existing: { accounts, stakeholders: [] } });
    expect(r.mapping[3]).toBe('companyCrmId');
    expect(r.plan.unassigned).toEqual([]);
    const names = new Map(accounts.map((a) => [a.id, a.name]));
    expect(r.plan.batch.stakeholders.map((s) => ({ name: s.name, emails: s.emails, account: names.get(s.accountId) }))).toEqual([
      { name: 'Ana Silva', emails: ['ana.silva@acme-corp.com'], account: 'Acme Corp' },
      { name: 'Bo Chen', emails: ['bo@gmail.com'], account: 'Globex' },
    ]);
    // Without the accounts, the contacts are listed to assign, not refused.
    expect(importPlan(fixture('salesforce-export-Contact.csv'), 'Contact.csv').plan.unassigned.map((u) => u.name)).toEqual(['Ana Silva', 'Bo Chen']);
  });
});

describe('Pipedrive exports ("Organization - Name", "Person - Email")', () => {
  it('organizations: the entity prefix is read past; ID, name, owner, address, website, label', () => {
    const r = importPlan(fixture('pipedrive-organizations.csv'), 'organizations.csv');
    expect(r.mapping).toEqual(['crmId', 'name', 'owner', 'street', 'website', 'tags']);
    expect(accountsOf(r).map(({ name, crmIds, owner, address, domains }) => ({ name, crmIds, owner, address, domains }))).toEqual([
      { name: 'Acme Corp', crmIds: ['12'], owner: 'Jane Doe', address: '1 Main St, Boston, MA 02110, USA', domains: ['acme-corp.com'] },
      { name: 'Globex', crmIds: ['13'], owner: 'Jane Doe', address: undefined, domains: ['globex.org'] },
    ]);
    expect(r.plan.batch.accounts[0].tags).toEqual(['Hot lead']);
  });

  it('persons: read as contacts; "(Work)" / "(Home)" after each address is dropped; the organization names the account', () => {
    const r = importPlan(fixture('pipedrive-persons.csv'), 'persons.csv');
    expect(r.mapping).toEqual(['', 'fullName', 'email', '', 'company', 'title']);
    expect(r.plan.problems).toEqual([]);
    expect(peopleOf(r)).toEqual([
      { name: 'Ana Silva', emails: ['ana.silva@acme-corp.com'], title: 'VP Procurement', account: 'Acme Corp' },
      { name: 'Bo Chen', emails: ['bo@globex.org', 'bo.chen@gmail.com'], title: 'CTO', account: 'Globex' },
    ]);
  });
});

describe('Dynamics 365 "Export to Excel" saved as CSV', () => {
  it('the hidden "(Do Not Modify)" columns are ignored except the record GUID (the CRM id); "Address 1: City" is the city', () => {
    const r = importPlan(fixture('dynamics-365-accounts.csv'), 'accounts.csv');
    expect(r.mapping).toEqual(['crmId', '', '', 'name', '', 'city', '', 'website', 'currentRevenue']);
    expect(accountsOf(r).map(({ name, crmIds, address, domains, currentRevenue, currency }) => ({ name, crmIds, address, domains, currentRevenue, currency }))).toEqual([
      { name: 'Acme Corp', crmIds: ['6f1d2a3b-0c4d-ef11-8409-000d3a2b4c5d'], address: 'Boston', domains: ['acme-corp.com'], currentRevenue: 2_500_000, currency: 'USD' },
      { name: 'Globex', crmIds: ['7a2e3b4c-1d5e-ef11-8409-000d3a2b4c5d'], address: 'Paris', domains: ['globex.org'], currentRevenue: 0, currency: 'EUR' },
    ]);
  });

  it('French column names: "(Ne pas modifier) Compte", "Adresse 1 : Ville", "Adresse 1 : Code postal"', () => {
    const text = '(Ne pas modifier) Compte;(Ne pas modifier) Somme de contrôle de ligne;(Ne pas modifier) Modifié le;Nom du compte;Adresse 1 : Code postal;Adresse 1 : Ville;Adresse 1 : Pays/région\r\n' +
      '6f1d2a3b-0c4d-ef11-8409-000d3a2b4c5d;kZx9Qw==;25/03/2026 14:03;Société Lefèvre;45000;Orléans;France\r\n';
    const r = importPlan(new TextEncoder().encode(text), 'comptes.csv');
    expect(r.mapping).toEqual(['crmId', '', '', 'name', 'postalCode', 'city', 'country']);
    expect(accountsOf(r).map(({ name, crmIds, address }) => ({ name, crmIds, address }))).toEqual([{ name: 'Société Lefèvre', crmIds: ['6f1d2a3b-0c4d-ef11-8409-000d3a2b4c5d'], address: '45000 Orléans\nFrance' }]);
  });
});

describe('Excel leftovers: rows of only separators, trailing empty columns, header with trailing (non-breaking) spaces, no final newline', () => {
  it('reads the two accounts and nothing else', () => {
    const r = importPlan(fixture('excel-trailing-separators.csv'), 'comptes.csv');
    // the three empty columns after the last named one are dropped (they were "Column 4…6" in the mapping)
    expect(r.table.headers).toEqual(['Nom du compte', 'Site web', "Chiffre d'affaires"]);
    expect(r.mapping).toEqual(['name', 'website', 'currentRevenue']);
    expect(r.table.problems).toEqual([]);
    expect(accountsOf(r).map(({ name, domains, currentRevenue }) => ({ name, domains, currentRevenue }))).toEqual([
      { name: 'Société Lefèvre', domains: ['lefevre.fr'], currentRevenue: 1_200_000 },
      { name: 'Dupont SA', domains: ['dupont.fr'], currentRevenue: 45_000 },
    ]);
  });
});

describe('address-book exports', () => {
  it('Outlook contacts (Windows-1252, every field quoted): "Job Title" is the title, not the courtesy "Title" column', () => {
    const r = importPlan(fixture('outlook-contacts.csv'), 'contacts.csv');
    expect(r.decoded.encoding).toBe('windows-1252');
    expect(r.mapping).toEqual(['', 'firstName', '', 'lastName', '', 'company', '', 'title', '', 'location', '', '', '', 'email', '', '', '', '']);
    expect(peopleOf(r)).toEqual([
      { name: 'Hélène Lefèvre', emails: ['helene.lefevre@lefevre.fr'], title: 'Directrice des achats', account: 'Société Lefèvre' },
      { name: 'Jürgen Weiß', emails: ['j.weiss@gruen-soehne.de'], title: 'CTO', account: 'Grün & Söhne' },
    ]);
    expect(r.plan.batch.stakeholders.map((s) => s.location)).toEqual(['Orléans', 'Köln']);
  });

  it('Google Contacts: "E-mail 1 - Value" with " ::: " between addresses, "Organization Name" / "Organization Title"', () => {
    const r = importPlan(fixture('google-contacts.csv'), 'contacts.csv');
    expect(r.mapping).toEqual(['firstName', '', 'lastName', '', '', '', '', 'email', '', '', 'company', 'title', '']);
    expect(r.plan.problems).toEqual([]);
    expect(peopleOf(r)).toEqual([
      { name: 'Ana Silva', emails: ['ana.silva@acme-corp.com', 'ana@gmail.com'], title: 'VP Procurement', account: 'Acme Corp' },
      { name: 'Bo Chen', emails: ['bo@globex.org'], title: 'CTO', account: 'Globex' },
    ]);
  });
});

describe('cells wrapped for spreadsheets', () => {
  it('Excel text formulas ="02110" and the anti-injection apostrophe before = + - @ are read as the value the spreadsheet shows', () => {
    expect(['="02110"', '="a ""b"""', '=SUM(A1)', "'=1200", "'@jane", "'-5", "'+33 1 23", "'Tis", "l'été"].map(cellValue)).toEqual(['02110', 'a "b"', '=SUM(A1)', '=1200', '@jane', '-5', '+33 1 23', "'Tis", "l'été"]);
    const csv = 'Account Name,Billing Zip/Postal Code,Annual Revenue,Account Owner\r\nAcme,="02110",="2500000",\'@jane\r\nGlobex,"=""75002""",\'+1200,Bob\r\n';
    const r = importPlan(new TextEncoder().encode(csv), 'x.csv');
    expect(r.plan.problems).toEqual([]);
    expect(r.plan.batch.accounts.map((a) => [a.name, a.address, a.currentRevenue, a.owner])).toEqual([['Acme', '02110', 2_500_000, '@jane'], ['Globex', '75002', 1200, 'Bob']]);
  });

  it('HubSpot lists every associated company ";"-separated: the contact goes to the first (primary) one', () => {
    const csv = 'Record ID,First Name,Last Name,Email,Associated Company\n1,Ana,Silva,ana@acme-corp.com,Acme Corp;Globex\n';
    expect(peopleOf(importPlan(new TextEncoder().encode(csv), 'c.csv'))).toEqual([{ name: 'Ana Silva', emails: ['ana@acme-corp.com'], title: undefined, account: 'Acme Corp' }]);
  });

  it('an unnamed trailing column that holds data is kept (named "Column N"); a header padded with separators to more than twice its names ("Name;Site;;;", was refused: no header row) is found, and rows written without the padding are read', () => {
    const kept = readLayout('Name;Site;\r\nAcme;acme.fr;x\r\nDupont;dupont.fr;\r\n', 'f.csv');
    expect(kept.ok && kept.table.headers).toEqual(['Name', 'Site', 'Column 3']);
    const short = readLayout('Name;Site;;;\r\nAcme;acme.fr\r\nDupont;dupont.fr;;;\r\n', 'f.csv');
    expect(short.ok && [short.table.headers, short.table.rows.map((x) => x.cells), short.table.problems]).toEqual([['Name', 'Site'], [['Acme', 'acme.fr'], ['Dupont', 'dupont.fr']], []]);
  });
});

describe('Zoho CRM accounts export', () => {
  it('"Record Id" (zcrm_…) is the CRM id, "Billing Code" the postal code', () => {
    const r = importPlan(fixture('zoho-accounts.csv'), 'Accounts.csv');
    expect(r.mapping).toEqual(['crmId', 'name', 'owner', 'website', 'currentRevenue', 'street', 'city', 'postalCode', 'country', '']);
    expect(accountsOf(r).map(({ name, crmIds, owner, domains, currentRevenue, address }) => ({ name, crmIds, owner, domains, currentRevenue, address }))).toEqual([
      { name: 'Acme Corp', crmIds: ['zcrm_4876876000000498001'], owner: 'Jane Doe', domains: ['acme-corp.com'], currentRevenue: 2_500_000, address: '1 Main St\n02110 Boston\nUSA' },
    ]);
  });
});

describe('Salesforce ids in their two forms', () => {
  it('an 18-character id keys as its 15 characters when its checksum holds (Salesforce’s example 001A0000006Vm9r → …IAC)', () => {
    expect(salesforceId15('001A0000006Vm9rIAC')).toBe('001A0000006Vm9r');
    expect(salesforceId15('001A0000006Vm9rIAD')).toBeUndefined();
    expect(salesforceId15('0015g00000AbCdEAAV')).toBe('0015g00000AbCdE');
    expect(salesforceId15('18273645001')).toBeUndefined();
  });

  it('a report with 15-character Account IDs finds the accounts a Data Export (18 characters) created; contacts link either way', () => {
    const accounts = importPlan(fixture('salesforce-export-Account.csv'), 'Account.csv').plan.batch.accounts;
    const report = 'Account ID,Account Name,Billing City\r\n0015g00000AbCdE,Northeast Holdings (ex-Acme),Boston\r\n0015g00000AbCdF,Paris Office Team,Paris\r\n';
    const r = importPlan(new TextEncoder().encode(report), 'report.csv', { existing: { accounts, stakeholders: [] } });
    expect(r.plan.batch.accounts).toEqual([]);
    expect(r.plan.rows.map((x) => x.outcome === 'create')).toEqual([false, false]);
    const contacts = 'First Name,Last Name,Email,Account ID\r\nAna,Silva,ana@acme-corp.com,0015g00000AbCdE\r\n';
    const c = importPlan(new TextEncoder().encode(contacts), 'contacts.csv', { existing: { accounts, stakeholders: [] } });
    expect(c.plan.batch.stakeholders.map((s) => accounts.find((a) => a.id === s.accountId)?.name)).toEqual(['Acme Corp']);
  });
});

describe('ids mangled by a spreadsheet', () => {
  it('a HubSpot Record ID re-saved by Excel as "1.82736E+10" is refused (never used to match two companies as one), in English and French', () => {
    const csv = 'Record ID,Company name,Company Domain Name\r\n1.82736E+10,Acme Corp,acme-corp.com\r\n1.82736E+10,Globex,globex.org\r\n18273645003,Initech,initech.net\r\n';
    const r = importPlan(new TextEncoder().encode(csv), 'companies.csv');
    expect(r.plan.badRows).toEqual([2, 3]);
    expect(r.plan.problems.map((p) => [p.row, p.field, p.code, p.vars])).toEqual([
      [2, 'Record ID', 'csv_id_mangled', { value: '1.82736E+10' }],
      [3, 'Record ID', 'csv_id_mangled', { value: '1.82736E+10' }],
    ]);
    expect(r.plan.batch.accounts.map((a) => [a.name, a.crmIds])).toEqual([['Initech', ['18273645003']]]);
    expect(makeT('fr')('problem_csv_id_mangled', { value: '1.82736E+10' })).toBe('« 1.82736E+10 » est un identifiant raccourci par un tableur : exportez à nouveau le fichier (ou mettez la colonne au format Texte avant d’enregistrer), ou n’associez cette colonne à aucun champ.');
  });
});
