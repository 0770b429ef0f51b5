// A discrete-event simulation of the ingest queue on many machines, from measured costs
// (`npm run bench:queue` measures them on this machine and prints the table; this file can
// also be run on its own with other figures):
//
//   node dist/bench/queue-sim.js --page-s 1.9 --job-s 0.08 --db-cpu-ms 3.1 --db-cores 8 \
//        --doc-pages 3,4,5,7,4 --page-bytes 290000 --db-mbps 100
//
// Model. A *worker* is one lane of `thidua worker` on one core (a machine with 8 cores runs
// `thidua worker --concurrency 8`: 8 workers). Documents have page counts drawn (seeded) from
// the measured documents. A worker takes the next document, reads it for pages × page-s plus
// job-s (the per-document cost that is not per page: start of extraction, parse, the worker's
// database round trips), then the database serves the job: db-cpu-ms of CPU on one of
// db-cores cores (fetch, lease, bytes, lookup, store of the plan, completion: measured as the
// server's CPU time per job), and the job's bytes pass through the server's disk/network at
// db-mbps (bytes × 3: queued in, read by the worker, stored in the library; WAL aside). Both
// database resources are FIFO queues; a worker takes its next job once the database has served
// its last one. The wall time is when the last job is done.
import { fileURLToPath } from 'node:url';
import { rng } from '../scripts/gen-library.js';

export interface SimParams {
  /** Seconds of one worker per page (OCR or text layer). */
  pageSeconds: number;
  /** Seconds of one worker per document besides its pages. */
  jobSeconds: number;
  /** Database CPU seconds per job. */
  dbCpuSeconds: number;
  /** Database cores. */
  dbCores: number;
  /** Pages of the documents to draw from (each document equally likely). */
  docPages: number[];
  /** Bytes of a page as queued (a scan ≈ 300 kB, text ≈ 2 kB). */
  pageBytes: number;
  /** Database disk/network throughput, MB/s. */
  dbMBps: number;
  seed?: number;
}

export interface SimResult {
  pages: number;
  workers: number;
  jobs: number;
  /** Wall time, seconds. */
  seconds: number;
  /** Share of the time the database CPUs were busy. */
  dbBusy: number;
  /** Share of the time the byte channel was busy. */
  bytesBusy: number;
}


/** A binary min-heap of [time, worker]. */
class Heap {
  private items: Array<[number, number]> = [];
  get size(): number {
    return this.items.length;
  }
  push(item: [number, number]): void {
    const a = this.items;
    a.push(item);
    let i = a.length - 1;
    while (i > 0) {
      const p = (i - 1) >> 1;
      if (a[p][0] <= a[i][0]) break;
      [a[p], a[i]] = [a[i], a[p]];
      i = p;
    }
  }
  pop(): [number, number] {
    const a = this.items;
    const top = a[0];
    const last = a.pop()!;
    if (a.length > 0) {
      a[0] = last;
      let i = 0;
      for (;;) {
        const l = 2 * i + 1;
        const r = l + 1;
        let m = i;
        if (l < a.length && a[l][0] < a[m][0]) m = l;
        if (r < a.length && a[r][0] < a[m][0]) m = r;
        if (m === i) break;
        [a[m], a[i]] = [a[i], a[m]];
        i = m;
      }
    }
    return top;
  }
}

/** Simulates `pages` pages (whole documents, until the count is reached) on `workers` workers. */
export function simulate(pages: number, workers: number, p: SimParams): SimResult {
  const random = rng(p.seed ?? 14);
  const docs: number[] = [];
  for (let total = 0; total < pages; ) {
    const n = p.docPages[Math.floor(random() * p.docPages.length)];
    docs.push(n);
    total += n;
  }
  // Events: a worker arriving at the database at time t (its document read).
  const arrivals = new Heap();
  const dbFree = new Array<number>(p.dbCores).fill(0);
  let bytesFree = 0;
  let dbBusy = 0;
  let bytesBusy = 0;
  let next = 0;
  let end = 0;
  const work = (n: number) => n * p.pageSeconds + p.jobSeconds;
  for (let w = 0; w < workers && next < docs.length; w++) {
    arrivals.push([work(docs[next]), next]);
    next++;
  }
  while (arrivals.size > 0) {
    const [t, job] = arrivals.pop();
    // The byte channel, then the earliest free database core.
    const bytesTime = (docs[job] * p.pageBytes * 3) / (p.dbMBps * 1e6);
    const bStart = Math.max(t, bytesFree);
    bytesFree = bStart + bytesTime;
    bytesBusy += bytesTime;
    let core = 0;
    for (let c = 1; c < dbFree.length; c++) if (dbFree[c] < dbFree[core]) core = c;
    const start = Math.max(bytesFree, dbFree[core]);
    dbFree[core] = start + p.dbCpuSeconds;
    dbBusy += p.dbCpuSeconds;
    const done = dbFree[core];
    end = Math.max(end, done);
    if (next < docs.length) {
      arrivals.push([done + work(docs[next]), next]);
      next++;
    }
  }
  return { pages, workers, jobs: docs.length, seconds: end, dbBusy: dbBusy / (end * p.dbCores), bytesBusy: bytesBusy / end };
}

/** Workers beyond which the database is the limit: their demand reaches its capacity. */
export function dbLimitWorkers(p: SimParams): { workers: number; pagesPerSecond: number; by: 'cpu' | 'bytes' } {
  const meanPages = p.docPages.reduce((s, n) => s + n, 0) / p.docPages.length;
  const perJob = meanPages * p.pageSeconds + p.jobSeconds;
  const cpuJobs = p.dbCores / p.dbCpuSeconds;
  const byteJobs = (p.dbMBps * 1e6) / (meanPages * p.pageBytes * 3);
  const jobsPerSecond = Math.min(cpuJobs, byteJobs);
  return { workers: Math.ceil(jobsPerSecond * perJob), pagesPerSecond: jobsPerSecond * meanPages, by: cpuJobs <= byteJobs ? 'cpu' : 'bytes' };
}

export function formatDuration(s: number): string {
  if (s < 90) return `${s.toFixed(0)} s`;
  if (s < 90 * 60) return `${(s / 60).toFixed(1)} min`;
  if (s < 48 * 3600) return `${(s / 3600).toFixed(1)} h`;
  return `${(s / 86400).toFixed(1)} d`;
}

export const PAGE_COUNTS = [1e4, 1e5, 1e6];
export const WORKER_COUNTS = [10, 50, 200];

/** The markdown table: expected wall time per page count and worker count. */
export function simulationTable(p: SimParams, label: string): string {
  const lines = [`| ${label} | ${WORKER_COUNTS.map((w) => `${w} workers`).join(' | ')} |`, `|---|${WORKER_COUNTS.map(() => '---:').join('|')}|`];
  for (const pages of PAGE_COUNTS) {
    const cells = WORKER_COUNTS.map((w) => {
      const r = simulate(pages, w, p);
      const busy = Math.max(r.dbBusy, r.bytesBusy);
      return `${formatDuration(r.seconds)}${busy >= 0.95 ? ' (db-bound)' : ''}`;
    });
    lines.push(`| ${pages.toExponential(0).replace('e+', '×10^')} pages | ${cells.join(' | ')} |`);
  }
  const limit = dbLimitWorkers(p);
  lines.push('', `Database limit (${label}): about ${limit.workers} workers, ${limit.pagesPerSecond.toFixed(0)} pages/s (${limit.by === 'cpu' ? `${p.dbCores} database cores at ${(p.dbCpuSeconds * 1000).toFixed(2)} ms of CPU per job` : `${p.dbMBps} MB/s of database disk/network, each page's bytes passing 3 times`}).`);
  return lines.join('\n');
}

function main(): void {
  const argv = process.argv.slice(2);
  const arg = (name: string, fallback: string) => {
    const i = argv.indexOf(name);
    return i >= 0 ? argv[i + 1] : fallback;
  };
  const p: SimParams = {
    pageSeconds: Number(arg('--page-s', '1.5')),
    jobSeconds: Number(arg('--job-s', '0.1')),
    dbCpuSeconds: Number(arg('--db-cpu-ms', '3')) / 1000,
    dbCores: Number(arg('--db-cores', '8')),
    docPages: arg('--doc-pages', '3,4,5,7,4').split(',').map(Number),
    pageBytes: Number(arg('--page-bytes', '300000')),
    dbMBps: Number(arg('--db-mbps', '100')),
    seed: Number(arg('--seed', '14')),
  };
  console.log(simulationTable(p, arg('--label', 'pages')));
}

if (process.argv[1] && fileURLToPath(import.meta.url) === process.argv[1]) main();
