// One embedded library, several thidua processes. PGlite is PostgreSQL in one process: two
// processes must never open the same data directory. The process that holds it (an ingest,
// the web server …) therefore serves the others through a local socket (a Unix socket, a
// named pipe on Windows): `list`, `show`, `search` or a second `ingest` started meanwhile
// send their statements there and get the rows back, instead of failing with "the library is
// in use". Statements are serialised the way PGlite serialises them in its own process: a
// statement outside a transaction waits for the transaction that is running (one store, a few
// milliseconds), never for the whole ingest; a transaction of another process runs whole,
// between two of the holder's.
//
// Wire format: frames of a 4-byte length and a v8-serialised message (rows keep their Dates
// and byte arrays). Requests {id, op: query|exec|begin|commit|rollback, sql?, params?};
// replies {id, rows} or {id, error}.
import { createHash } from 'node:crypto';
import { rmSync } from 'node:fs';
import { connect, createServer, type Server, type Socket } from 'node:net';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { deserialize, serialize } from 'node:v8';
import { InputError } from '../errors.js';
import { t } from '../messages/index.js';
import type { Database, Queryable } from './database.js';

type Op = 'query' | 'exec' | 'begin' | 'commit' | 'rollback';
interface Request {
  id: number;
  op: Op;
  sql?: string;
  params?: unknown[];
}
interface Reply {
  id: number;
  rows?: unknown[];
  error?: { message: string; code?: string; detail?: string };
}

/** What the holder's PGlite offers: its statements, and transactions that hold it. */
export interface PgliteLike {
  query<T>(sql: string, params?: unknown[]): Promise<{ rows: T[] }>;
  exec(sql: string): Promise<unknown>;
  transaction<T>(fn: (tx: { query<R>(sql: string, params?: unknown[]): Promise<{ rows: R[] }>; exec(sql: string): Promise<unknown> }) => Promise<T>): Promise<T>;
}

/** Where the holder of `dir` listens: a socket in the directory when its path is short enough. */
export function socketPathFor(dir: string, platform: NodeJS.Platform = process.platform): string {
  const abs = resolve(dir);
  const hash = createHash('sha256').update(abs).digest('hex').slice(0, 16);
  if (platform === 'win32') return `\\\\.\\pipe\\thidua-${hash}`;
  const inDir = join(abs, 'thidua.sock');
  // Unix socket paths are limited to about 100 bytes.
  return Buffer.byteLength(inDir) <= 100 ? inDir : join(tmpdir(), `thidua-${hash}.sock`);
}

// ---- frames ----

function writeFrame(socket: Socket, message: unknown): void {
  const body = serialize(message);
  const head = Buffer.alloc(4);
  head.writeUInt32BE(body.length);
  socket.write(Buffer.concat([head, body]));
}

function readFrames(socket: Socket, onMessage: (m: unknown) => void): void {
  let buffer: Buffer = Buffer.alloc(0);
  socket.on('data', (chunk: Buffer) => {
    buffer = buffer.length ? Buffer.concat([buffer, chunk]) : chunk;
    while (buffer.length >= 4) {
      const length = buffer.readUInt32BE(0);
      if (buffer.length < 4 + length) break;
      const body = buffer.subarray(4, 4 + length);
      buffer = buffer.subarray(4 + length);
      onMessage(deserialize(body));
    }
  });
}

function errorOf(error: unknown): Reply['error'] {
  const e = error as { message?: string; code?: string; detail?: string };
  return { message: e?.message ?? String(error), code: e?.code, detail: e?.detail };
}

// ---- the holder ----

class Rollback extends Error {}

/** A connection's requests, taken one at a time. */
class Inbox {
  private items: Request[] = [];
  private waiter: ((r: Request | null) => void) | null = null;
  closed = false;
  get empty(): boolean {
    return this.items.length === 0;
  }
  push(r: Request): void {
    if (this.waiter) {
      const w = this.waiter;
      this.waiter = null;
      w(r);
    } else this.items.push(r);
  }
  close(): void {
    this.closed = true;
    if (this.waiter) {
      const w = this.waiter;
      this.waiter = null;
      w(null);
    }
  }
  next(): Promise<Request | null> {
    if (this.items.length) return Promise.resolve(this.items.shift()!);
    if (this.closed) return Promise.resolve(null);
    return new Promise((res) => (this.waiter = res));
  }
}

export interface SharedServer {
  /**
   * Stops taking connections; waits until no connection has a request or a transaction under
   * way (at most `graceMs`), then cuts them. A request that had no answer was not run: the
   * other process sends it again to whichever process holds the library next.
   */
  close(graceMs?: number): Promise<void>;
}

/** Serves `db` to other processes on `path`. */
export async function serveDatabase(db: PgliteLike, path: string): Promise<SharedServer> {
  /** Connected sockets, and whether each has a request or a transaction under way. */
  const sockets = new Map<Socket, { busy: boolean }>();
  const server: Server = createServer((socket) => {
    const state = { busy: false };
    sockets.set(socket, state);
    const inbox = new Inbox();
    const send = (reply: Reply) => {
      if (!socket.destroyed) writeFrame(socket, reply);
    };
    readFrames(socket, (m) => {
      state.busy = true;
      inbox.push(m as Request);
    });
    socket.on('close', () => {
      sockets.delete(socket);
      inbox.close();
    });
    socket.on('error', () => socket.destroy());
    void (async () => {
      for (;;) {
        if (inbox.empty) state.busy = false;
        const request = await inbox.next();
        if (!request) return;
        state.busy = true;
        if (request.op !== 'begin') {
          try {
            send({ id: request.id, rows: await run(db, request) });
          } catch (error) {
            send({ id: request.id, error: errorOf(error) });
          }
          continue;
        }
        // A transaction: this connection's statements run in it until commit or rollback;
        // a connection that drops rolls it back.
        let endId = request.id;
        try {
          await db.transaction(async (tx) => {
            send({ id: request.id, rows: [] });
            for (;;) {
              const next = await inbox.next();
              if (!next) throw new Rollback('the connection closed');
              endId = next.id;
              if (next.op === 'commit') return;
              if (next.op === 'rollback') throw new Rollback('rolled back');
              try {
                send({ id: next.id, rows: await run(tx, next) });
              } catch (error) {
                send({ id: next.id, error: errorOf(error) });
              }
            }
          });
          send({ id: endId, rows: [] });
        } catch (error) {
          if (error instanceof Rollback) send({ id: endId, rows: [] });
          else send({ id: endId, error: errorOf(error) });
        }
      }
    })();
  });
  if (!path.startsWith('\\\\')) rmSync(path, { force: true }); // left by a holder that was killed
  await new Promise<void>((res, rej) => {
    server.once('error', rej);
    server.listen(path, () => {
      server.off('error', rej);
      res();
    });
  });
  // The socket must not keep the process alive on its own.
  server.unref();
  return {
    async close(graceMs = 30_000) {
      const closed = new Promise<void>((res) => server.close(() => res()));
      const deadline = Date.now() + graceMs;
      for (;;) {
        // Synchronously: a socket found idle is cut before any further request of it is read.
        for (const [socket, state] of sockets) {
          if (!state.busy) {
            socket.destroy();
            sockets.delete(socket);
          }
        }
        if (sockets.size === 0 || Date.now() > deadline) break;
        await new Promise((r) => setTimeout(r, 10));
      }
      for (const socket of sockets.keys()) socket.destroy();
      await closed;
      if (!path.startsWith('\\\\')) rmSync(path, { force: true });
    },
  };
}

async function run(q: { query: PgliteLike['query']; exec: PgliteLike['exec'] }, r: Request): Promise<unknown[]> {
  if (r.op === 'exec') {
    await q.exec(r.sql!);
    return [];
  }
  if (r.op === 'query') return (await q.query(r.sql!, r.params)).rows;
  throw new Error(`unexpected ${r.op}`);
}

// ---- another process ----

/** A small FIFO lock: a transaction holds it; a statement outside one waits for it. */
function mutex(): <T>(fn: () => Promise<T>) => Promise<T> {
  let chain: Promise<unknown> = Promise.resolve();
  return <T>(fn: () => Promise<T>) => {
    const next = chain.then(fn, fn);
    chain = next.catch(() => {});
    return next;
  };
}

/** The connection to the holder closed before this request was answered: it was not run. */
class LostConnection extends Error {}

/**
 * Connects to the process holding the library in `dir`; resolves to a Database whose
 * statements run there, or rejects when nothing listens on `path` (yet). When that process
 * closes the library, the next statement goes to `reopen()`: the library opened again
 * (this process may hold it then).
 */
export async function connectShared(path: string, dir: string, reopen: () => Promise<Database>): Promise<Database> {
  let current: Database = await connectOnce(path, dir);
  let swapping: Promise<Database> | null = null;
  const renew = async (failed: Database): Promise<Database> => {
    if (current === failed) {
      swapping ??= (async () => {
        await failed.close().catch(() => {});
        current = await reopen();
        swapping = null;
        return current;
      })();
      await swapping;
    }
    return current;
  };
  const retried = async <T>(call: (d: Database) => Promise<T>): Promise<T> => {
    for (let attempt = 0; ; attempt++) {
      const d = current;
      try {
        return await call(d);
      } catch (error) {
        if (!(error instanceof LostConnection) || attempt >= 3) throw error instanceof LostConnection ? lostError(dir) : error;
        await renew(d);
      }
    }
  };
  return {
    kind: 'pglite',
    get location() {
      return dir;
    },
    query: <T>(sql: string, params?: unknown[]) => retried((d) => d.query<T>(sql, params)),
    exec: (sql) => retried((d) => d.exec(sql)),
    transaction: (fn) => retried((d) => d.transaction(fn)),
    async close() {
      await current.close();
    },
  };
}

function lostError(dir: string): InputError {
  return new InputError(dir, 'unreadable', t('library.holder-gone'));
}

/** One connection to the holder. */
async function connectOnce(path: string, dir: string): Promise<Database> {
  const socket = await new Promise<Socket>((res, rej) => {
    const s = connect(path);
    s.once('connect', () => {
      s.off('error', rej);
      res(s);
    });
    s.once('error', rej);
  });
  let nextId = 1;
  const waiting = new Map<number, { resolve: (rows: unknown[]) => void; reject: (e: unknown) => void }>();
  let lost = false;
  readFrames(socket, (m) => {
    const reply = m as Reply;
    const w = waiting.get(reply.id);
    if (!w) return;
    waiting.delete(reply.id);
    if (reply.error) w.reject(Object.assign(new Error(reply.error.message), { code: reply.error.code, detail: reply.error.detail }));
    else w.resolve(reply.rows ?? []);
  });
  const fail = () => {
    lost = true;
    for (const w of waiting.values()) w.reject(new LostConnection('lost'));
    waiting.clear();
  };
  socket.on('error', fail);
  socket.on('close', fail);
  const request = (op: Op, sql?: string, params?: unknown[]): Promise<unknown[]> => {
    if (lost) return Promise.reject(new LostConnection('lost'));
    const id = nextId++;
    return new Promise((resolve, reject) => {
      waiting.set(id, { resolve, reject });
      writeFrame(socket, { id, op, sql, params: params?.map((p) => (p instanceof Uint8Array && !Buffer.isBuffer(p) ? Buffer.from(p) : p)) } satisfies Request);
    });
  };
  const inTx: Queryable = {
    async query<T>(sql: string, params?: unknown[]) {
      return (await request('query', sql, params)) as T[];
    },
    async exec(sql: string) {
      await request('exec', sql);
    },
  };
  const exclusive = mutex();
  return {
    kind: 'pglite',
    location: dir,
    query: (sql, params) => exclusive(() => inTx.query(sql, params)),
    exec: (sql) => exclusive(() => inTx.exec(sql)),
    transaction: (fn) =>
      exclusive(async () => {
        // Lost before it began: nothing ran, it may be sent elsewhere (LostConnection).
        await request('begin');
        try {
          const result = await fn(inTx);
          await request('commit');
          return result;
        } catch (error) {
          await request('rollback').catch(() => {});
          // Lost in the middle: the holder rolled it back (or died); not to be run again here.
          throw error instanceof LostConnection ? lostError(dir) : error;
        }
      }),
    async close() {
      socket.end();
      socket.unref();
    },
  };
}
