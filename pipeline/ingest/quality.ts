// Is a page's text layer usable, or must the page be OCR'd?
import { vietnameseMarkedShare } from './unicode.js';

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
  return { ocr: false, reason: null };
}
