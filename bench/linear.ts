// Linear time: any input is read in time proportional to its size. Prints ms per MB at 0.1, 1
// and 10 MB for a few shapes of generated text (words of the corpus seeds), each size in a fresh
// process (in-process extraction, `extractText`, timed inside it; start-up not counted), then
// `thidua extract` of a 12.5 MB one-line text end to end (wall and CPU time, process start included).
// The figures are CPU time of the reading (user + system), which a busy machine disturbs less than wall time.
// Linear growth shows as the same ms/MB at every size. A run over BENCH_LINEAR_TIMEOUT seconds
// (default 300) is stopped and printed as such.
// Run: npm run bench:linear   (BENCH_LINEAR_SIZES=0.1,1 BENCH_LINEAR_SHAPES=one-line for fewer)
import { spawnSync } from 'node:child_process';
import { existsSync, mkdtempSync, readdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { performance } from 'node:perf_hooks';
import { fileURLToPath } from 'node:url';

const root = join(import.meta.dirname, '..', '..');
const seedsDir = join(root, 'corpus', 'seeds');

const strip = (t: string) => t.normalize('NFD').replace(/[\u0300-\u036f]/g, '').replace(/đ/g, 'd').replace(/Đ/g, 'D');

/** The shapes of input: what a long or odd file looks like to the pipeline. */
const SHAPES: Record<string, string> = {
  'one-line': 'a plan header, then the seeds\' words on one line (no line break at all)',
  'short-lines': 'a plan header, then lines of four words without punctuation',
  stripped: 'the seeds without diacritics, paragraphs as in the seeds (restoration runs on every line)',
  'stripped-one-line': 'the seeds without diacritics on one line',
  paragraphs: 'the seeds repeated, with diacritics, as they are',
};

/** `bytes` of text of the given shape (UTF-8 size), from the words of the corpus seeds. */
export function generate(shape: string, bytes: number): string {
  const seeds = readdirSync(seedsDir)
    .filter((f) => f.endsWith('.txt'))
    .sort()
    .map((f) => readFileSync(join(seedsDir, f), 'utf8'));
  const header = seeds[1].split('\n').slice(0, 12).join('\n') + '\n';
  const words = seeds.join('\n').split(/\s+/).filter(Boolean);
  const repeat = (unit: string) => {
    const parts: string[] = [];
    let n = 0;
    while (n < bytes) {
      parts.push(unit);
      n += Buffer.byteLength(unit);
    }
    return parts.join('');
  };
  const wordsTo = (sep: (k: number) => string) => {
    let out = '';
    let n = 0;
    let k = 0;
    const parts: string[] = [];
    while (n < bytes) {
      const w = words[k % words.length] + sep(k);
      parts.push(w);
      n += Buffer.byteLength(w);
      k++;
    }
    out = parts.join('');
    return out;
  };
  switch (shape) {
    case 'one-line':
      return header + wordsTo(() => ' ');
    case 'short-lines':
      return header + wordsTo((k) => (k % 4 === 3 ? '\n' : ' ')).replace(/[.,;:!?]/g, '');
    case 'stripped':
      return strip(repeat(seeds.join('\n\n') + '\n\n'));
    case 'stripped-one-line':
      return strip(header + wordsTo(() => ' '));
    case 'paragraphs':
      return repeat(seeds.join('\n\n') + '\n\n');
    default:
      throw new Error(`unknown shape ${shape}`);
  }
}

async function child(shape: string, mb: number): Promise<void> {
  const { extractText } = await import('../pipeline/extract.js');
  const text = generate(shape, mb * 1e6);
  // Warm-up on small inputs (the whole diacritics model loaded, JIT) so that the figure is the
  // reading itself.
  extractText(generate(shape, 20_000), { allowNonPlan: true });
  extractText(generate('stripped', 20_000), { allowNonPlan: true });
  const t0 = performance.now();
  const c0 = process.cpuUsage();
  extractText(text, { allowNonPlan: true });
  const cpu = process.cpuUsage(c0);
  const ms = performance.now() - t0;
  process.stdout.write(JSON.stringify({ ms, cpuMs: (cpu.user + cpu.system) / 1000, bytes: Buffer.byteLength(text) }) + '\n');
}

function parent(): void {
  const sizes = (process.env.BENCH_LINEAR_SIZES ?? '0.1,1,10').split(',').map(Number);
  const shapes = (process.env.BENCH_LINEAR_SHAPES ?? Object.keys(SHAPES).join(',')).split(',');
  const timeout = Number(process.env.BENCH_LINEAR_TIMEOUT ?? 300) * 1000;
  const self = fileURLToPath(import.meta.url);
  console.log(`CPU ms per MB of input (the machine may be shared: CPU time, not wall), in-process extraction (extractText), each size in a fresh process; sizes ${sizes.join(', ')} MB`);
  // The smallest size carries fixed costs (the first pass of the parser and extractors over a
  // new shape): growth is read between the two largest sizes.
  console.log(['shape', ...sizes.map((s) => `${s} MB`), 'ms/MB, largest ÷ next'].join(' | '));
  for (const shape of shapes) {
    const cells: string[] = [];
    const perMb: number[] = [];
    for (const mb of sizes) {
      const r = spawnSync(process.execPath, ['--max-old-space-size=6144', self, '--child', shape, String(mb)], { encoding: 'utf8', timeout });
      if (r.status !== 0) {
        cells.push(r.error || r.signal ? `> ${timeout / 1000} s` : `failed: ${(r.stderr || '').trim().split('\n')[0]}`);
        continue;
      }
      const { ms, cpuMs, bytes } = JSON.parse(r.stdout.trim().split('\n').pop()!) as { ms: number; cpuMs: number; bytes: number };
      const x = cpuMs / (bytes / 1e6);
      perMb.push(x);
      cells.push(`${x.toFixed(0)} ms/MB (CPU ${(cpuMs / 1000).toFixed(2)} s, wall ${(ms / 1000).toFixed(2)} s)`);
    }
    const growth = perMb.length >= 2 ? `×${(perMb[perMb.length - 1] / perMb[perMb.length - 2]).toFixed(2)}` : '';
    console.log([shape, ...cells, growth].join(' | '));
  }
  // End to end: the case, a 12.5 MB text on one line, through the CLI.
  if (process.env.BENCH_LINEAR_CLI !== '0') {
    const dir = mkdtempSync(join(tmpdir(), 'thidua-linear-'));
    try {
      const file = join(dir, 'one-line-12.5MB.txt');
      writeFileSync(file, generate('one-line', 12.5e6));
      // GNU time gives the child's CPU time when it is installed (Debian's time package).
      const gnuTime = existsSync('/usr/bin/time');
      const args = [join(root, 'bin', 'thidua.js'), 'extract', file, '--quiet', '--out', join(dir, 'record.json')];
      const t0 = performance.now();
      const r = gnuTime
        ? spawnSync('/usr/bin/time', ['-f', 'cpu %U %S', process.execPath, ...args], { encoding: 'utf8', timeout })
        : spawnSync(process.execPath, args, { encoding: 'utf8', timeout });
      const s = (performance.now() - t0) / 1000;
      const cpuLine = /cpu ([\d.]+) ([\d.]+)\s*$/.exec(r.stderr ?? '');
      const cpu = cpuLine ? `, CPU ${(Number(cpuLine[1]) + Number(cpuLine[2])).toFixed(1)} s` : '';
      const stderr = (r.stderr ?? '').replace(/cpu [\d.]+ [\d.]+\s*$/, '').trim();
      const outcome = r.status === 0 ? 'a record' : r.status === 1 ? `a refusal: ${stderr}` : `exit ${r.status ?? r.signal}`;
      console.log(`thidua extract of a 12.5 MB one-line text: ${s.toFixed(1)} s wall${cpu}, process start included → ${outcome}`);
    } finally {
      rmSync(dir, { recursive: true, force: true });
    }
  }
}

if (process.argv[2] === '--child') await child(process.argv[3], Number(process.argv[4]));
else parent();
