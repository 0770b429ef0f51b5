// Offsets ↔ lines of a text, shared by every stage that reports places (unist points are
// 1-based line and column, 0-based offset).
import type { Point } from 'unist';

/** Start offset of every line of `text`. */
export function lineStarts(text: string): number[] {
  const starts = [0];
  for (let i = text.indexOf('\n'); i >= 0; i = text.indexOf('\n', i + 1)) starts.push(i + 1);
  return starts;
}

/** The unist point of an offset, given the line starts of the text. */
export function pointAt(offset: number, starts: number[]): Point {
  let lo = 0;
  let hi = starts.length - 1;
  while (lo < hi) {
    const mid = (lo + hi + 1) >> 1;
    if (starts[mid] <= offset) lo = mid;
    else hi = mid - 1;
  }
  return { line: lo + 1, column: offset - starts[lo] + 1, offset };
}
