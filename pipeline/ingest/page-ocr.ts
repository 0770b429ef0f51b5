// One page image → OCR'd lines: preprocess, recognise through the worker pool, turn
// Tesseract's lines into layout lines (so paragraphs are rebuilt as for a text layer), and
// report low-confidence regions as diagnostics with the page number.
import { InputError } from '../errors.js';
import { layoutPage, tableRegions, type LayoutLine, type Segment, type TextRun } from './layout.js';
import { detectRulings } from './rulings.js';
import { joinWords, OcrTimeoutError, sharedOcrPool, type OcrLine, type OcrPool, type OcrWord } from './ocr.js';
import { inkShare, preprocess, type GrayImage } from './raster.js';
import type { IngestDiagnostic } from './types.js';

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
  if (remaining <= 0) throw new InputError(context.path, 'timeout', { code: 'input.ocr-timeout-before', params: { page: context.page } });
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
      throw new InputError(
        context.path,
        'timeout',
        error.message === 'timeout' ? { code: 'input.ocr-timeout', params: { page: context.page } } : { code: 'input.ocr-start-timeout', params: { seconds: error.seconds } },
      );
    }
    if (error instanceof InputError) throw error;
    // The engine failed on this page (a worker error, an image it could not take).
    throw new InputError(context.path, 'ocr-failed', { code: 'input.ocr-failed', params: { page: context.page } }, { cause: error });
  } finally {
    clearTimeout(timer);
  }
  // Specks read as words: far lower than the page's words ("~x", "^", "`." from the dots of
  // diacritics cut off by a ruling).
  const heights = result.lines.flatMap((l) => l.words.map((w) => w.y1 - w.y0)).sort((a, b) => a - b);
  const typical = heights[Math.floor(heights.length / 2)] ?? 0;
  const ocrLines = result.lines
    .map((l) => {
      // (Dashes and pluses are low by nature: list bullets, "2021 - 2030".)
      const words = l.words.filter((w) => w.y1 - w.y0 >= typical * 0.4 || /^[\p{L}\p{N}]{2,}$/u.test(w.text) || /^[-–—+•=]+[.,;:]?$/u.test(w.text));
      return words.length === l.words.length ? l : { ...l, words, text: joinWords(words) };
    })
    .filter((l) => l.words.length > 0);
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
