// PDF: pdfjs-dist (legacy build for Node 20), loaded only when a PDF comes in. Per page the
// text layer is laid out into lines (layout.ts); pages whose text layer is missing, too thin
// or garbage are OCR'd from their embedded scan at native resolution, or from a rendering.
// Standard font data, CMaps and wasm decoders are read from node_modules, never fetched.
import { createRequire } from 'node:module';
import { dirname, join } from 'node:path';
import { InputError } from '../errors.js';
import { findFurniture, type PlacedPage } from './furniture.js';
import { layoutPage, pagesToTexts, type LayoutLine, type Segment, type TextRun } from './layout.js';
import { DEFAULT_LIMITS, type IngestLimits } from './limits.js';
import { defaultWorkerCount } from './ocr.js';
import { mapLimited, ocrPage, type PageOcr } from './page-ocr.js';
import { startProgress } from './progress.js';
import { toGray, type GrayImage } from './raster.js';
import { judgeTextLayer, MIN_READABLE_SHARE, readableShare } from './quality.js';
import type { IngestDiagnostic, IngestOptions, PageText, SourceText } from './types.js';
import { repairPdfText, vietnameseMarkedShare } from './unicode.js';

type PdfJs = typeof import('pdfjs-dist/legacy/build/pdf.mjs');
type PdfDocument = Awaited<ReturnType<PdfJs['getDocument']>['promise']>;
type PdfPage = Awaited<ReturnType<PdfDocument['getPage']>>;
type Matrix = [number, number, number, number, number, number];

let pdfjsPromise: Promise<PdfJs> | null = null;
const require = createRequire(import.meta.url);

function pdfjsRoot(): string {
  return dirname(require.resolve('pdfjs-dist/package.json'));
}

/** pdf.js options for reading offline: fonts, cmaps and wasm from node_modules, no eval, no workers of the browser. */
export function documentOptions(bytes: Uint8Array) {
  const root = pdfjsRoot();
  return {
    data: new Uint8Array(bytes),
    standardFontDataUrl: join(root, 'standard_fonts') + '/',
    cMapUrl: join(root, 'cmaps') + '/',
    cMapPacked: true,
    wasmUrl: join(root, 'wasm') + '/',
    isEvalSupported: false,
    isOffscreenCanvasSupported: false,
    isImageDecoderSupported: false,
    disableFontFace: true,
    useSystemFonts: false,
    stopAtErrors: false,
    verbosity: 0,
  };
}

export function loadPdfjs(): Promise<PdfJs> {
  pdfjsPromise ??= import('pdfjs-dist/legacy/build/pdf.mjs');
  return pdfjsPromise;
}

/** The end-of-file marker must be near the end: without it the file was cut short. */
export function looksTruncated(bytes: Uint8Array): boolean {
  const tail = Buffer.from(bytes.subarray(Math.max(0, bytes.length - 4096))).toString('latin1');
  return !tail.includes('%%EOF');
}

export async function readPdf(bytes: Uint8Array, path: string | null, sha256: string, options: IngestOptions): Promise<SourceText> {
  const limits: IngestLimits = { ...DEFAULT_LIMITS, ...options.limits };
  if (looksTruncated(bytes)) {
    throw new InputError(path, 'truncated', { code: 'input.pdf-truncated' });
  }
  const pdfjs = await loadPdfjs();
  let doc: PdfDocument;
  const task = pdfjs.getDocument(documentOptions(bytes));
  try {
    doc = await task.promise;
  } catch (error) {
    await task.destroy().catch(() => undefined);
    const name = (error as { name?: string }).name;
    if (name === 'PasswordException') throw new InputError(path, 'encrypted', { code: 'input.pdf-encrypted' });
    throw new InputError(path, 'damaged-pdf', { code: 'input.pdf-damaged' }, { cause: error });
  }
  try {
    const total = doc.numPages;
    if (total > limits.maxPages && !options.pageRange) {
      throw new InputError(path, 'too-large', { code: 'input.pdf-too-many-pages', params: { pages: total, limit: limits.maxPages } });
    }
    const from = options.pageRange?.from ?? 1;
    const to = Math.min(total, options.pageRange?.to ?? total);
    if (from > total) throw new InputError(path, 'invalid', { code: 'input.no-such-page', params: { pages: total, page: from } });
    if (to - from + 1 > limits.maxPages) throw new InputError(path, 'too-large', { code: 'input.too-many-pages-asked', params: { count: to - from + 1, limit: limits.maxPages } });
    const numbers: number[] = [];
    for (let n = from; n <= to; n++) numbers.push(n);

    const diagnostics: IngestDiagnostic[] = [];
    const deadline = Date.now() + (options.timeoutMs ?? limits.timeoutMs);
    const analysed: AnalysedPage[] = [];
    for (const n of numbers) {
      const page = await doc.getPage(n);
      analysed.push(await analysePage(pdfjs, page, n));
      options.heartbeat?.();
    }
    const ocrNumbers = analysed.filter((p) => p.verdict.ocr).map((p) => p.number);
    const progress = startProgress(ocrNumbers.length, options, 'OCR');
    const ocrResults = new Map<number, PageOcr>();
    try {
      // A few pages in flight at a time: page images are large, the workers few.
      const inFlight = (options.ocrPool?.workerCount ?? defaultWorkerCount()) + 1;
      await mapLimited(
        analysed.filter((p) => p.verdict.ocr),
        inFlight,
        async (p) => {
          const page = await doc.getPage(p.number);
          const image = await pageImage(pdfjs, page, p, limits, path);
          const result = await ocrPage(image.image, image.dpi, { path, page: p.number, deadline, pool: options.ocrPool });
          ocrResults.set(p.number, result);
          progress.tick();
        },
      );
    } finally {
      progress.stop();
    }

    // A page OCR'd over a text layer keeps the layer when the OCR reads no more Vietnamese
    // words than it does (a judge that errs costs a page of OCR, never a worse text).
    for (const p of analysed) {
      const ocr = ocrResults.get(p.number);
      const layer = p.lines.map((l) => l.text).join('\n');
      if (!ocr || layer.replace(/\s+/g, '').length < 200) continue;
      const before = readableShare(layer);
      const after = readableShare(ocr.lines.map((l) => l.text).join('\n'));
      if (before !== null && after !== null && after <= before) {
        ocrResults.delete(p.number);
        diagnostics.push({ severity: 'info', code: 'text-layer-kept', page: p.number, message: `page ${p.number}: the text layer was kept, OCR read it no better` });
      }
    }

    // Running headers/footers over all pages, in page-relative coordinates.
    const placed: PlacedPage[] = analysed.map((p) => {
      const ocr = ocrResults.get(p.number);
      if (ocr) return { height: 1, lines: ocr.lines.map((l) => ({ text: l.text, y: l.y / ocr.height })) };
      return { height: p.height, lines: p.lines.map((l) => ({ text: l.text, y: l.y })) };
    });
    const furniture = findFurniture(placed);
    const pageLines = analysed.map((p, i) => {
      const ocr = ocrResults.get(p.number);
      return (ocr ? ocr.lines : p.lines).filter((_, k) => !furniture[i].has(k));
    });
    const texts = pagesToTexts(pageLines);
    const pageTexts: PageText[] = analysed.map((p, i) => {
      const ocr = ocrResults.get(p.number);
      const text = texts[i];
      if (p.verdict.reason && ocr) {
        diagnostics.push({ severity: 'info', code: 'ocr-page', page: p.number, message: `page ${p.number} was read by OCR: ${p.verdict.reason}` });
      }
      if (ocr) diagnostics.push(...ocr.diagnostics);
      return { number: p.number, text: ocr ? text.normalize('NFC') : repairPdfText(text), ocr: Boolean(ocr), ...(ocr ? { confidence: ocr.confidence } : {}) };
    });
    const anyOcr = pageTexts.some((p) => p.ocr);
    return { path, sha256, format: 'pdf', pages: total, ocr: anyOcr, pageTexts, diagnostics };
  } finally {
    await doc.destroy().catch(() => undefined);
  }
}

// ---------- page analysis

interface PlacedImage {
  objId: string;
  width: number;
  height: number;
  /** Device-space matrix (top-down page points) mapping the unit square to the image. */
  matrix: Matrix;
  /** Share of the page the image covers. */
  coverage: number;
}

interface AnalysedPage {
  number: number;
  width: number;
  height: number;
  lines: LayoutLine[];
  images: PlacedImage[];
  verdict: { ocr: boolean; reason: string | null };
}

async function analysePage(pdfjs: PdfJs, page: PdfPage, number: number): Promise<AnalysedPage> {
  const viewport = page.getViewport({ scale: 1 });
  const base = viewport.transform as Matrix;
  const content = await page.getTextContent();
  const runs: TextRun[] = [];
  for (const item of content.items) {
    if (!('str' in item)) continue;
    const m = pdfjs.Util.transform(base, item.transform) as Matrix;
    const size = Math.hypot(m[2], m[3]);
    runs.push({ text: item.str, x: m[4], y: m[5], width: item.width * (Math.hypot(base[0], base[1]) || 1), size });
  }
  // The operator list (rulings, images) costs as much as the text: it is read only for pages
  // that may hold a table (a wide gap on a line) or whose text layer is doubtful.
  let lines = layoutPage(runs, []);
  let text = lines.map((l) => l.text).join('\n');
  const chars = text.replace(/\s+/g, '').length;
  const doubtful = chars < 200 || vietnameseMarkedShare(text) < 0.05 || /[\uE000-\uF8FF\uFFFD]/u.test(text) || (readableShare(text) ?? 1) < MIN_READABLE_SHARE;
  const tableLike = lines.some((l) => l.text.includes('\t')) || runs.some((r) => r.text.trim() === '' && r.width > r.size * 2);
  let segments: Segment[] = [];
  let images: PlacedImage[] = [];
  if (doubtful || tableLike) {
    ({ segments, images } = await scanOperators(pdfjs, page, base, viewport.width * viewport.height));
    const rulings = segments.filter((s) => !spansPage(s, viewport.width, viewport.height));
    if (rulings.length > 0) {
      lines = layoutPage(runs, rulings);
      text = lines.map((l) => l.text).join('\n');
    }
  }
  const verdict = judgeTextLayer(text, {
    imageCoverage: Math.max(0, ...images.map((i) => i.coverage)),
    vectorDrawing: segments.length > 400,
  });
  return { number, width: viewport.width, height: viewport.height, lines, images, verdict };
}

function spansPage(s: Segment, width: number, height: number): boolean {
  return Math.abs(s.x2 - s.x1) > width * 0.9 || Math.abs(s.y2 - s.y1) > height * 0.9;
}

const multiply = (m: Matrix, n: Matrix): Matrix => [
  m[0] * n[0] + m[2] * n[1],
  m[1] * n[0] + m[3] * n[1],
  m[0] * n[2] + m[2] * n[3],
  m[1] * n[2] + m[3] * n[3],
  m[0] * n[4] + m[2] * n[5] + m[4],
  m[1] * n[4] + m[3] * n[5] + m[5],
];
const apply = (m: Matrix, x: number, y: number): [number, number] => [m[0] * x + m[2] * y + m[4], m[1] * x + m[3] * y + m[5]];

/** Rulings (for tables) and placed images, with the transformation matrix tracked. */
async function scanOperators(pdfjs: PdfJs, page: PdfPage, base: Matrix, pageArea: number): Promise<{ segments: Segment[]; images: PlacedImage[] }> {
  const OPS = pdfjs.OPS;
  const ops = await page.getOperatorList();
  const painting = new Set<number>([OPS.stroke, OPS.closeStroke, OPS.fill, OPS.eoFill, OPS.fillStroke, OPS.eoFillStroke, OPS.closeFillStroke, OPS.closeEOFillStroke]);
  const segments: Segment[] = [];
  const images: PlacedImage[] = [];
  let ctm: Matrix = [1, 0, 0, 1, 0, 0];
  const stack: Matrix[] = [];
  const device = () => multiply(base, ctm);
  for (let i = 0; i < ops.fnArray.length; i++) {
    const fn = ops.fnArray[i];
    const args = ops.argsArray[i] as unknown[];
    if (fn === OPS.save) stack.push(ctm);
    else if (fn === OPS.restore) ctm = stack.pop() ?? ctm;
    else if (fn === OPS.transform) ctm = multiply(ctm, args as Matrix);
    else if (fn === OPS.paintFormXObjectBegin) {
      stack.push(ctm);
      if (Array.isArray(args[0]) && (args[0] as number[]).length === 6) ctm = multiply(ctm, args[0] as Matrix);
    } else if (fn === OPS.paintFormXObjectEnd) ctm = stack.pop() ?? ctm;
    else if (fn === OPS.constructPath) {
      if (segments.length > 5000 || !painting.has(args[0] as number)) continue;
      const data = (args[1] as ArrayLike<number>[] | undefined)?.[0];
      if (!data) continue;
      pathSegments(data, device(), segments);
    } else if (fn === OPS.paintImageXObject || fn === OPS.paintInlineImageXObject) {
      const m = device();
      const area = Math.abs(m[0] * m[3] - m[1] * m[2]);
      const objId = fn === OPS.paintImageXObject ? (args[0] as string) : '';
      const width = fn === OPS.paintImageXObject ? (args[1] as number) : ((args[0] as { width?: number })?.width ?? 0);
      const height = fn === OPS.paintImageXObject ? (args[2] as number) : ((args[0] as { height?: number })?.height ?? 0);
      images.push({ objId, width, height, matrix: m, coverage: area / pageArea });
    }
  }
  return { segments, images };
}

function pathSegments(data: ArrayLike<number>, m: Matrix, out: Segment[]): void {
  let i = 0;
  let start: [number, number] | null = null;
  let last: [number, number] | null = null;
  while (i < data.length) {
    const op = data[i++];
    if (op === 0) {
      last = apply(m, data[i], data[i + 1]);
      start = last;
      i += 2;
    } else if (op === 1) {
      const p = apply(m, data[i], data[i + 1]);
      if (last) out.push({ x1: last[0], y1: last[1], x2: p[0], y2: p[1] });
      last = p;
      i += 2;
    } else if (op === 2) {
      last = apply(m, data[i + 4], data[i + 5]);
      i += 6;
    } else if (op === 3) {
      last = apply(m, data[i + 2], data[i + 3]);
      i += 4;
    } else if (op === 4) {
      if (last && start) out.push({ x1: last[0], y1: last[1], x2: start[0], y2: start[1] });
      last = start;
    } else break;
  }
}

// ---------- page images for OCR

async function pageImage(pdfjs: PdfJs, page: PdfPage, analysed: AnalysedPage, limits: IngestLimits, path: string | null): Promise<{ image: GrayImage; dpi: number | null }> {
  const scan = [...analysed.images].sort((a, b) => b.coverage - a.coverage)[0];
  if (scan && scan.coverage > 0.5 && scan.objId && Math.abs(scan.matrix[1]) < 1e-6 && Math.abs(scan.matrix[2]) < 1e-6) {
    if (scan.width * scan.height > limits.maxPixels) {
      throw new InputError(path, 'too-large', {
        code: 'input.page-image-too-large',
        params: { page: analysed.number, width: scan.width, height: scan.height, limit: Math.round(limits.maxPixels / 1e6) },
      });
    }
    const native = await embeddedImage(page, scan.objId);
    if (native) {
      let image = native;
      // In device space (y down) an upright image has matrix[3] < 0 (unit square flipped).
      if (scan.matrix[0] < 0) image = flip(image, 'x');
      if (scan.matrix[3] > 0) image = flip(image, 'y');
      const placedWidthInches = Math.abs(scan.matrix[0]) / 72;
      return { image, dpi: placedWidthInches > 0 ? image.width / placedWidthInches : null };
    }
  }
  // Render the page at 300 dpi (less if that would exceed the pixel limit).
  let scale = 300 / 72;
  const base = page.getViewport({ scale: 1 });
  const maxPixels = Math.min(limits.maxPixels, 40e6);
  if (base.width * base.height * scale * scale > maxPixels) scale = Math.sqrt(maxPixels / (base.width * base.height));
  const viewport = page.getViewport({ scale });
  const { createCanvas } = await import('@napi-rs/canvas');
  const canvas = createCanvas(Math.ceil(viewport.width), Math.ceil(viewport.height));
  const context = canvas.getContext('2d');
  context.fillStyle = '#ffffff';
  context.fillRect(0, 0, canvas.width, canvas.height);
  await page.render({ canvasContext: context as never, canvas: canvas as never, viewport }).promise;
  const pixels = context.getImageData(0, 0, canvas.width, canvas.height);
  void pdfjs;
  return { image: toGray(canvas.width, canvas.height, pixels.data, 'rgba'), dpi: scale * 72 };
}

async function embeddedImage(page: PdfPage, objId: string): Promise<GrayImage | null> {
  const objs = objId.startsWith('g_') ? page.commonObjs : page.objs;
  const image = await new Promise<unknown>((resolve) => {
    try {
      objs.get(objId, resolve);
    } catch {
      resolve(null);
    }
  });
  const img = image as { width: number; height: number; kind?: number; data?: Uint8Array | Uint8ClampedArray } | null;
  if (!img || !img.data || !img.width || !img.height) return null;
  const kind = img.kind === 1 ? 'gray1' : img.kind === 2 ? 'rgb' : img.kind === 3 ? 'rgba' : null;
  if (!kind) return null;
  return toGray(img.width, img.height, img.data, kind);
}

function flip(image: GrayImage, axis: 'x' | 'y'): GrayImage {
  const { width, height, data } = image;
  const out = new Uint8Array(data.length);
  for (let y = 0; y < height; y++) {
    for (let x = 0; x < width; x++) {
      const sx = axis === 'x' ? width - 1 - x : x;
      const sy = axis === 'y' ? height - 1 - y : y;
      out[y * width + x] = data[sy * width + sx];
    }
  }
  return { width, height, data: out };
}

/**
 * The OCR input of each page of a PDF (embedded scan at native resolution, or a rendering)
 * without recognising it: for the benchmark and for tests.
 */
export async function pdfPageImages(bytes: Uint8Array, numbers?: number[]): Promise<{ number: number; image: GrayImage; dpi: number | null }[]> {
  const pdfjs = await loadPdfjs();
  const doc = await pdfjs.getDocument(documentOptions(bytes)).promise;
  try {
    const out: { number: number; image: GrayImage; dpi: number | null }[] = [];
    for (const n of numbers ?? Array.from({ length: doc.numPages }, (_, i) => i + 1)) {
      const page = await doc.getPage(n);
      const analysed = await analysePage(pdfjs, page, n);
      const { image, dpi } = await pageImage(pdfjs, page, analysed, DEFAULT_LIMITS, null);
      out.push({ number: n, image, dpi });
    }
    return out;
  } finally {
    await doc.destroy();
  }
}
