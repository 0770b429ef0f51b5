// Extraction speed and accuracy on the corpus: plans per second in process and as a cold
// CLI per file, and the grader's score per seed (plain and diacritic-stripped).
// Run: npm run bench:extract (figures go to the README with this command).
import { execFileSync, spawnSync } from 'node:child_process';
import { existsSync, mkdtempSync, readdirSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { performance } from 'node:perf_hooks';
import { extractText } from '../pipeline/extract.js';

const root = join(import.meta.dirname, '..', '..');
const seedsDir = join(root, 'corpus', 'seeds');
const goldDir = join(root, 'corpus', 'gold');
const extraDir = join(root, '..', 'shared', 'corpus-vi', 'plans');
const strip = (t: string) => t.normalize('NFD').replace(/[\u0300-\u036f]/g, '').replace(/đ/g, 'd').replace(/Đ/g, 'D');

const seeds = readdirSync(seedsDir).filter((f) => f.endsWith('.txt')).sort();
const docs = seeds.map((f) => ({ name: f, text: readFileSync(join(seedsDir, f), 'utf8') }));
if (existsSync(extraDir)) for (const f of readdirSync(extraDir).sort()) docs.push({ name: f, text: readFileSync(join(extraDir, f), 'utf8') });

// Warm up, then time in-process extraction.
for (const d of docs) extractText(d.text, { allowNonPlan: true });
const rounds = 5;
let t0 = performance.now();
for (let r = 0; r < rounds; r++) for (const d of docs) extractText(d.text, { allowNonPlan: true });
let ms = performance.now() - t0;
const chars = docs.reduce((n, d) => n + d.text.length, 0);
console.log(`in process: ${docs.length} documents × ${rounds}: ${((docs.length * rounds) / (ms / 1000)).toFixed(1)} plans/s, ${(ms / (docs.length * rounds)).toFixed(1)} ms/plan (${(chars / docs.length / 1000).toFixed(1)} k chars/plan)`);

const strippedDocs = docs.map((d) => ({ ...d, text: strip(d.text) }));
t0 = performance.now();
for (const d of strippedDocs) extractText(d.text, { allowNonPlan: true });
ms = performance.now() - t0;
console.log(`in process, diacritics stripped (restoration included): ${(strippedDocs.length / (ms / 1000)).toFixed(1)} plans/s, ${(ms / strippedDocs.length).toFixed(1)} ms/plan`);

// Cold CLI: a new process per file.
const bin = join(root, 'bin', 'thidua.js');
const times: number[] = [];
for (const f of seeds) {
  const t = performance.now();
  spawnSync(process.execPath, [bin, 'extract', join(seedsDir, f), '--quiet'], { encoding: 'utf8' });
  times.push(performance.now() - t);
}
times.sort((a, b) => a - b);
const mean = times.reduce((a, b) => a + b, 0) / times.length;
console.log(`cold CLI per file: mean ${mean.toFixed(0)} ms, median ${times[Math.floor(times.length / 2)].toFixed(0)} ms (${(1000 / mean).toFixed(2)} plans/s)`);

// Accuracy against gold.
const work = mkdtempSync(join(tmpdir(), 'thidua-bench-'));
console.log('\naccuracy (scripts/score.mjs, same as ../shared/eval/score.mjs):');
for (const f of seeds) {
  const name = f.replace(/\.txt$/, '');
  const scores: string[] = [];
  for (const [variant, text] of [['plain', readFileSync(join(seedsDir, f), 'utf8')], ['stripped', strip(readFileSync(join(seedsDir, f), 'utf8'))]] as const) {
    for (const strict of [false, true]) {
      const rec = extractText(text, { allowNonPlan: true }).record;
      const path = join(work, `${name}.${variant}.json`);
      writeFileSync(path, JSON.stringify(rec));
      const args = [join(root, 'scripts', 'score.mjs'), join(goldDir, `${name}.json`), path, '--json'];
      if (strict) args.push('--strict-diacritics');
      const g = JSON.parse(execFileSync(process.execPath, args, { encoding: 'utf8' }));
      scores.push(`${variant}${strict ? ' strict' : ''} ${((100 * g.passed) / g.total).toFixed(1)}%`);
    }
  }
  console.log(`  ${name}: ${scores.join(', ')}`);
}
