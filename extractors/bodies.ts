// Names of issuing and awarding bodies: "UBND huyện Châu Thành", "CÔNG AN TỈNH SÓC TRĂNG",
// "Chủ tịch UBND thị xã" → full words, canonical case, kind and level of government.
import { fold, looseFold } from '../pipeline/text/fold.js';
import { LEVEL_WORDS, canonicalProvince, POSITIONS } from '../pipeline/lexicon/index.js';
import type { AdminLevel, IssuerKind } from '../pipeline/record/schema.js';
import { nameCase } from './util.js';

// Abbreviations of body names (Nghị định 30, phụ lục III) and their full words.
const ABBREVIATIONS: Array<[RegExp, string]> = [
  [/\bUBND\b/g, 'Ủy ban nhân dân'],
  [/\bHĐND\b|\bHDND\b/g, 'Hội đồng nhân dân'],
  [/\bUBMTTQVN\b|\bUBMTTQ\b/g, 'Ủy ban Mặt trận Tổ quốc Việt Nam'],
  [/\bMTTQVN\b/g, 'Mặt trận Tổ quốc Việt Nam'],
  [/\bMTTQ\b/g, 'Mặt trận Tổ quốc'],
  [/\bBCĐ\b/g, 'Ban Chỉ đạo'],
  [/\bVKSND\b/g, 'Viện kiểm sát nhân dân'],
  [/\bTAND\b/g, 'Tòa án nhân dân'],
  [/\bCA(?= (tỉnh|huyện|thành phố|thị xã|quận|xã|phường|thị trấn|tinh|huyen|thanh pho|thi xa|quan|xa|phuong|thi tran)\b)/g, 'Công an'],
  [/\bTP\.?(?= \p{Lu})/gu, 'thành phố'],
  [/\bTX\.?(?= \p{Lu})/gu, 'thị xã'],
];

export function expandAbbreviations(text: string): string {
  let out = text;
  for (const [re, full] of ABBREVIATIONS) out = out.replace(re, full);
  return out;
}

interface BodyPattern {
  key: string;
  canonical: string;
  kind: IssuerKind;
  /** The body carries a level word and a place after it. */
  local: boolean;
}

// Longest first.
const BODY_PATTERNS: BodyPattern[] = [
  { key: 'uy ban mat tran to quoc viet nam', canonical: 'Ủy ban Mặt trận Tổ quốc Việt Nam', kind: 'other', local: true },
  { key: 'uy ban nhan dan', canonical: 'Ủy ban nhân dân', kind: 'people_committee', local: true },
  { key: 'hoi dong nhan dan', canonical: 'Hội đồng nhân dân', kind: 'other', local: true },
  { key: 'bo cong an', canonical: 'Bộ Công an', kind: 'police', local: false },
  { key: 'cong an', canonical: 'Công an', kind: 'police', local: true },
  { key: 'ban thuong vu tinh uy', canonical: 'Ban Thường vụ Tỉnh ủy', kind: 'party', local: false },
  { key: 'ban thuong vu thanh uy', canonical: 'Ban Thường vụ Thành ủy', kind: 'party', local: false },
  { key: 'ban thuong vu huyen uy', canonical: 'Ban Thường vụ Huyện ủy', kind: 'party', local: false },
  { key: 'ban thuong vu dang uy', canonical: 'Ban Thường vụ Đảng ủy', kind: 'party', local: false },
  { key: 'ban chap hanh dang bo', canonical: 'Ban Chấp hành Đảng bộ', kind: 'party', local: true },
  { key: 'ban chap hanh trung uong', canonical: 'Ban Chấp hành Trung ương', kind: 'party', local: false },
  { key: 'bo chinh tri', canonical: 'Bộ Chính trị', kind: 'party', local: false },
  { key: 'ban bi thu', canonical: 'Ban Bí thư', kind: 'party', local: false },
  { key: 'tinh uy', canonical: 'Tỉnh ủy', kind: 'party', local: false },
  { key: 'thanh uy', canonical: 'Thành ủy', kind: 'party', local: false },
  { key: 'huyen uy', canonical: 'Huyện ủy', kind: 'party', local: false },
  { key: 'thi uy', canonical: 'Thị ủy', kind: 'party', local: false },
  { key: 'dang uy', canonical: 'Đảng ủy', kind: 'party', local: true },
  { key: 'thu tuong chinh phu', canonical: 'Thủ tướng Chính phủ', kind: 'other', local: false },
  { key: 'chinh phu', canonical: 'Chính phủ', kind: 'other', local: false },
  { key: 'quoc hoi', canonical: 'Quốc hội', kind: 'other', local: false },
];

export interface BodyName {
  /** Full name in canonical case: "Ủy ban nhân dân huyện Châu Thành". */
  name: string;
  kind: IssuerKind;
  level: AdminLevel | null;
  /** The level word as written in full ("huyện", "thị xã"), or null. */
  levelWord: string | null;
  /** The place name ("Châu Thành"), or null. */
  place: string | null;
  /** Length of the matched text in the input. */
  length: number;
}

/** A place name: capitalised words (in upper-case text, every word), not a common word. */
function placeWords(original: string): string {
  const words = original.split(/\s+/);
  const out: string[] = [];
  const allUpper = original.replace(/[^\p{L}]/gu, '') === original.replace(/[^\p{L}]/gu, '').toUpperCase();
  for (const w of words) {
    const clean = w.replace(/[,.;:()"“”]+$/g, '');
    if (!clean) break;
    if (!/^\p{Lu}/u.test(clean) && !allUpper) break;
    if (/^\d/.test(clean)) break;
    // Stop words that follow a place name in running text.
    const next = words[words.indexOf(w) + 1] ?? '';
    if (/^(giai|ve|ban|phat|trien|thuc|xay|va|tren|trong|theo|cua|tai|ngay|so|ke|quyet|chi|huong)$/i.test(fold(clean)) && out.length) break;
    if (fold(clean) === 'nam' && /^\d/.test(next)) break;
    out.push(clean);
    if (w !== clean) break;
    if (out.length >= 5) break;
  }
  return out.join(' ');
}

/**
 * Reads a body name at the start of `text` (upper or mixed case, abbreviated or not).
 * Returns null when the text does not start with a known kind of body.
 */
export function parseBody(text: string): BodyName | null {
  // Matched on the loose fold of the text itself (same length), so `length` is in the
  // caller's coordinates; abbreviations are matched as alternatives of the full words.
  const key = looseFold(text);
  let body: BodyPattern | undefined;
  let consumed = 0;
  for (const b of BODY_PATTERNS) {
    for (const alt of [b.key, ...(BODY_ABBREVIATIONS[b.key] ?? [])]) {
      if (key.startsWith(alt) && !/\p{L}/u.test(key[alt.length] ?? '')) {
        // "CA" stands for Công an only before a level word ("CA tỉnh"), never in "cá nhân".
        if (alt === 'ca' && !/^\s+(tinh|huyen|thanh pho|thi xa|quan|xa|phuong|thi tran|tp)\b/.test(key.slice(2))) continue;
        body = b;
        consumed = alt.length;
        break;
      }
    }
    if (body) break;
  }
  if (!body) return null;
  let level: AdminLevel | null = null;
  let levelWord: string | null = null;
  let place: string | null = null;
  const skip = (re: RegExp) => {
    const m = re.exec(key.slice(consumed));
    if (m) consumed += m[0].length;
    return m;
  };
  if (body.local) {
    // "Ủy ban nhân dân (UBND) phường …": an abbreviation in brackets after the name.
    skip(/^\s*\([^)]{1,20}\)/);
    const gap = /^\s*/.exec(key.slice(consumed))![0].length;
    const restKey = key.slice(consumed + gap);
    const lw = LEVEL_WORDS.find((l) => [l.key, ...(LEVEL_ABBREVIATIONS[l.key] ?? [])].some((k) => restKey.startsWith(k) && !/\p{L}/u.test(restKey[k.length] ?? '')));
    if (lw) {
      const used = [lw.key, ...(LEVEL_ABBREVIATIONS[lw.key] ?? [])].find((k) => restKey.startsWith(k) && !/\p{L}/u.test(restKey[k.length] ?? ''))!;
      level = lw.level;
      levelWord = lw.word;
      consumed += gap + used.length;
      if (used.endsWith('.') === false && key[consumed] === '.') consumed++;
      const gap2 = /^\s*/.exec(key.slice(consumed))![0].length;
      const words = placeWords(text.slice(consumed + gap2));
      if (words) {
        place = /^\p{Lu}+$/u.test(words.replace(/[\s-]/g, '')) ? nameCase(words) : words;
        consumed += gap2 + words.length;
      }
      // A "thành phố" that is a province (Hà Nội, Cần Thơ …) is province level.
      if (lw.key === 'thanh pho' && place && canonicalProvince(place)) level = 'province';
    }
  } else if (body.kind === 'party') {
    level = /tinh|thanh uy/.test(body.key) ? 'province' : /huyen|thi uy/.test(body.key) ? 'district' : null;
  }
  const name = [body.canonical, levelWord, place].filter(Boolean).join(' ');
  return { name, kind: body.kind, level, levelWord, place, length: consumed };
}

// Abbreviations of body names (Nghị định 30, phụ lục III), matched on folded text.
const BODY_ABBREVIATIONS: Record<string, string[]> = {
  'uy ban nhan dan': ['ubnd'],
  'hoi dong nhan dan': ['hdnd'],
  'cong an': ['ca'],
  'uy ban mat tran to quoc viet nam': ['ubmttqvn', 'ubmttq'],
};
const LEVEL_ABBREVIATIONS: Record<string, string[]> = { 'thanh pho': ['tp'], 'thi xa': ['tx'] };

/** Issuer name for a body text, full words and canonical case, or the cleaned input. */
export function canonicalBodyName(text: string): string {
  return parseBody(text)?.name ?? expandAbbreviations(text).replace(/\s+/g, ' ').trim();
}

// Titles of people who confer awards (the conferrer is "title + body").
const CONFERRER_TITLES = [...POSITIONS].map((p) => ({ key: fold(p), value: p }));

export interface Conferrer {
  text: string;
  length: number;
}

/**
 * Reads an award's conferrer at the start of `text`: "Chủ tịch UBND huyện", "Giám đốc Công an
 * tỉnh", "Thủ tướng Chính phủ", "Chủ tịch UBND thị xã Ngã Năm" → full words, canonical case.
 */
export function parseConferrer(text: string): Conferrer | null {
  const key = looseFold(text);
  // OCR forms of the title: "Chi tich", "Chil tich" for "Chủ tịch".
  const titleKey = key.replace(/^ch[a-z]{1,3} tich\b/, 'chu tich');
  const title = CONFERRER_TITLES.find((t) => titleKey.startsWith(t.key) && !/\p{L}/u.test(titleKey[t.key.length] ?? ''));
  if (title) {
    const after = text.slice(title.key.length + (key.length - titleKey.length)).replace(/^\s+/, '');
    if (title.value === 'Thủ tướng') {
      const gov = /^chinh phu\b/.exec(looseFold(after));
      return { text: gov ? 'Thủ tướng Chính phủ' : 'Thủ tướng', length: text.length - after.length + (gov ? gov[0].length : 0) };
    }
    const body = parseBody(after);
    if (body) return { text: `${title.value} ${body.name}`, length: text.length - after.length + body.length };
    return null;
  }
  // A body alone ("UBND huyện", "Công an tỉnh") confers too.
  const body = parseBody(text);
  return body ? { text: body.name, length: body.length } : null;
}
