// `thidua worker`: takes jobs from the ingest queue, reads each file into a plan record
// (extraction in worker threads, one per lane) and stores it in the shared library, then
// marks the job done. Failure model:
// - a job is leased: the worker renews the lease while it works; a worker that is killed stops
//   renewing, the lease expires and pg-boss's maintenance (run by every worker) puts the job
//   back in the queue for another worker;
// - a job that fails (a refused file, an extractor fault, a lease lost three times) is retried
//   until MAX_ATTEMPTS, then listed as failed with its error;
// - storing is idempotent (the library is keyed by the file's sha256, and a plan already
//   stored by this extractor is left unchanged), so a job run twice stores one plan.
import { mkdir, mkdtemp, rm, writeFile } from 'node:fs/promises';
import { availableParallelism, tmpdir } from 'node:os';
import { basename, extname, join } from 'node:path';
import { InputError } from '../errors.js';
import { extractGuarded } from '../guard.js';
import { createExtractPool, type ExtractPool } from '../library/extract-pool.js';
import { Library } from '../library/library.js';
import { parseRecordBytes } from '../library/records.js';
import { t } from '../messages/index.js';
import type { PlanRecord } from '../record/schema.js';
import { EXTRACTOR_VERSION } from '../version.js';
import { DEFAULT_LEASE_SECONDS, IngestQueue, type JobData, type JobOutput } from './queue.js';

export interface WorkerOptions {
  /** Jobs run at once (extraction threads); default: the machine's cores. */
  concurrency?: number;
  /** Lease of a running job in seconds (renewed every third of it while the job runs). */
  leaseSeconds?: number;
  /** Stop when no job is waiting or running any more (instead of waiting for new ones). */
  untilEmpty?: boolean;
  /** Seconds between two looks at an empty queue. */
  pollSeconds?: number;
  /** Extraction of a document file (default: worker threads running the pipeline's extractFile). */
  extract?: (path: string) => Promise<PlanRecord>;
  /** Called when a job is taken (before it runs). */
  onStart?: (job: { path: string; sha256: string }) => void;
  /** Called after each job. */
  onJob?: (outcome: JobOutcome) => void;
  /** Stops taking new jobs when aborted; the running ones finish. */
  signal?: AbortSignal;
}

export interface JobOutcome {
  path: string;
  sha256: string;
  status: JobOutput['status'] | 'failed';
  id?: number;
  pages?: number;
  reason?: string;
  /** The job was done by another worker meanwhile (this one's lease had expired). */
  lost?: boolean;
}

export interface WorkerSummary {
  done: number;
  failed: number;
  pages: number;
  seconds: number;
  /** CPU seconds of this process (all its threads: extraction, OCR, the database client). */
  cpuSeconds: number;
}

export function defaultConcurrency(): number {
  return Math.max(1, availableParallelism());
}

/** Runs jobs until the queue is empty (`untilEmpty`) or the signal aborts. */
export async function runWorker(url: string, options: WorkerOptions = {}): Promise<WorkerSummary> {
  const started = performance.now();
  const concurrency = options.concurrency ?? defaultConcurrency();
  const lease = options.leaseSeconds ?? DEFAULT_LEASE_SECONDS;
  const poll = (options.pollSeconds ?? 1) * 1000;
  // OCR workers are sized so that the lanes together use the machine's cores: with one lane
  // per core, each job's pages are read by one OCR worker (extraction threads copy the
  // environment when they start).
  if (!options.extract && !process.env.THIDUA_OCR_WORKERS) process.env.THIDUA_OCR_WORKERS = String(Math.max(1, Math.floor(availableParallelism() / concurrency)));
  // One extraction thread per lane, started now: it loads (the diacritics model) while the
  // databases open. A lane whose thread failed otherwise than by refusing a file gets a new one.
  const pools: Array<ExtractPool | null> = Array.from({ length: concurrency }, () => (options.extract ? null : createExtractPool(1)));
  const extractOf = (n: number) =>
    options.extract ??
    (async (p: string) => {
      const pool = pools[n];
      if (!pool) return (await extractGuarded(p, { quiet: true })).record;
      try {
        return await pool.extract(p);
      } catch (error) {
        if (!(error instanceof InputError)) {
          await pool.close().catch(() => {});
          pools[n] = createExtractPool(1);
        }
        throw error;
      }
    });
  const temp = await mkdtemp(join(tmpdir(), 'thidua-worker-'));
  const cpu0 = process.cpuUsage();
  const summary: WorkerSummary = { done: 0, failed: 0, pages: 0, seconds: 0, cpuSeconds: 0 };
  let lib: Library | null = null;
  let queue: IngestQueue | null = null;
  try {
    lib = await Library.open({ db: url });
    queue = await IngestQueue.open(url, { supervise: true, maintenanceSeconds: lease / 2, connections: Math.min(10, concurrency + 2) });
    await queue.dropDoneFiles();
    const q = queue;
    const l = lib;
    // The library is one connection: its reads and transactions go one after another.
    let chain: Promise<unknown> = Promise.resolve();
    const serial = <T>(fn: () => Promise<T>): Promise<T> => {
      const next = chain.then(fn, fn);
      chain = next.catch(() => {});
      return next;
    };
    const running = new Set<string>();
    const renewal = setInterval(() => void q.renew([...running], lease).catch(() => {}), Math.max(500, (lease * 1000) / 3));
    let fatal: unknown = null;
    const lane = async (n: number): Promise<void> => {
      const dir = join(temp, String(n));
      await mkdir(dir, { recursive: true });
      const extract = extractOf(n);
      while (!options.signal?.aborted && fatal === null) {
        let job: Awaited<ReturnType<IngestQueue['fetch']>>;
        try {
          // pg-boss answers "no job" when the server is unreachable: a worker waits for it to come back.
          job = await q.fetch();
          if (!job) {
            if (options.untilEmpty && (await q.idle())) return;
            await new Promise((r) => setTimeout(r, poll));
            continue;
          }
        } catch (error) {
          fatal = error;
          return;
        }
        running.add(job.id);
        options.onStart?.({ path: job.data.path, sha256: job.data.sha256 });
        try {
          await q.renew([job.id], lease);
          const outcome = await runJob(q, l, serial, extract, dir, job.id, job.data);
          if (outcome.status === 'failed') summary.failed++;
          else {
            summary.done++;
            summary.pages += outcome.pages ?? 0;
          }
          options.onJob?.(outcome);
        } catch (error) {
          // The database is gone: stop; the job's lease expires and another worker retries it.
          fatal = error;
        } finally {
          running.delete(job.id);
        }
      }
    };
    try {
      await Promise.all(Array.from({ length: concurrency }, (_, n) => lane(n)));
    } finally {
      clearInterval(renewal);
    }
    if (fatal) throw new InputError(q.location, 'unreadable', t('queue.database-lost', { detail: (fatal as Error).message }), { cause: fatal });
  } finally {
    await Promise.all(pools.map((p) => p?.close()));
    await queue?.close().catch(() => {});
    await lib?.close().catch(() => {});
    await rm(temp, { recursive: true, force: true });
  }
  summary.seconds = (performance.now() - started) / 1000;
  const cpu = process.cpuUsage(cpu0);
  summary.cpuSeconds = (cpu.user + cpu.system) / 1e6;
  return summary;
}

/** One job: a failure of the file is recorded on the job; a database error propagates. */
async function runJob(
  queue: IngestQueue,
  lib: Library,
  serial: <T>(fn: () => Promise<T>) => Promise<T>,
  extract: (path: string) => Promise<PlanRecord>,
  dir: string,
  jobId: string,
  data: JobData,
): Promise<JobOutcome> {
  const { sha256, path } = data;
  const isRecord = extname(path).toLowerCase() === '.json';
  const found = (await serial(() => lib.findByShas([sha256]))).get(sha256);
  let output: JobOutput;
  if (found && !isRecord && found.extractor === EXTRACTOR_VERSION) {
    // Stored already (by `ingest`, or by this job on a worker killed before it could say so).
    output = { status: 'unchanged', id: found.id, number: null, pages: 0 };
  } else {
    let record: PlanRecord;
    let extractor: string;
    let bytes: Buffer | null;
    try {
      bytes = (await queue.fileBytes(sha256)) ?? (await serial(() => sourceBytes(lib, sha256)));
      if (!bytes) throw new Error(t('queue.bytes-missing'));
      const fromJson = isRecord ? parseRecordBytes(bytes, path) : null;
      extractor = fromJson ? `record:${fromJson.extractor ?? 'unknown'}` : EXTRACTOR_VERSION;
      if (found && found.extractor === extractor) {
        record = fromJson!;
      } else if (fromJson) {
        record = fromJson;
      } else {
        // The reader takes a file: the job's bytes under the file's own name (its extension
        // says a record from a document), in this lane's own directory.
        const local = join(dir, basename(path) || 'file');
        await writeFile(local, bytes);
        try {
          record = await extract(local);
        } finally {
          await rm(local, { force: true });
        }
      }
    } catch (error) {
      const reason = failureReason(error, path, dir);
      await queue.fail(jobId, reason);
      return { path, sha256, status: 'failed', reason };
    }
    if (found && found.extractor === extractor) {
      output = { status: 'unchanged', id: found.id, number: record.document.number, pages: record.source.pages ?? 1 };
    } else {
      const stored: PlanRecord = { ...record, source: { ...record.source, path, sha256 } };
      const b = bytes;
      const { id, status } = await serial(() => lib.store({ record: stored, sha256, content: b, path, extractor, stored: found !== undefined }));
      output = { status, id, number: record.document.number, pages: record.source.pages ?? 1 };
    }
  }
  const completed = await queue.complete(jobId, output);
  if (completed) await queue.dropDoneFiles(sha256);
  return { path, sha256, status: output.status, id: output.id, pages: output.pages, lost: !completed || undefined };
}

/** The source bytes the library keeps (a job re-run after its queued bytes were dropped). */
async function sourceBytes(lib: Library, sha256: string): Promise<Buffer | null> {
  const rows = await lib.db.query<{ content: Uint8Array | null }>(`SELECT content FROM sources WHERE sha256 = $1`, [sha256]);
  return rows[0]?.content ? Buffer.from(rows[0].content) : null;
}

/** One line: why the file failed, naming the queued path (not the worker's temporary copy). */
function failureReason(error: unknown, path: string, dir: string): string {
  const local = (s: string) => s.split(dir + '/').join('').split(join(dir, basename(path))).join(path);
  if (error instanceof InputError) return `${path}: ${local(error.message)} (${error.problem})`;
  return `${path}: ${t('queue.extraction-failed', { detail: local((error as Error)?.message ?? String(error)) })}`;
}
