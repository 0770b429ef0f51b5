// `npm run bench:startup`: what a fresh process pays before it reads a plan. Each figure is the
// median over fresh Node processes (BENCH_REPEAT, default 5), measured inside the child:
//   - importing the extraction pipeline, pdf.js (legacy build) and @napi-rs/canvas alone;
//   - reading the diacritics model's syllables only (detection) and the whole model (restoration);
//   - `thidua extract` of the 10-page digital PDF, wall time with process start (min, median, max).
import { spawnSync } from 'node:child_process';
import { dirname, join, resolve } from 'node:path';
import { fileURLToPath, pathToFileURL } from 'node:url';

const ROOT = resolve(dirname(fileURLToPath(import.meta.url)), '../..');
const REPEAT = Number(process.env.BENCH_REPEAT ?? 5);
const url = (p: string) => pathToFileURL(join(ROOT, p)).href;

/** Milliseconds a snippet of ESM takes in a fresh process (its own clock, process start excluded). */
function childMs(body: string): number {
  const code = `const t = performance.now(); ${body}; console.log(performance.now() - t);`;
  const run = spawnSync(process.execPath, ['--input-type=module', '-e', code], { cwd: ROOT, encoding: 'utf8' });
  if (run.status !== 0) throw new Error(run.stderr);
  return Number(run.stdout.trim().split('\n').pop());
}

const sorted = (xs: number[]) => [...xs].sort((a, b) => a - b);
const median = (xs: number[]) => sorted(xs)[Math.floor(xs.length / 2)];
const runs = (f: () => number) => Array.from({ length: REPEAT }, f);

const cases: Array<[string, string]> = [
  ['import the extraction pipeline (pipeline/extract.js)', `await import('${url('dist/pipeline/extract.js')}')`],
  ['import pdf.js (pdfjs-dist/legacy/build/pdf.mjs)', `await import('pdfjs-dist/legacy/build/pdf.mjs')`],
  ['  of which @napi-rs/canvas, which pdf.js loads in Node', `await import('@napi-rs/canvas')`],
  [
    'diacritics: the syllables only (detection)',
    `const m = await import('${url('dist/pipeline/diacritics/load.js')}'); const t0 = performance.now(); m.loadLexicon(); console.log(performance.now() - t0); process.exit(0)`,
  ],
  [
    'diacritics: the whole model (restoration)',
    `const m = await import('${url('dist/pipeline/diacritics/load.js')}'); const t0 = performance.now(); m.loadRestoreModel(); console.log(performance.now() - t0); process.exit(0)`,
  ],
];

console.log(`## Start-up (median of ${REPEAT} fresh processes)`);
for (const [label, body] of cases) console.log(`${label}: ${median(runs(() => childMs(body))).toFixed(0)} ms`);

const node = runs(() => {
  const t = performance.now();
  spawnSync(process.execPath, ['-e', '0']);
  return performance.now() - t;
});
console.log(`node -e 0 (process start and exit): ${median(node).toFixed(0)} ms wall`);
const pdf = runs(() => {
  const t = performance.now();
  const run = spawnSync(process.execPath, [join(ROOT, 'bin/thidua.js'), 'extract', join(ROOT, 'corpus/variants/ten-pages.pdf'), '--quiet', '--compact'], { encoding: 'utf8' });
  if (run.status !== 0) throw new Error(run.stderr);
  return performance.now() - t;
});
const s = sorted(pdf);
console.log(`thidua extract ten-pages.pdf (process start included): min ${s[0].toFixed(0)}, median ${median(pdf).toFixed(0)}, max ${s[s.length - 1].toFixed(0)} ms wall`);
