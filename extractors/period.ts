// period: the years the campaign covers and its reviews (sơ kết: midterm; tổng kết: final).
import type { AdminRoot, TextNode } from '../pipeline/parse/types.js';
import type { Period } from '../pipeline/record/schema.js';
import { findYears, findYearSpan } from '../pipeline/recognise/dates.js';
import { bodyNodes, deepestWithRole, EvidenceSink, looseFold, sectionTexts, topNodes } from './util.js';

export function extractPeriod(tree: AdminRoot, ev: EvidenceSink, issueYear: number | null): Period {
  const title = topNodes(tree, 'title')[0];
  const body = bodyNodes(tree);
  let from: number | null = null;
  let to: number | null = null;
  // The "Thời gian (thi đua)" section proper, not a heading that merely lists it.
  const periodTexts: TextNode[] = deepestWithRole(body, 'period')
    .filter((s) => /^thoi gian\b/.test(looseFold(s.heading.value)))
    .flatMap((s) => sectionTexts(s));
  // 1. An explicit range: "Từ ngày ban hành Kế hoạch đến hết ngày 30 tháng 4 năm 2026".
  for (const node of periodTexts) {
    const key = looseFold(node.value);
    const range = /\btu\b(.{0,80}?)\bden\b(.{0,80})/.exec(key);
    if (!range) continue;
    const startYears = findYears(range[1]);
    const endYears = findYears(range[2]);
    if (!endYears.length) continue;
    to = endYears[endYears.length - 1];
    from = startYears.length ? startYears[0] : /ban hanh/.test(range[1]) && issueYear ? issueYear : to;
    if (from > to) from = to;
    ev.add('/period', node, range.index, range.index + range[0].length);
    break;
  }
  // 2. The title: "giai đoạn 2021-2030", "năm 2023", "đến năm 2030" — not a term of office
  //    ("nhiệm kỳ 2026-2031", "khóa XVI").
  // 3. The other years of the "Thời gian" section.
  const sources: TextNode[] = [];
  if (from === null && title) sources.push(title);
  if (from === null) sources.push(...periodTexts);
  for (const node of sources) {
    const key = looseFold(node.value);
    const masked = key.replace(/\b(nhiem ky|khoa)\s+(\S+\s*)?(19|20)\d\d\s*[-–]\s*(19|20)\d\d/g, (m) => ' '.repeat(m.length));
    const span = findYearSpan(masked);
    if (span) {
      from = span.from;
      to = span.to;
      ev.add('/period', node, span.index, span.index + span.length);
      break;
    }
    const until = /\bden nam (\d{4})/.exec(masked);
    const year = /\bnam (\d{4})\b/.exec(masked);
    if (until && (!year || year.index > until.index)) {
      to = Number(until[1]);
      from = issueYear && issueYear <= to ? issueYear : to;
      ev.add('/period', node, until.index, until.index + until[0].length);
      break;
    }
    if (year) {
      from = to = Number(year[1]);
      ev.add('/period', node, year.index, year.index + year[0].length);
      break;
    }
  }
  if (from === null && issueYear) {
    from = to = issueYear;
  }
  return { from, to, reviews: extractReviews(tree, ev, from, to) };
}

/** "sơ kết, tổng kết … vào các năm 2025 và năm 2030", "tổng kết tháng 10/2023". */
function extractReviews(tree: AdminRoot, ev: EvidenceSink, from: number | null, to: number | null): Period['reviews'] {
  const reviews: Period['reviews'] = [];
  const nodes: TextNode[] = [];
  const walk = (ns: ReturnType<typeof bodyNodes>) => {
    for (const n of ns) {
      if (n.type === 'paragraph') nodes.push(n);
      else if (n.type === 'section') {
        nodes.push(n.heading);
        walk(n.children);
      }
    }
  };
  walk(bodyNodes(tree));
  const add = (kind: 'midterm' | 'final', year: number) => {
    if (!reviews.some((r) => r.kind === kind && r.year === year)) reviews.push({ kind, year });
  };
  for (const node of nodes) {
    const key = looseFold(node.value);
    // Only sentences that schedule a review: the words and a year in the same clause.
    for (const clause of key.split(/[.;]\s/)) {
      const so = /\bso ket\b/.test(clause);
      const tong = /\btong ket\b/.test(clause);
      if (!so && !tong) continue;
      if (/\bkhen thuong (so|tong) ket\b/.test(clause) && !/\b(to chuc|vao (cac )?nam|thoi gian)\b/.test(clause)) continue;
      // Years of scheduling ("vào năm 2025", "tháng 10/2023"), not spans ("giai đoạn 2021 - 2025").
      const spanless = clause.replace(/(giai doan|tu nam)?\s*(19|20)\d\d\s*[-–]\s*(19|20)\d\d/g, ' ');
      const years = findYears(spanless).filter((y) => (from === null || y >= from) && (to === null || y <= to + 1));
      if (!years.length) continue;
      if (so && tong && years.length >= 2) {
        add('midterm', years[0]);
        add('final', years[years.length - 1]);
      } else if (so && tong) {
        add(years[0] === to ? 'final' : 'midterm', years[0]);
      } else if (tong) add('final', years[years.length - 1]);
      else add('midterm', years[0]);
      const at = key.indexOf(clause);
      if (at >= 0) ev.add(`/period/reviews`, node, at, at + clause.length);
    }
  }
  return reviews.sort((a, b) => a.year - b.year || (a.kind === 'midterm' ? -1 : 1));
}
