// The guarded extraction (pipeline/guard.ts): a step that runs past its time limit is stopped
// and the file refused with a message naming it and the step — here the analysis of a text of
// one 16 MB line under a 2-second step limit — and the next file is read by a fresh worker.
import { spawnSync } from 'node:child_process';
import { mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { InputError } from '../../pipeline/errors.js';
import { closeGuard, extractGuarded } from '../../pipeline/guard.js';
import { packageRoot } from '../../scripts/fuzz/check.js';

const ROOT = packageRoot();
const SEED = join(ROOT, 'corpus/seeds/001_bc94cfae2ebd58ab.txt');
const dir = mkdtempSync(join(tmpdir(), 'thidua-guard-'));

function oneLineText(): string {
  const line = readFileSync(SEED, 'utf8').replace(/\s*\n\s*/g, ' ');
  const path = join(dir, 'one-line.txt');
  writeFileSync(path, line.repeat(Math.ceil(16e6 / line.length)));
  return path;
}

afterAll(() => closeGuard());

describe('guarded extraction', () => {
  it('stops a step that runs too long, refuses the file by name, and reads the next one', { timeout: 120_000 }, async () => {
    const path = oneLineText();
    const error = await extractGuarded(path, { limits: { stepTimeoutMs: 2000 } }).catch((e: unknown) => e);
    expect(error).toBeInstanceOf(InputError);
    expect((error as InputError).problem).toBe('timeout');
    expect((error as InputError).path).toBe(path);
    expect((error as InputError).code).toBe('input.stalled');
    const { record } = await extractGuarded(SEED);
    expect(record.document.number).toBe('44/KH-UBND');
  });

  it('the CLI prints one line and exits 1', { timeout: 120_000 }, () => {
    const path = join(dir, 'one-line.txt');
    const r = spawnSync(process.execPath, [join(ROOT, 'bin/thidua.js'), 'extract', path, '--lang', 'en'], {
      encoding: 'utf8',
      env: { ...process.env, THIDUA_STEP_TIMEOUT_MS: '2000' },
      timeout: 60_000,
    });
    expect(r.status).toBe(1);
    expect(r.stdout).toBe('');
    expect(r.stderr.trim()).toBe(`thidua: ${path}: one step of reading the file (analysing the text) ran for more than 2 s and was stopped; the file may be damaged or too large (timeout)`);
  });
});
