// Library bench: search latency on a generated 10,000-plan library, and ingest throughput
// of text plans (through extractFile) and of records (storage alone).
//
//   npm run bench:library                         # PGlite in a temporary directory
//   npm run bench:library -- --plans 2000         # a smaller library
//   npm run bench:library -- --db postgres://…    # a PostgreSQL server (uses schema bench_library)
//   npm run bench:library -- --data DIR           # keep (and reuse) the generated library in DIR
//   npm run bench:library -- --texts 100          # ingest 100 text plans instead of 500
import { existsSync, mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { extractFile } from '../pipeline/extract.js';
import { ingestFiles } from '../pipeline/library/ingest.js';
import { defaultJobs } from '../pipeline/library/extract-pool.js';
import { Library, type PlanFilters } from '../pipeline/library/library.js';
import { fillLibrary, writeTextPlans } from '../scripts/gen-library.js';

const argv = process.argv.slice(2);
const arg = (name: string, fallback?: string) => {
  const i = argv.indexOf(name);
  return i >= 0 ? argv[i + 1] : fallback;
};
const PLANS = Number(arg('--plans', '10000'));
const TEXTS = Number(arg('--texts', '500'));
const ROUNDS = Number(arg('--rounds', '10'));

const QUERIES: Array<[string, PlanFilters?]> = [
  ['cai cach hanh chinh'],
  ['cải cách hành chánh'],
  ['Cải cách hành chính', { level: 'district' }],
  ['chuyen doi so', { year: 2024 }],
  ['chuyển đổi số'],
  ['xây dựng nông thôn mới'],
  ['xay dung nong thon moi', { kind: 'people_committee' }],
  ['phòng cháy chữa cháy', { kind: 'police' }],
  ['an ninh trat tu', { level: 'commune' }],
  ['Châu Thành'],
  ['Cù Lao Dung'],
  ['cu lao dung cong an'],
  ['Sóc Trăng', { year: 2025 }],
  ['dich vu cong truc tuyen'],
  ['tuyên truyền cải cách hành chính'],
  ['sáng kiến thiết thực hiệu quả'],
  ['chi so cai cach hanh chinh', { issuer: 'Sóc Trăng' }],
  ['giam ngheo ben vung'],
  ['an toan giao thong', { year: 2021 }],
  ['de an 06'],
  ['phong chong toi pham'],
  ['thi dua yeu nuoc', { level: 'province' }],
  ['dân vận khéo'],
  ['hanh chanh'],
  ['nong thon moi', { issuer: 'Can Tho' }],
  ['Ngã Năm'],
  ['128/KH-CAT'],
  ['xây dựng chính quyền điện tử'],
  ['đô thị văn minh'],
  ['quyet liet cai cach'],
];

function percentile(sorted: number[], p: number): number {
  return sorted[Math.min(sorted.length - 1, Math.ceil((p / 100) * sorted.length) - 1)];
}

async function benchSearch(lib: Library): Promise<void> {
  for (const [q, f] of QUERIES) await lib.search(q, f); // warm-up: plans, caches, JIT
  const times: number[] = [];
  const slowest = new Map<string, number>();
  let hits = 0;
  for (let r = 0; r < ROUNDS; r++) {
    for (const [q, f] of QUERIES) {
      const t = performance.now();
      const result = await lib.search(q, f);
      const ms = performance.now() - t;
      times.push(ms);
      const key = `${q}${f ? ' ' + JSON.stringify(f) : ''}`;
      slowest.set(key, Math.max(slowest.get(key) ?? 0, ms));
      hits += result.hits.length;
    }
  }
  const worst = [...slowest.entries()].sort((a, b) => b[1] - a[1]).slice(0, 3);
  console.log(`  slowest queries: ${worst.map(([k, ms]) => `"${k}" ${ms.toFixed(0)} ms`).join(', ')}`);
  times.sort((a, b) => a - b);
  console.log(
    `search: ${times.length} queries on ${await lib.count()} plans (${lib.db.kind}): p50 ${percentile(times, 50).toFixed(1)} ms, p95 ${percentile(times, 95).toFixed(1)} ms, max ${times[times.length - 1].toFixed(1)} ms (avg ${(hits / times.length).toFixed(1)} hits)`,
  );
}

async function benchIngest(location: (name: string) => { data?: string; db?: string }, dir: string): Promise<void> {
  const files = writeTextPlans(join(dir, 'texts'), TEXTS);
  // As `thidua ingest` runs, into an empty library: extraction in worker threads ahead of the stores.
  const lib = await Library.open(location('ingest'));
  try {
    // When each file was committed: the rate of the first 100 shows what start-up costs (the
    // worker's start, loading the model, the JIT's warm-up), the whole run the sustained rate.
    const started = performance.now();
    const committed: number[] = [];
    const pooled = await ingestFiles(lib, files, { onFile: () => committed.push(performance.now() - started) });
    const n = pooled.stored + pooled.updated;
    const first = Math.min(100, committed.length);
    console.log(
      `ingest of ${files.length} text plans, ${defaultJobs()} extraction worker(s) (as thidua ingest), empty library: ${n} in ${pooled.seconds.toFixed(2)} s = ${(n / pooled.seconds).toFixed(1)} plans/s ` +
        `(the first ${first}: ${(first / (committed[first - 1] / 1000)).toFixed(1)} plans/s, start-up included; ${pooled.failed.length} failed)`,
    );
    const again = await ingestFiles(lib, files);
    console.log(`re-ingest of the same files: ${again.unchanged} unchanged in ${again.seconds.toFixed(2)} s = ${(again.unchanged / again.seconds).toFixed(0)} files/s`);
    const updated = await ingestFiles(lib, files, { extractorVersion: 'bench-newer' });
    console.log(`re-ingest with a newer extractor (every plan updated): ${updated.updated} in ${updated.seconds.toFixed(2)} s = ${(updated.updated / updated.seconds).toFixed(1)} plans/s`);
  } finally {
    await lib.close();
  }
  // In-process, extraction timed: how the time splits between extraction and the library.
  const inProcess = await Library.open(location('ingest_in_process'));
  try {
    let extractMs = 0;
    const timed = await ingestFiles(inProcess, files, {
      jobs: 0,
      extract: async (path) => {
        const t = performance.now();
        const r = (await extractFile(path, { quiet: true })).record;
        extractMs += performance.now() - t;
        return r;
      },
    });
    const done = timed.stored + timed.updated;
    const total = timed.seconds * 1000;
    console.log(
      `ingest in-process (no worker), empty library: ${done} in ${timed.seconds.toFixed(2)} s = ${(done / timed.seconds).toFixed(1)} plans/s ` +
        `(extraction ${(extractMs / done).toFixed(1)} ms/plan = ${((100 * extractMs) / total).toFixed(0)}% of the time; library alone ${(done / ((total - extractMs) / 1000)).toFixed(0)} plans/s)`,
    );
  } finally {
    await inProcess.close();
  }
}

async function dropSchemas(dbUrl: string, schemas: string[]): Promise<void> {
  const l = await Library.open({ db: dbUrl });
  for (const schema of schemas) await l.db.exec(`DROP SCHEMA IF EXISTS ${schema} CASCADE`);
  await l.close();
}

async function main(): Promise<void> {
  const tmp = mkdtempSync(join(tmpdir(), 'thidua-bench-'));
  try {
    const db = arg('--db');
    const data = arg('--data') ?? join(tmp, 'library');
    const dbUrl = db ? (() => { const u = new URL(db); u.searchParams.set('schema', 'bench_library'); return u.toString(); })() : undefined;
    const location = dbUrl ? { db: dbUrl } : { data };
    const existed = existsSync(join(data, 'pgdata'));
    let t = performance.now();
    const lib = await Library.open(location);
    console.log(`open: ${(performance.now() - t).toFixed(0)} ms (${dbUrl ? 'server' : existed ? 'existing' : 'new'} ${lib.db.kind} library)`);
    try {
      const have = await lib.count();
      if (have < PLANS) {
        t = performance.now();
        const rate = await fillLibrary(lib, PLANS - have, 1 + have, (n) => process.stderr.write(`\r  generated ${n} plans`));
        process.stderr.write('\n');
        console.log(`generate + store ${PLANS - have} records: ${((performance.now() - t) / 1000).toFixed(1)} s = ${rate.toFixed(0)} plans/s (one transaction each)`);
      }
      await lib.analyze(); // as `thidua ingest` does after a large ingest
      await benchSearch(lib);
    } finally {
      await lib.close();
    }
    const ingestLocation = (name: string) => (dbUrl ? { db: dbUrl.replace('bench_library', `bench_${name}`) } : { data: join(tmp, name) });
    if (dbUrl) await dropSchemas(dbUrl, ['bench_ingest', 'bench_ingest_in_process']);
    await benchIngest(ingestLocation, tmp);
    if (dbUrl) await dropSchemas(dbUrl, ['bench_ingest', 'bench_ingest_in_process']);
  } finally {
    rmSync(tmp, { recursive: true, force: true });
  }
}

main().catch((error) => {
  console.error(error);
  process.exitCode = 1;
});
