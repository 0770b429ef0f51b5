// Does a reference to a document ("Thực hiện Kế hoạch số 128/KH-CAT ngày 27/4/2022 của
// Công an tỉnh Sóc Trăng") point at a given plan? Number, date and issuer are compared
// loosely enough to survive OCR noise (a digit read as a letter, one wrong digit in a
// date, a garbled diacritic) but strictly enough that "44/KH-UBND" of one district does
// not resolve to "44/KH-UBND" of another. Pure functions: the library and the comparison
// both use them.
import { fold, looseFold } from '../text/fold.js';
import { dice, levenshtein } from './text.js';

export interface DocRef {
  number: string | null;
  date: string | null;
  issuer: string | null;
}

// Letters an OCR engine reads in place of digits, in the number part of a document number.
const DIGIT_LOOKALIKE: Record<string, string> = { o: '0', d: '0', q: '0', l: '1', i: '1', '|': '1', s: '5', b: '8', z: '2', g: '9' };

/** Comparable form of a document number: folded, no spaces, dashes unified, OCR digit look-alikes fixed. */
export function numberKey(number: string | null): string | null {
  if (!number) return null;
  let key = fold(number.normalize('NFC'))
    .replace(/\s+/g, '')
    .replace(/[‐-―_]/g, '-')
    .replace(/[\\|]/g, '/');
  const slash = key.indexOf('/');
  if (slash > 0) {
    const seq = [...key.slice(0, slash)].map((c) => DIGIT_LOOKALIKE[c] ?? c).join('');
    key = seq + key.slice(slash);
  }
  key = key.replace(/^0+(?=\d)/, '');
  return key === '' ? null : key;
}

/** The number alone ("52" of "52/KH-CAH"), OCR look-alikes fixed, or null. */
export function numberSeq(number: string | null): number | null {
  const key = numberKey(number);
  if (!key) return null;
  const m = /^(\d+)/.exec(key);
  return m ? Number(m[1]) : null;
}

/** 0..1: 1 for the same number, less by edit distance. */
export function numberSimilarity(a: string | null, b: string | null): number | null {
  const ka = numberKey(a);
  const kb = numberKey(b);
  if (!ka || !kb) return null;
  if (ka === kb) return 1;
  const seqA = /^\d+/.exec(ka)?.[0];
  const seqB = /^\d+/.exec(kb)?.[0];
  // Different numbers are different documents, unless one digit was misread.
  if (seqA && seqB && seqA !== seqB && levenshtein(seqA, seqB) > 1) return 0;
  return Math.max(0, 1 - levenshtein(ka, kb) / Math.max(ka.length, kb.length));
}

/** 0..1 for two ISO dates: 1 equal, 0.8 one character off (OCR), else 0. Null when either is missing. */
export function dateSimilarity(a: string | null, b: string | null): number | null {
  if (!a || !b) return null;
  if (a === b) return 1;
  if (a.length === b.length) {
    let diff = 0;
    for (let i = 0; i < a.length; i++) if (a[i] !== b[i]) diff++;
    if (diff === 1) return 0.8;
  }
  return 0;
}

export interface IssuerParts {
  kind: 'police' | 'people_committee' | 'party' | 'other' | null;
  level: 'province' | 'district' | 'commune' | null;
  /** Folded words naming the place or body, generic words removed. */
  place: Set<string>;
}

// Generic words of issuer names (folded): body and level words, not the place.
const GENERIC_PHRASES: Array<[RegExp, Partial<Omit<IssuerParts, 'place'>>]> = [
  [/\bcong an\b/g, { kind: 'police' }],
  [/\b(uy ban nhan dan|ubnd)\b/g, { kind: 'people_committee' }],
  [/\b(dang uy|huyen uy|tinh uy|thi uy|thanh uy|ban thuong vu)\b/g, { kind: 'party' }],
  [/\bthanh pho truc thuoc trung uong\b/g, { level: 'province' }],
  [/\b(tinh)\b/g, { level: 'province' }],
  [/\b(huyen|thi xa|quan)\b/g, { level: 'district' }],
  [/\b(xa|phuong|thi tran)\b/g, { level: 'commune' }],
  [/\bthanh pho\b/g, {}],
];

/** Splits an issuer name into body kind, level and place words. */
export function issuerParts(name: string): IssuerParts {
  let text = ' ' + looseFold(name.normalize('NFC')).replace(/[^\p{L}\p{N}]+/gu, ' ') + ' ';
  const parts: IssuerParts = { kind: null, level: null, place: new Set() };
  for (const [re, found] of GENERIC_PHRASES) {
    if (re.test(text)) {
      if (found.kind && !parts.kind) parts.kind = found.kind;
      if (found.level && !parts.level) parts.level = found.level;
      text = text.replace(re, ' ');
    }
    re.lastIndex = 0;
  }
  for (const w of text.split(/\s+/)) if (w) parts.place.add(w);
  return parts;
}

/** 0..1 for two issuer names; 0 when their body kind or level differ. Null when either is missing. */
export function issuerSimilarity(a: string | null, b: string | null): number | null {
  if (!a || !b) return null;
  const pa = issuerParts(a);
  const pb = issuerParts(b);
  if (pa.kind && pb.kind && pa.kind !== pb.kind) return 0;
  if (pa.level && pb.level && pa.level !== pb.level) return 0;
  return dice(pa.place, pb.place);
}

export interface ReferenceMatch {
  /** The reference points at the document. */
  matches: boolean;
  /** 0..1, for ranking candidates. */
  score: number;
  number: number | null;
  date: number | null;
  issuer: number | null;
}

/** Scores a reference (a basis entry) against a document's identification. */
export function matchReference(ref: DocRef, doc: DocRef): ReferenceMatch {
  const number = numberSimilarity(ref.number, doc.number);
  const date = dateSimilarity(ref.date, doc.date);
  const issuer = issuerSimilarity(ref.issuer, doc.issuer);
  const score = 0.5 * (number ?? 0) + 0.3 * (date ?? 0.5) + 0.2 * (issuer ?? 0.5);
  let matches = number !== null && number >= 0.75;
  if (matches && issuer !== null && issuer < 0.5) matches = false;
  if (matches && date !== null && date < 0.8) matches = false;
  // A misread digit of the number is tolerated only when the date and the issuer agree exactly.
  if (matches && number !== null && number < 1 && numberSeq(ref.number) !== numberSeq(doc.number) && !(date === 1 && issuer !== null && issuer >= 0.8)) matches = false;
  // Without a date, only an exact number from a matching issuer will do.
  if (matches && date === null && !(number === 1 && issuer !== null && issuer >= 0.8)) matches = false;
  return { matches, score, number, date, issuer };
}

/** The document a basis entry cites, as a DocRef. */
export function refOf(x: { number: string | null; date: string | null; issuer: string | null | { name: string | null } }): DocRef {
  const issuer = typeof x.issuer === 'object' && x.issuer !== null ? x.issuer.name : (x.issuer as string | null);
  return { number: x.number, date: x.date, issuer };
}
