// The plan a dossier answers to: a plan record as JSON, or any document `thidua extract` reads.
import { readFile, stat } from 'node:fs/promises';
import { extname } from 'node:path';
import { ZodError } from 'zod';
import { InputError } from '../errors.js';
import { t } from '../messages/index.js';
import { extractGuarded } from '../guard.js';
import { parsePlanRecord, SCHEMA_ID, type PlanRecord } from '../record/schema.js';

export interface LoadedPlan {
  record: PlanRecord;
  /** The normalised text the record's evidence points into (only for an extracted document). */
  text: string | null;
  path: string;
}

/**
 * Hand-written records (the gold corpus, a record edited by a person) may leave out the
 * bookkeeping an extraction fills in: the source's path/hash/pages, diagnostics, evidence,
 * and empty lists. Those get their "unknown" value; everything else must be valid.
 */
export function completeRecord(value: Record<string, unknown>): Record<string, unknown> {
  const source = (value.source && typeof value.source === 'object' ? value.source : {}) as Record<string, unknown>;
  const orNull = (v: unknown) => (v === undefined ? null : v);
  return {
    basis: [],
    subjects: { collective: [], individual: [] },
    contents: [],
    awards: [],
    criteria: [],
    dossier: null,
    tasks: [],
    responsibilities: [],
    recipients: [],
    diagnostics: [],
    evidence: {},
    ...value,
    source: {
      ...source,
      path: orNull(source.path),
      sha256: orNull(source.sha256),
      pages: orNull(source.pages),
      ocr: source.ocr ?? false,
      diacritics: source.diacritics ?? 'present',
      format: source.format ?? 'text',
    },
  };
}

export function planFromJson(value: unknown, path: string): PlanRecord {
  if (!value || typeof value !== 'object' || Array.isArray(value)) throw new InputError(path, 'invalid', t('forms.plan-json-not-object'));
  const object = value as Record<string, unknown>;
  if (object.schema !== SCHEMA_ID) throw new InputError(path, 'invalid', t('forms.plan-json-schema', { schema: SCHEMA_ID }));
  try {
    return parsePlanRecord(completeRecord(object));
  } catch (error) {
    if (error instanceof ZodError) {
      const issue = error.issues[0]!;
      throw new InputError(path, 'invalid', t('forms.plan-invalid', { field: `/${issue.path.join('/')}`, detail: issue.message }));
    }
    throw error;
  }
}

export async function loadPlan(path: string): Promise<LoadedPlan> {
  if (extname(path).toLowerCase() === '.json') {
    let size: number;
    try {
      size = (await stat(path)).size;
    } catch {
      throw new InputError(path, 'missing', t('forms.plan-missing'));
    }
    if (size > 32 * 1024 * 1024) throw new InputError(path, 'too-large', t('forms.plan-too-large'));
    let value: unknown;
    try {
      value = JSON.parse((await readFile(path, 'utf8')).replace(/^\uFEFF/, ''));
    } catch (error) {
      throw new InputError(path, 'invalid', t('forms.plan-bad-json', { detail: (error as Error).message }));
    }
    return { record: planFromJson(value, path), text: null, path };
  }
  // In the guarded worker process: the reading of a damaged file is stopped and refused as the file's.
  const result = await extractGuarded(path, { quiet: true });
  return { record: result.record, text: result.text, path };
}
