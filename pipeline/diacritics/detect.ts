// Detection: is a line clean Unicode Vietnamese, stripped of its marks, or garbled by a
// Latin-only OCR? Words are judged against the model's syllables; lines by their share of
// marked, unmarked and unreadable words; the document by its share of lines.
import { isAbbreviation } from './garble.js';
import type { RestoreModel } from './model.js';
import { tokenize, type Token } from './tokens.js';
import { isWellFormedSyllable, toOldStyle } from './vietnamese.js';

export type LineKind = 'empty' | 'clean' | 'stripped' | 'garbled';
export type DocumentKind = 'empty' | 'clean' | 'stripped' | 'garbled' | 'mixed';

/** A known marked syllable, an unmarked one, an unreadable (garbled) word, or neither (codes, abbreviations). */
export type WordClass = 'marked' | 'plain' | 'bad' | 'neutral';

export function classifyWord(model: RestoreModel, word: string): WordClass {
  if (isAbbreviation(word) || (/^[A-Z]+\d+$/.test(word) && word.length > 2) || /^\p{Lu}$/u.test(word)) return 'neutral';
  const lower = toOldStyle(word.normalize('NFC').toLowerCase());
  if (/^[a-z]+$/.test(lower)) {
    if (model.candidates.has(lower)) return 'plain';
    // Vietnamese writes no f, j, w, z: "Tw", "thj" are OCR garble; other short words are abbreviations.
    return /[fjwz]/.test(lower) || !/^[a-z]{1,3}$/.test(lower) ? 'bad' : 'neutral';
  }
  if (isWellFormedSyllable(lower) && model.idOf.has(lower)) return 'marked';
  return 'bad';
}

/** Clean: enough known marked words and few unreadable ones; garbled: unreadable words; else stripped. */
export function classifyLine(model: RestoreModel, words: Token[]): LineKind {
  let marked = 0;
  let plain = 0;
  let bad = 0;
  for (const w of words) {
    const c = classifyWord(model, w.text);
    if (c === 'marked') marked++;
    else if (c === 'plain') plain++;
    else if (c === 'bad') bad++;
  }
  const total = marked + plain + bad;
  if (total === 0) return 'empty';
  if (marked / total >= 0.3 && bad / total < 0.2) return 'clean';
  if (bad > 0 && (bad / total >= 0.1 || marked > 0)) return 'garbled';
  if (plain > 0) return 'stripped';
  return marked > 0 ? 'clean' : 'garbled';
}

/** How Vietnamese a text reads: share of its words that are known syllables (legacy detection). */
export function vietnameseScore(model: RestoreModel, text: string): number {
  let known = 0;
  let total = 0;
  for (const t of tokenize(text)) {
    if (t.kind !== 'word') continue;
    total++;
    const c = classifyWord(model, t.text);
    if (c === 'marked') known++;
    else if (c === 'plain') known += 0.5;
  }
  return total === 0 ? 0 : known / total;
}

/** The word tokens of every line (index 0 = line 1). */
export function wordsByLine(text: string): Token[][] {
  const lines: Token[][] = text.split('\n').map(() => []);
  let line = 0;
  let lastBreak = 0;
  for (const t of tokenize(text)) {
    // Count the line breaks before this token.
    for (let i = text.indexOf('\n', lastBreak); i >= 0 && i < t.start; i = text.indexOf('\n', i + 1)) {
      line++;
      lastBreak = i + 1;
    }
    if (t.kind === 'word') lines[line].push(t);
  }
  return lines;
}

export function classifyDocument(lines: LineKind[]): { document: DocumentKind; counts: Record<LineKind, number> } {
  const counts: Record<LineKind, number> = { empty: 0, clean: 0, stripped: 0, garbled: 0 };
  for (const k of lines) counts[k]++;
  const nonEmpty = lines.length - counts.empty;
  let document: DocumentKind;
  if (nonEmpty === 0) document = 'empty';
  else if (counts.garbled >= Math.max(2, 0.1 * nonEmpty)) document = counts.clean >= 0.3 * nonEmpty ? 'mixed' : 'garbled';
  else if (counts.stripped + counts.garbled <= 0.03 * nonEmpty) document = 'clean';
  else if (counts.clean >= 0.2 * nonEmpty) document = 'mixed';
  else document = 'stripped';
  return { document, counts };
}
