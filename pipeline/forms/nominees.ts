// The nominee list (danh sách đề nghị khen thưởng): CSV (UTF-8, BOM or not), XLSX (first sheet)
// or JSON (array of objects), one nominee per row, headers in English keys or Vietnamese
// (../shared/spec/dossier-input.md). Headers match case- and diacritic-insensitively.
import { readFile, stat } from 'node:fs/promises';
import { extname } from 'node:path';
import { parse as parseCsv } from 'csv-parse/sync';
import { readSheet } from 'read-excel-file/node';
import { InputError } from '../errors.js';
import { fold } from '../text/fold.js';

/** tập thể: collective; cá nhân: individual */
export type NomineeKind = 'collective' | 'individual';

/** Ratings of a CCHC index, lowest first ("xuất sắc > tốt > khá > trung bình > yếu"). */
export const INDEX_RATINGS = ['yếu', 'trung bình', 'khá', 'tốt', 'xuất sắc'] as const;
export type IndexRating = (typeof INDEX_RATINGS)[number];

export interface Nominee {
  /** Where the nominee came from, for messages: "row 3" (spreadsheet row, header = row 1) or "item 2". */
  where: string;
  recipient: NomineeKind;
  name: string;
  position: string;
  unit: string;
  /** The plan's breakdown category the nominee counts under, or "". */
  category: string;
  achievements: string;
  /** Tỷ lệ hoàn thành nhiệm vụ (%), null when not declared. */
  taskCompletion: number | null;
  /** Tỷ lệ hài lòng (%), null when not declared. */
  satisfaction: number | null;
  indexRating: IndexRating | null;
  /** Chỉ số tăng so với năm trước. */
  indexGrowth: boolean | null;
  /** Tỷ lệ hài lòng tăng so với năm trước (extension of the input contract). */
  satisfactionGrowth: boolean | null;
}

export interface NomineeList {
  nominees: Nominee[];
  /** Non-fatal remarks (ignored columns …). */
  warnings: string[];
}

export const MAX_NOMINEE_FILE_BYTES = 10 * 1024 * 1024;
export const MAX_NOMINEES = 5000;
const MAX_TEXT = 20_000;

type Field = Exclude<keyof Nominee, 'where'>;

// Header spellings, folded (no diacritics, lower case, punctuation → space).
const HEADERS: Record<Field, string[]> = {
  recipient: ['recipient', 'loai', 'loai doi tuong', 'doi tuong', 'kind'],
  name: ['name', 'ten', 'ho va ten', 'ho ten', 'ten tap the', 'ten tap the ca nhan', 'ten tap the ho va ten ca nhan'],
  position: ['position', 'chuc vu'],
  unit: ['unit', 'don vi', 'don vi cong tac'],
  category: ['category', 'nhom'],
  achievements: ['achievements', 'thanh tich', 'tom tat thanh tich'],
  taskCompletion: ['task completion', 'ty le hoan thanh nhiem vu', 'hoan thanh nhiem vu'],
  satisfaction: ['satisfaction', 'ty le hai long'],
  indexRating: ['index rating', 'xep loai chi so', 'xep loai'],
  indexGrowth: ['index growth', 'chi so tang so voi nam truoc', 'chi so tang'],
  satisfactionGrowth: ['satisfaction growth', 'ty le hai long tang so voi nam truoc', 'hai long tang'],
};

/** Folds a header or value for matching: no diacritics, lower case, single spaces. */
export function matchKey(text: string): string {
  return fold(text.normalize('NFC'))
    .replace(/[^a-z0-9]+/g, ' ')
    .trim();
}

const HEADER_LOOKUP = new Map<string, Field>();
for (const [field, names] of Object.entries(HEADERS) as [Field, string[]][]) {
  for (const name of names) HEADER_LOOKUP.set(name, field);
}

export function headerField(header: string): Field | null {
  return HEADER_LOOKUP.get(matchKey(header)) ?? null;
}

/** Removes characters XML cannot hold (control characters other than tab and newlines). */
function cleanText(value: string): string {
  // eslint-disable-next-line no-control-regex
  return value.normalize('NFC').replace(/[\u0000-\u0008\u000B\u000C\u000E-\u001F\uFFFE\uFFFF]/g, '').replace(/\r\n?/g, '\n');
}

function cellText(value: unknown): string {
  if (value === null || value === undefined) return '';
  if (value instanceof Date) return value.toISOString().slice(0, 10);
  return cleanText(String(value)).trim();
}

class RowError extends Error {}

function parseKind(value: string): NomineeKind {
  const key = matchKey(value);
  if (key === 'collective' || key === 'tap the') return 'collective';
  if (key === 'individual' || key === 'ca nhan') return 'individual';
  if (key === '') throw new RowError('the kind (Loại: tập thể or cá nhân) is empty');
  throw new RowError(`the kind "${value}" is neither tập thể (collective) nor cá nhân (individual)`);
}

function parsePercent(value: unknown, label: string): number | null {
  if (typeof value === 'number') {
    if (!Number.isFinite(value) || value < 0 || value > 1000) throw new RowError(`${label} "${value}" is not a percentage`);
    return value;
  }
  const text = cellText(value).replace(/\s+/g, '').replace(/%$/, '').replace(',', '.');
  if (text === '') return null;
  if (!/^\d+(\.\d+)?$/.test(text)) throw new RowError(`${label} "${cellText(value)}" is not a number`);
  const n = Number(text);
  if (n > 1000) throw new RowError(`${label} "${cellText(value)}" is not a percentage`);
  return n;
}

const RATING_KEYS: Record<string, IndexRating> = {
  'xuat sac': 'xuất sắc',
  excellent: 'xuất sắc',
  tot: 'tốt',
  good: 'tốt',
  kha: 'khá',
  fair: 'khá',
  'trung binh': 'trung bình',
  average: 'trung bình',
  yeu: 'yếu',
  poor: 'yếu',
};

export function parseRating(value: string): IndexRating | null {
  const key = matchKey(value);
  if (key === '') return null;
  const rating = RATING_KEYS[key];
  if (!rating) throw new RowError(`the index rating "${value}" is not one of: xuất sắc, tốt, khá, trung bình, yếu`);
  return rating;
}

function parseYesNo(value: unknown, label: string): boolean | null {
  if (typeof value === 'boolean') return value;
  const key = matchKey(cellText(value));
  if (key === '') return null;
  if (['co', 'yes', 'true', 'x', '1', 'dat', 'tang'].includes(key)) return true;
  if (['khong', 'no', 'false', '0', 'khong dat', 'khong tang'].includes(key)) return false;
  throw new RowError(`${label} "${cellText(value)}" is neither có (yes) nor không (no)`);
}

function limitText(value: string, label: string): string {
  if (value.length > MAX_TEXT) throw new RowError(`${label} is longer than ${MAX_TEXT} characters`);
  return value;
}

/** Builds one nominee from a record keyed by field; throws RowError for a bad value. */
function buildNominee(values: Partial<Record<Field, unknown>>, where: string): Nominee {
  const name = limitText(cellText(values.name).replace(/\s+/g, ' '), 'the name');
  if (name === '') throw new RowError('the name (Tên / Họ và tên) is empty');
  return {
    where,
    recipient: parseKind(cellText(values.recipient)),
    name,
    position: limitText(cellText(values.position), 'the position'),
    unit: limitText(cellText(values.unit), 'the unit'),
    category: limitText(cellText(values.category), 'the category'),
    achievements: limitText(cellText(values.achievements), 'the achievements'),
    taskCompletion: parsePercent(values.taskCompletion, 'the task completion rate'),
    satisfaction: parsePercent(values.satisfaction, 'the satisfaction rate'),
    indexRating: parseRating(cellText(values.indexRating)),
    indexGrowth: parseYesNo(values.indexGrowth, 'the index growth'),
    satisfactionGrowth: parseYesNo(values.satisfactionGrowth, 'the satisfaction growth'),
  };
}

/** Turns a table (first row = headers) into nominees. */
export function nomineesFromRows(rows: unknown[][], path: string | null): NomineeList {
  const warnings: string[] = [];
  const header = rows[0];
  if (!header) throw new InputError(path, 'empty', 'the nominee list has no header row');
  const fields: (Field | null)[] = header.map((h) => headerField(cellText(h)));
  header.forEach((h, i) => {
    const text = cellText(h);
    if (fields[i] === null && text !== '') warnings.push(`column "${text}" is not a known nominee field and is ignored`);
  });
  for (const required of ['name', 'recipient'] as const) {
    if (!fields.includes(required)) {
      const names = required === 'name' ? '"name" / "Tên" / "Họ và tên"' : '"recipient" / "Loại"';
      throw new InputError(path, 'invalid', `the nominee list has no ${names} column`);
    }
  }
  const nominees: Nominee[] = [];
  for (let r = 1; r < rows.length; r++) {
    const cells = rows[r] ?? [];
    if (cells.every((c) => cellText(c) === '')) continue;
    const values: Partial<Record<Field, unknown>> = {};
    fields.forEach((field, i) => {
      if (field && values[field] === undefined) values[field] = cells[i];
    });
    nominees.push(parseItem(values, `row ${r + 1}`, path));
  }
  return finish(nominees, warnings, path);
}

function parseItem(values: Partial<Record<Field, unknown>>, where: string, path: string | null): Nominee {
  try {
    return buildNominee(values, where);
  } catch (error) {
    if (error instanceof RowError) throw new InputError(path, 'invalid', `${where}: ${error.message}`);
    throw error;
  }
}

/** Nominees from parsed JSON (an array of objects, or `{nominees: [...]}`). */
export function nomineesFromJson(value: unknown, path: string | null): NomineeList {
  const list = Array.isArray(value) ? value : value && typeof value === 'object' && Array.isArray((value as { nominees?: unknown }).nominees) ? (value as { nominees: unknown[] }).nominees : null;
  if (!list) throw new InputError(path, 'invalid', 'the nominee JSON must be an array of objects (one per nominee)');
  const warnings = new Set<string>();
  const nominees = list.map((item, i) => {
    const where = `item ${i + 1}`;
    if (!item || typeof item !== 'object' || Array.isArray(item)) throw new InputError(path, 'invalid', `${where}: not an object`);
    const values: Partial<Record<Field, unknown>> = {};
    for (const [key, v] of Object.entries(item as Record<string, unknown>)) {
      const field = headerField(key);
      if (field) values[field] = v;
      else warnings.add(`key "${key}" is not a known nominee field and is ignored`);
    }
    return parseItem(values, where, path);
  });
  return finish(nominees, [...warnings], path);
}

function finish(nominees: Nominee[], warnings: string[], path: string | null): NomineeList {
  if (nominees.length === 0) throw new InputError(path, 'empty', 'the nominee list holds no nominee');
  if (nominees.length > MAX_NOMINEES) throw new InputError(path, 'too-large', `the nominee list holds ${nominees.length} nominees (at most ${MAX_NOMINEES})`);
  return { nominees, warnings };
}

/** Reads a nominee list by its extension: .csv, .xlsx or .json. */
export async function readNominees(path: string): Promise<NomineeList> {
  let size: number;
  try {
    size = (await stat(path)).size;
  } catch {
    throw new InputError(path, 'missing', 'the nominee list does not exist');
  }
  if (size === 0) throw new InputError(path, 'empty', 'the nominee list is empty');
  if (size > MAX_NOMINEE_FILE_BYTES) throw new InputError(path, 'too-large', `the nominee list is larger than ${MAX_NOMINEE_FILE_BYTES / 1024 / 1024} MB`);
  const bytes = await readFile(path);
  const ext = extname(path).toLowerCase();
  if (ext === '.json') {
    let value: unknown;
    try {
      value = JSON.parse(bytes.toString('utf8').replace(/^\uFEFF/, ''));
    } catch (error) {
      throw new InputError(path, 'invalid', `the nominee list is not valid JSON (${(error as Error).message})`);
    }
    return nomineesFromJson(value, path);
  }
  if (ext === '.csv') {
    let rows: string[][];
    try {
      rows = parseCsv(bytes, { bom: true, relax_column_count: true, skip_empty_lines: true }) as string[][];
    } catch (error) {
      throw new InputError(path, 'invalid', `the nominee list is not valid CSV (${(error as Error).message})`);
    }
    return nomineesFromRows(rows, path);
  }
  if (ext === '.xlsx') {
    let rows: unknown[][];
    try {
      rows = (await readSheet(bytes)) as unknown[][];
    } catch (error) {
      throw new InputError(path, 'invalid', `the nominee list is not a readable XLSX workbook (${(error as Error).message})`);
    }
    return nomineesFromRows(rows, path);
  }
  throw new InputError(path, 'unsupported-format', 'the nominee list must be .csv, .xlsx or .json');
}
