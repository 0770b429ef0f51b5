// Detection: is a line clean Unicode Vietnamese, stripped of its marks, or garbled by a
// Latin-only OCR? Words are judged against the model's syllables; lines by their share of
// marked, unmarked and unreadable words; the document by its share of lines.
import { isAbbreviation } from './garble.js';
import type { SyllableLexicon } from './model.js';
import { tokenize, type Token } from './tokens.js';
import { isWellFormedSyllable, toOldStyle } from './vietnamese.js';

/** `foreign`: a line in another language (English translations of legal texts): never restored. */
export type LineKind = 'empty' | 'clean' | 'stripped' | 'garbled' | 'foreign';
export type DocumentKind = 'empty' | 'clean' | 'stripped' | 'garbled' | 'mixed';

/**
 * A known marked syllable; an unmarked one; a word with the marks of Latin-OCR garble (accented
 * Latin letters, digits or symbols inside it: "Péc", "S6", "hi€u"); an unknown unaccented word
 * (English, or garble without such marks: "ctia"); or neither (codes, abbreviations).
 */
export type WordClass = 'marked' | 'plain' | 'bad' | 'unknown' | 'neutral';

/**
 * A word's class depends on the word and the lexicon only, and plans repeat their words: kept
 * per lexicon across lines and documents, bounded.
 */
const WORD_CLASSES = new WeakMap<SyllableLexicon, Map<string, WordClass>>();

export function classifyWord(model: SyllableLexicon, word: string): WordClass {
  let cache = WORD_CLASSES.get(model);
  if (!cache || cache.size > 100_000) WORD_CLASSES.set(model, (cache = new Map()));
  let c = cache.get(word);
  if (c === undefined) cache.set(word, (c = classifyUncached(model, word)));
  return c;
}

function classifyUncached(model: SyllableLexicon, word: string): WordClass {
  if (isAbbreviation(word) || /^\p{Lu}$/u.test(word)) return 'neutral';
  // Codes of capitals and digits: PV01, H5N1, 5G, B1 (but "S6", "X4" are a garbled Số, xã).
  if (/^[A-Z\d]+$/.test(word) && /\d/.test(word) && (word.length > 2 || /^\d/.test(word) || !/[0346]/.test(word))) return 'neutral';
  // Digits with letters: garble when a digit stands for a vowel inside a word ("s6", "ngd1",
  // "So6c"); measures and codes ("2x190", "500kV") are neither.
  if (/^(k|c|d|m)?m[23]$/.test(word)) return 'neutral'; // m2, m3, km2: units
  if (/\d/.test(word)) {
    const digits = word.replace(/\D/g, '').length;
    const letters = word.replace(/[^\p{L}]/gu, '').length;
    return letters >= digits && digits <= 2 && /[01346]/.test(word) ? 'bad' : 'neutral';
  }
  // Symbols: "hi€u", "¢", "K&" are garble; "QLCN&TĐC" is an abbreviation.
  if (/&/.test(word) && !/[€¢£¥©]/.test(word)) return word.length <= 2 ? 'bad' : 'neutral';
  const lower = toOldStyle(word.normalize('NFC').toLowerCase());
  if (/^[a-z]+$/.test(lower)) {
    if (model.candidates.has(lower)) return 'plain';
    // Short unknown words are abbreviations; longer ones, or with f j w z (no Vietnamese word has
    // them), are English or unaccented garble ("Tw", "thj", "ctia").
    return /[fjwz]/.test(lower) || !/^[a-z]{1,3}$/.test(lower) ? 'unknown' : 'neutral';
  }
  if (isWellFormedSyllable(lower) && model.idOf.has(lower)) return 'marked';
  // Letters a Latin-only OCR cannot write (ư ơ ă đ ạ ả ắ …) mean Vietnamese Unicode, even in a
  // word the model does not know ("Đắk Lắk").
  if (/[^\u0000-\u00ff]/.test(lower) && !/[\d€¢£¥©&]/.test(lower)) return 'marked';
  return 'bad';
}

// English function words that no Vietnamese syllable spells.
const ENGLISH = new Set(['of', 'and', 'for', 'with', 'is', 'are', 'be', 'by', 'from', 'this', 'that', 'which', 'shall', 'the', 'in', 'at', 'or', 'as', 'its', 'such']);
const ENGLISH_ONLY = new Set(['of', 'and', 'for', 'with', 'is', 'are', 'be', 'by', 'from', 'this', 'that', 'which', 'shall', 'its', 'such']);

/**
 * A line in English: two English function words, one of which no Vietnamese syllable spells,
 * and none of the marks of Latin-OCR garble (accented Latin letters, digits or symbols inside
 * words).
 */
function isForeign(words: Token[]): boolean {
  let english = 0;
  let englishOnly = 0;
  for (const w of words) {
    const lower = w.text.toLowerCase();
    if (/[\u00c0-\u00ff€¢£¥©&]/i.test(lower) || (/\d/.test(lower) && /\p{L}/u.test(lower) && lower.length <= 3)) return false;
    if (ENGLISH.has(lower)) english++;
    if (ENGLISH_ONLY.has(lower)) englishOnly++;
  }
  return english >= 2 && englishOnly >= 1;
}

/** Clean: enough known marked words and few unreadable ones; garbled: unreadable words; else stripped. */
/** Letters only Unicode Vietnamese writes (ă đ ơ ư ĩ ũ, ạ … ỹ): no Latin-only OCR and no legacy byte gives them. */
const UNICODE_VIETNAMESE = /[\u0102\u0103\u0110\u0111\u0128\u0129\u0168\u0169\u01a0\u01a1\u01af\u01b0\u1ea0-\u1ef9]/;

export function classifyLine(model: SyllableLexicon, words: Token[]): LineKind {
  // Fast path: a line most of whose words carry letters only Unicode Vietnamese has is clean.
  if (words.length >= 4) {
    let vietnamese = 0;
    for (const w of words) if (UNICODE_VIETNAMESE.test(w.text)) vietnamese++;
    if (vietnamese / words.length >= 0.5) return 'clean';
  }
  let marked = 0;
  let plain = 0;
  let bad = 0;
  let unknown = 0;
  for (const w of words) {
    const c = classifyWord(model, w.text);
    if (c === 'marked') marked++;
    else if (c === 'plain') plain++;
    else if (c === 'bad') bad++;
    else if (c === 'unknown') unknown++;
  }
  const total = marked + plain + bad + unknown;
  if (total === 0) return 'empty';
  if (marked === 0 && bad === 0 && isForeign(words)) return 'foreign';
  if (marked / total >= 0.3 && bad / total < 0.2) return 'clean';
  if (bad > 0 && (bad / total >= 0.1 || marked > 0)) return 'garbled';
  if (bad === 0 && unknown > plain) return 'foreign';
  if (plain > 0) return 'stripped';
  return marked > 0 ? 'clean' : bad > 0 ? 'garbled' : 'foreign';
}

/** How Vietnamese a text reads: share of its words that are known syllables (legacy detection). */
export function vietnameseScore(model: SyllableLexicon, text: string): number {
  let known = 0;
  let total = 0;
  for (const t of tokenize(text)) {
    if (t.kind !== 'word') continue;
    total++;
    // Only syllables the model knows count: a wrong decoding makes unknown marked words.
    const lower = toOldStyle(t.text.normalize('NFC').toLowerCase());
    if (/^[a-z]+$/.test(lower)) {
      if (model.candidates.has(lower)) known += 0.5;
    } else if (isWellFormedSyllable(lower) && model.idOf.has(lower)) known++;
  }
  return total === 0 ? 0 : known / total;
}

/** The word tokens of every line (index 0 = line 1). */
export function wordsByLine(text: string): Token[][] {
  const lines: Token[][] = text.split('\n').map(() => []);
  let line = 0;
  // The next line break at or after the current position (text.length when there is none):
  // each break is found once, so the whole text is scanned once however long its lines are.
  let nextBreak = text.indexOf('\n');
  if (nextBreak < 0) nextBreak = text.length;
  for (const t of tokenize(text)) {
    // Count the line breaks before this token.
    while (nextBreak < t.start) {
      line++;
      nextBreak = text.indexOf('\n', nextBreak + 1);
      if (nextBreak < 0) nextBreak = text.length;
    }
    if (t.kind === 'word') lines[line].push(t);
  }
  return lines;
}

export function classifyDocument(lines: LineKind[]): { document: DocumentKind; counts: Record<LineKind, number> } {
  const counts: Record<LineKind, number> = { empty: 0, clean: 0, stripped: 0, garbled: 0, foreign: 0 };
  for (const k of lines) counts[k]++;
  const nonEmpty = lines.length - counts.empty - counts.foreign;
  let document: DocumentKind;
  if (nonEmpty === 0) document = 'empty';
  // Lines with the marks of Latin-OCR garble make the document garbled (or mixed).
  else if (counts.garbled >= Math.max(2, 0.05 * nonEmpty)) document = counts.clean >= 0.3 * nonEmpty ? 'mixed' : 'garbled';
  // Clean Unicode text is left alone: a few odd lines (English, codes, names) do not make it mixed.
  else if (counts.clean >= 0.85 * nonEmpty) document = 'clean';
  else if (counts.stripped + counts.garbled <= 0.03 * nonEmpty) document = 'clean';
  else if (counts.clean >= 0.2 * nonEmpty) document = 'mixed';
  else document = 'stripped';
  return { document, counts };
}
