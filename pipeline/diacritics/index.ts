// Diacritics stage: detects, line by line, whether text is clean Unicode Vietnamese, stripped
// of its marks, garbled by a Latin-only OCR, or in a legacy font encoding (TCVN3, VNI); decodes
// legacy encodings; repairs garble; restores the marks with the syllable trigram model.
//
// The output keeps the number of lines and every token in place: only the letters of words
// change (a garbled token may change its characters, but stays one token).
import type { IngestDiagnostic } from '../ingest/types.js';
import { classifyDocument, classifyLine, classifyWord, vietnameseScore, wordsByLine, type DocumentKind, type LineKind } from './detect.js';
import { garbleAlternatives } from './garble.js';
import { loadLexicon, MODEL_FILE, nameSyllables, requireLexicon, requireModel } from './load.js';
import { decodeLegacyWith, type LegacyEncoding, type LegacyResult } from './legacy.js';
import type { RestoreModel } from './model.js';
import { isKnownSyllable, restoreWithModel, type RestoredWord } from './restore.js';
import type { Token } from './tokens.js';

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

// ---------------------------------------------------------------- detection

export interface Detection {
  /** What the document is, legacy encodings first: most of its lines were in that encoding. */
  document: DocumentKind | LegacyEncoding;
  /** Kind of every line after legacy decoding (index 0 = line 1). */
  lines: LineKind[];
  /** Legacy encoding of every line (null: not legacy-encoded). */
  encodings: (LegacyEncoding | null)[];
  /** Legacy encoding found (and decoded before the lines were classified), if any. */
  legacy: LegacyEncoding | null;
  /** After legacy decoding: clean, stripped, garbled or mixed. */
  decoded: DocumentKind;
  counts: Record<LineKind, number>;
}

/** Classifies a text (after decoding any legacy encoding) line by line and as a whole. */
export function detectDiacritics(text: string): Detection {
  const model = requireLexicon();
  const legacy = decodeLegacyWith(text, (t) => vietnameseScore(model, t));
  const lines = wordsByLine(legacy.text).map((words) => classifyLine(model, words));
  const decodedLines = new Set(legacy.lines);
  const encodings = lines.map((_, i) => (decodedLines.has(i + 1) ? legacy.encoding : null));
  const { document: decoded, counts } = classifyDocument(lines);
  const nonEmpty = lines.length - counts.empty - counts.foreign;
  const document = legacy.encoding && legacy.lines.length >= 0.5 * nonEmpty ? legacy.encoding : decoded;
  return { document, decoded, lines, encodings, legacy: legacy.encoding, counts };
}

/** Detects and decodes TCVN3, VNI or UTF-8-read-as-Windows-1252 text; line count kept. */
export function decodeLegacy(text: string): LegacyResult {
  const model = requireLexicon();
  return decodeLegacyWith(text.normalize('NFC'), (t) => vietnameseScore(model, t));
}

// ---------------------------------------------------------------- restoration

/** Restores the marks of stripped words (words already marked, numbers, symbols stay). */
export function restoreText(text: string): string {
  return restoreWithModel(requireModel(), text.normalize('NFC'), { names: nameSyllables() }).text;
}

/**
 * Restores a short phrase, e.g. a name or title taken from a stripped document for a form:
 * "Uy ban nhan dan thi xa Nga Nam" → "Ủy ban nhân dân thị xã Ngã Năm". A phrase that already
 * carries marks is returned as it is.
 */
export function restorePhrase(text: string): string {
  const nfc = text.normalize('NFC');
  if (markedShare(nfc) >= 0.08) return nfc;
  return restoreWithModel(requireModel(), nfc, { names: nameSyllables() }).text;
}

export interface RepairResult {
  text: string;
  diagnostics: IngestDiagnostic[];
  words: RestoredWord[];
}

const ALTERNATIVES_CACHE = new WeakMap<RestoreModel, Map<string, ReturnType<typeof garbleAlternatives>>>();

/** Repairs Latin-OCR garble and restores marks, on the given lines (default: all). */
export function repairGarble(text: string, lines?: Set<number>): RepairResult {
  const model = requireModel();
  const nfc = text.normalize('NFC');
  // The alternatives of a token depend on the token and the model only: kept across documents
  // (a library ingest reads many documents from the same OCR), bounded.
  let cache = ALTERNATIVES_CACHE.get(model);
  if (!cache || cache.size > 50_000) ALTERNATIVES_CACHE.set(model, (cache = new Map()));
  const alternatives = (token: Token) => {
    // Letters a Latin-only OCR cannot write (ư ơ ă đ ạ ả …) mean the word was read right.
    if (/[^\u0000-\u00ff]/.test(token.text) && isKnownSyllable(model, token.text)) return null;
    // A one-letter token before ")" or "." or after a comma is a list marker or a reference to
    // one ("điểm a, b Khoản này").
    const marker =
      /^[).]/.test(nfc.slice(token.end, token.end + 1)) ||
      (token.text.length === 1 && /,\s*$/.test(nfc.slice(Math.max(0, token.start - 3), token.start)));
    const cacheKey = marker ? `${token.text})` : token.text;
    let alts = cache.get(cacheKey);
    if (alts === undefined) {
      alts = garbleAlternatives(model, token.text, marker);
      cache.set(cacheKey, alts);
    }
    return alts;
  };
  const result = restoreWithModel(model, nfc, { alternatives, lines, beam: 12, names: nameSyllables() });
  return { text: result.text, words: result.words, diagnostics: uncertainRepairs(model, nfc, result.words, lines) };
}

const UNCERTAIN_COST = 1.0;
const MAX_LINE_DIAGNOSTICS = 60;

/** One diagnostic per line with uncertain repairs or words that could not be read. */
function uncertainRepairs(model: RestoreModel, text: string, words: RestoredWord[], lines?: Set<number>): IngestDiagnostic[] {
  const byLine = new Map<number, string[]>();
  const note = (line: number, what: string) => {
    const list = byLine.get(line) ?? [];
    list.push(what);
    byLine.set(line, list);
  };
  const restored = new Set(words.map((w) => w.token.start));
  for (const w of words) if (w.repaired && w.cost >= UNCERTAIN_COST) note(w.line, `"${w.token.text}" → "${w.text}"`);
  // Garbled words left as they were.
  wordsByLine(text).forEach((tokens, i) => {
    if (lines && !lines.has(i + 1)) return;
    for (const t of tokens) if (!restored.has(t.start) && classifyWord(model, t.text) === 'bad' && /[\p{N}€¢£¥©&]|[^\p{ASCII}]/u.test(t.text)) note(i + 1, `"${t.text}" left as is`);
  });
  const out: IngestDiagnostic[] = [];
  for (const [line, items] of [...byLine].sort((a, b) => a[0] - b[0])) {
    if (out.length >= MAX_LINE_DIAGNOSTICS) break;
    out.push({ severity: 'info', code: 'diacritics-uncertain-repair', message: `uncertain garble repair: ${items.join(', ')}`, line });
  }
  return out;
}

const LEGACY_NAMES: Record<LegacyEncoding, string> = {
  tcvn3: 'TCVN3 (ABC, .VnTime fonts)',
  vni: 'VNI (VNI-Times fonts)',
  'utf8-as-cp1252': 'UTF-8 read as Windows-1252',
};

/**
 * The pipeline's diacritics step on the whole normalised document text. Clean Unicode text
 * passes through unchanged; legacy encodings are decoded; stripped and garbled lines are
 * restored when `restore` is set. The number of lines never changes.
 */
export function normaliseDiacritics(text: string, options: { restore: boolean }): DiacriticsResult {
  const diagnostics: IngestDiagnostic[] = [];
  // Detection reads the model's syllables only; its n-grams are loaded when a line needs restoring.
  const model = loadLexicon();
  if (!model) {
    const share = markedShare(text);
    const diacritics: DiacriticsState = share >= 0.08 ? 'present' : 'stripped';
    diagnostics.push({ severity: 'warning', code: 'diacritics-model-missing', message: `the diacritics model models/${MODEL_FILE} is missing: text left as it is` });
    return { text, diacritics, diagnostics };
  }
  const legacy = decodeLegacyWith(text, (t) => vietnameseScore(model, t));
  // Soft hyphens left after legacy decoding (TCVN3 writes ư as the byte 0xAD) are invisible.
  let current = legacy.text.replace(/\u00ad/g, '');
  if (legacy.encoding) {
    diagnostics.push({
      severity: 'info',
      code: 'diacritics-legacy-encoding',
      message: `decoded ${LEGACY_NAMES[legacy.encoding]} on ${legacy.lines.length} line(s)`,
      line: legacy.lines[0],
    });
  }
  const kinds = wordsByLine(current).map((words) => classifyLine(model, words));
  const { document, counts } = classifyDocument(kinds);
  const nonEmpty = kinds.length - counts.empty - counts.foreign;
  const affected = counts.stripped + counts.garbled;
  if (document === 'clean' || document === 'empty' || affected === 0) return { text: current, diacritics: 'present', diagnostics };
  const share = `${affected} of ${nonEmpty} lines (${((100 * affected) / Math.max(1, nonEmpty)).toFixed(0)}%)`;
  const what = counts.garbled > 0 ? `garbled by a Latin-only OCR or without diacritics (${counts.garbled} garbled, ${counts.stripped} stripped)` : 'without diacritics';
  if (!options.restore) {
    diagnostics.push({ severity: 'info', code: 'diacritics-stripped', message: `${share} are ${what}; left as they are (no restoration)` });
    return { text: current, diacritics: 'stripped', diagnostics };
  }
  const lines = new Set<number>();
  const garbled = document === 'garbled' || (document === 'mixed' && counts.garbled > 0);
  const lineWords = garbled ? wordsByLine(current) : [];
  kinds.forEach((k, i) => {
    // In a garbled document every line may hold garbled words; clean lines with one too.
    if (k === 'stripped' || k === 'garbled') lines.add(i + 1);
    else if (garbled && k !== 'empty' && (document === 'garbled' || lineWords[i].some((w) => /^(bad|unknown)$/.test(classifyWord(model, w.text))))) lines.add(i + 1);
  });
  if (garbled) {
    const repaired = repairGarble(current, lines);
    current = repaired.text;
    diagnostics.push(...repaired.diagnostics);
  } else {
    current = restoreWithModel(requireModel(), current, { lines, names: nameSyllables() }).text;
  }
  diagnostics.unshift({ severity: 'info', code: 'diacritics-restored', message: `${share} are ${what}; diacritics restored by the syllable model` });
  return { text: current, diacritics: 'restored', diagnostics };
}

export { decodeTcvn3, decodeVni, encodeTcvn3, encodeVni, decodeUtf8Mojibake, tcvn3Representable } from './legacy.js';
export { garbleAlternatives } from './garble.js';
export { RestoreModel, type SyllableLexicon } from './model.js';
export { loadLexicon, loadRestoreModel, modelPath, MODEL_FILE, nameSyllables, setRestoreModel } from './load.js';
export type { DocumentKind, LineKind } from './detect.js';
export { syllableKey, stripMarks, toOldStyle } from './vietnamese.js';
