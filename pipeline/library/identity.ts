// What makes two files the same plan: the document they are (issuer, number, date), not
// their bytes. The same plan received as text, PDF and DOCX is one plan with three sources;
// the best source gives the record shown. A plan without a number or a date is known by a
// digest of its normalised text (letters and digits, folded), so a re-typed or re-exported
// copy with the same words is still the same plan.
import { createHash } from 'node:crypto';
import { issuerSimilarity, numberKey } from '../compare/reference.js';
import type { PlanRecord } from '../record/schema.js';
import { fold } from '../text/fold.js';

/** Digest of a text's words: folded (no diacritics, lower case), letters and digits only. */
export function textDigest(text: string): string {
  const words = fold(text.normalize('NFC')).replace(/[^\p{L}\p{N}]+/gu, '');
  return createHash('sha256').update(words).digest('hex');
}

/** Digest of a record without its text (a record JSON file): its identification and contents, folded. */
export function recordDigest(record: PlanRecord): string {
  const d = record.document;
  return textDigest([d.type, d.title, d.issuer.name, d.place, ...record.contents, ...record.subjects.collective, ...record.subjects.individual, ...record.recipients].filter(Boolean).join('\n'));
}

/** Does the record name the document well enough (number and issuer or date) to be known by it? */
export function identifiedByNumber(record: PlanRecord): boolean {
  const d = record.document;
  return Boolean(d.number && (d.date || d.issuer.name));
}

/**
 * Is a stored document (number, date, issuer) the same document as this record? The same
 * number (OCR look-alikes such as "l" for "1" folded away, see numberKey), the same date and a
 * matching issuer. Unlike a citation, a number one digit off is another document: an issuer
 * may sign 52/KH and 53/KH the same day (a misread scan is merged by hand: `thidua merge`).
 */
export function sameDocument(record: PlanRecord, other: { number: string | null; date: string | null; issuer: string | null }): boolean {
  const d = record.document;
  const key = numberKey(d.number);
  if (!key || key !== numberKey(other.number)) return false;
  if (d.date !== other.date) return false;
  const issuer = issuerSimilarity(d.issuer.name, other.issuer);
  // Without dates, the issuer must be known on both sides: numbers restart every year.
  return issuer === null ? d.date !== null : issuer >= (d.date === null ? 0.8 : 0.5);
}

const FORMAT_ORDER: Record<string, number> = { text: 0, markdown: 0, docx: 1, pdf: 2, image: 3 };

/**
 * Rank of a source for display, lower is better: a reviewed record file first, then text
 * that needed no OCR and kept its diacritics, born-digital formats before scans.
 */
export function sourceRank(record: PlanRecord, extractor: string): number {
  const s = record.source;
  return (extractor.startsWith('record:') ? 0 : 1000) + (s.ocr ? 100 : 0) + (s.diacritics === 'present' ? 0 : 10) + (FORMAT_ORDER[s.format] ?? 5);
}
