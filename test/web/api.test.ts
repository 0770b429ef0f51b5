// The JSON API (issue 12), through app.inject on a fresh PGlite library: uploads (the PDF and
// DOCX of a plan stored from text give the same id), list and search, corrections that
// survive a restart, junk → a 4xx JSON error with the server still up, path traversal → 404,
// CSRF, token, OpenAPI, exports, forms.
import { mkdirSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { FastifyInstance } from 'fastify';
import { afterAll, beforeAll, describe, expect, test } from 'vitest';
import { buildServer } from '../../pipeline/web/server.js';

const ROOT = join(import.meta.dirname, '../..');
const SEED = join(ROOT, 'corpus/seeds/001_bc94cfae2ebd58ab.txt');
const VARIANT = join(ROOT, 'corpus/variants/001_bc94cfae2ebd58ab');

/** A multipart/form-data body with one file and some fields. */
export function multipart(files: Array<{ field: string; name: string; bytes: Uint8Array; type?: string }>, fields: Record<string, string> = {}) {
  const boundary = '----thidua' + Math.random().toString(16).slice(2);
  const parts: Buffer[] = [];
  for (const [k, v] of Object.entries(fields)) parts.push(Buffer.from(`--${boundary}\r\nContent-Disposition: form-data; name="${k}"\r\n\r\n${v}\r\n`));
  for (const f of files) {
    parts.push(Buffer.from(`--${boundary}\r\nContent-Disposition: form-data; name="${f.field}"; filename="${f.name}"\r\nContent-Type: ${f.type ?? 'application/octet-stream'}\r\n\r\n`));
    parts.push(Buffer.from(f.bytes));
    parts.push(Buffer.from('\r\n'));
  }
  parts.push(Buffer.from(`--${boundary}--\r\n`));
  return { payload: Buffer.concat(parts), headers: { 'content-type': `multipart/form-data; boundary=${boundary}` } };
}

function upload(app: FastifyInstance, path: string, name = path.split('/').pop()!, headers: Record<string, string> = {}) {
  const body = multipart([{ field: 'file', name, bytes: readFileSync(path) }]);
  return app.inject({ method: 'POST', url: '/api/plans', payload: body.payload, headers: { ...body.headers, ...headers } });
}

describe('the JSON API', () => {
  let dir: string;
  let app: FastifyInstance;
  const open = () => buildServer({ location: { data: join(dir, 'lib') }, jobs: 0, publicDir: join(dir, 'public') });
  beforeAll(async () => {
    dir = mkdtempSync(join(tmpdir(), 'thidua-web-'));
    mkdirSync(join(dir, 'public'));
    writeFileSync(join(dir, 'public/index.html'), '<!doctype html><title>thidua</title>');
    app = await open();
  });
  afterAll(async () => {
    await app.close();
    rmSync(dir, { recursive: true, force: true });
  });

  test('health and the OpenAPI document', async () => {
    expect((await app.inject('/api/health')).json()).toMatchObject({ ok: true, plans: 0, library: 'pglite' });
    const doc = (await app.inject('/api/openapi.json')).json();
    expect(doc.openapi).toMatch(/^3\./);
    expect(Object.keys(doc.paths)).toEqual(expect.arrayContaining(['/api/plans', '/api/plans/{id}', '/api/plans/{id}/text', '/api/compare', '/api/plans/{id}/forms/{form}']));
  });

  test('the PDF and DOCX of a plan stored from text return the same id', async () => {
    const text = await upload(app, SEED);
    expect(text.statusCode).toBe(201);
    const id = text.json().id;
    expect(text.json().record.document.number).toBe('44/KH-UBND');
    const pdf = await upload(app, VARIANT + '.pdf');
    expect(pdf.statusCode).toBe(200);
    expect(pdf.json()).toMatchObject({ id, status: 'added' });
    const docx = await upload(app, VARIANT + '.docx');
    expect(docx.json()).toMatchObject({ id, status: 'added' });
    expect(docx.json().sources.map((s: { format: string }) => s.format)).toEqual(['markdown', 'docx', 'pdf']);
    const again = await upload(app, VARIANT + '.pdf');
    expect(again.statusCode).toBe(200);
    expect(again.json()).toMatchObject({ id, status: 'unchanged' });
    const list = (await app.inject('/api/plans')).json();
    expect(list.total).toBe(1);
    const tree = (await app.inject('/api/tree')).json();
    expect(JSON.stringify(tree.lines)).toContain(`"id":${id}`);
    const found = (await app.inject('/api/plans?q=' + encodeURIComponent('cai cach hanh chanh'))).json();
    expect(found.plans.map((p: { id: number }) => p.id)).toEqual([id]);
    const textOf = (await app.inject(`/api/plans/${id}/text`)).json();
    expect(textOf.text.slice(textOf.evidence['/document/number'].start, textOf.evidence['/document/number'].end)).toMatch(/44/);
    const png = await app.inject(`/api/plans/${id}/pages/1.png`);
    expect(png.statusCode).toBe(200);
    expect(png.headers['content-type']).toBe('image/png');
    expect(png.rawPayload.subarray(1, 4).toString()).toBe('PNG');
    expect((await app.inject(`/api/plans/${id}/pages/99.png`)).statusCode).toBe(404);
  }, 120_000);

  test('a correction survives a restart and can be undone', async () => {
    const id = (await app.inject('/api/plans')).json().plans[0].id;
    const patch = await app.inject({
      method: 'PATCH',
      url: `/api/plans/${id}`,
      headers: { 'content-type': 'application/json-patch+json', 'x-thidua-user': encodeURIComponent('Nguyễn Văn A') },
      payload: JSON.stringify([{ op: 'replace', path: '/document/title', value: 'Kế hoạch đã sửa' }]),
    });
    expect(patch.statusCode).toBe(200);
    expect(patch.json().record.document.title).toBe('Kế hoạch đã sửa');
    expect(patch.json().corrections[0]).toMatchObject({ author: 'Nguyễn Văn A', applied: true });
    const bad = await app.inject({ method: 'PATCH', url: `/api/plans/${id}`, headers: { 'content-type': 'application/json-patch+json' }, payload: JSON.stringify([{ op: 'replace', path: '/period/from', value: 'x' }]) });
    expect(bad.statusCode).toBe(422);
    expect(bad.json().error.code).toBe('web.invalid-record');
    await app.close();
    app = await open();
    const after = (await app.inject(`/api/plans/${id}`)).json();
    expect(after.record.document.title).toBe('Kế hoạch đã sửa');
    expect(after.corrections).toHaveLength(1);
    const undo = await app.inject({ method: 'DELETE', url: `/api/plans/${id}/corrections/latest` });
    expect(undo.statusCode).toBe(200);
    expect(undo.json().record.document.title).not.toBe('Kế hoạch đã sửa');
  }, 60_000);

  test('junk uploads get a 4xx JSON error in Vietnamese (English on request) and the server stays up', async () => {
    const junk = multipart([{ field: 'file', name: 'junk.bin', bytes: Buffer.from([0, 1, 2, 3, 0, 255, 254, 0, 7]) }]);
    const res = await app.inject({ method: 'POST', url: '/api/plans', payload: junk.payload, headers: junk.headers });
    expect(res.statusCode).toBeGreaterThanOrEqual(400);
    expect(res.statusCode).toBeLessThan(500);
    expect(res.json().error.code).toBe('web.bad-input');
    expect(res.json().error.message).toMatch(/Không đọc được tệp "junk.bin"/);
    expect(res.body).not.toMatch(/\n\s+at /);
    const en = await app.inject({ method: 'POST', url: '/api/plans?lang=en', payload: junk.payload, headers: junk.headers });
    expect(en.json().error.message).toMatch(/^Cannot read the file "junk.bin"/);
    const prose = multipart([{ field: 'file', name: 'story.txt', bytes: Buffer.from('Hôm nay trời đẹp. Chúng tôi đi chơi công viên.\n') }]);
    const notPlan = await app.inject({ method: 'POST', url: '/api/plans', payload: prose.payload, headers: { ...prose.headers, 'accept-language': 'en-US,en;q=0.9' } });
    expect(notPlan.statusCode).toBe(422);
    expect(notPlan.json().error.code).toMatch(/^web\./);
    const none = await app.inject({ method: 'POST', url: '/api/plans', payload: '{}', headers: { 'content-type': 'application/json' } });
    expect(none.statusCode).toBe(415);
    expect(none.json().error.code).toBe('web.no-file');
    expect((await app.inject('/api/health')).json().ok).toBe(true);
  });

  test('a plan record (JSON) is stored as it is, shown before the extracted sources of the same plan', async () => {
    const gold = readFileSync(join(ROOT, 'corpus/gold/001_bc94cfae2ebd58ab.json'));
    const body = multipart([{ field: 'file', name: '001.json', bytes: gold }]);
    const res = await app.inject({ method: 'POST', url: '/api/plans', payload: body.payload, headers: body.headers });
    expect(res.statusCode).toBe(200);
    expect(res.json().status).toBe('added');
    expect(res.json().sources[0]).toMatchObject({ shown: true, extractor: expect.stringMatching(/^record:/) });
    // The text shown beside it is the best source that has one, with that source's evidence.
    const text = (await app.inject(`/api/plans/${res.json().id}/text`)).json();
    expect(text).toMatchObject({ shown: false, sha256: res.json().sources[1].sha256 });
    expect(text.evidence['/document/number']).toBeTruthy();
  });

  test('path traversal and unknown paths are 404; pages fall back to the app', async () => {
    for (const url of ['/../../etc/passwd', '/%2e%2e/%2e%2e/etc/passwd', '/..%2f..%2fetc/passwd', '/api/../../etc/passwd', '/static/..%5c..%5cetc/passwd']) {
      const res = await app.inject(url);
      expect(res.statusCode, url).toBe(404);
      expect(res.body).not.toMatch(/root:/);
    }
    expect((await app.inject('/api/nope')).json().error.code).toBe('web.not-found');
    expect((await app.inject('/plans/1')).body).toMatch(/<title>thidua/);
    expect((await app.inject('/api/plans/999999')).statusCode).toBe(404);
    expect((await app.inject('/api/plans/abc')).statusCode).toBe(400);
  });

  test('CSRF: a browser request that changes state needs the X-Thidua-CSRF header', async () => {
    const id = (await app.inject('/api/plans')).json().plans[0].id;
    const browser = { origin: 'http://evil.example', 'sec-fetch-site': 'cross-site' };
    expect((await app.inject({ method: 'DELETE', url: `/api/plans/${id}`, headers: browser })).statusCode).toBe(403);
    const sameSite = { origin: 'http://127.0.0.1:8080', 'sec-fetch-site': 'same-origin' };
    const refused = await app.inject({ method: 'DELETE', url: `/api/plans/${id}`, headers: sameSite });
    expect(refused.statusCode).toBe(403);
    expect(refused.json().error.code).toBe('web.csrf');
    expect((await app.inject(`/api/plans/${id}`)).statusCode).toBe(200);
  });

  test('exports and comparison', async () => {
    const id = (await app.inject('/api/plans')).json().plans[0].id;
    const xlsx = await app.inject('/api/plans.xlsx');
    expect(xlsx.statusCode).toBe(200);
    expect(xlsx.rawPayload.subarray(0, 2).toString()).toBe('PK');
    expect((await app.inject(`/api/plans/${id}/export.xlsx`)).statusCode).toBe(200);
    const cmp = (await app.inject(`/api/compare?a=${id}&b=${encodeURIComponent('44/KH-UBND')}`)).json();
    expect(cmp.comparison.differences).toEqual([]);
  });

  test('forms: the nominee list checked against the plan, mẫu 01 and mẫu 08 filled', async () => {
    const id = (await app.inject('/api/plans')).json().plans[0].id;
    const fixtures = join(ROOT, 'test/forms/fixtures');
    const form = (name: string, query = '', fields: Record<string, string> = {}) => {
      const body = multipart([{ field: 'nominees', name: 'danh-sach.csv', bytes: readFileSync(join(fixtures, 'nominees-001.csv')) }], {
        body: readFileSync(join(fixtures, 'body-chau-thanh.json'), 'utf8'),
        date: '2023-10-10',
        ...fields,
      });
      return app.inject({ method: 'POST', url: `/api/plans/${id}/forms/${name}${query}`, payload: body.payload, headers: body.headers });
    };
    const mau01 = await form('mau01');
    expect(mau01.statusCode).toBe(200);
    const json = mau01.json();
    expect(json.nominees).toBeGreaterThan(0);
    expect(Array.isArray(json.problems)).toBe(true);
    if (json.errors === 0) {
      expect(json.files[0].name).toMatch(/\.docx$/);
      expect(Buffer.from(json.files[0].base64, 'base64').subarray(0, 2).toString()).toBe('PK');
    }
    const draft = await form('mau08', '?format=docx', { draft: 'true' });
    expect(draft.statusCode).toBe(200);
    expect(draft.headers['content-type']).toBe('application/zip');
    const noBody = multipart([{ field: 'nominees', name: 'x.csv', bytes: readFileSync(join(fixtures, 'nominees-001.csv')) }]);
    const refused = await app.inject({ method: 'POST', url: `/api/plans/${id}/forms/mau01`, payload: noBody.payload, headers: noBody.headers });
    expect(refused.statusCode).toBe(400);
    expect(refused.json().error.code).toBe('web.forms-input');
  }, 60_000);

  test('delete', async () => {
    const id = (await app.inject('/api/plans')).json().plans[0].id;
    const res = await app.inject({ method: 'DELETE', url: `/api/plans/${id}`, headers: { 'x-thidua-csrf': '1', origin: 'http://127.0.0.1' } });
    expect(res.json()).toEqual({ id, deleted: true });
    expect((await app.inject(`/api/plans/${id}`)).statusCode).toBe(404);
    expect((await app.inject({ method: 'DELETE', url: `/api/plans/${id}` })).statusCode).toBe(404);
  });
});

describe('a server with a token', () => {
  test('API requests need the token (bearer or the cookie set by ?token=); bearer clients skip CSRF', async () => {
    const dir = mkdtempSync(join(tmpdir(), 'thidua-web-token-'));
    const app = await buildServer({ location: { data: join(dir, 'lib') }, jobs: 0, token: 's3cret', publicDir: null });
    try {
      expect((await app.inject('/api/health')).statusCode).toBe(200);
      const denied = await app.inject('/api/plans');
      expect(denied.statusCode).toBe(401);
      expect(denied.json().error.code).toBe('web.unauthorized');
      expect((await app.inject({ url: '/api/plans', headers: { authorization: 'Bearer nope' } })).statusCode).toBe(401);
      expect((await app.inject({ url: '/api/plans', headers: { authorization: 'Bearer s3cret' } })).statusCode).toBe(200);
      const login = await app.inject('/?token=s3cret');
      expect(login.statusCode).toBe(303);
      const cookie = String(login.headers['set-cookie']).split(';')[0];
      expect((await app.inject({ url: '/api/plans', headers: { cookie } })).statusCode).toBe(200);
      const body = multipart([{ field: 'file', name: 'p.txt', bytes: readFileSync(SEED) }]);
      expect((await app.inject({ method: 'POST', url: '/api/plans', payload: body.payload, headers: { ...body.headers, cookie } })).statusCode).toBe(403);
      expect((await app.inject({ method: 'POST', url: '/api/plans', payload: body.payload, headers: { ...body.headers, cookie, 'x-thidua-csrf': '1' } })).statusCode).toBe(201);
    } finally {
      await app.close();
      rmSync(dir, { recursive: true, force: true });
    }
  }, 60_000);
});

describe('a source stored before texts were kept', () => {
  test('its text is read again when asked for: kept as is by the same extractor, re-ingested by an older one', async () => {
    const { Library } = await import('../../pipeline/library/library.js');
    const { ingestOne } = await import('../../pipeline/library/ingest.js');
    const dir = mkdtempSync(join(tmpdir(), 'thidua-web-text-'));
    const lib = await Library.open({ data: join(dir, 'lib') });
    const app = await buildServer({ library: lib, jobs: 0, publicDir: null });
    try {
      const { id } = await ingestOne(lib, SEED, { jobs: 0 });
      await lib.db.exec(`UPDATE sources SET text = NULL, page_starts = NULL`);
      const res = await app.inject(`/api/plans/${id}/text`);
      expect(res.statusCode).toBe(200);
      expect(res.json().text).toMatch(/KẾ HOẠCH/);
      expect((await lib.sourceText(id!))!.text).toBe(res.json().text);
      await lib.db.exec(`UPDATE sources SET text = NULL, extractor = 'older'`);
      await lib.db.exec(`UPDATE plans SET extractor = 'older'`);
      const again = await app.inject(`/api/plans/${id}/text`);
      expect(again.statusCode).toBe(200);
      expect(again.json().evidence['/document/number']).toBeTruthy();
      expect((await lib.get(id!))!.extractor).not.toBe('older');
    } finally {
      await app.close();
      await lib.close();
      rmSync(dir, { recursive: true, force: true });
    }
  }, 120_000);
});
