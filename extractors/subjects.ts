// subjects: who competes (đối tượng thi đua) — collectives (tập thể) and individuals (cá nhân).
import type { AdminRoot, Section, TextNode } from '../pipeline/parse/types.js';
import { bodyNodes, childParagraphs, childSections, cleanValue, deepestWithRole, EvidenceSink, looseFold } from './util.js';

// Words that open a description of people (individuals) or of bodies (collectives).
const INDIVIDUAL = /^(cac |toan the |tat ca )?(can bo|cong chuc|vien chuc|cbcs|cbccvc|chien si|si quan|ha si quan|nguoi lao dong|nguoi dan|ca nhan|dang vien|doan vien|hoi vien|hoc sinh|sinh vien|giao vien|nha giao|cong dan|lanh dao|nhan vien|y bac si)/;
const COLLECTIVE = /^(cac |toan the )?(co quan|don vi|tap the|uy ban|ubnd|phong|ban|so|nganh|doi|to chuc|dia phuong|xa|phuong|thi tran|truong|trung tam|cong an|chi bo|dang bo|doanh nghiep|hop tac xa|khu pho|ap|thon|to dan pho|lop|khoa)\b/;

export function classifySubject(text: string): 'collective' | 'individual' {
  const key = looseFold(text).replace(/^[^a-z]+/, '');
  if (/^tap the\b/.test(key)) return 'collective';
  if (/^ca nhan\b/.test(key)) return 'individual';
  if (INDIVIDUAL.test(key)) return 'individual';
  if (COLLECTIVE.test(key)) return 'collective';
  return 'collective';
}

export function extractSubjects(tree: AdminRoot, ev: EvidenceSink): { collective: string[]; individual: string[] } {
  const out = { collective: [] as string[], individual: [] as string[] };
  // "Đối tượng" sections that are about the campaign, not about e.g. a propaganda audience's scope.
  const sections = deepestWithRole(bodyNodes(tree), 'subjects');
  const add = (kind: 'collective' | 'individual', node: TextNode, from = 0) => {
    const value = cleanValue(node.value.slice(from));
    if (!value) return;
    ev.add(`/subjects/${kind}/${out[kind].length}`, node, from);
    out[kind].push(value);
  };
  for (const s of sections.slice(0, 1)) readSubjectSection(s, add);
  return out;
}

function readSubjectSection(s: Section, add: (kind: 'collective' | 'individual', node: TextNode, from?: number) => void): void {
  // "Đối tượng: Cán bộ, chiến sĩ …" — the subjects inline after the heading.
  const colon = s.heading.value.indexOf(':');
  if (colon >= 0 && s.heading.value.slice(colon + 1).trim()) {
    const from = colon + 1 + (s.heading.value.slice(colon + 1).length - s.heading.value.slice(colon + 1).trimStart().length);
    add(classifySubject(s.heading.value.slice(from)), s.heading, from);
  }
  const subs = childSections(s);
  for (const sub of subs) {
    // "1.1. Tập thể" / "a) Đối với cá nhân:" headings group their items.
    const head = looseFold(sub.heading.value).replace(/^doi voi\s+/, '');
    const group = /^(cac )?tap the\b/.test(head) && sub.headingLike ? 'collective' : /^(cac )?ca nhan\b/.test(head) && sub.headingLike ? 'individual' : null;
    if (group && (sub.children.length || !/:\s*\S/.test(sub.heading.value))) {
      const inline = sub.heading.value.indexOf(':');
      if (inline >= 0 && sub.heading.value.slice(inline + 1).trim()) add(group, sub.heading, inline + 1);
      for (const c of sub.children) {
        if (c.type === 'paragraph') add(group, c);
        else if (c.type === 'section') add(group, c.heading);
      }
      continue;
    }
    add(classifySubject(sub.heading.value), sub.heading);
  }
  if (!subs.length) {
    for (const p of childParagraphs(s)) {
      // "Các sở, ban, ngành …; Ủy ban nhân dân các xã, phường; cán bộ, công chức …": one subject a part.
      let at = 0;
      for (const part of p.value.split(';')) {
        const lead = part.length - part.trimStart().length;
        if (part.trim()) add(classifySubject(part), { ...p, value: p.value.slice(0, at + part.length), offsets: p.offsets }, at + lead);
        at += part.length + 1;
      }
    }
  }
}
