// Dates as Vietnamese documents write them: "ngày 29 tháng 4 năm 2022", "27/4/2022",
// "ngày 18 / tháng 11 năm 2025", "tháng 10/2023", relative years ("năm liền kề").
import { looseFold } from '../text/fold.js';

export interface DateHit {
  iso: string;
  index: number;
  length: number;
}

const pad = (n: number) => String(n).padStart(2, '0');

export function isoDate(y: number, m: number, d: number): string | null {
  if (m < 1 || m > 12 || d < 1 || d > 31 || y < 1900 || y > 2200) return null;
  const date = new Date(Date.UTC(y, m - 1, d));
  if (date.getUTCMonth() !== m - 1) return null;
  return `${y}-${pad(m)}-${pad(d)}`;
}

const FULL = /\bng[a-z]{1,3}\s+(\d{1,2})\s*[/,]?\s*th[a-z]{2,4}\s+(\d{1,2})\s*[/,]?\s*n[a-z]{1,3}\s+(\d{4})/g;
const NUMERIC = /(?<![\d/])(\d{1,2})\s*[/.-]\s*(\d{1,2})\s*[/.-]\s*(\d{4})(?!\d)/g;

/** Every full date in the text (folded matching; indexes are in the original). */
export function findDates(text: string): DateHit[] {
  const key = looseFold(text);
  const hits: DateHit[] = [];
  for (const re of [FULL, NUMERIC]) {
    re.lastIndex = 0;
    let m: RegExpExecArray | null;
    while ((m = re.exec(key))) {
      const iso = isoDate(Number(m[3]), Number(m[2]), Number(m[1]));
      if (iso && !hits.some((h) => m!.index < h.index + h.length && h.index < m!.index + m![0].length)) {
        hits.push({ iso, index: m.index, length: m[0].length });
      }
    }
  }
  return hits.sort((a, b) => a.index - b.index);
}

export function firstDate(text: string): DateHit | null {
  return findDates(text)[0] ?? null;
}

/** A day and month with a year given relatively: "ngày 30 tháng 01 năm liền kề". */
export function findRelativeDate(text: string, baseYear: number | null): DateHit | null {
  const key = looseFold(text);
  const re = /\bng[a-z]{1,3}\s+(\d{1,2})\s*[/,]?\s*th[a-z]{2,4}\s+(\d{1,2})\s*(?:[/,]?\s*(n[a-z]{1,3}\s+(lien ke|sau|tiep theo|ke tiep|hien hanh)|h[aa]ng n[a-z]{1,3}))?/;
  const numeric = /(?<![\d/])(\d{1,2})\s*\/\s*(\d{1,2})(?![\d/])(\s*(n[a-z]{1,3}\s+(lien ke|sau|tiep theo))|\s*h[aa]ng n[a-z]{1,3})?/;
  const m = re.exec(key) ?? numeric.exec(key);
  if (!m || baseYear === null) return null;
  const next = /lien ke|sau|tiep theo|ke tiep/.test(m[0]);
  const iso = isoDate(baseYear + (next ? 1 : 0), Number(m[2]), Number(m[1]));
  return iso ? { iso, index: m.index, length: m[0].length } : null;
}

/** Years mentioned: "giai đoạn 2021-2030", "năm 2025". */
export function findYears(text: string): number[] {
  return [...text.matchAll(/(?<!\d)(19[5-9]\d|20\d\d|21\d\d)(?!\d)/g)].map((m) => Number(m[1]));
}

/** A year range "2021-2030", "2021 - 2025", "2021–2025". */
export function findYearSpan(text: string): { from: number; to: number; index: number; length: number } | null {
  const m = /(?<!\d)(20\d\d|19\d\d)\s*[-–—]\s*(20\d\d|19\d\d)(?!\d)/.exec(text);
  if (!m) return null;
  const from = Number(m[1]);
  const to = Number(m[2]);
  return to >= from ? { from, to, index: m.index, length: m[0].length } : null;
}

const MONTH = (y: number, m: number) => `${y}-${pad(m)}`;

const ROMAN_QUARTER: Record<string, number> = { i: 1, ii: 2, iii: 3, iv: 4, '1': 1, '2': 2, '3': 3, '4': 4 };

/**
 * A time for a task: "Tháng 02/2025", "Từ tháng 02 đến 12/2025", "Trong năm 2025",
 * "Trong quý 1/2025", "Tháng 6-9/2025", "Quý IV/2025 - Quý II/2026", "6 tháng đầu năm 2025".
 */
export function parseWhen(text: string, defaultYear: number | null): { from: string | null; to: string | null } {
  const key = looseFold(text).replace(/\s+/g, ' ').trim();
  let m: RegExpExecArray | null;
  const quarter = (q: string, y: number, end: boolean) => {
    const n = ROMAN_QUARTER[q];
    return n ? MONTH(y, end ? n * 3 : n * 3 - 2) : null;
  };
  if ((m = /quy\s+([iv]+|\d)\s*(?:\/|nam)\s*(\d{4})\s*[-–]\s*quy\s+([iv]+|\d)\s*(?:\/|nam)\s*(\d{4})/.exec(key))) {
    return { from: quarter(m[1], Number(m[2]), false), to: quarter(m[3], Number(m[4]), true) };
  }
  if ((m = /quy\s+([iv]+|\d)\s*(?:\/|nam)?\s*(\d{4})/.exec(key))) {
    return { from: quarter(m[1], Number(m[2]), false), to: quarter(m[1], Number(m[2]), true) };
  }
  if ((m = /thang\s+(\d{1,2})\s*(?:\/\s*(\d{4})\s*)?(?:-|den|toi)\s*(?:thang\s*)?(\d{1,2})\s*(?:\/|nam)\s*(\d{4})/.exec(key))) {
    const y2 = Number(m[4]);
    const y1 = m[2] ? Number(m[2]) : y2;
    return { from: MONTH(y1, Number(m[1])), to: MONTH(y2, Number(m[3])) };
  }
  if ((m = /thang\s+(\d{1,2})\s*(?:\/|nam)\s*(\d{4})/.exec(key))) {
    return { from: MONTH(Number(m[2]), Number(m[1])), to: MONTH(Number(m[2]), Number(m[1])) };
  }
  if ((m = /6 thang (dau|cuoi) nam\s*(\d{4})?/.exec(key))) {
    const y = m[2] ? Number(m[2]) : defaultYear;
    if (y) return m[1] === 'dau' ? { from: MONTH(y, 1), to: MONTH(y, 6) } : { from: MONTH(y, 7), to: MONTH(y, 12) };
  }
  if ((m = /(?:nam|trong nam|ca nam)\s+(\d{4})/.exec(key)) || (m = /^(\d{4})$/.exec(key))) {
    return { from: MONTH(Number(m[1]), 1), to: MONTH(Number(m[1]), 12) };
  }
  if ((m = /thang\s+(\d{1,2})\b/.exec(key)) && defaultYear) {
    return { from: MONTH(defaultYear, Number(m[1])), to: MONTH(defaultYear, Number(m[1])) };
  }
  return { from: null, to: null };
}
