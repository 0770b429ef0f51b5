// A worker thread that extracts plan records for `thidua ingest`, so several files are
// extracted at once while the main thread stores them one transaction at a time.
import { parentPort, workerData } from 'node:worker_threads';
import { setLang } from '../messages/index.js';
import { InputError } from '../errors.js';
import { extractGuarded, warmGuard } from '../guard.js';

export interface ExtractRequest {
  id: number;
  path: string;
}

export type ExtractReply =
  | { id: number; ok: true; record: unknown; text: string | null; pageStarts: number[] | null }
  | { id: number; progress: { done: number; total: number; label: string } }
  | { id: number; ok: false; input: ReturnType<InputError['toJSON']> | null; message: string };

// Messages in the language of the command line that started the worker.
setLang((workerData as { lang?: string } | undefined)?.lang ?? null);

// Each extraction runs in a guarded worker process (pipeline/guard.ts: time limits, a crash of
// a native decoder refuses the file instead of ending the ingest); started now, it loads the
// pipeline and the diacritics model while the main thread opens the library.
warmGuard();

async function extractOne(req: ExtractRequest): Promise<void> {
  try {
    const { record, text, pageStarts } = await extractGuarded(req.path, {
      quiet: true,
      onProgress: (progress) => parentPort!.postMessage({ id: req.id, progress } satisfies ExtractReply),
    });
    parentPort!.postMessage({ id: req.id, ok: true, record, text, pageStarts } satisfies ExtractReply);
  } catch (error) {
    const input = error instanceof InputError ? error.toJSON() : null;
    parentPort!.postMessage({ id: req.id, ok: false, input, message: (error as Error)?.message ?? String(error) } satisfies ExtractReply);
  }
}

// The pool sends a file ahead of time (so that the worker never waits for a busy main thread to
// hand it the next one): files are extracted one after the other, in the order they came.
let chain: Promise<void> = Promise.resolve();
parentPort?.on('message', (req: ExtractRequest) => {
  chain = chain.then(() => extractOne(req));
});
