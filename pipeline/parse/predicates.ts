// Line predicates of the structure parser: what a line is (preamble start, recipients, stamp, appendix heading, page number …).
import { fold, looseFold } from '../text/fold.js';
import type { CleanLine } from './lines.js';

const lf = (line: CleanLine) => looseFold(line.text);

/** "Căn cứ", "Thực hiện", "Triển khai", "Theo", "Thi hành": an opening basis paragraph. */
export function isPreambleStart(text: string): boolean {
  return /^(can cu|thuc hien|trien khai|thi hanh|theo de nghi|xet de nghi|de thuc hien|nham thuc hien)\b/.test(looseFold(text).replace(/^[^a-z]+/, ''));
}

export function isRecipientsStart(line: CleanLine): boolean {
  if (!/^[^\p{L}]{0,3}n/iu.test(line.text)) return false;
  return /^noi nh[a-z]{1,2}n\b/.test(lf(line).replace(/^[^a-z]+/, ''));
}

/** TM. / KT. / Q. / TL. / TUQ. (OCR: "K/", "KT ") at the start of a line. */
export function isAuthorityLine(text: string): boolean {
  if (!/^[^\p{L}]{0,3}[TKQ]/u.test(text)) return false;
  return /^(t\/m|k\/t|tm|kt|k\/|q|tl|tuq)[.\s/]\s*\S/i.test(fold(text)) && /^(T\/M|K\/T|TM|KT|K\/|Q|TL|TUQ)\b/.test(text.replace(/^[^A-Za-z]+/, ''));
}

export const DATETIME = /\b\d{1,2}[-/.]\d{1,2}[-/.]\d{4}\s+\d{1,2}:\d{2}(:\d{2})?(\s*[+-]\d{2}:?\d{2})?/;
const STAMP_FIELD = /^(ky boi|nguoi ky|co quan|email|thoi gian ky|signed by|date)\s*:/;

export function isStampLine(line: CleanLine): boolean {
  return DATETIME.test(line.text) || STAMP_FIELD.test(fold(line.text));
}

export function isAppendixHeading(text: string): boolean {
  const f = looseFold(text).trim();
  return /^ph[uiy] luc(\s+[ivxl0-9]+)?\b/.test(f) && f.length < 40;
}

export function isAttachmentNote(text: string): boolean {
  // "(Ban hành kèm theo Quyết định số …)", "*(Kèm theo Tờ trình …)*" — it names the document; a wrapped
  // line "kèm theo)." that ends a sentence is not a note.
  const key = looseFold(text).trim();
  return /^[*_\s]*\(?\s*(ban hanh )?kem theo\b/.test(key) && !/^[*_\s]*\(?\s*(ban hanh )?kem theo\s*[).;,]*\s*[*_]*$/.test(key);
}

/** A page number or page counter standing alone ("11", "- 2 -", "Trang 3", "7/16"). */
export function isPageNumber(line: CleanLine): boolean {
  return /^(-\s*)?(trang\s+)?\d{1,3}(\s*\/\s*\d{1,3})?(\s*-)?$/i.test(fold(line.text));
}

export function isUpperText(text: string): boolean {
  const letters = text.replace(/[^\p{L}]/gu, '');
  return letters.length >= 2 && letters === letters.toUpperCase();
}

/** Closing punctuation at the end of a paragraph (a sentence, a clause or an introduction). */
export const TERMINAL = /[.;:!?…][”"’')\]]*$/;

export function startsLower(text: string): boolean {
  const m = /\p{L}/u.exec(text.replace(/^[“"'(\[]+/, ''));
  if (!m || m.index > 2) return false;
  return m[0] === m[0].toLowerCase() && m[0] !== m[0].toUpperCase();
}
