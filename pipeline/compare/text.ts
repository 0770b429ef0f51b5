// Matching items of two plans on folded text by token overlap (a cheap stand-in for
// "same meaning"): each text becomes the set of its folded syllables minus function
// words, two texts score by the Dice coefficient of their sets, and items are paired
// greedily, best score first, one to one.
import { matchKey } from '../text/fold.js';

// Folded Vietnamese function words and words every campaign item shares ("thi đua":
// emulation), which say nothing about what an item is about.
const STOPWORDS = new Set([
  'va', 'cac', 'cua', 'trong', 'cho', 'voi', 'theo', 'tai', 'tu', 'den', 'la', 'co', 'duoc', 'nhung', 'mot', 'nay',
  'do', 'de', 've', 'khi', 'thi', 'dua', 'tren', 'hoac', 'cung', 'nhu', 'gom', 'viec', 'su', 'nham',
]);

/** Folded content tokens of a text (diacritics, case and punctuation dropped). */
export function contentTokens(text: string): Set<string> {
  const out = new Set<string>();
  for (const word of matchKey(text).split(' ')) {
    if (word.length === 0 || STOPWORDS.has(word)) continue;
    out.add(word);
  }
  return out;
}

/** Dice coefficient of two token sets, 0..1 (1 for two empty sets). */
export function dice(a: Set<string>, b: Set<string>): number {
  if (a.size === 0 && b.size === 0) return 1;
  let common = 0;
  for (const t of a) if (b.has(t)) common++;
  return (2 * common) / (a.size + b.size);
}

/** Similarity of two texts by token overlap, 0..1. */
export function textSimilarity(a: string, b: string): number {
  return dice(contentTokens(a), contentTokens(b));
}

/** Same text once folded (case, diacritics, punctuation and spacing ignored). */
export function sameFolded(a: string, b: string): boolean {
  return matchKey(a) === matchKey(b);
}

export interface ItemPair {
  a: number;
  b: number;
  score: number;
}

export interface ItemMatching {
  pairs: ItemPair[];
  /** Indexes of A's items with no counterpart in B. */
  missing: number[];
  /** Indexes of B's items with no counterpart in A. */
  added: number[];
}

/** Default overlap two items need to count as the same item. */
export const MATCH_THRESHOLD = 0.4;

/**
 * Pairs A's items with B's one to one, best overlap first; a pair needs `threshold`.
 * `score(a, b)` may be given for items that are not plain text.
 */
export function matchItems<T>(
  aItems: readonly T[],
  bItems: readonly T[],
  toText: (item: T) => string,
  threshold = MATCH_THRESHOLD,
): ItemMatching {
  const aTokens = aItems.map((x) => contentTokens(toText(x)));
  const bTokens = bItems.map((x) => contentTokens(toText(x)));
  const candidates: ItemPair[] = [];
  for (let i = 0; i < aItems.length; i++) {
    for (let j = 0; j < bItems.length; j++) {
      const score = dice(aTokens[i], bTokens[j]);
      if (score >= threshold) candidates.push({ a: i, b: j, score });
    }
  }
  // Best first; ties keep document order so equal lists pair up in order.
  candidates.sort((x, y) => y.score - x.score || x.a - y.a || x.b - y.b);
  const usedA = new Set<number>();
  const usedB = new Set<number>();
  const pairs: ItemPair[] = [];
  for (const c of candidates) {
    if (usedA.has(c.a) || usedB.has(c.b)) continue;
    usedA.add(c.a);
    usedB.add(c.b);
    pairs.push(c);
  }
  pairs.sort((x, y) => x.a - y.a);
  return {
    pairs,
    missing: aItems.map((_, i) => i).filter((i) => !usedA.has(i)),
    added: bItems.map((_, j) => j).filter((j) => !usedB.has(j)),
  };
}

/** Edit distance (insertions, deletions, substitutions) of two strings, or of two sequences (words, characters). */
export function levenshtein<T>(a: string | readonly T[], b: string | readonly T[]): number {
  if (a === b) return 0;
  if (a.length === 0) return b.length;
  if (b.length === 0) return a.length;
  let prev = new Array<number>(b.length + 1);
  let cur = new Array<number>(b.length + 1);
  for (let j = 0; j <= b.length; j++) prev[j] = j;
  for (let i = 1; i <= a.length; i++) {
    cur[0] = i;
    for (let j = 1; j <= b.length; j++) {
      const cost = a[i - 1] === b[j - 1] ? 0 : 1;
      cur[j] = Math.min(prev[j] + 1, cur[j - 1] + 1, prev[j - 1] + cost);
    }
    [prev, cur] = [cur, prev];
  }
  return prev[b.length];
}
