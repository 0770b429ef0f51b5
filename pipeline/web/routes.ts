// The plan routes of the JSON API: upload, list and search, one plan, corrections, text and
// page images of its sources, delete, merge, compare, exports.
import { createHash } from 'node:crypto';
import type { FastifyInstance } from 'fastify';
import { comparePlans } from '../compare/index.js';
import { renderComparison } from '../compare/render.js';
import { InputError } from '../errors.js';
import { ApiError } from './errors.js';
import { UPLOAD_ID } from './uploads.js';
import { displayName, filtersOf, planView, resolvePlan, sendBytes, type PatchBody, type ServerContext } from './server.js';
import { plansWorkbook, planWorkbook } from './xlsx.js';
import { buildTree } from '../library/tree.js';
import { looksLikeRecord, parseRecordBytes } from '../library/records.js';

/** JSON whose top level says it is a plan record. */
function looksLikeRecordBytes(bytes: Uint8Array): boolean {
  try {
    return looksLikeRecord(JSON.parse(Buffer.from(bytes).toString('utf8')));
  } catch {
    return false;
  }
}

const idParams = { type: 'object', properties: { id: { type: 'integer', minimum: 1 } }, required: ['id'] } as const;
const filterProps = {
  level: { type: 'string', enum: ['province', 'district', 'commune', 'other'] },
  kind: { type: 'string', enum: ['people_committee', 'police', 'party', 'other'] },
  issuer: { type: 'string', maxLength: 200 },
  year: { type: 'integer', minimum: 1900, maximum: 2200 },
  lang: { type: 'string', enum: ['vi', 'en'] },
} as const;
const sourceQuery = { type: 'object', properties: { source: { type: 'string', pattern: '^[0-9a-f]{64}$' }, lang: filterProps.lang } } as const;

const XLSX = 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet';
const FORMAT_TYPES: Record<string, string> = {
  pdf: 'application/pdf',
  docx: 'application/vnd.openxmlformats-officedocument.wordprocessingml.document',
  text: 'text/plain; charset=utf-8',
  markdown: 'text/plain; charset=utf-8',
};

export function registerPlanRoutes(app: FastifyInstance, ctx: ServerContext): void {
  const { lib } = ctx;

  app.post(
    '/api/plans',
    {
      schema: {
        tags: ['plans'],
        summary: 'Upload a plan document (multipart field "file"): 201 with the new plan, 200 with the id of the plan already there (the same plan in another format becomes another source of it)',
        consumes: ['multipart/form-data'],
        querystring: { type: 'object', properties: { upload: { type: 'string', pattern: UPLOAD_ID.source }, lang: filterProps.lang } },
      },
    },
    async (req, reply) => {
      const headerId = req.headers['x-upload-id'];
      const uploadId = (req.query as { upload?: string }).upload ?? (typeof headerId === 'string' && UPLOAD_ID.test(headerId) ? headerId : null);
      if (ctx.active.count >= ctx.options.maxConcurrentUploads) throw new ApiError(429, 'web.busy', { count: ctx.active.count });
      ctx.active.count++;
      try {
        if (!req.isMultipart()) throw new ApiError(415, 'web.no-file');
        const part = await req.file();
        if (!part || part.fieldname !== 'file') throw new ApiError(400, 'web.no-file');
        ctx.uploads.update(uploadId, { stage: 'reading' });
        const bytes = await part.toBuffer();
        if (part.file.truncated) throw new ApiError(413, 'web.too-large', { limit: ctx.options.maxUploadBytes });
        const name = displayName(part.filename);
        if (bytes.length === 0) throw new InputError(name, 'empty', 'the file is empty');
        const sha256 = createHash('sha256').update(bytes).digest('hex');
        const known = (await lib.findByShas([sha256])).get(sha256);
        let status: string;
        let id: number;
        if (known && known.extractor === ctx.options.extractorVersion) {
          id = known.id;
          status = 'unchanged';
        } else if (bytes[0] === 0x7b && looksLikeRecordBytes(bytes)) {
          // A plan record (JSON written by `thidua extract`, or reviewed by hand): stored as it is.
          const record = parseRecordBytes(bytes, name);
          const extractor = `record:${record.extractor ?? 'unknown'}`;
          ctx.uploads.update(uploadId, { stage: 'storing' });
          ({ id, status } = await lib.store({ record: { ...record, source: { ...record.source, path: record.source.path ?? name, sha256 } }, sha256, content: bytes, path: name, extractor }));
        } else {
          const extracted = await ctx.extract(bytes, name, (p) => ctx.uploads.update(uploadId, { stage: 'ocr', done: p.done, total: p.total }));
          ctx.uploads.update(uploadId, { stage: 'storing' });
          const record = { ...extracted.record, source: { ...extracted.record.source, path: name, sha256 } };
          ({ id, status } = await lib.store({
            record,
            sha256,
            content: bytes,
            path: name,
            extractor: ctx.options.extractorVersion,
            text: extracted.text,
            pageStarts: extracted.pageStarts,
          }));
        }
        ctx.uploads.update(uploadId, { stage: 'done', planId: id, status });
        const view = await planView(lib, id);
        return reply.status(status === 'stored' ? 201 : 200).send({ ...view, status, created: status === 'stored' });
      } catch (error) {
        const e = error as { code?: string; message?: string };
        ctx.uploads.update(uploadId, { stage: 'failed', error: { code: error instanceof ApiError ? error.code : (e.code ?? 'error'), message: e.message ?? '' } });
        throw error;
      } finally {
        ctx.active.count--;
      }
    },
  );

  app.get(
    '/api/plans',
    {
      schema: {
        tags: ['plans'],
        summary: 'Plans of the library, newest first; ?q= searches (accents optional, small typos tolerated); filters level, kind, issuer, year',
        querystring: {
          type: 'object',
          properties: { q: { type: 'string', maxLength: 500 }, ...filterProps, limit: { type: 'integer', minimum: 1, maximum: 1000, default: 100 }, offset: { type: 'integer', minimum: 0, default: 0 } },
        },
      },
    },
    async (req) => {
      const q = req.query as { q?: string; level?: string; kind?: string; issuer?: string; year?: number; limit: number; offset: number };
      const filters = filtersOf(q);
      if (q.q && q.q.trim()) {
        const result = await lib.search(q.q, filters, q.limit);
        return { total: result.hits.length, plans: result.hits, terms: result.terms, partial: result.partial };
      }
      const [plans, total] = await Promise.all([lib.list(filters, q.limit, q.offset), lib.count(filters)]);
      return { total, plans };
    },
  );

  app.get('/api/tree', { schema: { tags: ['plans'], summary: 'The hierarchy of the library: each plan under the plan it implements (province → district → commune), UBND and police lines, missing parents as nodes' } }, async () => {
    const { plans, links } = await lib.allLinks();
    return { lines: buildTree(plans, links) };
  });

  app.get('/api/plans/:id', { schema: { tags: ['plans'], summary: 'One plan: {id, record (corrections applied), corrections[], sources[], diagnostics, links, children}', params: idParams } }, async (req) =>
    planView(lib, (req.params as { id: number }).id),
  );

  app.patch(
    '/api/plans/:id',
    {
      schema: {
        tags: ['corrections'],
        summary: 'Correct a plan with a JSON Patch (RFC 6902, Content-Type application/json-patch+json); X-Thidua-User names who corrects',
        params: idParams,
        body: { type: 'array', minItems: 1, maxItems: 1000, items: { type: 'object', required: ['op', 'path'], properties: { op: { type: 'string', enum: ['add', 'remove', 'replace', 'move', 'copy', 'test'] }, path: { type: 'string' }, from: { type: 'string' }, value: {} } } },
      },
    },
    async (req) => {
      if (!String(req.headers['content-type'] ?? '').startsWith('application/json-patch+json')) {
        throw new ApiError(415, 'web.unsupported-media', { detail: `${req.headers['content-type'] ?? ''} (application/json-patch+json)` });
      }
      const id = (req.params as { id: number }).id;
      const correction = await lib.correct(id, req.body as PatchBody, author(req.headers['x-thidua-user']));
      return { ...(await planView(lib, id)), correction };
    },
  );

  app.delete(
    '/api/plans/:id/corrections/:correction',
    {
      schema: {
        tags: ['corrections'],
        summary: 'Undo a correction ("latest" for the latest one in force); the record is rebuilt without it',
        params: { type: 'object', properties: { id: { type: 'integer', minimum: 1 }, correction: { anyOf: [{ type: 'integer', minimum: 1 }, { type: 'string', enum: ['latest'] }] } }, required: ['id', 'correction'] },
      },
    },
    async (req) => {
      const { id, correction } = req.params as { id: number; correction: number | 'latest' };
      const undone = await lib.undoCorrection(id, correction === 'latest' ? null : Number(correction), author(req.headers['x-thidua-user']));
      if (undone === null) throw new ApiError(404, 'web.correction-not-found', { id: String(correction) });
      return { ...(await planView(lib, id)), undone };
    },
  );

  app.delete('/api/plans/:id', { schema: { tags: ['plans'], summary: 'Delete a plan with its sources and corrections', params: idParams } }, async (req) => {
    const id = (req.params as { id: number }).id;
    if (!(await lib.delete(id))) throw new ApiError(404, 'web.plan-not-found', { id });
    return { id, deleted: true };
  });

  app.post(
    '/api/plans/:id/merge',
    {
      schema: {
        tags: ['plans'],
        summary: 'Merge another plan into this one (the same plan stored twice): its sources and corrections move here, it is deleted',
        params: idParams,
        body: { type: 'object', properties: { from: { type: 'integer', minimum: 1 } }, required: ['from'] },
      },
    },
    async (req) => {
      const id = (req.params as { id: number }).id;
      const from = (req.body as { from: number }).from;
      if (from === id) throw new ApiError(400, 'web.same-plan');
      await lib.merge(id, from);
      return planView(lib, id);
    },
  );

  app.get(
    '/api/plans/:id/text',
    { schema: { tags: ['sources'], summary: 'The normalised text of the shown source (or ?source=sha256) with the first line of each page, for evidence highlighting', params: idParams, querystring: sourceQuery } },
    async (req) => {
      const id = (req.params as { id: number }).id;
      const sha = (req.query as { source?: string }).source;
      const plan = await lib.get(id);
      if (!plan) throw new ApiError(404, 'web.plan-not-found', { id });
      let source = await lib.sourceText(id, sha);
      if (!source) throw new ApiError(404, 'web.source-not-found', { id });
      if (source.text === null) {
        // A source stored before texts were kept: read it again. By the same extractor, its text
        // is kept; by an older one, the plan is updated as a re-ingest would (corrections stay).
        const stored = await lib.sourceContent(id, source.sha256);
        if (!stored?.content || stored.content.length === 0 || !stored.extractor || stored.extractor.startsWith('record:')) throw new ApiError(404, 'web.no-text');
        const name = stored.path ?? `plan-${id}`;
        const extracted = await ctx.extract(stored.content, name, () => undefined);
        if (stored.extractor === ctx.options.extractorVersion) await lib.setSourceText(source.sha256, extracted.text ?? '', extracted.pageStarts);
        else {
          const record = { ...extracted.record, source: { ...extracted.record.source, path: name, sha256: source.sha256 } };
          await lib.store({ record, sha256: source.sha256, content: stored.content, path: name, extractor: ctx.options.extractorVersion, text: extracted.text, pageStarts: extracted.pageStarts });
        }
        source = (await lib.sourceText(id, source.sha256))!;
        if (source.text === null) throw new ApiError(404, 'web.no-text');
      }
      // The evidence of the record shown when this source is the one shown (corrections included),
      // else the evidence of the record read from this source: offsets into this text either way.
      const shown = (await lib.get(id))!;
      return { id, sha256: source.sha256, text: source.text, pageStarts: source.pageStarts, shown: source.sha256 === shown.sha256, evidence: source.sha256 === shown.sha256 ? shown.record.evidence : source.evidence };
    },
  );

  app.get(
    '/api/plans/:id/source',
    { schema: { tags: ['sources'], summary: 'The bytes of the shown source (or ?source=sha256), as a download', params: idParams, querystring: sourceQuery } },
    async (req, reply) => {
      const id = (req.params as { id: number }).id;
      const source = await lib.sourceContent(id, (req.query as { source?: string }).source);
      if (!source?.content) throw new ApiError(404, 'web.source-not-found', { id });
      reply.header('Content-Security-Policy', "default-src 'none'; sandbox");
      const type = FORMAT_TYPES[source.format] ?? 'application/octet-stream';
      const ext = source.format === 'markdown' ? 'md' : source.format === 'text' ? 'txt' : source.format === 'image' ? 'bin' : source.format;
      return sendBytes(reply, source.content, type, `plan-${id}-${source.sha256.slice(0, 8)}.${ext}`);
    },
  );

  app.get(
    '/api/plans/:id/pages/:page',
    {
      schema: {
        tags: ['sources'],
        summary: 'Page n of a PDF source as a PNG (GET /api/plans/:id/pages/3.png)',
        params: { type: 'object', properties: { id: { type: 'integer', minimum: 1 }, page: { type: 'string', pattern: '^[0-9]{1,5}(\\.png)?$' } }, required: ['id', 'page'] },
        querystring: sourceQuery,
      },
    },
    async (req, reply) => {
      const { id, page } = req.params as { id: number; page: string };
      const n = Number(page.replace(/\.png$/, ''));
      const sha = (req.query as { source?: string }).source;
      let source = await lib.sourceContent(id, sha);
      if (!sha && source && source.format !== 'pdf') {
        // The shown source is not a PDF: the first PDF source of the plan, if any.
        const pdf = (await lib.sources(id)).find((s) => s.format === 'pdf');
        source = pdf ? await lib.sourceContent(id, pdf.sha256) : null;
      }
      if (!source?.content || source.format !== 'pdf') throw new ApiError(404, 'web.page-not-found', { page: n });
      const { renderPdfPage } = await import('./pages.js');
      const png = await renderPdfPage(source.content, n);
      if (!png) throw new ApiError(404, 'web.page-not-found', { page: n });
      return reply.header('Content-Type', 'image/png').header('Cache-Control', 'private, max-age=3600').send(Buffer.from(png));
    },
  );

  app.get(
    '/api/compare',
    {
      schema: {
        tags: ['compare'],
        summary: 'Compare plan b with plan a (a usually from above): ids or document numbers; ?format=json (default), html or md',
        querystring: {
          type: 'object',
          properties: { a: { type: 'string', minLength: 1, maxLength: 100 }, b: { type: 'string', minLength: 1, maxLength: 100 }, format: { type: 'string', enum: ['json', 'html', 'md'], default: 'json' }, lang: filterProps.lang },
          required: ['a', 'b'],
        },
      },
    },
    async (req, reply) => {
      const q = req.query as { a: string; b: string; format: 'json' | 'html' | 'md' };
      const [a, b] = [await resolvePlan(lib, q.a), await resolvePlan(lib, q.b)];
      const [pa, pb] = [await lib.get(a), await lib.get(b)];
      if (!pa) throw new ApiError(404, 'web.plan-not-found', { id: a });
      if (!pb) throw new ApiError(404, 'web.plan-not-found', { id: b });
      const comparison = comparePlans(pa.record, pb.record);
      if (q.format === 'html') return reply.type('text/html; charset=utf-8').header('Content-Security-Policy', "default-src 'none'; style-src 'unsafe-inline'").send(renderComparison(comparison, 'html', req.lang));
      if (q.format === 'md') return reply.type('text/markdown; charset=utf-8').send(renderComparison(comparison, 'md', req.lang));
      return { a, b, comparison };
    },
  );

  app.get(
    '/api/plans.xlsx',
    { schema: { tags: ['export'], summary: 'The library (filtered like GET /api/plans) as an XLSX workbook', querystring: { type: 'object', properties: { q: { type: 'string', maxLength: 500 }, ...filterProps } } } },
    async (req, reply) => {
      const q = req.query as { q?: string; level?: string; kind?: string; issuer?: string; year?: number };
      const filters = filtersOf(q);
      const plans = q.q && q.q.trim() ? (await lib.search(q.q, filters, 10_000)).hits : await lib.list(filters, 100_000, 0);
      return sendBytes(reply, await plansWorkbook(plans, req.lang), XLSX, 'thidua-plans.xlsx');
    },
  );

  app.get('/api/plans/:id/export.xlsx', { schema: { tags: ['export'], summary: 'One plan record (corrections applied) as an XLSX workbook', params: idParams } }, async (req, reply) => {
    const id = (req.params as { id: number }).id;
    const plan = await lib.get(id);
    if (!plan) throw new ApiError(404, 'web.plan-not-found', { id });
    return sendBytes(reply, await planWorkbook(id, plan.record, req.lang), XLSX, `plan-${id}.xlsx`);
  });
}

/** Who made a change: the X-Thidua-User header (a name the page asks for), else "web". */
function author(header: string | string[] | undefined): string {
  const value = (Array.isArray(header) ? header[0] : header) ?? '';
  let name = value;
  try {
    name = decodeURIComponent(value);
  } catch {
    name = value;
  }
  // eslint-disable-next-line no-control-regex
  name = name.normalize('NFC').replace(/[\u0000-\u001f\u007f]/g, '').trim().slice(0, 100);
  return name || 'web';
}
