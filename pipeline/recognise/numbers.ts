// Document numbers (số, ký hiệu) as Vietnamese documents write them: "52 /KH-CAH",
// "46-CT/TW", "152/2025/NĐ-CP", "0125/KH-UBND", a scanner's "S6: 50 /KH-UBND"; and their
// comparable form, so the parser, the extractors and the comparison read them alike.
import { fold } from '../text/fold.js';

/** "Số: 52/KH-UBND" in folded text (OCR "S6:"); a blank number "Số: …/KH-UBND" too. */
export const NUMBER_FIELD_RE = /\bs[o0-9]{1,2}\s*[:.]?\s*(\d{1,5}[a-z]?\s*(?:[-/]\s*[a-z0-9đ]+)+|\.{2,}\s*\/\s*[a-z0-9đ-]+)/;
/** A number left blank before registration: "Số:        /KH-MTTQ-BTT", "Số: …/QĐ-UBND". */
export const BLANK_NUMBER_RE = /\bs[o0-9]{1,2}\s*:\s*[._…\s]*\/\s*[a-z0-9đ][a-z0-9đ-]*/;

export interface DocNumber {
  number: string | null;
  seq: number | null;
  symbol: string | null;
  index: number;
  length: number;
}

/** "52 /KH-CAH" → 52/KH-CAH; "46-CT/TW"; "152/2025/NĐ-CP"; "0125/KH-UBND". */
export function parseDocNumber(text: string): DocNumber | null {
  const m = /(?<![\p{L}\d])(\d{1,5}[a-z]?)\s*([/-])\s*((?:\d{4}\s*\/\s*)?[\p{Lu}Đ][\p{L}Đđ0-9]*(?:\s*[-/.&]\s*[\p{Lu}Đ][\p{L}Đđ0-9]*)*)/u.exec(text);
  if (!m) return null;
  // Symbols are upper-case abbreviations; Đ is the only marked letter they use ("QĐ", "NĐ-CP"),
  // so marks a restorer may have put on them ("KH-CẮT") are dropped.
  const symbol = m[3]
    .replace(/\s+/g, '')
    .replace(/[^Đđ]/g, (c) => c.normalize('NFD').replace(/[\u0300-\u036f]/g, ''));
  const sep = m[2];
  const number = `${m[1]}${sep}${symbol}`;
  return { number, seq: parseInt(m[1], 10), symbol: sep === '/' ? symbol : `${sep === '-' ? '' : ''}${symbol}`, index: m.index, length: m[0].length };
}

// Letters an OCR engine reads in place of digits, in the number part of a document number.
const DIGIT_LOOKALIKE: Record<string, string> = { o: '0', d: '0', q: '0', l: '1', i: '1', '|': '1', s: '5', b: '8', z: '2', g: '9' };

/** Comparable form of a document number: folded, no spaces, dashes unified, OCR digit look-alikes fixed. */
export function numberKey(number: string | null): string | null {
  if (!number) return null;
  let key = fold(number.normalize('NFC'))
    .replace(/\s+/g, '')
    .replace(/[‐-―_]/g, '-')
    .replace(/[\\|]/g, '/');
  const slash = key.indexOf('/');
  if (slash > 0) {
    const seq = [...key.slice(0, slash)].map((c) => DIGIT_LOOKALIKE[c] ?? c).join('');
    key = seq + key.slice(slash);
  }
  key = key.replace(/^0+(?=\d)/, '');
  return key === '' ? null : key;
}

/** The number alone ("52" of "52/KH-CAH"), OCR look-alikes fixed, or null. */
export function numberSeq(number: string | null): number | null {
  const key = numberKey(number);
  if (!key) return null;
  const m = /^(\d+)/.exec(key);
  return m ? Number(m[1]) : null;
}

