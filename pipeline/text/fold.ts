// Folding Vietnamese text for matching. Every function here is length-preserving on NFC
// input (one character in, one character out), so an offset found in folded text is the
// same offset in the original: extractors match on folded text and cite the original.

const foldCache = new Map<string, string>();

/** Folds one character: strips Vietnamese diacritics, đ→d, lower-cases. Always 1 char. */
export function foldChar(ch: string): string {
  const cached = foldCache.get(ch);
  if (cached !== undefined) return cached;
  let out: string;
  if (ch === 'đ' || ch === 'Đ') out = 'd';
  else {
    const base = ch.normalize('NFD')[0] ?? ch;
    out = base.toLowerCase();
    if (out.length !== 1) out = ch;
  }
  foldCache.set(ch, out);
  return out;
}

/** Diacritic- and case-insensitive form of `text`, same length as the NFC input. */
export function fold(text: string): string {
  let out = '';
  for (let i = 0; i < text.length; i++) {
    const code = text.charCodeAt(i);
    if (code < 0x80) out += code >= 65 && code <= 90 ? String.fromCharCode(code + 32) : text[i];
    else if (code >= 0xd800 && code <= 0xdbff) {
      // Astral characters are two UTF-16 units: keep them as they are to preserve offsets.
      out += text[i] + (text[i + 1] ?? '');
      i++;
    } else out += foldChar(text[i]);
  }
  return out;
}

// Characters a Latin-only OCR engine puts in place of Vietnamese letters (the letter with
// its marks is outside its alphabet). Mapped to the base letter they stand for.
const GARBLE_CHAR: Record<string, string> = {
  '€': 'e',
  '¢': 'c',
  '©': 'c',
  '£': 'e',
  '¥': 'y',
  'ß': 'b',
  'ø': 'o',
  'œ': 'o',
  'æ': 'a',
  'ﬂ': 'f',
  'ﬁ': 'f',
  'ı': 'i',
};

// Digits read inside letter words: "S6" (Số), "d6" (độ), "x4"/"x3" (xã), "s0" (số), "1a" (là).
const DIGIT_IN_WORD: Record<string, string> = { '0': 'o', '6': 'o', '4': 'a', '3': 'a', '1': 'l', '5': 's', '8': 'a' };

/**
 * A looser fold for text that may come from a Latin-only OCR: besides `fold`, maps garble
 * characters back to base letters, digits embedded in letter words to letters, `w` to `u`
 * (Vietnamese writes no w: "Tw do" = Tự do), and a word-initial `p` not followed by `h`
 * to `d` ("Pdi" = Đối, "PUA" = ĐUA). Length-preserving.
 */
const looseCache = new Map<string, string>();

export function looseFold(text: string): string {
  const cached = looseCache.get(text);
  if (cached !== undefined) return cached;
  const out = looseFoldUncached(text);
  if (looseCache.size > 20000) looseCache.clear();
  looseCache.set(text, out);
  return out;
}

const isWordChar = (c: string) => (c >= 'a' && c <= 'z') || (c >= '0' && c <= '9') || (c > '\u007f' && /[\p{L}\p{N}]/u.test(c));
const isLetterChar = (c: string | undefined) => c !== undefined && ((c >= 'a' && c <= 'z') || (c > '\u007f' && /\p{L}/u.test(c)));

/** Per UTF-16 unit of folded text: 1 a letter or digit of a word, 2 also a letter. Cached for non-ASCII units. */
const unitClass = new Map<number, number>();
function classOf(code: number): number {
  if (code >= 97 && code <= 122) return 2;
  if (code >= 48 && code <= 57) return 1;
  if (code < 0x80) return 0;
  let c = unitClass.get(code);
  if (c === undefined) {
    const ch = String.fromCharCode(code);
    c = isLetterChar(ch) ? 2 : isWordChar(ch) ? 1 : 0;
    unitClass.set(code, c);
  }
  return c;
}

const GARBLE_CODE = new Map<number, number>(Object.entries(GARBLE_CHAR).map(([k, v]) => [k.charCodeAt(0), v.charCodeAt(0)]));
const DIGIT_CODE = new Map<number, number>(Object.entries(DIGIT_IN_WORD).map(([k, v]) => [k.charCodeAt(0), v.charCodeAt(0)]));
const CODE_TOKEN = /^[A-ZĐ]+[0-9]/;

function looseFoldUncached(text: string): string {
  const folded = fold(text);
  // UTF-16 units in a typed array (a text may be megabytes long: no array of strings).
  const n = folded.length;
  const out = new Uint16Array(n);
  for (let i = 0; i < n; i++) {
    const code = folded.charCodeAt(i);
    out[i] = code < 0x80 ? code : (GARBLE_CODE.get(code) ?? code);
  }
  // Token-wise: a run of letters and digits (UTF-16 units; astral characters are kept as they are).
  let i = 0;
  while (i < n) {
    if (classOf(out[i]) === 0) {
      i++;
      continue;
    }
    let j = i;
    let digits = 0;
    while (j < n && classOf(out[j]) !== 0) {
      if (out[j] >= 48 && out[j] <= 57) digits++;
      j++;
    }
    if (digits === 1 && j - i > 1) {
      const token = text.slice(i, j);
      // Codes such as PV01, PX03, H5N1, 5G keep their digits.
      const letters = token.replace(/[0-9]/g, '');
      const isCode = CODE_TOKEN.test(token) && letters.toUpperCase() === letters && token.length > 2;
      if (!isCode) {
        for (let k = i + 1; k < j; k++) {
          const sub = DIGIT_CODE.get(out[k]);
          if (sub !== undefined && classOf(out[k - 1]) === 2) out[k] = sub;
        }
      }
    }
    for (let k = i; k < j; k++) if (out[k] === 119) out[k] = 117; // w → u
    // p → d at a word start, unless ph
    if (out[i] === 112 && i + 1 < n && out[i + 1] !== 104 && classOf(out[i + 1]) === 2) out[i] = 100;
    i = j;
  }
  return unitsToString(out);
}

/** A string from UTF-16 units, in chunks (String.fromCharCode takes a bounded argument list). */
function unitsToString(units: Uint16Array): string {
  if (units.length < 4096) return String.fromCharCode(...units);
  const parts: string[] = [];
  for (let i = 0; i < units.length; i += 4096) parts.push(String.fromCharCode(...units.subarray(i, i + 4096)));
  return parts.join('');
}

/** Collapses runs of white space to one space and trims; not length-preserving. */
export function squash(text: string): string {
  return text.replace(/\s+/g, ' ').trim();
}

/** Key for comparing two texts loosely: loose fold, punctuation dropped, spaces squashed. */
export function matchKey(text: string): string {
  return squash(looseFold(text.normalize('NFC')).replace(/[^\p{L}\p{N}%/]+/gu, ' '));
}

/** Removes Vietnamese diacritics but keeps case: "Ủy ban" → "Uy ban". */
export function stripDiacritics(text: string): string {
  return text
    .normalize('NFD')
    .replace(/[\u0300-\u036f]/g, '')
    .replace(/đ/g, 'd')
    .replace(/Đ/g, 'D')
    .normalize('NFC');
}
