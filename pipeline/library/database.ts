// One small interface over the two databases the library runs on: PGlite (PostgreSQL
// compiled to WebAssembly, embedded, a data directory on disk) and a PostgreSQL server
// reached with node-postgres. Both run the same SQL: the schema, the migrations and the
// queries are written once.
import { mkdir, open, readFile, rm } from 'node:fs/promises';
import { join } from 'node:path';
import { InputError } from '../errors.js';
import { t } from '../messages/index.js';
import { connectShared, serveDatabase, socketPathFor, type PgliteLike, type SharedServer } from './shared-pglite.js';

export interface Queryable {
  /** Runs one statement with $1… parameters; resolves to the rows. */
  query<T = Record<string, unknown>>(sql: string, params?: unknown[]): Promise<T[]>;
  /** Runs several statements without parameters. */
  exec(sql: string): Promise<void>;
}

export interface Database extends Queryable {
  readonly kind: 'pglite' | 'postgres';
  /** Where the data lives: a directory or the server URL without its password. */
  readonly location: string;
  /** Runs `fn` in one transaction: all of it commits or none of it. */
  transaction<T>(fn: (tx: Queryable) => Promise<T>): Promise<T>;
  /** Lets other thidua processes use this embedded library through this process (once it is migrated). */
  share?(): Promise<void>;
  close(): Promise<void>;
}

/** Schema the library's tables live in, on both databases. */
export const LIBRARY_SCHEMA = 'thidua';

// ---- PGlite ----

/** How long a process waits for the holder of a library to answer (it may be opening it). */
const SHARED_WAIT_MS = 60_000;

/**
 * Opens (creating when needed) an embedded database in `dir`. Only one process may open a
 * data directory: a lock file names the holder and the socket it serves the library on
 * (./shared-pglite.ts). When another live thidua process holds it, the library is used
 * through that process, so that `list` answers while an `ingest` runs; a lock left by a
 * killed process is taken over.
 */
export async function openPglite(dir: string): Promise<Database> {
  try {
    await mkdir(dir, { recursive: true });
  } catch (error) {
    throw new InputError(dir, 'unreadable', { code: 'library.err.create-dir', params: { code: (error as NodeJS.ErrnoException).code ?? 'error' } });
  }
  const socketPath = socketPathFor(dir);
  const deadline = Date.now() + SHARED_WAIT_MS;
  for (;;) {
    const lock = await lockDirectory(dir, socketPath);
    if ('release' in lock) return openOwnPglite(dir, lock.release, socketPath);
    try {
      return await connectShared(lock.socket, dir, async () => {
        // The holder closed the library: open it again (this process may hold it now).
        const db = await openPglite(dir);
        await db.share?.();
        return db;
      });
    } catch {
      // The holder is still opening the library (or has just closed it): look again.
      if (Date.now() > deadline) throw new InputError(dir, 'unreadable', { code: 'library.holder-not-answering', params: { pid: lock.holder } });
      await new Promise((r) => setTimeout(r, 100));
    }
  }
}

async function openOwnPglite(dir: string, release: () => Promise<void>, socketPath: string): Promise<Database> {
  try {
    const { PGlite } = await import('@electric-sql/pglite');
    const { pg_trgm } = await import('@electric-sql/pglite/contrib/pg_trgm');
    const { unaccent } = await import('@electric-sql/pglite/contrib/unaccent');
    const db = await PGlite.create({ dataDir: join(dir, 'pgdata'), extensions: { pg_trgm, unaccent } });
    await db.exec(`CREATE SCHEMA IF NOT EXISTS ${LIBRARY_SCHEMA}; SET search_path TO ${LIBRARY_SCHEMA}, public;`);
    const wrap = (q: { query: typeof db.query; exec: typeof db.exec }): Queryable => ({
      async query<T>(sql: string, params?: unknown[]) {
        return (await q.query<T>(sql, params)).rows;
      },
      async exec(sql: string) {
        await q.exec(sql);
      },
    });
    let server: SharedServer | null = null;
    return {
      kind: 'pglite',
      location: dir,
      ...wrap(db),
      transaction: (fn) => db.transaction((tx) => fn(wrap(tx))),
      async share() {
        server ??= await serveDatabase(db as unknown as PgliteLike, socketPath).catch(() => null);
      },
      async close() {
        try {
          await server?.close();
          await db.close();
        } finally {
          await release();
        }
      },
    };
  } catch (error) {
    await release();
    if (error instanceof InputError) throw error;
    throw new InputError(dir, 'unreadable', { code: 'library.err.open-db', params: { detail: (error as Error).message } }, { cause: error });
  }
}

/** Takes the directory's lock, or names the live process that holds it and its socket. */
async function lockDirectory(dir: string, socketPath: string): Promise<{ release: () => Promise<void> } | { holder: number; socket: string }> {
  const lockPath = join(dir, 'thidua.lock');
  for (let attempt = 0; attempt < 2; attempt++) {
    try {
      const handle = await open(lockPath, 'wx');
      await handle.writeFile(`${process.pid}\n${socketPath}\n`);
      await handle.close();
      return {
        release: async () => {
          await rm(lockPath, { force: true });
        },
      };
    } catch (error) {
      if ((error as NodeJS.ErrnoException).code !== 'EEXIST') throw error;
      const [pid, socket] = (await readFile(lockPath, 'utf8').catch(() => '')).split('\n');
      const holder = Number(pid.trim());
      if (holder && holder !== process.pid && processAlive(holder)) return { holder, socket: socket?.trim() || socketPath };
      // Left by a process that is gone (killed): take it over.
      await rm(lockPath, { force: true });
    }
  }
  throw new InputError(dir, 'unreadable', { code: 'library.err.lock' });
}

function processAlive(pid: number): boolean {
  try {
    process.kill(pid, 0);
    return true;
  } catch (error) {
    return (error as NodeJS.ErrnoException).code === 'EPERM';
  }
}

// ---- PostgreSQL server ----

/**
 * A postgres:// URL taken apart: the connection string for `pg` (without the `schema`
 * parameter), the schema the library's tables live in, and the URL with its password hidden.
 */
export function parsePostgresUrl(url: string): { connectionString: string; schema: string; safeUrl: string } {
  const safeUrl = redactUrl(url);
  let schema = LIBRARY_SCHEMA;
  let connectionString = url;
  try {
    const u = new URL(url);
    const named = u.searchParams.get('schema');
    if (named !== null) {
      if (!/^[a-z_][a-z0-9_]{0,62}$/.test(named)) throw new InputError(safeUrl, 'invalid', { code: 'library.err.schema-name', params: { name: named } });
      schema = named;
      u.searchParams.delete('schema');
      connectionString = u.toString();
    }
  } catch (error) {
    if (error instanceof InputError) throw error;
    throw new InputError(safeUrl, 'invalid', { code: 'library.err.not-postgres-url' });
  }
  return { connectionString, schema, safeUrl };
}

/**
 * Connects to a PostgreSQL server. The library's tables live in schema `thidua`, or in the
 * schema named by a `schema` parameter of the URL (postgres://…/db?schema=other).
 */
export async function openPostgres(url: string): Promise<Database> {
  const pg = (await import('pg')).default;
  const { connectionString, schema, safeUrl } = parsePostgresUrl(url);
  const client = new pg.Client({ connectionString, connectionTimeoutMillis: 10_000 });
  // An idle connection error must not crash the process with a stack trace.
  client.on('error', () => {});
  try {
    await client.connect();
    await client.query(`CREATE SCHEMA IF NOT EXISTS ${schema}`);
    await client.query(`SET search_path TO ${schema}, public`);
  } catch (error) {
    await client.end().catch(() => {});
    throw new InputError(safeUrl, 'unreadable', { code: 'library.err.connect', params: { detail: (error as Error).message } }, { cause: error });
  }
  const q: Queryable = {
    async query<T>(sql: string, params?: unknown[]) {
      return (await client.query(sql, params as unknown[])).rows as T[];
    },
    async exec(sql: string) {
      await client.query(sql);
    },
  };
  let chain: Promise<unknown> = Promise.resolve();
  return {
    kind: 'postgres',
    location: safeUrl,
    ...q,
    transaction<T>(fn: (tx: Queryable) => Promise<T>): Promise<T> {
      // One connection: transactions run one after another.
      const run = async () => {
        await client.query('BEGIN');
        try {
          const result = await fn(q);
          await client.query('COMMIT');
          return result;
        } catch (error) {
          await client.query('ROLLBACK').catch(() => {});
          throw error;
        }
      };
      const next = chain.then(run, run);
      chain = next.catch(() => {});
      return next;
    },
    async close() {
      await client.end();
    },
  };
}

/** The URL with its password hidden, for messages. */
export function redactUrl(url: string): string {
  try {
    const u = new URL(url);
    if (u.password) u.password = '***';
    return u.toString();
  } catch {
    return 'postgres://…';
  }
}
