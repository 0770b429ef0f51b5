// Legacy Vietnamese font encodings → Unicode NFC: TCVN3 (ABC, the ".VnTime" fonts), VNI
// (VNI-Windows, the "VNI-Times" fonts) and UTF-8 read as Windows-1252 ("Cá»™ng hÃ²a", copied
// from old PDFs). Text ingest reads non-UTF-8 bytes as Windows-1252, one character per byte,
// so a legacy byte 0xB5 arrives as "µ": the tables below are keyed by those characters
// (for bytes 0xA0–0xFF, Windows-1252 and Latin-1 are the same).
//
// Tables follow the published code charts: TCVN 5712:1993 VN3 (lower-case letters with marks
// and the seven capitals Ă Â Ê Ô Ơ Ư Đ; capitals with tone marks have no code — the ".VnTimeH"
// capital fonts draw the lower-case codes as capitals, so they decode to lower case) and
// VNI-Windows (a base letter followed by a mark character, e.g. "a" + "ù" = á, "o" + "ä" = ộ).

const TONES = ['', '\u0301', '\u0300', '\u0309', '\u0303', '\u0323']; // none, sắc, huyền, hỏi, ngã, nặng

// ---------------------------------------------------------------- TCVN3
// Byte (as a Windows-1252 / Latin-1 character) → Unicode, per base letter in tone order
// (none, sắc, huyền, hỏi, ngã, nặng).
const TCVN3_ROWS: [string, string][] = [
  // letter, codes for: plain sắc huyền hỏi ngã nặng
  ['a', 'a\u00b8\u00b5\u00b6\u00b7\u00b9'],
  ['ă', '\u00a8\u00be\u00bb\u00bc\u00bd\u00c6'],
  ['â', '\u00a9\u00ca\u00c7\u00c8\u00c9\u00cb'],
  ['e', 'e\u00d0\u00cc\u00ce\u00cf\u00d1'],
  ['ê', '\u00aa\u00d5\u00d2\u00d3\u00d4\u00d6'],
  ['i', 'i\u00dd\u00d7\u00d8\u00dc\u00de'],
  ['o', 'o\u00e3\u00df\u00e1\u00e2\u00e4'],
  ['ô', '\u00ab\u00e8\u00e5\u00e6\u00e7\u00e9'],
  ['ơ', '\u00ac\u00ed\u00ea\u00eb\u00ec\u00ee'],
  ['u', 'u\u00f3\u00ef\u00f1\u00f2\u00f4'],
  ['ư', '\u00ad\u00f8\u00f5\u00f6\u00f7\u00f9'],
  ['y', 'y\u00fd\u00fa\u00fb\u00fc\u00fe'],
];
const TCVN3_EXTRA: [string, string][] = [
  ['\u00ae', 'đ'],
  ['\u00a1', 'Ă'],
  ['\u00a2', 'Â'],
  ['\u00a3', 'Ê'],
  ['\u00a4', 'Ô'],
  ['\u00a5', 'Ơ'],
  ['\u00a6', 'Ư'],
  ['\u00a7', 'Đ'],
];

const TCVN3_DECODE = new Map<string, string>();
const TCVN3_ENCODE = new Map<string, string>();
for (const [letter, codes] of TCVN3_ROWS) {
  [...codes].forEach((code, tone) => {
    const unicode = (letter + TONES[tone]).normalize('NFC');
    if (code !== letter) TCVN3_DECODE.set(code, unicode);
    TCVN3_ENCODE.set(unicode, code);
  });
}
for (const [code, unicode] of TCVN3_EXTRA) {
  TCVN3_DECODE.set(code, unicode);
  TCVN3_ENCODE.set(unicode, code);
}

export function decodeTcvn3(text: string): string {
  let out = '';
  for (const ch of text) out += TCVN3_DECODE.get(ch) ?? ch;
  return restoreTcvn3Capitals(out.normalize('NFC'));
}

/**
 * Capitals with tone marks have no TCVN3 code, so "THƯỢNG TÁ" arrives as "THượNG Tá": a word
 * whose capitals are the unmarked letters and whose lower-case letters are all marked is a
 * capitalised word; so is a one-capital word ("Tá") next to such a word.
 */
export function restoreTcvn3Capitals(line: string): string {
  const words = [...line.matchAll(/\p{L}+/gu)];
  const upper = words.map((m) => {
    const w = m[0];
    const capitals = w.replace(/[^\p{Lu}]/gu, '').length;
    const lower = w.replace(/[^\p{Ll}]/gu, '');
    return capitals >= 2 && lower.length > 0 && /^[^a-z]+$/.test(lower) ? 'yes' : w === w.toUpperCase() && capitals >= 2 ? 'caps' : capitals === 1 && lower.length > 0 && /^\p{Lu}/u.test(w) && /^[^a-z]+$/.test(lower) ? 'maybe' : 'no';
  });
  let out = '';
  let last = 0;
  words.forEach((m, i) => {
    const near = (j: number) => upper[j] === 'yes';
    if (upper[i] === 'yes' || (upper[i] === 'maybe' && (near(i - 1) || near(i + 1)))) {
      out += line.slice(last, m.index) + m[0].toUpperCase();
      last = m.index! + m[0].length;
    }
  });
  out += line.slice(last);
  // A marked letter that starts a line or a sentence was a capital.
  return out.replace(/(^|[.!?]\s+|^[-+*#\s]*(?:\d+\.|[a-zđ]\))?\s*)([à-ỹđ])/gmu, (all, head: string, letter: string) =>
    /[^\u0000-\u007f]/.test(letter) ? head + letter.toUpperCase() : all,
  );
}

/**
 * Encodes Unicode Vietnamese as TCVN3 characters (one per byte). Capitals with a tone mark
 * have no TCVN3 code and are written with the lower-case code, as the .VnTimeH fonts do.
 */
export function encodeTcvn3(text: string): string {
  let out = '';
  for (const ch of text.normalize('NFC')) {
    const direct = TCVN3_ENCODE.get(ch);
    if (direct !== undefined) out += direct;
    else if (ch > '\u007f') out += TCVN3_ENCODE.get(ch.toLowerCase()) ?? ch;
    else out += ch;
  }
  return out;
}

/** What a TCVN3 round trip keeps: capitals with a tone mark become lower case. */
export function tcvn3Representable(text: string): string {
  let out = '';
  for (const ch of text.normalize('NFC')) out += ch <= '\u007f' || TCVN3_ENCODE.has(ch) || !TCVN3_ENCODE.has(ch.toLowerCase()) ? ch : ch.toLowerCase();
  return out;
}

// ---------------------------------------------------------------- VNI
// Tone marks after a vowel, lower and upper case: sắc ù/Ù, huyền ø/Ø, hỏi û/Û, ngã õ/Õ, nặng ï/Ï.
const VNI_TONE_LOWER = ['', '\u00f9', '\u00f8', '\u00fb', '\u00f5', '\u00ef'];
const VNI_TONE_UPPER = ['', '\u00d9', '\u00d8', '\u00db', '\u00d5', '\u00cf'];
// Circumflex with a tone (â ê ô): â á à å ã ä; breve with a tone (ă): ê é è ú ü ë.
const VNI_CIRCUMFLEX_LOWER = ['\u00e2', '\u00e1', '\u00e0', '\u00e5', '\u00e3', '\u00e4'];
const VNI_CIRCUMFLEX_UPPER = ['\u00c2', '\u00c1', '\u00c0', '\u00c5', '\u00c3', '\u00c4'];
const VNI_BREVE_LOWER = ['\u00ea', '\u00e9', '\u00e8', '\u00fa', '\u00fc', '\u00eb'];
const VNI_BREVE_UPPER = ['\u00ca', '\u00c9', '\u00c8', '\u00da', '\u00dc', '\u00cb'];

const VNI_ENCODE = new Map<string, string>();
function addVni(unicodeBase: string, tone: number, code: string): void {
  VNI_ENCODE.set((unicodeBase + TONES[tone]).normalize('NFC'), code);
}
for (let tone = 0; tone < 6; tone++) {
  for (const [lower, upper] of [['a', 'A'], ['e', 'E'], ['o', 'O'], ['u', 'U'], ['y', 'Y']]) {
    addVni(lower, tone, lower + VNI_TONE_LOWER[tone]);
    addVni(upper, tone, upper + VNI_TONE_UPPER[tone]);
  }
  for (const [lower, upper] of [['a', 'A'], ['e', 'E'], ['o', 'O']]) {
    addVni(lower + '\u0302', tone, lower + VNI_CIRCUMFLEX_LOWER[tone]);
    addVni(upper + '\u0302', tone, upper + VNI_CIRCUMFLEX_UPPER[tone]);
  }
  addVni('a\u0306', tone, 'a' + VNI_BREVE_LOWER[tone]);
  addVni('A\u0306', tone, 'A' + VNI_BREVE_UPPER[tone]);
  addVni('o\u031b', tone, '\u00f4' + VNI_TONE_LOWER[tone]); // ơ = ô
  addVni('O\u031b', tone, '\u00d4' + VNI_TONE_UPPER[tone]);
  addVni('u\u031b', tone, '\u00f6' + VNI_TONE_LOWER[tone]); // ư = ö
  addVni('U\u031b', tone, '\u00d6' + VNI_TONE_UPPER[tone]);
}
// i has one-character forms: í ì æ(ỉ) ó(ĩ) ò(ị); ỵ is î.
['i', '\u00ed', '\u00ec', '\u00e6', '\u00f3', '\u00f2'].forEach((code, tone) => addVni('i', tone, code));
['I', '\u00cd', '\u00cc', '\u00c6', '\u00d3', '\u00d2'].forEach((code, tone) => addVni('I', tone, code));
addVni('y', 5, '\u00ee');
addVni('Y', 5, '\u00ce');
VNI_ENCODE.set('đ', '\u00f1');
VNI_ENCODE.set('Đ', '\u00d1');

const VNI_DECODE = new Map<string, string>();
for (const [unicode, code] of VNI_ENCODE) if (code !== unicode) VNI_DECODE.set(code, unicode);

export function decodeVni(text: string): string {
  let out = '';
  const chars = [...text];
  for (let i = 0; i < chars.length; i++) {
    const two = chars[i] + (chars[i + 1] ?? '');
    const pair = VNI_DECODE.get(two);
    if (pair !== undefined && two.length === 2) {
      out += pair;
      i++;
      continue;
    }
    out += VNI_DECODE.get(chars[i]) ?? chars[i];
  }
  return out.normalize('NFC');
}

export function encodeVni(text: string): string {
  let out = '';
  for (const ch of text.normalize('NFC')) out += VNI_ENCODE.get(ch) ?? ch;
  return out;
}

// ---------------------------------------------------------------- UTF-8 read as Windows-1252
const CP1252_HIGH = '€\u0081‚ƒ„…†‡ˆ‰Š‹Œ\u008dŽ\u008f\u0090‘’“”•–—˜™š›œ\u009džŸ';
const CP1252_BYTE = new Map<string, number>();
for (let b = 0; b < 256; b++) {
  // Both the Windows-1252 characters and the C1 controls (a Latin-1 reading) stand for 0x80–0x9F.
  CP1252_BYTE.set(String.fromCharCode(b), b);
  if (b >= 0x80 && b < 0xa0) CP1252_BYTE.set(CP1252_HIGH[b - 0x80], b);
}

/** Reverses "UTF-8 bytes read as Windows-1252" on one line; null when it is not that. */
export function decodeUtf8Mojibake(line: string): string | null {
  const bytes: number[] = [];
  for (const ch of line) {
    const b = CP1252_BYTE.get(ch);
    if (b === undefined) return null;
    bytes.push(b);
  }
  try {
    return new TextDecoder('utf-8', { fatal: true }).decode(Uint8Array.from(bytes)).normalize('NFC');
  } catch {
    return null;
  }
}

// ---------------------------------------------------------------- detection
export type LegacyEncoding = 'tcvn3' | 'vni' | 'utf8-as-cp1252';

/** C1 controls (bytes 0x80–0x9F read as Latin-1) back to the Windows-1252 punctuation they were. */
function c1ToWindows1252(text: string): string {
  return text.replace(/[\u0080-\u009f]/g, (c) => CP1252_HIGH[c.charCodeAt(0) - 0x80]);
}

const DECODERS: Record<LegacyEncoding, (line: string) => string | null> = {
  tcvn3: (line) => decodeTcvn3(c1ToWindows1252(line)),
  vni: (line) => decodeVni(c1ToWindows1252(line)),
  'utf8-as-cp1252': decodeUtf8Mojibake,
};

/** Characters of the Latin-1 range that clean Vietnamese text does not use. */
const FOREIGN_LATIN = /[\u0080-\u00bf\u2013-\u2022\u2026\u2030\u2039\u203a\u20ac\u2122\u0152\u0153\u0160\u0161\u0178\u017d\u017e\u0192\u02c6\u02dc\u00c4-\u00c7\u00cb\u00ce\u00cf\u00d1\u00d6-\u00d8\u00db-\u00df\u00e4-\u00e7\u00eb\u00ee\u00ef\u00f1\u00f6-\u00f8\u00fb-\u00ff]/;

const UNICODE_VIETNAMESE = /[\u0102\u0103\u0110\u0111\u0128\u0129\u0168\u0169\u01a0\u01a1\u01af\u01b0\u1ea0-\u1ef9]/;

export interface LegacyResult {
  text: string;
  encoding: LegacyEncoding | null;
  /** 1-based numbers of the lines that were decoded. */
  lines: number[];
}

/**
 * Finds and decodes a legacy encoding. `score(text)` tells how Vietnamese a text reads (e.g.
 * the share of its words that are known syllables); the encoding that raises it most over the
 * document wins, then each line is decoded only where that raises the line's score. Line
 * count and everything outside letters are kept.
 */
export function decodeLegacyWith(text: string, score: (text: string) => number): LegacyResult {
  if (!FOREIGN_LATIN.test(text)) return { text, encoding: null, lines: [] };
  const lines = text.split('\n');
  // Every line with such characters also has letters only Unicode Vietnamese writes (ă, đ, ơ,
  // ư, ạ … ỹ), which no legacy byte read as Windows-1252 gives: nothing to decode.
  if (!lines.some((l) => FOREIGN_LATIN.test(l) && !UNICODE_VIETNAMESE.test(l))) return { text, encoding: null, lines: [] };
  const suspicious = lines.filter((l) => FOREIGN_LATIN.test(l)).join('\n');
  const base = score(suspicious);
  let best: LegacyEncoding | null = null;
  let bestScore = base + 0.1;
  for (const encoding of Object.keys(DECODERS) as LegacyEncoding[]) {
    const decoded = suspicious
      .split('\n')
      .map((l) => DECODERS[encoding](l) ?? l)
      .join('\n');
    const s = score(decoded);
    if (s > bestScore) {
      bestScore = s;
      best = encoding;
    }
  }
  if (best === null) return { text, encoding: null, lines: [] };
  const decodedLines: number[] = [];
  const out = lines.map((line, i) => {
    const decoded = DECODERS[best](line);
    if (decoded === null || decoded === line || decoded.includes('\n')) return line;
    if (score(decoded) < score(line)) return line;
    decodedLines.push(i + 1);
    return decoded;
  });
  return { text: out.join('\n'), encoding: best, lines: decodedLines };
}
