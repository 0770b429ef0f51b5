// The ingest queue against a PostgreSQL server (THIDUA_TEST_PG_URL, set by .ci/run): files
// queued once by content; two workers, one SIGKILLed while it holds a job: that job is
// retried after its lease expires, every plan is stored once, nothing is left pending or
// failed; a file that fails three times is on the failed list with its error, and
// `queue retry` puts it back.
import { spawn, type ChildProcess } from 'node:child_process';
import { copyFileSync, existsSync, mkdirSync, mkdtempSync, readdirSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import pg from 'pg';
import { afterAll, beforeAll, describe, expect, test } from 'vitest';
import { writeTextPlans } from '../../scripts/gen-library.js';
import { freshLocation, GOLD_DIR, PG_URL, type TestLibrary, runCli as run } from '../library/helpers.js';
import { jobIdOf } from '../../pipeline/queue/queue.js';

const ROOT = join(import.meta.dirname, '../..');
const CLI_BUILT = existsSync(join(ROOT, 'dist/pipeline/cli/commands/worker.js'));
if (!PG_URL) console.warn('[thidua tests] THIDUA_TEST_PG_URL is not set (no PostgreSQL server): the queue tests are SKIPPED.');
else if (!CLI_BUILT) console.warn('[thidua tests] dist/ is not built (npm run build): the queue tests are SKIPPED.');

/** A worker process; `lines` collects the JSON lines it prints. */
function startWorker(url: string): { child: ChildProcess; lines: Array<Record<string, unknown>>; exited: Promise<number | null> } {
  const child = spawn(process.execPath, [join(ROOT, 'bin/thidua.js'), 'worker', '--db', url, '--concurrency', '1', '--lease', '4', '--until-empty', '--json'], {
    stdio: ['ignore', 'pipe', 'pipe'],
    env: { ...process.env, THIDUA_LANG: 'en' },
  });
  const lines: Array<Record<string, unknown>> = [];
  let buffer = '';
  child.stdout!.on('data', (b: Buffer) => {
    buffer += b.toString();
    let nl: number;
    while ((nl = buffer.indexOf('\n')) >= 0) {
      const line = buffer.slice(0, nl);
      buffer = buffer.slice(nl + 1);
      if (line.startsWith('{')) lines.push(JSON.parse(line));
    }
  });
  child.stderr!.resume();
  const exited = new Promise<number | null>((resolve) => child.on('close', (code) => resolve(code)));
  return { child, lines, exited };
}

const sleep = (ms: number) => new Promise((r) => setTimeout(r, ms));

describe.skipIf(!PG_URL || !CLI_BUILT)('the ingest queue on PostgreSQL', () => {
  let dir: string;
  let inputs: string;
  let lib: TestLibrary;
  let url: string;
  let schema: string;
  let client: pg.Client;
  
  beforeAll(async () => {
    dir = mkdtempSync(join(tmpdir(), 'thidua-queue-'));
    inputs = join(dir, 'in');
    mkdirSync(inputs);
    for (const f of readdirSync(GOLD_DIR)) copyFileSync(join(GOLD_DIR, f), join(inputs, f));
    writeTextPlans(inputs, 40);
    lib = await freshLocation('postgres');
    url = lib.location.db!;
    schema = new URL(url).searchParams.get('schema')!;
    client = new pg.Client({ connectionString: PG_URL });
    await client.connect();
  });
  afterAll(async () => {
    await client?.query(`DROP SCHEMA IF EXISTS ${schema}_queue CASCADE`).catch(() => {});
    await client?.end();
    await lib?.cleanup();
    rmSync(dir, { recursive: true, force: true });
  });

  test('content-addressed: a file queued twice, or under another name, is one job', async () => {
    const first = await run('queue', 'add', inputs, '--db', url, '--json');
    expect(first.code).toBe(0);
    expect(JSON.parse(first.out.trim().split('\n').at(-1)!).summary).toEqual({ total: 45, queued: 45, already: 0, failed: 0 });
    copyFileSync(join(inputs, 'plan-00000.txt'), join(dir, 'same-bytes-other-name.txt'));
    const again = await run('queue', 'add', inputs, join(dir, 'same-bytes-other-name.txt'), '--db', url, '--json');
    expect(JSON.parse(again.out.trim().split('\n').at(-1)!).summary).toEqual({ total: 46, queued: 0, already: 46, failed: 0 });
    const status = JSON.parse((await run('queue', 'status', '--db', url, '--json')).out);
    expect(status).toMatchObject({ pending: 45, active: 0, done: 0, failed: 0 });
  });

  test('two workers, one killed while it holds a job: every plan stored once, nothing pending or failed', { timeout: 300_000 }, async () => {
    const pending = async () => (await client.query(`SELECT count(*)::int AS n FROM ${schema}_queue.job WHERE name = 'thidua-ingest' AND state IN ('created', 'retry')`)).rows[0].n as number;
    let survivor: ReturnType<typeof startWorker> | null = null;
    let orphan: string | null = null;
    // Kill a worker in the middle of a job: after it has done one and taken the next. That
    // job is the victim's for sure when it is still active after the kill (the worker prints
    // a line when it takes a job and one when it has done it). The victim starts first; the
    // other worker starts once the victim is working.
    for (let attempt = 0; attempt < 5 && orphan === null && (attempt === 0 || (await pending()) > 0); attempt++) {
      const victim = startWorker(url);
      let alive = true;
      void victim.exited.then(() => (alive = false));
      const taken = () => victim.lines.filter((l) => l.event === 'start');
      const done = () => victim.lines.filter((l) => l.status);
      const deadline = Date.now() + 120_000;
      while (alive && Date.now() < deadline && taken().length === 0) await sleep(5);
      survivor ??= startWorker(url);
      while (alive && Date.now() < deadline && !(done().length >= 1 && taken().length > done().length)) await sleep(5);
      victim.child.kill('SIGKILL');
      await victim.exited;
      const finished = new Set(done().map((l) => l.sha256));
      const last = taken().filter((l) => !finished.has(l.sha256)).at(-1);
      if (!last) continue;
      const state = await client.query(`SELECT state::text AS state FROM ${schema}_queue.job WHERE name = 'thidua-ingest' AND id = $1`, [jobIdOf(last.sha256 as string)]);
      if (state.rows[0]?.state === 'active') orphan = jobIdOf(last.sha256 as string);
    }
    survivor ??= startWorker(url);
    expect(orphan, 'a worker was killed while it held a job').not.toBeNull();
    const code = await survivor.exited;
    expect(code).toBe(0);

    const status = JSON.parse((await run('queue', 'status', '--db', url, '--json')).out);
    expect(status).toMatchObject({ pending: 0, active: 0, done: 45, failed: 0 });
    // The killed worker's job was taken up again after its lease expired.
    const retried = await client.query(`SELECT state::text, retry_count FROM ${schema}_queue.job WHERE name = 'thidua-ingest' AND id = $1`, [orphan]);
    expect(retried.rows[0]).toMatchObject({ state: 'completed' });
    expect(retried.rows[0].retry_count).toBeGreaterThanOrEqual(1);

    // Every file stored once as a source of its plan; each plan listed once. Files that are copies
    // of one document (the generated variants of a plan with no number and no date differ only
    // in a "Bản số N." line: copy N of it) are sources of one plan (one plan, several sources).
    const q = async (sql: string) => (await client.query(sql)).rows[0].n as number;
    expect(await q(`SELECT count(*)::int AS n FROM ${schema}.sources WHERE plan_id IS NOT NULL`)).toBe(45);
    const planCount = await q(`SELECT count(*)::int AS n FROM ${schema}.plans`);
    const list = await run('list', '--db', url, '--json', '--limit', '1000');
    const plans = JSON.parse(list.out) as Array<{ id: number; sha256: string }>;
    expect(plans).toHaveLength(planCount);
    expect(new Set(plans.map((p) => p.id)).size).toBe(planCount);
    expect(new Set(plans.map((p) => p.sha256)).size).toBe(planCount);
    // Every plan whole; the queued bytes dropped once the jobs were done.
    expect(await q(`SELECT count(*)::int AS n FROM ${schema}.plans p WHERE NOT EXISTS (SELECT 1 FROM ${schema}.sources s WHERE s.sha256 = p.sha256 AND s.size = octet_length(s.content))`)).toBe(0);
    expect(await q(`SELECT count(*)::int AS n FROM ${schema}.plans p WHERE (SELECT count(*) FROM ${schema}.diagnostics d WHERE d.plan_id = p.id) <> jsonb_array_length(p.record->'diagnostics')`)).toBe(0);
    expect(await q(`SELECT count(*)::int AS n FROM ${schema}_queue.thidua_file`)).toBe(0);

    // Queued again after it is done: the worker finds every plan stored and changes nothing.
    await run('queue', 'add', join(inputs, 'plan-00001.txt'), '--db', url);
    const worker = startWorker(url);
    expect(await worker.exited).toBe(0);
    expect(JSON.parse((await run('list', '--db', url, '--json', '--limit', '1000')).out)).toHaveLength(planCount);
  });

  test('a file that fails three times is listed as failed with its error; retry puts it back', { timeout: 120_000 }, async () => {
    const bad = join(dir, 'not-a-plan.txt');
    writeFileSync(bad, 'Danh sách đi chợ: rau, thịt, cá.\n');
    expect((await run('queue', 'add', bad, '--db', url)).code).toBe(0);
    const worker = startWorker(url);
    expect(await worker.exited).toBe(0);
    expect(worker.lines.filter((l) => l.status === 'failed')).toHaveLength(3);
    expect(worker.lines.filter((l) => l.event === 'start')).toHaveLength(3);
    const status = JSON.parse((await run('queue', 'status', '--db', url, '--json')).out);
    expect(status).toMatchObject({ pending: 0, active: 0, failed: 1 });
    expect(status.failures[0]).toMatchObject({ path: bad, attempts: 3 });
    expect(status.failures[0].error).toMatch(/not-a-plan/);
    const text = await run('queue', 'status', '--db', url);
    expect(text.out).toMatch(/not-a-plan\.txt/);
    expect(JSON.parse((await run('queue', 'retry', '--db', url, '--json')).out)).toEqual({ retried: 1 });
    expect(JSON.parse((await run('queue', 'status', '--db', url, '--json')).out)).toMatchObject({ pending: 1, failed: 0 });
  });

  test('usage errors: no server, a bad URL, a bad --concurrency', async () => {
    const none = await run('queue', 'status');
    expect(none.code).toBe(2);
    expect((await run('worker', '--db', 'mysql://x')).code).toBe(2);
    expect((await run('worker', '--db', url, '--concurrency', '0')).code).toBe(2);
    const down = await run('queue', 'status', '--db', 'postgres://nobody:x@127.0.0.1:1/none');
    expect(down.code).toBe(1);
    expect(down.err).not.toMatch(/\n\s+at /);
  });
});
