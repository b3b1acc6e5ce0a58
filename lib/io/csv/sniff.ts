// Files chosen as CSV that are not text: an Excel workbook, a PDF, any binary file. Recognised by
// their first bytes (file signatures) before decoding, so the user reads "this is an Excel
// workbook: save it as CSV" instead of a garbled preview or "no header row".
// Signatures: ZIP local file header "PK\x03\x04" (.xlsx, .ods, .numbers are ZIP packages, ECMA-376
// Part 2 / ODF 1.2 Part 3), the OLE2 compound file header D0 CF 11 E0 A1 B1 1A E1 (Excel 97–2003
// .xls, [MS-CFB] 2.2), "%PDF-" (ISO 32000-1 7.5.2).

/** What a non-text file is: `workbook` (ZIP: .xlsx/.ods), `xls` (Excel 97–2003), `pdf`, `binary` (anything else not text). */
export type NotTextKind = 'workbook' | 'xls' | 'pdf' | 'binary';

const startsWith = (b: Uint8Array, sig: number[]) => sig.every((x, i) => b[i] === x);

/**
 * The kind of a file that is not text, or undefined for text (in any encoding the decoder knows:
 * UTF-16 has NUL bytes, so only control bytes other than NUL count against a file without a
 * signature). Looks at the first 4 KB only.
 */
export function notTextKind(bytes: Uint8Array): NotTextKind | undefined {
  if (startsWith(bytes, [0x50, 0x4b, 0x03, 0x04])) return 'workbook';
  if (startsWith(bytes, [0xd0, 0xcf, 0x11, 0xe0, 0xa1, 0xb1, 0x1a, 0xe1])) return 'xls';
  if (startsWith(bytes, [0x25, 0x50, 0x44, 0x46, 0x2d])) return 'pdf';
  const head = bytes.subarray(0, 4096);
  let control = 0;
  // C0 controls other than NUL, tab, line feed, vertical tab, form feed, carriage return, and
  // ESC/SUB (old exports end with ^Z): text files have none; a binary file has many.
  for (const b of head) if (b < 0x20 && b !== 0 && b !== 9 && b !== 10 && b !== 11 && b !== 12 && b !== 13 && b !== 26 && b !== 27) control++;
  return head.length && control / head.length > 0.05 ? 'binary' : undefined;
}
