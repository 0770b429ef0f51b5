// Normalisation stage: raw page text → the normalised text every later stage cites.
// NFC, invisible characters, stray spaces after combining marks; then the diacritics
// stage (detection, legacy decoding, garble repair, restoration) where it applies.
import type { IngestDiagnostic } from './ingest/types.js';
import { normaliseDiacritics, type DiacriticsState } from './diacritics/index.js';

export interface NormalisedText {
  text: string;
  diacritics: DiacriticsState;
  diagnostics: IngestDiagnostic[];
}

export interface NormaliseOptions {
  /** Restore diacritics of stripped/garbled text (default true). */
  restore?: boolean;
}

/** Unicode clean-up that never changes the number of lines. */
export function cleanUnicode(text: string): string {
  return (
    text
      .replace(/\r\n?/g, '\n')
      // Combining marks separated from their base letter by a space ("ứ ng" from pdf.js NFD).
      .normalize('NFD')
      .replace(/(\p{L}) ([\u0300-\u036f]+)/gu, '$1$2')
      .normalize('NFC')
      .replace(/[\u00a0\u2000-\u200a\u202f\u205f\u3000]/g, ' ')
      // Zero-width characters. (Not the soft hyphen U+00AD: it is the byte of "ư" in TCVN3 text read
      // as Windows-1252; the diacritics stage removes soft hyphens left after legacy decoding.)
      .replace(/[\u200b-\u200d\u2060\ufeff]/g, '')
  );
}

export function normalise(raw: string, options: NormaliseOptions = {}): NormalisedText {
  const text = cleanUnicode(raw);
  return normaliseDiacritics(text, { restore: options.restore ?? true });
}
