// `npm run fuzz [-- --variants 500 --seed 1 --cli-every 5 --scans --keep DIR]`: malformed variants of
// the corpus files (scripts/fuzz/mutate.ts) read through the guarded extraction (library API)
// and, every Nth one, through `thidua extract`; prints the figures — records, refusals by
// problem, crashes, stack traces, hangs, partial files, messages without the file, time — and
// exits 1 when any rule is broken. The variants are written to a temporary folder (removed
// unless --keep) so that messages name real files.
import { mkdirSync, mkdtempSync, readdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { closeGuard } from '../../pipeline/guard.js';
import { setLang } from '../../pipeline/messages/index.js';
import { checkApi, checkCli, isFailure, packageRoot, type Outcome } from './check.js';
import { generateVariants, seedKind, type Seed } from './mutate.js';

function arg(name: string, fallback: string): string {
  const i = process.argv.indexOf(`--${name}`);
  return i > 0 && process.argv[i + 1] ? process.argv[i + 1] : fallback;
}

/** The corpus files the variants are made from: the seeds' texts and every variant format. */
export function corpusSeeds(root: string, options: { scans?: boolean } = {}): Seed[] {
  const seeds: Seed[] = [];
  for (const dir of ['corpus/seeds', 'corpus/variants']) {
    for (const name of readdirSync(join(root, dir)).sort()) {
      const kind = seedKind(name);
      if (!kind || (!options.scans && /\.scan\.pdf$|^ten-pages/.test(name))) continue;
      seeds.push({ name, kind, bytes: readFileSync(join(root, dir, name)) });
    }
  }
  return seeds;
}

async function main(): Promise<void> {
  setLang('en');
  const count = Number(arg('variants', '500'));
  const seed = Number(arg('seed', '1'));
  const cliEvery = Number(arg('cli-every', '5'));
  const keep = process.argv.includes('--keep');
  const limits = { timeoutMs: Number(arg('timeout-ms', '120000')), stepTimeoutMs: Number(arg('step-timeout-ms', '30000')) };
  const root = packageRoot();
  const dir = keep ? arg('keep', 'out/fuzz') : mkdtempSync(join(tmpdir(), 'thidua-fuzz-'));
  mkdirSync(dir, { recursive: true });
  // The scanned PDFs (OCR of every page, tens of seconds each) only with --scans.
  const variants = generateVariants(corpusSeeds(root, { scans: process.argv.includes('--scans') }), count, seed);
  const outcomes: (Outcome & { mutation: string })[] = [];
  const started = Date.now();
  for (const [i, v] of variants.entries()) {
    const path = join(dir, v.name);
    writeFileSync(path, v.bytes);
    const o = cliEvery > 0 && i % cliEvery === 0 ? await checkCli(path, join(dir, 'work'), limits) : await checkApi(path, limits);
    outcomes.push({ ...o, mutation: v.mutation });
    const mark = isFailure(o) ? 'FAIL' : 'ok';
    process.stdout.write(`${String(i + 1).padStart(4)}/${variants.length} ${mark.padEnd(4)} ${o.via} ${o.verdict.padEnd(7)} ${(o.problem ?? '').padEnd(18)} ${String(o.ms).padStart(6)} ms  ${v.name}${isFailure(o) ? `\n      ${o.message.slice(0, 300)}` : ''}\n`);
    if (!keep) rmSync(path, { force: true });
  }
  await closeGuard();
  const seconds = (Date.now() - started) / 1000;
  const by = (f: (o: Outcome) => boolean) => outcomes.filter(f).length;
  const problems = new Map<string, number>();
  for (const o of outcomes) if (o.verdict === 'refused') problems.set(o.problem ?? '?', (problems.get(o.problem ?? '?') ?? 0) + 1);
  const times = outcomes.map((o) => o.ms).sort((a, b) => a - b);
  const summary = {
    variants: outcomes.length,
    seed,
    viaCli: by((o) => o.via === 'cli'),
    records: by((o) => o.verdict === 'record'),
    refused: by((o) => o.verdict === 'refused'),
    crashes: by((o) => o.verdict === 'crash'),
    stackTraces: by((o) => o.stackTrace),
    hangs: by((o) => o.verdict === 'hang'),
    partialFiles: by((o) => o.partial.length > 0),
    unnamed: by((o) => o.unnamed),
    timeouts: by((o) => o.problem === 'timeout'),
    refusedBy: Object.fromEntries([...problems].sort((a, b) => b[1] - a[1])),
    seconds: Math.round(seconds),
    msMedian: times[Math.floor(times.length / 2)],
    msMax: times[times.length - 1],
    limits,
  };
  process.stdout.write(`\n${JSON.stringify(summary, null, 2)}\n`);
  if (!keep) rmSync(dir, { recursive: true, force: true });
  process.exitCode = outcomes.some(isFailure) ? 1 : 0;
}

if (process.argv[1] && /fuzz[\\/]run\.js$/.test(process.argv[1])) void main();
