// `thidua restore`: file or standard input, exit codes, legacy bytes.
import { spawnSync } from 'node:child_process';
import { mkdtempSync, writeFileSync, existsSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { encodeTcvn3 } from '../../pipeline/diacritics/legacy.js';

const ROOT = join(__dirname, '../..');
const BIN = join(ROOT, 'bin/thidua.js');
const built = existsSync(join(ROOT, 'dist/pipeline/cli/commands/restore.js'));
const run = (args: string[], input?: string | Buffer) => spawnSync(process.execPath, [BIN, ...args], { input, encoding: 'utf8', cwd: ROOT });

describe.skipIf(!built)('thidua restore', () => {
  it('restores standard input and keeps the lines', () => {
    const r = run(['restore'], 'Uy ban nhan dan tinh Soc Trang\n\nKE HOACH\nSo: 52/KH-UBND\n');
    expect(r.status).toBe(0);
    expect(r.stdout).toBe('Ủy ban nhân dân tỉnh Sóc Trăng\n\nKẾ HOẠCH\nSố: 52/KH-UBND\n');
  });
  it('decodes a TCVN3 file', () => {
    const dir = mkdtempSync(join(tmpdir(), 'thidua-restore-'));
    const file = join(dir, 'tcvn3.txt');
    const legacy = encodeTcvn3('ủy ban nhân dân tỉnh sóc trăng');
    expect(legacy).toBe('ñy ban nh©n d©n tØnh sãc tr¨ng');
    writeFileSync(file, Buffer.from([...legacy].map((c) => c.charCodeAt(0))));
    const r = run(['restore', file]);
    expect(r.status).toBe(0);
    // A marked letter starting a line was a capital (TCVN3 has no code for capitals with marks).
    expect(r.stdout).toBe('Ủy ban nhân dân tỉnh sóc trăng');
  });
  it('names the file and exits 1 when it is missing', () => {
    const r = run(['restore', '/nonexistent/plan.txt']);
    expect(r.status).toBe(1);
    expect(r.stderr.trim().split('\n')).toHaveLength(1);
    expect(r.stderr).toContain('/nonexistent/plan.txt');
  });
});

describe.skipIf(!built)('thidua restore refuses what is not text', () => {
  it('exits 1 with one line for binary input and for a PDF', () => {
    const dir = mkdtempSync(join(tmpdir(), 'thidua-restore-'));
    const file = join(dir, 'data.bin');
    writeFileSync(file, Buffer.from([0x01, 0x02, 0x00, 0xff, 0x10, 0x11, 0x00, 0x05]));
    const r = run(['restore', file]);
    expect(r.status).toBe(1);
    expect(r.stderr.trim().split('\n')).toHaveLength(1);
    expect(r.stderr).toContain('binary');
    const pdf = join(dir, 'plan.pdf');
    writeFileSync(pdf, '%PDF-1.4\n%…\n');
    const p = run(['restore', pdf]);
    expect(p.status).toBe(1);
    expect(p.stderr).toContain('thidua extract');
  });
});
