// Ingest: a file (or bytes) → pages of text. Detects the format by content and hands off
// to the reader for that format. Resource limits are enforced here (size) and in each
// reader (pages, pixels, decompressed size, time).
import { createHash } from 'node:crypto';
import { readFile, stat } from 'node:fs/promises';
import { InputError } from '../errors.js';
import { detectKind } from './detect.js';
import { decodeText, textFormat, textPages } from './text.js';
import { DEFAULT_MAX_BYTES, type IngestOptions, type SourceText } from './types.js';

export * from './types.js';

/** Reads a file from disk and ingests it. Throws InputError for user errors. */
export async function ingestFile(path: string, options: IngestOptions = {}): Promise<SourceText> {
  let size: number;
  try {
    const info = await stat(path);
    if (info.isDirectory()) throw new InputError(path, 'unreadable', { code: 'input.is-directory' });
    size = info.size;
  } catch (error) {
    if (error instanceof InputError) throw error;
    const code = (error as NodeJS.ErrnoException).code;
    if (code === 'ENOENT') throw new InputError(path, 'missing', { code: 'input.no-such-file' });
    throw new InputError(path, 'unreadable', { code: 'input.cannot-read', params: { reason: code ?? 'error' } });
  }
  const maxBytes = options.maxBytes ?? DEFAULT_MAX_BYTES;
  if (size > maxBytes) {
    throw new InputError(path, 'too-large', { code: 'input.file-too-large', params: { size: formatBytes(size), limit: formatBytes(maxBytes) } });
  }
  let bytes: Uint8Array;
  try {
    bytes = await readFile(path);
  } catch (error) {
    throw new InputError(path, 'unreadable', { code: 'input.cannot-read', params: { reason: (error as NodeJS.ErrnoException).code ?? 'error' } });
  }
  return ingestBytes(bytes, path, options);
}

/** Ingests bytes already in memory; `path` names them in messages and in the record. */
export async function ingestBytes(bytes: Uint8Array, path: string | null, options: IngestOptions = {}): Promise<SourceText> {
  const maxBytes = options.maxBytes ?? DEFAULT_MAX_BYTES;
  if (bytes.length > maxBytes) {
    throw new InputError(path, 'too-large', { code: 'input.input-too-large', params: { size: formatBytes(bytes.length), limit: formatBytes(maxBytes) } });
  }
  const sha256 = createHash('sha256').update(bytes).digest('hex');
  const kind = detectKind(bytes);
  switch (kind) {
    case 'empty':
      throw new InputError(path, 'empty', { code: 'input.empty' });
    case 'text': {
      const decoded = decodeText(bytes);
      if (decoded.text.trim() === '') throw new InputError(path, 'empty', { code: 'input.only-white-space' });
      return {
        path,
        sha256,
        format: textFormat(decoded.text),
        pages: null,
        ocr: false,
        pageTexts: textPages(decoded.text),
        diagnostics: decoded.singleByte
          ? [{ severity: 'info', code: 'single-byte-text', message: 'the text is not UTF-8; read as a single-byte encoding' }]
          : decoded.replaced
            ? [{ severity: 'warning', code: 'damaged-text', message: `${decoded.replaced} damaged character(s) that are not valid UTF-8 were replaced by U+FFFD` }]
            : [],
      };
    }
    case 'pdf':
    case 'png':
    case 'jpeg':
    case 'tiff':
    case 'webp':
    case 'docx':
      return readRich(kind, bytes, path, sha256, options);
    case 'xlsx':
      throw new InputError(path, 'unsupported-format', { code: 'input.xlsx' });
    case 'pptx':
      throw new InputError(path, 'unsupported-format', { code: 'input.pptx' });
    case 'odf':
      throw new InputError(path, 'unsupported-format', { code: 'input.odf' });
    case 'zip':
      throw new InputError(path, 'unsupported-format', { code: 'input.zip' });
    case 'ole2':
      if (isEncryptedOffice(bytes)) {
        throw new InputError(path, 'encrypted', { code: 'input.office-encrypted' });
      }
      throw new InputError(path, 'unsupported-format', { code: 'input.old-office' });
    case 'rtf':
      throw new InputError(path, 'unsupported-format', { code: 'input.rtf' });
    case 'gif':
    case 'bmp':
      throw new InputError(path, 'unsupported-format', { code: 'input.image-format', params: { format: kind.toUpperCase() } });
    default:
      throw new InputError(path, 'binary', { code: 'input.binary' });
  }
}

/** PDF, images and DOCX: readers are loaded on demand so a text run stays fast. */
async function readRich(
  kind: 'pdf' | 'png' | 'jpeg' | 'tiff' | 'webp' | 'docx',
  bytes: Uint8Array,
  path: string | null,
  sha256: string,
  options: IngestOptions,
): Promise<SourceText> {
  try {
    if (kind === 'pdf') return await (await import('./pdf.js')).readPdf(bytes, path, sha256, options);
    if (kind === 'docx') return await (await import('./docx.js')).readDocx(bytes, path, sha256, options);
    return await (await import('./image.js')).readImage(kind, bytes, path, sha256, options);
  } catch (error) {
    throw readerFailure(error, kind, path);
  }
}

/**
 * The edge of the reading stage: whatever a reader's library throws (pdf.js, the image
 * decoders, the zip and XML readers) becomes the file's own InputError — the file is damaged —
 * with the library's error kept as its cause (shown with THIDUA_DEBUG=1).
 */
export function readerFailure(error: unknown, kind: 'pdf' | 'png' | 'jpeg' | 'tiff' | 'webp' | 'docx', path: string | null): InputError {
  if (error instanceof InputError) return error;
  if (isOutOfMemory(error)) return new InputError(path, 'out-of-memory', { code: 'input.out-of-memory', params: { limit: 'heap' } }, { cause: error });
  if (kind === 'pdf') return new InputError(path, 'damaged-pdf', { code: 'input.pdf-damaged' }, { cause: error });
  if (kind === 'docx') {
    const detail = String((error as Error)?.message ?? error).replace(/\s+/g, ' ').slice(0, 80);
    return new InputError(path, 'damaged-docx', { code: 'input.docx-damaged', params: { detail } }, { cause: error });
  }
  return new InputError(path, 'damaged-image', { code: 'input.image-damaged', params: { format: kind.toUpperCase() } }, { cause: error });
}

/** An allocation that failed (a damaged header asking for an absurd buffer). */
function isOutOfMemory(error: unknown): boolean {
  return error instanceof RangeError && /allocation|array buffer|array length|typed array|memory/i.test(error.message);
}

/** A password-protected OOXML file is an OLE2 container with an "EncryptedPackage" stream. */
function isEncryptedOffice(bytes: Uint8Array): boolean {
  const name = Buffer.from('EncryptedPackage', 'utf16le');
  return Buffer.from(bytes.buffer, bytes.byteOffset, bytes.byteLength).includes(name);
}

/** Closes the OCR workers now (they also close by themselves shortly after the last page). */
export async function closeIngest(): Promise<void> {
  const { closeOcr } = await import('./ocr.js');
  await closeOcr();
}

export function formatBytes(n: number): string {
  if (n < 1024) return `${n} B`;
  if (n < 1024 * 1024) return `${(n / 1024).toFixed(1)} KiB`;
  return `${(n / 1024 / 1024).toFixed(1)} MiB`;
}
