// dossier: the nomination dossier (hồ sơ đề nghị khen thưởng) — components and their forms,
// copies, where to send it and by when.
import type { AdminRoot, Section, TextNode } from '../pipeline/parse/types.js';
import type { Dossier, DossierComponent, Period } from '../pipeline/record/schema.js';
import { findDates, findRelativeDate } from '../pipeline/recognise/dates.js';
import { bodyNodes, contentNodes, topNodes, childParagraphs, childSections, cleanValue, EvidenceSink, hasRole, looseFold, sectionTexts, trimPunct, walkSections } from './util.js';

export function parseComponent(value: string): DossierComponent {
  const key = looseFold(value);
  const form = /\bmau\s*(?:so\s*)?:?\s*(\d{1,2})\b/.exec(key);
  const decree = /\b(\d{1,4}\/\d{4}\/n[a-z]-cp)\b/i.exec(key);
  let name = value;
  // Drop a parenthetical or a trailing phrase that only names the form: "(Theo mẫu số 01 …)".
  const paren = /\s*\((?=[^()]*\bmau\b)[^()]*(\([^()]*\)[^()]*)*\)/.exec(key);
  if (paren) name = value.slice(0, paren.index) + value.slice(paren.index + paren[0].length);
  else {
    const tail = /[,;]?\s*(theo|tai)\s+mau\b.*$/.exec(looseFold(name));
    if (tail) name = name.slice(0, tail.index);
  }
  // "… theo Nghị định số 152/2025/NĐ-CP" only says which decree the form is from.
  const decreeTail = /[,;]?\s*(theo|tai)\s+(quy dinh tai\s+)?nghi dinh\b.*$/.exec(looseFold(name));
  if (decreeTail && decree) name = name.slice(0, decreeTail.index);
  return {
    name: trimPunct(cleanValue(name)),
    form: form ? form[1].padStart(2, '0') : null,
    decree: decree ? value.slice(decree.index, decree.index + decree[0].length).replace(/nđ-cp|nd-cp/i, 'NĐ-CP') : null,
  };
}

const NOT_A_COMPONENT = /^(so luong|thoi gian|thoi han|noi nhan|gui|nop|hinh thuc gui|cach thuc|ho so (gui|nop))/;
// Words that name a document of a dossier.
const DOCUMENT_WORD = /\b(to trinh|bao cao|bien ban|van ban|danh sach|trich ngang|quyet dinh|giay (xac nhan|chung nhan)|ban sao|ban tom tat|mau so|phieu)\b/;

/**
 * A Tờ trình đề nghị khen thưởng is itself the head of a dossier: what it encloses ("(Có Danh sách
 * và Hồ sơ đề nghị khen thưởng … kèm theo)") and whom it is addressed to ("kính trình Hội đồng Thi
 * đua - Khen thưởng tỉnh và Chủ tịch UBND tỉnh xem xét, quyết định").
 */
function proposalDossier(tree: AdminRoot, ev: EvidenceSink): Dossier | null {
  if (topNodes(tree, 'docType')[0]?.canonical !== 'Tờ trình') return null;
  const components: DossierComponent[] = [];
  let submitTo: string | null = null;
  for (const node of bodyNodes(tree)) {
    if (node.type !== 'paragraph') continue;
    const key = looseFold(node.value);
    const encl = /\(\s*(co|kem theo|gui kem)\s+([^()]*(?:\([^()]*\)[^()]*)*)\)/.exec(key);
    if (encl && !components.length) {
      const from = encl.index + encl[0].indexOf(encl[2]);
      const inner = node.value.slice(from, from + encl[2].length).replace(/\s*kèm theo\s*$/i, '');
      let at = from;
      for (const part of inner.split(/\s+và\s+|;\s*|,\s+(?=\p{Lu})/u)) {
        const partKey = looseFold(part);
        if (DOCUMENT_WORD.test(partKey) || /^ho so\b/.test(partKey)) {
          ev.add(`/dossier/components/${components.length}`, node, at, at + part.length);
          components.push(parseComponent(part.replace(/^\p{Ll}/u, (c) => c.toUpperCase())));
        }
        at += part.length;
      }
    }
    const to = /\bkinh trinh\s+(?!va\b)/.exec(key);
    if (to && submitTo === null) {
      const from = to.index + to[0].length;
      const stop = /\s+(xem xet|quyet dinh|phe duyet|cho y kien)\b|[.;(]/.exec(key.slice(from));
      const value = trimPunct(node.value.slice(from, stop ? from + stop.index : undefined));
      if (value && value.length < 160) {
        submitTo = value;
        ev.add('/dossier/submitTo', node, from, from + value.length);
      }
    }
  }
  if (!components.length && submitTo === null) return null;
  return { components, copies: null, copyKind: null, submitTo, deadline: null, deadlineText: null };
}

/** An item naming several documents, each starting with a document word after a comma. */
function splitDocuments(value: string): Array<{ text: string; from: number }> {
  const key = looseFold(value);
  const cuts: number[] = [];
  for (const m of key.matchAll(/,\s+(?=(to trinh|bao cao|bien ban|van ban|danh sach|trich ngang|ban sao|ban tom tat|phieu)\b)/g)) cuts.push(m.index!);
  if (!cuts.length || !DOCUMENT_WORD.test(key.slice(0, cuts[0]))) return [{ text: value, from: 0 }];
  const parts: Array<{ text: string; from: number }> = [];
  let from = 0;
  for (const c of [...cuts, value.length]) {
    parts.push({ text: value.slice(from, c).replace(/^\p{Ll}/u, (ch) => ch.toUpperCase()), from });
    if (c < value.length) from = c + (/^,\s+/.exec(key.slice(c))?.[0].length ?? 1);
  }
  return parts;
}

export function extractDossier(tree: AdminRoot, ev: EvidenceSink, period: Period): Dossier | null {
  const containers: Section[] = [];
  walkSections(contentNodes(tree), (s, ancestors) => {
    if (hasRole(s, 'dossier') && !ancestors.some((a) => hasRole(a, 'dossier') || hasRole(a, 'criteria'))) containers.push(s);
  });
  if (!containers.length) return proposalDossier(tree, ev);
  const texts = containers.flatMap(sectionTexts);

  // Components: the items under "Thành phần hồ sơ", else under the "Hồ sơ …" heading.
  let list: Section | null = null;
  for (const c of containers) {
    walkSections([c], (s) => {
      const head = looseFold(s.heading.value);
      if (!list && /^thanh phan ho so\b/.test(head) && (childSections(s).length || childParagraphs(s).length)) list = s;
    });
  }
  if (!list) {
    // The deepest "Hồ sơ …" heading with items ("Điều 6. Hồ sơ, thời gian …" / "1. Hồ sơ đề nghị xét tặng:" / "a) Tờ trình …").
    for (const c of containers) {
      walkSections([c], (s) => {
        const head = looseFold(s.heading.value);
        if ((!list || (list as Section).children.includes(s)) && /^(ho so|bo ho so)\b/.test(head) && childSections(s).length) list = s;
      });
    }
  }
  if (!list) list = containers.find((c) => childSections(c).filter((i) => DOCUMENT_WORD.test(looseFold(i.heading.value))).length >= 2) ?? null;
  const components: DossierComponent[] = [];
  const listSection = list as Section | null;
  if (listSection) {
    const items: TextNode[] = childSections(listSection).length ? childSections(listSection).map((s) => s.heading) : childParagraphs(listSection);
    for (const item of items) {
      const key = looseFold(item.value);
      if (NOT_A_COMPONENT.test(key) || /\b(gom|bao gom)\s*:/.test(key)) continue;
      if (!childSections(listSection).length && !DOCUMENT_WORD.test(key)) continue;
      // An item that cites its rule first ("Căn cứ khoản 1 Điều 49 …, hồ sơ gồm: …") or is the dossier of
      // another award ("Hồ sơ đề nghị tặng Bằng khen …") is not a document of this one.
      if (/^(can cu|theo|thuc hien|ho so)\b/.test(key.replace(/^[^a-z]+/, '')) && !DOCUMENT_WORD.test(key.slice(0, 40))) continue;
      // "Tờ trình, biên bản họp Hội đồng …": two documents in one item.
      for (const part of splitDocuments(item.value)) {
        ev.add(`/dossier/components/${components.length}`, item, part.from, part.from + part.text.length);
        components.push(parseComponent(part.text));
      }
    }
  }
  if (!components.length) {
    // An inline list: "Hồ sơ gồm: Tờ trình …; Báo cáo thành tích …; 02 bộ (bản chính)."
    for (const node of containers.flatMap(sectionTexts)) {
      const key = looseFold(node.value);
      const gom = /\b(gom|bao gom)\s*:\s*/.exec(key);
      if (!gom) continue;
      let at = gom.index + gom[0].length;
      for (const part of node.value.slice(at).split(';')) {
        const partKey = looseFold(part);
        if (DOCUMENT_WORD.test(partKey) && !/^\s*\d+\s+bo\b/.test(partKey)) {
          ev.add(`/dossier/components/${components.length}`, node, at, at + part.length);
          components.push(parseComponent(part.trim().replace(/^\p{Ll}/u, (c) => c.toUpperCase())));
        }
        at += part.length + 1;
      }
      if (components.length) break;
    }
  }

  let copies: number | null = null;
  let copyKind: string | null = null;
  let submitTo: string | null = null;
  let deadline: string | null = null;
  let deadlineText: string | null = null;
  for (const node of texts) {
    const key = looseFold(node.value);
    if (copies === null) {
      const m = /(?<![\d/])(\d{1,2})\s+(bo|b[a-z])\b\s*(ho so\s*)?(\(?\s*(ban chinh|ban sao|\d{1,2} ban [a-z ]{3,20}(?:,\s*\d{1,2} ban [a-z ]{3,20})*)\s*\)?)?/.exec(key);
      if (m && (/so luong|bo ho so|\bbo\b/.test(key))) {
        copies = Number(m[1]);
        if (m[5]) {
          // "(bản chính)", "(01 bản giấy, 01 bản điện tử)".
          const at = key.indexOf(m[5], m.index);
          copyKind = trimPunct(node.value.slice(at, at + m[5].length));
        }
        ev.add('/dossier/copies', node, m.index, m.index + m[0].length);
      }
    }
    if (submitTo === null) {
      // "gửi về …", "gửi hồ sơ đến …", "gửi qua hệ thống quản lý văn bản về …", "nộp Phòng Nội vụ".
      const m = /\b(gui|nop|chuyen)(?:\s+(?:ho so|van ban|ban)(?: [a-z]+){0,4}?)?(?:\s+qua\s+[a-z ]{3,60}?)?\s+(ve|den|toi)\s+/.exec(key) ?? /\b(gui|nop)\s+(?=(phong|ban|so|van phong|uy ban|ubnd|hoi dong|cong an|doi|bo phan)\b)/.exec(key);
      if (m) {
        const from = m.index + m[0].length;
        // A parenthesis naming the unit that receives it stays: "Sở Nội vụ (Ban Thi đua - Khen thưởng)".
        const stop = /\s+(truoc|cham nhat|trong thoi gian|qua duong|de (tong hop|tham dinh|trinh|xem xet)|tong hop|truc tiep|dong thoi)\b|[.;]|\((?!\s*(qua\s+)?(ban|phong|van phong|bo phan|vu|cuc|thuong truc)\b)|,\s*(thoi|han|cham)/.exec(key.slice(from));
        const value = trimPunct(node.value.slice(from, stop ? from + stop.index : undefined));
        if (value) {
          submitTo = value;
          ev.add('/dossier/submitTo', node, from, from + value.length);
        }
      }
    }
    if (deadline === null) {
      const m = /\b(truoc|cham nhat|han cuoi|khong qua|trong thoi han den)\s+(la\s+)?(ngay\b)?/.exec(key);
      if (m) {
        const after = node.value.slice(m.index);
        const absolute = findDates(after)[0];
        const relative = findRelativeDate(after, period.to);
        const hit = absolute && absolute.index < 40 ? absolute : relative && relative.index < 40 ? relative : null;
        if (hit) {
          deadline = hit.iso;
          deadlineText = trimPunct(after.slice(0, hit.index + hit.length));
          ev.add('/dossier/deadline', node, m.index, m.index + hit.index + hit.length);
        }
      }
    }
  }
  if (!components.length && copies === null && submitTo === null && deadline === null) return null;
  ev.alias('/dossier/copies', '/dossier/copyKind');
  ev.alias('/dossier/deadline', '/dossier/deadlineText');
  return { components, copies, copyKind, submitTo, deadline, deadlineText };
}
