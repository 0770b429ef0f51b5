// Approximate matching for text read by OCR: edit distance and approximate substring
// search (Sellers' algorithm), on already-folded strings.

/** Levenshtein distance, with an optional cap (returns cap + 1 when exceeded). */
export function editDistance(a: string, b: string, cap = Infinity): number {
  if (a === b) return 0;
  if (Math.abs(a.length - b.length) > cap) return cap + 1;
  let prev = new Array<number>(b.length + 1);
  let curr = new Array<number>(b.length + 1);
  for (let j = 0; j <= b.length; j++) prev[j] = j;
  for (let i = 1; i <= a.length; i++) {
    curr[0] = i;
    let rowMin = curr[0];
    for (let j = 1; j <= b.length; j++) {
      const cost = a[i - 1] === b[j - 1] ? 0 : 1;
      curr[j] = Math.min(prev[j] + 1, curr[j - 1] + 1, prev[j - 1] + cost);
      if (curr[j] < rowMin) rowMin = curr[j];
    }
    if (rowMin > cap) return cap + 1;
    [prev, curr] = [curr, prev];
  }
  return prev[b.length];
}

export interface FuzzyHit {
  start: number;
  end: number;
  distance: number;
}

/**
 * Finds the best approximate occurrence of `pattern` in `text` with at most `maxDistance`
 * edits; null when there is none. Both strings should be folded the same way.
 */
export function fuzzyFind(text: string, pattern: string, maxDistance: number): FuzzyHit | null {
  const m = pattern.length;
  if (m === 0) return null;
  // Exact first: cheap and common.
  const exact = text.indexOf(pattern);
  if (exact >= 0) return { start: exact, end: exact + m, distance: 0 };
  // D[i][j]: distance of pattern[0..i) against a substring of text ending at j.
  let prev = new Array<number>(text.length + 1).fill(0);
  let curr = new Array<number>(text.length + 1).fill(0);
  const startOf: number[][] = [new Array<number>(text.length + 1).fill(0).map((_, j) => j)];
  let prevStart = startOf[0];
  for (let i = 1; i <= m; i++) {
    curr[0] = i;
    const currStart = new Array<number>(text.length + 1).fill(0);
    currStart[0] = 0;
    for (let j = 1; j <= text.length; j++) {
      const cost = pattern[i - 1] === text[j - 1] ? 0 : 1;
      const sub = prev[j - 1] + cost;
      const del = prev[j] + 1; // pattern char missing in text
      const ins = curr[j - 1] + 1; // extra char in text
      if (sub <= del && sub <= ins) {
        curr[j] = sub;
        currStart[j] = prevStart[j - 1];
      } else if (del <= ins) {
        curr[j] = del;
        currStart[j] = prevStart[j];
      } else {
        curr[j] = ins;
        currStart[j] = currStart[j - 1];
      }
    }
    [prev, curr] = [curr, prev];
    prevStart = currStart;
  }
  let best: FuzzyHit | null = null;
  for (let j = 1; j <= text.length; j++) {
    if (prev[j] <= maxDistance && (!best || prev[j] < best.distance)) best = { start: prevStart[j], end: j, distance: prev[j] };
  }
  return best;
}

/** True when `word` is within `ratio` × length edits of `target` (at least one edit allowed for length ≥ 4). */
export function similarWord(word: string, target: string, ratio = 0.25): boolean {
  const cap = Math.max(target.length >= 4 ? 1 : 0, Math.floor(target.length * ratio));
  return editDistance(word, target, cap) <= cap;
}
