// Images (a scan or a phone photo of a printed page): PNG, JPEG and WebP decoded with
// @napi-rs/canvas, TIFF (multi-page, CCITT G4, LZW …) with utif2; every page is OCR'd.
import { spawnSync } from 'node:child_process';
import { existsSync } from 'node:fs';
import { createRequire } from 'node:module';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { InputError } from '../errors.js';
import { pagesToTexts } from './layout.js';
import { DEFAULT_LIMITS } from './limits.js';
import { defaultWorkerCount } from './ocr.js';
import { mapLimited, ocrPage, type PageOcr } from './page-ocr.js';
import { startProgress } from './progress.js';
import { toGray, type GrayImage } from './raster.js';
import type { IngestDiagnostic, IngestOptions, PageText, SourceText } from './types.js';
import { findFurniture } from './furniture.js';

const require = createRequire(import.meta.url);

export interface DecodedPage {
  image: GrayImage;
  dpi: number | null;
}

type ImageKind = 'png' | 'jpeg' | 'tiff' | 'webp';

export async function readImage(kind: ImageKind, bytes: Uint8Array, path: string | null, sha256: string, options: IngestOptions): Promise<SourceText> {
  const limits = { ...DEFAULT_LIMITS, ...options.limits };
  const first = options.pageRange?.from ?? 1;
  if (kind !== 'tiff' && first > 1) throw new InputError(path, 'invalid', { code: 'input.image-one-page', params: { page: first } });
  // Pages are decoded as OCR reaches them (a long TIFF is never all in memory at once).
  const pages = kind === 'tiff' ? tiffPageLoaders(bytes, path, limits.maxPixels, limits.maxPages, options.pageRange) : [async () => rasterImage(kind, bytes, path, limits.maxPixels)];
  const total = kind === 'tiff' ? pages.length + first - 1 : 1;
  const deadline = Date.now() + (options.timeoutMs ?? limits.timeoutMs);
  const progress = startProgress(pages.length, options, 'OCR');
  let results: PageOcr[];
  try {
    results = await mapLimited(pages, (options.ocrPool?.workerCount ?? defaultWorkerCount()) + 1, async (load, i) => {
      const p = await load();
      options.heartbeat?.();
      const r = await ocrPage(p.image, p.dpi, { path, page: first + i, deadline, pool: options.ocrPool });
      progress.tick();
      return r;
    });
  } finally {
    progress.stop();
  }
  const furniture = findFurniture(results.map((r) => ({ height: 1, lines: r.lines.map((l) => ({ text: l.text, y: l.y / r.height })) })));
  const diagnostics: IngestDiagnostic[] = results.flatMap((r) => r.diagnostics);
  const texts = pagesToTexts(results.map((r, i) => r.lines.filter((_, k) => !furniture[i].has(k))));
  const pageTexts: PageText[] = results.map((r, i) => ({
    number: first + i,
    text: texts[i].normalize('NFC'),
    ocr: true,
    confidence: r.confidence,
  }));
  if (pageTexts.every((p) => p.text.trim() === '')) {
    throw new InputError(path, 'no-text', { code: 'input.no-text-ocr' });
  }
  return { path, sha256, format: 'image', pages: total, ocr: true, pageTexts, diagnostics };
}

/** The pages of an image file as grayscale rasters with their resolution (no OCR). */
export async function decodeImagePages(kind: ImageKind, bytes: Uint8Array, path: string | null, options: IngestOptions = {}): Promise<DecodedPage[]> {
  const limits = { ...DEFAULT_LIMITS, ...options.limits };
  if (kind !== 'tiff') return [await rasterImage(kind, bytes, path, limits.maxPixels)];
  const out: DecodedPage[] = [];
  for (const load of tiffPageLoaders(bytes, path, limits.maxPixels, limits.maxPages, options.pageRange)) out.push(await load());
  return out;
}

/** Width and height from the file header, before any decoding (PNG IHDR, JPEG SOF). */
export function headerSize(kind: ImageKind, bytes: Uint8Array): { width: number; height: number } | null {
  const buf = Buffer.from(bytes.buffer, bytes.byteOffset, bytes.byteLength);
  if (kind === 'png' && buf.length >= 24) return { width: buf.readUInt32BE(16), height: buf.readUInt32BE(20) };
  if (kind === 'jpeg') {
    let i = 2;
    while (i + 9 < buf.length) {
      if (buf[i] !== 0xff) return null;
      const marker = buf[i + 1];
      if (marker === 0xd8 || (marker >= 0xd0 && marker <= 0xd7) || marker === 0x01) {
        i += 2;
        continue;
      }
      const len = buf.readUInt16BE(i + 2);
      if (marker >= 0xc0 && marker <= 0xcf && marker !== 0xc4 && marker !== 0xc8 && marker !== 0xcc) {
        return { height: buf.readUInt16BE(i + 5), width: buf.readUInt16BE(i + 7) };
      }
      i += 2 + len;
    }
  }
  return null;
}

/** Resolution in dots per inch from PNG pHYs or JPEG JFIF, when the file says. */
export function headerDpi(kind: ImageKind, bytes: Uint8Array): number | null {
  const buf = Buffer.from(bytes.buffer, bytes.byteOffset, bytes.byteLength);
  if (kind === 'png') {
    let i = 8;
    while (i + 12 <= buf.length) {
      const len = buf.readUInt32BE(i);
      const type = buf.toString('latin1', i + 4, i + 8);
      if (type === 'pHYs' && len >= 9 && buf[i + 16] === 1) return Math.round(buf.readUInt32BE(i + 8) * 0.0254);
      if (type === 'IDAT' || type === 'IEND') break;
      i += 12 + len;
    }
  }
  if (kind === 'jpeg' && buf.toString('latin1', 6, 11) === 'JFIF\0') {
    const units = buf[13];
    const x = buf.readUInt16BE(14);
    if (units === 1 && x > 1) return x;
    if (units === 2 && x > 1) return Math.round(x * 2.54);
  }
  return null;
}

/** A page photographed or scanned without a resolution: assume it is an A4 page's width. */
function guessDpi(width: number, height: number): number {
  const portraitWidth = Math.min(width, height);
  return Math.round(portraitWidth / 8.27);
}

/**
 * The headers a decoder needs are all there: PNG up to its first image data chunk, JPEG up to
 * its start of scan, WebP its first image chunk. The canvas decoder (Skia) crashes the process
 * on a file cut inside its headers, so such a file is refused before it is handed over.
 */
export function headersComplete(kind: 'png' | 'jpeg' | 'webp', bytes: Uint8Array): boolean {
  const buf = Buffer.from(bytes.buffer, bytes.byteOffset, bytes.byteLength);
  if (kind === 'png') {
    let i = 8;
    while (i + 8 <= buf.length) {
      const len = buf.readUInt32BE(i);
      const type = buf.toString('latin1', i + 4, i + 8);
      if (type === 'IDAT') return i + 8 < buf.length;
      if (i + 12 + len > buf.length) return false;
      i += 12 + len;
    }
    return false;
  }
  if (kind === 'jpeg') {
    let i = 2;
    while (i + 4 <= buf.length) {
      if (buf[i] !== 0xff) return false;
      const marker = buf[i + 1];
      if (marker === 0xff) {
        i++;
        continue;
      }
      if (marker === 0xd8 || marker === 0x01 || (marker >= 0xd0 && marker <= 0xd7)) {
        i += 2;
        continue;
      }
      const len = buf.readUInt16BE(i + 2);
      if (len < 2 || i + 2 + len > buf.length) return false;
      if (marker === 0xda) return i + 2 + len < buf.length;
      i += 2 + len;
    }
    return false;
  }
  // WebP: RIFF header, then a VP8 / VP8L / VP8X chunk with its header.
  return buf.length >= 30 && buf.toString('latin1', 12, 15) === 'VP8';
}

async function rasterImage(kind: 'png' | 'jpeg' | 'webp', bytes: Uint8Array, path: string | null, maxPixels: number): Promise<DecodedPage> {
  if (!headersComplete(kind, bytes)) throw new InputError(path, 'damaged-image', { code: 'input.image-damaged', params: { format: kind.toUpperCase() } });
  const size = headerSize(kind, bytes);
  if (size && size.width * size.height > maxPixels) {
    throw new InputError(path, 'too-large', { code: 'input.image-too-large', params: { width: size.width, height: size.height, limit: Math.round(maxPixels / 1e6) } });
  }
  if (kind === 'jpeg') return jpegImage(bytes, path, maxPixels);
  const { loadImage, createCanvas } = await import('@napi-rs/canvas');
  let img;
  try {
    img = await loadImage(Buffer.from(bytes));
  } catch (error) {
    throw new InputError(path, 'damaged-image', { code: 'input.image-damaged', params: { format: kind.toUpperCase() } }, { cause: error });
  }
  if (img.width * img.height > maxPixels) throw new InputError(path, 'too-large', { code: 'input.image-too-large', params: { width: img.width, height: img.height, limit: Math.round(maxPixels / 1e6) } });
  if (img.width < 16 || img.height < 16) throw new InputError(path, 'no-text', { code: 'input.image-too-small', params: { width: img.width, height: img.height } });
  const canvas = createCanvas(img.width, img.height);
  const context = canvas.getContext('2d');
  context.fillStyle = '#ffffff';
  context.fillRect(0, 0, img.width, img.height);
  context.drawImage(img, 0, 0);
  const data = context.getImageData(0, 0, img.width, img.height).data;
  return { image: toGray(img.width, img.height, data, 'rgba'), dpi: headerDpi(kind, bytes) ?? guessDpi(img.width, img.height) };
}

/** The compiled JPEG child (./jpeg-child.ts), also when this module runs from source. */
function jpegChildScript(): string | null {
  const here = dirname(fileURLToPath(import.meta.url));
  const sibling = join(here, 'jpeg-child.js');
  if (existsSync(sibling)) return sibling;
  const fromSource = join(here, '..', '..', 'dist', 'pipeline', 'ingest', 'jpeg-child.js');
  return existsSync(fromSource) ? fromSource : null;
}

/**
 * A JPEG through the canvas (Skia) decoder, in a child process of its own: the decoder the OCR
 * was measured with, whose crash on a damaged file (12 of 25 JPEGs with a few header bytes
 * flipped) then ends only the child. Null when it could not decode: jpeg-js is tried next.
 */
function jpegBySkia(bytes: Uint8Array, maxPixels: number): GrayImage | null {
  const script = jpegChildScript();
  if (!script) return null;
  const size = headerSize('jpeg', bytes);
  const result = spawnSync(process.execPath, [script], { input: bytes, timeout: 60_000, maxBuffer: 16 + (size ? size.width * size.height : maxPixels), stdio: ['pipe', 'pipe', 'ignore'] });
  if (result.status !== 0 || !result.stdout || result.stdout.length < 8) return null;
  const width = result.stdout.readUInt32LE(0);
  const height = result.stdout.readUInt32LE(4);
  if (width * height !== result.stdout.length - 8) return null;
  return { width, height, data: new Uint8Array(result.stdout.buffer, result.stdout.byteOffset + 8, width * height) };
}

/**
 * JPEG: Skia in a child process (above), else jpeg-js (pure JavaScript: it throws on a damaged
 * file instead of crashing, and caps resolution and memory itself).
 */
async function jpegImage(bytes: Uint8Array, path: string | null, maxPixels: number): Promise<DecodedPage> {
  const bySkia = jpegBySkia(bytes, maxPixels);
  if (bySkia && bySkia.width >= 16 && bySkia.height >= 16) return { image: bySkia, dpi: headerDpi('jpeg', bytes) ?? guessDpi(bySkia.width, bySkia.height) };
  const jpeg = (await import('jpeg-js')).default;
  let decoded: { width: number; height: number; data: Uint8Array };
  try {
    decoded = jpeg.decode(bytes, { useTArray: true, formatAsRGBA: true, tolerantDecoding: true, maxResolutionInMP: Math.ceil(maxPixels / 1e6), maxMemoryUsageInMB: 2048 });
  } catch (error) {
    const size = headerSize('jpeg', bytes);
    if (size && size.width * size.height > maxPixels) {
      throw new InputError(path, 'too-large', { code: 'input.image-too-large', params: { width: size.width, height: size.height, limit: Math.round(maxPixels / 1e6) } });
    }
    throw new InputError(path, 'damaged-image', { code: 'input.image-damaged', params: { format: 'JPEG' } }, { cause: error });
  }
  const { width, height, data } = decoded;
  if (!width || !height || data.length < width * height * 4) throw new InputError(path, 'damaged-image', { code: 'input.image-damaged', params: { format: 'JPEG' } });
  if (width < 16 || height < 16) throw new InputError(path, 'no-text', { code: 'input.image-too-small', params: { width, height } });
  return { image: toGray(width, height, data, 'rgba'), dpi: headerDpi('jpeg', bytes) ?? guessDpi(width, height) };
}

/** The chain of a TIFF's image directories ends, inside the file, within a sane number of pages. */
export function tiffChainSound(bytes: Uint8Array, maxPages: number): boolean {
  const buf = Buffer.from(bytes.buffer, bytes.byteOffset, bytes.byteLength);
  if (buf.length < 8) return false;
  const little = buf[0] === 0x49;
  const u16 = (o: number) => (little ? buf.readUInt16LE(o) : buf.readUInt16BE(o));
  const u32 = (o: number) => (little ? buf.readUInt32LE(o) : buf.readUInt32BE(o));
  const seen = new Set<number>();
  let offset = u32(4);
  while (offset !== 0) {
    if (seen.has(offset) || offset + 2 > buf.length || seen.size > maxPages * 4) return false;
    seen.add(offset);
    const next = offset + 2 + u16(offset) * 12;
    if (next + 4 > buf.length) return false;
    offset = u32(next);
  }
  return seen.size > 0;
}

function tiffPageLoaders(bytes: Uint8Array, path: string | null, maxPixels: number, maxPages: number, range: IngestOptions['pageRange']): (() => Promise<DecodedPage>)[] {
  const UTIF = require('utif2') as typeof import('utif2');
  const buffer = bytes.buffer.slice(bytes.byteOffset, bytes.byteOffset + bytes.byteLength) as ArrayBuffer;
  // utif2 follows the chain of image directories as the file gives it: a chain that loops or
  // points outside the file is refused here, before it is handed over.
  if (!tiffChainSound(bytes, maxPages)) throw new InputError(path, 'damaged-image', { code: 'input.image-damaged', params: { format: 'TIFF' } });
  let ifds;
  try {
    ifds = UTIF.decode(buffer).filter((ifd) => ifd['t256'] !== undefined && ifd['t257'] !== undefined);
  } catch (error) {
    throw new InputError(path, 'damaged-image', { code: 'input.image-damaged', params: { format: 'TIFF' } }, { cause: error });
  }
  if (ifds.length === 0) throw new InputError(path, 'damaged-image', { code: 'input.tiff-no-image' });
  const from = range?.from ?? 1;
  const to = Math.min(ifds.length, range?.to ?? ifds.length);
  if (from > ifds.length) throw new InputError(path, 'invalid', { code: 'input.no-such-page', params: { pages: ifds.length, page: from } });
  if (to - from + 1 > maxPages) throw new InputError(path, 'too-large', { code: 'input.tiff-too-many-pages', params: { pages: to - from + 1, limit: maxPages } });
  const selected = ifds.slice(from - 1, to);
  for (const ifd of selected) {
    const width = Number((ifd['t256'] as number[])[0]);
    const height = Number((ifd['t257'] as number[])[0]);
    // Strips (or tiles) that lie outside the file: the decoder would read past its end.
    const offsets = (ifd['t273'] ?? ifd['t324']) as number[] | undefined;
    const counts = (ifd['t279'] ?? ifd['t325']) as number[] | undefined;
    if (!width || !height || !offsets?.length || offsets.some((o, k) => !(o >= 0) || o + Number(counts?.[k] ?? 0) > bytes.length)) {
      throw new InputError(path, 'damaged-image', { code: 'input.image-damaged', params: { format: 'TIFF' } });
    }
    if (width * height > maxPixels) throw new InputError(path, 'too-large', { code: 'input.image-too-large', params: { width, height, limit: Math.round(maxPixels / 1e6) } });
  }
  return selected.map((ifd) => async () => {
    try {
      UTIF.decodeImage(buffer, ifd);
    } catch (error) {
      throw new InputError(path, 'damaged-image', { code: 'input.image-damaged', params: { format: 'TIFF' } }, { cause: error });
    }
    const rgba = UTIF.toRGBA8(ifd);
    // XResolution is a rational: utif2 gives [[numerator, denominator]] (older UTIF: [value]).
    const xres = (ifd['t282'] as unknown as Array<number | [number, number]> | undefined)?.[0];
    const unit = (ifd['t296'] as number[] | undefined)?.[0] ?? 2;
    let dpi: number | null = xres === undefined ? null : Array.isArray(xres) ? xres[0] / (xres[1] || 1) : Number(xres);
    if (dpi !== null && !Number.isFinite(dpi)) dpi = null;
    if (dpi !== null && unit === 3) dpi = dpi * 2.54;
    if (dpi !== null && (unit === 1 || dpi < 50)) dpi = null;
    return { image: toGray(ifd.width, ifd.height, rgba, 'rgba'), dpi: dpi ?? guessDpi(ifd.width, ifd.height) };
  });
}
