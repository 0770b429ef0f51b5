// Test helpers: extract a record from text in process, grade it with the project's copy of
// the grader (scripts/score.mjs, kept identical to ../shared/eval/score.mjs).
import { execFileSync } from 'node:child_process';
import { mkdtempSync, readdirSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { extractText } from '../../pipeline/extract.js';
import type { PlanRecord } from '../../pipeline/record/schema.js';

export const ROOT = join(import.meta.dirname, '..', '..');
export const SEEDS = join(ROOT, 'corpus', 'seeds');
export const GOLD = join(ROOT, 'corpus', 'gold');

export function seedNames(): string[] {
  return readdirSync(SEEDS)
    .filter((f) => f.endsWith('.txt'))
    .map((f) => f.replace(/\.txt$/, ''))
    .sort();
}

export function readSeed(name: string): string {
  return readFileSync(join(SEEDS, `${name}.txt`), 'utf8');
}

export function readGold(name: string): Record<string, any> {
  return JSON.parse(readFileSync(join(GOLD, `${name}.json`), 'utf8'));
}

/** NFD, combining marks removed, đ→d: what a diacritic-stripping OCR or copy gives. */
export function stripDiacritics(text: string): string {
  return text.normalize('NFD').replace(/[\u0300-\u036f]/g, '').replace(/đ/g, 'd').replace(/Đ/g, 'D');
}

export function extract(text: string, options: { restore?: boolean } = {}): PlanRecord {
  return extractText(text, { allowNonPlan: true, ...options }).record;
}

export interface Grade {
  passed: number;
  total: number;
  failures: Array<{ section: string; what: string; expected: unknown; actual: unknown }>;
}

const work = mkdtempSync(join(tmpdir(), 'thidua-grade-'));
let n = 0;

export function grade(name: string, record: PlanRecord, strict = false): Grade {
  const path = join(work, `${name}-${n++}.json`);
  writeFileSync(path, JSON.stringify(record));
  const args = [join(ROOT, 'scripts', 'score.mjs'), join(GOLD, `${name}.json`), path, '--json'];
  if (strict) args.push('--strict-diacritics');
  return JSON.parse(execFileSync(process.execPath, args, { encoding: 'utf8' }));
}

/** A small plan around the given body sections, for snippet tests. */
export function planWith(body: string, opts: { header?: string; preamble?: string; title?: string } = {}): string {
  return [
    opts.header ??
      'ỦY BAN NHÂN DÂN\nHUYỆN AN PHÚ\n\nCỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM\nĐộc lập - Tự do - Hạnh phúc\n\nSố: 12/KH-UBND\n\nAn Phú, ngày 05 tháng 3 năm 2024',
    '',
    'KẾ HOẠCH',
    opts.title ?? 'Phát động phong trào thi đua năm 2024',
    '',
    opts.preamble ?? 'Ủy ban nhân dân huyện An Phú ban hành Kế hoạch như sau:',
    '',
    body,
    '',
    'Nơi nhận:',
    '- Như trên;',
    '- Lưu: VT.',
    '',
    'TM. ỦY BAN NHÂN DÂN',
    'CHỦ TỊCH',
    '',
    'Nguyễn Văn An',
  ].join('\n');
}
