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
  for (const ch of text) {
    // Astral characters are two UTF-16 units: keep them as they are to preserve offsets.
    out += ch.length === 1 ? foldChar(ch) : ch;
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
export function looseFold(text: string): string {
  const original = [...text];
  const out = [...fold(text)].map((c) => GARBLE_CHAR[c] ?? c);
  const isLetter = (c: string | undefined) => c !== undefined && /\p{L}/u.test(c);
  // Token-wise: a run of letters and digits.
  let i = 0;
  while (i < out.length) {
    if (!/[\p{L}\p{N}]/u.test(out[i])) {
      i++;
      continue;
    }
    let j = i;
    while (j < out.length && /[\p{L}\p{N}]/u.test(out[j])) j++;
    const token = original.slice(i, j).join('');
    const digits = token.replace(/\D/g, '').length;
    // Codes such as PV01, PX03, H5N1, 5G, CT-TTg keep their digits.
    const isCode = /^[A-ZĐ]{1,}[0-9]/.test(token) && token.replace(/[0-9]/g, '').toUpperCase() === token.replace(/[0-9]/g, '') && token.length > 2;
    if (digits === 1 && token.length > 1 && !isCode) {
      for (let k = i + 1; k < j; k++) {
        const sub = DIGIT_IN_WORD[out[k]];
        if (sub && isLetter(out[k - 1])) out[k] = sub;
      }
    }
    for (let k = i; k < j; k++) if (out[k] === 'w') out[k] = 'u';
    if (out[i] === 'p' && out[i + 1] !== 'h' && isLetter(out[i + 1])) out[i] = 'd';
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
