// The embedded library (PGlite) is readable while another thidua process holds it: `list`,
// `show` and a second `ingest` go through the holder (pipeline/library/shared-pglite.ts)
// instead of failing with "the library is in use"; when the holder closes, the other process
// carries on with the library itself.
import { spawn } from 'node:child_process';
import { copyFileSync, existsSync, mkdirSync, mkdtempSync, readdirSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, test } from 'vitest';
import { Library } from '../../pipeline/library/library.js';
import { writeTextPlans } from '../../scripts/gen-library.js';
import { GOLD_DIR, runCli as run } from './helpers.js';

const ROOT = join(import.meta.dirname, '../..');
const CLI_BUILT = existsSync(join(ROOT, 'dist/pipeline/library/shared-pglite.js'));
if (!CLI_BUILT) console.warn('[thidua tests] dist/ is not built (npm run build): the shared-library tests are SKIPPED.');

const sleep = (ms: number) => new Promise((r) => setTimeout(r, ms));

describe.skipIf(!CLI_BUILT)('a library held by another process', () => {
  let dir: string;
  beforeAll(() => {
    dir = mkdtempSync(join(tmpdir(), 'thidua-shared-'));
  });
  afterAll(() => rmSync(dir, { recursive: true, force: true }));

  test('list, show and another ingest answer while an ingest of 100 files runs', { timeout: 600_000 }, async () => {
    const data = join(dir, 'library');
    const inputs = join(dir, 'in');
    writeTextPlans(inputs, 100);
    const others = join(dir, 'gold');
    mkdirSync(others);
    for (const f of readdirSync(GOLD_DIR)) copyFileSync(join(GOLD_DIR, f), join(others, f));

    const ingest = spawn(process.execPath, [join(ROOT, 'bin/thidua.js'), 'ingest', inputs, '--data', data, '--json'], { stdio: ['ignore', 'pipe', 'pipe'] });
    let out = '';
    let err = '';
    ingest.stdout.on('data', (b: Buffer) => (out += b.toString()));
    ingest.stderr.on('data', (b: Buffer) => (err += b.toString()));
    let running = true;
    const exited = new Promise<number | null>((resolve) => ingest.on('close', (code) => ((running = false), resolve(code))));
    // Once the ingest holds the library and has stored a plan …
    while (running && !out.includes('"status":"stored"')) await sleep(50);
    expect(running, `the ingest ended early: ${err}`).toBe(true);

    // … the library answers, and the ingest is still running when it has.
    const list = await run('list', '--json', '--limit', '1000', '--data', data);
    expect(list.err).toBe('');
    expect(list.code).toBe(0);
    const plans = JSON.parse(list.out) as Array<{ id: number }>;
    expect(plans.length).toBeGreaterThan(0);
    expect(plans.length).toBeLessThan(100);
    const shown = await run('show', String(plans[0].id), '--json', '--data', data);
    expect(shown.code).toBe(0);
    expect(JSON.parse(shown.out).id).toBe(plans[0].id);
    // A second ingest writes through the holder, one transaction per plan, between its stores.
    const second = await run('ingest', others, '--data', data, '--json', '--jobs', '0');
    expect(second.code).toBe(0);
    expect(JSON.parse(second.out.trim().split('\n').at(-1)!).summary).toMatchObject({ stored: 5, failed: [] });
    expect(running, 'the first ingest was still running while the others were answered').toBe(true);

    expect(await exited).toBe(0);
    expect(JSON.parse(out.trim().split('\n').at(-1)!).summary).toMatchObject({ stored: 100, failed: [] });
    const lib = await Library.open({ data });
    try {
      expect(await lib.count()).toBe(105);
    } finally {
      await lib.close();
    }
    expect(existsSync(join(data, 'thidua.lock'))).toBe(false);
  });

  test('when the holder closes, a process using the library through it carries on, holding it', { timeout: 300_000 }, async () => {
    const data = join(dir, 'handover');
    const lib0 = await Library.open({ data });
    await lib0.close();
    // Another process holds the library until it is told to let go (a line on its standard input).
    const holder = spawn(
      process.execPath,
      [
        '--input-type=module',
        '-e',
        `import { Library } from ${JSON.stringify(join(ROOT, 'dist/pipeline/library/library.js'))};
         const lib = await Library.open({ data: ${JSON.stringify(data)} });
         process.stdout.write('open\\n');
         process.stdin.once('data', async () => { process.stdin.destroy(); await lib.close(); process.stdout.write('closed\\n'); });`,
      ],
      { stdio: ['pipe', 'pipe', 'inherit'] },
    );
    let said = '';
    holder.stdout.on('data', (b: Buffer) => (said += b.toString()));
    const exited = new Promise<void>((resolve) => holder.on('close', () => resolve()));
    while (!said.includes('open')) await sleep(20);
    expect(readFileSync(join(data, 'thidua.lock'), 'utf8').split('\n')[0]).toBe(String(holder.pid));

    const lib = await Library.open({ data });
    try {
      expect(await lib.count()).toBe(0);
      holder.stdin.write('go\n');
      await exited;
      expect(said).toContain('closed');
      // The next statement finds the holder gone and opens the library itself.
      expect(await lib.count()).toBe(0);
      expect(readFileSync(join(data, 'thidua.lock'), 'utf8').split('\n')[0]).toBe(String(process.pid));
    } finally {
      await lib.close();
    }
    expect(existsSync(join(data, 'thidua.lock'))).toBe(false);
  });
});
