// Extractors: one module per part of the plan record, each reading the document tree.
import type { VFile } from 'vfile';
import type { AdminRoot } from '../pipeline/parse/types.js';
import { SCHEMA_ID, type PlanRecord, type Source } from '../pipeline/record/schema.js';

export interface ExtractContext {
  source: Source;
  pageStartLines: number[];
}

export function extractRecord(tree: AdminRoot, file: VFile, context: ExtractContext): PlanRecord {
  void tree;
  void file;
  return {
    schema: SCHEMA_ID,
    source: context.source,
    document: { type: null, number: null, seq: null, symbol: null, title: null, issuer: { name: null, kind: null, level: null }, place: null, date: null },
    basis: [],
    period: { from: null, to: null, reviews: [] },
    subjects: { collective: [], individual: [] },
    contents: [],
    awards: [],
    criteria: [],
    dossier: null,
    tasks: [],
    responsibilities: [],
    recipients: [],
    signature: { onBehalf: null, deputyFor: null, position: null, rank: null, name: null },
    diagnostics: [],
    evidence: {},
  };
}
