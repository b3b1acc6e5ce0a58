// Real export formats beyond the handed cases, one fixture per KIND of export (bytes written as
// the application writes them): Excel "Unicode Text", Excel for Mac "CSV (Macintosh)", Google
// Sheets / LibreOffice multi-line cells, HubSpot, Salesforce Data Export, Pipedrive, Dynamics 365,
// Excel's trailing separators. Each test asserts the exact imported values.
import { describe, expect, it } from 'vitest';
import iconv from 'iconv-lite';
import { decodeCsvBytes, decodeMacRoman } from '../../lib/io/csv/decode';
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

  it('the user can force Mac OS Roman (or back to Windows-1252)', () => {
    const bytes = enc('Name\rZoé\r', 'macintosh');
    expect(decodeCsvBytes(bytes, 'macintosh')).toEqual({ text: 'Name\rZoé\r', encoding: 'macintosh', source: 'user' });
    expect(decodeCsvBytes(bytes, 'windows-1252').text).toBe('Name\rZoŽ\r');
  });
});
