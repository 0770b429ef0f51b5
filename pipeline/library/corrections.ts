// Corrections of a plan record by a person: JSON Patch operations (RFC 6902), stored with
// who made them, when, and the values they replaced; applied to the extracted record every
// time it is read or re-extracted, so they survive a newer extractor; undone by marking them.
import fjp from 'fast-json-patch';
import type { Operation } from 'fast-json-patch';
import { ZodError } from 'zod';
import { coerceRecord } from './records.js';
import type { PlanRecord } from '../record/schema.js';
import { t, type Lang, type Params } from '../messages/index.js';

export type PatchOperation = Operation;

export interface Correction {
  id: number;
  ops: PatchOperation[];
  /** The value each operation's path held before (null when it held none). */
  old: unknown[];
  author: string | null;
  at: string;
  undoneAt: string | null;
  undoneBy: string | null;
  /** Whether every operation applied to the record as now extracted (false: a path is gone). */
  applied?: boolean;
}

export class CorrectionError extends Error {
  constructor(
    readonly code: 'invalid-patch' | 'patch-failed' | 'invalid-record' | 'forbidden-path',
    /** What is wrong: a catalogue message (code and parameters), or technical text as it came. */
    readonly what: string | { code: string; params?: Params },
  ) {
    super(typeof what === 'string' ? what : t(what.code, what.params ?? {}));
    this.name = 'CorrectionError';
  }
  /** What is wrong, in a given language. */
  detail(lang?: Lang): string {
    return typeof this.what === 'string' ? this.what : t(this.what.code, this.what.params ?? {}, lang);
  }
}

/** Paths a correction may not touch: what the library itself owns. */
const FORBIDDEN = [/^\/schema(\/|$)/, /^\/source(\/|$)/, /^\/extractor(\/|$)/];

/** Checks the shape of a patch (RFC 6902 operations). */
export function validatePatch(ops: unknown): PatchOperation[] {
  if (!Array.isArray(ops) || ops.length === 0) throw new CorrectionError('invalid-patch', { code: 'library.patch.empty' });
  if (ops.length > 1000) throw new CorrectionError('invalid-patch', { code: 'library.patch.too-many', params: { max: 1000 } });
  const error = fjp.validate(ops as Operation[]);
  if (error) throw new CorrectionError('invalid-patch', { code: 'library.patch.operation-invalid', params: { name: error.name, n: Number(error.index) + 1 } });
  for (const op of ops as Operation[]) {
    for (const path of [op.path, (op as { from?: string }).from]) {
      if (typeof path === 'string' && (path === '' || FORBIDDEN.some((r) => r.test(path)))) throw new CorrectionError('forbidden-path', { code: 'library.patch.forbidden', params: { path: path || '/' } });
    }
  }
  return ops as Operation[];
}

function valueAt(doc: unknown, pointer: string): unknown {
  try {
    const v = fjp.getValueByPointer(doc, pointer);
    return v === undefined ? null : fjp.deepClone(v);
  } catch {
    return null;
  }
}

/**
 * Applies a new patch to the record (all its operations or none) and validates the result.
 * Returns the corrected record and the old value at each operation's path.
 */
export function applyNewPatch(record: PlanRecord, ops: PatchOperation[]): { record: PlanRecord; old: unknown[] } {
  const old: unknown[] = [];
  let doc: unknown = fjp.deepClone(record);
  for (const [i, op] of ops.entries()) {
    old.push(valueAt(doc, op.path));
    try {
      doc = fjp.applyOperation(doc, op, true, true, false, i).newDocument;
    } catch (error) {
      throw new CorrectionError('patch-failed', { code: 'library.patch.failed', params: { n: i + 1, op: op.op, path: op.path, detail: (error as Error).message.split('\n')[0] } });
    }
  }
  return { record: checkRecord(doc), old };
}

function checkRecord(doc: unknown): PlanRecord {
  try {
    return coerceRecord(doc);
  } catch (error) {
    if (error instanceof ZodError) {
      const first = error.issues[0];
      throw new CorrectionError('invalid-record', `${first ? '/' + first.path.join('/') + ': ' + first.message : 'invalid record'}`);
    }
    throw error;
  }
}

/**
 * Applies stored corrections in order to a freshly extracted record. A correction whose
 * operations no longer apply (the path is gone in the new extraction) or would make the
 * record invalid is left out and marked `applied: false`; the others still apply.
 */
export function applyCorrections(record: PlanRecord, corrections: Correction[]): { record: PlanRecord; corrections: Correction[] } {
  let current = record;
  const marked = corrections.map((c) => {
    if (c.undoneAt) return { ...c, applied: false };
    try {
      current = applyNewPatch(current, c.ops).record;
      return { ...c, applied: true };
    } catch {
      return { ...c, applied: false };
    }
  });
  return { record: current, corrections: marked };
}

/** A CLI value: JSON when it parses (numbers, null, arrays, quoted strings), else the text itself. */
export function parseCliValue(text: string): unknown {
  try {
    return JSON.parse(text);
  } catch {
    return text;
  }
}

/** The one-operation patch that sets `pointer` to `value` (replace when it exists, else add). */
export function setOperation(record: PlanRecord, pointer: string, value: unknown): PatchOperation {
  let exists = false;
  try {
    exists = fjp.getValueByPointer(record, pointer) !== undefined;
  } catch {
    exists = false;
  }
  return exists ? { op: 'replace', path: pointer, value } : { op: 'add', path: pointer, value };
}
