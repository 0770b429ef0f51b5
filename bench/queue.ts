// `npm run bench:queue`: the ingest queue on this machine, and what it means for many machines.
//   1. scans (OCR): pages/s with 1 and 2 worker processes (`thidua worker --concurrency 1`,
//      one core each), every scanned variant of the corpus queued (--copies N: N byte-distinct
//      copies of each);
//   2. text-layer documents (digital PDFs, DOCX, text): pages/s with 1 and 2 workers;
//   3. the database's cost per job: record files (no extraction) through 1, 2 and 4 workers;
//      the server's CPU time per job (when this bench started the server, or --pg-pid PID
//      names its postmaster) and the jobs/s;
//   4. the simulation (bench/queue-sim.ts) of 10, 50 and 200 workers on 10⁴, 10⁵, 10⁶ pages
//      from those figures, and where the database becomes the limit.
// The server: --db URL, else THIDUA_BENCH_PG_URL, else a temporary one started here from
// Debian's postgresql (/usr/lib/postgresql/*/bin), stopped at the end. Each run uses its own
// schema, dropped at the end.
import { execFileSync, spawn, spawnSync } from 'node:child_process';
import { appendFileSync, chownSync, copyFileSync, existsSync, mkdirSync, mkdtempSync, readdirSync, readFileSync, rmSync, statSync, writeFileSync } from 'node:fs';
import { createServer } from 'node:net';
import { loadavg, tmpdir } from 'node:os';
import { dirname, join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import pg from 'pg';
import { simulationTable, type SimParams } from './queue-sim.js';

const ROOT = resolve(dirname(fileURLToPath(import.meta.url)), '../..');
const VARIANTS = join(ROOT, 'corpus/variants');
const GOLD = join(ROOT, 'corpus/gold');
const argv = process.argv.slice(2);
const arg = (name: string, fallback?: string) => {
  const i = argv.indexOf(name);
  return i >= 0 ? argv[i + 1] : fallback;
};
const COPIES = Number(arg('--copies', '1'));
const RECORDS = Number(arg('--records', '400'));
const DB_CORES = Number(arg('--db-cores', '8'));
const DB_MBPS = Number(arg('--db-mbps', '100'));
const fmt = (n: number, d = 2) => n.toFixed(d);

// ---- the server ----

async function freePort(): Promise<number> {
  return new Promise((res) => {
    const s = createServer();
    s.listen(0, '127.0.0.1', () => {
      const port = (s.address() as { port: number }).port;
      s.close(() => res(port));
    });
  });
}

interface Server {
  url: string;
  postmaster: number | null;
  stop(): void;
}

async function server(): Promise<Server> {
  const given = arg('--db') ?? process.env.THIDUA_BENCH_PG_URL;
  if (given) return { url: given, postmaster: arg('--pg-pid') ? Number(arg('--pg-pid')) : null, stop() {} };
  const bins = existsSync('/usr/lib/postgresql') ? readdirSync('/usr/lib/postgresql').sort((a, b) => Number(a) - Number(b)) : [];
  if (bins.length === 0) throw new Error('no PostgreSQL: pass --db postgres://… or install Debian\'s postgresql');
  const bin = join('/usr/lib/postgresql', bins.at(-1)!, 'bin');
  const dir = mkdtempSync(join(tmpdir(), 'thidua-bench-pg-'));
  const root = process.getuid?.() === 0;
  if (root) chownSync(dir, Number(execFileSync('id', ['-u', 'postgres']).toString()), Number(execFileSync('id', ['-g', 'postgres']).toString()));
  const as = (cmd: string, args: string[]) => (root ? execFileSync('runuser', ['-u', 'postgres', '--', join(bin, cmd), ...args], { stdio: 'ignore' }) : execFileSync(join(bin, cmd), args, { stdio: 'ignore' }));
  const port = await freePort();
  as('initdb', ['-D', join(dir, 'data'), '-A', 'trust', '-U', 'postgres']);
  as('pg_ctl', ['-D', join(dir, 'data'), '-l', join(dir, 'log'), '-w', '-o', `-c listen_addresses=127.0.0.1 -p ${port} -k ${dir} -c max_connections=200`, 'start']);
  const postmaster = Number(readFileSync(join(dir, 'data', 'postmaster.pid'), 'utf8').split('\n')[0]);
  return {
    url: `postgres://postgres@127.0.0.1:${port}/postgres`,
    postmaster,
    stop() {
      try {
        as('pg_ctl', ['-D', join(dir, 'data'), '-m', 'fast', '-w', 'stop']);
      } catch {
        /* already stopped */
      }
      rmSync(dir, { recursive: true, force: true });
    },
  };
}

/** CPU seconds used so far by the server (the postmaster and its children). */
function serverCpu(postmaster: number | null): number | null {
  if (!postmaster || !existsSync('/proc')) return null;
  let ticks = 0;
  for (const pid of readdirSync('/proc')) {
    if (!/^\d+$/.test(pid)) continue;
    try {
      const stat = readFileSync(`/proc/${pid}/stat`, 'utf8');
      const fields = stat.slice(stat.lastIndexOf(')') + 2).split(' ');
      const ppid = Number(fields[1]);
      if (Number(pid) !== postmaster && ppid !== postmaster) continue;
      // utime, stime (and the children's, for backends that have exited).
      ticks += Number(fields[11]) + Number(fields[12]) + Number(fields[13]) + Number(fields[14]);
    } catch {
      /* gone */
    }
  }
  return ticks / 100;
}

// ---- runs ----

/** Worker processes running, stopped with the bench when it is interrupted. */
const children = new Set<ReturnType<typeof spawn>>();

let schemaCount = 0;
function schemaUrl(base: string): { url: string; schema: string } {
  const schema = `bench_queue_${process.pid}_${schemaCount++}`;
  const u = new URL(base);
  u.searchParams.set('schema', schema);
  return { url: u.toString(), schema };
}

async function dropSchema(base: string, schema: string): Promise<void> {
  const c = new pg.Client({ connectionString: base });
  await c.connect();
  await c.query(`DROP SCHEMA IF EXISTS ${schema} CASCADE; DROP SCHEMA IF EXISTS ${schema}_queue CASCADE`);
  await c.end();
}

function thidua(args: string[], env: NodeJS.ProcessEnv = {}): string {
  const r = spawnSync(process.execPath, [join(ROOT, 'bin/thidua.js'), ...args], { encoding: 'utf8', env: { ...process.env, THIDUA_LANG: 'en', ...env }, maxBuffer: 64 << 20 });
  if (r.status !== 0) throw new Error(`thidua ${args.join(' ')} failed: ${r.stderr}`);
  return r.stdout;
}

interface RunResult {
  workers: number;
  jobs: number;
  pages: number;
  failed: number;
  seconds: number;
  serverCpu: number | null;
  /** CPU seconds of the worker processes (all their threads). */
  workerCpu: number;
  /** Seconds from the first job taken to the last done (the workers' start-up left out). */
  working: number;
  /** Pages of each document done. */
  docPages: number[];
}

/** Queues `files` in a fresh schema, runs `workers` worker processes until the queue is empty. */
async function runQueue(base: Server, files: string[], workers: number, concurrency = 1): Promise<RunResult> {
  const { url, schema } = schemaUrl(base.url);
  try {
    thidua(['queue', 'add', ...files, '--db', url, '--json']);
    // The library's tables exist before the clock starts (the first worker would create them).
    thidua(['list', '--db', url, '--json']);
    const cpu0 = serverCpu(base.postmaster);
    const started = performance.now();
    let firstTaken: number | null = null;
    let lastDone = started;
    const outs = await Promise.all(
      Array.from({ length: workers }, () =>
        new Promise<string>((res, rej) => {
          const child = spawn(process.execPath, [join(ROOT, 'bin/thidua.js'), 'worker', '--db', url, '--concurrency', String(concurrency), '--until-empty', '--json'], {
            env: { ...process.env, THIDUA_LANG: 'en', THIDUA_OCR_WORKERS: '1' },
            stdio: ['ignore', 'pipe', 'pipe'],
            // A session of its own, as on a machine of its own: Linux shares the CPU fairly
            // between sessions (autogroup), so on a shared machine two workers of one session
            // would share one session's part.
            detached: true,
          });
          children.add(child);
          let out = '';
          let err = '';
          child.stdout.on('data', (b: Buffer) => {
            const text = b.toString();
            const now = performance.now();
            if (firstTaken === null && text.includes('{"event":"start"')) firstTaken = now;
            if (text.includes('{"path"')) lastDone = now;
            out += text;
          });
          child.stderr.on('data', (b: Buffer) => (err += b.toString()));
          child.on('close', (code) => (children.delete(child), code === 0 ? res(out) : rej(new Error(`worker exited ${code}: ${err}`))));
        }),
      ),
    );
    const seconds = (performance.now() - started) / 1000;
    const cpu1 = serverCpu(base.postmaster);
    let jobs = 0;
    let pages = 0;
    let failed = 0;
    const docPages: number[] = [];
    let workerCpu = 0;
    for (const out of outs) {
      for (const line of out.split('\n')) {
        if (line.startsWith('{"summary"')) workerCpu += (JSON.parse(line) as { summary: { cpuSeconds: number } }).summary.cpuSeconds;
        if (!line.startsWith('{"path"')) continue;
        const o = JSON.parse(line) as { status: string; pages?: number };
        if (o.status === 'failed') failed++;
        else {
          jobs++;
          pages += o.pages ?? 0;
          docPages.push(o.pages ?? 0);
        }
      }
    }
    return { workers, jobs, pages, failed, seconds, serverCpu: cpu0 !== null && cpu1 !== null ? cpu1 - cpu0 : null, workerCpu, docPages, working: (lastDone - (firstTaken ?? started)) / 1000 };
  } finally {
    await dropSchema(base.url, schema);
  }
}

/** `copies` byte-distinct copies of each file (bytes appended after the end of the document). */
function copiesOf(files: string[], copies: number, dir: string): string[] {
  const out: string[] = [];
  mkdirSync(dir, { recursive: true });
  for (const f of files) {
    // Bytes after the end are ignored by PDF readers; other formats are taken once.
    for (let c = 0; c < (f.endsWith('.pdf') ? copies : 1); c++) {
      const p = join(dir, `${c}-${f.split('/').pop()}`);
      copyFileSync(f, p);
      if (c > 0) appendFileSync(p, `\n%copy ${c}\n`);
      out.push(p);
    }
  }
  return out;
}

function line(label: string, r: RunResult, unit = 'pages'): string {
  const n = unit === 'pages' ? r.pages : r.jobs;
  return `| ${label} | ${r.workers} | ${r.jobs} | ${r.pages} | ${fmt(r.seconds, 1)} s | ${fmt(n / r.seconds, 2)} ${unit}/s | ${fmt(r.working, 1)} s | **${fmt(n / r.working, 2)} ${unit}/s** | ${fmt(r.workerCpu / n, 3)} s |${r.failed ? ` ${r.failed} failed attempts` : ''}`;
}

async function main(): Promise<void> {
  if (!existsSync(join(ROOT, 'dist/pipeline/cli/commands/worker.js'))) throw new Error('build first: npm run build');
  const base = await server();
  for (const signal of ['SIGINT', 'SIGTERM'] as const) {
    process.once(signal, () => {
      for (const child of children) child.kill('SIGKILL');
      base.stop();
      process.exit(130);
    });
  }
  const work = mkdtempSync(join(tmpdir(), 'thidua-bench-queue-'));
  try {
    console.log(`# bench:queue — ${new Date().toISOString()}, load average ${loadavg().map((l) => l.toFixed(2)).join(' ')}, server ${new URL(base.url).host}`);
    const header = '| inputs | workers | jobs | pages | wall | pages/s | first job taken → last done | pages/s | worker CPU per page |\n|---|---:|---:|---:|---:|---:|---:|---:|---:|';

    // 1. scans
    const scans = readdirSync(VARIANTS).filter((f) => /\.scan\.pdf$|\.tiff?$|\.p\d+\.(png|jpe?g)$/.test(f)).map((f) => join(VARIANTS, f));
    const scanFiles = copiesOf(scans, COPIES, join(work, 'scans'));
    const scanBytes = scanFiles.reduce((s, f) => s + statSync(f).size, 0);
    console.log(`\n## Scans (OCR): ${scanFiles.length} files\n\n${header}`);
    const scan1 = await runQueue(base, scanFiles, 1);
    console.log(line('scans', scan1));
    const scan2 = await runQueue(base, scanFiles, 2);
    console.log(line('scans', scan2));
    console.log(`\n2 workers / 1 worker: ${fmt(scan2.pages / scan2.seconds / (scan1.pages / scan1.seconds))}× over the wall time, **${fmt(scan2.pages / scan2.working / (scan1.pages / scan1.working))}×** from the first job taken`);

    // 2. text-layer documents
    const digital = readdirSync(VARIANTS).filter((f) => /^\d{3}_[0-9a-f]+\.(pdf|docx)$/.test(f) || f === 'ten-pages.pdf').map((f) => join(VARIANTS, f));
    const textFiles = copiesOf(digital, Math.max(6, COPIES * 6), join(work, 'text'));
    const textBytes = textFiles.reduce((s, f) => s + statSync(f).size, 0);
    console.log(`\n## Text-layer documents (digital PDF, DOCX): ${textFiles.length} files\n\n${header}`);
    const text1 = await runQueue(base, textFiles, 1);
    console.log(line('digital', text1));
    const text2 = await runQueue(base, textFiles, 2);
    console.log(line('digital', text2));
    console.log(`\n2 workers / 1 worker: ${fmt(text2.pages / text2.seconds / (text1.pages / text1.seconds))}× over the wall time, **${fmt(text2.pages / text2.working / (text1.pages / text1.working))}×** from the first job taken`);

    // 3. the database per job: record files, nothing to extract
    const recordsDir = join(work, 'records');
    mkdirSync(recordsDir);
    const gold = readdirSync(GOLD).filter((f) => f.endsWith('.json')).map((f) => JSON.parse(readFileSync(join(GOLD, f), 'utf8')));
    const recordFiles: string[] = [];
    for (let i = 0; i < RECORDS; i++) {
      const r = structuredClone(gold[i % gold.length]);
      r.source = { ...r.source, path: `bench-${i}.json` };
      const p = join(recordsDir, `r${String(i).padStart(5, '0')}.json`);
      writeFileSync(p, JSON.stringify(r));
      recordFiles.push(p);
    }
    console.log(`\n## The database per job: ${RECORDS} record files (no extraction)\n\n| workers | jobs | wall | jobs/s | worker CPU per job | server CPU per job |\n|---:|---:|---:|---:|---:|---:|`);
    const dbRuns: RunResult[] = [];
    for (const w of [1, 2, 4]) {
      const r = await runQueue(base, recordFiles, w);
      dbRuns.push(r);
      console.log(`| ${w} | ${r.jobs} | ${fmt(r.seconds, 1)} s | ${fmt(r.jobs / r.seconds, 1)} | ${fmt((r.workerCpu / r.jobs) * 1000, 1)} ms | ${r.serverCpu === null ? 'n/a' : `${fmt((r.serverCpu / r.jobs) * 1000, 2)} ms`} |`);
    }

    // 4. the simulation
    const cpus = dbRuns.map((r) => (r.serverCpu === null ? null : r.serverCpu / r.jobs)).filter((x): x is number => x !== null);
    const dbCpu = cpus.length ? Math.max(...cpus) : Number(arg('--db-cpu-ms', '3')) / 1000;
    // One lane's cost per page on a core of its own: the CPU time of the single worker (the
    // machine is shared, so its wall time is not the cost). Per job besides the pages: the
    // single worker's wall time per record job (its round trips to the database: a lane waits
    // for them), less the database's CPU, which the simulation adds as a resource of its own.
    const dbCpuOne = dbRuns[0].serverCpu === null ? dbCpu : dbRuns[0].serverCpu / dbRuns[0].jobs;
    const jobCpu = dbRuns[0].workerCpu / dbRuns[0].jobs;
    const jobSeconds = Math.max(jobCpu, dbRuns[0].working / dbRuns[0].jobs - dbCpuOne);
    // Documents as long as the ones measured.
    const docPages = [...scan1.docPages].sort((a, b) => a - b);
    const scanParams: SimParams = {
      pageSeconds: Math.max(0, scan1.workerCpu - jobCpu * scan1.jobs) / scan1.pages,
      jobSeconds,
      dbCpuSeconds: dbCpu,
      dbCores: DB_CORES,
      docPages,
      pageBytes: scanBytes / scan1.pages,
      dbMBps: DB_MBPS,
    };
    const textParams: SimParams = {
      ...scanParams,
      pageSeconds: Math.max(0, text1.workerCpu - jobCpu * text1.jobs) / text1.pages,
      pageBytes: textBytes / text1.pages,
      docPages: [...text1.docPages].sort((a, b) => a - b),
    };
    console.log(`\n## Simulation of N workers (bench/queue-sim.ts, seed 14)\n`);
    const flags = (p: SimParams) =>
      `--page-s ${fmt(p.pageSeconds, 3)} --job-s ${fmt(p.jobSeconds, 3)} --db-cpu-ms ${fmt(p.dbCpuSeconds * 1000, 2)} --db-cores ${p.dbCores} --doc-pages ${p.docPages.join(',')} --page-bytes ${Math.round(p.pageBytes)} --db-mbps ${p.dbMBps}`;
    console.log(`Scans: ${fmt(scanParams.pageSeconds, 2)} s per page per worker, ${fmt(jobSeconds * 1000, 0)} ms per job besides (the worker's round trips), ${fmt(dbCpu * 1000, 2)} ms of database CPU per job on ${DB_CORES} database cores, ${Math.round(scanParams.pageBytes / 1000)} kB per page at ${DB_MBPS} MB/s.`);
    console.log(`Reproduce: node dist/bench/queue-sim.js ${flags(scanParams)} --label scans\n`);
    console.log(simulationTable(scanParams, 'scans'));
    console.log(`\nText-layer documents: ${fmt(textParams.pageSeconds * 1000, 0)} ms per page per worker, ${Math.round(textParams.pageBytes / 1000)} kB per page.`);
    console.log(`Reproduce: node dist/bench/queue-sim.js ${flags(textParams)} --label "text layer"\n`);
    console.log(simulationTable(textParams, 'text layer'));
  } finally {
    rmSync(work, { recursive: true, force: true });
    base.stop();
  }
}

main().catch((error) => {
  console.error(error);
  process.exitCode = 1;
});
