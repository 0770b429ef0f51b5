// Table rulings in a page image: long horizontal and vertical runs of dark pixels, so that
// the OCR of a ruled table can be read row by row, cell by cell, as from a PDF's rulings.
import type { Segment } from './layout.js';
import { otsuThreshold, type GrayImage } from './raster.js';

/** A gap of up to this many pixels does not break a ruling (noise, a faint spot). */
const MAX_GAP = 6;

/**
 * Horizontal rulings at least 8% of the page width long and vertical rulings at least 3% of
 * its height; the rows (or columns) of one thick line are merged into one segment.
 */
export function detectRulings(image: GrayImage): Segment[] {
  const { width, height, data } = image;
  // Thin rulings come out light grey from a blurred scan: a lighter threshold than the text's,
  // halfway between the ink/paper threshold and white.
  const threshold = Math.round((otsuThreshold(image) + 255) / 2);
  const dark = (x: number, y: number) => data[y * width + x] <= threshold;
  const minH = Math.max(40, Math.round(width * 0.08));
  const minV = Math.max(40, Math.round(height * 0.03));

  const horizontal: Segment[] = [];
  for (let y = 0; y < height; y++) {
    let start = -1;
    let last = -1;
    for (let x = 0; x <= width; x++) {
      if (x < width && dark(x, y)) {
        if (start < 0) start = x;
        last = x;
      } else if (start >= 0 && (x === width || x - last > MAX_GAP)) {
        if (last - start >= minH) horizontal.push({ x1: start, x2: last, y1: y, y2: y });
        start = -1;
      }
    }
  }
  const vertical: Segment[] = [];
  for (let x = 0; x < width; x++) {
    let start = -1;
    let last = -1;
    for (let y = 0; y <= height; y++) {
      if (y < height && dark(x, y)) {
        if (start < 0) start = y;
        last = y;
      } else if (start >= 0 && (y === height || y - last > MAX_GAP)) {
        if (last - start >= minV) vertical.push({ x1: x, x2: x, y1: start, y2: last });
        start = -1;
      }
    }
  }
  return [...mergeParallel(horizontal, 'h'), ...mergeParallel(vertical, 'v')];
}

/** Merges segments on adjacent rows (columns) that overlap: one thick line → one segment. */
function mergeParallel(segments: Segment[], dir: 'h' | 'v'): Segment[] {
  const pos = (s: Segment) => (dir === 'h' ? s.y1 : s.x1);
  const from = (s: Segment) => (dir === 'h' ? s.x1 : s.y1);
  const to = (s: Segment) => (dir === 'h' ? s.x2 : s.y2);
  const sorted = [...segments].sort((a, b) => pos(a) - pos(b));
  const groups: { lo: number; hi: number; from: number; to: number; sum: number; n: number }[] = [];
  for (const s of sorted) {
    const g = groups.find((g) => pos(s) - g.hi <= 2 && from(s) <= g.to && to(s) >= g.from);
    if (g) {
      g.hi = pos(s);
      g.from = Math.min(g.from, from(s));
      g.to = Math.max(g.to, to(s));
      g.sum += pos(s);
      g.n++;
    } else groups.push({ lo: pos(s), hi: pos(s), from: from(s), to: to(s), sum: pos(s), n: 1 });
  }
  return groups.map((g) => {
    const p = g.sum / g.n;
    return dir === 'h' ? { x1: g.from, x2: g.to, y1: p, y2: p } : { x1: p, x2: p, y1: g.from, y2: g.to };
  });
}
