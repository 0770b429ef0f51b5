// `thidua batch` (issue 11): one record per input whose name cannot collide with another's
// (X.txt, X.md and a/X.txt, b/X.txt all kept), a refused input named on stderr and counted in the
// summary, exit 1, the others' records still written.
import { spawnSync } from 'node:child_process';
import { copyFileSync, mkdirSync, mkdtempSync, readdirSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { recordNames } from '../../pipeline/cli/commands/batch.js';
import { packageRoot } from '../../scripts/fuzz/check.js';

const ROOT = packageRoot();
const SEED = join(ROOT, 'corpus/seeds/001_bc94cfae2ebd58ab.txt');
const OTHER = join(ROOT, 'corpus/seeds/003_79ae1312620914b2.txt');

describe('batch record names', () => {
  it('keep the extension, and mirror the folders only for names that occur twice', () => {
    const names = recordNames(['in/a/plan.txt', 'in/a/plan.pdf', 'in/b/plan.txt', 'in/a/other.txt']);
    expect(names.get('in/a/plan.pdf')).toBe('plan.pdf.json');
    expect(names.get('in/a/other.txt')).toBe('other.txt.json');
    expect(names.get('in/a/plan.txt')).toBe(join('a', 'plan.txt.json'));
    expect(names.get('in/b/plan.txt')).toBe(join('b', 'plan.txt.json'));
    expect(new Set(names.values()).size).toBe(4);
  });
});

describe('thidua batch', () => {
  it('writes a record for every input that gives one, refuses the others by name, and exits 1', () => {
    const dir = mkdtempSync(join(tmpdir(), 'thidua-batch-'));
    const a = join(dir, 'in', 'a');
    const b = join(dir, 'in', 'b');
    mkdirSync(a, { recursive: true });
    mkdirSync(b, { recursive: true });
    copyFileSync(SEED, join(a, 'plan.txt'));
    copyFileSync(SEED, join(a, 'plan.md'));
    copyFileSync(OTHER, join(b, 'plan.txt'));
    writeFileSync(join(b, 'empty.txt'), '');
    const out = join(dir, 'out');
    const r = spawnSync(process.execPath, [join(ROOT, 'bin/thidua.js'), '--lang', 'en', 'batch', join(dir, 'in'), '--out', out], { encoding: 'utf8', timeout: 120_000 });
    expect(r.status).toBe(1);
    expect(r.stderr).toContain(`${join(b, 'empty.txt')}: the file is empty (empty)`);
    expect(r.stderr).toContain(`3 read, 1 refused, written to ${out}`);
    expect(r.stderr).not.toMatch(/\n\s+at /);
    expect(r.stdout.trim().split('\n')).toHaveLength(3);
    // a/plan.txt and b/plan.txt are two different plans: both kept, under their folders.
    const first = JSON.parse(readFileSync(join(out, 'a', 'plan.txt.json'), 'utf8'));
    const second = JSON.parse(readFileSync(join(out, 'b', 'plan.txt.json'), 'utf8'));
    expect(first.document.number).toBe('44/KH-UBND');
    expect(second.document.number).toBe('41/KH-CAT');
    expect(readdirSync(out).sort()).toEqual(['a', 'b', 'plan.md.json']);
    expect(readdirSync(join(out, 'b'))).toEqual(['plan.txt.json']);
  });

  it('speaks Vietnamese by default', () => {
    const dir = mkdtempSync(join(tmpdir(), 'thidua-batch-vi-'));
    writeFileSync(join(dir, 'empty.txt'), '');
    const r = spawnSync(process.execPath, [join(ROOT, 'bin/thidua.js'), 'batch', join(dir, 'empty.txt'), '--out', join(dir, 'out')], {
      encoding: 'utf8',
      env: { ...process.env, THIDUA_LANG: '' },
    });
    expect(r.status).toBe(1);
    expect(r.stderr).toContain('tệp rỗng (empty)');
    expect(r.stderr).toContain('đã đọc 0 tệp, từ chối 1 tệp');
  });
});
