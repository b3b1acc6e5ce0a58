// The readers behind CSV import, by kind: decoding, layout, dates per column, amounts per column.
import { describe, expect, it } from 'vitest';
import iconv from 'iconv-lite';
import { decodeCsvBytes, decodeWindows1252 } from '../../lib/io/csv/decode';
import { cut, readLayout } from '../../lib/io/csv/layout';
import { decideDateOrders, readDate } from '../../lib/io/csv/dates';
import { decideDecimalMarks, readAmount } from '../../lib/io/csv/numbers';
import { guessMapping, planAccountImport, readColumns, readCsvFile } from '../../lib/io/csv-import';
import { newId } from '../../lib/db/repo';
import { formatProblem } from '../../lib/io/errors';
import { makeT } from '../../lib/i18n';
import { problemWords } from '../../components/dashboard/data/Problems';

const enc = (s: string, e: string) => new Uint8Array(iconv.encode(s, e));
const TEXT = 'Nom;Ville\r\nLefèvre & Fils;Besançon\r\nŒuvres – “Zénith”;Mâcon €\r\n';

describe('decoding', () => {
  it('honours byte-order marks (UTF-8, UTF-16 LE and BE) by our own code', () => {
    for (const [e, bom] of [['utf-8', [0xef, 0xbb, 0xbf]], ['utf-16le', [0xff, 0xfe]], ['utf-16be', [0xfe, 0xff]]] as const) {
      const bytes = new Uint8Array([...bom, ...enc(TEXT, e)]);
      expect(decodeCsvBytes(bytes)).toEqual({ text: TEXT, encoding: e, source: 'bom' });
    }
  });
  it('recognises UTF-16 without a BOM by its NUL bytes', () => {
    expect(decodeCsvBytes(enc(TEXT, 'utf-16le'))).toMatchObject({ text: TEXT, encoding: 'utf-16le' });
    expect(decodeCsvBytes(enc(TEXT, 'utf-16be'))).toMatchObject({ text: TEXT, encoding: 'utf-16be' });
  });
  it('reads bytes that are not UTF-8 as Windows-1252, as browsers map 0x80–0x9F', () => {
    expect(decodeCsvBytes(enc(TEXT, 'windows-1252'))).toEqual({ text: TEXT, encoding: 'windows-1252', source: 'detected' });
    const all = new Uint8Array(256).map((_, i) => i);
    // iconv-lite maps the 5 unassigned bytes (0x81 0x8D 0x8F 0x90 0x9D) to U+FFFD; WHATWG (browsers) to U+0081… — compare the rest.
    const ours = decodeWindows1252(all);
    const ref = iconv.decode(Buffer.from(all), 'windows-1252');
    for (let i = 0; i < 256; i++) if (![0x81, 0x8d, 0x8f, 0x90, 0x9d].includes(i)) expect(ours[i]).toBe(ref[i]);
    expect([0x81, 0x8d, 0x8f, 0x90, 0x9d].map((b) => ours.charCodeAt(b))).toEqual([0x81, 0x8d, 0x8f, 0x90, 0x9d]);
    expect(ours[0x80] + ours[0x92] + ours[0x8c] + ours[0x9c]).toBe('€’Œœ');
  });
  it('valid UTF-8 stays UTF-8; the user can force another encoding and is told when it is lossy', () => {
    expect(decodeCsvBytes(enc(TEXT, 'utf-8'))).toMatchObject({ encoding: 'utf-8', source: 'detected', text: TEXT });
    expect(decodeCsvBytes(enc(TEXT, 'windows-1252'), 'utf-8')).toMatchObject({ encoding: 'utf-8', source: 'user', lossy: true });
    expect(decodeCsvBytes(enc('Café', 'utf-8'), 'windows-1252').text).toBe('CafÃ©');
  });
});

describe('layout', () => {
  it('takes sep= as the separator hint and lets the user choose another', () => {
    const t = readLayout('sep=;\nName;Revenue\nAcme;1,5\n', 'f.csv');
    expect(t.ok && [t.table.separator, t.table.separatorSource, t.table.headers, t.table.rows]).toEqual([';', 'sep-line', ['Name', 'Revenue'], [{ row: 2, cells: ['Acme', '1,5'] }]]);
    const cr = readLayout('sep=;\rName;Revenue\rAcme;1,5\r', 'f.csv');
    expect(cr.ok && [cr.table.separator, cr.table.separatorSource, cr.table.rows[0].cells]).toEqual([';', 'sep-line', ['Acme', '1,5']]);
    const u = readLayout('Name|Revenue\nAcme|1,5\n', 'f.csv', '|');
    expect(u.ok && [u.table.separator, u.table.separatorSource, u.table.rows[0].cells]).toEqual(['|', 'user', ['Acme', '1,5']]);
    const tab = readLayout('Name\tDomain\tCity\nA\ta.fr\tParis\nB\tb.fr\tLyon\n', 'f.csv');
    expect(tab.ok && tab.table.separator).toBe('\t');
  });
  it('finds the header below title lines and drops trailing non-data lines', () => {
    const text = 'Notes:\n"When exporting your connection data, you may notice that some of the email addresses are missing."\n\nFirst Name,Last Name,Company\nAnn,Lee,Acme\nBob,Ray,Globex\n\nGrand total\n"Confidential"\n';
    const t = readLayout(text, 'f.csv');
    if (!t.ok) throw new Error();
    expect(t.table.headerRow).toBe(4);
    expect(t.table.headers).toEqual(['First Name', 'Last Name', 'Company']);
    expect(t.table.rows.map((r) => r.cells[0])).toEqual(['Ann', 'Bob']);
    expect(t.table.skipped.map((s) => [s.row, s.why])).toEqual([[1, 'title'], [2, 'title'], [8, 'footer'], [9, 'footer']]);
  });
  it('reports duplicate and reserved header names and reads columns by position', () => {
    const t = readLayout('__proto__,constructor,Name,Name,\nx,y,Acme,Other,z\n', 'f.csv');
    if (!t.ok) throw new Error();
    expect(t.table.headers).toEqual(['__proto__', 'constructor', 'Name', 'Name (2)', 'Column 5']);
    expect(t.table.headerNotes.map((p) => p.field)).toEqual(['__proto__', 'constructor', 'Name']);
    // each with a reason code: worded in the user's language
    expect(t.table.headerNotes.map((p) => formatProblem(p, problemWords(makeT('en'))))).toEqual([
      'f.csv › row 1 › __proto__: “__proto__” is a reserved name: the column is read by its position only.',
      'f.csv › row 1 › constructor: “constructor” is a reserved name: the column is read by its position only.',
      'f.csv › row 1 › Name: this column name appears 2 times (column 4 is shown as “Name (2)”): check the mapping.',
    ]);
    expect(t.table.headerNotes.map((p) => formatProblem(p, problemWords(makeT('fr'))))).toEqual([
      'f.csv › ligne 1 › __proto__: « __proto__ » est un nom réservé : la colonne est lue par sa position seulement.',
      'f.csv › ligne 1 › constructor: « constructor » est un nom réservé : la colonne est lue par sa position seulement.',
      'f.csv › ligne 1 › Name: ce nom de colonne apparaît 2 fois (la colonne 4 est affichée « Name (2) ») : vérifiez la correspondance des colonnes.',
    ]);
    const m = guessMapping(t.table.headers, 'accounts');
    expect(m).toEqual(['', '', 'name', '', '']);
    const plan = planAccountImport(t.table, m, readColumns(t.table, m, { locale: 'en' }), { accounts: [], stakeholders: [] }, { file: 'f.csv', now: 1, newId });
    expect(plan.ok && plan.batch.accounts.map((a) => a.name)).toEqual(['Acme']);
    expect(Object.prototype.hasOwnProperty.call(Object.prototype, 'polluted')).toBe(false);
  });
  it('file layout problems (empty, no header, wrong column count, long header) carry reason codes worded in French', () => {
    const fr = problemWords(makeT('fr'));
    const empty = readLayout('\n\n', 'vide.csv');
    expect(!empty.ok && empty.problems.map((p) => formatProblem(p, fr))).toEqual(['vide.csv: est vide.']);
    const noHeader = readLayout(`${'Report line\n'.repeat(31)}Name;Domain\nAcme;acme.fr\n`, 'a.csv', ';');
    expect(!noHeader.ok && noHeader.problems.map((p) => formatProblem(p, fr))).toEqual(['a.csv › ligne 1: n’a pas de ligne d’en-tête (aucune ligne ne se découpe en colonnes avec « ; »).']);
    const t = readLayout(`Name,City,${'H'.repeat(120)}\nAcme,Lyon,x\nBad,row\n`, 'b.csv');
    if (!t.ok) throw new Error();
    expect(t.table.problems.map((p) => formatProblem(p, fr))).toEqual(['b.csv › ligne 3: a 2 colonnes, l’en-tête en a 3 (un séparateur ou un guillemet mal placé ?) : « Bad,row ».']);
    expect(t.table.headerNotes.map((p) => formatProblem(p, fr))).toEqual([`b.csv › ligne 1 › Column 3: le nom de colonne fait 120 caractères : « ${'H'.repeat(59)}… ».`]);
  });
  it('a one-column file (a list of company names) is read: its first line is the header, every other line a row', () => {
    const t = readLayout('\uFEFFName\r\nAcme\r\n\r\nGlobex SA\r\nInitech\r\n', 'names.csv');
    if (!t.ok) throw new Error(JSON.stringify(t.problems));
    expect([t.table.headerRow, t.table.headers, t.table.rows.map((r) => [r.row, ...r.cells]), t.table.skipped, t.table.problems]).toEqual([1, ['Name'], [[2, 'Acme'], [4, 'Globex SA'], [5, 'Initech']], [], []]);
    const m = guessMapping(t.table.headers, 'accounts');
    expect(m).toEqual(['name']);
    // French: "Nom" is the account's name in an accounts file, a person's last name in a contacts file
    expect(guessMapping(['Nom'], 'accounts')).toEqual(['name']);
    expect(guessMapping(['Dénomination sociale', 'Ville'], 'accounts')).toEqual(['name', 'city']);
    expect(guessMapping(['Prénom', 'Nom', 'Société'], 'contacts')).toEqual(['firstName', 'lastName', 'company']);
    const plan = planAccountImport(t.table, m, readColumns(t.table, m, { locale: 'en' }), { accounts: [], stakeholders: [] }, { file: 'names.csv', now: 1, newId });
    expect(plan.ok && plan.batch.accounts.map((a) => a.name)).toEqual(['Acme', 'Globex SA', 'Initech']);
  });
  it('a workbook, an old .xls, a PDF or a binary file chosen as CSV is named for what it is, in English and French; text in UTF-16 or with ^Z stays text', () => {
    const fr = problemWords(makeT('fr'));
    const en = problemWords(makeT('en'));
    const bytes = (...xs: number[]) => new Uint8Array([...xs, ...new TextEncoder().encode('rest of the file')]);
    const xlsx = readCsvFile(bytes(0x50, 0x4b, 0x03, 0x04, 0x14, 0x00, 0x06, 0x00), 'Comptes.xlsx');
    expect(!xlsx.layout.ok && xlsx.layout.problems.map((p) => formatProblem(p, en))).toEqual(['Comptes.xlsx: is a spreadsheet workbook (.xlsx or .ods), not a CSV file: save it as CSV (Excel: File › Save As › CSV UTF-8), then choose that file.']);
    expect(!xlsx.layout.ok && xlsx.layout.problems.map((p) => formatProblem(p, fr))).toEqual(['Comptes.xlsx: est un classeur (.xlsx ou .ods), pas un fichier CSV : enregistrez-le en CSV (Excel : Fichier › Enregistrer sous › CSV UTF-8), puis choisissez ce fichier.']);
    const xls = readCsvFile(bytes(0xd0, 0xcf, 0x11, 0xe0, 0xa1, 0xb1, 0x1a, 0xe1), 'old.xls');
    expect(!xls.layout.ok && xls.layout.problems.map((p) => p.code)).toEqual(['csv_not_text_xls']);
    const pdf = readCsvFile(new TextEncoder().encode('%PDF-1.7\n%âãÏÓ\n1 0 obj'), 'report.csv');
    expect(!pdf.layout.ok && pdf.layout.problems.map((p) => formatProblem(p, fr))).toEqual(['report.csv: est un document PDF, pas un fichier CSV : exportez les données en CSV depuis leur application.']);
    const noise = new Uint8Array(2000).map((_, i) => (i * 7919) % 256);
    const bin = readCsvFile(noise, 'photo.csv');
    expect(!bin.layout.ok && bin.layout.problems.map((p) => p.code)).toEqual(['csv_not_text_binary']);
    // text stays text: UTF-16 LE without a BOM (NUL bytes), Windows-1252 ending with ^Z
    const utf16 = readCsvFile(iconv.encode('Name,Domain\nAcme,acme.fr\n', 'utf16-le'), 'u16.csv');
    expect(utf16.layout.ok && utf16.layout.table.rows.map((r) => r.cells)).toEqual([['Acme', 'acme.fr']]);
    const ansi = readCsvFile(new Uint8Array([...iconv.encode('Nom;Société\nAcme;Générale\n', 'win1252'), 0x1a]), 'ansi.csv');
    expect(ansi.layout.ok && ansi.layout.table.rows[0]!.cells).toEqual(['Acme', 'Générale']);
  });
  it('cuts long values in messages', () => {
    const huge = 'x'.repeat(2_000_000);
    expect(cut(huge)).toHaveLength(60);
    const t = readLayout(`Name,Annual Revenue\nAcme,${huge}\n`, 'f.csv');
    if (!t.ok) throw new Error();
    const m = guessMapping(t.table.headers, 'accounts');
    const plan = planAccountImport(t.table, m, readColumns(t.table, m, { locale: 'en' }), { accounts: [], stakeholders: [] }, { file: 'f.csv', now: 1, newId });
    expect(plan.ok && plan.problems[0].message.length).toBeLessThan(120);
  });
});

describe('dates, one reading per column', () => {
  const decide = (cols: string[][], fallback: 'DMY' | 'MDY' = 'DMY') => [...decideDateOrders(new Map(cols.map((c, i) => [i, c])), fallback).values()];
  it('decides from unambiguous values, the other columns, then the locale (and says it is a guess)', () => {
    expect(decide([['03/25/2026', '03/04/2026']])).toEqual([{ order: 'MDY', source: 'values', conflicts: 0, ambiguous: false }]);
    expect(decide([['25/03/2026', '03/04/2026']], 'MDY')).toEqual([{ order: 'DMY', source: 'values', conflicts: 0, ambiguous: false }]);
    expect(decide([['03/04/2026'], ['25/12/2026']], 'MDY').map((r) => [r.order, r.source])).toEqual([['DMY', 'file'], ['DMY', 'values']]);
    expect(decide([['03/04/2026', '01/02/2027']], 'MDY')).toEqual([{ order: 'MDY', source: 'locale', conflicts: 0, ambiguous: true }]);
    expect(decide([['25/03/2026', '03/25/2026']])[0]).toMatchObject({ conflicts: 1 });
  });
  it('reads ISO, serials, month names in French and English, and refuses impossible days', () => {
    expect(readDate('2027-03-15', 'MDY')).toBe('2027-03-15');
    expect(readDate('2027-03-15T23:30:00-08:00', 'DMY')).toBe('2027-03-15');
    expect(readDate('46461', 'DMY')).toBe('2027-03-15');
    expect(readDate('15 mars 2027', 'MDY')).toBe('2027-03-15');
    expect(readDate('1er février 2027', 'DMY')).toBe('2027-02-01');
    expect(readDate('March 15, 2027', 'DMY')).toBe('2027-03-15');
    expect(readDate('15-Mar-2027', 'MDY')).toBe('2027-03-15');
    expect(readDate('4 janv. 2027', 'DMY')).toBe('2027-01-04');
    expect(readDate('03/04/27', 'DMY')).toBe('2027-04-03');
    expect(readDate('31/02/2027', 'DMY')).toBeNull();
    expect(readDate('12/31/2026', 'DMY')).toBeNull();
    expect(readDate('soon', 'DMY')).toBeNull();
    expect(readDate('  ', 'DMY')).toBeUndefined();
  });
});

describe('amounts, one reading per column', () => {
  const marks = (cols: string[][], sep = ',', locale = 'en-GB') => [...decideDecimalMarks(new Map(cols.map((c, i) => [i, c])), sep, locale).values()].map((r) => [r.decimal, r.source]);
  it('reads "45.000" like "1.200.000" in the same column', () => {
    expect(marks([['45.000', '1.200.000']])).toEqual([[',', 'values']]);
    expect(readAmount('45.000', ',')).toEqual({ value: 45000 });
    expect(readAmount('1.200.000', ',')).toEqual({ value: 1200000 });
    expect(marks([['45.000', '12.5']])).toEqual([['.', 'values']]);
    expect(marks([['45.000']], ';')).toEqual([[',', 'file']]);
    expect(marks([['45.000']], '\t', 'fr-FR')).toEqual([[',', 'locale']]);
    expect(marks([['45.000']], ',', 'fr-FR')).toEqual([['.', 'file']]);
  });
  it('keeps the currency of symbols and codes, and k/M suffixes', () => {
    expect(readAmount('$2.5M', '.')).toEqual({ value: 2500000, currency: 'USD' });
    expect(readAmount('£1,200', '.')).toEqual({ value: 1200, currency: 'GBP' });
    expect(readAmount('1 250 000 €', ',')).toEqual({ value: 1250000, currency: 'EUR' });
    expect(readAmount('2,5 M€', ',')).toEqual({ value: 2500000, currency: 'EUR' });
    expect(readAmount('45k', '.')).toEqual({ value: 45000 });
    expect(readAmount("CHF 1'200.50", '.')).toEqual({ value: 1200.5, currency: 'CHF' });
    expect(readAmount('(1,200)', '.')).toEqual({ value: -1200 });
    expect(readAmount('1.2.3', ',')).toBeNull();
    expect(readAmount('lots', '.')).toBeNull();
    expect(readAmount(' – ', '.')).toBeUndefined();
  });
  it('sets the account currency from symbols, and reports a conflict instead of dropping it', () => {
    const t = readLayout('Name,Annual Revenue,Potential,Currency\nA,$2.5M,$3M,\nB,£1200,,\nC,$5,,EUR\nD,$5,£6,\n', 'f.csv');
    if (!t.ok) throw new Error();
    const m = guessMapping(t.table.headers, 'accounts');
    const plan = planAccountImport(t.table, m, readColumns(t.table, m, { locale: 'en' }), { accounts: [], stakeholders: [] }, { file: 'f.csv', now: 1, newId });
    if (!plan.ok) throw new Error();
    expect(plan.batch.accounts.map((a) => [a.name, a.currentRevenue, a.potentialRevenue, a.currency])).toEqual([['A', 2500000, 3000000, 'USD'], ['B', 1200, 0, 'GBP']]);
    expect(plan.problems.map((p) => [p.row, p.message])).toEqual([
      [4, 'amounts are in USD but the currency column says EUR'],
      [5, 'amounts in different currencies (USD, GBP) on one row'],
    ]);
  });
});

describe('file-level hints for ambiguous columns', () => {
  const plan = (text: string, locale: string) => {
    const t = readLayout(text, 'f.csv');
    if (!t.ok) throw new Error();
    const m = guessMapping(t.table.headers, 'accounts');
    const r = readColumns(t.table, m, { locale });
    const p = planAccountImport(t.table, m, r, { accounts: [], stakeholders: [] }, { file: 'f.csv', now: 1, newId });
    if (!p.ok) throw new Error();
    return { p, r };
  };
  it('a semicolon file with only ambiguous dates is read day-first even in an en-US browser', () => {
    const { p, r } = plan('Nom du compte;Date de renouvellement\nA;03/04/2027\nB;05/06/2027\n', 'en-US');
    expect(p.batch.accounts.map((a) => a.renewalAt)).toEqual(['2027-04-03', '2027-06-05']);
    expect(r.dates.get(1)).toMatchObject({ order: 'DMY', ambiguous: true });
  });
  it('a comma file reads an ambiguous "1,200" as a thousand, even in a French browser', () => {
    const { p } = plan('Name,Annual Revenue\nA,"1,200"\nB,"3,500"\n', 'fr-FR');
    expect(p.batch.accounts.map((a) => a.currentRevenue)).toEqual([1200, 3500]);
  });
});

describe('report footers re-saved by Excel', () => {
  it('drops footer lines padded to the full width when a blank line separates them from the data', () => {
    const text = 'Account Name;Website;City\nFabrikam;fabrikam.example;Nantes\nSolo Name Only;;\n;;\nCopyright (c) 2000-2026 salesforce.com, inc.;;\nConfidential Information - Do Not Distribute;;\n';
    const t = readLayout(text, 'f.csv');
    if (!t.ok) throw new Error();
    expect(t.table.rows.map((r) => r.cells[0])).toEqual(['Fabrikam', 'Solo Name Only']);
    expect(t.table.skipped.map((s) => [s.row, s.why])).toEqual([[5, 'footer'], [6, 'footer']]);
  });
});
