// `npm run bench:wasm-flags`: V8 flags for the OCR engine, A against B at the same moment.
// The machine's speed drifts by 10–25 % within minutes, so two configurations timed one after
// the other mislead; here both run at once, each in its own process on its own core (taskset,
// where there is one), swapped between rounds, on the 200-dpi scans of the bench pages, inside
// tesseract.js-core (the wasm build tesseract.js picks here). Prints ms per page of each
// configuration per round and whether their TSV output is byte-identical.
//
//   npm run bench:wasm-flags                                  # V8's defaults against inlining
//   npm run bench:wasm-flags -- "" "--experimental-wasm-inlining --wasm-inlining-budget=20000"
// Options (environment): BENCH_OCR_DOCS=000,001, BENCH_REPEAT=2 (rounds).
import { spawn, spawnSync } from 'node:child_process';
import { createHash } from 'node:crypto';
import { mkdtempSync, readdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { setFlagsFromString } from 'node:v8';
import { pdfPageImages } from '../pipeline/ingest/pdf.js';
import { encodeTiff, preprocess } from '../pipeline/ingest/raster.js';
import { startEngine } from './engine.js';

const SELF = fileURLToPath(import.meta.url);
const VARIANTS = join(SELF, '../../../corpus/variants');
const REPEAT = Number(process.env.BENCH_REPEAT ?? 2);

interface ChildResult {
  msPerPage: number;
  sha256: string;
}

/** One configuration: its flags set before the engine compiles, every page once after a warm-up. */
async function child(dir: string, flags: string): Promise<void> {
  for (const flag of flags.split(' ').filter(Boolean)) setFlagsFromString(flag);
  const { api, writeInput } = await startEngine();
  const pages = readdirSync(dir).filter((f) => f.endsWith('.tiff')).sort();
  const read = (file: string) => {
    writeInput(readFileSync(join(dir, file)));
    api.SetImageFile(1, 0);
    api.Recognize(null);
    return api.GetTSVText(0);
  };
  read(pages[0]); // warm-up: V8's optimising compile of the hot code
  const hash = createHash('sha256');
  const t = performance.now();
  for (const page of pages) hash.update(read(page));
  const result: ChildResult = { msPerPage: (performance.now() - t) / pages.length, sha256: hash.digest('hex') };
  console.log(JSON.stringify(result));
}

function runChild(dir: string, flags: string, core: number | null): Promise<ChildResult> {
  const command = core === null ? process.execPath : 'taskset';
  const args = [...(core === null ? [] : ['-c', String(core), process.execPath]), SELF, '--child', dir, flags];
  return new Promise((resolve, reject) => {
    const proc = spawn(command, args, { stdio: ['ignore', 'pipe', 'inherit'] });
    let out = '';
    proc.stdout.on('data', (d: Buffer) => (out += d.toString()));
    proc.on('close', (code) => (code === 0 ? resolve(JSON.parse(out.trim().split('\n').pop()!) as ChildResult) : reject(new Error(`child exited ${code}`))));
  });
}

async function main(a: string, b: string): Promise<void> {
  const dir = mkdtempSync(join(tmpdir(), 'thidua-bench-flags-'));
  try {
    const docs = (process.env.BENCH_OCR_DOCS ?? '000,001').split(',').map((d) => d.trim());
    const files = readdirSync(VARIANTS).filter((f) => f.endsWith('.scan.pdf') && docs.some((d) => f.startsWith(d)));
    let count = 0;
    for (const file of files.sort()) {
      for (const { image, dpi } of await pdfPageImages(readFileSync(join(VARIANTS, file)))) {
        writeFileSync(join(dir, `${String(count++).padStart(3, '0')}.tiff`), encodeTiff(preprocess(image, dpi).image));
      }
    }
    const pinned = spawnSync('taskset', ['-c', '0', 'true']).status === 0;
    const label = (flags: string) => flags || "V8's defaults";
    console.log(`## V8 flags for tesseract.js-core: ${count} pages of ${files.join(', ')}, both configurations at once${pinned ? ', one per core' : ''}, ${REPEAT} rounds`);
    const sums = { a: 0, b: 0 };
    let identical = true;
    for (let r = 0; r < REPEAT; r++) {
      const [ra, rb] = await Promise.all([runChild(dir, a, pinned ? r % 2 : null), runChild(dir, b, pinned ? (r + 1) % 2 : null)]);
      sums.a += ra.msPerPage;
      sums.b += rb.msPerPage;
      identical &&= ra.sha256 === rb.sha256;
      console.log(`round ${r + 1}: ${label(a)} ${ra.msPerPage.toFixed(0)} ms/page · ${label(b)} ${rb.msPerPage.toFixed(0)} ms/page`);
    }
    console.log(`mean: ${label(a)} ${(sums.a / REPEAT).toFixed(0)} ms/page · ${label(b)} ${(sums.b / REPEAT).toFixed(0)} ms/page → ×${(sums.b / sums.a).toFixed(3)}; output ${identical ? 'byte-identical' : 'DIFFERS'}`);
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
}

const argv = process.argv.slice(2);
if (argv[0] === '--child') await child(argv[1], argv[2] ?? '');
else await main(argv[0] ?? '', argv[1] ?? '--experimental-wasm-inlining');
