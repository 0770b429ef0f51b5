// The nominee list (danh sách đề nghị khen thưởng) as people save it: CSV separated by "," or
// ";" (Excel in a Vietnamese locale), in UTF-8 with or without BOM or Windows-1258 (Excel's
// "CSV"), Excel's "Unicode text" (UTF-16, tab-separated), XLSX (first sheet) or JSON — all
// detected from the content, not the extension (../shared/spec/dossier-input.md). Headers are
// English keys or Vietnamese, matched case- and diacritic-insensitively. Every message a person
// reads comes from the catalogue (pipeline/messages/forms.ts) and says which row and column,
// what is wrong and an example of a right value.
import { readFile, stat } from 'node:fs/promises';
import { parse as parseCsv } from 'csv-parse/sync';
import { readSheet } from 'read-excel-file/node';
import { InputError } from '../errors.js';
import { t } from '../messages/index.js';
import { fold } from '../text/fold.js';

/** tập thể: collective; cá nhân: individual */
export type NomineeKind = 'collective' | 'individual';

/** Ratings of a CCHC index, lowest first ("xuất sắc > tốt > khá > trung bình > yếu"). */
export const INDEX_RATINGS = ['yếu', 'trung bình', 'khá', 'tốt', 'xuất sắc'] as const;
export type IndexRating = (typeof INDEX_RATINGS)[number];

export interface Nominee {
  /** Where the nominee came from: spreadsheet row (header = row 1) or JSON item, for messages. */
  where: { kind: 'row' | 'item'; n: number };
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
  /** Tỷ lệ hài lòng tăng so với năm trước. */
  satisfactionGrowth: boolean | null;
  // Sơ lược lý lịch of an individual (optional columns): "" when not given.
  /** Ngày sinh, "dd/mm/yyyy". */
  birthDate: string;
  /** Giới tính: "Nam" or "Nữ". */
  gender: string;
  /** Quê quán. */
  hometown: string;
  /** Nơi thường trú. */
  residence: string;
  /** Trình độ chuyên môn, nghiệp vụ. */
  qualification: string;
}

/** "dòng 3" / "row 3", "mục 2" / "item 2" in the current language. */
export function whereText(where: Nominee['where'], lang?: 'vi' | 'en'): string {
  return t(where.kind === 'row' ? 'forms.where-row' : 'forms.where-item', { n: where.n }, lang);
}

export interface NomineeList {
  nominees: Nominee[];
  /** Non-fatal remarks (ignored columns …), already worded for the reader. */
  warnings: string[];
  /** How the file was read: "xlsx", "csv utf-8 ;", "csv windows-1258 ;", "utf-16 tab", "json". */
  format: string;
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
  birthDate: ['birth date', 'ngay sinh', 'ngay thang nam sinh', 'sinh ngay'],
  gender: ['gender', 'gioi tinh'],
  hometown: ['hometown', 'que quan'],
  residence: ['residence', 'noi thuong tru', 'tru quan', 'noi o hien nay'],
  qualification: ['qualification', 'trinh do chuyen mon', 'trinh do chuyen mon nghiep vu', 'trinh do'],
};

/** The Vietnamese header of each field, as the spec writes it (for messages). */
export const FIELD_HEADER: Record<Field, string> = {
  recipient: 'Loại',
  name: 'Họ và tên',
  position: 'Chức vụ',
  unit: 'Đơn vị',
  category: 'Nhóm',
  achievements: 'Thành tích',
  taskCompletion: 'Tỷ lệ hoàn thành nhiệm vụ (%)',
  satisfaction: 'Tỷ lệ hài lòng (%)',
  indexRating: 'Xếp loại chỉ số',
  indexGrowth: 'Chỉ số tăng so với năm trước',
  satisfactionGrowth: 'Tỷ lệ hài lòng tăng so với năm trước',
  birthDate: 'Ngày sinh',
  gender: 'Giới tính',
  hometown: 'Quê quán',
  residence: 'Nơi thường trú',
  qualification: 'Trình độ chuyên môn',
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

/** A bad value: the catalogue code of what is wrong (its text names an example of a right value). */
class RowError extends Error {
  constructor(
    readonly code: string,
    readonly value: string,
  ) {
    super(code);
  }
}

function parseKind(value: string): NomineeKind {
  const key = matchKey(value);
  if (key === 'collective' || key === 'tap the') return 'collective';
  if (key === 'individual' || key === 'ca nhan') return 'individual';
  if (key === '') throw new RowError('forms.value-kind-empty', value);
  throw new RowError('forms.value-kind', value);
}

function parsePercent(value: unknown): number | null {
  if (typeof value === 'number') {
    if (!Number.isFinite(value) || value < 0 || value > 1000) throw new RowError('forms.value-percent', String(value));
    return value;
  }
  const text = cellText(value).replace(/\s+/g, '').replace(/%$/, '').replace(',', '.');
  if (text === '') return null;
  if (!/^\d+(\.\d+)?$/.test(text)) throw new RowError('forms.value-number', cellText(value));
  const n = Number(text);
  if (n > 1000) throw new RowError('forms.value-percent', cellText(value));
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

/** A rating, or null when empty; throws for a word that is no rating. */
export function parseRating(value: string): IndexRating | null {
  const key = matchKey(value);
  if (key === '') return null;
  const rating = RATING_KEYS[key];
  if (!rating) throw new RowError('forms.value-rating', value);
  return rating;
}

function parseYesNo(value: unknown): boolean | null {
  if (typeof value === 'boolean') return value;
  const key = matchKey(cellText(value));
  if (key === '') return null;
  if (['co', 'yes', 'true', 'x', '1', 'dat', 'tang'].includes(key)) return true;
  if (['khong', 'no', 'false', '0', 'khong dat', 'khong tang'].includes(key)) return false;
  throw new RowError('forms.value-yes-no', cellText(value));
}

/** A date of birth as dd/mm/yyyy: from "12/3/1985", "12-03-1985", "1985-03-12" or a spreadsheet date. */
function parseBirthDate(value: unknown): string {
  let d: number, m: number, y: number;
  if (value instanceof Date) {
    [y, m, d] = [value.getUTCFullYear(), value.getUTCMonth() + 1, value.getUTCDate()];
  } else {
    const text = cellText(value);
    if (text === '') return '';
    const dmy = /^(\d{1,2})[/.-](\d{1,2})[/.-](\d{4})$/.exec(text);
    const ymd = /^(\d{4})-(\d{1,2})-(\d{1,2})$/.exec(text);
    if (dmy) [d, m, y] = [Number(dmy[1]), Number(dmy[2]), Number(dmy[3])];
    else if (ymd) [y, m, d] = [Number(ymd[1]), Number(ymd[2]), Number(ymd[3])];
    else throw new RowError('forms.value-date', text);
  }
  const probe = new Date(Date.UTC(y, m - 1, d));
  if (probe.getUTCFullYear() !== y || probe.getUTCMonth() !== m - 1 || probe.getUTCDate() !== d || y < 1900 || y > 2100) {
    throw new RowError('forms.value-date', cellText(value));
  }
  return `${String(d).padStart(2, '0')}/${String(m).padStart(2, '0')}/${y}`;
}

function parseGender(value: unknown): string {
  const key = matchKey(cellText(value));
  if (key === '') return '';
  if (['nam', 'male', 'm'].includes(key)) return 'Nam';
  if (['nu', 'female', 'f'].includes(key)) return 'Nữ';
  throw new RowError('forms.value-gender', cellText(value));
}

function limitText(value: string): string {
  if (value.length > MAX_TEXT) throw new RowError('forms.value-too-long', value.slice(0, 30));
  return value;
}

type Parsers = { [F in Field]: (value: unknown) => Nominee[F] };
const PARSERS: Parsers = {
  recipient: (v) => parseKind(cellText(v)),
  name: (v) => {
    const name = limitText(cellText(v).replace(/\s+/g, ' '));
    if (name === '') throw new RowError('forms.value-name-empty', '');
    return name;
  },
  position: (v) => limitText(cellText(v)),
  unit: (v) => limitText(cellText(v)),
  category: (v) => limitText(cellText(v)),
  achievements: (v) => limitText(cellText(v)),
  taskCompletion: parsePercent,
  satisfaction: parsePercent,
  indexRating: (v) => parseRating(cellText(v)),
  indexGrowth: parseYesNo,
  satisfactionGrowth: parseYesNo,
  birthDate: parseBirthDate,
  gender: parseGender,
  hometown: (v) => limitText(cellText(v).replace(/\s+/g, ' ')),
  residence: (v) => limitText(cellText(v).replace(/\s+/g, ' ')),
  qualification: (v) => limitText(cellText(v).replace(/\s+/g, ' ')),
};
const FIELDS = Object.keys(PARSERS) as Field[];

/** One nominee from its values by field; `columns` are the names the user gave each field. */
function buildNominee(values: Partial<Record<Field, unknown>>, where: Nominee['where'], columns: Partial<Record<Field, string>>, path: string | null): Nominee {
  const out: Partial<Nominee> & { where: Nominee['where'] } = { where };
  for (const field of FIELDS) {
    try {
      (out as Record<string, unknown>)[field] = PARSERS[field](values[field]);
    } catch (error) {
      if (!(error instanceof RowError)) throw error;
      const column = columns[field] ?? FIELD_HEADER[field];
      throw new InputError(path, 'invalid', t('forms.value-bad', { where: whereText(where), column, problem: t(error.code, { value: error.value }) }));
    }
  }
  return out as Nominee;
}

/** Turns a table (first row = headers) into nominees. */
export function nomineesFromRows(rows: unknown[][], path: string | null, format = 'table'): NomineeList {
  const warnings: string[] = [];
  const header = rows[0];
  if (!header) throw new InputError(path, 'empty', t('forms.list-no-header'));
  const fields: (Field | null)[] = header.map((h) => headerField(cellText(h)));
  const columns: Partial<Record<Field, string>> = {};
  header.forEach((h, i) => {
    const text = cellText(h);
    const field = fields[i];
    if (field && columns[field] === undefined) columns[field] = text;
    if (field === null && text !== '') warnings.push(t('forms.list-column-ignored', { column: text }));
  });
  for (const required of ['name', 'recipient'] as const) {
    if (!fields.includes(required)) {
      throw new InputError(path, 'invalid', t(required === 'name' ? 'forms.list-no-name-column' : 'forms.list-no-kind-column', { found: header.map(cellText).filter(Boolean).join(' | ') }));
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
    nominees.push(buildNominee(values, { kind: 'row', n: r + 1 }, columns, path));
  }
  return finish(nominees, warnings, path, format);
}

/** Nominees from parsed JSON (an array of objects, or `{nominees: [...]}`). */
export function nomineesFromJson(value: unknown, path: string | null): NomineeList {
  const list = Array.isArray(value) ? value : value && typeof value === 'object' && Array.isArray((value as { nominees?: unknown }).nominees) ? (value as { nominees: unknown[] }).nominees : null;
  if (!list) throw new InputError(path, 'invalid', t('forms.list-json-shape'));
  const warnings = new Set<string>();
  const nominees = list.map((item, i) => {
    const where = { kind: 'item' as const, n: i + 1 };
    if (!item || typeof item !== 'object' || Array.isArray(item)) throw new InputError(path, 'invalid', t('forms.list-json-item', { where: whereText(where) }));
    const values: Partial<Record<Field, unknown>> = {};
    const columns: Partial<Record<Field, string>> = {};
    for (const [key, v] of Object.entries(item as Record<string, unknown>)) {
      const field = headerField(key);
      if (field) {
        values[field] = v;
        columns[field] = key;
      } else warnings.add(t('forms.list-key-ignored', { key }));
    }
    return buildNominee(values, where, columns, path);
  });
  return finish(nominees, [...warnings], path, 'json');
}

function finish(nominees: Nominee[], warnings: string[], path: string | null, format: string): NomineeList {
  if (nominees.length === 0) throw new InputError(path, 'empty', t('forms.list-no-nominee'));
  if (nominees.length > MAX_NOMINEES) throw new InputError(path, 'too-large', t('forms.list-too-many', { count: nominees.length, max: MAX_NOMINEES }));
  return { nominees, warnings, format };
}

// ---- Reading a file as people save it -------------------------------------------------------

const startsWith = (bytes: Uint8Array, ...sig: number[]) => sig.every((b, i) => bytes[i] === b);

/** The text of a delimited list, its encoding detected: BOMs, UTF-16 without BOM, UTF-8, else Windows-1258. */
/** Counts well-formed and malformed UTF-8 multi-byte sequences. */
function utf8Sequences(bytes: Uint8Array): { valid: number; invalid: number } {
  let valid = 0;
  let invalid = 0;
  for (let i = 0; i < bytes.length; i++) {
    const b = bytes[i]!;
    if (b < 0x80) continue;
    const need = b >= 0xc2 && b <= 0xdf ? 1 : b >= 0xe0 && b <= 0xef ? 2 : b >= 0xf0 && b <= 0xf4 ? 3 : -1;
    let ok = need > 0 && i + need < bytes.length + 0;
    for (let k = 1; ok && k <= need; k++) ok = (bytes[i + k]! & 0xc0) === 0x80;
    if (ok) {
      valid++;
      i += need;
    } else invalid++;
  }
  return { valid, invalid };
}

export function decodeListText(bytes: Uint8Array): { text: string; encoding: string; damaged?: number } | null {
  if (startsWith(bytes, 0xef, 0xbb, 0xbf)) return { text: new TextDecoder('utf-8').decode(bytes.subarray(3)), encoding: 'utf-8' };
  if (startsWith(bytes, 0xff, 0xfe)) return { text: new TextDecoder('utf-16le').decode(bytes.subarray(2)), encoding: 'utf-16le' };
  if (startsWith(bytes, 0xfe, 0xff)) return { text: new TextDecoder('utf-16be').decode(bytes.subarray(2)), encoding: 'utf-16be' };
  // UTF-16 without a BOM: ASCII letters leave a NUL byte every other byte.
  const sample = bytes.subarray(0, Math.min(bytes.length, 4096));
  let evenNul = 0;
  let oddNul = 0;
  for (let i = 0; i < sample.length; i++) if (sample[i] === 0) i % 2 === 0 ? evenNul++ : oddNul++;
  const half = sample.length / 2;
  if (oddNul > half * 0.3 && evenNul < half * 0.05) return { text: new TextDecoder('utf-16le').decode(bytes), encoding: 'utf-16le' };
  if (evenNul > half * 0.3 && oddNul < half * 0.05) return { text: new TextDecoder('utf-16be').decode(bytes), encoding: 'utf-16be' };
  if (evenNul + oddNul > 0) return null; // binary
  try {
    return { text: new TextDecoder('utf-8', { fatal: true }).decode(bytes), encoding: 'utf-8' };
  } catch {
    // A UTF-8 file with a few damaged bytes (many well-formed multi-byte letters, few bad ones)
    // stays UTF-8, the damaged bytes shown as "�"; Windows-1258 text seldom forms such letters.
    const { valid, invalid } = utf8Sequences(bytes);
    if (valid >= 3 && invalid * 20 <= valid) return { text: new TextDecoder('utf-8').decode(bytes), encoding: 'utf-8', damaged: invalid };
    // Excel's "CSV" in a Vietnamese locale: Windows-1258 (WHATWG Encoding, decoded by Node's ICU);
    // its tone marks are combining characters, composed by the NFC of cleanText.
    return { text: new TextDecoder('windows-1258').decode(bytes), encoding: 'windows-1258' };
  }
}

/** Splits a line on `delimiter` outside double quotes (for detecting the separator). */
function splitHeader(line: string, delimiter: string): string[] {
  const cells: string[] = [];
  let cell = '';
  let quoted = false;
  for (const ch of line) {
    if (ch === '"') quoted = !quoted;
    else if (ch === delimiter && !quoted) {
      cells.push(cell);
      cell = '';
    } else cell += ch;
  }
  cells.push(cell);
  return cells;
}

/** The separator of a delimited list: the one whose header row names the most known columns. */
export function detectDelimiter(text: string): string {
  const firstLine = text.split(/\r?\n/).find((l) => l.trim() !== '') ?? '';
  let best = ',';
  let bestScore = -1;
  for (const delimiter of ['\t', ';', ',']) {
    const cells = splitHeader(firstLine, delimiter);
    const known = cells.filter((c) => headerField(c.trim()) !== null).length;
    const score = known * 1000 + cells.length;
    if (score > bestScore) {
      best = delimiter;
      bestScore = score;
    }
  }
  return best;
}

const DELIMITER_NAME: Record<string, string> = { '\t': 'tab', ';': ';', ',': ',' };

function unreadable(path: string, reason: string): InputError {
  return new InputError(path, 'unsupported-format', t('forms.list-unreadable', { reason }));
}

/** Nominees from a file's bytes, whatever the format people saved it in. */
export async function nomineesFromBytes(bytes: Uint8Array, path: string): Promise<NomineeList> {
  // XLSX (a zip): by content, whatever the extension.
  if (startsWith(bytes, 0x50, 0x4b, 0x03, 0x04)) {
    let rows: unknown[][];
    try {
      rows = (await readSheet(Buffer.from(bytes))) as unknown[][];
    } catch {
      throw unreadable(path, t('forms.reason-zip'));
    }
    return nomineesFromRows(rows, path, 'xlsx');
  }
  // Old Excel (.xls, OLE compound file), PDF, Word …: not a list format.
  if (startsWith(bytes, 0xd0, 0xcf, 0x11, 0xe0)) throw unreadable(path, t('forms.reason-xls'));
  if (startsWith(bytes, 0x25, 0x50, 0x44, 0x46)) throw unreadable(path, t('forms.reason-pdf'));
  const decoded = decodeListText(bytes);
  if (!decoded) throw unreadable(path, t('forms.reason-binary'));
  let text = decoded.text.replace(/^\uFEFF/, '');
  // eslint-disable-next-line no-control-regex
  if (/\u0000/.test(text)) throw unreadable(path, t('forms.reason-binary'));
  const trimmed = text.trimStart();
  if (trimmed.startsWith('[') || trimmed.startsWith('{')) {
    let value: unknown;
    try {
      value = JSON.parse(text);
    } catch (error) {
      throw new InputError(path, 'invalid', t('forms.list-bad-json', { detail: (error as Error).message }));
    }
    return nomineesFromJson(value, path);
  }
  text = text.normalize('NFC');
  const delimiter = detectDelimiter(text);
  let rows: string[][];
  try {
    rows = parseCsv(text, { delimiter, relax_column_count: true, relax_quotes: true, skip_empty_lines: true }) as string[][];
  } catch (error) {
    const e = error as { lines?: number; code?: string };
    throw new InputError(path, 'invalid', t('forms.list-bad-quotes', { line: e.lines ?? '?' }));
  }
  const list = nomineesFromRows(rows, path, `csv ${decoded.encoding} ${DELIMITER_NAME[delimiter]}`);
  if (decoded.damaged) list.warnings.unshift(t('forms.list-damaged-utf8', { count: decoded.damaged }));
  return list;
}

/** Reads a nominee list: CSV / "Unicode text" / XLSX / JSON, detected from the content. */
export async function readNominees(path: string): Promise<NomineeList> {
  let size: number;
  try {
    size = (await stat(path)).size;
  } catch {
    throw new InputError(path, 'missing', t('forms.list-missing'));
  }
  if (size === 0) throw new InputError(path, 'empty', t('forms.list-empty'));
  if (size > MAX_NOMINEE_FILE_BYTES) throw new InputError(path, 'too-large', t('forms.list-too-large', { max: MAX_NOMINEE_FILE_BYTES / 1024 / 1024 }));
  return nomineesFromBytes(await readFile(path), path);
}
