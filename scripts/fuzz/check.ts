// Running one malformed input and judging the outcome: a record, or a refusal that names the
// file (InputError / exit 1 with one line), within the time limit, with no stack trace and no
// file left behind. Used by the fuzz test (test/robust/fuzz.test.ts) and `npm run fuzz`.
import { spawn } from 'node:child_process';
import { existsSync, mkdirSync, readdirSync, readFileSync, rmSync } from 'node:fs';
import { dirname, join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { InputError } from '../../pipeline/errors.js';
import { extractGuarded } from '../../pipeline/guard.js';
import type { IngestLimits } from '../../pipeline/ingest/limits.js';

export type Verdict = 'record' | 'refused' | 'crash' | 'hang';

export interface Outcome {
  path: string;
  via: 'api' | 'cli';
  verdict: Verdict;
  /** The InputError's problem (refused) or the failure (crash). */
  problem: string | null;
  message: string;
  ms: number;
  stackTrace: boolean;
  /** Files left behind in the output folder after a refusal (or besides the record). */
  partial: string[];
  /** The message does not name the file. */
  unnamed: boolean;
}

/** Where the package is: found from this module up (dist/scripts/fuzz or scripts/fuzz). */
export function packageRoot(): string {
  let dir = dirname(fileURLToPath(import.meta.url));
  for (let i = 0; i < 5; i++) {
    if (existsSync(join(dir, 'package.json')) && existsSync(join(dir, 'bin', 'thidua.js'))) return dir;
    dir = dirname(dir);
  }
  throw new Error('package root not found');
}

const STACK = /\n\s+at [^\n]+[:(]/;

/** One input through the library API (the guarded worker). */
export async function checkApi(path: string, limits: Partial<IngestLimits>, marginMs = 10_000): Promise<Outcome> {
  const started = Date.now();
  const allowed = (limits.timeoutMs ?? 30 * 60_000) + marginMs;
  let verdict: Verdict;
  let problem: string | null = null;
  let message = '';
  let unnamed = false;
  try {
    const { record } = await extractGuarded(path, { quiet: true, limits, timeoutMs: limits.timeoutMs });
    verdict = record && (record as { schema?: string }).schema === 'thidua.plan/1' ? 'record' : 'crash';
    if (verdict === 'crash') message = 'no plan record';
  } catch (error) {
    if (error instanceof InputError) {
      verdict = 'refused';
      problem = error.problem;
      message = error.toLine();
      unnamed = error.path !== path || !message.includes(path);
    } else {
      verdict = 'crash';
      problem = (error as Error)?.name ?? 'error';
      message = (error as Error)?.message ?? String(error);
    }
  }
  const ms = Date.now() - started;
  if (ms > allowed) verdict = 'hang';
  return { path, via: 'api', verdict, problem, message, ms, stackTrace: STACK.test(message), partial: [], unnamed };
}

/** One input through `thidua extract FILE --out DIR/record.json`, in an empty working folder. */
export function checkCli(path: string, work: string, limits: { timeoutMs: number; stepTimeoutMs: number }, marginMs = 15_000): Promise<Outcome> {
  const root = packageRoot();
  rmSync(work, { recursive: true, force: true });
  mkdirSync(work, { recursive: true });
  const out = join(work, 'record.json');
  const started = Date.now();
  return new Promise((done) => {
    const child = spawn(process.execPath, [join(root, 'bin', 'thidua.js'), 'extract', resolve(path), '--out', out, '--quiet'], {
      cwd: work,
      env: { ...process.env, THIDUA_STEP_TIMEOUT_MS: String(limits.stepTimeoutMs), THIDUA_TIMEOUT_MS: String(limits.timeoutMs), THIDUA_DEBUG: '' },
      stdio: ['ignore', 'pipe', 'pipe'],
    });
    let stdout = '';
    let stderr = '';
    child.stdout.on('data', (d) => (stdout += d));
    child.stderr.on('data', (d) => (stderr += d));
    let killed = false;
    const timer = setTimeout(() => {
      killed = true;
      child.kill('SIGKILL');
    }, limits.timeoutMs + marginMs);
    child.on('close', (code) => {
      clearTimeout(timer);
      const ms = Date.now() - started;
      const left = readdirSync(work);
      let verdict: Verdict;
      let partial: string[] = [];
      if (killed) verdict = 'hang';
      else if (code === 0) {
        let ok = false;
        try {
          ok = JSON.parse(readFileSync(out, 'utf8')).schema === 'thidua.plan/1';
        } catch {
          ok = false;
        }
        verdict = ok ? 'record' : 'crash';
        partial = left.filter((f) => f !== 'record.json');
      } else if (code === 1) {
        verdict = 'refused';
        partial = left;
      } else verdict = 'crash';
      const line = stderr.trim();
      const problem = verdict === 'refused' ? (/\(([a-z-]+)\)$/.exec(line.split('\n')[0])?.[1] ?? null) : verdict === 'crash' ? `exit ${code}` : null;
      done({
        path,
        via: 'cli',
        verdict,
        problem,
        message: line,
        ms,
        stackTrace: STACK.test(stderr),
        partial,
        unnamed: verdict === 'refused' && (!line.includes(resolve(path)) || line.split('\n').length !== 1 || stdout !== ''),
      });
    });
  });
}

/** An outcome that breaks the rules: a crash, a hang, a stack trace, a partial file, a message without the file. */
export function isFailure(o: Outcome): boolean {
  return o.verdict === 'crash' || o.verdict === 'hang' || o.stackTrace || o.partial.length > 0 || o.unnamed;
}
