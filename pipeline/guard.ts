// Guarded extraction: a file is read and analysed in a worker process, under the time limits of
// pipeline/ingest/limits.ts. Readers are third-party decoders (pdf.js, utif2, the canvas
// decoders, tesseract.js) that can loop or stall on a damaged file, and synchronous work cannot
// be interrupted in the thread that runs it: the parent watches the worker — a deadline for
// each step without progress (stepTimeoutMs: reading up to the first page, each page, the
// analysis of the text) and one for the whole file (timeoutMs) — and kills it at the deadline,
// refusing the file with a clear message (InputError `timeout`). It is a process, not a thread:
// a native decoder can crash on a damaged image (the canvas JPEG decoder does, on a JPEG cut
// after its header), which would take a thread's whole process with it; here the file is
// refused (`damaged-image`, …) and the run goes on. A worker out of memory is likewise ended and
// the file refused (`out-of-memory`). One worker serves the files of a run one after the other;
// a new one is started after a kill.
import { fork, type ChildProcess } from 'node:child_process';
import { existsSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { InputError } from './errors.js';
import { extractFile, type ExtractOptions } from './extract.js';
import { DEFAULT_LIMITS } from './ingest/limits.js';
import { startProgress, type Progress } from './ingest/progress.js';
import { currentLang, t } from './messages/index.js';
import type { GuardReply, GuardRequest } from './guard-worker.js';
import type { PlanRecord } from './record/schema.js';

export interface GuardedResult {
  record: PlanRecord;
  /** The normalised text the record's evidence refers to. */
  text: string;
  /** The first line of each page in that text. */
  pageStarts: number[];
}

/** A failure of thidua itself (not of the file): exit 70 with the catalogue's internal-error text. */
export class InternalError extends Error {
  constructor(
    message: string,
    readonly detail?: string,
  ) {
    super(message);
    this.name = 'InternalError';
  }
}

/** The compiled worker script: next to this module in dist/, or dist/ of the package when run from source. */
function workerScript(): string | null {
  const here = dirname(fileURLToPath(import.meta.url));
  const sibling = join(here, 'guard-worker.js');
  if (existsSync(sibling)) return sibling;
  const fromSource = join(here, '..', 'dist', 'pipeline', 'guard-worker.js');
  return existsSync(fromSource) ? fromSource : null;
}

let worker: ChildProcess | null = null;
let heapMb = 0;
let nextId = 0;
let chain: Promise<unknown> = Promise.resolve();

function startWorker(script: string, maxHeapMb: number): ChildProcess {
  // Library warnings (pdf.js, the OCR engine) are not the user's business: stdout is dropped,
  // stderr shown only with THIDUA_DEBUG.
  const w = fork(script, [], {
    execArgv: [`--max-old-space-size=${maxHeapMb}`],
    serialization: 'advanced',
    stdio: ['ignore', 'ignore', process.env.THIDUA_DEBUG ? 'inherit' : 'ignore', 'ipc'],
  });
  heapMb = maxHeapMb;
  idle(w);
  return w;
}

/** The parent may exit while the worker waits for the next file. */
function idle(w: ChildProcess): void {
  w.unref();
  (w.channel as { unref?: () => void } | undefined)?.unref?.();
}

function busy(w: ChildProcess): void {
  w.ref();
  (w.channel as { ref?: () => void } | undefined)?.ref?.();
}

const KIND_PROBLEM: Record<string, { problem: 'damaged-pdf' | 'damaged-image' | 'damaged-docx'; code: string; format?: string }> = {
  pdf: { problem: 'damaged-pdf', code: 'input.pdf-damaged' },
  docx: { problem: 'damaged-docx', code: 'input.reader-failed', format: 'DOCX' },
  png: { problem: 'damaged-image', code: 'input.image-damaged', format: 'PNG' },
  jpeg: { problem: 'damaged-image', code: 'input.image-damaged', format: 'JPEG' },
  tiff: { problem: 'damaged-image', code: 'input.image-damaged', format: 'TIFF' },
  webp: { problem: 'damaged-image', code: 'input.image-damaged', format: 'WEBP' },
};

/**
 * Extracts the plan record of a file in the guarded worker. Throws InputError for a file that
 * is refused (including `timeout` and `out-of-memory`), InternalError for a fault of thidua.
 * Calls are served one at a time, in order.
 */
export function extractGuarded(path: string, options: ExtractOptions = {}): Promise<GuardedResult> {
  const run = chain.then(() => runOne(path, options));
  chain = run.catch(() => undefined);
  return run;
}

/** Starts the worker now (it loads the pipeline and the diacritics model while the caller does other work). */
export function warmGuard(maxHeapMb = DEFAULT_LIMITS.maxHeapMb): void {
  const script = workerScript();
  if (script && !worker) worker = startWorker(script, maxHeapMb);
}

/** Ends the worker (a run is over). */
export async function closeGuard(): Promise<void> {
  const w = worker;
  worker = null;
  if (w && w.exitCode === null && w.signalCode === null) {
    const exited = new Promise((resolve) => w.once('exit', resolve));
    busy(w); // the exit must keep the event loop alive until it is seen
    w.kill('SIGKILL');
    await exited;
  }
}

async function runOne(path: string, options: ExtractOptions): Promise<GuardedResult> {
  const script = workerScript();
  if (!script) {
    // Not built (a test run from source without dist/): in-process, without the kill.
    const { record, text, pageStartLines } = await extractFile(path, options);
    return { record, text, pageStarts: pageStartLines };
  }
  const limits = { ...DEFAULT_LIMITS, ...options.limits };
  if (!worker || heapMb !== limits.maxHeapMb || worker.exitCode !== null || worker.signalCode !== null) {
    await closeGuard();
    worker = startWorker(script, limits.maxHeapMb);
  }
  const w = worker;
  const id = ++nextId;
  const request: GuardRequest = {
    id,
    path,
    lang: currentLang(),
    options: {
      restore: options.restore,
      allowNonPlan: options.allowNonPlan,
      pageRange: options.pageRange,
      maxBytes: options.maxBytes,
      limits: options.limits,
      timeoutMs: options.timeoutMs,
    },
  };
  const totalMs = options.timeoutMs ?? limits.timeoutMs;
  const stepMs = limits.stepTimeoutMs;
  return new Promise<GuardedResult>((resolve, reject) => {
    let stage: 'read' | 'analyse' = 'read';
    let kind: string | null = null;
    let progress: Progress | null = null;
    let pages: { done: number; total: number } | null = null;
    let stepTimer: NodeJS.Timeout | undefined;
    const finish = () => {
      clearTimeout(stepTimer);
      clearTimeout(totalTimer);
      progress?.stop();
      w.off('message', onMessage);
      w.off('error', onError);
      w.off('exit', onExit);
      idle(w);
    };
    const kill = (error: Error) => {
      finish();
      if (worker === w) worker = null;
      w.kill('SIGKILL');
      reject(error);
    };
    const onStall = () => {
      const stageText =
        stage === 'analyse'
          ? t('input.stage-analyse')
          : pages
            ? t('input.stage-page', { page: Math.min(pages.total, pages.done + 1), total: pages.total })
            : t('input.stage-read');
      kill(new InputError(path, 'timeout', { code: 'input.stalled', params: { stage: stageText, seconds: Math.round(stepMs / 1000) } }));
    };
    const beat = () => {
      clearTimeout(stepTimer);
      stepTimer = setTimeout(onStall, stepMs);
    };
    const totalTimer = setTimeout(() => kill(new InputError(path, 'timeout', { code: 'input.timeout', params: { seconds: Math.round(totalMs / 1000) } })), totalMs);
    const onMessage = (reply: GuardReply) => {
      if (reply.id !== id) return;
      switch (reply.type) {
        case 'stage':
          stage = reply.stage;
          if (reply.kind !== undefined) kind = reply.kind;
          beat();
          return;
        case 'beat':
          beat();
          return;
        case 'progress':
          beat();
          pages = { done: reply.done, total: reply.total };
          if (options.onProgress) options.onProgress({ done: reply.done, total: reply.total, label: reply.label });
          else if (!progress) progress = startProgress(reply.total, options, reply.label);
          else progress.tick();
          return;
        case 'done':
          finish();
          resolve({ record: reply.record as PlanRecord, text: reply.text, pageStarts: reply.pageStarts });
          return;
        case 'error': {
          const error = reply.input ? InputError.fromJSON(reply.input) : new InternalError(reply.message, reply.stack);
          if (reply.fatal) kill(error);
          else {
            finish();
            reject(error);
          }
          return;
        }
      }
    };
    const onError = (error: Error) => {
      finish();
      if (worker === w) worker = null;
      w.kill('SIGKILL');
      reject(new InternalError(error.message, error.stack));
    };
    const onExit = (code: number | null, signal: NodeJS.Signals | null) => {
      finish();
      if (worker === w) worker = null;
      // V8 ends a process out of heap with an abort; a decoder that crashes gets a signal.
      if (signal === 'SIGABRT' || code === 134) {
        reject(new InputError(path, 'out-of-memory', { code: 'input.out-of-memory', params: { limit: limits.maxHeapMb } }));
        return;
      }
      const damaged = stage === 'read' && kind ? KIND_PROBLEM[kind] : undefined;
      if (damaged) {
        reject(new InputError(path, damaged.problem, { code: damaged.code, params: { format: damaged.format ?? '' } }));
        return;
      }
      reject(new InternalError(`the extraction worker stopped (${signal ?? `exit code ${code}`})`));
    };
    w.on('message', onMessage);
    w.on('error', onError);
    w.on('exit', onExit);
    busy(w);
    beat();
    w.send(request);
  });
}
