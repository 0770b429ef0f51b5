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

function looseFoldUncached(text: string): string {
  const folded = fold(text);
  const out: string[] = new Array(folded.length);
  for (let i = 0; i < folded.length; i++) out[i] = GARBLE_CHAR[folded[i]] ?? folded[i];
  // Token-wise: a run of letters and digits (UTF-16 units; astral characters are kept as they are).
  let i = 0;
  while (i < out.length) {
    if (!isWordChar(out[i])) {
      i++;
      continue;
    }
    let j = i;
    let digits = 0;
    while (j < out.length && isWordChar(out[j])) {
      if (out[j] >= '0' && out[j] <= '9') digits++;
      j++;
    }
    if (digits === 1 && j - i > 1) {
      const token = text.slice(i, j);
      // Codes such as PV01, PX03, H5N1, 5G keep their digits.
      const letters = token.replace(/[0-9]/g, '');
      const isCode = /^[A-ZĐ]+[0-9]/.test(token) && letters.toUpperCase() === letters && token.length > 2;
      if (!isCode) {
        for (let k = i + 1; k < j; k++) {
          const sub = DIGIT_IN_WORD[out[k]];
          if (sub && isLetterChar(out[k - 1])) out[k] = sub;
        }
      }
    }
    for (let k = i; k < j; k++) if (out[k] === 'w') out[k] = 'u';
    if (out[i] === 'p' && out[i + 1] !== 'h' && isLetterChar(out[i + 1])) out[i] = 'd';
    i = j;
  }
  return out.join('');
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
