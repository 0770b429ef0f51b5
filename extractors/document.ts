// document: type, number and symbol, title, issuer, place and date of the plan itself.
import type { VFile } from 'vfile';
import type { AdminRoot, HeaderField, TextNode } from '../pipeline/parse/types.js';
import type { DocumentId } from '../pipeline/record/schema.js';
import { canonicalDocumentType } from '../pipeline/lexicon/index.js';
import { expandAbbreviations, parseBody, type BodyName } from '../pipeline/recognise/bodies.js';
import { editDistance } from '../pipeline/text/fuzzy.js';
import { findDates } from '../pipeline/recognise/dates.js';
import { parseDocNumber, type DocNumber } from '../pipeline/recognise/numbers.js';
import { EvidenceSink, looseFold, nameCase, report, topNodes, trimPunct, isUpper } from './util.js';
import { consensusSpelling } from './consensus.js';

/** The document's number from its header field ("Số: 52 /KH-CAH", OCR "S6: 50 /KH-UBND"). */
function numberFromField(field: HeaderField): DocNumber | null {
  const key = looseFold(field.value);
  const so = /\bs[o0-9]{1,2}\s*[:.]?\s*/.exec(key);
  const from = so ? so.index + so[0].length : 0;
  const parsed = parseDocNumber(field.value.slice(from));
  if (!parsed) {
    // A blank number "Số: /KH-UBND" (a draft or a copy before registration): the symbol alone.
    const sym = /\/\s*([\p{Lu}Đ][\p{L}Đđ0-9-]*)/u.exec(field.value.slice(from));
    return sym ? { number: null, seq: null, symbol: sym[1], index: from + sym.index, length: sym[0].length } : null;
  }
  return { ...parsed, index: parsed.index + from };
}

export interface DocumentResult {
  document: DocumentId;
  issuerBody: BodyName | null;
}

export function extractDocument(tree: AdminRoot, file: VFile, ev: EvidenceSink): DocumentResult {
  const header = topNodes(tree, 'header')[0];
  const fields = header?.children ?? [];
  const docType = topNodes(tree, 'docType')[0];
  const title = topNodes(tree, 'title')[0];
  const text = tree.data.text;

  // type
  let type: string | null = docType?.canonical ?? null;
  if (docType) ev.add('/document/type', docType);
  if (!type && title) type = canonicalDocumentType(title.value.split(/\s+/).slice(0, 2).join(' '));

  // number, date: the header first, then a note "(Ban hành kèm theo Kế hoạch số … ngày …)"
  let num: DocNumber | null = null;
  let date: string | null = null;
  let place: string | null = null;
  const numberField = fields.find((f) => f.type === 'docNumber');
  if (numberField) {
    num = numberFromField(numberField);
    if (num?.number) ev.add('/document/number', numberField, num.index, num.index + num.length);
  }
  const placeDate = fields.find((f) => f.type === 'placeDate');
  if (placeDate) {
    const d = findDates(placeDate.value)[0];
    if (d) {
      date = d.iso;
      ev.add('/document/date', placeDate, d.index, d.index + d.length);
    }
    // The place stands before "ngày", also when the day is left blank ("Tân Hòa, ngày    tháng 11 năm 2025").
    const at = d?.index ?? /\bng[a-z]{1,3}\b/.exec(looseFold(placeDate.value))?.index ?? -1;
    const before = at > 0 ? trimPunct(placeDate.value.slice(0, at)) : '';
    if (before) {
      place = consensusSpelling(before, text);
      ev.add('/document/place', placeDate, 0, before.length);
    }
  }
  if (!num?.number || !date) {
    for (const note of attachmentNotes(tree)) {
      const key = looseFold(note.value);
      const ref = /kem theo\s+(?:[a-z ]{2,20}?)\s+so\s*:?\s*/.exec(key);
      if (!ref) continue;
      const after = note.value.slice(ref.index + ref[0].length);
      const parsed = parseDocNumber(after);
      if (parsed && !num?.number) {
        num = { ...parsed, index: ref.index + ref[0].length + parsed.index };
        ev.add('/document/number', note, num.index, num.index + num.length);
      }
      if (!date) {
        const d = findDates(after)[0];
        if (d) {
          date = d.iso;
          const at = ref.index + ref[0].length + d.index;
          ev.add('/document/date', note, at, at + d.length);
        }
      }
      if (num?.number && date) break;
    }
  }
  if (!date) {
    // A digital-signature stamp carries the signing date.
    for (const stamp of topNodes(tree, 'stamp')) {
      const d = findDates(stamp.value)[0];
      if (d) {
        date = d.iso;
        ev.add('/document/date', stamp, d.index, d.index + d.length);
        report(file, 'info', 'date-from-stamp', `the issue date ${date} is taken from the digital-signature stamp`, stamp.position);
        break;
      }
    }
  }
  if (type === 'Kế hoạch' && num?.symbol && /^Q[ĐD]\b|^Q[ĐD]-/.test(num.symbol)) {
    report(file, 'info', 'plan-in-decision', `the plan is issued with decision ${num.number}; the decision's number and date are the plan's`, numberField?.position);
  }
  if (!num?.number) report(file, 'warning', 'missing-number', 'the document has no number (số, ký hiệu)', numberField?.position ?? docType?.position);
  if (!date) report(file, 'warning', 'missing-date', 'the document has no issue date', placeDate?.position ?? docType?.position);

  // title
  let titleText: string | null = null;
  if (title) {
    titleText = trimPunct(title.value.replace(/^[“"]|[”"]$/g, ''));
    ev.add('/document/title', title);
  }

  // issuer
  const { body, node, inferred } = findIssuer(tree, fields, place);
  if (body && node) ev.add('/document/issuer/name', node);
  if (inferred) report(file, 'info', 'issuer-inferred', `the issuer's full name "${body?.name}" is inferred: ${inferred}`, node?.position);

  // The place of the date line is the issuer's locality: an OCR-damaged spelling takes the issuer's.
  if (place && body?.place && place !== body.place) {
    const a = looseFold(place);
    const b = looseFold(body.place);
    if (editDistance(a, b, 3) <= Math.max(1, Math.floor(b.length / 4))) place = body.place;
  }
  ev.alias('/document/number', '/document/seq', '/document/symbol');
  ev.alias('/document/issuer/name', '/document/issuer', '/document/issuer/kind', '/document/issuer/level');
  return {
    document: {
      type,
      number: num?.number ?? null,
      seq: num?.number ? num.seq : null,
      symbol: num?.symbol ?? null,
      title: titleText,
      issuer: { name: body?.name ?? null, kind: body?.kind ?? null, level: body?.level ?? null },
      place,
      date,
    },
    issuerBody: body,
  };
}

/** "SỞ NỘI VỤ" → "Sở Nội vụ", "PHÒNG VĂN HÓA - XÃ HỘI" → "Phòng Văn hóa - Xã hội"; null when no department. */
export function departmentName(text: string): string | null {
  const key = looseFold(text).trim();
  if (!/^(so|phong|van phong|ban|trung tam|chi cuc|cuc|doi|hoi dong|truong)\s+\S/.test(key)) return null;
  if (!isUpper(text)) return text.trim();
  // Upper-case header text: the first word of the name and of each part after a dash are capitalised.
  const lower = text.trim().toLocaleLowerCase('vi').replace(/\s+/g, ' ');
  const words = lower.split(' ');
  const kind = /^(van phong|trung tam|chi cuc|hoi dong)\b/.test(key) ? 2 : 1;
  return words
    .map((w, i) => (i < kind || i === kind || words[i - 1] === '-' ? w.charAt(0).toLocaleUpperCase('vi') + w.slice(1) : w))
    .join(' ');
}

function attachmentNotes(tree: AdminRoot): TextNode[] {
  const out: TextNode[] = [];
  for (const c of tree.children) {
    if (c.type === 'appendix') {
      if (c.heading) out.push(c.heading);
      for (const n of c.children) if (n.type === 'paragraph') out.push(n);
    }
    if (c.type === 'preamble') out.push(...c.children);
  }
  return out.filter((n) => /kem theo/.test(looseFold(n.value)));
}

/** The issuing body: the header's issuer lines, else the sentence that issues the plan. */
function findIssuer(tree: AdminRoot, fields: HeaderField[], place: string | null): { body: BodyName | null; node: TextNode | null; inferred: string | null } {
  const issuerLines = fields.filter((f) => f.type === 'issuerLine');
  const fromHeader = issuerFromLines(issuerLines);
  if (fromHeader) return complete(fromHeader.body, fromHeader.node, tree, place);
  // "Ủy ban nhân dân huyện Châu Thành phát động …", "Công an tỉnh ban hành Kế hoạch …"
  const preamble = topNodes(tree, 'preamble')[0]?.children ?? [];
  for (const para of [...preamble].reverse()) {
    const key = looseFold(para.value);
    for (const verb of key.matchAll(/\s(ban hanh|phat dong|xay dung|trien khai)\s+(ke hoach|phong trao|thuc hien|va)/g)) {
    // The body starts after the last sentence break before the verb.
    const head = para.value.slice(0, verb.index);
    const starts = [0, ...[...head.matchAll(/[.;,]\s+/g)].map((m) => m.index! + m[0].length)];
    for (const s of starts) {
      const slice = head.slice(s).trimEnd();
      const body = parseBody(slice);
      // The whole clause before the verb is the body's name.
      const rest = looseFold(expandAbbreviations(slice.replace(/\s*\([^)]*\)/g, ''))).replace(/\s+/g, ' ').trim();
      if (body && rest === looseFold(body.name)) {
        const node = { ...para, value: slice, offsets: para.offsets.slice(s, s + slice.length) };
        return complete(body, node, tree, place);
      }
    }
    }
  }
  // The signature's authority: "TM. ỦY BAN NHÂN DÂN" + the place.
  return { body: null, node: null, inferred: null };
}

/**
 * The issuer from the header's issuer lines, read as one text (lines broken anywhere: "VIỆN KIỂM
 * SÁT" / "NHÂN DÂN" / "TỐI CAO") and as a chain from the superior body down to the issuing unit:
 * "UBND TỈNH AN GIANG" / "SỞ NỘI VỤ" → Sở Nội vụ tỉnh An Giang; "ỦY BAN MTTQ VIỆT NAM PHƯỜNG X" /
 * "BAN THƯỜNG TRỰC" → Ban Thường trực Ủy ban Mặt trận Tổ quốc Việt Nam phường X; "SỞ CÔNG THƯƠNG" /
 * "ĐOÀN KIỂM TRA" → Đoàn kiểm tra Sở Công thương; "CÔNG AN TỈNH X" / "PHÒNG THAM MƯU" → Phòng Tham mưu.
 */
function issuerFromLines(lines: HeaderField[]): { body: BodyName; node: TextNode } | null {
  if (!lines.length) return null;
  // One text, a line break between lines: a place name ends at its line's end.
  const value = lines.map((l) => l.value.trim()).join('\n');
  const offsets = lines.flatMap((l, k) => {
    const start = l.value.length - l.value.trimStart().length;
    const own = l.offsets.slice(start, start + l.value.trim().length);
    return k ? [own[0], ...own] : own;
  });
  const node: TextNode = { ...lines[0], value, offsets, position: { start: lines[0].position.start, end: lines[lines.length - 1].position.end } };
  // The chain starts at the first line that names a known body ("ĐẢNG BỘ TỈNH X" above "ĐẢNG ỦY XÃ Y" is not one).
  const chain: Array<{ body: BodyName; at: number }> = [];
  let at = 0;
  for (const lineStart of [0, ...[...value.matchAll(/\n/g)].map((m) => m.index! + 1)]) {
    at = lineStart;
    while (at < value.length) {
      const skip = /^[\s,–-]*/.exec(value.slice(at))![0].length;
      const body = parseBody(value.slice(at + skip));
      if (!body || body.length === 0) break;
      chain.push({ body, at: at + skip });
      at += skip + body.length;
    }
    if (chain.length) break;
  }
  const rest = value.slice(at).replace(/\s+/g, ' ').trim();
  // A unit the recogniser does not know, under a known body ("TRƯỜNG THCS …", "BAN CHỈ HUY …").
  const unknown = chain.length && rest ? departmentName(rest) : null;
  if (unknown) chain.push({ body: { name: unknown, kind: 'other', level: null, levelWord: null, place: null, length: rest.length }, at });
  if (!chain.length) return null;
  const unit = chain[chain.length - 1];
  const superior = chain.length > 1 ? chain[chain.length - 2].body : null;
  const own = { ...node, value: value.slice(unit.at, unit.at + unit.body.length), offsets: offsets.slice(unit.at, unit.at + unit.body.length) };
  if (!superior || unit.body.place) return { body: unit.body, node: own };
  const body: BodyName = { ...unit.body, level: unit.body.level ?? superior.level, place: superior.place, length: value.length };
  if (superior.kind === 'police') Object.assign(body, { kind: 'police', level: superior.level });
  else if (/^(Sở|Phòng|Văn phòng|Chi cục|Trung tâm|Ban|Đội)\s/.test(unit.body.name) && superior.kind === 'people_committee' && superior.levelWord) {
    // A department of a local government is named with its government's level and place.
    body.name = [unit.body.name, superior.levelWord, superior.place].filter(Boolean).join(' ');
  } else body.name = `${unit.body.name} ${superior.name}`;
  if (body.kind !== 'police' && /^(Sở|Phòng|Văn phòng|Chi cục|Đội)\s/.test(unit.body.name)) body.level = 'other';
  return { body, node };
}

/** Completes a body named without its place ("Công an huyện") from the document. */
function complete(body: BodyName, node: TextNode, tree: AdminRoot, place: string | null): { body: BodyName; node: TextNode; inferred: string | null } {
  if (body.place || !body.levelWord) {
    if (body.place && !isUpper(body.place)) return { body, node, inferred: null };
    return { body: body.place ? { ...body, place: nameCase(body.place) } : body, node, inferred: null };
  }
  // Another mention of the same kind of body with its place: "… trong Công an tỉnh Sóc Trăng".
  const text = tree.data.text;
  const key = looseFold(text);
  const prefix = looseFold(`${body.name}`);
  let at = key.indexOf(prefix + ' ');
  while (at >= 0) {
    const mention = parseBody(text.slice(at, at + 120));
    if (mention?.place) {
      return { body: { ...body, name: mention.name, place: mention.place }, node, inferred: `"${body.name}" completed with the place named elsewhere in the document` };
    }
    at = key.indexOf(prefix + ' ', at + 1);
  }
  if (place) {
    const name = `${body.name} ${place}`;
    return { body: { ...body, name, place }, node, inferred: `"${body.name}" completed with the place of the place-and-date line` };
  }
  return { body, node, inferred: null };
}
