// Strictness of award criteria thresholds ("tỷ lệ hài lòng trên 90%", "xếp loại từ khá trở
// lên"): which of two thresholds on the same metric asks more.
import { fold } from '../text/fold.js';
import type { Threshold } from '../record/schema.js';
import type { ThresholdVerdict } from './types.js';
import { t, type Lang } from '../messages/index.js';

// Rating words of the CCHC index, folded, weakest to strongest: yếu (weak), trung bình
// (average), khá (fair), tốt (good), xuất sắc (excellent).
const RATING_RANK: Record<string, number> = { yeu: 0, kem: 0, 'trung binh': 1, dat: 1, kha: 2, tot: 3, 'xuat sac': 4 };

interface Bound {
  /** A lower bound asks for at least the value (>=, >, =); an upper bound at most (<=, <). */
  direction: 'lower' | 'upper';
  value: number;
  strict: boolean;
}

function numericValue(value: number | string): number | null {
  if (typeof value === 'number') return value;
  const rank = RATING_RANK[fold(value).trim()];
  return rank === undefined ? null : rank;
}

function boundOf(t: Threshold): Bound | null {
  const value = numericValue(t.value);
  if (value === null) return null;
  const direction = t.op === '<=' || t.op === '<' ? 'upper' : 'lower';
  return { direction, value, strict: t.op === '>' || t.op === '<' };
}

/** How `b` compares with `a`: stricter asks more, looser less. */
export function compareThreshold(a: Threshold, b: Threshold): Exclude<ThresholdVerdict, 'missing' | 'added'> {
  if (a.op === b.op && sameValue(a.value, b.value) && (a.unit ?? null) === (b.unit ?? null)) return 'same';
  const ba = boundOf(a);
  const bb = boundOf(b);
  if (!ba || !bb || ba.direction !== bb.direction) return 'changed';
  if ((a.unit ?? null) !== (b.unit ?? null)) return 'changed';
  const sign = ba.direction === 'lower' ? 1 : -1;
  if (bb.value !== ba.value) return sign * (bb.value - ba.value) > 0 ? 'stricter' : 'looser';
  if (bb.strict !== ba.strict) return bb.strict ? 'stricter' : 'looser';
  return 'same';
}

function sameValue(a: number | string, b: number | string): boolean {
  if (typeof a === 'number' || typeof b === 'number') return a === b;
  return fold(a).trim() === fold(b).trim();
}

/** Sorts thresholds strictest first (unordered ones keep their place at the end). */
export function strictestFirst(list: readonly Threshold[]): Threshold[] {
  return [...list].sort((x, y) => {
    const v = compareThreshold(x, y);
    return v === 'stricter' ? 1 : v === 'looser' ? -1 : 0;
  });
}

/** Words for a threshold: "> 90 %", ">= khá", "> previous_year". */
export function describeThreshold(x: Threshold | null | undefined, lang: Lang = 'en'): string {
  if (!x) return '—';
  const value = x.value === 'previous_year' ? t('compare.previous-year', {}, lang) : String(x.value);
  return `${x.op} ${value}${x.unit ? (x.unit === '%' ? '%' : ' ' + x.unit) : ''}`;
}
