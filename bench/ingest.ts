// `npm run bench:ingest`: the cost and accuracy of ingest.
//   1. text-layer PDFs: ms per page in process, and the wall time of `thidua extract` on a
//      10-page digital PDF including process start;
//   2. OCR of the 200-dpi scans: s per page with 1 and 2 tesseract.js workers, and the same
//      preprocessed pages through the native `tesseract` CLI with the same model file (ratio
//      measured in the same run; CPU seconds as well as wall time, since the machine is shared);
//   3. CER and WER of the OCR against the text layer of the digital PDF of the same page.
//   4. the record of every variant (DOCX, PDF, scan, TIFF) against the record of its text.
// Options (environment): BENCH_OCR_DOCS=000,001 (scans to OCR), BENCH_REPEAT=3, BENCH_OCR_COPIES=2, BENCH_RECORDS=0
// to skip 4 (it OCRs every scan: a few minutes).
import { spawnSync } from 'node:child_process';
import { existsSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { dirname, join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { levenshtein } from '../pipeline/compare/text.js';
import { extractFile } from '../pipeline/extract.js';
import { startEngine } from './engine.js';
import { closeIngest, ingestFile } from '../pipeline/ingest/index.js';
import { linesToText } from '../pipeline/ingest/layout.js';
import { OcrPool, parseTsv, tessdataDir, type OcrResult } from '../pipeline/ingest/ocr.js';
import { pdfPageImages } from '../pipeline/ingest/pdf.js';
import { encodeTiff, preprocess, type GrayImage } from '../pipeline/ingest/raster.js';

const ROOT = resolve(dirname(fileURLToPath(import.meta.url)), '../..');
const VARIANTS = join(ROOT, 'corpus/variants');
const IDS = ['000_499ce2f91f22c4b0', '001_bc94cfae2ebd58ab', '002_4f12695a239b332f', '003_79ae1312620914b2', '004_117274c581549a38'];
const REPEAT = Number(process.env.BENCH_REPEAT ?? 3);
/** Rounds of the OCR pages queued at once for the 1- and 2-worker throughput. */
const COPIES = Number(process.env.BENCH_OCR_COPIES ?? 2);
const OCR_DOCS = (process.env.BENCH_OCR_DOCS ?? '000,001').split(',').map((p) => IDS.find((id) => id.startsWith(p.trim()))!);

const cpuSeconds = () => {
  const u = process.cpuUsage();
  return (u.user + u.system) / 1e6;
};
const median = (xs: number[]) => [...xs].sort((a, b) => a - b)[Math.floor(xs.length / 2)];
const fmt = (n: number, d = 2) => n.toFixed(d);

async function textLayer(): Promise<void> {
  console.log('## Text-layer PDFs');
  let pages = 0;
  for (const id of IDS) pages += (await ingestFile(join(VARIANTS, `${id}.pdf`))).pageTexts.length; // warm-up
  const runs: number[] = [];
  for (let r = 0; r < REPEAT; r++) {
    const t = performance.now();
    for (const id of IDS) await ingestFile(join(VARIANTS, `${id}.pdf`));
    runs.push(performance.now() - t);
  }
  console.log(`in process: ${fmt(median(runs) / pages, 1)} ms/page (${pages} pages of ${IDS.length} PDFs, median of ${REPEAT})`);
  const ten = join(VARIANTS, 'ten-pages.pdf');
  const walls: number[] = [];
  for (let r = 0; r < REPEAT; r++) {
    const t = performance.now();
    const run = spawnSync(process.execPath, [join(ROOT, 'bin/thidua.js'), 'extract', ten, '--quiet', '--compact'], { encoding: 'utf8' });
    walls.push(performance.now() - t);
    if (run.status !== 0) throw new Error(`thidua extract failed: ${run.stderr}`);
  }
  console.log(`thidua extract ten-pages.pdf (10 pages, process start included): ${fmt(median(walls), 0)} ms wall (median of ${REPEAT})`);
}

interface Page {
  id: string;
  number: number;
  image: GrayImage;
  reference: string;
}

async function ocrPages(): Promise<Page[]> {
  const pages: Page[] = [];
  for (const id of OCR_DOCS) {
    const digital = await ingestFile(join(VARIANTS, `${id}.pdf`));
    const images = await pdfPageImages(readFileSync(join(VARIANTS, `${id}.scan.pdf`)));
    for (const { number, image, dpi } of images) {
      pages.push({ id, number, image: preprocess(image, dpi).image, reference: digital.pageTexts[number - 1].text });
    }
  }
  return pages;
}

/** OCR text of a page as the pipeline makes it (page number line at the top dropped). */
function pageText(result: OcrResult, height: number): string {
  const lines = result.lines.map((l) => ({
    text: l.text,
    y: l.y1,
    x0: Math.min(...l.words.map((w) => w.x0)),
    x1: Math.max(...l.words.map((w) => w.x1)),
    size: (l.y1 - l.y0) * 1.4,
    row: false,
  }));
  const body = lines.filter((l, i) => !(i === 0 && /^\d{1,3}$/.test(l.text.trim()) && l.y < height * 0.1));
  return linesToText(body);
}

function errorRates(pairs: { reference: string; hypothesis: string }[]): { cer: number; wer: number } {
  let chars = 0;
  let charErrors = 0;
  let words = 0;
  let wordErrors = 0;
  const norm = (s: string) => s.normalize('NFC').replace(/\s+/g, ' ').trim();
  for (const { reference, hypothesis } of pairs) {
    const r = norm(reference);
    const h = norm(hypothesis);
    chars += [...r].length;
    charErrors += levenshtein([...r], [...h]);
    words += r.split(' ').length;
    wordErrors += levenshtein(r.split(' '), h.split(' '));
  }
  return { cer: charErrors / chars, wer: wordErrors / words };
}

/**
 * OCR of `copies` rounds of the pages through a pool of `workers`, all queued at once: wall and
 * CPU seconds, and the first round's results. Throughput wants more pages than workers by far:
 * 7 pages on 2 workers end with one page read alone, which caps the ratio at 7/4 = ×1.75 even
 * if both workers ran at full speed.
 */
async function timedOcr(pages: Page[], workers: number, copies = 1): Promise<{ wall: number; cpu: number; results: OcrResult[] }> {
  const pool = new OcrPool({ workers, idleCloseMs: -1 });
  // Start every worker on a real page before timing: starting the engine, loading the model
  // and V8's optimising compile of the hot wasm code are one-offs per process.
  await Promise.all(Array.from({ length: workers }, () => pool.recognize(pages[0].image)));
  const c = cpuSeconds();
  const t = performance.now();
  const jobs = Array.from({ length: copies }, () => pages).flat();
  const results = (await Promise.all(jobs.map((p) => pool.recognize(p.image)))).slice(0, pages.length);
  const wall = (performance.now() - t) / 1000;
  const cpu = cpuSeconds() - c;
  await pool.close();
  return { wall, cpu, results };
}

/** Whether the native `tesseract` CLI is installed. */
function hasNative(): boolean {
  return spawnSync('tesseract', ['--version'], { encoding: 'utf8' }).status === 0;
}

/** One page through the native CLI (one thread, same model file, PSM 6, TSV): its wall and CPU seconds. */
function nativePage(image: string, out: string): { wall: number; cpu: number; result: OcrResult } {
  const run = spawnSync('/usr/bin/time', ['-f', '%e %U %S', 'tesseract', image, out, '-l', 'vie', '--tessdata-dir', tessdataDir(), '--psm', '6', '-c', 'tessedit_create_tsv=1', '-c', 'tessedit_create_txt=0'], {
    env: { ...process.env, OMP_THREAD_LIMIT: '1' },
    encoding: 'utf8',
  });
  if (!existsSync(`${out}.tsv`)) throw new Error(`native tesseract failed: ${run.stderr}`);
  const [wall, user, system] = (run.stderr.trim().split('\n').pop() ?? '').split(' ').map(Number);
  return { wall, cpu: user + system, result: parseTsv(readFileSync(`${out}.tsv`, 'utf8')) };
}

/**
 * tesseract.js (one worker) against the native CLI, page by page and interleaved: each page goes
 * through both, in alternating order, `rounds` times, so that a change of machine load during
 * the run weighs on both sides alike. The worker is warmed on a real page first (see timedOcr);
 * the CLI pays its process start and model load on every page, as a per-page CLI run does.
 */
async function versusNative(pages: Page[], rounds: number) {
  const dir = mkdtempSync(join(tmpdir(), 'thidua-bench-ocr-'));
  const pool = new OcrPool({ workers: 1, idleCloseMs: -1 });
  try {
    pages.forEach((p, i) => writeFileSync(join(dir, `page${i}.tiff`), encodeTiff(p.image)));
    await pool.recognize(pages[0].image);
    const js = { wall: 0, cpu: 0 };
    const native = { wall: 0, cpu: 0 };
    const results: OcrResult[] = [];
    const ratios: number[] = [];
    for (let r = 0; r < rounds; r++) {
      const round = { js: 0, native: 0 };
      for (let i = 0; i < pages.length; i++) {
        const runJs = async () => {
          const c = cpuSeconds();
          const t = performance.now();
          await pool.recognize(pages[i].image);
          js.wall += (performance.now() - t) / 1000;
          const cpu = cpuSeconds() - c;
          js.cpu += cpu;
          round.js += cpu;
        };
        const runNative = () => {
          const one = nativePage(join(dir, `page${i}.tiff`), join(dir, `page${i}`));
          native.wall += one.wall;
          native.cpu += one.cpu;
          round.native += one.cpu;
          if (r === 0) results[i] = one.result;
        };
        if ((r + i) % 2 === 0) {
          await runJs();
          runNative();
        } else {
          runNative();
          await runJs();
        }
      }
      ratios.push(round.js / round.native);
    }
    return { js, native, ratios, results };
  } finally {
    await pool.close();
    rmSync(dir, { recursive: true, force: true });
  }
}

/**
 * The engine's own calls, timed inside tesseract.js-core (the same wasm build tesseract.js
 * picks here, without tesseract.js around it), on the same pages, interleaved page by page with
 * the same page through tesseract.js (one worker): where the per-page cost is, and what
 * tesseract.js adds to it.
 */
async function engineCalls(pages: Page[]): Promise<{ setImage: number; recognize: number; tsv: number; viaTesseractJs: number }> {
  const { api, writeInput } = await startEngine();
  const pool = new OcrPool({ workers: 1, idleCloseMs: -1 });
  const sums = { setImage: 0, recognize: 0, tsv: 0, viaTesseractJs: 0 };
  const direct = (page: Page, add: boolean) => {
    writeInput(encodeTiff(page.image));
    const t0 = performance.now();
    api.SetImageFile(1, 0);
    const t1 = performance.now();
    api.Recognize(null);
    const t2 = performance.now();
    api.GetTSVText(0);
    const t3 = performance.now();
    if (add) {
      sums.setImage += t1 - t0;
      sums.recognize += t2 - t1;
      sums.tsv += t3 - t2;
    }
  };
  const viaPool = async (page: Page) => {
    const t = performance.now();
    await pool.recognize(page.image);
    sums.viaTesseractJs += performance.now() - t;
  };
  try {
    // Warm-up of both (the JIT's optimising compile).
    direct(pages[0], false);
    await pool.recognize(pages[0].image);
    for (let i = 0; i < pages.length; i++) {
      if (i % 2 === 0) {
        direct(pages[i], true);
        await viaPool(pages[i]);
      } else {
        await viaPool(pages[i]);
        direct(pages[i], true);
      }
    }
  } finally {
    api.End();
    await pool.close();
  }
  const n = pages.length;
  return { setImage: sums.setImage / n, recognize: sums.recognize / n, tsv: sums.tsv / n, viaTesseractJs: sums.viaTesseractJs / n };
}

async function ocr(): Promise<void> {
  console.log('\n## OCR of the 200-dpi degraded scans');
  const pages = await ocrPages();
  console.log(`${pages.length} pages of ${OCR_DOCS.join(', ')} (preprocessed as the pipeline does: deskewed${process.env.THIDUA_OCR_UPSCALE === '0' ? ', never upscaled' : ', upscaled only below 150 dpi'})`);
  const n = pages.length;
  const one = await timedOcr(pages, 1, COPIES);
  const jobs = n * COPIES;
  console.log(`tesseract.js, 1 worker : ${fmt(one.wall / jobs)} s/page wall, ${fmt(one.cpu / jobs)} s/page CPU (${jobs} pages: the ${n} pages ${COPIES} times)`);
  const two = await timedOcr(pages, 2, COPIES);
  console.log(`tesseract.js, 2 workers: ${fmt(two.wall / jobs)} s/page wall → throughput ×${fmt(one.wall / two.wall)} of one worker`);
  const versus = hasNative() ? await versusNative(pages, REPEAT) : null;
  const native = versus ? { results: versus.results } : null;
  if (versus) {
    const runs = n * REPEAT;
    console.log(`tesseract.js vs the native tesseract CLI, each page through both in alternating order, ${REPEAT} rounds (1 thread each, same model file, same images):`);
    console.log(`  tesseract.js ${fmt(versus.js.cpu / runs)} s/page CPU (${fmt(versus.js.wall / runs)} wall) · native CLI ${fmt(versus.native.cpu / runs)} s/page CPU (${fmt(versus.native.wall / runs)} wall)`);
    const sorted = [...versus.ratios].sort((a, b) => a - b);
    console.log(`  ratio tesseract.js / native: ×${fmt(versus.js.cpu / versus.native.cpu)} CPU (rounds ×${fmt(sorted[0])}–×${fmt(sorted[sorted.length - 1])}), ×${fmt(versus.js.wall / versus.native.wall)} wall`);
  } else console.log('native tesseract CLI: not installed (apt-get install tesseract-ocr)');
  const calls = await engineCalls(pages);
  const engine = calls.setImage + calls.recognize + calls.tsv;
  console.log(
    `engine calls inside tesseract.js-core, per page: SetImageFile ${fmt(calls.setImage, 0)} ms, Recognize ${fmt(calls.recognize / 1000)} s, GetTSVText ${fmt(calls.tsv, 0)} ms; ` +
      `the same pages through tesseract.js, interleaved: ×${fmt(calls.viaTesseractJs / engine)} the engine's calls`,
  );
  // Per document, pages joined: a paragraph broken by a page break sits on its first page in
  // the reference (the pipeline's doing), so page-by-page pairs would count it twice.
  const byDocument = (results: OcrResult[]) =>
    OCR_DOCS.map((id) => ({
      reference: pages.filter((p) => p.id === id).map((p) => p.reference).join('\n'),
      hypothesis: pages.map((p, i) => ({ p, i })).filter(({ p }) => p.id === id).map(({ p, i }) => pageText(results[i], p.image.height)).join('\n'),
    }));
  const ours = errorRates(byDocument(one.results));
  console.log(`accuracy (tesseract.js, against the digital PDF's text): CER ${fmt(ours.cer * 100)}%, WER ${fmt(ours.wer * 100)}%`);
  if (native) {
    const theirs = errorRates(byDocument(native.results));
    console.log(`accuracy (native CLI, same images)                     : CER ${fmt(theirs.cer * 100)}%, WER ${fmt(theirs.wer * 100)}%`);
  }
}

/** score.mjs of `record` against `reference` (as the gold), in percent. */
function score(reference: unknown, record: unknown): number {
  const dir = mkdtempSync(join(tmpdir(), 'thidua-bench-score-'));
  try {
    writeFileSync(join(dir, 'a.json'), JSON.stringify(reference));
    writeFileSync(join(dir, 'b.json'), JSON.stringify(record));
    const run = spawnSync(process.execPath, [join(ROOT, 'scripts/score.mjs'), join(dir, 'a.json'), join(dir, 'b.json'), '--json'], { encoding: 'utf8' });
    const r = JSON.parse(run.stdout) as { passed: number; total: number };
    return (100 * r.passed) / Math.max(1, r.total);
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
}

async function records(): Promise<void> {
  console.log('\n## Records of every variant against the record of its text (score.mjs, same extractFile)');
  const options = { allowNonPlan: true, quiet: true };
  for (const id of IDS) {
    const text = (await extractFile(join(ROOT, 'corpus/seeds', `${id}.txt`), options)).record;
    const cells: string[] = [];
    for (const variant of ['docx', 'pdf', 'scan.pdf', ...(id.startsWith('000') ? ['tiff'] : [])]) {
      const t = performance.now();
      const record = (await extractFile(join(VARIANTS, `${id}.${variant}`), options)).record;
      cells.push(`${variant} ${fmt(score(text, record), 1)}% (${fmt((performance.now() - t) / 1000, 1)} s)`);
    }
    console.log(`${id}: ${cells.join(' · ')}`);
  }
  await closeIngest();
}

await textLayer();
await ocr();
if (process.env.BENCH_RECORDS !== '0') await records();
