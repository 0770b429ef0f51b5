// `thidua ingest`: files and directories → plans in the library. Each file is hashed; a
// file already stored by the current extractor is skipped without extracting it again;
// otherwise it is extracted (or, for a record JSON file, validated) and stored in one
// transaction, so a kill at any moment leaves whole plans only.
import { createHash } from 'node:crypto';
import { readdir, readFile, stat } from 'node:fs/promises';
import { extname, join } from 'node:path';
import { InputError } from '../errors.js';
import { extractFile } from '../extract.js';
import { DEFAULT_MAX_BYTES } from '../ingest/types.js';
import type { PlanRecord } from '../record/schema.js';
import { EXTRACTOR_VERSION } from '../version.js';
import type { Library, StoreStatus } from './library.js';
import { parseRecordBytes } from './records.js';
import { createExtractPool, defaultJobs } from './extract-pool.js';

/** Extensions picked up when walking a directory (a file named explicitly is always tried). */
export const PLAN_EXTENSIONS = new Set(['.txt', '.md', '.markdown', '.pdf', '.docx', '.png', '.jpg', '.jpeg', '.tif', '.tiff', '.bmp', '.webp', '.json']);

/** Directory entries visited at most (guards against walking a whole disk by mistake). */
const MAX_FILES = 200_000;

export interface FileOutcome {
  path: string;
  status: StoreStatus | 'failed';
  id?: number;
  sha256?: string;
  number?: string | null;
  /** Why the file failed: one line. */
  reason?: string;
}

export interface IngestSummary {
  stored: number;
  updated: number;
  unchanged: number;
  failed: Array<{ path: string; reason: string }>;
  seconds: number;
}

/** Expands directories (recursively, sorted) into files; a missing path is a failure, not an exception. */
export async function collectFiles(inputs: string[]): Promise<{ files: string[]; failures: FileOutcome[] }> {
  const files: string[] = [];
  const failures: FileOutcome[] = [];
  const walk = async (dir: string): Promise<void> => {
    const entries = await readdir(dir, { withFileTypes: true });
    entries.sort((a, b) => (a.name < b.name ? -1 : a.name > b.name ? 1 : 0));
    for (const e of entries) {
      if (files.length >= MAX_FILES) throw new InputError(dir, 'too-large', `more than ${MAX_FILES} files to ingest`);
      if (e.name.startsWith('.')) continue;
      const p = join(dir, e.name);
      if (e.isDirectory()) await walk(p);
      else if (e.isFile() && PLAN_EXTENSIONS.has(extname(e.name).toLowerCase())) files.push(p);
    }
  };
  for (const input of inputs) {
    try {
      const info = await stat(input);
      if (info.isDirectory()) await walk(input);
      else files.push(input);
    } catch (error) {
      if (error instanceof InputError) throw error;
      const code = (error as NodeJS.ErrnoException).code;
      failures.push({ path: input, status: 'failed', reason: code === 'ENOENT' ? 'no such file or directory' : `cannot read (${code ?? 'error'})` });
    }
  }
  return { files, failures };
}

export interface IngestOptions {
  /** Called after each file, once its plan is committed (or it failed). */
  onFile?: (outcome: FileOutcome) => void;
  /** Extraction of a document file (default: the pipeline's extractFile). */
  extract?: (path: string) => Promise<PlanRecord>;
  /** Extraction worker threads (default: one per core but one, at least 1, at most 4; 0 = extract in-process). */
  jobs?: number;
  /** Version stored with extracted records (default: the pipeline's EXTRACTOR_VERSION). */
  extractorVersion?: string;
  maxBytes?: number;
}

async function defaultExtract(path: string): Promise<PlanRecord> {
  return (await extractFile(path, { quiet: true })).record;
}

type Prepared = { record: PlanRecord; sha256: string; bytes: Uint8Array; extractor: string };

/** Reads, hashes and (unless already stored) extracts one file; a bad file becomes a failed outcome. */
async function prepareOutcome(lib: Library, path: string, options: IngestOptions): Promise<Prepared | FileOutcome> {
  try {
    return await prepare(lib, path, options);
  } catch (error) {
    if (error instanceof InputError) return { path, status: 'failed', reason: `${error.message} (${error.problem})` };
    const code = (error as NodeJS.ErrnoException).code;
    if (code === 'ENOENT') return { path, status: 'failed', reason: 'no such file' };
    if (code && /^E[A-Z]+$/.test(code)) return { path, status: 'failed', reason: `cannot read (${code})` };
    // A fault of the extractor on this file must not stop the others.
    return { path, status: 'failed', reason: `extraction failed: ${(error as Error).message}` };
  }
}

/** Stores a prepared plan in one transaction; a database error propagates and stops the ingest. */
async function commit(lib: Library, path: string, prepared: Prepared | FileOutcome): Promise<FileOutcome> {
  if ('status' in prepared) return prepared;
  const { record, sha256, bytes, extractor } = prepared;
  const { id, status } = await lib.store({ record, sha256, content: bytes, path, extractor });
  return { path, status, id, sha256, number: record.document.number };
}

/**
 * Ingests one file. A bad file (unreadable, not a plan, an extractor fault) is an outcome
 * with its reason, not an exception; a database error propagates and stops the ingest.
 */
export async function ingestOne(lib: Library, path: string, options: IngestOptions = {}): Promise<FileOutcome> {
  return commit(lib, path, await prepareOutcome(lib, path, options));
}

async function prepare(lib: Library, path: string, options: IngestOptions) {
  const info = await stat(path);
  if (!info.isFile()) throw new InputError(path, 'unreadable', 'is not a regular file');
  const maxBytes = options.maxBytes ?? DEFAULT_MAX_BYTES;
  if (info.size > maxBytes) throw new InputError(path, 'too-large', `the file is over the size limit of ${maxBytes} bytes`);
  const bytes = await readFile(path);
  const sha256 = createHash('sha256').update(bytes).digest('hex');
  const isRecord = extname(path).toLowerCase() === '.json';
  const recordFromJson = isRecord ? parseRecordBytes(bytes, path) : null;
  const extractor = recordFromJson ? `record:${recordFromJson.extractor ?? 'unknown'}` : (options.extractorVersion ?? EXTRACTOR_VERSION);
  const existing = await lib.findBySha(sha256);
  if (existing && existing.extractor === extractor) return { path, status: 'unchanged' as const, id: existing.id, sha256 };
  const extracted = recordFromJson ?? (await (options.extract ?? defaultExtract)(path));
  const record: PlanRecord = { ...extracted, source: { ...extracted.source, path: extracted.source.path ?? path, sha256 } };
  return { record, sha256, bytes, extractor };
}

/**
 * Ingests files in order. Extraction runs ahead in worker threads (`jobs`, when the compiled
 * worker is available) while the main thread stores each plan in its own transaction.
 */
export async function ingestFiles(lib: Library, files: string[], options: IngestOptions = {}, earlier: FileOutcome[] = []): Promise<IngestSummary> {
  const started = performance.now();
  const summary: IngestSummary = { stored: 0, updated: 0, unchanged: 0, failed: [], seconds: 0 };
  const count = (o: FileOutcome) => {
    if (o.status === 'failed') summary.failed.push({ path: o.path, reason: o.reason ?? 'failed' });
    else summary[o.status]++;
    options.onFile?.(o);
  };
  earlier.forEach(count);
  const jobs = options.jobs ?? defaultJobs();
  // Even one worker overlaps extraction with the main thread's stores.
  const pool = !options.extract && files.length > 1 && jobs >= 1 ? createExtractPool(jobs) : null;
  const opts: IngestOptions = pool ? { ...options, extract: (p) => pool.extract(p) } : options;
  try {
    const window = pool ? jobs * 2 : 1;
    const ahead: Array<Promise<Prepared | FileOutcome>> = [];
    for (let i = 0; i < files.length; i++) {
      while (ahead.length < window && i + ahead.length < files.length) ahead.push(prepareOutcome(lib, files[i + ahead.length], opts));
      count(await commit(lib, files[i], await ahead.shift()!));
    }
  } finally {
    await pool?.close();
  }
  // Many new plans change the planner's picture of the library: refresh its statistics.
  if (summary.stored + summary.updated >= 50) await lib.analyze();
  summary.seconds = (performance.now() - started) / 1000;
  return summary;
}
