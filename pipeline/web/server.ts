// The officer's workbench, server side: a Fastify app over the same library as the CLI, with
// the JSON API under /api (described at /api/openapi.json) and the pages (web/public) at /.
// `buildServer` returns the app without listening, so tests use app.inject and `thidua serve`
// listens. Every error is {error: {code, message}} from the message catalogue, never a stack.
import { randomUUID, timingSafeEqual } from 'node:crypto';
import { existsSync, statSync } from 'node:fs';
import { mkdir, rm, writeFile } from 'node:fs/promises';
import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import Fastify, { type FastifyInstance, type FastifyReply, type FastifyRequest } from 'fastify';
import multipart from '@fastify/multipart';
import fastifyStatic from '@fastify/static';
import swagger from '@fastify/swagger';
import { InputError } from '../errors.js';
import { Library, PlanNotFound, type LibraryLocation, type PlanFilters } from '../library/library.js';
import { CorrectionError, type PatchOperation } from '../library/corrections.js';
import { createExtractPool, type ExtractPool } from '../library/extract-pool.js';
import { extractBytesWithText } from '../library/extract-text.js';
import type { Extracted } from '../library/ingest.js';
import { numberKey } from '../compare/reference.js';
import { DEFAULT_MAX_BYTES } from '../ingest/types.js';
import { formatBytes } from '../ingest/index.js';
import type { Lang } from '../messages/index.js';
import { EXTRACTOR_VERSION, VERSION } from '../version.js';
import { ApiError, errorBody, requestLang } from './errors.js';
import { UploadTracker, UPLOAD_ID } from './uploads.js';
import { registerPlanRoutes } from './routes.js';
import { registerFormRoutes } from './forms.js';
import { registerPageRoutes } from './pages-api.js';
import { sofficePath } from './pdf.js';

export interface ServerOptions {
  /** An open library (the caller closes it), or … */
  library?: Library;
  /** … where to open one (closed with the server). */
  location?: LibraryLocation;
  /** The library folder: uploads being read are kept under it (default: the data directory, else a temporary one). */
  workDir?: string;
  /** Access token: API requests must carry it (Authorization: Bearer, or the cookie set by ?token=). */
  token?: string | null;
  /** Folder of the pages served at / (default: web/public of the installation, when there). */
  publicDir?: string | null;
  /** Largest upload, bytes (default 64 MB, the readers' limit). */
  maxUploadBytes?: number;
  /** Uploads read at once; more get 429 (default 8). */
  maxConcurrentUploads?: number;
  /** Extraction worker threads (default 1; 0 reads uploads in the server's thread). */
  jobs?: number;
  /** Extractor version stored with records (default: the pipeline's). */
  extractorVersion?: string;
  /** Fastify's request log (default off). */
  logger?: boolean;
}

/** What the routes share. */
export interface ServerContext {
  lib: Library;
  options: Required<Pick<ServerOptions, 'maxUploadBytes' | 'maxConcurrentUploads' | 'extractorVersion'>> & ServerOptions;
  uploads: UploadTracker;
  workDir: string;
  /** Reads an upload into a record and its text, reporting progress. */
  extract(bytes: Uint8Array, name: string, onProgress: (p: { done: number; total: number; label: string }) => void): Promise<Extracted>;
  /** Uploads being read now. */
  active: { count: number };
}

declare module 'fastify' {
  interface FastifyRequest {
    lang: Lang;
    /** The request carried a valid bearer token (an API client). */
    bearer: boolean;
  }
}

const ROOT = resolve(import.meta.dirname, '../../..');

/** Default folder of the pages: web/public of the checkout (dist/pipeline/web → ../../../web/public). */
export function defaultPublicDir(): string | null {
  for (const dir of [join(ROOT, 'web/public'), resolve(import.meta.dirname, '../../web/public')]) {
    if (existsSync(dir) && statSync(dir).isDirectory()) return dir;
  }
  return null;
}

/** Addresses of the app's pages, answered with web/public/index.html (the page routes in the browser). */
export const APP_PAGES: RegExp[] = [/^\/(inbox|upload|library|plans|compare|forms|dossier|settings)\/?$/, /^\/plans\/\d+(\/[a-z-]+)?\/?$/, /^\/(compare|forms|dossier)\/\d+(\/\d+)?\/?$/];

const STATE_CHANGING = new Set(['POST', 'PUT', 'PATCH', 'DELETE']);
const TOKEN_COOKIE = 'thidua_token';

function sameSecret(a: string, b: string): boolean {
  const x = Buffer.from(a);
  const y = Buffer.from(b);
  return x.length === y.length && timingSafeEqual(x, y);
}

function cookie(req: FastifyRequest, name: string): string | null {
  const header = req.headers.cookie;
  if (!header) return null;
  for (const part of header.split(';')) {
    const eq = part.indexOf('=');
    if (eq > 0 && part.slice(0, eq).trim() === name) {
      try {
        return decodeURIComponent(part.slice(eq + 1).trim());
      } catch {
        return null;
      }
    }
  }
  return null;
}

/** A name for an upload in records and messages: the file's base name, printable, short. Never used as a path. */
export function displayName(filename: string | undefined): string {
  const base = (filename ?? '').split(/[\\/]/).pop() ?? '';
  // eslint-disable-next-line no-control-regex
  const clean = base.normalize('NFC').replace(/[\u0000-\u001f\u007f]+/g, ' ').trim().slice(0, 200);
  return clean || 'upload';
}

export async function buildServer(options: ServerOptions = {}): Promise<FastifyInstance> {
  const own = !options.library;
  const lib = options.library ?? (await Library.open(options.location ?? {}));
  const workDir = options.workDir ?? options.location?.data ?? mkdtempSync(join(tmpdir(), 'thidua-web-'));
  const opts = { maxUploadBytes: DEFAULT_MAX_BYTES, maxConcurrentUploads: 8, extractorVersion: EXTRACTOR_VERSION, ...options };
  const jobs = options.jobs ?? 1;
  // The workers start (and load the diacritics model) while the server starts.
  let pool: ExtractPool | null | undefined = jobs > 0 ? createExtractPool(jobs) : null;
  const uploadDir = join(workDir, 'uploads');
  const publicDir = options.publicDir === undefined ? defaultPublicDir() : options.publicDir;

  const ctx: ServerContext = {
    lib,
    options: opts,
    uploads: new UploadTracker(),
    workDir,
    active: { count: 0 },
    async extract(bytes, name, onProgress) {
      if (pool === undefined) pool = jobs > 0 ? createExtractPool(jobs) : null;
      if (!pool) return extractBytesWithText(bytes, name, { onProgress, quiet: true, maxBytes: opts.maxUploadBytes });
      // The worker reads a file: the bytes go under the library folder by a random name (the
      // upload's own name is never a path), removed once read.
      await mkdir(uploadDir, { recursive: true });
      const path = join(uploadDir, randomUUID());
      await writeFile(path, bytes, { mode: 0o600 });
      try {
        const extracted = await pool.extractWithText(path, onProgress);
        return { ...extracted, record: { ...extracted.record, source: { ...extracted.record.source, path: name } } };
      } catch (error) {
        if (error instanceof InputError) throw new InputError(name, error.problem, error.message);
        throw error;
      } finally {
        await rm(path, { force: true });
      }
    },
  };

  const app = Fastify({
    logger: options.logger ?? false,
    bodyLimit: 1024 * 1024,
    // Route parameters and query strings are validated by each route's schema.
    ajv: { customOptions: { coerceTypes: true, removeAdditional: false, allErrors: false } },
    trustProxy: false,
  });
  app.decorateRequest('lang', 'vi');
  app.decorateRequest('bearer', false);

  app.addHook('onClose', async () => {
    await pool?.close();
    if (own) await lib.close();
  });

  // A JSON Patch body is JSON.
  app.addContentTypeParser('application/json-patch+json', { parseAs: 'string' }, (_req, body, done) => {
    try {
      done(null, JSON.parse(body as string));
    } catch {
      done(new ApiError(400, 'web.invalid-patch', { detail: 'not JSON' }), undefined);
    }
  });

  await app.register(multipart, {
    limits: { fileSize: opts.maxUploadBytes, files: 1, fields: 10, fieldSize: 100 * 1024, parts: 12, headerPairs: 200 },
  });

  await app.register(swagger, {
    openapi: {
      openapi: '3.0.3',
      info: {
        title: 'thidua API',
        version: VERSION,
        description:
          'Plans on emulation campaigns (kế hoạch thi đua): upload, library, corrections (JSON Patch), comparison, award forms. Errors are {error: {code, message}}; messages in Vietnamese, English with ?lang=en or Accept-Language: en. State-changing requests from a browser carry the X-Thidua-CSRF header; API clients with a bearer token are exempt.',
      },
      components: { securitySchemes: { bearer: { type: 'http', scheme: 'bearer' } } },
    },
  });

  app.addHook('onRequest', async (req, reply) => {
    req.lang = requestLang(req.query, req.headers['accept-language']);
    reply.header('X-Content-Type-Options', 'nosniff');
    reply.header('Referrer-Policy', 'no-referrer');
    reply.header('X-Frame-Options', 'DENY');
    const token = opts.token;
    const auth = req.headers.authorization;
    req.bearer = !!token && typeof auth === 'string' && auth.startsWith('Bearer ') && sameSecret(auth.slice(7).trim(), token);
    const path = req.url.split('?')[0];
    if (!path.startsWith('/api/')) return;
    if (token && !req.bearer && path !== '/api/health' && path !== '/api/openapi.json') {
      const fromCookie = cookie(req, TOKEN_COOKIE);
      if (!fromCookie || !sameSecret(fromCookie, token)) throw new ApiError(401, 'web.unauthorized');
    }
    if (STATE_CHANGING.has(req.method) && !req.bearer) {
      // A browser sends its markers (Origin, Sec-Fetch-Site, cookies); a page of another site
      // cannot add a custom header without a CORS preflight, which this server never grants.
      const fromBrowser = req.headers.origin !== undefined || req.headers['sec-fetch-site'] !== undefined || req.headers.cookie !== undefined || req.headers.referer !== undefined;
      if (fromBrowser && req.headers['x-thidua-csrf'] === undefined) throw new ApiError(403, 'web.csrf');
      const site = req.headers['sec-fetch-site'];
      if (site === 'cross-site') throw new ApiError(403, 'web.csrf');
    }
  });

  app.setErrorHandler((error: Error & { statusCode?: number; code?: string; validation?: unknown }, req, reply) => {
    const lang = req.lang ?? 'vi';
    if (error instanceof ApiError) return reply.status(error.statusCode).send(errorBody(error.code, error.params, lang, error.extra));
    if (error instanceof PlanNotFound) return reply.status(404).send(errorBody('web.plan-not-found', { id: error.id }, lang));
    if (error instanceof CorrectionError) return reply.status(422).send(errorBody(`web.${error.code}`, { detail: error.detail(lang) }, lang));
    if (error instanceof InputError) {
      const code = error.problem === 'not-a-plan' ? 'web.not-a-plan' : 'web.bad-input';
      const status = error.problem === 'too-large' ? 413 : 422;
      return reply.status(status).send(errorBody(code, { name: error.path ?? '', detail: error.message }, lang, { problem: error.problem }));
    }
    if (error.validation) return reply.status(400).send(errorBody('web.invalid-request', { detail: error.message }, lang));
    const code = error.code ?? '';
    if (code === 'FST_REQ_FILE_TOO_LARGE' || code === 'FST_ERR_CTP_BODY_TOO_LARGE' || error.statusCode === 413) {
      return reply.status(413).send(errorBody('web.too-large', { limit: formatBytes(code === 'FST_ERR_CTP_BODY_TOO_LARGE' ? 1024 * 1024 : opts.maxUploadBytes) }, lang));
    }
    if (code === 'FST_FILES_LIMIT' || code === 'FST_PARTS_LIMIT' || code === 'FST_FIELDS_LIMIT') return reply.status(413).send(errorBody('web.too-many-files', {}, lang));
    if (code === 'FST_INVALID_MULTIPART_CONTENT_TYPE') return reply.status(415).send(errorBody('web.no-file', {}, lang));
    if (code === 'FST_ERR_CTP_INVALID_MEDIA_TYPE') return reply.status(415).send(errorBody('web.unsupported-media', { detail: String(req.headers['content-type'] ?? '') }, lang));
    // The static files refuse a path that climbs out of their folder: to the client, no such page.
    if (error.statusCode === 403 && !req.url.startsWith('/api/')) return reply.status(404).send(errorBody('web.not-found', {}, lang));
    if (error.statusCode && error.statusCode >= 400 && error.statusCode < 500) {
      return reply.status(error.statusCode).send(errorBody('web.invalid-request', { detail: error.message }, lang));
    }
    // A fault of thidua: one line on the server's standard error, a plain message to the client.
    process.stderr.write(`thidua serve: ${req.method} ${req.url.split('?')[0]}: ${error.message}\n`);
    return reply.status(500).send(errorBody('web.internal', {}, lang));
  });

  app.setNotFoundHandler((req, reply) => {
    const path = req.url.split('?')[0];
    // A page of the app (/plans/12, /compare …): the single page, which routes in the browser.
    if (publicDir && req.method === 'GET' && APP_PAGES.some((re) => re.test(path)) && existsSync(join(publicDir, 'index.html'))) {
      return reply.type('text/html; charset=utf-8').sendFile('index.html');
    }
    return reply.status(404).send(errorBody('web.not-found', {}, req.lang ?? 'vi'));
  });

  app.get('/api/health', { schema: { tags: ['library'], summary: 'The server is up; the library it serves' } }, async () => ({
    ok: true,
    version: VERSION,
    extractor: opts.extractorVersion,
    library: lib.db.kind,
    plans: await lib.count(),
    /** The award forms can be had as PDF (LibreOffice is installed). */
    pdf: sofficePath() !== null,
  }));

  app.get('/api/openapi.json', { schema: { hide: true } }, async () => app.swagger());

  app.get(
    '/api/uploads/:uploadId',
    { schema: { tags: ['plans'], summary: 'Progress of an upload being read (stage, pages OCR\'d)', params: { type: 'object', properties: { uploadId: { type: 'string', pattern: UPLOAD_ID.source } }, required: ['uploadId'] } } },
    async (req) => {
      const state = ctx.uploads.get((req.params as { uploadId: string }).uploadId);
      if (!state) throw new ApiError(404, 'web.upload-not-found');
      return state;
    },
  );

  app.get(
    '/api/uploads/:uploadId/events',
    { schema: { tags: ['plans'], summary: 'Progress of an upload as server-sent events, until done or failed', params: { type: 'object', properties: { uploadId: { type: 'string', pattern: UPLOAD_ID.source } }, required: ['uploadId'] } } },
    (req, reply) => {
      const id = (req.params as { uploadId: string }).uploadId;
      reply.hijack();
      const res = reply.raw;
      res.writeHead(200, { 'Content-Type': 'text/event-stream; charset=utf-8', 'Cache-Control': 'no-store', Connection: 'keep-alive', 'X-Content-Type-Options': 'nosniff' });
      const send = (state: object) => res.write(`data: ${JSON.stringify(state)}\n\n`);
      const first = ctx.uploads.ensure(id);
      send(first);
      if (first.stage === 'done' || first.stage === 'failed') return void res.end();
      const unsubscribe = ctx.uploads.subscribe(id, (state) => {
        send(state);
        if (state.stage === 'done' || state.stage === 'failed') {
          unsubscribe();
          res.end();
        }
      });
      const timer = setInterval(() => res.write(': keep-alive\n\n'), 15_000);
      res.on('close', () => {
        clearInterval(timer);
        unsubscribe();
      });
    },
  );

  registerPlanRoutes(app, ctx);
  registerFormRoutes(app, ctx);
  registerPageRoutes(app);

  if (publicDir) {
    await app.register(fastifyStatic, {
      root: publicDir,
      prefix: '/',
      index: ['index.html'],
      dotfiles: 'deny',
      wildcard: true,
      setHeaders: (res) => {
        res.header(
          'Content-Security-Policy',
          "default-src 'self'; img-src 'self' data: blob:; style-src 'self' 'unsafe-inline'; script-src 'self'; object-src 'none'; frame-src 'self' blob:; frame-ancestors 'none'; base-uri 'none'; form-action 'self'",
        );
      },
    });
  }

  // ?token=… on a page: the token goes into a same-site cookie, the address loses it.
  app.addHook('preHandler', async (req, reply) => {
    const q = req.query as { token?: unknown } | undefined;
    if (!opts.token || req.method !== 'GET' || typeof q?.token !== 'string' || req.url.startsWith('/api/')) return;
    if (!sameSecret(q.token, opts.token)) throw new ApiError(401, 'web.unauthorized');
    const url = new URL(req.url, 'http://x');
    url.searchParams.delete('token');
    reply.header('Set-Cookie', `${TOKEN_COOKIE}=${encodeURIComponent(opts.token)}; HttpOnly; SameSite=Strict; Path=/`);
    return reply.redirect(url.pathname + url.search, 303);
  });

  return app;
}

// ---- helpers shared by the routes ----

/** A plan argument: a library id, or a document number held by exactly one plan. */
export async function resolvePlan(lib: Library, arg: string | number): Promise<number> {
  const text = String(arg).trim();
  if (/^\d+$/.test(text)) return Number(text);
  if (numberKey(text)) {
    const found = await lib.findByNumber(text);
    if (found.length === 1) return found[0].id;
  }
  throw new ApiError(404, 'web.plan-not-found', { id: text });
}

/** The filters of a list query. */
export function filtersOf(q: { level?: string; kind?: string; issuer?: string; year?: number }): PlanFilters {
  const f: PlanFilters = {};
  if (q.level) f.level = q.level as PlanFilters['level'];
  if (q.kind) f.kind = q.kind as PlanFilters['kind'];
  if (q.issuer) f.issuer = q.issuer;
  if (q.year !== undefined) f.year = q.year;
  return f;
}

/** A plan as the API gives it: the record with corrections applied, its corrections and sources. */
export async function planView(lib: Library, id: number) {
  const plan = await lib.get(id);
  if (!plan) throw new PlanNotFound(id);
  const [corrections, sources] = await Promise.all([lib.corrections(id), lib.sources(id)]);
  const { record, diagnostics, links, children, ...summary } = plan;
  return { id, record, corrections, sources, summary, diagnostics, links, children };
}

export type PatchBody = PatchOperation[];

export function sendBytes(reply: FastifyReply, bytes: Uint8Array, type: string, fileName: string): FastifyReply {
  // RFC 6266: an ASCII fallback and the UTF-8 name.
  const ascii = fileName.normalize('NFD').replace(/[^\x20-\x7e]/g, '').replace(/["\\]/g, '') || 'download';
  return reply
    .header('Content-Type', type)
    .header('Content-Disposition', `attachment; filename="${ascii}"; filename*=UTF-8''${encodeURIComponent(fileName)}`)
    .header('Cache-Control', 'no-store')
    .send(Buffer.from(bytes));
}
