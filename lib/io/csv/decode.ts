// Bytes of a CSV file → text, by our own rules rather than by what `Blob.text()` happens to do:
// a byte-order mark decides (UTF-8, UTF-16 LE/BE); otherwise UTF-16 without a BOM is recognised
// by its NUL bytes, then the bytes are tried as UTF-8 and, when they are not valid UTF-8, read
// as Windows-1252 ("ANSI", what Excel on Windows writes in Western Europe and the Americas).
//
// Windows-1252 is decoded with our table of the WHATWG Encoding Standard's index (what browsers
// do): Node's `TextDecoder('windows-1252')` (Node ≥ 20.18.3 without full ICU) decodes 0x80–0x9F
// as C1 controls instead, so it is never used.

export const ENCODINGS = ['utf-8', 'utf-16le', 'utf-16be', 'windows-1252'] as const;
export type CsvEncoding = (typeof ENCODINGS)[number];

export interface Decoded {
  text: string;
  encoding: CsvEncoding;
  /** how the encoding was decided: a byte-order mark, the bytes themselves, or the user */
  source: 'bom' | 'detected' | 'user';
  /** UTF-8 chosen by the user on bytes that are not valid UTF-8: replacement characters were produced */
  lossy?: boolean;
}

/** WHATWG index-windows-1252 for bytes 0x80–0x9F (the rest is ISO-8859-1: byte = code point). */
const CP1252_80_9F = [
  0x20ac, 0x0081, 0x201a, 0x0192, 0x201e, 0x2026, 0x2020, 0x2021, 0x02c6, 0x2030, 0x0160, 0x2039, 0x0152, 0x008d, 0x017d, 0x008f,
  0x0090, 0x2018, 0x2019, 0x201c, 0x201d, 0x2022, 0x2013, 0x2014, 0x02dc, 0x2122, 0x0161, 0x203a, 0x0153, 0x009d, 0x017e, 0x0178,
];

/** Windows-1252 bytes → text (WHATWG mapping, as browsers decode "windows-1252" / "iso-8859-1" / "ascii" labels). */
export function decodeWindows1252(bytes: Uint8Array): string {
  const out: string[] = [];
  const CHUNK = 8192;
  for (let i = 0; i < bytes.length; i += CHUNK) {
    const end = Math.min(bytes.length, i + CHUNK);
    const codes = new Array<number>(end - i);
    for (let j = i; j < end; j++) {
      const b = bytes[j];
      codes[j - i] = b >= 0x80 && b <= 0x9f ? CP1252_80_9F[b - 0x80] : b;
    }
    out.push(String.fromCharCode(...codes));
  }
  return out.join('');
}

function bomOf(bytes: Uint8Array): { encoding: CsvEncoding; length: number } | undefined {
  if (bytes[0] === 0xef && bytes[1] === 0xbb && bytes[2] === 0xbf) return { encoding: 'utf-8', length: 3 };
  if (bytes[0] === 0xff && bytes[1] === 0xfe) return { encoding: 'utf-16le', length: 2 };
  if (bytes[0] === 0xfe && bytes[1] === 0xff) return { encoding: 'utf-16be', length: 2 };
  return undefined;
}

/** UTF-16 without a BOM: text in Latin scripts has a NUL in every other byte. */
function sniffUtf16(bytes: Uint8Array): CsvEncoding | undefined {
  const n = Math.min(bytes.length, 4096) & ~1;
  if (n < 4) return undefined;
  let evenNul = 0;
  let oddNul = 0;
  for (let i = 0; i < n; i += 2) {
    if (bytes[i] === 0) evenNul++;
    if (bytes[i + 1] === 0) oddNul++;
  }
  const half = n / 2;
  if (oddNul > half * 0.4 && evenNul < half * 0.05) return 'utf-16le';
  if (evenNul > half * 0.4 && oddNul < half * 0.05) return 'utf-16be';
  return undefined;
}

function decodeAs(bytes: Uint8Array, encoding: CsvEncoding): { text: string; lossy: boolean } {
  if (encoding === 'windows-1252') return { text: decodeWindows1252(bytes), lossy: false };
  if (encoding === 'utf-8') {
    try {
      return { text: new TextDecoder('utf-8', { fatal: true, ignoreBOM: true }).decode(bytes), lossy: false };
    } catch {
      return { text: new TextDecoder('utf-8', { ignoreBOM: true }).decode(bytes), lossy: true };
    }
  }
  // UTF-16: TextDecoder's utf-16le/be are in every browser and Node (no ICU data needed).
  return { text: new TextDecoder(encoding, { ignoreBOM: true }).decode(bytes), lossy: false };
}

/**
 * Decodes a CSV file's bytes. With `forced`, that encoding is used (the user's choice in the
 * preview); the BOM, if any, is still removed. Never throws.
 */
export function decodeCsvBytes(input: ArrayBuffer | Uint8Array, forced?: CsvEncoding): Decoded {
  const all = input instanceof Uint8Array ? input : new Uint8Array(input);
  const bom = bomOf(all);
  const body = bom ? all.subarray(bom.length) : all;
  if (forced) {
    // A BOM of another encoding is not text: drop it only when it matches.
    const bytes = bom && bom.encoding === forced ? body : all;
    const r = decodeAs(bytes, forced);
    return { text: r.text, encoding: forced, source: 'user', ...(r.lossy ? { lossy: true } : {}) };
  }
  if (bom) return { text: decodeAs(body, bom.encoding).text, encoding: bom.encoding, source: 'bom' };
  const utf16 = sniffUtf16(all);
  if (utf16) return { text: decodeAs(all, utf16).text, encoding: utf16, source: 'detected' };
  const utf8 = decodeAs(all, 'utf-8');
  if (!utf8.lossy) return { text: utf8.text, encoding: 'utf-8', source: 'detected' };
  return { text: decodeWindows1252(all), encoding: 'windows-1252', source: 'detected' };
}
