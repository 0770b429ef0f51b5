// Diacritics stage: tells whether text carries Vietnamese diacritics, and (to come)
// decodes legacy font encodings, repairs Latin-OCR garble and restores stripped marks.
import type { IngestDiagnostic } from '../ingest/types.js';

export type DiacriticsState = 'present' | 'stripped' | 'restored';

export interface DiacriticsResult {
  text: string;
  diacritics: DiacriticsState;
  diagnostics: IngestDiagnostic[];
}

const MARKED = /[àáảãạăằắẳẵặâầấẩẫậèéẻẽẹêềếểễệìíỉĩịòóỏõọôồốổỗộơờớởỡợùúủũụưừứửữựỳýỷỹỵđ]/giu;
const LETTER = /\p{L}/gu;

/** Share of letters that carry a Vietnamese mark (clean Vietnamese: ~0.25–0.35). */
export function markedShare(text: string): number {
  const letters = text.match(LETTER)?.length ?? 0;
  if (letters === 0) return 0;
  return (text.match(MARKED)?.length ?? 0) / letters;
}

export function normaliseDiacritics(text: string, options: { restore: boolean }): DiacriticsResult {
  void options;
  const share = markedShare(text);
  const diacritics: DiacriticsState = share >= 0.08 ? 'present' : 'stripped';
  const diagnostics: IngestDiagnostic[] = [];
  if (diacritics === 'stripped') {
    diagnostics.push({
      severity: 'info',
      code: 'diacritics-stripped',
      message: `the text has few Vietnamese diacritics (${(share * 100).toFixed(1)}% of letters marked)`,
    });
  }
  return { text, diacritics, diagnostics };
}
