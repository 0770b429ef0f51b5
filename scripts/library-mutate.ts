// Random changes to a library, for the kill test (test/library/ingest.test.ts): corrections,
// undos, merges, deletes and new plans, one transaction each, one JSON line printed after each
// commits. `node dist/scripts/library-mutate.js --data DIR [--seed N] [--steps N]`.
import { pathToFileURL } from 'node:url';
import { Library } from '../pipeline/library/library.js';
import type { PlanRecord } from '../pipeline/record/schema.js';
import { rng as random } from './gen-library.js';


export async function mutate(lib: Library, steps: number, seed: number, print: (line: object) => void): Promise<void> {
  const rnd = random(seed);
  const pick = <T>(xs: T[]): T => xs[Math.floor(rnd() * xs.length)];
  for (let step = 0; step < steps; step++) {
    const ids = (await lib.db.query<{ id: number }>(`SELECT id FROM plans ORDER BY id`)).map((r) => r.id);
    if (ids.length === 0) return;
    const r = rnd();
    const id = pick(ids);
    if (r < 0.45) {
      const title = `Tiêu đề sửa ${seed}-${step}`;
      const c = await lib.correct(id, [{ op: 'replace', path: '/document/title', value: title }], `kill-test ${seed}`);
      print({ op: 'correct', plan: id, correction: c.id });
    } else if (r < 0.6) {
      const undone = await lib.undoCorrection(id, null, 'kill-test');
      print({ op: 'undo', plan: id, correction: undone });
    } else if (r < 0.75 && ids.length > 2) {
      const other = pick(ids.filter((x) => x !== id));
      await lib.merge(id, other);
      print({ op: 'merge', plan: id, from: other });
    } else if (r < 0.85 && ids.length > 2) {
      await lib.delete(id);
      print({ op: 'delete', plan: id });
    } else {
      // Another source of a stored plan: its record under a new content hash.
      const row = (await lib.db.query<{ record: unknown }>(`SELECT record FROM sources WHERE plan_id = $1 LIMIT 1`, [id]))[0];
      if (!row) continue;
      const record = (typeof row.record === 'string' ? JSON.parse(row.record) : row.record) as PlanRecord;
      const sha256 = (seed.toString(16).padStart(8, '0') + step.toString(16).padStart(8, '0')).padEnd(64, 'f');
      const stored = await lib.store({ record: { ...record, source: { ...record.source, format: 'pdf', sha256 } }, sha256, content: Buffer.from(`copy ${seed} ${step}`), path: `copy-${step}.pdf`, extractor: 'kill-test' });
      print({ op: 'store', plan: stored.id, status: stored.status, sha256 });
    }
  }
}

async function main(argv: string[]): Promise<void> {
  const arg = (name: string) => {
    const i = argv.indexOf(name);
    return i >= 0 ? argv[i + 1] : undefined;
  };
  const lib = await Library.open({ data: arg('--data'), db: arg('--db') });
  try {
    process.stdout.write(JSON.stringify({ op: 'ready' }) + '\n');
    await mutate(lib, Number(arg('--steps') ?? 1000), Number(arg('--seed') ?? 1), (line) => process.stdout.write(JSON.stringify(line) + '\n'));
  } finally {
    await lib.close();
  }
}

if (process.argv[1] && import.meta.url === pathToFileURL(process.argv[1]).href) {
  main(process.argv.slice(2)).catch((error) => {
    process.stderr.write(`library-mutate: ${(error as Error).message}\n`);
    process.exitCode = 1;
  });
}
