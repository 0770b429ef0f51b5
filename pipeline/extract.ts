// The extraction pipeline, one way: file → pages of text → normalised text → document
// tree → plan record. Each stage is importable and testable on its own.
import { VFile } from 'vfile';
import { InputError } from './errors.js';
import { ingestFile, joinPages, type IngestOptions, type SourceText } from './ingest/index.js';
import { normalise } from './normalise.js';
import { parseDocument } from './parse/index.js';
import type { AdminRoot } from './parse/types.js';
import { extractRecord } from '../extractors/index.js';
import type { PlanRecord } from './record/schema.js';

export interface ExtractOptions extends IngestOptions {
  /** Restore diacritics of stripped or garbled text (default true). */
  restore?: boolean;
  /** Return a record even when the document is not a plan (the `not-a-plan` diagnostic stays). */
  allowNonPlan?: boolean;
}

export interface ExtractResult {
  record: PlanRecord;
  /** The normalised text the record's evidence and diagnostics refer to. */
  text: string;
  tree: AdminRoot;
  file: VFile;
  /** The first line of each page in `text` (normalisation keeps every line in place). */
  pageStartLines: number[];
}

export async function extractFile(path: string, options: ExtractOptions = {}): Promise<ExtractResult> {
  const source = await ingestFile(path, options);
  return extractSource(source, options);
}

/** Runs the stages after ingest. Throws InputError(`not-a-plan`) unless allowNonPlan. */
export function extractSource(source: SourceText, options: ExtractOptions = {}): ExtractResult {
  const { text: raw, pageStartLines } = joinPages(source.pageTexts);
  if (raw.trim() === '') {
    throw new InputError(source.path, 'no-text', { code: source.ocr ? 'input.no-text-ocr' : 'input.no-text' });
  }
  const normalised = normalise(raw, { restore: options.restore ?? true });
  const file = new VFile({ path: source.path ?? undefined, value: normalised.text });
  for (const d of [...source.diagnostics, ...normalised.diagnostics]) {
    const message = file.message(d.message, { ruleId: d.code, source: 'thidua' });
    message.fatal = d.severity === 'error' ? true : d.severity === 'warning' ? false : undefined;
    if (d.line) message.line = d.line;
  }
  const tree = parseDocument(normalised.text, file);
  const record = extractRecord(tree, file, {
    source: {
      path: source.path,
      sha256: source.sha256,
      format: source.format,
      pages: source.pages,
      ocr: source.ocr,
      diacritics: normalised.diacritics,
    },
    pageStartLines,
    pageNumbers: source.pageTexts.map((p) => p.number),
  });
  if (!options.allowNonPlan && record.diagnostics.some((d) => d.code === 'not-a-plan' && d.severity === 'error')) {
    const reason = record.diagnostics.find((d) => d.code === 'not-a-plan')?.message ?? 'not a plan document';
    throw new InputError(source.path, 'not-a-plan', reason);
  }
  return { record, text: normalised.text, tree, file, pageStartLines };
}

/** Convenience for tests and callers with text in hand. */
export function extractText(text: string, options: ExtractOptions & { path?: string } = {}): ExtractResult {
  const format = /\*\*|(^|\n)#{1,6}\s/.test(text) ? 'markdown' : 'text';
  return extractSource(
    { path: options.path ?? null, sha256: '', format, pages: null, ocr: false, pageTexts: [{ number: 1, text, ocr: false }], diagnostics: [] },
    options,
  );
}
