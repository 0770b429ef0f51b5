// The worker process of the guarded extraction (./guard.ts): extracts one file at a time and
// tells the parent where it is (stage and kind of file, pages, heartbeats) so that the parent
// can end it when a step runs too long or when a native decoder crashes it. Whatever escapes a
// reader here — an error thrown from a library's callback, outside any promise — is still
// turned into the file's InputError.
import { readFileSync } from 'node:fs';
import { InputError } from './errors.js';
import { extractSource, type ExtractOptions } from './extract.js';
import { detectKind } from './ingest/detect.js';
import { ingestFile, joinPages, readerFailure } from './ingest/index.js';
import { loadRestoreModel, nameSyllables } from './diacritics/index.js';
import { setLang, type Lang } from './messages/index.js';

export interface GuardRequest {
  id: number;
  path: string;
  lang: Lang;
  options: Pick<ExtractOptions, 'restore' | 'allowNonPlan' | 'pageRange' | 'maxBytes' | 'limits' | 'timeoutMs'>;
}

export type GuardReply =
  | { id: number; type: 'stage'; stage: 'read' | 'analyse'; kind?: string | null }
  | { id: number; type: 'beat' }
  | { id: number; type: 'progress'; done: number; total: number; label: string }
  | { id: number; type: 'done'; record: unknown; text: string; pageStarts: number[] }
  | { id: number; type: 'error'; input: ReturnType<InputError['toJSON']> | null; message: string; stack?: string; fatal?: boolean };

let current: GuardRequest | null = null;
const post = (reply: GuardReply) => void process.send?.(reply);

function fail(request: GuardRequest, error: unknown, fatal = false): void {
  let input: InputError | null = error instanceof InputError ? error : null;
  // An error that escaped a reader while the file was read: the file is damaged.
  if (!input && stage === 'read') {
    const kind = kindOf(request.path);
    if (kind === 'pdf' || kind === 'docx' || kind === 'png' || kind === 'jpeg' || kind === 'tiff' || kind === 'webp') input = readerFailure(error, kind, request.path);
  }
  const e = error as Error | undefined;
  post({ id: request.id, type: 'error', input: input ? input.toJSON() : null, message: e?.message ?? String(error), stack: e?.stack, fatal });
}

function kindOf(path: string): string | null {
  try {
    return detectKind(readFileSync(path));
  } catch {
    return null;
  }
}

let stage: 'read' | 'analyse' = 'read';

async function extractOne(request: GuardRequest): Promise<void> {
  current = request;
  setLang(request.lang);
  const { id } = request;
  try {
    stage = 'read';
    // The kind of file, so that the parent can name a native crash of its decoder.
    post({ id, type: 'stage', stage, kind: kindOf(request.path) });
    const source = await ingestFile(request.path, {
      ...request.options,
      quiet: true,
      onProgress: (p) => post({ id, type: 'progress', ...p }),
      heartbeat: () => post({ id, type: 'beat' }),
    });
    stage = 'analyse';
    post({ id, type: 'stage', stage });
    const { record, text } = extractSource(source, request.options);
    // Normalisation keeps every line in place: the raw page starts hold in the normalised text.
    post({ id, type: 'done', record, text, pageStarts: joinPages(source.pageTexts).pageStartLines });
  } catch (error) {
    fail(request, error);
  } finally {
    current = null;
  }
}

// The file's work may still be pending after such an error: the main thread ends this worker.
process.on('uncaughtException', (error) => {
  if (current) fail(current, error, true);
});
process.on('unhandledRejection', (error) => {
  if (current) fail(current, error, true);
});

// Loaded while the parent prepares the first file: plans without diacritics need the model.
setImmediate(() => {
  loadRestoreModel();
  nameSyllables();
});

let chain: Promise<void> = Promise.resolve();
process.on('message', (request: GuardRequest) => {
  chain = chain.then(() => extractOne(request));
});
// The parent gone, nothing is left to do.
process.on('disconnect', () => process.exit(0));
