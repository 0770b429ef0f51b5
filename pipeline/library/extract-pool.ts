// A pool of extraction workers (./extract-worker.js). Used by ingest when the compiled
// worker is available (running from dist/); otherwise extraction runs in-process.
import { existsSync } from 'node:fs';
import { availableParallelism } from 'node:os';
import { fileURLToPath } from 'node:url';
import { Worker } from 'node:worker_threads';
import { InputError } from '../errors.js';
import { currentLang } from '../messages/index.js';
import { coerceRecord } from './records.js';
import type { PlanRecord } from '../record/schema.js';
import type { ExtractReply } from './extract-worker.js';
import type { Extracted } from './ingest.js';

/** A file waiting for a worker, and how to settle its promise. */
interface Job {
  path: string;
  resolve: (extracted: Extracted) => void;
  reject: (error: unknown) => void;
  onProgress?: (progress: { done: number; total: number; label: string }) => void;
}

export interface ExtractPool {
  extract(path: string): Promise<PlanRecord>;
  /** The record with the normalised text and page starts; `onProgress` as pages are read (OCR). */
  extractWithText(path: string, onProgress?: Job['onProgress']): Promise<Extracted>;
  close(): Promise<void>;
}

/** Files handed to a worker before it answers the first of them. */
const AHEAD = 2;

/** Workers to use by default: one per core but one (the main thread stores), at least 1, at most 4. */
export function defaultJobs(): number {
  return Math.max(1, Math.min(4, availableParallelism() - 1));
}

/** A pool of `jobs` workers, or null when the compiled worker script is not there. */
export function createExtractPool(jobs: number): ExtractPool | null {
  const script = fileURLToPath(new URL('./extract-worker.js', import.meta.url));
  if (jobs < 1 || !existsSync(script)) return null;
  const workers = Array.from({ length: jobs }, () => new Worker(script, { workerData: { lang: currentLang() } }));
  // Files handed to each worker and not answered yet: up to AHEAD, so that a worker has its
  // next file before it finishes this one, even when the main thread is busy.
  const inFlight = new Map<Worker, number>(workers.map((w) => [w, 0]));
  const alive = new Set(workers);
  const queue: Job[] = [];
  const pending = new Map<number, { job: Job; worker: Worker }>();
  let next = 0;
  const dispatch = () => {
    for (;;) {
      if (queue.length === 0) return;
      let target: Worker | null = null;
      for (const w of alive) if (inFlight.get(w)! < AHEAD && (!target || inFlight.get(w)! < inFlight.get(target)!)) target = w;
      if (!target) return;
      const job = queue.shift()!;
      const id = next++;
      pending.set(id, { job, worker: target });
      inFlight.set(target, inFlight.get(target)! + 1);
      target.postMessage({ id, path: job.path });
    }
  };
  for (const w of workers) {
    w.on('message', (reply: ExtractReply) => {
      const job = pending.get(reply.id)?.job;
      if (!job) return;
      if ('progress' in reply) {
        job.onProgress?.(reply.progress);
        return;
      }
      pending.delete(reply.id);
      inFlight.set(w, inFlight.get(w)! - 1);
      dispatch();
      if (reply.ok) {
        try {
          job.resolve({ record: coerceRecord(reply.record), text: reply.text, pageStarts: reply.pageStarts });
        } catch (error) {
          job.reject(error);
        }
      } else if (reply.input) {
        job.reject(InputError.fromJSON(reply.input));
      } else {
        job.reject(new Error(reply.message));
      }
    });
    w.on('error', (error) => {
      // A worker that fails takes its files with it; when none is left, so do the queued ones.
      alive.delete(w);
      for (const [id, p] of pending) {
        if (p.worker !== w) continue;
        pending.delete(id);
        p.job.reject(error);
      }
      if (alive.size === 0) for (const job of queue.splice(0)) job.reject(error);
    });
  }
  const extractWithText = (path: string, onProgress?: Job['onProgress']): Promise<Extracted> => {
    if (alive.size === 0) return Promise.reject(new Error('the extraction workers have stopped'));
    return new Promise<Extracted>((resolve, reject) => {
      queue.push({ path, resolve, reject, onProgress });
      dispatch();
    });
  };
  return {
    extract: (path: string) => extractWithText(path).then((x) => x.record),
    extractWithText,
    async close() {
      for (const job of queue.splice(0)) job.reject(new Error('the extraction pool was closed'));
      await Promise.all(workers.map((w) => w.terminate()));
    },
  };
}
