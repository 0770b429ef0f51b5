// Extraction for the library: the record and the normalised text its evidence points into,
// with the first line of each page (the web app highlights evidence in it, page by page).
import { extractSource, type ExtractOptions } from '../extract.js';
import { ingestBytes, ingestFile, joinPages } from '../ingest/index.js';
import type { SourceText } from '../ingest/types.js';
import type { Extracted } from './ingest.js';

function fromSource(source: SourceText, options: ExtractOptions): Extracted {
  // Normalisation keeps every line in place, so the raw page starts hold in the normalised text.
  const { pageStartLines } = joinPages(source.pageTexts);
  const { record, text } = extractSource(source, options);
  return { record, text, pageStarts: pageStartLines };
}

export async function extractWithText(path: string, options: ExtractOptions = {}): Promise<Extracted> {
  return fromSource(await ingestFile(path, { quiet: true, ...options }), options);
}

/** The same for bytes in memory (an upload); `name` labels them in messages, never a path read. */
export async function extractBytesWithText(bytes: Uint8Array, name: string | null, options: ExtractOptions = {}): Promise<Extracted> {
  return fromSource(await ingestBytes(bytes, name, { quiet: true, ...options }), options);
}
