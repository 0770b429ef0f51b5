// The ingest queue (issue 14): files waiting to be read into the library, kept in the same
// PostgreSQL server as the library and run by `thidua worker` processes on any number of
// machines. The queue itself is pg-boss (transactional jobs, FOR UPDATE SKIP LOCKED, retries,
// a lease per running job); thidua adds what pg-boss does not know about:
// - content addressing: a job's id is derived from the file's sha256, so the same file
//   queued twice (from two machines, two directories, two days) is one job;
// - the file travels with its job: its bytes are stored in the database, in table
//   `<queue schema>.thidua_file`, keyed by sha256, inserted in the same transaction as the
//   job, so that workers need no shared storage; they are dropped once the job is done (the
//   library keeps its own copy of every stored source).
import { readFile, stat } from 'node:fs/promises';
import { createHash } from 'node:crypto';
import pg from 'pg';
import PgBoss from 'pg-boss';
import { InputError } from '../errors.js';
import { DEFAULT_MAX_BYTES } from '../ingest/types.js';
import { parsePostgresUrl } from '../library/database.js';
import { t } from '../messages/index.js';

/** The pg-boss queue (job name) of files to ingest. */
export const QUEUE_NAME = 'thidua-ingest';
/** Attempts of a job before it is put on the failed list (pg-boss: 1 + retryLimit). */
export const MAX_ATTEMPTS = 3;
/** Lease of a running job by default, in seconds: a worker renews it while it works. */
export const DEFAULT_LEASE_SECONDS = 60;

/** What a job carries (the bytes are in thidua_file, by sha256). */
export interface JobData {
  sha256: string;
  /** The path the file was queued from (as given to `queue add`): the plan's source path. */
  path: string;
  size: number;
}

/** What a done job records. */
export interface JobOutput {
  status: 'stored' | 'added' | 'updated' | 'unchanged'; // added: another source of a plan already stored
  id: number;
  number: string | null;
  pages: number;
}

export interface QueueStatus {
  pending: number;
  active: number;
  done: number;
  failed: number;
  /** The failed jobs (at most 1000), oldest first, with their error. */
  failures: Array<{ path: string; sha256: string; error: string; attempts: number }>;
}

export type AddStatus = 'queued' | 'already-queued' | 'failed';
export interface AddOutcome {
  path: string;
  status: AddStatus;
  sha256?: string;
  reason?: string;
}

/** The job id of a file: its content hash's first 128 bits as a UUID. */
export function jobIdOf(sha256: string): string {
  const h = sha256.slice(0, 32);
  return `${h.slice(0, 8)}-${h.slice(8, 12)}-${h.slice(12, 16)}-${h.slice(16, 20)}-${h.slice(20, 32)}`;
}

export interface QueueOptions {
  /** Run pg-boss's maintenance in this process (expiry of leases, archiving): workers do. */
  supervise?: boolean;
  /** Seconds between two maintenance runs (expired leases are retried then). */
  maintenanceSeconds?: number;
  /** Connections in the pool. */
  connections?: number;
}

/** The queue on one PostgreSQL server. */
export class IngestQueue {
  private constructor(
    readonly boss: PgBoss,
    /** Schema of the queue's tables: the library's schema + "_queue". */
    readonly schema: string,
    private readonly connectionString: string,
    readonly location: string,
  ) {}

  /** Connects (creating the queue's schema and tables when needed). */
  static async open(url: string, options: QueueOptions = {}): Promise<IngestQueue> {
    const { connectionString, schema: librarySchema, safeUrl } = parsePostgresUrl(url);
    const schema = `${librarySchema}_queue`.slice(0, 50);
    const maintenance = Math.max(1, Math.min(120, Math.round(options.maintenanceSeconds ?? 30)));
    const boss = new PgBoss({
      connectionString,
      schema,
      max: options.connections ?? 4,
      connectionTimeoutMillis: 10_000,
      supervise: options.supervise ?? false,
      schedule: false,
      maintenanceIntervalSeconds: maintenance,
      // Done jobs move to the archive after a day; failed ones stay listed (and retryable) for a year.
      archiveCompletedAfterSeconds: 24 * 3600,
      archiveFailedAfterSeconds: 365 * 24 * 3600,
      deleteAfterDays: 30,
    } as PgBoss.ConstructorOptions);
    // pg-boss reports background errors (a lost connection) as events; they must not crash the process.
    boss.on('error', () => {});
    try {
      await boss.start();
      if (!(await boss.getQueue(QUEUE_NAME))) {
        // A backlog of a million pages may wait for weeks: jobs are kept a year before expiring unrun.
        await boss.createQueue(QUEUE_NAME, { name: QUEUE_NAME, policy: 'standard', retryLimit: MAX_ATTEMPTS - 1, retryDelay: 2, retentionMinutes: 365 * 24 * 60 }).catch(async (error) => {
          // Another process created it at the same moment.
          if (!(await boss.getQueue(QUEUE_NAME))) throw error;
        });
      }
      await boss.getDb().executeSql(
        `CREATE TABLE IF NOT EXISTS ${schema}.thidua_file (
           sha256 text PRIMARY KEY,
           job_id uuid NOT NULL,
           size integer NOT NULL,
           content bytea NOT NULL,
           added_on timestamptz NOT NULL DEFAULT now()
         )`,
        [],
      ).catch(async (error) => {
        // Two processes creating it at once: one wins, the other sees a duplicate type.
        const exists = await boss.getDb().executeSql(`SELECT to_regclass($1) AS t`, [`${schema}.thidua_file`]);
        if (!exists.rows[0]?.t) throw error;
      });
    } catch (error) {
      await boss.stop({ graceful: false, wait: true }).catch(() => {});
      throw new InputError(safeUrl, 'unreadable', t('queue.cannot-connect', { detail: (error as Error).message }), { cause: error });
    }
    return new IngestQueue(boss, schema, connectionString, safeUrl);
  }

  async close(): Promise<void> {
    await this.boss.stop({ graceful: false, wait: true, timeout: 1000 });
  }

  private sql<T = Record<string, unknown>>(text: string, params: unknown[] = []): Promise<T[]> {
    return this.boss.getDb().executeSql(text, params).then((r) => r.rows as T[]);
  }

  /**
   * Queues files: each one's bytes and its job in one transaction. A file already queued (or
   * done and not yet archived) is not queued again.
   */
  async add(paths: string[], onFile?: (o: AddOutcome) => void, maxBytes = DEFAULT_MAX_BYTES): Promise<AddOutcome[]> {
    const client = new pg.Client({ connectionString: this.connectionString, connectionTimeoutMillis: 10_000 });
    client.on('error', () => {});
    await client.connect();
    const executor = { executeSql: (text: string, values?: unknown[]) => client.query(text, values as unknown[]) };
    const outcomes: AddOutcome[] = [];
    try {
      for (const path of paths) {
        let outcome: AddOutcome;
        let bytes: Buffer;
        try {
          const info = await stat(path);
          if (!info.isFile()) throw new InputError(path, 'unreadable', t('queue.not-a-file'));
          if (info.size > maxBytes) throw new InputError(path, 'too-large', t('queue.too-large', { max: maxBytes }));
          if (info.size === 0) throw new InputError(path, 'empty', t('queue.empty'));
          bytes = await readFile(path);
        } catch (error) {
          outcome = { path, status: 'failed', reason: readReason(error) };
          outcomes.push(outcome);
          onFile?.(outcome);
          continue;
        }
        const sha256 = createHash('sha256').update(bytes).digest('hex');
        const id = jobIdOf(sha256);
        await client.query('BEGIN');
        try {
          await client.query(`INSERT INTO ${this.schema}.thidua_file (sha256, job_id, size, content) VALUES ($1, $2, $3, $4) ON CONFLICT (sha256) DO NOTHING`, [sha256, id, bytes.length, bytes]);
          const data: JobData = { sha256, path, size: bytes.length };
          // Bigger files first (pg-boss takes the highest priority first): a long scan started
          // last would keep one worker busy while the others idle.
          const priority = Math.min(1_000_000, Math.floor(bytes.length / 1024));
          const created = await this.boss.send(QUEUE_NAME, data as unknown as object, { id, priority, db: executor } as PgBoss.SendOptions);
          // Not created: the job exists (its bytes with it, unless it is done): change nothing.
          await client.query(created ? 'COMMIT' : 'ROLLBACK');
          outcome = { path, status: created ? 'queued' : 'already-queued', sha256 };
        } catch (error) {
          await client.query('ROLLBACK').catch(() => {});
          throw error;
        }
        outcomes.push(outcome);
        onFile?.(outcome);
      }
    } finally {
      await client.end().catch(() => {});
    }
    return outcomes;
  }

  /** Counts of pending, active, done and failed jobs, and the failed ones with their error. */
  async status(): Promise<QueueStatus> {
    const rows = await this.sql<{ state: string; n: number }>(
      `SELECT state::text AS state, count(*)::int AS n FROM ${this.schema}.job WHERE name = $1 GROUP BY state
       UNION ALL SELECT 'archived-' || state::text, count(*)::int FROM ${this.schema}.archive WHERE name = $1 AND state = 'completed' GROUP BY state`,
      [QUEUE_NAME],
    );
    const n = (state: string) => rows.filter((r) => r.state === state).reduce((s, r) => s + r.n, 0);
    const failed = await this.sql<{ data: JobData; output: { message?: string; value?: { message?: string } } | null; retry_count: number }>(
      `SELECT data, output, retry_count FROM ${this.schema}.job WHERE name = $1 AND state = 'failed' ORDER BY completed_on, id LIMIT 1000`,
      [QUEUE_NAME],
    );
    return {
      pending: n('created') + n('retry'),
      active: n('active'),
      done: n('completed') + n('archived-completed'),
      failed: n('failed'),
      failures: failed.map((r) => ({
        path: r.data.path,
        sha256: r.data.sha256,
        error: r.output?.message ?? r.output?.value?.message ?? 'failed',
        attempts: r.retry_count + 1,
      })),
    };
  }

  /** Puts every failed job back in the queue (one more attempt each); resolves to how many. */
  async retryFailed(): Promise<number> {
    const ids = (await this.sql<{ id: string }>(`SELECT id FROM ${this.schema}.job WHERE name = $1 AND state = 'failed'`, [QUEUE_NAME])).map((r) => r.id);
    let retried = 0;
    for (let i = 0; i < ids.length; i += 1000) retried += affected(await this.boss.retry(QUEUE_NAME, ids.slice(i, i + 1000)));
    return retried;
  }

  /** Takes the next job (state active, leased to this worker), or null when none is waiting. */
  async fetch(): Promise<{ id: string; data: JobData } | null> {
    const jobs = await this.boss.fetch<JobData>(QUEUE_NAME, { batchSize: 1 });
    return jobs[0] ? { id: jobs[0].id, data: jobs[0].data } : null;
  }

  /**
   * Renews the lease of running jobs for `seconds` from now. pg-boss 10 expires a job when
   * started_on + expire_in is past (its maintenance then retries it): a worker that is alive
   * keeps pushing that moment forward; a killed one stops, and its job is retried elsewhere.
   */
  async renew(ids: string[], seconds: number): Promise<void> {
    if (ids.length === 0) return;
    await this.sql(
      `UPDATE ${this.schema}.job SET started_on = now(), expire_in = $3 * interval '1 second' WHERE name = $1 AND id = ANY($2::uuid[]) AND state = 'active'`,
      [QUEUE_NAME, ids, seconds],
    );
  }

  /** The bytes of a queued file, or null when they are gone (its job is done). */
  async fileBytes(sha256: string): Promise<Buffer | null> {
    const rows = await this.sql<{ content: Buffer }>(`SELECT content FROM ${this.schema}.thidua_file WHERE sha256 = $1`, [sha256]);
    return rows[0]?.content ?? null;
  }

  /** Marks a job done (false when its lease was lost and another worker has it now). */
  async complete(id: string, output: JobOutput): Promise<boolean> {
    return affected(await this.boss.complete(QUEUE_NAME, id, output as unknown as object)) > 0;
  }

  /** Records a failed attempt: retried while attempts remain, then on the failed list. */
  async fail(id: string, message: string): Promise<void> {
    await this.boss.fail(QUEUE_NAME, id, { message });
  }

  /** Drops the bytes of files whose job is done (or gone): the library holds its own copy. */
  async dropDoneFiles(sha256?: string): Promise<number> {
    const rows = await this.sql<{ n: number }>(
      `WITH gone AS (
         DELETE FROM ${this.schema}.thidua_file f
         WHERE ($2::text IS NULL OR f.sha256 = $2)
           AND NOT EXISTS (SELECT 1 FROM ${this.schema}.job j WHERE j.name = $1 AND j.id = f.job_id AND j.state IN ('created', 'retry', 'active', 'failed'))
         RETURNING 1
       ) SELECT count(*)::int AS n FROM gone`,
      [QUEUE_NAME, sha256 ?? null],
    );
    return rows[0]?.n ?? 0;
  }

  /** No job waiting or running (failed and done ones aside). */
  async idle(): Promise<boolean> {
    const rows = await this.sql<{ n: number }>(`SELECT count(*)::int AS n FROM ${this.schema}.job WHERE name = $1 AND state IN ('created', 'retry', 'active')`, [QUEUE_NAME]);
    return rows[0].n === 0;
  }
}

/** Rows a pg-boss command changed (its typings say void; it resolves to {jobs, requested, affected}). */
function affected(result: unknown): number {
  return (result as { affected?: number } | undefined)?.affected ?? 0;
}

function readReason(error: unknown): string {
  if (error instanceof InputError) return `${error.message} (${error.problem})`;
  const code = (error as NodeJS.ErrnoException).code;
  if (code === 'ENOENT') return t('queue.no-such-file');
  return t('queue.cannot-read', { code: code ?? 'error' });
}
