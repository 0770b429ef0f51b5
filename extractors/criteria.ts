// criteria: award standards (tiêu chuẩn / tiêu chí khen thưởng), one entry per criterion
// line, with the thresholds a nominee must meet.
import type { AdminRoot, Section, TextNode } from '../pipeline/parse/types.js';
import type { Award, Criterion, Threshold } from '../pipeline/record/schema.js';
import { findAwardTitle } from './awards.js';
import { parseConferrer } from '../pipeline/recognise/bodies.js';
import { bodyNodes, cleanValue, deepestWithRole, EvidenceSink, looseFold } from './util.js';

const RATINGS: Array<[string, string]> = [
  ['xuat sac', 'xuất sắc'],
  ['tot', 'tốt'],
  ['kha', 'khá'],
  ['trung binh', 'trung bình'],
  ['dat', 'đạt'],
];

/** Thresholds stated in a criterion. */
export function findThresholds(text: string): Threshold[] {
  const key = looseFold(text).replace(/[“”"']/g, '');
  const out: Threshold[] = [];
  const add = (t: Threshold) => {
    if (!out.some((o) => o.metric === t.metric)) out.push(t);
  };
  // Percentages: satisfaction when the clause speaks of it, else task completion when it speaks of tasks.
  for (const m of key.matchAll(/(\d{1,3}(?:[.,]\d+)?)\s*%/g)) {
    const value = Number(m[1].replace(',', '.'));
    // The clause the percentage belongs to: back to the start of its sentence.
    const sentence = Math.max(key.lastIndexOf('. ', m.index), key.lastIndexOf(';', m.index), 0);
    const before = key.slice(sentence, m.index);
    const after = key.slice(m.index! + m[0].length, m.index! + m[0].length + 40);
    const clauseBefore = before;
    // "trên 90%": more than; "từ 98% trở lên", "tối thiểu 90%", "đạt 100%": at least.
    const op: '>' | '>=' = /\btren\s*$/.test(before) ? '>' : '>=';
    if (/hai long/.test(clauseBefore)) add({ metric: 'satisfaction', op, value, unit: '%' });
    else if (/^\s*(so |cac |tong so )?(nhiem vu|chi tieu|ke hoach|cong viec)/.test(after) || /hoan thanh\s*$/.test(before)) {
      add({ metric: 'task_completion', op: '>=', value, unit: '%' });
    }
  }
  // Ratings: "xếp loại từ khá trở lên", "đạt loại tốt".
  const rating = /(xep loai|xep hang|dat loai|dat muc|muc xep loai|dat)\s+(?:muc\s+|loai\s+)?(?:tu\s+)?(xuat sac|tot|kha|trung binh)\s*(tro len)?/.exec(key);
  if (rating && (rating[3] || /xep loai|dat loai/.test(rating[1]))) {
    add({ metric: 'index_rating', op: rating[3] ? '>=' : '=', value: RATINGS.find(([k]) => k === rating[2])![1], unit: null });
  }
  // Growth over the previous year: of the satisfaction rate or of the index.
  const growth = /(cao hon|tang so voi|tang hon|khong thap hon|vuot)\s+(so voi\s+)?nam truoc/.exec(key);
  if (growth) {
    const before = key.slice(0, growth.index);
    const lastSat = before.lastIndexOf('hai long');
    const lastIndex = Math.max(before.lastIndexOf('chi so'), before.lastIndexOf('diem'), before.lastIndexOf('xep loai'));
    const sentenceStart = Math.max(before.lastIndexOf('. '), 0);
    const metric = lastSat > lastIndex && lastSat >= sentenceStart ? 'satisfaction_growth' : 'index_growth';
    add({ metric, op: '>', value: 'previous_year', unit: null });
  }
  return out;
}

/** "Đối với tập thể:", "b) Đối với cá nhân tham mưu …: Đạt các tiêu chuẩn sau đây:" */
function recipientHeading(value: string): 'collective' | 'individual' | null {
  const key = looseFold(value).replace(/^[^a-z]+/, '');
  if (/^(doi voi |danh cho |tieu chuan (doi voi |cho )?|khen thuong )?(cac )?tap the\b/.test(key)) return 'collective';
  if (/^(doi voi |danh cho |tieu chuan (doi voi |cho )?|khen thuong )?(cac )?ca nhan\b/.test(key)) return 'individual';
  return null;
}

/** "Giấy khen của Chủ tịch Ủy ban nhân dân huyện" heading a group of criteria. */
function conferrerHeading(value: string): string | null {
  const key = looseFold(value);
  const title = findAwardTitle(key);
  if (!title || title.index > 12) return null;
  const cua = /^\s*(cua|do)\s+/.exec(key.slice(title.index + title.length));
  if (!cua) return null;
  return parseConferrer(value.slice(title.index + title.length + cua[0].length))?.text ?? null;
}

export function extractCriteria(tree: AdminRoot, ev: EvidenceSink, awards: Award[]): Criterion[] {
  const out: Criterion[] = [];
  // The deepest sections about criteria: a heading that also names other parts ("Hình thức, số
  // lượng và tiêu chuẩn khen thưởng") leaves its criteria to its "Tiêu chuẩn" sub-section.
  const containers: Section[] = deepestWithRole(bodyNodes(tree), 'criteria');
  const conferrers = [...new Set(awards.map((a) => a.conferrer).filter((c): c is string => !!c))];
  const defaultConferrer = conferrers.length === 1 ? conferrers[0] : null;
  for (const container of containers) {
    let conferrer: string | null = conferrerHeading(container.heading.value) ?? defaultConferrer;
    const visit = (nodes: Section['children'], recipient: 'collective' | 'individual' | null) => {
      for (const c of nodes) {
        if (c.type === 'paragraph') {
          const conf = conferrerHeading(c.value);
          if (conf) conferrer = conf;
          continue;
        }
        if (c.type !== 'section') continue;
        const conf = conferrerHeading(c.heading.value);
        const group = recipientHeading(c.heading.value);
        if (conf && !group && c.children.length) {
          conferrer = conf;
          visit(c.children, recipient);
          continue;
        }
        if (group) {
          // "1. Đối với tập thể: hoàn thành xuất sắc …; tỷ lệ … đạt từ 98% trở lên." — the criteria inline.
          const colon = c.heading.value.indexOf(':');
          const inline = colon >= 0 ? c.heading.value.slice(colon + 1).trim() : '';
          if (inline && !/^(dat|gom|bao gom)?\s*(cac )?tieu chuan( sau( day)?)?\s*:?$/.test(looseFold(inline))) {
            add({ ...c.heading, value: inline, offsets: c.heading.offsets.slice(c.heading.value.length - inline.length) }, group);
          }
          visit(c.children, group);
          continue;
        }
        if (recipient && !c.headingLike || recipient && c.children.length === 0) {
          add(c.heading, recipient);
          if (c.children.length) visit(c.children, recipient);
        } else if (c.children.length) visit(c.children, recipient);
      }
    };
    const add = (node: TextNode, recipient: 'collective' | 'individual') => {
      const text = cleanValue(node.value);
      if (!text) return;
      ev.add(`/criteria/${out.length}`, node);
      out.push({ recipient, conferrer, text, thresholds: findThresholds(text) });
    };
    visit(container.children, recipientHeading(container.heading.value));
  }
  return out;
}
