// Names of issuing and awarding bodies: "UBND huyện Châu Thành", "CÔNG AN TỈNH SÓC TRĂNG",
// "Chủ tịch UBND thị xã", "Sở Tư pháp tỉnh Quảng Bình", "Tòa án nhân dân tối cao" → full words,
// canonical case, kind and level of government. The one table of bodies, their kinds and levels:
// the parser, the extractors and the comparison all read bodies through this module.
import { fold, looseFold } from '../text/fold.js';
import { LEVEL_WORDS, canonicalProvince, POSITIONS } from '../lexicon/index.js';
import type { AdminLevel, IssuerKind } from '../record/schema.js';
import { nameCase } from '../text/case.js';

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
  /** The body carries a level word and a place after it ("Ủy ban nhân dân tỉnh X"). */
  local: boolean;
  /** A unit named by its own words after the key ("Sở Tư pháp", "Phòng Tài nguyên và Môi trường"). */
  named?: boolean;
  /**
   * The level whatever the name says: "other" for ministries, courts, procuracies, departments,
   * inspection teams and central bodies (contract revision 2); a party committee's own level.
   */
  level?: AdminLevel;
}

// Longest first.
const BODY_PATTERNS: BodyPattern[] = [
  { key: 'ban thuong truc uy ban mat tran to quoc viet nam', canonical: 'Ban Thường trực Ủy ban Mặt trận Tổ quốc Việt Nam', kind: 'other', local: true },
  { key: 'uy ban mat tran to quoc viet nam', canonical: 'Ủy ban Mặt trận Tổ quốc Việt Nam', kind: 'other', local: true },
  { key: 'thuong truc hoi dong nhan dan', canonical: 'Thường trực Hội đồng nhân dân', kind: 'other', local: true },
  { key: 'vien kiem sat nhan dan toi cao', canonical: 'Viện kiểm sát nhân dân tối cao', kind: 'other', local: false, level: 'other' },
  { key: 'toa an nhan dan toi cao', canonical: 'Tòa án nhân dân tối cao', kind: 'other', local: false, level: 'other' },
  { key: 'vien kiem sat nhan dan', canonical: 'Viện kiểm sát nhân dân', kind: 'other', local: true, level: 'other' },
  { key: 'toa an nhan dan', canonical: 'Tòa án nhân dân', kind: 'other', local: true, level: 'other' },
  { key: 'uy ban nhan dan', canonical: 'Ủy ban nhân dân', kind: 'people_committee', local: true },
  { key: 'hoi dong nhan dan', canonical: 'Hội đồng nhân dân', kind: 'other', local: true },
  { key: 'uy ban bau cu', canonical: 'Ủy ban bầu cử', kind: 'other', local: true },
  { key: 'bo cong an', canonical: 'Bộ Công an', kind: 'police', local: false, level: 'other' },
  { key: 'cong an', canonical: 'Công an', kind: 'police', local: true },
  { key: 'ban thuong vu tinh uy', canonical: 'Ban Thường vụ Tỉnh ủy', kind: 'party', local: false, level: 'province' },
  { key: 'ban thuong vu thanh uy', canonical: 'Ban Thường vụ Thành ủy', kind: 'party', local: false, level: 'province' },
  { key: 'ban thuong vu huyen uy', canonical: 'Ban Thường vụ Huyện ủy', kind: 'party', local: false, level: 'district' },
  { key: 'ban thuong vu dang uy', canonical: 'Ban Thường vụ Đảng ủy', kind: 'party', local: false },
  { key: 'ban chap hanh dang bo', canonical: 'Ban Chấp hành Đảng bộ', kind: 'party', local: true },
  { key: 'ban chap hanh trung uong', canonical: 'Ban Chấp hành Trung ương', kind: 'party', local: false, level: 'other' },
  { key: 'bo chinh tri', canonical: 'Bộ Chính trị', kind: 'party', local: false, level: 'other' },
  { key: 'ban bi thu', canonical: 'Ban Bí thư', kind: 'party', local: false, level: 'other' },
  { key: 'tinh uy', canonical: 'Tỉnh ủy', kind: 'party', local: false, level: 'province' },
  { key: 'thanh uy', canonical: 'Thành ủy', kind: 'party', local: false, level: 'province' },
  { key: 'huyen uy', canonical: 'Huyện ủy', kind: 'party', local: false, level: 'district' },
  { key: 'thi uy', canonical: 'Thị ủy', kind: 'party', local: false, level: 'district' },
  { key: 'dang uy', canonical: 'Đảng ủy', kind: 'party', local: true },
  { key: 'thu tuong chinh phu', canonical: 'Thủ tướng Chính phủ', kind: 'other', local: false, level: 'other' },
  { key: 'chinh phu', canonical: 'Chính phủ', kind: 'other', local: false, level: 'other' },
  { key: 'quoc hoi', canonical: 'Quốc hội', kind: 'other', local: false, level: 'other' },
  { key: 'hoi dong thi dua khen thuong', canonical: 'Hội đồng Thi đua - Khen thưởng', kind: 'other', local: true },
  // Units named by their own words: a department of a local government or of a ministry, a
  // sub-committee, an inspection team.
  { key: 'van phong', canonical: 'Văn phòng', kind: 'other', local: true, named: true, level: 'other' },
  { key: 'chi cuc', canonical: 'Chi cục', kind: 'other', local: true, named: true, level: 'other' },
  { key: 'so', canonical: 'Sở', kind: 'other', local: true, named: true, level: 'other' },
  { key: 'phong', canonical: 'Phòng', kind: 'other', local: true, named: true, level: 'other' },
  { key: 'bo', canonical: 'Bộ', kind: 'other', local: false, named: true, level: 'other' },
  { key: 'cuc', canonical: 'Cục', kind: 'other', local: false, named: true, level: 'other' },
  { key: 'doan kiem tra', canonical: 'Đoàn kiểm tra', kind: 'other', local: true, level: 'other' },
  { key: 'tieu ban', canonical: 'Tiểu ban', kind: 'other', local: true, named: true },
  { key: 'ban chi dao', canonical: 'Ban Chỉ đạo', kind: 'other', local: true, named: true },
  { key: 'ban thuong truc', canonical: 'Ban Thường trực', kind: 'other', local: true },
];

// Abbreviated names of specialised departments (phòng, sở chuyên môn), folded → full words.
const DEPARTMENT_ABBREVIATIONS: Array<[RegExp, string]> = [
  [/^(tn\s*&\s*mt|tnmt|tn-mt)\b/, 'Tài nguyên và Môi trường'],
  [/^(gd\s*&\s*dt|gddt|gd-dt)\b/, 'Giáo dục và Đào tạo'],
  [/^(ld\s*-?\s*tb\s*&\s*xh|ldtbxh)\b/, 'Lao động - Thương binh và Xã hội'],
  [/^(nn\s*&\s*ptnt|nnptnt)\b/, 'Nông nghiệp và Phát triển nông thôn'],
  [/^(vh\s*-\s*xh|vhxh)\b/, 'Văn hóa - Xã hội'],
  [/^(vh\s*&\s*tt|vhtt)\b/, 'Văn hóa và Thông tin'],
  [/^(tc\s*-\s*kh|tckh)\b/, 'Tài chính - Kế hoạch'],
  [/^(kt\s*-\s*ht|ktht)\b/, 'Kinh tế - Hạ tầng'],
  [/^(yt)\b/, 'Y tế'],
];

/** How far a body's or conferrer's name can reach: a title, a body, a level word and a place. */
const NAME_REACH = 240;

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
  // A place name ends at its line's end (header lines: "CÔNG AN TỈNH LONG AN" / "PHÒNG THAM MƯU").
  original = original.split('\n')[0];
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
  // A name is short: only its reach is read, so a caller may pass the rest of a long text
  // (linear time however long the paragraph).
  text = text.slice(0, NAME_REACH);
  // Matched on the loose fold of the text itself (same length), so `length` is in the
  // caller's coordinates; abbreviations are matched as alternatives of the full words.
  const key = looseFold(text).replace(/\n/g, ' ');
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
  let ownWords: string | null = null;
  const skip = (re: RegExp) => {
    const m = re.exec(key.slice(consumed));
    if (m) consumed += m[0].length;
    return m;
  };
  if (body.named) {
    // "Sở" must be written "Sở" (or without marks), never "Số"; "Bộ, ban, ngành" names no unit.
    const written = text.slice(0, consumed).toLocaleLowerCase('vi');
    if (written !== body.canonical.toLocaleLowerCase('vi') && written !== fold(body.canonical)) return null;
    const own = unitWords(text.slice(consumed), key.slice(consumed));
    if (!own) return null;
    ownWords = own.words;
    consumed += own.length;
  }
  if (body.local) {
    // "Ủy ban nhân dân (UBND) phường …": an abbreviation in brackets after the name.
    skip(/^\s*\([^)]{1,20}\)/);
    const gap = /^\s*/.exec(key.slice(consumed))![0].length;
    const restKey = key.slice(consumed + gap);
    const lw = levelWordAt(restKey);
    if (lw) {
      level = lw.entry.level;
      levelWord = lw.entry.word;
      consumed += gap + lw.used.length;
      if (lw.used.endsWith('.') === false && key[consumed] === '.') consumed++;
      const gap2 = /^\s*/.exec(key.slice(consumed))![0].length;
      const words = placeWords(text.slice(consumed + gap2));
      if (words) {
        place = /^\p{Lu}+$/u.test(words.replace(/[\s-]/g, '')) ? nameCase(words) : words;
        consumed += gap2 + words.length;
      }
      // A "thành phố" that is a province (Hà Nội, Cần Thơ …) is province level.
      if (lw.entry.key === 'thanh pho' && place && canonicalProvince(place)) level = 'province';
    }
  }
  if (body.level) level = body.level;
  const name = [body.canonical, ownWords, levelWord, place].filter(Boolean).join(' ');
  return { name, kind: body.kind, level, levelWord, place, length: consumed };
}

/** A level word ("tỉnh", "thị xã", "TP.") at the start of folded text. */
function levelWordAt(restKey: string): { entry: (typeof LEVEL_WORDS)[number]; used: string } | null {
  for (const entry of LEVEL_WORDS) {
    const used = [entry.key, ...(LEVEL_ABBREVIATIONS[entry.key] ?? [])].find((k) => restKey.startsWith(k) && !/\p{L}/u.test(restKey[k.length] ?? ''));
    if (used) return { entry, used };
  }
  return null;
}

// Words that end a unit's own name in running text ("Sở Nội vụ về việc …", "Phòng Văn hóa của …").
const UNIT_STOP = /^(ve|cua|theo|tai|tren|ngay|so|ban hanh|xay dung|phat dong|trien khai|huong dan|thuc hien|nam|va cac|voi|de|nham|giai doan)$/;

/**
 * The own words of a named unit after its key: "Tư pháp" of "Sở Tư pháp tỉnh X", "Tài nguyên và
 * Môi trường" of "PHÒNG TN&MT", "thông tin, tuyên truyền, khánh tiết" of a Tiểu ban — up to a
 * level word, another body, a stop word or a sentence mark; upper case made sentence case.
 */
function unitWords(text: string, key: string): { words: string; length: number } | null {
  const gap = /^\s*/.exec(key)![0].length;
  const abbreviation = DEPARTMENT_ABBREVIATIONS.find(([re]) => re.test(key.slice(gap)));
  if (abbreviation) {
    const m = abbreviation[0].exec(key.slice(gap))!;
    return { words: abbreviation[1], length: gap + m[0].length };
  }
  const words: string[] = [];
  let at = gap;
  for (const m of text.slice(gap).matchAll(/[^\s]+/g)) {
    const start = gap + m.index!;
    const raw = m[0];
    const clean = raw.replace(/[,]+$/, '');
    const folded = key.slice(start, start + clean.length);
    if (!clean || /^[;.:(]/.test(clean) || /^\d/.test(clean)) break;
    const restKey = key.slice(start);
    if (words.length && (levelWordAt(restKey) || BODY_PATTERNS.some((b) => !b.named && restKey.startsWith(b.key + ' ')))) break;
    if (words.length && UNIT_STOP.test(folded)) break;
    if (words.length && words.length + 1 < 3 && UNIT_STOP.test(key.slice(start).split(/\s+/).slice(0, 2).join(' '))) break;
    // The first word of a unit's name is capitalised ("Sở Nội vụ"), unless all is upper case.
    if (!words.length && !/^\p{Lu}/u.test(clean)) return null;
    words.push(raw);
    at = start + raw.length;
    if (/[;.:]$/.test(raw) || words.length >= 8) break;
  }
  if (!words.length) return null;
  let joined = text.slice(gap, at).replace(/[,;.:]+$/, '');
  at = gap + joined.length;
  joined = joined.replace(/\s+/g, ' ');
  if (joined === joined.toLocaleUpperCase('vi')) joined = joined[0] + joined.slice(1).toLocaleLowerCase('vi');
  return { words: joined, length: at };
}

/**
 * Kind and level of a body named in full or in part (for the comparison), and the folded
 * generic words of its name (body and level words) that say nothing of which body it is.
 */
export function issuerKindAndLevel(name: string): { kind: IssuerKind | null; level: AdminLevel | null; generic: string[] } {
  const body = parseBody(name);
  const key = looseFold(name);
  const generic: string[] = [];
  let level: AdminLevel | null = body?.level ?? null;
  const pattern = BODY_PATTERNS.find((b) => key.startsWith(b.key));
  if (pattern) generic.push(pattern.key);
  for (const lw of LEVEL_WORDS) {
    if (new RegExp(`(^|\\s)${lw.key}(\\s|$)`).test(key)) {
      generic.push(lw.key);
      if (!level) level = lw.level;
    }
  }
  return { kind: body?.kind ?? null, level, generic };
}

// Abbreviations of body names (Nghị định 30, phụ lục III), matched on folded text.
const BODY_ABBREVIATIONS: Record<string, string[]> = {
  'uy ban nhan dan': ['ubnd'],
  'hoi dong nhan dan': ['hdnd'],
  'cong an': ['ca'],
  'uy ban mat tran to quoc viet nam': ['ubmttqvn', 'uy ban mttq viet nam', 'uy ban mttqvn', 'uy ban mttq', 'ubmttq'],
  'ban thuong truc uy ban mat tran to quoc viet nam': ['ban thuong truc uy ban mttq viet nam', 'ban thuong truc ubmttqvn', 'btt ubmttqvn'],
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
  text = text.slice(0, NAME_REACH);
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
