// The text thidua reads from a file, page by page: after ingest (and OCR), and after
// normalisation unless raw. Normalisation runs on the whole document (the diacritics model
// uses the context across pages) and keeps every line in place, so the pages are cut again
// at the lines where they started.
import { InputError } from './errors.js';
import { ingestFile, joinPages, type IngestDiagnostic, type IngestOptions, type SourceText } from './ingest/index.js';
import { normalise } from './normalise.js';

export interface PageOfText {
  /** 1-based page number in the source (null for a text file, which has no pages). */
  number: number | null;
  text: string;
  ocr: boolean;
}

export interface DocumentText {
  source: SourceText;
  pages: PageOfText[];
  /** Ingest and normalisation notes (OCR pages, low confidence, restoration). */
  diagnostics: IngestDiagnostic[];
}

export async function readDocumentText(path: string, options: IngestOptions & { raw?: boolean } = {}): Promise<DocumentText> {
  const source = await ingestFile(path, options);
  return documentText(source, options);
}

export function documentText(source: SourceText, options: { raw?: boolean } = {}): DocumentText {
  const paged = source.pages !== null;
  if (options.raw) {
    return {
      source,
      pages: source.pageTexts.map((p) => ({ number: paged ? p.number : null, text: p.text.replace(/\r\n?/g, '\n').replace(/\n+$/, ''), ocr: p.ocr })),
      diagnostics: source.diagnostics,
    };
  }
  const { text: raw, pageStartLines } = joinPages(source.pageTexts);
  if (raw.trim() === '') return { source, pages: [], diagnostics: source.diagnostics };
  const normalised = normalise(raw);
  const lines = normalised.text.split('\n');
  const pages = source.pageTexts.map((p, i) => {
    const from = pageStartLines[i] - 1;
    // Pages are joined with one blank line between them.
    const to = i + 1 < pageStartLines.length ? pageStartLines[i + 1] - 2 : lines.length;
    return { number: paged ? p.number : null, text: lines.slice(from, to).join('\n'), ocr: p.ocr };
  });
  return { source, pages, diagnostics: [...source.diagnostics, ...normalised.diagnostics] };
}

/** Throws the InputError of a document with no text at all. */
export function requireText(doc: DocumentText, message: string): void {
  if (doc.pages.every((p) => p.text.trim() === '')) throw new InputError(doc.source.path, 'no-text', message);
}
