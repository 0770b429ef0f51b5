// Plugin: labels sections with what they are about, from their headings (on folded text, so
// stripped or OCR-garbled headings are read too).
import type { Plugin } from 'unified';
import { looseFold } from '../text/fold.js';
import type { AdminRoot, BodyNode, Section, SectionRole } from './types.js';

const ROLE_PATTERNS: Array<[SectionRole, RegExp]> = [
  ['criteria', /\btieu (chuan|chi)\b.*(khen|thi dua|xet)|^tieu (chuan|chi)\b|^(dieu kien|nguyen tac)\b.*(khen|xet|tang)/],
  ['dossier', /\bho so\b|\bthu tuc\b.*khen|\bquy trinh\b.*(khen|xet)|^thoi (gian|han) (de nghi|gui|nop)\b.*(khen|tang)/],
  ['funding', /^(kinh phi|muc (tien )?thuong|nguon kinh phi)/],
  ['subjects', /^doi tuong\b/],
  ['contents', /^noi dung\b/],
  ['period', /^thoi gian\b/],
  ['organising', /^to chuc (phong trao|thi dua)/],
  ['implementation', /^to chuc thuc hien\b|^trach nhiem\b|^phan cong\b/],
  ['awards', /(hinh thuc|danh hieu)\b.*khen thuong|^khen thuong\b|^so luong\b.*khen|^hinh thuc\b|^co cau\b|^thi dua,? khen thuong\b|khen thuong (hang nam|so ket|tong ket|dot xuat|chuyen de|theo dot)/],
  ['purpose', /^(muc (dich|tieu)|yeu cau)\b/],
];

// A heading names a part in a few words; a longer line is a statement ("Hội đồng … xét duyệt
// các danh hiệu thi đua, các hình thức khen thưởng trước khi …"), whatever words it holds.
const MAX_HEADING = 110;

export function headingRoles(heading: string): SectionRole[] {
  const key = looseFold(heading).replace(/[^a-z0-9%\s,]/g, ' ').replace(/\s+/g, ' ').trim();
  if (key.length > MAX_HEADING) return [];
  const roles: SectionRole[] = [];
  for (const [role, re] of ROLE_PATTERNS) if (re.test(key)) roles.push(role);
  // Combined headings: "Đối tượng, nội dung, thời gian …" name several parts.
  for (const part of key.split(/,| va /).map((s) => s.trim())) {
    for (const [role, re] of ROLE_PATTERNS) if (re.test(part) && !roles.includes(role)) roles.push(role);
  }
  return roles;
}

function label(nodes: BodyNode[]): void {
  for (const node of nodes) {
    if (node.type !== 'section') continue;
    const section = node as Section;
    // Only headings name a part; a long item that starts "Nội dung …" is content.
    // An item "Đối tượng: Cán bộ, chiến sĩ …" names its part before the colon.
    const colon = section.heading.value.indexOf(':');
    section.roles = section.headingLike
      ? headingRoles(section.heading.value.split(':')[0])
      : colon > 0 && colon <= 40
        ? headingRoles(section.heading.value.slice(0, colon))
        : [];
    label(section.children);
  }
}

export const sectionRoles: Plugin<[], AdminRoot> = function () {
  return (tree: AdminRoot) => {
    for (const child of tree.children) if (child.type === 'body' || child.type === 'appendix') label(child.children);
  };
};
