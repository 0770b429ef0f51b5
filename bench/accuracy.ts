// Accuracy on the development set: the hand-checked expectations of ../shared/dev-plans and
// ../shared/corpus-vi/plans, graded with the shared grader's own `grade` (../shared/eval/expected.mjs),
// on the text as given and, with --pdf, on each document printed to PDF by LibreOffice (the
// digital-PDF path on documents nobody tuned for). Prints a table per set and the totals.
//
//   npm run bench:accuracy [-- --pdf]
import { execFileSync } from 'node:child_process';
import { existsSync, mkdtempSync, readFileSync, readdirSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { pathToFileURL } from 'node:url';
import { extractFile } from '../pipeline/extract.js';
import { isInputError } from '../pipeline/errors.js';

const ROOT = resolve(import.meta.dirname, '..', '..');
const SHARED = resolve(ROOT, '..', 'shared');
const SETS = [
  { name: 'dev-plans (15 documents of every kind)', expected: join(SHARED, 'dev-plans', 'expected.json'), docs: join(SHARED, 'dev-plans', 'docs') },
  { name: 'corpus-vi plans (10 provincial plans)', expected: join(SHARED, 'corpus-vi', 'plans-expected.json'), docs: join(SHARED, 'corpus-vi', 'plans') },
];

type Grade = (record: unknown, expectation: unknown) => Array<[string, boolean]>;

async function main(): Promise<void> {
  const graderPath = join(SHARED, 'eval', 'expected.mjs');
  if (!existsSync(graderPath)) {
    console.log('../shared is absent: nothing to grade.');
    return;
  }
  // The grader runs its command line only when it is the script itself; imported, it gives
  // `grade` (it still reads its two path arguments at load, so it is given this bench's).
  const argv = process.argv;
  process.argv = [argv[0], 'bench', SETS[0].expected, SETS[0].docs];
  const { grade } = (await import(pathToFileURL(graderPath).href)) as { grade: Grade };
  process.argv = argv;
  const pdf = process.argv.includes('--pdf');
  for (const set of SETS) {
    if (!existsSync(set.expected)) continue;
    const expected = JSON.parse(readFileSync(set.expected, 'utf8')) as Record<string, unknown>;
    let work: string | null = null;
    if (pdf) {
      work = mkdtempSync(join(tmpdir(), 'thidua-accuracy-'));
      const names = Object.keys(expected).map((n) => join(set.docs, n));
      execFileSync('soffice', ['--headless', '--convert-to', 'pdf', '--outdir', work, ...names], { stdio: 'ignore', timeout: 600_000 });
    }
    let passed = 0;
    let total = 0;
    console.log(`\n${set.name}${pdf ? ', printed to PDF' : ''}\n\n| document | checks | failed |\n|---|---|---|`);
    for (const [name, e] of Object.entries(expected)) {
      const path = work ? join(work, name.replace(/\.(txt|md)$/, '.pdf')) : join(set.docs, name);
      let record: unknown = {};
      let error = '';
      try {
        record = (await extractFile(path, { quiet: true })).record;
      } catch (err) {
        if (!isInputError(err)) throw err;
        error = ` (refused: ${err.problem})`;
      }
      const checks = grade(record, e);
      const ok = checks.filter(([, pass]) => pass).length;
      passed += ok;
      total += checks.length;
      const failed = checks.filter(([, pass]) => !pass).map(([what]) => what.replace(/\|/g, '/').slice(0, 60));
      console.log(`| ${name.slice(0, 48)} | ${ok}/${checks.length}${error} | ${failed.slice(0, 4).join('; ')}${failed.length > 4 ? ` … +${failed.length - 4}` : ''} |`);
    }
    console.log(`\ntotal: ${passed}/${total} (${((100 * passed) / Math.max(1, total)).toFixed(1)}%)`);
    if (work) rmSync(work, { recursive: true, force: true });
  }
  if (!readdirSync(ROOT).includes('package.json')) throw new Error('run from the project');
}

await main();
