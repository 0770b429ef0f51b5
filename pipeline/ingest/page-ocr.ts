// One page image → OCR'd lines: preprocess, recognise through the worker pool, turn
// Tesseract's lines into layout lines (so paragraphs are rebuilt as for a text layer), and
// report low-confidence regions as diagnostics with the page number.
import { InputError } from '../errors.js';
import { layoutPage, tableRegions, type LayoutLine, type Segment, type TextRun } from './layout.js';
import { detectRulings } from './rulings.js';
import { joinWords, OcrTimeoutError, sharedOcrPool, type OcrLine, type OcrPool, type OcrWord } from './ocr.js';
import { inkShare, preprocess, type GrayImage } from './raster.js';
import type { IngestDiagnostic } from './types.js';
import { correctOcrWords, DEFAULT_CHANNEL, type OcrChannel } from '../diacritics/ocr-correct.js';
import { loadLexicon, loadRestoreModel } from '../diacritics/load.js';
import { isWellFormedSyllable, toOldStyle } from '../diacritics/vietnamese.js';

export interface PageOcr {
  lines: LayoutLine[];
  /** Image height in pixels (the unit of `lines[].y`). */
  height: number;
  confidence: number;
  diagnostics: IngestDiagnostic[];
}

/** Words under this confidence are "low confidence". */
const LOW_WORD_CONFIDENCE = 60;

export interface PageOcrContext {
  path: string | null;
  page: number;
  /** Epoch milliseconds after which the file's OCR is abandoned. */
  deadline: number;
  pool?: OcrPool;
}

export async function ocrPage(image: GrayImage, dpi: number | null, context: PageOcrContext): Promise<PageOcr> {
  const diagnostics: IngestDiagnostic[] = [];
  if (inkShare(image) < 0.002) {
    diagnostics.push({ severity: 'warning', code: 'blank-page', page: context.page, message: `page ${context.page} looks blank: nothing to read` });
    return { lines: [], height: image.height, confidence: 0, diagnostics };
  }
  const prepared = preprocess(image, dpi);
  if (prepared.deskew !== 0) {
    diagnostics.push({ severity: 'info', code: 'ocr-deskew', page: context.page, message: `page ${context.page} was straightened by ${prepared.deskew.toFixed(2)}°` });
  }
  // Ruled tables: their rulings are found first and erased before recognition (Tesseract reads
  // a cell border as "|", "(" or "¡"); the words are then placed in the cells.
  const rulings = detectRulings(prepared.image);
  const tables = rulings.length >= 4 ? tableRegions(rulings) : [];
  const tableRulings = rulings.filter((r) => tables.some((t) => Math.min(r.x1, r.x2) >= t.left - 3 && Math.max(r.x1, r.x2) <= t.right + 3 && Math.min(r.y1, r.y2) >= t.top - 3 && Math.max(r.y1, r.y2) <= t.bottom + 3));
  // The horizontal rulings are erased before recognition: between two of them Tesseract may
  // read nothing of a row. The vertical ones are kept (erasing them lets it merge the lines of
  // neighbouring cells); the marks it reads them as are dropped in ocrLayout.
  const horizontalRulings = tableRulings.filter((r) => Math.abs(r.y2 - r.y1) < Math.abs(r.x2 - r.x1));
  const tableless = horizontalRulings.length > 0 ? eraseRulings(prepared.image, horizontalRulings) : prepared.image;
  const pool = context.pool ?? sharedOcrPool();
  const remaining = context.deadline - Date.now();
  if (remaining <= 0) throw new InputError(context.path, 'timeout', `OCR took longer than allowed (stopped before page ${context.page})`);
  let timer: NodeJS.Timeout | undefined;
  let result;
  try {
    result = await Promise.race([
      pool.recognize(tableless),
      new Promise<never>((_, reject) => {
        timer = setTimeout(() => reject(new OcrTimeoutError('timeout')), remaining);
      }),
    ]);
  } catch (error) {
    if (error instanceof OcrTimeoutError) {
      await pool.close();
      throw new InputError(context.path, 'timeout', error.message === 'timeout' ? `OCR took longer than allowed (page ${context.page})` : error.message);
    }
    throw error;
  } finally {
    clearTimeout(timer);
  }
  // Specks read as words: far lower than the page's words ("~x", "^", "`." from the dots of
  // diacritics cut off by a ruling).
  const heights = result.lines.flatMap((l) => l.words.map((w) => w.y1 - w.y0)).sort((a, b) => a - b);
  const typical = heights[Math.floor(heights.length / 2)] ?? 0;
  const ocrLines: OcrLine[] = result.lines
    .map((l) => {
      // (Dashes and pluses are low by nature: list bullets, "2021 - 2030".)
      const words = l.words.filter((w) => w.y1 - w.y0 >= typical * 0.4 || /^[\p{L}\p{N}]{2,}$/u.test(w.text) || /^[-–—+•=]+[.,;:]?$/u.test(w.text));
      return words.length === l.words.length ? l : { ...l, words, text: joinWords(words) };
    })
    .filter((l) => l.words.length > 0)
    .map((l) => {
      const words = l.words.filter((w) => !isNoise(w)).map(splitGluedNumber);
      return words.length === l.words.length && words.every((w, k) => w === l.words[k]) ? l : { ...l, words, text: joinWords(words) };
    })
    .filter((l) => l.words.length > 0);
  correctMarks(ocrLines);
  splitColumns(ocrLines, prepared.image.width);
  // A line of nothing but marks ("|", "_", "'") is a ruling, a border or a speck read as text.
  const lines = ocrLayout(ocrLines, tableRulings).filter((l) => !/^[\s|¡!'‘’()[\]_.,:;~`\-–—=]*$/u.test(l.text));
  // Low-confidence regions: runs of lines whose words are mostly unsure.
  const weak = ocrLines
    .map((l, i) => ({ i, share: l.words.filter((w) => w.confidence < LOW_WORD_CONFIDENCE).length / l.words.length }))
    .filter((x) => x.share >= 0.5)
    .map((x) => x.i + 1);
  if (weak.length > 0) {
    diagnostics.push({
      severity: 'warning',
      code: 'ocr-low-confidence',
      page: context.page,
      message: `page ${context.page}: ${weak.length} of ${ocrLines.length} lines read with low confidence (lines ${ranges(weak)} of the page)`,
    });
  }
  return { lines, height: prepared.image.height, confidence: Math.round(result.confidence * 10) / 10, diagnostics };
}

/**
 * Two columns side by side (the header of an administrative document: issuing body, number and
 * subject on the left; Quốc hiệu, Tiêu ngữ, place and date on the right) are read as one line
 * with a TAB between them when the gap is wide. Where it is not (a long centred Quốc hiệu close
 * to the left column), the line is split where its two parts are centred on the columns the
 * other lines of the block show, so that every line of the block has its TAB.
 */
export function splitColumns(lines: OcrLine[], pageWidth: number): void {
  const cells = (l: OcrLine) => l.text.split('\t');
  const centre = (ws: OcrWord[]) => (Math.min(...ws.map((w) => w.x0)) + Math.max(...ws.map((w) => w.x1))) / 2;
  // Lines of two cells: the words left and right of the column gap.
  const parts = (l: OcrLine): [OcrWord[], OcrWord[]] | null => {
    if (cells(l).length !== 2) return null;
    const sorted = [...l.words].sort((a, b) => a.x0 - b.x0);
    let best = -1;
    let widest = -Infinity;
    for (let k = 1; k < sorted.length; k++) {
      const gap = sorted[k].x0 - sorted[k - 1].x1;
      if (gap > widest) {
        widest = gap;
        best = k;
      }
    }
    return best > 0 ? [sorted.slice(0, best), sorted.slice(best)] : null;
  };
  const tolerance = pageWidth * 0.05;
  for (let i = 0; i < lines.length; i++) {
    if (cells(lines[i]).length !== 1 || lines[i].words.length < 2) continue;
    // Two-cell lines just below (or above) this one, in the same block.
    const neighbours = [lines[i + 1], lines[i + 2], lines[i - 1], lines[i - 2]].filter((l): l is OcrLine => l !== undefined).map(parts).filter((p) => p !== null);
    if (neighbours.length < 2) continue;
    const left = neighbours.map((p) => centre(p[0]));
    const right = neighbours.map((p) => centre(p[1]));
    const spread = (xs: number[]) => Math.max(...xs) - Math.min(...xs);
    if (spread(left) > tolerance || spread(right) > tolerance) continue;
    const cl = left.reduce((a, b) => a + b, 0) / left.length;
    const cr = right.reduce((a, b) => a + b, 0) / right.length;
    const sorted = [...lines[i].words].sort((a, b) => a.x0 - b.x0);
    let best = -1;
    let bestError = Infinity;
    for (let k = 1; k < sorted.length; k++) {
      if (sorted[k].x0 <= sorted[k - 1].x1) continue;
      const error = Math.abs(centre(sorted.slice(0, k)) - cl) + Math.abs(centre(sorted.slice(k)) - cr);
      if (error < bestError) {
        bestError = error;
        best = k;
      }
    }
    if (best < 0 || bestError > tolerance) continue;
    const text = joinWords(sorted.slice(0, best)).replace(/\t/g, ' ') + '\t' + joinWords(sorted.slice(best)).replace(/\t/g, ' ');
    lines[i] = { ...lines[i], text };
  }
}

/**
 * A number read glued to the Vietnamese word after it ("26tháng" for "26 tháng"): the space is
 * put back. Only before a word with Vietnamese marks, so codes and units ("5G", "H5N1", "20kV")
 * stay as they are.
 */
export function splitGluedNumber(word: OcrWord): OcrWord {
  const m = /^(\d+)(\p{L}{2,}[.,;:]?)$/u.exec(word.text.normalize('NFC'));
  if (!m || !/[^\u0000-\u007f]/.test(m[2])) return word;
  return { ...word, text: `${m[1]} ${m[2]}` };
}

/** Words read with less confidence than this may be noise (a stamp, a signature, a speck). */
const NOISE_CONFIDENCE = 40;

/**
 * A word the engine made of a stamp, a signature or a smudge: read with little confidence and
 * no word at all — marks that write no letter ("\\4_——", "\"HH"), or lower-case letters (with
 * digits or not) that spell no Vietnamese syllable ("noe22", "coz"). Numbers, capitals (codes,
 * abbreviations) and syllables are kept however unsure the engine was: a number read at
 * confidence 12 is still the number of the document.
 */
export function isNoise(word: OcrWord): boolean {
  if (!(word.confidence < NOISE_CONFIDENCE)) return false;
  const core = word.text.normalize('NFC').replace(/^[([“"'‘]+|[)\]”"'’.,;:!?]+$/gu, '');
  if (core === '') return false;
  if (/^[\p{N}.,/%-]+$/u.test(core)) return false;
  if (!/^[-/]?[\p{L}\p{N}]+([-/.][\p{L}\p{N}]+)*$/u.test(core)) return /[\p{L}\p{N}]/u.test(core) || /[\\_$^~`|]/.test(core);
  // Capitals (abbreviations, codes) and document symbols ("/SGDĐT-CTrTT", "4869/UBND-SYT").
  if (/^[\p{Lu}\p{N}]+([-/.][\p{Lu}\p{N}]+)*$/u.test(core) || (/[-/]/.test(core) && /\p{Lu}/u.test(core))) return false;
  const lexicon = loadLexicon();
  if (!lexicon) return false;
  const lower = toOldStyle(core.toLowerCase());
  if (/^[a-z]+$/.test(lower)) return !lexicon.candidates.has(lower);
  return !(isWellFormedSyllable(lower) && lexicon.idOf.has(lower));
}

/**
 * For measuring and tuning: THIDUA_OCR_CHANNEL='{"toneOnHat":2}' overrides channel costs,
 * THIDUA_OCR_CHANNEL=off turns the post-correction off (docs/scans.md's "before" figures).
 */
function channel(): OcrChannel {
  const env = process.env.THIDUA_OCR_CHANNEL;
  if (env === 'off') return { ...DEFAULT_CHANNEL, trusted: -1 };
  if (!env) return DEFAULT_CHANNEL;
  try {
    return { ...DEFAULT_CHANNEL, ...(JSON.parse(env) as Partial<OcrChannel>) };
  } catch {
    return DEFAULT_CHANNEL;
  }
}

/**
 * OCR post-correction of the marks (pipeline/diacritics/ocr-correct.ts), in place: the words of
 * the page in reading order, the model's context restarting at a column gap.
 */
export function correctMarks(lines: OcrLine[]): void {
  const model = loadRestoreModel();
  if (!model) return;
  const words: { text: string; confidence: number; breakBefore: boolean }[] = [];
  const refs: { line: number; word: number }[] = [];
  lines.forEach((line, i) => {
    const sorted = [...line.words].sort((a, b) => a.x0 - b.x0);
    const heights = line.words.map((w) => w.y1 - w.y0).sort((a, b) => a - b);
    const em = heights[Math.floor(heights.length / 2)] || 1;
    let end = -Infinity;
    for (const w of sorted) {
      words.push({ text: w.text, confidence: w.confidence, breakBefore: w.x0 - end > em * 2.6 && end !== -Infinity });
      refs.push({ line: i, word: line.words.indexOf(w) });
      end = w.x1;
    }
  });
  const { texts, corrections } = correctOcrWords(model, words, channel());
  if (corrections.length === 0) return;
  const touched = new Set<number>();
  for (const c of corrections) {
    const ref = refs[c.word];
    const line = lines[ref.line];
    line.words[ref.word] = { ...line.words[ref.word], text: texts[c.word] };
    touched.add(ref.line);
  }
  for (const i of touched) lines[i] = { ...lines[i], text: joinWords(lines[i].words) };
}

function ranges(numbers: number[]): string {
  const out: string[] = [];
  let start = numbers[0];
  let prev = numbers[0];
  for (const n of [...numbers.slice(1), NaN]) {
    if (n === prev + 1) {
      prev = n;
      continue;
    }
    out.push(start === prev ? `${start}` : `${start}–${prev}`);
    start = n;
    prev = n;
  }
  return out.join(', ');
}

/** Runs `fn` over `items` with at most `limit` calls in flight; results in input order. */
export async function mapLimited<T, R>(items: T[], limit: number, fn: (item: T, index: number) => Promise<R>): Promise<R[]> {
  const results = new Array<R>(items.length);
  let next = 0;
  const lanes = Array.from({ length: Math.max(1, Math.min(limit, items.length)) }, async () => {
    while (next < items.length) {
      const i = next++;
      results[i] = await fn(items[i], i);
    }
  });
  await Promise.all(lanes);
  return results;
}

/**
 * OCR lines → layout lines. Outside ruled tables Tesseract's lines are kept; the words inside a
 * table found from the image's rulings are laid out by cell, one line per row with TABs, as
 * for a PDF's text layer.
 */
export function ocrLayout(ocrLines: OcrLine[], rulings: Segment[]): LayoutLine[] {
  const toLine = (l: OcrLine): LayoutLine => {
    const heights = l.words.map((w) => w.y1 - w.y0).sort((a, b) => a - b);
    const x0 = Math.min(...l.words.map((w) => w.x0));
    const x1 = Math.max(...l.words.map((w) => w.x1));
    return { text: l.text, y: l.y1, x0, x1, size: (heights[Math.floor(heights.length / 2)] ?? 10) * 1.4, row: l.text.split('\t').length > 2 };
  };
  const tables = rulings.length >= 4 ? tableRegions(rulings) : [];
  if (tables.length === 0) return ocrLines.map(toLine);
  const inside = (x: number, y: number) => tables.some((t) => x > t.left && x < t.right && y > t.top && y < t.bottom);
  const verticals = rulings.filter((r) => Math.abs(r.x2 - r.x1) < 2).map((r) => r.x1);
  const free: LayoutLine[] = [];
  const runs: TextRun[] = [];
  for (const line of ocrLines) {
    const words = line.words.filter((w) => inside((w.x0 + w.x1) / 2, (w.y0 + w.y1) / 2));
    if (words.length === 0) {
      free.push(toLine(line));
      continue;
    }
    for (const w of words) {
      const text = stripBorderArtifacts(w, verticals);
      if (text !== '') runs.push({ text, x: w.x0, y: w.y1, width: w.x1 - w.x0, size: Math.max(8, (w.y1 - w.y0) * 1.2) });
    }
    const rest = line.words.filter((w) => !words.includes(w));
    if (rest.length > 0) free.push(toLine({ ...line, words: rest, text: rest.map((w) => w.text).join(' ') }));
  }
  const rows = repairRowNumbers(layoutPage(runs, rulings));
  return [...free, ...rows].sort((a, b) => a.y - b.y || a.x0 - b.x0);
}

/** A copy of the image with the rulings painted white (2 px either side of each). */
export function eraseRulings(image: GrayImage, rulings: Segment[]): GrayImage {
  const data = new Uint8Array(image.data);
  const { width, height } = image;
  for (const r of rulings) {
    const horizontal = Math.abs(r.y2 - r.y1) < Math.abs(r.x2 - r.x1);
    const x0 = Math.max(0, Math.floor(Math.min(r.x1, r.x2) - (horizontal ? 0 : 2)));
    const x1 = Math.min(width - 1, Math.ceil(Math.max(r.x1, r.x2) + (horizontal ? 0 : 2)));
    const y0 = Math.max(0, Math.floor(Math.min(r.y1, r.y2) - (horizontal ? 2 : 0)));
    const y1 = Math.min(height - 1, Math.ceil(Math.max(r.y1, r.y2) + (horizontal ? 2 : 0)));
    for (let y = y0; y <= y1; y++) data.fill(255, y * width + x0, y * width + x1 + 1);
  }
  return { width, height, data };
}

/** Characters Tesseract makes of a cell border. */
const BORDER_MARKS = /^[|¡!'‘’(\[\]_.,:;ỉïÌÍ]+$/u;

/**
 * A word's text without the marks a cell border next to it was read as: a word that is only
 * such marks and touches a border is dropped; marks at the end that touches a border go.
 */
export function stripBorderArtifacts(word: OcrWord, verticals: number[]): string {
  // Within the cell padding (about 1.5 mm) of a border.
  const reach = Math.max(8, (word.y1 - word.y0) * 0.8);
  const near = (x: number) => verticals.some((v) => Math.abs(v - x) <= reach);
  const touches = verticals.some((v) => v >= word.x0 - reach && v <= word.x1 + reach);
  if (!touches) return word.text;
  if (BORDER_MARKS.test(word.text)) return '';
  let text = word.text;
  if (near(word.x0)) text = text.replace(/^[|¡!'‘’\[_.,]+/u, '').replace(/^\((?![^)]*\))/u, '');
  if (near(word.x1)) text = text.replace(/[|¡!'‘’\]_]+$/u, '');
  return text;
}

/**
 * The number column (STT) of an OCR'd table: a single digit in a narrow cell next to its
 * border is often misread ("7" → "ÿj"). A first cell that is not a number between rows
 * numbered k-1 and k+1 is k.
 */
export function repairRowNumbers(rows: LayoutLine[]): LayoutLine[] {
  const first = (l: LayoutLine) => l.text.split('\t')[0];
  return rows.map((row, i) => {
    if (!row.row || i === 0 || i === rows.length - 1 || /^\d{1,3}\.?$/.test(first(row))) return row;
    const before = Number.parseInt(first(rows[i - 1]), 10);
    const after = Number.parseInt(first(rows[i + 1]), 10);
    if (!/^\d{1,3}\.?$/.test(first(rows[i - 1])) || !/^\d{1,3}\.?$/.test(first(rows[i + 1])) || after !== before + 2) return row;
    if (first(row).length > 4) return row;
    const cells = row.text.split('\t');
    cells[0] = String(before + 1);
    return { ...row, text: cells.join('\t') };
  });
}
