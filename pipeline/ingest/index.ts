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
    if (info.isDirectory()) throw new InputError(path, 'unreadable', 'is a directory, not a file');
    size = info.size;
  } catch (error) {
    if (error instanceof InputError) throw error;
    const code = (error as NodeJS.ErrnoException).code;
    if (code === 'ENOENT') throw new InputError(path, 'missing', 'no such file');
    throw new InputError(path, 'unreadable', `cannot read the file (${code ?? 'error'})`);
  }
  const maxBytes = options.maxBytes ?? DEFAULT_MAX_BYTES;
  if (size > maxBytes) {
    throw new InputError(path, 'too-large', `the file is ${formatBytes(size)}, over the limit of ${formatBytes(maxBytes)}`);
  }
  let bytes: Uint8Array;
  try {
    bytes = await readFile(path);
  } catch (error) {
    throw new InputError(path, 'unreadable', `cannot read the file (${(error as NodeJS.ErrnoException).code ?? 'error'})`);
  }
  return ingestBytes(bytes, path, options);
}

/** Ingests bytes already in memory; `path` names them in messages and in the record. */
export async function ingestBytes(bytes: Uint8Array, path: string | null, options: IngestOptions = {}): Promise<SourceText> {
  const maxBytes = options.maxBytes ?? DEFAULT_MAX_BYTES;
  if (bytes.length > maxBytes) {
    throw new InputError(path, 'too-large', `the input is ${formatBytes(bytes.length)}, over the limit of ${formatBytes(maxBytes)}`);
  }
  const sha256 = createHash('sha256').update(bytes).digest('hex');
  const kind = detectKind(bytes);
  switch (kind) {
    case 'empty':
      throw new InputError(path, 'empty', 'the file is empty');
    case 'text': {
      const decoded = decodeText(bytes);
      if (decoded.text.trim() === '') throw new InputError(path, 'empty', 'the file holds only white space');
      return {
        path,
        sha256,
        format: textFormat(decoded.text),
        pages: null,
        ocr: false,
        pageTexts: textPages(decoded.text),
        diagnostics: decoded.singleByte
          ? [{ severity: 'info', code: 'single-byte-text', message: 'the text is not UTF-8; read as a single-byte encoding' }]
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
      throw new InputError(path, 'unsupported-format', 'this is a spreadsheet (XLSX), not a plan document; use PDF, DOCX or text');
    case 'pptx':
      throw new InputError(path, 'unsupported-format', 'this is a presentation (PPTX), not a plan document; use PDF, DOCX or text');
    case 'odf':
      throw new InputError(path, 'unsupported-format', 'OpenDocument files (ODT) are not supported; save it as DOCX or PDF');
    case 'zip':
      throw new InputError(path, 'unsupported-format', 'this is a zip archive, not a document; unpack it and give the PDF or DOCX inside');
    case 'ole2':
      if (isEncryptedOffice(bytes)) {
        throw new InputError(path, 'encrypted', 'the Office document is protected by a password; open it and save an unprotected copy');
      }
      throw new InputError(path, 'unsupported-format', 'this is an old Office file (DOC/XLS); save it as DOCX or PDF');
    case 'rtf':
      throw new InputError(path, 'unsupported-format', 'RTF is not supported; save it as DOCX or PDF');
    case 'gif':
    case 'bmp':
      throw new InputError(path, 'unsupported-format', `${kind.toUpperCase()} images are not supported; use PNG, JPEG, TIFF or WebP`);
    default:
      throw new InputError(path, 'binary', 'the file is binary and of no supported format (text, markdown, PDF, DOCX, PNG, JPEG, TIFF, WebP)');
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
  if (kind === 'pdf') return (await import('./pdf.js')).readPdf(bytes, path, sha256, options);
  if (kind === 'docx') return (await import('./docx.js')).readDocx(bytes, path, sha256, options);
  return (await import('./image.js')).readImage(kind, bytes, path, sha256, options);
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
