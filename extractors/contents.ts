// contents: the items of the campaign's content (nội dung thi đua).
import type { AdminRoot, Section } from '../pipeline/parse/types.js';
import { bodyNodes, childParagraphs, childSections, cleanValue, EvidenceSink, hasRole, looseFold, walkSections } from './util.js';

/** A "Nội dung" heading that is about the campaign, not e.g. "Nội dung tuyên truyền". */
function isCampaignContents(s: Section, ancestors: Section[]): boolean {
  if (!hasRole(s, 'contents')) return false;
  const head = looseFold(s.heading.value.split(':')[0]).replace(/[^a-z ]/g, ' ').replace(/\s+/g, ' ').trim();
  const qualifier = head.replace(/^noi dung\s*/, '');
  if (qualifier === '' || /^(va )?(hinh thuc )?(thi dua|phong trao|cua phong trao|phat dong)/.test(qualifier)) {
    return qualifier !== '' || ancestors.some((a) => /thi dua/.test(looseFold(a.heading.value)));
  }
  // A combined heading ("Nội dung, thời gian thi đua") is about the campaign when it says so.
  return /^(va |thoi gian|doi tuong)/.test(qualifier) && /thi dua/.test(qualifier) && !/tuyen truyen|kiem tra|giam sat/.test(qualifier);
}

export function extractContents(tree: AdminRoot, ev: EvidenceSink): string[] {
  const out: string[] = [];
  let found: Section | null = null;
  walkSections(bodyNodes(tree), (s, ancestors) => {
    if (found) return;
    // The deepest campaign-contents section (a combined heading may have "2. Nội dung" below).
    if (isCampaignContents(s, ancestors) && !childSections(s).some((c) => hasRole(c, 'contents'))) found = s;
  });
  const s = found as Section | null;
  if (!s) return out;
  const items = childSections(s);
  if (items.length) {
    for (const item of items) {
      ev.add(`/contents/${out.length}`, item.heading);
      out.push(cleanValue(item.heading.value));
    }
  } else {
    for (const p of childParagraphs(s)) {
      ev.add(`/contents/${out.length}`, p);
      out.push(cleanValue(p.value));
    }
  }
  return out;
}
