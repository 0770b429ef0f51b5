// A pool of extraction workers (./extract-worker.js). Used by ingest when the compiled
// worker is available (running from dist/); otherwise extraction runs in-process.
import { existsSync } from 'node:fs';
import { availableParallelism } from 'node:os';
import { fileURLToPath } from 'node:url';
import { Worker } from 'node:worker_threads';
import { InputError, type InputProblem } from '../errors.js';
import { coerceRecord } from './records.js';
import type { PlanRecord } from '../record/schema.js';
import type { ExtractReply } from './extract-worker.js';

export interface ExtractPool {
  extract(path: string): Promise<PlanRecord>;
  close(): Promise<void>;
}

/** Workers to use by default: one per core but one (the main thread stores), at least 1, at most 4. */
export function defaultJobs(): number {
  return Math.max(1, Math.min(4, availableParallelism() - 1));
}

/** A pool of `jobs` workers, or null when the compiled worker script is not there. */
export function createExtractPool(jobs: number): ExtractPool | null {
  const script = fileURLToPath(new URL('./extract-worker.js', import.meta.url));
  if (jobs < 1 || !existsSync(script)) return null;
  const workers = Array.from({ length: jobs }, () => new Worker(script));
  const idle = [...workers];
  const waiting: Array<() => void> = [];
  const pending = new Map<number, { resolve: (r: PlanRecord) => void; reject: (e: unknown) => void }>();
  let next = 0;
  for (const w of workers) {
    w.on('message', (reply: ExtractReply) => {
      const p = pending.get(reply.id);
      if (!p) return;
      pending.delete(reply.id);
      idle.push(w);
      waiting.shift()?.();
      if (reply.ok) {
        try {
          p.resolve(coerceRecord(reply.record));
        } catch (error) {
          p.reject(error);
        }
      } else if (reply.input) {
        p.reject(new InputError(reply.input.path, reply.input.problem as InputProblem, reply.input.message));
      } else {
        p.reject(new Error(reply.message));
      }
    });
    w.on('error', (error) => {
      for (const p of pending.values()) p.reject(error);
      pending.clear();
    });
  }
  return {
    async extract(path: string): Promise<PlanRecord> {
      while (idle.length === 0) await new Promise<void>((r) => waiting.push(r));
      const w = idle.pop()!;
      const id = next++;
      return new Promise<PlanRecord>((resolve, reject) => {
        pending.set(id, { resolve, reject });
        w.postMessage({ id, path });
      });
    },
    async close() {
      await Promise.all(workers.map((w) => w.terminate()));
    },
  };
}
