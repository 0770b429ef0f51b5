// The library commands of issue 12 end to end (PGlite): a plan received as text, PDF and DOCX
// is one plan (show and compare by number work), correct / --undo, merge, delete.
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, test } from 'vitest';
import { runCli as run } from './helpers.js';
import { setLang } from '../../pipeline/messages/index.js';

const ROOT = join(import.meta.dirname, '../..');

describe('delete, merge, correct', () => {
  let dir: string;
  let data: string;
  beforeAll(() => {
    dir = mkdtempSync(join(tmpdir(), 'thidua-cmd-'));
    data = join(dir, 'lib');
    setLang('en');
  });
  afterAll(() => {
    setLang(null);
    rmSync(dir, { recursive: true, force: true });
  });

  test('a plan from several formats: show and compare by number', async () => {
    const seeds = join(ROOT, 'corpus/seeds');
    const v = join(ROOT, 'corpus/variants/001_bc94cfae2ebd58ab');
    const ingest = await run('ingest', join(seeds, '001_bc94cfae2ebd58ab.txt'), join(seeds, '002_4f12695a239b332f.txt'), v + '.pdf', v + '.docx', '--data', data, '--json', '--jobs', '0');
    const lines = ingest.out.trim().split('\n').map((l) => JSON.parse(l));
    expect(lines.slice(0, 4).map((l) => l.status)).toEqual(['stored', 'stored', 'added', 'added']);
    expect(lines.at(-1).summary).toMatchObject({ stored: 4, added: 2 });
    const shown = JSON.parse((await run('show', '44/KH-UBND', '--json', '--data', data)).out);
    expect(shown.number).toBe('44/KH-UBND');
    const cmp = await run('compare', '44/KH-UBND', '50/KH-UBND', '--format', 'json', '--data', data);
    expect(cmp.code).toBe(0);
    expect(JSON.parse(cmp.out).a.number).toBe('44/KH-UBND');
  }, 180_000);

  test('correct, list, undo', async () => {
    const set = await run('correct', '44/KH-UBND', '/period/to', '2024', '--by', 'tester', '--data', data);
    expect(set.code).toBe(0);
    expect(set.out).toMatch(/Corrected plan #\d+: \/period\/to = 2024/);
    expect(JSON.parse((await run('show', '44/KH-UBND', '--json', '--data', data)).out).record.period.to).toBe(2024);
    const bad = await run('correct', '44/KH-UBND', '/period/to', 'later', '--data', data);
    expect(bad.code).toBe(2);
    expect(bad.err).toMatch(/invalid/);
    expect((await run('correct', '44/KH-UBND', '--list', '--data', data)).out).toMatch(/tester: replace \/period\/to = 2024/);
    expect((await run('correct', '44/KH-UBND', '--undo', '--data', data)).out).toMatch(/Undid correction/);
    expect(JSON.parse((await run('show', '44/KH-UBND', '--json', '--data', data)).out).record.period.to).toBe(2023);
    expect((await run('correct', '44/KH-UBND', '--undo', '--data', data)).code).toBe(2);
  });

  test('merge and delete', async () => {
    const a = JSON.parse((await run('show', '44/KH-UBND', '--json', '--data', data)).out).id;
    const b = JSON.parse((await run('show', '50/KH-UBND', '--json', '--data', data)).out).id;
    expect((await run('merge', String(a), String(a), '--data', data)).code).toBe(2);
    const merged = await run('merge', String(a), String(b), '--data', data);
    expect(merged.out).toMatch(new RegExp(`Merged plan #${b} into #${a}: it now has 4 source files`));
    expect((await run('show', String(b), '--data', data)).code).toBe(2);
    expect((await run('delete', '44/KH-UBND', '--data', data)).out).toMatch(/Deleted plan/);
    expect(JSON.parse((await run('list', '--json', '--data', data)).out)).toEqual([]);
  });
});
