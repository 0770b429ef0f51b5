// Vietnamese syllables: stripping marks, one tone-placement convention, case patterns.
//
// A syllable's *key* is its lower-case form without any mark (đ → d): "Ủy" → "uy". Every
// syllable with the same key is a restoration candidate for it.
//
// Tone placement: "hòa, thủy, ủy" (old style: the mark on the first vowel of an open oa/oe/uy
// rhyme) and "hoà, thuỷ, uỷ" (new style) are the same syllable. Look-ups and the model use
// the old style, which is what the seeds and the gold records write.

const COMBINING = /[\u0300-\u036f]/g;

/** Lower-case key without marks: "Ủy" → "uy", "Đồng" → "dong". */
export function syllableKey(text: string): string {
  return text.normalize('NFD').replace(COMBINING, '').replace(/[đĐ]/g, 'd').toLowerCase();
}

/** Removes the marks but keeps the case: "Ủy ban" → "Uy ban". */
export function stripMarks(text: string): string {
  return text.normalize('NFD').replace(COMBINING, '').replace(/đ/g, 'd').replace(/Đ/g, 'D').normalize('NFC');
}

// New-style → old-style tone placement on open oa / oe / uy rhymes (lower case).
const NEW_TO_OLD: Record<string, string> = {
  'oà': 'òa', 'oá': 'óa', 'oả': 'ỏa', 'oã': 'õa', 'oạ': 'ọa',
  'oè': 'òe', 'oé': 'óe', 'oẻ': 'ỏe', 'oẽ': 'õe', 'oẹ': 'ọe',
  'uỳ': 'ùy', 'uý': 'úy', 'uỷ': 'ủy', 'uỹ': 'ũy', 'uỵ': 'ụy',
};
const NEW_STYLE_END = /(o[àáảãạèéẻẽẹ]|u[ỳýỷỹỵ])$/;

/**
 * Old-style tone placement for one lower-case NFC syllable: "hoà" → "hòa", "thuỷ" → "thủy".
 * "quý" and "quỳnh" are left alone (the u belongs to the onset "qu").
 */
export function toOldStyle(syllable: string): string {
  const m = NEW_STYLE_END.exec(syllable);
  if (!m) return syllable;
  const head = syllable.slice(0, m.index);
  if (m[1][0] === 'u' && head.endsWith('q')) return syllable;
  return head + NEW_TO_OLD[m[1]];
}

/** Old-style placement for a syllable of any case, keeping its case pattern. */
export function toOldStyleAnyCase(word: string): string {
  const lower = word.toLowerCase();
  const old = toOldStyle(lower);
  return old === lower ? word : applyCase(word, old);
}

export type CasePattern = 'lower' | 'title' | 'upper' | 'mixed';

const LOWER_ASCII = /^[a-z]+$/;

export function casePattern(word: string): CasePattern {
  if (LOWER_ASCII.test(word)) return 'lower';
  const lower = word.toLowerCase();
  const upper = word.toUpperCase();
  if (word === lower) return 'lower';
  if (word === upper) return [...word].length === 1 ? 'title' : 'upper';
  const first = [...word][0];
  const rest = word.slice(first.length);
  if (first === first.toUpperCase() && rest === rest.toLowerCase()) return 'title';
  return 'mixed';
}

/**
 * Case for a repaired garbled token, whose characters differ from the word's: all capitals
 * (two letters or more) → upper; a first capital → title; else lower. "S6" → "Số", "HQI" → "HỘI".
 */
export function applyRepairedCase(source: string, lowerForm: string): string {
  const letters = source.replace(/[^\p{L}]/gu, '');
  const first = [...lowerForm][0] ?? '';
  const capitals = letters.replace(/[^\p{Lu}]/gu, '').length;
  if (letters.length >= 2 && capitals >= 2 && capitals > letters.length - capitals && /^\p{Lu}\p{Lu}/u.test(letters)) return lowerForm.toUpperCase();
  // "bBang", "DBéi": the OCR's rendering of a capital Đ.
  if (/^[bD]B\p{Ll}/u.test(source)) return first.toUpperCase() + lowerForm.slice(first.length);
  // An initial capital I read for l ("Iwgng" = lượng) is not a capital.
  if (/^\p{Lu}/u.test(source) && !(source[0] === 'I' && first === 'l')) return first.toUpperCase() + lowerForm.slice(first.length);
  return lowerForm;
}

/** Gives `lowerForm` the case pattern of `source` (same number of letters). */
export function applyCase(source: string, lowerForm: string): string {
  switch (casePattern(source)) {
    case 'lower':
      return lowerForm;
    case 'upper':
      return lowerForm.toUpperCase();
    case 'title': {
      const first = [...lowerForm][0] ?? '';
      return first.toUpperCase() + lowerForm.slice(first.length);
    }
    default: {
      // Letter by letter.
      const s = [...source];
      const l = [...lowerForm];
      if (s.length !== l.length) return lowerForm;
      return l.map((ch, i) => (s[i] !== s[i].toLowerCase() ? ch.toUpperCase() : ch)).join('');
    }
  }
}

// Onsets and rhymes of Vietnamese syllables, on keys (no marks).
const ONSET = '(?:ngh|ng|nh|ch|gh|gi|kh|ph|qu|th|tr|b|c|d|g|h|k|l|m|n|p|r|s|t|v|x)?';
const NUCLEUS = '(?:[aeiouy]{1,3})';
const CODA = '(?:ng|nh|ch|c|m|n|p|t)?';
const KEY_SHAPE = new RegExp(`^${ONSET}${NUCLEUS}${CODA}$`);

/** Whether a lower-case unmarked string has the shape of a Vietnamese syllable key. */
export function hasSyllableShape(key: string): boolean {
  return key.length <= 7 && KEY_SHAPE.test(key);
}

const VIET_LOWER = /^[a-zàáảãạăằắẳẵặâầấẩẫậèéẻẽẹêềếểễệìíỉĩịòóỏõọôồốổỗộơờớởỡợùúủũụưừứửữựỳýỷỹỵđ]+$/;
const TONES = /[\u0300\u0301\u0303\u0309\u0323]/g;

/**
 * Whether a lower-case NFC word is a well-formed Vietnamese syllable as written: Vietnamese
 * letters only, the shape of a syllable, at most one tone mark.
 */
export function isWellFormedSyllable(word: string): boolean {
  if (!VIET_LOWER.test(word)) return false;
  if (!hasSyllableShape(syllableKey(word))) return false;
  const tones = word.normalize('NFD').match(TONES);
  return tones === null || tones.length === 1;
}

/** Letters with a Vietnamese mark (any case). */
export const MARKED_LETTER = /[àáảãạăằắẳẵặâầấẩẫậèéẻẽẹêềếểễệìíỉĩịòóỏõọôồốổỗộơờớởỡợùúủũụưừứửữựỳýỷỹỵđ]/iu;
