// Is a page's text layer usable, or must the page be OCR'd?
import { vietnameseMarkedShare } from './unicode.js';
import { loadLexicon } from '../diacritics/load.js';
import { tokenize } from '../diacritics/tokens.js';
import { isWellFormedSyllable, toOldStyle } from '../diacritics/vietnamese.js';

export interface TextLayerVerdict {
  ocr: boolean;
  /** Why OCR is needed (null when the text layer is used). */
  reason: string | null;
}

export interface PageFacts {
  /** Largest share of the page covered by one image (a scan). */
  imageCoverage: number;
  /** Many vector paths: text may be drawn as outlines. */
  vectorDrawing: boolean;
}

/** Minimum non-space characters for a text layer to count as text. */
const MIN_CHARS = 30;
/**
 * A text layer over a scan in which fewer of the words than this are Vietnamese syllables (with
 * their marks or without any) was made by an OCR that did not know Vietnamese. Digital text and
 * good OCR layers read 94–98 %; a scanner's Latin-language OCR layer 50–60 % ("thrc hin Thông
 * báo sf3", "Dc Ip - Tir do").
 */
export const MIN_READABLE_SHARE = 0.8;

/**
 * Share of the words of a text (letters only, no digits) that are Vietnamese syllables the
 * diacritics model knows, marked ("thực") or not ("thuc"); null when the text has too few words
 * to judge (or the model is missing).
 */
export function readableShare(text: string): number | null {
  const lexicon = loadLexicon();
  if (!lexicon) return null;
  let known = 0;
  let total = 0;
  for (const t of tokenize(text)) {
    if (t.kind !== 'word' || /\d/.test(t.text)) continue;
    total++;
    const lower = toOldStyle(t.text.normalize('NFC').toLowerCase());
    if (/^[a-z]+$/.test(lower) ? lexicon.candidates.has(lower) : isWellFormedSyllable(lower) && lexicon.idOf.has(lower)) known++;
  }
  return total < 20 ? null : known / total;
}

export function judgeTextLayer(text: string, facts: PageFacts): TextLayerVerdict {
  const chars = [...text.replace(/\s+/g, '')];
  const scanned = facts.imageCoverage > 0.5;
  if (chars.length < MIN_CHARS) {
    if (scanned) return { ocr: true, reason: chars.length === 0 ? 'no text layer over a scanned image' : 'too little text over a scanned image' };
    if (facts.vectorDrawing) return { ocr: true, reason: 'no text layer, text drawn as outlines' };
    return { ocr: false, reason: null };
  }
  const odd = chars.filter((c) => /[\uE000-\uF8FF\uFFFD]|[\u0000-\u0008\u000e-\u001f\u007f-\u009f]/u.test(c)).length;
  if (odd / chars.length > 0.05) return { ocr: true, reason: 'the text layer holds undecodable glyphs (private-use or replacement characters)' };
  // Letters of a legacy 8-bit Vietnamese font (TCVN3/VNI) mapped to Latin-1 symbols with no
  // Unicode mapping: "¸µ¶·¹ª©®¬¦§" etc. The diacritics stage decodes a known legacy encoding,
  // but a text that mixes these symbols with digits only is not decodable.
  const symbols = chars.filter((c) => /[\u00a1-\u00bf\u00d7\u00f7]/u.test(c)).length;
  const letters = chars.filter((c) => /\p{L}/u.test(c)).length;
  // (A page of figures has few letters but no symbols: it is kept.)
  if (symbols / chars.length > 0.15 || (letters / chars.length < 0.25 && symbols / chars.length > 0.03)) {
    return { ocr: true, reason: 'the text layer is garbage (a font without a usable encoding)' };
  }
  // A scanner's OCR layer in a Latin-only language: long text over a scan with no diacritics.
  if (scanned && letters > 80 && vietnameseMarkedShare(text) < 0.03) {
    return { ocr: true, reason: 'the text layer over the scan has no Vietnamese diacritics (a Latin-only OCR layer)' };
  }
  // A scanner's OCR layer in a language without Vietnamese letters: some marks ("Thông báo",
  // "ngày") but many words no Vietnamese syllable ("thrc hin", "S& 5?AD").
  if (scanned && letters > 80) {
    const readable = readableShare(text);
    if (readable !== null && readable < MIN_READABLE_SHARE) {
      return { ocr: true, reason: `only ${Math.round(readable * 100)} % of the words of the text layer over the scan are Vietnamese (a poor OCR layer)` };
    }
  }
  return { ocr: false, reason: null };
}
