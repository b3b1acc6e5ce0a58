// Bytes of a CSV file → text, by our own rules rather than by what `Blob.text()` happens to do:
// a byte-order mark decides (UTF-8, UTF-16 LE/BE); otherwise UTF-16 without a BOM is recognised
// by its NUL bytes, then the bytes are tried as UTF-8 and, when they are not valid UTF-8, read
// as Windows-1252 ("ANSI", what Excel on Windows writes in Western Europe and the Americas) or,
// when it reads clearly better, Mac OS Roman (Excel for Mac).
//
// Windows-1252 is decoded with our table of the WHATWG Encoding Standard's index (what browsers
// do): Node's `TextDecoder('windows-1252')` (Node ≥ 20.18.3 without full ICU) decodes 0x80–0x9F
// as C1 controls instead, so it is never used.
//
// Mac OS Roman is what Excel for Mac writes for "CSV (Macintosh)" (and "Comma Separated Values"
// in older versions): its accented letters sit at bytes 0x80–0x9F and 0xE5–0xEF, where
// Windows-1252 has symbols, so read as 1252 the file gives wrong letters silently ("SociŽtŽ
// MŸller" for "Société Müller"). Both are single-byte encodings where any byte is valid: when the
// bytes are not UTF-8, `singleByteGuess` reads them both ways and keeps the one whose non-ASCII
// characters look like text (see there).

export const ENCODINGS = ['utf-8', 'utf-16le', 'utf-16be', 'windows-1252', 'macintosh', 'ibm850', 'windows-1250'] as const;
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

/**
 * WHATWG index-macintosh for bytes 0x80–0xFF (Apple's ROMAN.TXT mapping of Mac OS Roman, with
 * 0xDB = € as since Mac OS 8.5 and 0xF0 = the Apple logo's private-use code point).
 */
const MAC_ROMAN_80_FF = [
  0x00c4, 0x00c5, 0x00c7, 0x00c9, 0x00d1, 0x00d6, 0x00dc, 0x00e1, 0x00e0, 0x00e2, 0x00e4, 0x00e3, 0x00e5, 0x00e7, 0x00e9, 0x00e8,
  0x00ea, 0x00eb, 0x00ed, 0x00ec, 0x00ee, 0x00ef, 0x00f1, 0x00f3, 0x00f2, 0x00f4, 0x00f6, 0x00f5, 0x00fa, 0x00f9, 0x00fb, 0x00fc,
  0x2020, 0x00b0, 0x00a2, 0x00a3, 0x00a7, 0x2022, 0x00b6, 0x00df, 0x00ae, 0x00a9, 0x2122, 0x00b4, 0x00a8, 0x2260, 0x00c6, 0x00d8,
  0x221e, 0x00b1, 0x2264, 0x2265, 0x00a5, 0x00b5, 0x2202, 0x2211, 0x220f, 0x03c0, 0x222b, 0x00aa, 0x00ba, 0x03a9, 0x00e6, 0x00f8,
  0x00bf, 0x00a1, 0x00ac, 0x221a, 0x0192, 0x2248, 0x2206, 0x00ab, 0x00bb, 0x2026, 0x00a0, 0x00c0, 0x00c3, 0x00d5, 0x0152, 0x0153,
  0x2013, 0x2014, 0x201c, 0x201d, 0x2018, 0x2019, 0x00f7, 0x25ca, 0x00ff, 0x0178, 0x2044, 0x20ac, 0x2039, 0x203a, 0xfb01, 0xfb02,
  0x2021, 0x00b7, 0x201a, 0x201e, 0x2030, 0x00c2, 0x00ca, 0x00c1, 0x00cb, 0x00c8, 0x00cd, 0x00ce, 0x00cf, 0x00cc, 0x00d3, 0x00d4,
  0xf8ff, 0x00d2, 0x00da, 0x00db, 0x00d9, 0x0131, 0x02c6, 0x02dc, 0x00af, 0x02d8, 0x02d9, 0x02da, 0x00b8, 0x02dd, 0x02db, 0x02c7
];

/**
 * IBM code page 850 ("DOS Latin 1", the OEM code page of Western Europe) for bytes 0x80–0xFF, from
 * Unicode's MICSFT/PC/CP850.TXT mapping: what Excel writes for "CSV (MS-DOS)". Browsers have no
 * decoder for it (it is not in the WHATWG Encoding Standard).
 */
const CP850_80_FF = [
  0x00c7, 0x00fc, 0x00e9, 0x00e2, 0x00e4, 0x00e0, 0x00e5, 0x00e7, 0x00ea, 0x00eb, 0x00e8, 0x00ef, 0x00ee, 0x00ec, 0x00c4, 0x00c5,
  0x00c9, 0x00e6, 0x00c6, 0x00f4, 0x00f6, 0x00f2, 0x00fb, 0x00f9, 0x00ff, 0x00d6, 0x00dc, 0x00f8, 0x00a3, 0x00d8, 0x00d7, 0x0192,
  0x00e1, 0x00ed, 0x00f3, 0x00fa, 0x00f1, 0x00d1, 0x00aa, 0x00ba, 0x00bf, 0x00ae, 0x00ac, 0x00bd, 0x00bc, 0x00a1, 0x00ab, 0x00bb,
  0x2591, 0x2592, 0x2593, 0x2502, 0x2524, 0x00c1, 0x00c2, 0x00c0, 0x00a9, 0x2563, 0x2551, 0x2557, 0x255d, 0x00a2, 0x00a5, 0x2510,
  0x2514, 0x2534, 0x252c, 0x251c, 0x2500, 0x253c, 0x00e3, 0x00c3, 0x255a, 0x2554, 0x2569, 0x2566, 0x2560, 0x2550, 0x256c, 0x00a4,
  0x00f0, 0x00d0, 0x00ca, 0x00cb, 0x00c8, 0x0131, 0x00cd, 0x00ce, 0x00cf, 0x2518, 0x250c, 0x2588, 0x2584, 0x00a6, 0x00cc, 0x2580,
  0x00d3, 0x00df, 0x00d4, 0x00d2, 0x00f5, 0x00d5, 0x00b5, 0x00fe, 0x00de, 0x00da, 0x00db, 0x00d9, 0x00fd, 0x00dd, 0x00af, 0x00b4,
  0x00ad, 0x00b1, 0x2017, 0x00be, 0x00b6, 0x00a7, 0x00f7, 0x00b8, 0x00b0, 0x00a8, 0x00b7, 0x00b9, 0x00b3, 0x00b2, 0x25a0, 0x00a0
];

/**
 * WHATWG index-windows-1250 for bytes 0x80–0xFF: Windows "ANSI" in Central Europe (Polish, Czech,
 * Slovak, Hungarian, Croatian, Slovenian Excel).
 */
const CP1250_80_FF = [
  0x20ac, 0x0081, 0x201a, 0x0083, 0x201e, 0x2026, 0x2020, 0x2021, 0x0088, 0x2030, 0x0160, 0x2039, 0x015a, 0x0164, 0x017d, 0x0179,
  0x0090, 0x2018, 0x2019, 0x201c, 0x201d, 0x2022, 0x2013, 0x2014, 0x0098, 0x2122, 0x0161, 0x203a, 0x015b, 0x0165, 0x017e, 0x017a,
  0x00a0, 0x02c7, 0x02d8, 0x0141, 0x00a4, 0x0104, 0x00a6, 0x00a7, 0x00a8, 0x00a9, 0x015e, 0x00ab, 0x00ac, 0x00ad, 0x00ae, 0x017b,
  0x00b0, 0x00b1, 0x02db, 0x0142, 0x00b4, 0x00b5, 0x00b6, 0x00b7, 0x00b8, 0x0105, 0x015f, 0x00bb, 0x013d, 0x02dd, 0x013e, 0x017c,
  0x0154, 0x00c1, 0x00c2, 0x0102, 0x00c4, 0x0139, 0x0106, 0x00c7, 0x010c, 0x00c9, 0x0118, 0x00cb, 0x011a, 0x00cd, 0x00ce, 0x010e,
  0x0110, 0x0143, 0x0147, 0x00d3, 0x00d4, 0x0150, 0x00d6, 0x00d7, 0x0158, 0x016e, 0x00da, 0x0170, 0x00dc, 0x00dd, 0x0162, 0x00df,
  0x0155, 0x00e1, 0x00e2, 0x0103, 0x00e4, 0x013a, 0x0107, 0x00e7, 0x010d, 0x00e9, 0x0119, 0x00eb, 0x011b, 0x00ed, 0x00ee, 0x010f,
  0x0111, 0x0144, 0x0148, 0x00f3, 0x00f4, 0x0151, 0x00f6, 0x00f7, 0x0159, 0x016f, 0x00fa, 0x0171, 0x00fc, 0x00fd, 0x0163, 0x02d9
];

/** Windows-1250 bytes → text (WHATWG mapping). */
export function decodeWindows1250(bytes: Uint8Array): string {
  return decodeSingleByte(bytes, (b) => (b >= 0x80 ? CP1250_80_FF[b - 0x80] : b));
}

/** IBM code page 850 bytes → text. */
export function decodeIbm850(bytes: Uint8Array): string {
  return decodeSingleByte(bytes, (b) => (b >= 0x80 ? CP850_80_FF[b - 0x80] : b));
}

/** Windows-1252 bytes → text (WHATWG mapping, as browsers decode "windows-1252" / "iso-8859-1" / "ascii" labels). */
export function decodeWindows1252(bytes: Uint8Array): string {
  return decodeSingleByte(bytes, (b) => (b >= 0x80 && b <= 0x9f ? CP1252_80_9F[b - 0x80] : b));
}

/** Mac OS Roman bytes → text (WHATWG "macintosh", as browsers decode it). */
export function decodeMacRoman(bytes: Uint8Array): string {
  return decodeSingleByte(bytes, (b) => (b >= 0x80 ? MAC_ROMAN_80_FF[b - 0x80] : b));
}

function decodeSingleByte(bytes: Uint8Array, code: (b: number) => number): string {
  const out: string[] = [];
  const CHUNK = 8192;
  for (let i = 0; i < bytes.length; i += CHUNK) {
    const end = Math.min(bytes.length, i + CHUNK);
    const codes = new Array<number>(end - i);
    for (let j = i; j < end; j++) {
      codes[j - i] = code(bytes[j]);
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

/**
 * How much a single-byte decoding's non-ASCII characters look like text, summed over the bytes
 * ≥ 0x80: a lower-case letter, or an upper-case one that does not follow a lower-case letter
 * (start of a word, a word in capitals) scores +1; an upper-case letter inside a lower-case word
 * ("SociŽtŽ", "MŸller"), a lower-case one inside a word in capitals ("ƒCOLE" for "ÉCOLE"), a control character (1252's unassigned 0x81, 0x8D, 0x8F, 0x90, 0x9D) or
 * a symbol between two letters ("Françoise" read the other way) scores −1 (−2 for controls); a
 * right single quote between letters is an apostrophe ("l’entreprise") and scores +1.
 * Rule made for this decision from the two tables (WHATWG index-windows-1252 and index-macintosh):
 * each encoding's accented letters are the other's symbols or capitals.
 */
export function textLikeness(text: string): number {
  let score = 0;
  const isLetter = (c: string | undefined) => !!c && /\p{L}/u.test(c);
  const isLower = (c: string | undefined) => !!c && /\p{Ll}/u.test(c);
  const isUpper = (c: string | undefined) => !!c && /\p{Lu}/u.test(c);
  for (let i = 0; i < text.length; i++) {
    const c = text[i];
    if (c.charCodeAt(0) < 0x80) continue;
    const prev = text[i - 1];
    const next = text[i + 1];
    if (/\p{Ll}/u.test(c)) score += !isLower(prev) && !isLower(next) && (isUpper(prev) || isUpper(next)) ? -1 : 1;
    else if (/\p{Lu}/u.test(c)) score += isLower(prev) ? -1 : 1;
    else if (/\p{Cc}/u.test(c)) score -= 2;
    else if (isLetter(prev) && isLetter(next)) score += c === '\u2019' ? 1 : -1;
  }
  return score;
}

const SINGLE_BYTE = { 'windows-1252': decodeWindows1252, macintosh: decodeMacRoman, 'windows-1250': decodeWindows1250, ibm850: decodeIbm850 } as const;
type SingleByte = keyof typeof SINGLE_BYTE;

/**
 * Bytes that are not UTF-8: Windows-1252, unless Mac OS Roman or Windows-1250 (Central Europe)
 * reads as text clearly better (ties keep the earlier: 1252, then Mac OS Roman). Windows-1250
 * wins on the letters 1252 has as symbols (Polish ł ą ż ś, "£ódŸ" for "Łódź"); where both have a
 * letter (Czech ř read as ø) the score ties and 1252 stays — the preview lets the user choose.
 * DOS 850 is never guessed, only chosen: its accented letters sit where Mac OS Roman has other
 * accented letters ("Lefèvre" in 850 reads "Lefävre" in Mac OS Roman), so this score cannot tell
 * them apart.
 */
function singleByteGuess(bytes: Uint8Array): { text: string; encoding: SingleByte } {
  // The first 256 KB decide (thousands of rows): a 20 MB file is not decoded twice.
  const head = bytes.subarray(0, 256 * 1024);
  let best: SingleByte = 'windows-1252';
  let bestScore = textLikeness(decodeWindows1252(head));
  for (const e of ['macintosh', 'windows-1250'] as const) {
    const score = textLikeness(SINGLE_BYTE[e](head));
    if (score > bestScore) [best, bestScore] = [e, score];
  }
  return { text: SINGLE_BYTE[best](bytes), encoding: best };
}

function decodeAs(bytes: Uint8Array, encoding: CsvEncoding): { text: string; lossy: boolean } {
  if (encoding === 'windows-1252') return { text: decodeWindows1252(bytes), lossy: false };
  if (encoding === 'macintosh' || encoding === 'ibm850' || encoding === 'windows-1250') return { text: SINGLE_BYTE[encoding](bytes), lossy: false };
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
  return { ...singleByteGuess(all), source: 'detected' };
}
