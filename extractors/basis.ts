// basis: the documents named in the opening paragraphs ("Căn cứ …": pursuant; "Thực hiện …",
// "Triển khai …": implements) with their number, date, issuer and subject.
import type { VFile } from 'vfile';
import type { AdminRoot, Paragraph } from '../pipeline/parse/types.js';
import type { BasisEntry } from '../pipeline/record/schema.js';
import { DOCUMENT_TYPES } from '../pipeline/lexicon/index.js';
import { parseBody, parseConferrer } from '../pipeline/recognise/bodies.js';
import { findDates } from '../pipeline/recognise/dates.js';
import { parseDocNumber } from '../pipeline/recognise/numbers.js';
import { EvidenceSink, fold, looseFold, report, topNodes, trimPunct } from './util.js';

const TYPE_KEYS = [...DOCUMENT_TYPES].map((t) => ({ key: fold(t), value: t })).sort((a, b) => b.key.length - a.key.length);

// Issuers implied by the symbol when the text names none ("Nghị quyết số 76/NQ-CP").
const SYMBOL_ISSUERS: Array<[RegExp, string]> = [
  [/-TTg$/i, 'Thủ tướng Chính phủ'],
  [/-CP$/, 'Chính phủ'],
  [/\/QH\d*$/, 'Quốc hội'],
  [/-BCA$/, 'Bộ Công an'],
  [/-BNV$/, 'Bộ Nội vụ'],
];

interface Reference {
  type: string;
  start: number; // index of the type word in the paragraph
  numberStart: number;
  numberEnd: number;
  number: string | null;
  topLevel: boolean;
}

/** Finds "<Type> số <number>" references (and "Luật …") in a paragraph. */
function findReferences(value: string): Reference[] {
  const key = looseFold(value);
  const refs: Reference[] = [];
  const re = /(^|[\s,;("“])([a-z]{2,8}(?: [a-z]{2,8}){0,3})\s+so\s*:?\s*/g;
  let m: RegExpExecArray | null;
  while ((m = re.exec(key))) {
    const words = m[2];
    const type = TYPE_KEYS.find((t) => words === t.key || words.endsWith(' ' + t.key));
    if (!type) continue;
    const typeStart = m.index + m[1].length + (words.length - type.key.length);
    const afterSo = m.index + m[0].length;
    const parsed = parseDocNumber(value.slice(afterSo, afterSo + 60));
    if (!parsed || parsed.index > 2) continue;
    refs.push({
      type: type.value,
      start: typeStart,
      numberStart: afterSo + parsed.index,
      numberEnd: afterSo + parsed.index + parsed.length,
      number: parsed.number,
      topLevel: false,
    });
    re.lastIndex = afterSo + parsed.index + parsed.length;
  }
  // Laws are cited by name: "Luật Thi đua, khen thưởng ngày 15 tháng 6 năm 2022".
  const law = /(^|[;,]\s*|\bva\s+|\bcan cu\s+)(luat)\s+(?=\p{L})/gu;
  while ((m = law.exec(key))) {
    const start = m.index + m[1].length;
    if (refs.some((r) => Math.abs(r.start - start) < 3)) continue;
    refs.push({ type: 'Luật', start, numberStart: start, numberEnd: start + 4, number: null, topLevel: false });
  }
  refs.sort((a, b) => a.start - b.start);
  // A reference is the paragraph's own when it opens the paragraph or follows a separator;
  // one inside another's subject ("về thực hiện Nghị quyết số …") is not.
  const opening = /^\s*(can cu|thuc hien|trien khai( thuc hien)?|thi hanh|de thuc hien|nham thuc hien)\s*$/;
  refs.forEach((r, i) => {
    const tail = key.slice(0, r.start);
    // Named as the object of another's subject ("về thực hiện Nghị quyết số …"): nested.
    const object = /\b(ve|ve viec|de|nham)\s+((to chuc )?(thuc hien|trien khai|quan triet|sua doi|huong dan|ban hanh))?\s*$|\b(theo|tai|cua)\s*$/.test(tail);
    r.topLevel = opening.test(tail) || (!object && /(;|,|\bva|\bva cac|\bcung|\bdong thoi)\s*$/.test(tail));
    if (i === 0 && /^\s*(can cu|thuc hien|trien khai|thi hanh)\b[^;,]{0,30}$/.test(tail)) r.topLevel = true;
  });
  return refs;
}

function cleanSubject(text: string): string | null {
  let s = text.trim().replace(/^[,:]\s*/, '');
  // The issuing clause joined by a comma: "…, Ban Thường vụ Đảng ủy xã xây dựng kế hoạch như sau".
  const issuing = /,\s+[^,]{3,80}?\s(ban hanh|xay dung|phat dong|trien khai)\s+(ke hoach|phong trao|thuc hien)\b/.exec(looseFold(s));
  if (issuing) s = s.slice(0, issuing.index);
  s = s.replace(/^["“]|["”]$/g, '').replace(/^["“]/, '');
  s = s.replace(/^v[eề]\s+/i, '').replace(/^["“]\s*v[eề]\s+/i, '');
  s = s.replace(/["“”]/g, (q) => (q === '“' || q === '”' ? q : q));
  s = trimPunct(s.replace(/[”"]\s*$/, '').replace(/^["“]/, ''));
  return s || null;
}

export function extractBasis(tree: AdminRoot, file: VFile, ev: EvidenceSink): BasisEntry[] {
  const preamble = topNodes(tree, 'preamble')[0]?.children ?? [];
  const entries: BasisEntry[] = [];
  const seen = new Set<string>();
  const text = tree.data.text;
  for (const para of preamble) {
    const key = looseFold(para.value);
    const verb = /^\s*(can cu|thuc hien|trien khai|thi hanh|de thuc hien|nham thuc hien)\b/.exec(key);
    if (!verb) continue;
    const relation = verb[1] === 'can cu' ? 'pursuant' : 'implements';
    const refs = findReferences(para.value).filter((r) => r.topLevel);
    refs.forEach((ref, i) => {
      const segEnd = i + 1 < refs.length ? refs[i + 1].start : para.value.length;
      let segment = para.value.slice(ref.numberEnd, segEnd);
      // The segment ends at the end of its sentence.
      const sentenceEnd = /[.;]\s+(?=\p{Lu})|;\s*$|\.\s*$/u.exec(segment);
      if (sentenceEnd) segment = segment.slice(0, sentenceEnd.index);
      segment = segment.replace(/[,;]?\s*(va|và)\s*$/i, '');
      const entry = readEntry(ref, segment, relation, text, file, para);
      const dedupe = entry.number ?? `${entry.type}:${entry.subject}`;
      if (seen.has(dedupe)) return;
      seen.add(dedupe);
      const n = entries.length;
      ev.add(`/basis/${n}`, para, ref.start, segEnd);
      if (entry.number) ev.add(`/basis/${n}/number`, para, ref.numberStart, ref.numberEnd);
      entries.push(entry);
    });
  }
  return entries;
}

function readEntry(ref: Reference, segment: string, relation: 'implements' | 'pursuant', text: string, file: VFile, para: Paragraph): BasisEntry {
  const key = looseFold(segment);
  const date = findDates(segment)[0] ?? null;
  let issuer: string | null = null;
  let subject: string | null = null;
  const cua = /(^|\s|,)cua\s+/.exec(key);
  let rest = segment;
  if (cua) {
    const after = segment.slice(cua.index + cua[0].length);
    const conferrer = parseConferrer(after);
    const body = conferrer ?? (parseBody(after) ? { text: parseBody(after)!.name, length: parseBody(after)!.length } : null);
    if (body) {
      issuer = completePlace(body.text, text);
      rest = after.slice(body.length);
    } else {
      const stop = /,|\s(ve|v[eề])\s|;|\(/.exec(after);
      issuer = trimPunct(after.slice(0, stop ? stop.index : undefined)) || null;
      rest = stop ? after.slice(stop.index) : '';
    }
  } else if (ref.type === 'Luật') {
    rest = '';
    subject = trimPunct(segment.replace(/\s*(ngày|ngay)\s+\d.*$/i, '')) || null;
  } else {
    // "… ngày 27/4/2022, về …" without an issuer
    rest = date ? segment.slice(date.index + date.length) : segment;
    for (const [re, name] of SYMBOL_ISSUERS) {
      if (ref.number && re.test(ref.number)) {
        issuer = name;
        report(file, 'info', 'basis-issuer-inferred', `the issuer of ${ref.type} ${ref.number} is inferred from its symbol: ${name}`, para.position);
        break;
      }
    }
  }
  if (subject === null && rest) {
    const restKey = looseFold(rest);
    const ve = /(^|[\s,“"])v[e]\s+/.exec(restKey);
    const from = ve ? ve.index + ve[1].length : 0;
    subject = cleanSubject(rest.slice(from));
    if (subject && /^(\(|ngay|ngày)/i.test(subject)) subject = null;
  }
  return {
    relation,
    type: ref.type,
    number: ref.number,
    date: date?.iso ?? null,
    issuer,
    subject,
  };
}

/** "Công an tỉnh" → "Công an tỉnh Sóc Trăng" when the document names the place elsewhere. */
export function completePlace(name: string, text: string): string {
  const body = parseBody(name);
  if (!body || body.place || !body.levelWord) return name;
  const key = looseFold(text);
  const prefix = looseFold(name).replace(/\s+/g, ' ');
  let at = key.indexOf(prefix + ' ');
  while (at >= 0) {
    const mention = parseBody(text.slice(at, at + 120));
    if (mention?.place && mention.name.startsWith(body.name)) {
      return name.replace(/\s*$/, '') + ' ' + mention.place;
    }
    at = key.indexOf(prefix + ' ', at + 1);
  }
  return name;
}
