// Extractors: one module per part of the plan record, each reading the document tree (never
// the raw file). This module runs them in order and assembles the record.
import type { VFile } from 'vfile';
import type { AdminRoot } from '../pipeline/parse/types.js';
import { SCHEMA_ID } from '../pipeline/record/id.js';
import type { Diagnostic, PlanRecord, Source } from '../pipeline/record/schema.js';
import { EXTRACTOR_VERSION } from '../pipeline/version.js';
import { extractAwards } from './awards.js';
import { extractBasis } from './basis.js';
import { extractContents } from './contents.js';
import { extractCriteria } from './criteria.js';
import { extractDocument } from './document.js';
import { extractDossier } from './dossier.js';
import { extractPeriod } from './period.js';
import { extractRecipients } from './recipients.js';
import { extractResponsibilities } from './responsibilities.js';
import { extractSignature } from './signature.js';
import { extractSubjects } from './subjects.js';
import { extractTasks } from './tasks.js';
import { EvidenceSink, looseFold, report, topNodes } from './util.js';

export interface ExtractContext {
  source: Source;
  /** First line of each page in the normalised text (for evidence page numbers). */
  pageStartLines: number[];
  /** The source's page number of each page of text (defaults to 1, 2, 3 …). */
  pageNumbers?: number[];
}

/** A plan (Kế hoạch): by its type line, else by how it names itself. */
function planCheck(tree: AdminRoot, type: string | null): string | null {
  if (type === 'Kế hoạch') return null;
  if (type) return `this is a ${type}, not a plan (Kế hoạch)`;
  const head = tree.data.text.split('\n').slice(0, 60).join('\n');
  const key = looseFold(head);
  if (/(^|\n)\W*ke hoach\W*(\n|$)/.test(key) || /\b(ban hanh|xay dung|phat dong)\s+ke hoach\b/.test(key)) return null;
  const body = topNodes(tree, 'body')[0];
  if (!body) return 'no plan structure was found (no document type "Kế hoạch" and no numbered sections)';
  return 'the document does not name itself a plan (Kế hoạch)';
}

export function extractRecord(tree: AdminRoot, file: VFile, context: ExtractContext): PlanRecord {
  const ev = new EvidenceSink(tree.data.text, context.pageStartLines, context.pageNumbers);
  const { document } = extractDocument(tree, file, ev);
  const notPlan = planCheck(tree, document.type);
  if (notPlan) report(file, 'error', 'not-a-plan', notPlan, topNodes(tree, 'docType')[0]?.position);
  const issueYear = document.date ? Number(document.date.slice(0, 4)) : null;
  const basis = extractBasis(tree, file, ev);
  const period = extractPeriod(tree, ev, issueYear);
  const subjects = extractSubjects(tree, ev);
  const contents = extractContents(tree, ev);
  const awards = extractAwards(tree, file, ev, period);
  const criteria = extractCriteria(tree, ev, awards);
  const dossier = extractDossier(tree, ev, period);
  const tasks = extractTasks(tree, ev, period.from);
  const responsibilities = extractResponsibilities(tree, ev);
  const recipients = extractRecipients(tree, ev);
  const signature = extractSignature(tree, ev);
  return {
    schema: SCHEMA_ID,
    source: context.source,
    document,
    basis,
    period,
    subjects,
    contents,
    awards,
    criteria,
    dossier,
    tasks,
    responsibilities,
    recipients,
    signature,
    diagnostics: diagnosticsOf(file),
    evidence: ev.spans,
    extractor: EXTRACTOR_VERSION,
  };
}

/** vfile messages → record diagnostics. */
export function diagnosticsOf(file: VFile): Diagnostic[] {
  return file.messages.map((m) => ({
    severity: m.fatal === true ? 'error' : m.fatal === false ? 'warning' : 'info',
    code: m.ruleId ?? 'unknown',
    message: m.reason,
    line: m.line ?? null,
    column: m.column ?? null,
  }));
}
