// `thidua ingest`: files and directories → plans in the library. Each file is hashed; a
// file already stored by the current extractor is skipped without extracting it again;
// otherwise it is extracted (or, for a record JSON file, validated) and stored in one
// transaction, so a kill at any moment leaves whole plans only.
import { createHash } from 'node:crypto';
import { readdir, readFile, stat } from 'node:fs/promises';
import { extname, join } from 'node:path';
import { InputError } from '../errors.js';
import { extractGuarded } from '../guard.js';
import { DEFAULT_MAX_BYTES } from '../ingest/types.js';
import type { PlanRecord } from '../record/schema.js';
import { EXTRACTOR_VERSION } from '../version.js';
import type { Library, StoreStatus } from './library.js';
import { parseRecordBytes } from './records.js';
import { createExtractPool, defaultJobs, type ExtractPool } from './extract-pool.js';

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
  /** Files stored: new plans, and new sources of plans already there (`added`, counted here too). */
  stored: number;
  /** Files stored as another source (another format) of a plan the library holds. */
  added: number;
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
      if (files.length >= MAX_FILES) throw new InputError(dir, 'too-large', { code: 'input.too-many-files', params: { limit: MAX_FILES } });
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
  /** A worker pool the caller started (and closes), e.g. before opening the library so that the workers load meanwhile. */
  pool?: ExtractPool | null;
  /** Version stored with extracted records (default: the pipeline's EXTRACTOR_VERSION). */
  extractorVersion?: string;
  maxBytes?: number;
}

/** A record with the normalised text its evidence points into, when the extraction gives it. */
export interface Extracted {
  record: PlanRecord;
  text: string | null;
  pageStarts: number[] | null;
}

/** In a guarded worker process (pipeline/guard.ts): under the time limits, a decoder crash refused as the file's. */
async function defaultExtract(path: string): Promise<Extracted> {
  return extractGuarded(path, { quiet: true });
}

type Prepared = Extracted & { sha256: string; bytes: Uint8Array; extractor: string; stored: boolean };

/** A file read and hashed; not yet looked up in the library, not yet extracted. */
interface ReadFile {
  path: string;
  bytes: Buffer;
  sha256: string;
  extractor: string;
  /** The record of a record JSON file (validated), else null: a document to extract. */
  recordFromJson: PlanRecord | null;
}

/** A bad file (unreadable, not a plan, an extractor fault) as an outcome with its reason. */
function failure(path: string, error: unknown): FileOutcome {
  if (error instanceof InputError) return { path, status: 'failed', reason: `${error.message} (${error.problem})` };
  const code = (error as NodeJS.ErrnoException).code;
  if (code === 'ENOENT') return { path, status: 'failed', reason: 'no such file' };
  if (code && /^E[A-Z]+$/.test(code)) return { path, status: 'failed', reason: `cannot read (${code})` };
  // A fault of the extractor on this file must not stop the others.
  return { path, status: 'failed', reason: `extraction failed: ${(error as Error).message}` };
}

async function readOne(path: string, options: IngestOptions): Promise<ReadFile | FileOutcome> {
  try {
    const info = await stat(path);
    if (!info.isFile()) throw new InputError(path, 'unreadable', { code: 'input.not-regular-file' });
    const maxBytes = options.maxBytes ?? DEFAULT_MAX_BYTES;
    if (info.size > maxBytes) throw new InputError(path, 'too-large', { code: 'input.file-too-large', params: { size: `${info.size} B`, limit: `${maxBytes} B` } });
    const bytes = await readFile(path);
    const sha256 = createHash('sha256').update(bytes).digest('hex');
    const recordFromJson = extname(path).toLowerCase() === '.json' ? parseRecordBytes(bytes, path) : null;
    const extractor = recordFromJson ? `record:${recordFromJson.extractor ?? 'unknown'}` : (options.extractorVersion ?? EXTRACTOR_VERSION);
    return { path, bytes, sha256, extractor, recordFromJson };
  } catch (error) {
    return failure(path, error);
  }
}

/** Extracts (or takes the JSON record of) a file read; a bad file becomes a failed outcome. */
async function extractOne(file: ReadFile, extract: (path: string) => Promise<Extracted>, stored: boolean): Promise<Prepared | FileOutcome> {
  try {
    const extracted: Extracted = file.recordFromJson ? { record: file.recordFromJson, text: null, pageStarts: null } : await extract(file.path);
    const record: PlanRecord = { ...extracted.record, source: { ...extracted.record.source, path: extracted.record.source.path ?? file.path, sha256: file.sha256 } };
    return { record, text: extracted.text, pageStarts: extracted.pageStarts, sha256: file.sha256, bytes: file.bytes, extractor: file.extractor, stored };
  } catch (error) {
    return failure(file.path, error);
  }
}

/** Stores a prepared plan in one transaction; a database error propagates and stops the ingest. */
async function commit(lib: Library, path: string, prepared: Prepared | FileOutcome): Promise<FileOutcome> {
  if ('status' in prepared) return prepared;
  const { record, sha256, bytes, extractor, stored, text, pageStarts } = prepared;
  const { id, status } = await lib.store({ record, sha256, content: bytes, path, extractor, stored, text, pageStarts });
  return { path, status, id, sha256, number: record.document.number };
}

/** Files looked up in the library together: one query per batch, not one per file. */
const BATCH_FILES = 32;
/** Bytes of files held in memory per batch (a batch ends early when it reaches this). */
const BATCH_BYTES = 64 * 1024 * 1024;

/** One batch of files: each one's outcome or plan, in order, as a function that yields it when asked. */
type Batch = Array<() => Promise<Prepared | FileOutcome>>;

/**
 * Reads and hashes a batch of files, looks them all up in one query, and starts extracting
 * the new or outdated ones: at once on the worker pool (it works ahead of the stores), or
 * when asked for without one.
 */
async function prepareBatch(lib: Library, paths: string[], options: IngestOptions, pool: ExtractPool | null): Promise<Batch> {
  const read = await Promise.all(paths.map((p) => readOne(p, options)));
  const shas = read.flatMap((r) => ('bytes' in r ? [r.sha256] : []));
  const stored = await lib.findByShas(shas);
  const custom = options.extract;
  const extract = pool
    ? (p: string) => pool.extractWithText(p)
    : custom
      ? async (p: string): Promise<Extracted> => ({ record: await custom(p), text: null, pageStarts: null })
      : defaultExtract;
  return read.map((r) => {
    if (!('bytes' in r)) return () => Promise.resolve(r);
    const existing = stored.get(r.sha256);
    if (existing && existing.extractor === r.extractor) {
      const outcome: FileOutcome = { path: r.path, status: 'unchanged', id: existing.id, sha256: r.sha256 };
      return () => Promise.resolve(outcome);
    }
    if (!pool) return () => extractOne(r, extract, existing !== undefined);
    const started = extractOne(r, extract, existing !== undefined);
    return () => started;
  });
}

/** Splits files into batches of at most BATCH_FILES files and about BATCH_BYTES bytes. */
async function batchesOf(files: string[]): Promise<string[][]> {
  const batches: string[][] = [];
  let current: string[] = [];
  let bytes = 0;
  for (const f of files) {
    const size = await stat(f).then((i) => i.size, () => 0);
    if (current.length > 0 && (current.length >= BATCH_FILES || bytes + size > BATCH_BYTES)) {
      batches.push(current);
      current = [];
      bytes = 0;
    }
    current.push(f);
    bytes += size;
  }
  if (current.length > 0) batches.push(current);
  return batches;
}

/**
 * Ingests one file. A bad file (unreadable, not a plan, an extractor fault) is an outcome
 * with its reason, not an exception; a database error propagates and stops the ingest.
 */
export async function ingestOne(lib: Library, path: string, options: IngestOptions = {}): Promise<FileOutcome> {
  const [next] = await prepareBatch(lib, [path], options, null);
  return commit(lib, path, await next());
}

/**
 * Ingests files in order. Files are read, hashed and looked up a batch at a time; extraction
 * runs ahead in worker threads (`jobs`, when the compiled worker is available) while the main
 * thread stores each plan in its own transaction. The next batch is prepared while this one
 * is stored, so the workers never wait for the stores.
 */
export async function ingestFiles(lib: Library, files: string[], options: IngestOptions = {}, earlier: FileOutcome[] = []): Promise<IngestSummary> {
  const started = performance.now();
  const summary: IngestSummary = { stored: 0, added: 0, updated: 0, unchanged: 0, failed: [], seconds: 0 };
  const count = (o: FileOutcome) => {
    if (o.status === 'failed') summary.failed.push({ path: o.path, reason: o.reason ?? 'failed' });
    else if (o.status === 'added') {
      summary.added++;
      summary.stored++;
    } else summary[o.status]++;
    options.onFile?.(o);
  };
  earlier.forEach(count);
  const jobs = options.jobs ?? defaultJobs();
  // Even one worker overlaps extraction with the main thread's stores.
  const own = options.pool === undefined && !options.extract && files.length > 1 && jobs >= 1;
  const pool = options.pool ?? (own ? createExtractPool(jobs) : null);
  try {
    const batches = await batchesOf(files);
    let next = batches.length > 0 ? prepareBatch(lib, batches[0], options, pool) : null;
    for (let b = 0; b < batches.length; b++) {
      const batch = await next!;
      let i = 0;
      // Prepared (looked up, extraction started) before this batch's first store.
      next = b + 1 < batches.length ? prepareBatch(lib, batches[b + 1], options, pool) : null;
      for (const path of batches[b]) count(await commit(lib, path, await batch[i++]()));
    }
  } finally {
    if (own) await pool?.close();
  }
  // Many new plans change the planner's picture of the library: refresh its statistics.
  if (summary.stored + summary.updated >= 50) await lib.analyze();
  summary.seconds = (performance.now() - started) / 1000;
  return summary;
}
