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

function lawNameStart(key: string, at: number): number {
  const clauseStart = Math.max(key.lastIndexOf(';', at) + 1, 0);
  const first = /(^|[^a-z])luat\s/.exec(key.slice(clauseStart, at));
  return first ? clauseStart + first.index + first[1].length : at;
}

/** Finds "<Type> số <number>" references (and "Luật …") in a paragraph. */
function findReferences(value: string): Reference[] {
  const key = looseFold(value);
  const refs: Reference[] = [];
  // "Kế hoạch số 12/KH-UBND", and without "số": "Quyết định 1229/QĐ-UBND".
  const re = /(^|[\s,;("“*])([a-z]{2,8}(?: [a-z]{2,8}){0,3})\s+(?:so\s*:?\s*|(?=\d))/g;
  let m: RegExpExecArray | null;
  while ((m = re.exec(key))) {
    const words = m[2];
    const type = TYPE_KEYS.find((t) => words === t.key || words.endsWith(' ' + t.key));
    if (!type) continue;
    let typeStart = m.index + m[1].length + (words.length - type.key.length);
    // A law is cited by its name, which may itself end in "luật" ("Luật Ban hành văn bản quy phạm
    // pháp luật số 64/2025/QH15"): the reference starts at the clause's first "Luật".
    if (type.value === 'Luật') typeStart = lawNameStart(key, typeStart);
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
  // "số N" whose type word stands further back: "Luật Thi đua, khen thưởng số 06/2022/QH15", or
  // a list under one type: "các Thông tư của Bộ trưởng …: Số 03/VBHN-BGDĐT …; Số 20/VBHN-BGDĐT …".
  const bare = /(^|[\s,;:(])so\s*:?\s*(?=\d)/g;
  while ((m = bare.exec(key))) {
    const afterSo = m.index + m[0].length;
    if (refs.some((r) => afterSo >= r.numberStart - 12 && afterSo <= r.numberEnd)) continue;
    const parsed = parseDocNumber(value.slice(afterSo, afterSo + 60));
    if (!parsed || parsed.index > 0) continue;
    const before = key.slice(0, m.index);
    const clause = before.slice(Math.max(0, before.lastIndexOf(';') + 1));
    const typeIn = (text: string, offset: number) => {
      let found: { start: number; value: string } | null = null;
      for (const t of TYPE_KEYS) {
        const re = new RegExp(`(^|[^a-z])(cac\\s+)?${t.key}(?![a-z])`, 'g');
        for (const hit of text.matchAll(re)) {
          const start = offset + hit.index! + hit[1].length;
          if (!found || start > found.start) found = { start, value: t.value };
        }
      }
      return found;
    };
    const own = typeIn(clause.slice(-120), before.length - Math.min(120, clause.length));
    const listed = own ?? typeIn(before, 0);
    if (!listed) continue;
    refs.push({
      type: listed.value,
      start: own ? listed.start : m.index + m[1].length,
      numberStart: afterSo,
      numberEnd: afterSo + parsed.length,
      number: parsed.number,
      topLevel: false,
    });
    bare.lastIndex = afterSo + parsed.length;
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
  const opening = /^\W*(can cu|thuc hien|trien khai( thuc hien)?|thi hanh|de thuc hien|nham thuc hien)\s*$/;
  refs.forEach((r, i) => {
    const tail = key.slice(0, r.start);
    // Named as the object of another's subject ("về thực hiện Nghị quyết số …"): nested.
    const object = /\b(ve|ve viec|de|nham)\s+((to chuc )?(thuc hien|trien khai|quan triet|sua doi|huong dan|ban hanh))?\s*$|\b(theo|tai|cua)\s*$/.test(tail);
    // "Quy chế … ban hành kèm theo Quyết định số …": the document cited is identified by the decision that carries it.
    const carried = /\bkem theo\s*$/.test(tail) && !/\b(ve|ve viec)\s[^;]*kem theo\s*$/.test(tail);
    r.topLevel = opening.test(tail) || carried || (!object && /(;|,|\bva|\bva cac|\bcung|\bdong thoi)\s*$/.test(tail));
    // Joined by "và" or a comma to a reference nested in another's subject, it is nested too.
    if (r.topLevel && !opening.test(tail) && i > 0 && !refs[i - 1].topLevel && /(,|\bva|\bva cac)\s*$/.test(tail) && !key.slice(refs[i - 1].start, r.start).includes(';')) r.topLevel = false;
    if (i === 0 && /^\W*(can cu|thuc hien|trien khai|thi hanh)\b[^;,]{0,30}$/.test(tail)) r.topLevel = true;
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

const BASIS_VERB = /^\W*(can cu|thuc hien|trien khai|thi hanh|de thuc hien|nham thuc hien)\b/;

/**
 * The opening basis paragraphs: the preamble's, else the paragraphs that open the body before
 * its first section (a Tờ trình, a Báo cáo, a Quyết định whose "Căn cứ …" follow the authority
 * line). A paragraph broken mid-reference ("Thông báo kết luận số" / "77-TB/TW ngày …") is
 * joined to the next, so a running list of references reads as one paragraph.
 */
function basisParagraphs(tree: AdminRoot): Paragraph[] {
  let candidates: Paragraph[] = topNodes(tree, 'preamble')[0]?.children ?? [];
  if (!candidates.some((p) => BASIS_VERB.test(looseFold(p.value)))) {
    candidates = [];
    for (const node of topNodes(tree, 'body')[0]?.children ?? []) {
      if (node.type !== 'paragraph') break;
      if (/^\W*(quyet dinh|quyet nghi)\s*:?\s*$|^\W*dieu 1\b/.test(looseFold(node.value))) break;
      candidates.push(node);
    }
  }
  const out: Paragraph[] = [];
  let open: Paragraph | null = null;
  for (const para of candidates) {
    const key = looseFold(para.value);
    const continues = open !== null && !BASIS_VERB.test(key) && (!/[.;:]\W*$/.test(open.value.trim()) || REFERENCE_START.test(key));
    if (open && continues) {
      open = { ...(open as Paragraph), value: `${open.value} ${para.value}`, offsets: [...open.offsets, para.offsets[0], ...para.offsets], position: { start: open.position.start, end: para.position.end } };
      out[out.length - 1] = open;
    } else {
      out.push(para);
      open = BASIS_VERB.test(key) ? para : null;
    }
  }
  return out;
}

// A paragraph that goes on with the list: "Quyết định số …", "Kế hoạch số …", "Số 20/…".
const REFERENCE_START = /^\W*(([a-z]{2,8} ){1,3}so\b|so\s*:?\s*\d)/;

export function extractBasis(tree: AdminRoot, file: VFile, ev: EvidenceSink): BasisEntry[] {
  const entries: BasisEntry[] = [];
  const seen = new Set<string>();
  const text = tree.data.text;
  for (const para of basisParagraphs(tree)) {
    const key = looseFold(para.value);
    const verb = BASIS_VERB.exec(key);
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
      // A document cited by name alone ("Luật Tổ chức Chính phủ ngày 19/6/2015") is not identified: not a basis entry.
      if (!entry.number) return;
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
