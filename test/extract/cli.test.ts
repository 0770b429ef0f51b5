// The `thidua extract` command as a user meets it: exit codes, one-line messages that name
// the file and the problem, no stack traces, no half-written output.
import { spawnSync } from 'node:child_process';
import { existsSync, mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { ROOT, SEEDS, seedNames } from './helpers.js';

const BIN = join(ROOT, 'bin', 'thidua.js');
const dir = mkdtempSync(join(tmpdir(), 'thidua-cli-'));

function run(...args: string[]) {
  const r = spawnSync(process.execPath, [BIN, ...args], { encoding: 'utf8', timeout: 60_000 });
  return { code: r.status, stdout: r.stdout, stderr: r.stderr };
}

function file(name: string, content: string | Uint8Array): string {
  const path = join(dir, name);
  writeFileSync(path, content);
  return path;
}

function expectUserError(r: ReturnType<typeof run>, path: string, problem: string) {
  expect(r.code).toBe(1);
  expect(r.stdout).toBe('');
  const lines = r.stderr.trim().split('\n');
  expect(lines).toHaveLength(1);
  expect(lines[0]).toContain(path);
  expect(lines[0]).toContain(problem);
  expect(r.stderr).not.toMatch(/\n\s+at /);
}

describe('thidua extract', () => {
  it('prints an NFC JSON record and exits 0', () => {
    const seed = join(SEEDS, `${seedNames()[1]}.txt`);
    const r = run('extract', seed);
    expect(r.code).toBe(0);
    expect(r.stdout.normalize('NFC')).toBe(r.stdout);
    const record = JSON.parse(r.stdout);
    expect(record.schema).toBe('thidua.plan/1');
    expect(record.source.path).toBe(seed);
    expect(record.source.sha256).toMatch(/^[0-9a-f]{64}$/);
  });
  it('writes --out atomically and nothing on failure', () => {
    const out = join(dir, 'record.json');
    expect(run('extract', join(SEEDS, `${seedNames()[0]}.txt`), '--out', out).code).toBe(0);
    expect(JSON.parse(readFileSync(out, 'utf8')).document.number).toBeTruthy();
    const bad = join(dir, 'not-written.json');
    expect(run('extract', file('empty.txt', ''), '--out', bad).code).toBe(1);
    expect(existsSync(bad)).toBe(false);
  });
  it('refuses a missing file', () => {
    const path = join(dir, 'nope.txt');
    expectUserError(run('extract', path), path, 'missing');
  });
  it('refuses an empty file and one of white space', () => {
    const empty = file('empty2.txt', '');
    expectUserError(run('extract', empty), empty, 'empty');
    const blank = file('blank.txt', ' \n\n\t \n');
    expectUserError(run('extract', blank), blank, 'empty');
  });
  it('refuses a binary file', () => {
    const bin = file('data.bin', new Uint8Array([0, 1, 2, 3, 255, 0, 7, 8, 9, 10, 0, 0]));
    expectUserError(run('extract', bin), bin, 'binary');
  });
  it('refuses a directory', () => {
    expectUserError(run('extract', dir), dir, 'unreadable');
  });
  it('reads another administrative document with a warning, and refuses text that is none, without inventing a record', () => {
    const decree = file('decree.txt', 'CHÍNH PHỦ\n\nSố: 10/2025/NĐ-CP\n\nNGHỊ ĐỊNH\nQuy định chi tiết\n\nĐiều 1. Phạm vi điều chỉnh\n');
    const d = run('extract', decree);
    expect(d.code).toBe(0);
    expect(JSON.parse(d.stdout).diagnostics.map((x: { code: string }) => x.code)).toContain('not-a-plan-type');
    const prose = file('prose.txt', 'Hôm nay trời đẹp. Chúng tôi đi dạo trong công viên.\n');
    expectUserError(run('extract', prose), prose, 'not-a-plan');
  });
  it('reads a truncated plan without a stack trace (a record with what is there, or a clear refusal)', () => {
    const text = readFileSync(join(SEEDS, `${seedNames()[1]}.txt`), 'utf8');
    const cut = file('truncated.txt', text.slice(0, Math.floor(text.length / 3)));
    const r = run('extract', cut);
    expect([0, 1]).toContain(r.code);
    expect(r.stderr).not.toMatch(/\n\s+at /);
    if (r.code === 0) expect(JSON.parse(r.stdout).signature.name).toBeNull();
  });
  it('exits 2 with usage errors and describes every option in --help', () => {
    expect(run('extract').code).toBe(2);
    expect(run('frobnicate').code).toBe(2);
    expect(run('extract', 'x.txt', '--pages', 'abc').code).toBe(2);
    const help = run('extract', '--help');
    expect(help.code).toBe(0);
    for (const option of ['--out', '--no-restore', '--pages', '--quiet']) expect(help.stdout).toContain(option);
    const top = run('--help');
    expect(top.code).toBe(0);
    expect(top.stdout).toContain('extract');
  });
});

describe('evidence page numbers', () => {
  it('are the source page numbers, also when only some pages were read (--pages 2-3)', async () => {
    const { extractSource } = await import('../../pipeline/extract.js');
    const page2 = 'KẾ HOẠCH\nThi đua năm 2026\n\nI. MỤC ĐÍCH\n1. Tăng cường.';
    const page3 = 'II. KHEN THƯỞNG\n- Đối với tập thể: Tặng 02 Giấy khen của Chủ tịch UBND xã.';
    const { record } = extractSource(
      { path: 'x.pdf', sha256: '', format: 'pdf', pages: 3, ocr: false, diagnostics: [], pageTexts: [{ number: 2, text: page2, ocr: false }, { number: 3, text: page3, ocr: false }] },
      { allowNonPlan: true },
    );
    expect(record.evidence['/document/type'].page).toBe(2);
    expect(record.evidence['/awards/0'].page).toBe(3);
  });
});
