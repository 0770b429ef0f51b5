// Extractors: one module per part of the plan record, each reading the document tree (never
// the raw file). This module runs them in order and assembles the record.
import type { VFile } from 'vfile';
import type { AdminRoot } from '../pipeline/parse/types.js';
import { SCHEMA_ID } from '../pipeline/record/id.js';
import type { Diagnostic, PlanRecord, Source } from '../pipeline/record/schema.js';
import { EXTRACTOR_VERSION } from '../pipeline/version.js';
import { extractAwards } from './awards.js';
import { extractBasis } from './basis.js';
import { checkCompleteness } from './completeness.js';
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

/**
 * Is this a plan, another administrative document, or no administrative document at all?
 * Contract revision 2: a Quyết định that promulgates a plan carries the plan (attachment
 * "Kế hoạch"); any other administrative document gives a record with a `not-a-plan-type`
 * warning; `not-a-plan` (an error) stays for text that is no administrative document.
 */
function documentKind(tree: AdminRoot, type: string | null, title: string | null): { attachment: string | null; warning: string | null; error: string | null } {
  const head = looseFold(tree.data.text.split('\n').slice(0, 60).join('\n'));
  const promulgates = /\bban\s+hanh\s+(kem\s+theo\s+)?(ke hoach|chuong trinh)\b/.test(looseFold(title ?? '')) || /\b(ban hanh kem theo|kem theo) quyet dinh\b[^\n]{0,80}/.test(head) && /(^|\n)\W*ke hoach\W*(\n|$)/.test(head);
  if (type === 'Kế hoạch') return { attachment: null, warning: null, error: null };
  if (type === 'Quyết định' && promulgates) return { attachment: 'Kế hoạch', warning: null, error: null };
  if (type) return { attachment: null, warning: `this is a ${type}, not a plan (Kế hoạch): the record holds the parts it has`, error: null };
  if (/(^|\n)\W*ke hoach\W*(\n|$)/.test(head) || /\b(ban hanh|xay dung|phat dong)\s+ke hoach\b/.test(head)) return { attachment: null, warning: null, error: null };
  const header = topNodes(tree, 'header')[0];
  const administrative = header?.children.some((f) => f.type === 'nationalName' || f.type === 'docNumber' || f.type === 'motto');
  if (administrative) return { attachment: null, warning: 'the document does not name its type; the record holds the parts it has', error: null };
  // A page or a fragment of one without its header: administrative when it cites a document by
  // its number or speaks of the administration's business.
  const folded = looseFold(tree.data.text.slice(0, 20000));
  const cites = /(^|[^\p{L}\d])\d{1,5}[a-z]?\s*[/-]\s*[A-ZĐ]{2,}/u.test(tree.data.text.slice(0, 20000));
  const vocabulary = /\b(uy ban nhan dan|ubnd|thi dua|khen thuong|ke hoach|quyet dinh|cong van|nghi dinh|chi thi|hoi dong nhan dan|cong an)\b/.test(folded);
  if (cites || (vocabulary && topNodes(tree, 'body')[0])) return { attachment: null, warning: 'the text names no document type (a fragment without its header?): the record holds the parts it has', error: null };
  return { attachment: null, warning: null, error: 'this is not an administrative document (no header, no document type, no reference to one)' };
}

export function extractRecord(tree: AdminRoot, file: VFile, context: ExtractContext): PlanRecord {
  const ev = new EvidenceSink(tree.data.text, context.pageStartLines, context.pageNumbers);
  const { document } = extractDocument(tree, file, ev);
  const kind = documentKind(tree, document.type, document.title);
  const at = topNodes(tree, 'docType')[0]?.position;
  if (kind.error) report(file, 'error', 'not-a-plan', kind.error, at);
  if (kind.warning) report(file, 'warning', 'not-a-plan-type', kind.warning, at);
  if (kind.attachment) document.attachment = kind.attachment;
  const pages = { total: context.source.pages, read: context.pageNumbers?.length ?? context.pageStartLines.length };
  const { complete } = checkCompleteness(tree, file, pages);
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
    source: { ...context.source, complete },
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
