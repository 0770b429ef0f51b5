// A worker thread that extracts plan records for `thidua ingest`, so several files are
// extracted at once while the main thread stores them one transaction at a time.
import { parentPort } from 'node:worker_threads';
import { InputError } from '../errors.js';
import { loadRestoreModel, nameSyllables } from '../diacritics/index.js';
import { extractWithText } from './extract-text.js';

export interface ExtractRequest {
  id: number;
  path: string;
}

export type ExtractReply =
  | { id: number; ok: true; record: unknown; text: string | null; pageStarts: number[] | null }
  | { id: number; progress: { done: number; total: number; label: string } }
  | { id: number; ok: false; input: { path: string | null; problem: string; message: string } | null; message: string };

// Loaded now, while the main thread opens the library and reads the first files: a batch of
// plans nearly always holds some without diacritics, whose restoration needs the model.
setImmediate(() => {
  loadRestoreModel();
  nameSyllables();
});

async function extractOne(req: ExtractRequest): Promise<void> {
  try {
    const { record, text, pageStarts } = await extractWithText(req.path, {
      quiet: true,
      onProgress: (progress) => parentPort!.postMessage({ id: req.id, progress } satisfies ExtractReply),
    });
    parentPort!.postMessage({ id: req.id, ok: true, record, text, pageStarts } satisfies ExtractReply);
  } catch (error) {
    const input = error instanceof InputError ? { path: error.path, problem: error.problem, message: error.message } : null;
    parentPort!.postMessage({ id: req.id, ok: false, input, message: (error as Error)?.message ?? String(error) } satisfies ExtractReply);
  }
}

// The pool sends a file ahead of time (so that the worker never waits for a busy main thread to
// hand it the next one): files are extracted one after the other, in the order they came.
let chain: Promise<void> = Promise.resolve();
parentPort?.on('message', (req: ExtractRequest) => {
  chain = chain.then(() => extractOne(req));
});
