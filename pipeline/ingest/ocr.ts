// OCR with tesseract.js, offline: a pool of workers (one per core, at most 2 by default)
// shared by every page of every file in the process, with the Vietnamese model kept in
// this repository (pipeline/ingest/tessdata/vie.traineddata: Tesseract's tessdata_fast model
// as Debian's tesseract-ocr-vie ships it). Nothing is ever fetched: langPath is the local
// folder, cacheMethod 'none' (no ./vie.traineddata written next to the user's files), worker
// errors are caught by an errorHandler, and start-up has a timeout.
import { existsSync } from 'node:fs';
import { availableParallelism } from 'node:os';
import { setFlagsFromString } from 'node:v8';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import type { GrayImage } from './raster.js';
import { encodeTiff } from './raster.js';

export interface OcrWord {
  text: string;
  /** 0–100 as Tesseract reports it. */
  confidence: number;
  x0: number;
  y0: number;
  x1: number;
  y1: number;
}

export interface OcrLine {
  text: string;
  words: OcrWord[];
  confidence: number;
  y0: number;
  y1: number;
}

export interface OcrResult {
  lines: OcrLine[];
  /** Mean word confidence (0–100), 0 when no word was found. */
  confidence: number;
}

export interface OcrPoolOptions {
  workers?: number;
  /** Milliseconds allowed for a worker to load the engine and the model. */
  startTimeoutMs?: number;
  /** Close the workers after this many idle milliseconds (the process can then exit). */
  idleCloseMs?: number;
}

const LANG = 'vie';
/** Tesseract page segmentation: 6 = one uniform block, read line by line across the page,
 * so that two columns side by side (header, signature block, table rows) stay on one line. */
const PAGE_SEG_MODE = '6';

/** The folder holding vie.traineddata: found from this module up to the package root. */
export function tessdataDir(): string {
  const env = process.env.THIDUA_TESSDATA;
  if (env) return env;
  let dir = dirname(fileURLToPath(import.meta.url));
  for (let i = 0; i < 6; i++) {
    const candidate = join(dir, 'pipeline', 'ingest', 'tessdata');
    if (existsSync(join(candidate, `${LANG}.traineddata`))) return candidate;
    const here = join(dir, 'tessdata');
    if (existsSync(join(here, `${LANG}.traineddata`))) return here;
    dir = dirname(dir);
  }
  throw new Error(`the OCR model ${LANG}.traineddata was not found (pipeline/ingest/tessdata)`);
}

export function defaultWorkerCount(): number {
  const env = Number(process.env.THIDUA_OCR_WORKERS);
  if (Number.isInteger(env) && env > 0) return env;
  return Math.max(1, Math.min(2, availableParallelism()));
}

type TesseractWorker = {
  recognize: (image: Uint8Array | Buffer, options?: object, output?: object) => Promise<{ data: unknown }>;
  setParameters: (params: Record<string, string>) => Promise<unknown>;
  terminate: () => Promise<unknown>;
};

interface Job {
  image: GrayImage;
  resolve: (r: OcrResult) => void;
  reject: (e: Error) => void;
}

export class OcrTimeoutError extends Error {
  constructor(
    message: string,
    readonly seconds = 0,
  ) {
    super(message);
    this.name = 'OcrTimeoutError';
  }
}

/** A fixed set of tesseract.js workers fed from one queue. */
export class OcrPool {
  private readonly size: number;
  private readonly startTimeoutMs: number;
  private readonly idleCloseMs: number;
  private workers: Promise<TesseractWorker>[] = [];
  private idle: TesseractWorker[] = [];
  private queue: Job[] = [];
  private busy = 0;
  private idleTimer: NodeJS.Timeout | null = null;
  private workerError: Error | null = null;

  constructor(options: OcrPoolOptions = {}) {
    this.size = options.workers ?? defaultWorkerCount();
    this.startTimeoutMs = options.startTimeoutMs ?? 60_000;
    this.idleCloseMs = options.idleCloseMs ?? 300;
  }

  get workerCount(): number {
    return this.size;
  }

  recognize(image: GrayImage): Promise<OcrResult> {
    if (this.idleTimer) {
      clearTimeout(this.idleTimer);
      this.idleTimer = null;
    }
    return new Promise<OcrResult>((resolve, reject) => {
      this.queue.push({ image, resolve, reject });
      this.ensureWorkers();
      this.pump();
    });
  }

  private ensureWorkers(): void {
    while (this.workers.length < this.size) {
      const started = startWorker(this.startTimeoutMs, (error) => {
        this.workerError = error;
      });
      this.workers.push(started);
      started.then(
        (worker) => {
          this.idle.push(worker);
          this.pump();
        },
        (error: Error) => {
          // A worker that cannot start fails every queued page: there is no other engine.
          for (const job of this.queue.splice(0)) job.reject(error);
          this.workers = this.workers.filter((w) => w !== started);
        },
      );
    }
  }

  private pump(): void {
    while (this.idle.length > 0 && this.queue.length > 0) {
      const worker = this.idle.pop()!;
      const job = this.queue.shift()!;
      this.busy++;
      recognizeWith(worker, job.image)
        .then(job.resolve, (error: unknown) => job.reject(this.workerError ?? (error instanceof Error ? error : new Error(String(error)))))
        .finally(() => {
          this.busy--;
          this.idle.push(worker);
          this.pump();
          this.scheduleIdleClose();
        });
    }
  }

  private scheduleIdleClose(): void {
    if (this.busy > 0 || this.queue.length > 0 || this.idleCloseMs < 0) return;
    if (this.idleTimer) clearTimeout(this.idleTimer);
    this.idleTimer = setTimeout(() => void this.close(), this.idleCloseMs);
  }

  /** Terminates every worker; queued pages are rejected. A later recognize() starts new ones. */
  async close(): Promise<void> {
    if (this.idleTimer) clearTimeout(this.idleTimer);
    this.idleTimer = null;
    for (const job of this.queue.splice(0)) job.reject(new Error('the OCR pool was closed'));
    const workers = this.workers;
    this.workers = [];
    this.idle = [];
    await Promise.all(workers.map((w) => w.then((x) => x.terminate(), () => undefined).catch(() => undefined)));
  }
}

/**
 * V8's wasm-into-wasm inlining, off by default in Node 20's V8 (11.3): Tesseract's LSTM code is
 * full of small calls (stride-map index checks, time-step copies) that the wasm build left as
 * calls. Inlined, a page is recognised ~7 % faster with byte-identical output (`npm run
 * bench:ingest`). V8 flags are process-wide and read when a wasm module is compiled, so this is
 * set once before the first worker compiles tesseract.js-core; THIDUA_WASM_INLINING=0 leaves
 * V8's defaults alone.
 */
let wasmFlagsSet = false;
export function enableWasmInlining(): void {
  if (wasmFlagsSet || process.env.THIDUA_WASM_INLINING === '0') return;
  wasmFlagsSet = true;
  // Later V8s (Node 22 on) inline wasm by default and no longer know the flag: setting an
  // unknown flag would print a warning on stderr, so it is set for V8 11 and older only.
  if (Number(process.versions.v8.split('.')[0]) <= 11) setFlagsFromString('--experimental-wasm-inlining');
}

async function startWorker(timeoutMs: number, onError: (e: Error) => void): Promise<TesseractWorker> {
  enableWasmInlining();
  const { createWorker, OEM } = (await import('tesseract.js')).default as unknown as {
    createWorker: (lang: string, oem: number, options: object) => Promise<TesseractWorker>;
    OEM: { LSTM_ONLY: number };
  };
  const langPath = tessdataDir();
  let timer: NodeJS.Timeout | undefined;
  const timeout = new Promise<never>((_, reject) => {
    timer = setTimeout(() => reject(new OcrTimeoutError(`the OCR engine did not start within ${Math.round(timeoutMs / 1000)} s`, Math.round(timeoutMs / 1000))), timeoutMs);
  });
  const creating = createWorker(LANG, OEM.LSTM_ONLY, {
    langPath,
    gzip: false,
    cacheMethod: 'none',
    logger: () => undefined,
    errorHandler: (data: unknown) => onError(new Error(`OCR engine error: ${String(data)}`)),
  });
  try {
    const worker = await Promise.race([creating, timeout]);
    await worker.setParameters({ tessedit_pageseg_mode: PAGE_SEG_MODE, preserve_interword_spaces: '0' });
    return worker;
  } catch (error) {
    creating.then((w) => w.terminate()).catch(() => undefined);
    throw error;
  } finally {
    clearTimeout(timer);
  }
}

async function recognizeWith(worker: TesseractWorker, image: GrayImage): Promise<OcrResult> {
  // TSV (one row per word with its box and confidence) is far lighter to produce and move
  // between threads than the block tree with every symbol.
  const { data } = await worker.recognize(Buffer.from(encodeTiff(image).buffer), {}, { text: false, blocks: false, tsv: true });
  return parseTsv((data as unknown as { tsv: string | null }).tsv ?? '');
}

/** Tesseract's TSV: level, page, block, par, line, word, left, top, width, height, conf, text. */
export function parseTsv(tsv: string): OcrResult {
  const lines = new Map<string, OcrWord[]>();
  for (const row of tsv.split('\n')) {
    const f = row.split('\t');
    if (f.length < 12 || f[0] !== '5') continue;
    const text = f.slice(11).join('\t').trim();
    if (text === '') continue;
    const left = Number(f[6]);
    const top = Number(f[7]);
    const word: OcrWord = { text, confidence: Number(f[10]), x0: left, y0: top, x1: left + Number(f[8]), y1: top + Number(f[9]) };
    const key = `${f[2]}.${f[3]}.${f[4]}`;
    const list = lines.get(key);
    if (list) list.push(word);
    else lines.set(key, [word]);
  }
  const out: OcrLine[] = [];
  const confidences: number[] = [];
  for (const words of lines.values()) {
    for (const w of words) confidences.push(w.confidence);
    out.push({
      text: joinWords(words),
      words,
      confidence: words.reduce((s, w) => s + w.confidence, 0) / words.length,
      y0: Math.min(...words.map((w) => w.y0)),
      y1: Math.max(...words.map((w) => w.y1)),
    });
  }
  out.sort((a, b) => a.y1 - b.y1);
  const confidence = confidences.length ? confidences.reduce((a, b) => a + b, 0) / confidences.length : 0;
  return { lines: out, confidence };
}

/** Words of one line; a gap wider than ~2 em between words separates two columns (TAB). */
export function joinWords(words: OcrWord[]): string {
  const heights = words.map((w) => w.y1 - w.y0).sort((a, b) => a - b);
  const em = heights[Math.floor(heights.length / 2)] || 1;
  let text = '';
  let end = -Infinity;
  for (const w of [...words].sort((a, b) => a.x0 - b.x0)) {
    if (text !== '') text += w.x0 - end > em * 2.6 ? '\t' : ' ';
    text += w.text;
    end = w.x1;
  }
  return text;
}

let shared: OcrPool | null = null;

/** The process-wide pool (created on first use). */
export function sharedOcrPool(options?: OcrPoolOptions): OcrPool {
  shared ??= new OcrPool(options);
  return shared;
}

/** Closes the shared pool now (callers that know they are done, e.g. a batch run). */
export async function closeOcr(): Promise<void> {
  const pool = shared;
  shared = null;
  await pool?.close();
}
