// The command line speaks Vietnamese by default and English with --lang en or THIDUA_LANG=en
// (issue 12 item 5): the program's and every command's help, commander's own words, usage
// errors and refusals — all through the message catalogue, every code used there defined.
import { spawnSync } from 'node:child_process';
import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { COMMANDS, translateCommanderError } from '../../pipeline/cli/index.js';
import { CATALOGUE, setLang } from '../../pipeline/messages/index.js';
import { packageRoot } from '../../scripts/fuzz/check.js';

const ROOT = packageRoot();

function run(args: string[], lang = '') {
  const r = spawnSync(process.execPath, [join(ROOT, 'bin/thidua.js'), ...args], { encoding: 'utf8', env: { ...process.env, THIDUA_LANG: lang }, timeout: 60_000 });
  return { code: r.status, stdout: r.stdout, stderr: r.stderr };
}

const ENGLISH_WORDS = /\b(Usage|Options|Commands|Arguments|display help|output the version|default:)\b/;

describe('CLI language', () => {
  it('thidua --help is Vietnamese by default, English with --lang en or THIDUA_LANG=en', () => {
    const vi = run(['--help']);
    expect(vi.code).toBe(0);
    expect(vi.stdout).toContain('Cách dùng: thidua');
    expect(vi.stdout).toContain('Lệnh:');
    expect(vi.stdout).not.toMatch(ENGLISH_WORDS);
    const en = run(['--lang', 'en', '--help']);
    expect(en.stdout).toContain('Usage: thidua');
    expect(en.stdout).toContain('Commands:');
    expect(run(['--help'], 'en').stdout).toBe(en.stdout);
    expect(run(['--help', '--lang=en']).stdout).toBe(en.stdout);
  });

  it("every command's help is Vietnamese by default", () => {
    const names = [...Object.keys(COMMANDS), 'render mau01', 'render mau08'];
    for (const name of names) {
      const r = run([...name.split(' '), '--help']);
      expect(r.code, name).toBe(0);
      expect(r.stdout, name).toContain('Cách dùng: thidua');
      expect(r.stdout, name).toContain('Tuỳ chọn:');
      expect(r.stdout, name).not.toMatch(ENGLISH_WORDS);
      const en = run(['--lang', 'en', ...name.split(' '), '--help']);
      expect(en.stdout, name).toContain('Usage: thidua');
    }
  });

  it('errors a person sees are Vietnamese by default, English on request; exit codes unchanged', () => {
    const missing = run(['extract', '/nonexistent/kế-hoạch.pdf']);
    expect(missing.code).toBe(1);
    expect(missing.stderr.trim()).toBe('thidua: /nonexistent/kế-hoạch.pdf: không có tệp này (missing)');
    expect(run(['--lang', 'en', 'extract', '/nonexistent/x.pdf']).stderr.trim()).toBe('thidua: /nonexistent/x.pdf: no such file (missing)');
    const unknown = run(['extract', 'x.txt', '--frobnicate']);
    expect(unknown.code).toBe(2);
    expect(unknown.stderr).toContain('thidua: không có tuỳ chọn --frobnicate');
    const pages = run(['extract', 'x.txt', '--pages', 'abc']);
    expect(pages.code).toBe(2);
    expect(pages.stderr).toContain('--pages nhận một trang hoặc một khoảng trang như 1-3, không nhận "abc"');
    const command = run(['extrct']);
    expect(command.code).toBe(2);
    expect(command.stderr).toContain('không có lệnh extrct');
    expect(command.stderr).toContain('có phải ý bạn là extract?');
    expect(run(['--lang', 'fr', '--help']).code).toBe(2);
  });

  it("translates commander's parse errors", () => {
    setLang('en');
    expect(translateCommanderError("error: missing required argument 'file'")).toBe("thidua: missing required argument 'file'\n");
    setLang('vi');
    expect(translateCommanderError("error: required option '-o, --out <dir>' not specified")).toBe('thidua: thiếu tuỳ chọn bắt buộc -o, --out <dir>\n');
    expect(translateCommanderError('error: too many arguments. Expected 1 argument but got 2.')).toBe('thidua: thừa tham số: lệnh nhận 1 tham số nhưng được đưa 2\n');
    setLang(null);
  });

  it('every catalogue code the CLI, the readers and the errors use is defined', () => {
    const files: string[] = [];
    const walk = (dir: string) => {
      for (const e of readdirSync(dir, { withFileTypes: true })) {
        if (e.isDirectory()) walk(join(dir, e.name));
        else if (e.name.endsWith('.ts')) files.push(join(dir, e.name));
      }
    };
    for (const dir of ['pipeline/cli', 'pipeline/ingest', 'pipeline/library']) walk(join(ROOT, dir));
    files.push(join(ROOT, 'pipeline/guard.ts'), join(ROOT, 'pipeline/extract.ts'), join(ROOT, 'pipeline/errors.ts'));
    const used = new Set<string>();
    for (const f of files) {
      const source = readFileSync(f, 'utf8');
      for (const m of source.matchAll(/\b(?:code: |t\()'((?:cli|input)\.[a-z0-9.-]+)'/g)) used.add(m[1]);
    }
    expect(used.size).toBeGreaterThan(80);
    expect([...used].filter((code) => !CATALOGUE[code])).toEqual([]);
  });
});
