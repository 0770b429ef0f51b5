// Shared helpers of the ingest tests: paths, record comparison through scripts/score.mjs.
import { execFileSync } from 'node:child_process';
import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { dirname, join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import type { PlanRecord } from '../../pipeline/record/schema.js';

export const ROOT = resolve(dirname(fileURLToPath(import.meta.url)), '../..');
export const SEEDS = join(ROOT, 'corpus/seeds');
export const VARIANTS = join(ROOT, 'corpus/variants');
export const FIXTURES = join(ROOT, 'test/ingest/fixtures');

export const CORPUS_IDS = ['000_499ce2f91f22c4b0', '001_bc94cfae2ebd58ab', '002_4f12695a239b332f', '003_79ae1312620914b2', '004_117274c581549a38'];

/** score.mjs of `record` against `reference` as the gold: percentage of checks passed. */
export function scoreAgainst(reference: PlanRecord, record: PlanRecord): { percent: number; failures: unknown[] } {
  const dir = mkdtempSync(join(tmpdir(), 'thidua-ingest-score-'));
  const a = join(dir, 'reference.json');
  const b = join(dir, 'record.json');
  writeFileSync(a, JSON.stringify(reference));
  writeFileSync(b, JSON.stringify(record));
  let out: string;
  try {
    out = execFileSync(process.execPath, [join(ROOT, 'scripts/score.mjs'), a, b, '--json'], { encoding: 'utf8' });
  } catch (error) {
    // score.mjs exits non-zero when checks fail; its JSON is still on stdout.
    out = (error as { stdout?: string }).stdout ?? '';
  }
  const result = JSON.parse(out) as { passed: number; total: number; failures: unknown[] };
  return { percent: result.total === 0 ? 100 : (100 * result.passed) / result.total, failures: result.failures };
}

/** Character error rate and word error rate of `hypothesis` against `reference`. */
export function errorRates(reference: string, hypothesis: string): { cer: number; wer: number } {
  const norm = (s: string) => s.normalize('NFC').replace(/\s+/g, ' ').trim();
  const r = norm(reference);
  const h = norm(hypothesis);
  return { cer: levenshtein([...r], [...h]) / Math.max(1, [...r].length), wer: levenshtein(r.split(' '), h.split(' ')) / Math.max(1, r.split(' ').length) };
}

export function levenshtein<T>(a: T[], b: T[]): number {
  let prev = new Array<number>(b.length + 1);
  let cur = new Array<number>(b.length + 1);
  for (let j = 0; j <= b.length; j++) prev[j] = j;
  for (let i = 1; i <= a.length; i++) {
    cur[0] = i;
    for (let j = 1; j <= b.length; j++) cur[j] = Math.min(prev[j] + 1, cur[j - 1] + 1, prev[j - 1] + (a[i - 1] === b[j - 1] ? 0 : 1));
    [prev, cur] = [cur, prev];
  }
  return prev[b.length];
}
