// criteria: award standards (tiêu chuẩn / tiêu chí khen thưởng), one entry per criterion
// line, with the thresholds a nominee must meet.
import type { AdminRoot, Section, TextNode } from '../pipeline/parse/types.js';
import type { Award, Criterion, Threshold } from '../pipeline/record/schema.js';
import { findAwardTitle } from './awards.js';
import { parseConferrer } from '../pipeline/recognise/bodies.js';
import { contentNodes, cleanValue, deepestWithRole, EvidenceSink, looseFold, trimPunct } from './util.js';

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
  // Positions of the numbers a named metric has read.
  const used = new Set<number>();
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
    if (/hai long/.test(clauseBefore)) {
      add({ metric: 'satisfaction', op, value, unit: '%' });
      used.add(m.index!);
    } else if (/^\s*(so |cac |tong so )?(nhiem vu|chi tieu|ke hoach|cong viec)/.test(after) || /hoan thanh\s*$/.test(before)) {
      add({ metric: 'task_completion', op: '>=', value, unit: '%' });
      used.add(m.index!);
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
  out.push(...otherThresholds(text, looseFold(text).replace(/[“”"']/g, ' '), used));
  return out;
}

// Comparison words before a number (folded): "trên", "từ … trở lên", "ít nhất (là)", "tối thiểu", "không dưới", "đạt", "có".
const COMPARATOR = /(?:^|[\s(,;:])(tren|vuot|tu|toi thieu|it nhat(?: la)?|khong (?:duoi|thap hon)|dat(?: tu| tren| toi thieu)?|co)\s+$/;
// Units of a measured condition; a count of years or days is a rule, not a threshold.
const MEASURE = /^(\d{1,3}(?:[.,]\d+)?)\s*(%\s*\/\s*nam|%|diem|sao)(?![a-z])/;

/**
 * Numeric conditions outside the named metrics (contract revision 2, metric "other"): a
 * participation rate "đạt trên 95%", a score "từ 85 điểm trở lên", a vote share "từ 90% trở lên",
 * "từ 3 sao trở lên", "giảm tỷ lệ nghèo từ 2%/năm trở lên", "có ít nhất là 70% cá nhân …".
 * `subject` is the document's words for what is measured.
 */
function otherThresholds(text: string, key: string, used: Set<number>): Threshold[] {
  const out: Threshold[] = [];
  for (const m of key.matchAll(/\d{1,3}(?:[.,]\d+)?\s*(?:%|diem|sao)/g)) {
    if (used.has(m.index!)) continue;
    if (m.index! > 0 && /[\d.,/]/.test(key[m.index! - 1])) continue;
    const measure = MEASURE.exec(key.slice(m.index!));
    if (!measure) continue;
    const before = key.slice(Math.max(0, m.index! - 40), m.index!);
    const cmp = COMPARATOR.exec(before);
    const end = m.index! + measure[0].length;
    const orMore = /^\s*(tro len|tro ln)\b/.test(key.slice(end));
    if (!cmp && !orMore) continue;
    const word = cmp?.[1] ?? '';
    const op: Threshold['op'] = /^(tren|vuot|dat tren)$/.test(word) ? '>' : '>=';
    const unit = measure[2].startsWith('%') ? (measure[2].includes('nam') ? '%/năm' : '%') : measure[2] === 'diem' ? 'điểm' : 'sao';
    const value = Number(measure[1].replace(',', '.'));
    const subject = subjectOf(text, key, m.index! - (cmp ? cmp[0].length - (cmp[0].length - cmp[0].trimStart().length) : 0), end + (orMore ? /^\s*tro len/.exec(key.slice(end))![0].length : 0));
    if (out.some((o) => o.value === value && o.op === op && o.unit === unit)) continue;
    out.push({ metric: 'other', op, value, unit, subject });
  }
  return out;
}

/** What a number measures: the words before it in its clause ("Tỷ lệ … tham gia"), else after it ("… cá nhân đạt danh hiệu"). */
function subjectOf(text: string, key: string, from: number, to: number): string | null {
  const start = Math.max(key.lastIndexOf(';', from - 1), key.lastIndexOf('. ', from - 1), key.lastIndexOf(':', from - 1), key.lastIndexOf(',', from - 1)) + 1;
  let before = text.slice(start, from).replace(/^[\s\-–+*•]+/, '');
  before = before.replace(/\s+(đạt|dat|là|la|có|co|trong đó có|trong do co|với|voi|từ|tu|trên|tren)\s*$/i, '').trim();
  before = before.replace(/\s+(đạt|dat|có|co)$/i, '').replace(/^(phải|phai)\s+(có|co|đạt|dat)\s+/i, '').trim();
  if (before.split(/\s+/).filter(Boolean).length >= 2 && !/^(trong đó|trong do)$/i.test(before)) return trimPunct(before);
  const stop = /[;,.(]/.exec(key.slice(to));
  const after = trimPunct(text.slice(to, stop ? to + stop.index : undefined).trim());
  return after || null;
}



// Groups of criteria by who is judged, from the group's heading ("Đối với …"): units and
// households are collectives, people are individuals. Folded words, first match wins.
const GROUP_KINDS: Array<[RegExp, 'collective' | 'individual']> = [
  [/^(cac )?tap the\b/, 'collective'],
  [/^(cac )?ca nhan\b/, 'individual'],
  [/^(cac )?(can bo|cong chuc|vien chuc|nguoi|doan vien|hoi vien|dang vien|chien si|hoc sinh|sinh vien|giao vien|nha giao|cong dan|thanh vien|lanh dao|thu truong)\b/, 'individual'],
  [/^(cac )?(cap (tinh|huyen|xa|co so)|bo|ban|nganh|so|tinh|thanh pho|huyen|quan|thi xa|xa|phuong|thi tran|thon|lang|ap|ban|buon|to dan pho|khu pho|ho gia dinh|gia dinh|doanh nghiep|hop tac xa|co quan|don vi|phong|truong|to chuc|cum|khoi|dia phuong|chi bo|dang bo)\b/, 'collective'],
];

/** "Đối với tập thể:", "b) Đối với cá nhân tham mưu …: Đạt các tiêu chuẩn sau đây:", "c) Đối với cấp huyện:" */
function recipientHeading(value: string): 'collective' | 'individual' | null {
  const key = looseFold(value).replace(/^[^a-z]+/, '');
  const direct = /^(doi voi |danh cho |tieu chuan (doi voi |cho )?|khen thuong )?(cac )?(tap the|ca nhan)\b/.exec(key);
  if (direct) return direct[4] === 'tap the' ? 'collective' : 'individual';
  const group = /^(doi voi|danh cho|tieu chuan (doi voi|cho))\s+(.*)$/.exec(key.split(':')[0]);
  if (!group) return null;
  for (const [re, kind] of GROUP_KINDS) if (re.test(group[3])) return kind;
  return null;
}

/** Who a heading's criteria are for when it says so in passing: "… để tặng hằng năm cho tập thể đạt các tiêu chuẩn sau", "Danh hiệu “Lao động tiên tiến”". */
function recipientNamed(value: string): 'collective' | 'individual' | null {
  const key = looseFold(value);
  const cho = /\bcho (cac )?(tap the|ca nhan)\b/.exec(key);
  if (cho) return cho[2] === 'tap the' ? 'collective' : 'individual';
  const form = findAwardTitle(key)?.recipient;
  return form === 'collective' || form === 'individual' ? form : null;
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
  const containers: Section[] = deepestWithRole(contentNodes(tree), 'criteria');
  const conferrers = [...new Set(awards.map((a) => a.conferrer).filter((c): c is string => !!c))];
  const defaultConferrer = conferrers.length === 1 ? conferrers[0] : null;
  for (const container of containers) {
    let conferrer: string | null = conferrerHeading(container.heading.value) ?? defaultConferrer;
    const visit = (nodes: Section['children'], recipient: 'collective' | 'individual' | null) => {
      for (const c of nodes) {
        if (c.type === 'paragraph') {
          const conf = conferrerHeading(c.value);
          // "Cá nhân được xét tặng danh hiệu … đạt các tiêu chuẩn sau:" — who the items after it are for.
          const lead = /:\s*$/.test(c.value) ? recipientHeading(c.value) : null;
          if (lead) recipient = lead;
          else if (conf) conferrer = conf;
          else if (recipient) {
            // A line that goes on from the criterion before it (a wrapped line cut off by a blank line).
            const last = out[out.length - 1];
            if (last && lastNodes.length && /^[\p{Ll}\d]/u.test(c.value.trim()) && last.recipient === recipient) {
              last.text = cleanValue(`${last.text} ${c.value}`);
              last.thresholds = findThresholds(last.text);
            } else if (!/:\s*$/.test(c.value)) add(c, recipient);
          }
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
          } else if (colon < 0 && !c.children.length && !c.headingLike) {
            // "5. Đối với cá nhân được đề nghị …, phải có tỷ lệ phiếu đồng ý từ 90% trở lên." — one criterion.
            add(c.heading, group);
          }
          visit(c.children, group);
          continue;
        }
        if (recipient && !c.headingLike || recipient && c.children.length === 0) {
          add(c.heading, recipient);
          if (c.children.length) visit(c.children, recipient);
        } else if (recipient && c.children.length && c.children.every((k) => k.type === 'paragraph') && /^[\p{Ll}\d]/u.test((c.children[0] as TextNode).value.trim())) {
          // An item whose words wrap into paragraphs under it ("- … giảm tỷ lệ nghèo từ" / "4%/năm trở lên …").
          add(c.heading, recipient);
          visit(c.children, recipient);
        } else if (c.children.length) visit(c.children, recipient);
      }
    };
    const lastNodes: TextNode[] = [];
    const add = (node: TextNode, recipient: 'collective' | 'individual') => {
      const text = cleanValue(node.value);
      if (!text) return;
      lastNodes.push(node);
      ev.add(`/criteria/${out.length}`, node);
      out.push({ recipient, conferrer, text, thresholds: findThresholds(text) });
    };
    visit(container.children, recipientHeading(container.heading.value) ?? recipientNamed(container.heading.value));
  }
  return out;
}
