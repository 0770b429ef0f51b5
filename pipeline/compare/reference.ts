// Does a reference to a document ("Thực hiện Kế hoạch số 128/KH-CAT ngày 27/4/2022 của
// Công an tỉnh Sóc Trăng") point at a given plan? Number, date and issuer are compared
// loosely enough to survive OCR noise (a digit read as a letter, one wrong digit in a
// date, a garbled diacritic) but strictly enough that "44/KH-UBND" of one district does
// not resolve to "44/KH-UBND" of another. Pure functions: the library and the comparison
// both use them.
import { fold, looseFold } from '../text/fold.js';
import { dice, levenshtein } from './text.js';
import { numberKey, numberSeq } from '../recognise/numbers.js';
import { expandAbbreviations, issuerKindAndLevel } from '../recognise/bodies.js';

export { numberKey, numberSeq };

export interface DocRef {
  number: string | null;
  date: string | null;
  issuer: string | null;
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
  level: 'province' | 'district' | 'commune' | 'other' | null;
  /** Folded words naming the place or body, generic words removed. */
  place: Set<string>;
}

/** Splits an issuer name into body kind, level (the recogniser's, as the extractors read them) and place words. */
export function issuerParts(name: string): IssuerParts {
  const expanded = expandAbbreviations(name.normalize('NFC'));
  const { kind, level, generic } = issuerKindAndLevel(expanded);
  let text = ' ' + looseFold(expanded).replace(/[^\p{L}\p{N}]+/gu, ' ') + ' ';
  for (const words of generic) text = text.replace(new RegExp(`\\s${words.replace(/ /g, '\\s+')}(?=\\s)`, 'g'), ' ');
  const place = new Set<string>();
  for (const w of text.split(/\s+/)) if (w) place.add(w);
  return { kind, level, place };
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
