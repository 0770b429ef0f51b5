// Input detection by content (magic bytes), never by file extension.

export type DetectedKind =
  | 'pdf'
  | 'png'
  | 'jpeg'
  | 'tiff'
  | 'webp'
  | 'gif'
  | 'bmp'
  | 'zip'
  | 'docx'
  | 'xlsx'
  | 'pptx'
  | 'odf'
  | 'ole2'
  | 'rtf'
  | 'text'
  | 'binary'
  | 'empty';

const startsWith = (bytes: Uint8Array, sig: number[], at = 0) => sig.every((b, i) => bytes[at + i] === b);

export function detectKind(bytes: Uint8Array): DetectedKind {
  if (bytes.length === 0) return 'empty';
  if (startsWith(bytes, [0x25, 0x50, 0x44, 0x46, 0x2d])) return 'pdf'; // %PDF-
  // A PDF may have junk before the header (allowed within the first 1024 bytes).
  const head = Buffer.from(bytes.subarray(0, 1024)).toString('latin1');
  if (head.includes('%PDF-')) return 'pdf';
  if (startsWith(bytes, [0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a])) return 'png';
  if (startsWith(bytes, [0xff, 0xd8, 0xff])) return 'jpeg';
  if (startsWith(bytes, [0x49, 0x49, 0x2a, 0x00]) || startsWith(bytes, [0x4d, 0x4d, 0x00, 0x2a])) return 'tiff';
  if (startsWith(bytes, [0x52, 0x49, 0x46, 0x46]) && startsWith(bytes, [0x57, 0x45, 0x42, 0x50], 8)) return 'webp';
  if (startsWith(bytes, [0x47, 0x49, 0x46, 0x38])) return 'gif';
  if (startsWith(bytes, [0x42, 0x4d]) && bytes.length > 26 && bytes[14] !== undefined && bytes[15] === 0) return 'bmp';
  if (startsWith(bytes, [0x50, 0x4b, 0x03, 0x04]) || startsWith(bytes, [0x50, 0x4b, 0x05, 0x06])) return classifyZip(bytes);
  if (startsWith(bytes, [0xd0, 0xcf, 0x11, 0xe0, 0xa1, 0xb1, 0x1a, 0xe1])) return 'ole2';
  if (startsWith(bytes, [0x7b, 0x5c, 0x72, 0x74, 0x66])) return 'rtf'; // {\rtf
  return looksLikeText(bytes) ? 'text' : 'binary';
}

/** Text: no NUL bytes (unless UTF-16 with a BOM) and few control characters. */
export function looksLikeText(bytes: Uint8Array): boolean {
  if (startsWith(bytes, [0xff, 0xfe]) || startsWith(bytes, [0xfe, 0xff])) return true;
  const n = Math.min(bytes.length, 64 * 1024);
  let control = 0;
  for (let i = 0; i < n; i++) {
    const b = bytes[i];
    if (b === 0) return false;
    if (b < 0x09 || (b > 0x0d && b < 0x20 && b !== 0x1b)) control++;
  }
  return control / Math.max(1, n) < 0.01;
}

/**
 * What a zip holds, from the entry names (stored uncompressed in the local headers and the
 * central directory): an Office Open XML word-processing document, spreadsheet, presentation,
 * an OpenDocument file, or some other zip.
 */
export function classifyZip(bytes: Uint8Array): 'docx' | 'xlsx' | 'pptx' | 'odf' | 'zip' {
  // The central directory (at the end) names every entry; the head holds the first local
  // headers ("mimetype" of an OpenDocument file comes first).
  const buf = Buffer.from(bytes.buffer, bytes.byteOffset, bytes.byteLength);
  const text = buf.length <= 1 << 20 ? buf.toString('latin1') : buf.toString('latin1', 0, 1 << 16) + buf.toString('latin1', buf.length - (1 << 19));
  if (text.includes('word/document.xml')) return 'docx';
  if (text.includes('xl/workbook.xml')) return 'xlsx';
  if (text.includes('ppt/presentation.xml')) return 'pptx';
  if (text.startsWith('mimetype', 30) && text.slice(38, 120).includes('application/vnd.oasis.opendocument')) return 'odf';
  return 'zip';
}
