// List markers of Vietnamese administrative documents: I. → 1. → 1.1. → a) → (1) → * → - → +
import { looseFold } from '../text/fold.js';
import type { MarkerKind } from './types.js';

export interface MarkerMatch {
  kind: MarkerKind;
  /** The marker as normalised: "II", "3", "1.2", "a", "1", "-", "+". */
  label: string;
  /** Length of the marker and the white space after it in the line text. */
  length: number;
}

/** Conventional depth of each kind; a new kind closes open items that are as deep or deeper. */
export const MARKER_RANK: Record<MarkerKind, number> = {
  roman: 0,
  article: 0.5,
  arabic: 1,
  decimal: 2,
  letter: 3,
  paren: 4,
  star: 4.5,
  dash: 5,
  plus: 6,
};

const ROMAN_VALID = /^(X{0,3})(IX|IV|V?I{0,3})$/;

/** Roman numeral as OCR may read it: "IL", "Il", "Ill", "1I" stand for II, III … */
function romanLabel(token: string): string | null {
  if (!/^[IVXLl1]{1,5}$/.test(token)) return null;
  const mapped = token.replace(/[Ll1]/g, 'I');
  if (!mapped.includes('I') && !mapped.includes('V') && !mapped.includes('X')) return null;
  // A plain "1" is an arabic numeral, not a roman one.
  if (/^1+$/.test(token)) return null;
  return ROMAN_VALID.test(mapped) ? mapped : null;
}

export function romanValue(label: string): number {
  const values: Record<string, number> = { I: 1, V: 5, X: 10 };
  let total = 0;
  for (let i = 0; i < label.length; i++) {
    const v = values[label[i]] ?? 0;
    const next = values[label[i + 1]] ?? 0;
    total += v < next ? -v : v;
  }
  return total;
}

/** Recognises the marker at the start of a clean line, or null. */
export function matchMarker(text: string): MarkerMatch | null {
  let m: RegExpExecArray | null;
  // Roman: "I.", "II.", "IV -" (OCR: "IL.")
  if ((m = /^([IVXLl1]{1,5})\s*[.:]\s*(?=\S)/.exec(text))) {
    const label = romanLabel(m[1]);
    if (label && !/^[IVXLl1]{1,5}\.\d/.test(text)) return { kind: 'roman', label, length: m[0].length };
  }
  // "I - MỤC ĐÍCH", "II– NỘI DUNG": a dash after the numeral, before an upper-case heading.
  if ((m = /^([IVX]{1,5})\s*[-–]\s*(?=\p{Lu}{2})/u.exec(text))) {
    const label = romanLabel(m[1]);
    if (label) return { kind: 'roman', label, length: m[0].length };
  }
  // Decimal: "1.1.", "2.3.1", "1.1)"
  if ((m = /^(\d{1,2}(?:\.\d{1,2}){1,3})\s*[.)]?\s+(?=\S)/.exec(text))) {
    return { kind: 'decimal', label: m[1], length: m[0].length };
  }
  // Arabic: "1.", "3)", "2 ." ; not "2025." and not "1/2"
  if ((m = /^(\d{1,2})\s*[.)](?!\d)\s*(?=\S)/.exec(text))) {
    return { kind: 'arabic', label: String(Number(m[1])), length: m[0].length };
  }
  // "1- Đối tượng", "2 – Nội dung"
  if ((m = /^(\d{1,2})\s*[-–]\s+(?=\p{Lu})/u.exec(text))) {
    return { kind: 'arabic', label: String(Number(m[1])), length: m[0].length };
  }
  // Letter: "a)", "đ)", "c )" ; OCR "¢)" for c)
  if ((m = /^([a-zđ¢])\s?\)\s*(?=\S)/.exec(text))) {
    return { kind: 'letter', label: looseFold(m[1]) === 'd' && m[1] === 'đ' ? 'đ' : looseFold(m[1]), length: m[0].length };
  }
  if ((m = /^([a-zđ])\.\s+(?=\p{L})/u.exec(text))) {
    return { kind: 'letter', label: m[1], length: m[0].length };
  }
  // Parenthesised: "(1)", "(a)"
  if ((m = /^\((\d{1,2}|[a-zđ])\)\s*(?=\S)/.exec(text))) {
    return { kind: 'paren', label: m[1], length: m[0].length };
  }
  // Bullets. A dash alone or a run of dashes is a rule, not a bullet.
  if ((m = /^[-–—−]\s*(?=[^-–—\s])/.exec(text))) return { kind: 'dash', label: '-', length: m[0].length };
  if ((m = /^\+\s*(?=\S)/.exec(text))) return { kind: 'plus', label: '+', length: m[0].length };
  if ((m = /^[*•·▪●◦]\s+(?=\S)/.exec(text))) return { kind: 'star', label: '*', length: m[0].length };
  return null;
}
