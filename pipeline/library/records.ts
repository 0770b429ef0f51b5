// Plan records read from JSON (a record file written by `thidua extract`, a gold record,
// a row of the library): optional fields older or hand-written records leave out are
// filled with their empty values, then the record is validated with the project's schema.
import { createHash } from 'node:crypto';
import { readFile, stat } from 'node:fs/promises';
import { ZodError } from 'zod';
import { InputError } from '../errors.js';
import { parsePlanRecord, SCHEMA_ID, type PlanRecord } from '../record/schema.js';

/** Largest record file read (a record is a few tens of kB). */
export const MAX_RECORD_BYTES = 20 * 1024 * 1024;

export interface RecordDefaults {
  path?: string | null;
  sha256?: string | null;
}

/** Fills missing optional fields and validates; throws ZodError when the record is off. */
export function coerceRecord(value: unknown, defaults: RecordDefaults = {}): PlanRecord {
  if (typeof value !== 'object' || value === null) return parsePlanRecord(value);
  const v = value as Record<string, unknown>;
  const source = (typeof v.source === 'object' && v.source !== null ? v.source : {}) as Record<string, unknown>;
  const filled = {
    ...v,
    source: {
      format: 'text',
      ocr: false,
      diacritics: 'present',
      ...source,
      path: source.path ?? defaults.path ?? null,
      sha256: source.sha256 || defaults.sha256 || null,
      pages: source.pages ?? null,
    },
    diagnostics: v.diagnostics ?? [],
    evidence: v.evidence ?? {},
    basis: v.basis ?? [],
    subjects: v.subjects ?? { collective: [], individual: [] },
    contents: v.contents ?? [],
    awards: v.awards ?? [],
    criteria: v.criteria ?? [],
    dossier: v.dossier ?? null,
    tasks: v.tasks ?? [],
    responsibilities: v.responsibilities ?? [],
    recipients: v.recipients ?? [],
  };
  const diagnostics = filled.diagnostics as Array<Record<string, unknown>>;
  if (Array.isArray(diagnostics)) filled.diagnostics = diagnostics.map((d) => ({ line: null, message: '', ...d }));
  return parsePlanRecord(filled);
}

/** Does this parsed JSON look like a plan record (rather than some other JSON)? */
export function looksLikeRecord(value: unknown): boolean {
  return typeof value === 'object' && value !== null && (value as { schema?: unknown }).schema === SCHEMA_ID;
}

/** Parses the bytes of a record file; InputError naming the file when they are not a record. */
export function parseRecordBytes(bytes: Uint8Array, path: string): PlanRecord {
  let value: unknown;
  try {
    value = JSON.parse(Buffer.from(bytes).toString('utf8'));
  } catch {
    throw new InputError(path, 'invalid', { code: 'input.record-not-json' });
  }
  if (!looksLikeRecord(value)) throw new InputError(path, 'invalid', { code: 'input.record-not-plan', params: { schema: SCHEMA_ID } });
  const sha256 = createHash('sha256').update(bytes).digest('hex');
  try {
    return coerceRecord(value, { path, sha256 });
  } catch (error) {
    if (error instanceof ZodError) {
      const first = error.issues[0];
      throw new InputError(path, 'invalid', { code: 'input.record-invalid', params: { field: first ? first.path.join('.') || '(top)' : '(top)', problem: first?.message ?? 'invalid' } });
    }
    throw error;
  }
}

/** Reads and validates a record file. */
export async function readRecordFile(path: string): Promise<PlanRecord> {
  let size: number;
  try {
    size = (await stat(path)).size;
  } catch (error) {
    const code = (error as NodeJS.ErrnoException).code;
    throw new InputError(path, code === 'ENOENT' ? 'missing' : 'unreadable', code === 'ENOENT' ? { code: 'input.no-such-file' } : { code: 'input.cannot-read', params: { reason: code ?? 'error' } });
  }
  if (size > MAX_RECORD_BYTES) throw new InputError(path, 'too-large', { code: 'input.record-too-large', params: { limit: MAX_RECORD_BYTES >> 20 } });
  return parseRecordBytes(await readFile(path), path);
}
