// Web bench (not a timed test): the server's time for
//   1. a 10-page digital PDF from upload to record (POST /api/plans answered), and
//   2. the library page, GET /api/plans, on a 10,000-plan library (plain, filtered, searched).
// Requests go through Fastify's inject (the whole server: routing, multipart, validation,
// extraction in the worker thread, the library), so the figures are server time, no network.
//
//   npm run bench:web                     # PGlite in a temporary directory, 10,000 plans
//   npm run bench:web -- --plans 2000     # a smaller library
//   npm run bench:web -- --data DIR       # keep (and reuse) the generated library in DIR
import { existsSync, mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { Library } from '../pipeline/library/library.js';
import { buildServer } from '../pipeline/web/server.js';
import { fillLibrary } from '../scripts/gen-library.js';

const argv = process.argv.slice(2);
const arg = (name: string, fallback?: string) => {
  const i = argv.indexOf(name);
  return i >= 0 ? argv[i + 1] : fallback;
};
const PLANS = Number(arg('--plans', '10000'));
const ROUNDS = Number(arg('--rounds', '5'));
const ROOT = join(import.meta.dirname, '../..');
const PDF = join(ROOT, 'corpus/variants/ten-pages.pdf');

function multipart(name: string, bytes: Uint8Array) {
  const boundary = '----thiduabench';
  const payload = Buffer.concat([
    Buffer.from(`--${boundary}\r\nContent-Disposition: form-data; name="file"; filename="${name}"\r\nContent-Type: application/pdf\r\n\r\n`),
    Buffer.from(bytes),
    Buffer.from(`\r\n--${boundary}--\r\n`),
  ]);
  return { payload, headers: { 'content-type': `multipart/form-data; boundary=${boundary}` } };
}

const ms = (t0: number) => performance.now() - t0;
const pct = (xs: number[], p: number) => [...xs].sort((a, b) => a - b)[Math.min(xs.length - 1, Math.floor((xs.length * p) / 100))];
const fmt = (x: number) => x.toFixed(1);

async function uploadBench(): Promise<void> {
  const dir = mkdtempSync(join(tmpdir(), 'thidua-bench-web-'));
  try {
    const t0 = performance.now();
    const app = await buildServer({ location: { data: join(dir, 'lib') }, publicDir: null });
    await app.ready();
    console.log(`server start: ${fmt(ms(t0))} ms (library opened, extraction worker starting)`);
    const bytes = readFileSync(PDF);
    const body = multipart('ten-pages.pdf', bytes);
    const times: number[] = [];
    for (let round = 0; round <= ROUNDS; round++) {
      const t = performance.now();
      const res = await app.inject({ method: 'POST', url: '/api/plans', ...body });
      const elapsed = ms(t);
      if (res.statusCode !== 201) throw new Error(`upload: ${res.statusCode} ${res.body.slice(0, 200)}`);
      const { id, record } = res.json();
      if (round === 0) console.log(`10-page PDF (${(bytes.length / 1024).toFixed(0)} KiB, ${record.source.pages} pages), first upload (worker warming up): ${fmt(elapsed)} ms`);
      else times.push(elapsed);
      // Deleted again, so that the next upload is read and extracted anew.
      await app.inject({ method: 'DELETE', url: `/api/plans/${id}` });
    }
    console.log(`10-page PDF upload → record, ${ROUNDS} more uploads: median ${fmt(pct(times, 50))} ms, max ${fmt(Math.max(...times))} ms (target < 2000 ms)`);
    await app.inject({ method: 'POST', url: '/api/plans', ...body });
    const again = performance.now();
    const res = await app.inject({ method: 'POST', url: '/api/plans', ...body });
    if (res.json().status !== 'unchanged') throw new Error('expected unchanged');
    console.log(`the same PDF again (already stored: hash look-up, no extraction): ${fmt(ms(again))} ms`);
    await app.close();
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
}

async function listBench(): Promise<void> {
  const keep = arg('--data');
  const dir = keep ?? mkdtempSync(join(tmpdir(), 'thidua-bench-web-lib-'));
  try {
    const lib = await Library.open({ data: dir });
    const have = await lib.count();
    if (have < PLANS) {
      const t0 = performance.now();
      const rate = await fillLibrary(lib, PLANS - have, 1 + have, (n) => process.stderr.write(`\r${n} plans`));
      process.stderr.write('\n');
      console.log(`library: ${PLANS} generated plans stored in ${(ms(t0) / 1000).toFixed(0)} s (${rate.toFixed(0)} plans/s)`);
    }
    const app = await buildServer({ library: lib, publicDir: null, jobs: 0 });
    await app.ready();
    const urls: Array<[string, string]> = [
      ['library page (GET /api/plans, 100 newest)', '/api/plans'],
      ['library page 50 (offset 4,900)', '/api/plans?offset=4900'],
      ['filtered: level=commune', '/api/plans?level=commune'],
      ['filtered: kind=police&year=2024', '/api/plans?kind=police&year=2024'],
      ['filtered: issuer=soc trang', '/api/plans?issuer=' + encodeURIComponent('sóc trăng')],
      ['search q=cai cach hanh chanh', '/api/plans?q=' + encodeURIComponent('cai cach hanh chanh')],
      ['search q=chuyển đổi số&level=district', '/api/plans?q=' + encodeURIComponent('chuyển đổi số') + '&level=district'],
    ];
    console.log(`GET on ${await lib.count()} plans, 40 requests each after 5 to warm up (server time through inject):`);
    for (const [label, url] of urls) {
      for (let i = 0; i < 5; i++) await app.inject(url);
      const times: number[] = [];
      let bytes = 0;
      for (let i = 0; i < 40; i++) {
        const t = performance.now();
        const res = await app.inject(url);
        times.push(ms(t));
        if (res.statusCode !== 200) throw new Error(`${url}: ${res.statusCode}`);
        bytes = res.rawPayload.length;
      }
      console.log(`  ${label.padEnd(44)} p50 ${fmt(pct(times, 50)).padStart(6)} ms  p95 ${fmt(pct(times, 95)).padStart(6)} ms  (${(bytes / 1024).toFixed(0)} KiB)`);
    }
    await app.close();
    await lib.close();
  } finally {
    if (!keep && existsSync(dir)) rmSync(dir, { recursive: true, force: true });
  }
}

await uploadBench();
await listBench();
