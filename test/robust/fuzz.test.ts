// Fuzz test (issue 11): malformed variants of the corpus files (scripts/fuzz/mutate.ts, fixed
// seed) each end in a record or a refusal naming the file — within the time limit, with no
// stack trace and no file left behind. Most run through the library API (the guarded worker,
// many files in one process); some through `thidua extract`. `npm run fuzz` runs more.
// Needs dist/ (npm test builds it first): the guarded worker is the compiled one.
import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { closeGuard } from '../../pipeline/guard.js';
import { setLang } from '../../pipeline/messages/index.js';
import { checkApi, checkCli, isFailure, packageRoot, type Outcome } from '../../scripts/fuzz/check.js';
import { generateVariants, type SeedKind } from '../../scripts/fuzz/mutate.js';
import { corpusSeeds } from '../../scripts/fuzz/run.js';

const ROOT = packageRoot();
const dir = mkdtempSync(join(tmpdir(), 'thidua-fuzz-test-'));
// Short limits keep the run short: a variant that needs them is refused with `timeout`, which is
// an allowed ending. The images are mutated in their headers only (a decodable image would
// only add OCR time); `npm run fuzz` mutates them everywhere.
const LIMITS = { timeoutMs: 45_000, stepTimeoutMs: 15_000 };
const IMAGE_HEADER_MUTATIONS = new Set(['truncate-head', 'png-dims', 'jpeg-dims', 'tiff-dims', 'tiff-ifd-loop', 'tiff-strips']);
const only = (kind: SeedKind, mutation: string) => !['png', 'jpeg', 'tiff'].includes(kind) || IMAGE_HEADER_MUTATIONS.has(mutation);

afterAll(async () => {
  await closeGuard();
  rmSync(dir, { recursive: true, force: true });
});

function report(outcomes: Outcome[]): string {
  return outcomes
    .filter(isFailure)
    .map((o) => `${o.via} ${o.verdict} ${o.problem ?? ''} ${o.ms} ms ${o.path}: ${o.message.slice(0, 400)}${o.partial.length ? ` (left: ${o.partial.join(', ')})` : ''}`)
    .join('\n');
}

describe('fuzz: malformed inputs end in a record or a clear refusal', () => {
  const seeds = corpusSeeds(ROOT);
  const variants = generateVariants(seeds, 220, 20261202, { only });

  it('makes at least 200 variants of every kind of seed, the same for the same seed', () => {
    expect(variants.length).toBeGreaterThanOrEqual(200);
    expect(new Set(variants.map((v) => v.seed)).size).toBe(seeds.length);
    expect(new Set(variants.map((v) => v.mutation)).size).toBeGreaterThanOrEqual(30);
    const again = generateVariants(seeds, 20, 20261202, { only });
    expect(again.map((v) => Buffer.from(v.bytes).toString('base64'))).toEqual(variants.slice(0, 20).map((v) => Buffer.from(v.bytes).toString('base64')));
  });

  it('library API: every variant gives a record or an InputError naming the file, in time, without a stack trace', { timeout: 900_000 }, async () => {
    setLang('en');
    const outcomes: Outcome[] = [];
    for (const v of variants) {
      const path = join(dir, v.name);
      writeFileSync(path, v.bytes);
      outcomes.push(await checkApi(path, LIMITS));
    }
    setLang(null);
    expect(report(outcomes)).toBe('');
    // Both endings occur, and the readers' damage is named as such.
    expect(outcomes.some((o) => o.verdict === 'record')).toBe(true);
    const problems = new Set(outcomes.map((o) => o.problem));
    for (const p of ['damaged-pdf', 'damaged-docx', 'damaged-image', 'truncated']) expect(problems, p).toContain(p);
  });

  it('CLI: exit 0 with the record, or exit 1 with one line naming the file and nothing written', { timeout: 600_000 }, async () => {
    // One variant of each mutation that has a quick ending, through `thidua extract --out`.
    const picked = new Map<string, (typeof variants)[number]>();
    for (const v of variants) if (!picked.has(v.mutation) && picked.size < 24) picked.set(v.mutation, v);
    const outcomes: Outcome[] = [];
    for (const v of picked.values()) {
      const path = join(dir, `cli-${v.name}`);
      writeFileSync(path, v.bytes);
      const work = join(dir, 'work');
      mkdirSync(work, { recursive: true });
      outcomes.push(await checkCli(path, work, LIMITS));
    }
    expect(report(outcomes)).toBe('');
    expect(outcomes.some((o) => o.verdict === 'refused')).toBe(true);
  });
});
