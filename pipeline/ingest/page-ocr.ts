// One page image → OCR'd lines: preprocess, recognise through the worker pool, turn
// Tesseract's lines into layout lines (so paragraphs are rebuilt as for a text layer), and
// report low-confidence regions as diagnostics with the page number.
import { InputError } from '../errors.js';
import type { LayoutLine } from './layout.js';
import { OcrTimeoutError, sharedOcrPool, type OcrPool } from './ocr.js';
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
  const pool = context.pool ?? sharedOcrPool();
  const remaining = context.deadline - Date.now();
  if (remaining <= 0) throw new InputError(context.path, 'timeout', `OCR took longer than allowed (stopped before page ${context.page})`);
  let timer: NodeJS.Timeout | undefined;
  let result;
  try {
    result = await Promise.race([
      pool.recognize(prepared.image),
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
  const lines: LayoutLine[] = result.lines.map((l) => {
    const x0 = Math.min(...l.words.map((w) => w.x0));
    const x1 = Math.max(...l.words.map((w) => w.x1));
    const heights = l.words.map((w) => w.y1 - w.y0).sort((a, b) => a - b);
    return { text: l.text, y: l.y1, x0, x1, size: (heights[Math.floor(heights.length / 2)] ?? 10) * 1.4, row: l.text.split('\t').length > 2 };
  });
  // Low-confidence regions: runs of lines whose words are mostly unsure.
  const weak = result.lines
    .map((l, i) => ({ i, share: l.words.filter((w) => w.confidence < LOW_WORD_CONFIDENCE).length / l.words.length }))
    .filter((x) => x.share >= 0.5)
    .map((x) => x.i + 1);
  if (weak.length > 0) {
    diagnostics.push({
      severity: 'warning',
      code: 'ocr-low-confidence',
      page: context.page,
      message: `page ${context.page}: ${weak.length} of ${result.lines.length} lines read with low confidence (lines ${ranges(weak)} of the page)`,
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
