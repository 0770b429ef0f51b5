// What ingest hands to the rest of the pipeline: the text of a file, page by page.
// Downstream stages never read the file again (data flows one way).
import type { IngestLimits } from './limits.js';
import type { OcrPool } from './ocr.js';

export type SourceFormat = 'text' | 'markdown' | 'pdf' | 'image' | 'docx';

export interface IngestDiagnostic {
  severity: 'error' | 'warning' | 'info';
  code: string;
  message: string;
  page?: number;
  line?: number;
}

export interface PageText {
  /** 1-based page number in the source. */
  number: number;
  text: string;
  /** The page's text came from OCR. */
  ocr: boolean;
  /** OCR only: mean word confidence, 0–100. */
  confidence?: number;
}

export interface SourceText {
  path: string | null;
  sha256: string;
  format: SourceFormat;
  /** Number of pages for paged formats, null for text. */
  pages: number | null;
  ocr: boolean;
  pageTexts: PageText[];
  diagnostics: IngestDiagnostic[];
}

export interface IngestOptions {
  /** Refuse files larger than this many bytes. */
  maxBytes?: number;
  /** Only these pages (1-based, inclusive). */
  pageRange?: { from: number; to: number };
  /** No progress output. */
  quiet?: boolean;
  /** Abort long work (OCR) after this many milliseconds. */
  timeoutMs?: number;
  /** Override resource limits (pages, pixels, decompressed size, time). */
  limits?: Partial<IngestLimits>;
  /** OCR workers to use instead of the process-wide pool (benchmarks, tests). */
  ocrPool?: OcrPool;
  /** Called as pages are done (instead of the stderr progress bar). */
  onProgress?: (progress: { done: number; total: number; label: string }) => void;
  /** Called after each step of reading (a page analysed or decoded): the reader is alive. */
  heartbeat?: () => void;
}

export const DEFAULT_MAX_BYTES = 64 * 1024 * 1024;

/** Joins the pages into one text; returns it with the first line number of each page. */
export function joinPages(pages: PageText[]): { text: string; pageStartLines: number[] } {
  const parts: string[] = [];
  const pageStartLines: number[] = [];
  let line = 1;
  for (const page of pages) {
    pageStartLines.push(line);
    const text = page.text.replace(/\r\n?/g, '\n').replace(/\n+$/, '');
    parts.push(text);
    line += text.split('\n').length + 1;
  }
  return { text: parts.join('\n\n'), pageStartLines };
}
