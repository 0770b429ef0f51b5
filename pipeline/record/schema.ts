// The plan record: the contract every stage downstream of extraction reads
// (library, comparison, award forms). Field names and vocabularies follow
// `../shared/spec/plan-record.md` (copied to docs in README). Validated with zod so
// a record read back from disk or a database is checked the same way as a fresh one.
import { z } from 'zod';
import { SCHEMA_ID } from './id.js';

export { SCHEMA_ID };

export const IssuerKind = z.enum(['people_committee', 'police', 'party', 'other']);
// other: ministries, courts, provincial departments (Sở), central bodies (contract revision 2)
export const AdminLevel = z.enum(['province', 'district', 'commune', 'other']);
// hàng năm: annual; sơ kết: midterm review; tổng kết: final review; theo đợt/chuyên đề: campaign
export const Occasion = z.enum(['annual', 'midterm', 'final', 'campaign']);
// tập thể: collective; cá nhân: individual
export const RecipientKind = z.enum(['collective', 'individual', 'either']);
export const QuotaLimit = z.enum(['exact', 'max', 'min', 'unspecified']);
export const ThresholdMetric = z.enum([
  'task_completion',
  'satisfaction',
  'index_rating',
  'index_growth',
  'satisfaction_growth',
  // any other measured condition (participation rate, score, vote share …), named by `subject`
  'other',
]);

export const Evidence = z.object({
  /** 1-based line in the normalised text. */
  line: z.number().int(),
  /** 0-based character offset of the span's start in the normalised text. */
  start: z.number().int(),
  /** 0-based character offset just past the span's end. */
  end: z.number().int(),
  /** 1-based page of the source, when the source has pages. */
  page: z.number().int().optional(),
});

export const Diagnostic = z.object({
  severity: z.enum(['error', 'warning', 'info']),
  code: z.string(),
  message: z.string(),
  line: z.number().int().nullable(),
  column: z.number().int().nullable().optional(),
  page: z.number().int().nullable().optional(),
});

export const Source = z.object({
  path: z.string().nullable(),
  sha256: z.string().nullable(),
  format: z.enum(['text', 'markdown', 'pdf', 'image', 'docx']),
  pages: z.number().int().nullable(),
  ocr: z.boolean(),
  diacritics: z.enum(['present', 'stripped', 'restored']),
  /** false when the text evidently lacks its beginning or its end (revision 2: incomplete input). */
  complete: z.boolean().optional(),
});

export const Issuer = z.object({
  name: z.string().nullable(),
  kind: IssuerKind.nullable(),
  level: AdminLevel.nullable(),
});

export const DocumentId = z.object({
  type: z.string().nullable(),
  number: z.string().nullable(),
  seq: z.number().int().nullable(),
  symbol: z.string().nullable(),
  title: z.string().nullable(),
  issuer: Issuer,
  place: z.string().nullable(),
  date: z.string().nullable(),
  /** The type of the document carried as an attachment ("Kế hoạch" of a Quyết định ban hành …). */
  attachment: z.string().nullable().optional(),
});

export const BasisEntry = z.object({
  // Thực hiện …: implements; Căn cứ …: pursuant
  relation: z.enum(['implements', 'pursuant']),
  type: z.string().nullable(),
  number: z.string().nullable(),
  date: z.string().nullable(),
  issuer: z.string().nullable(),
  subject: z.string().nullable(),
});

export const Review = z.object({ kind: z.enum(['midterm', 'final']), year: z.number().int() });

export const Period = z.object({
  from: z.number().int().nullable(),
  to: z.number().int().nullable(),
  reviews: z.array(Review),
});

export const BreakdownItem = z.object({
  quantity: z.number().int().nullable(),
  limit: QuotaLimit,
  per: z.string().nullable(),
  category: z.string().nullable(),
  recipient: RecipientKind,
});

export const Award = z.object({
  occasion: Occasion,
  span: z.string().nullable(),
  title: z.string().nullable(),
  conferrer: z.string().nullable(),
  recipient: RecipientKind,
  quantity: z.number().int().nullable(),
  limit: QuotaLimit,
  per: z.string().nullable(),
  ratio: z.number().nullable(),
  breakdown: z.array(BreakdownItem),
});

export const Threshold = z.object({
  metric: ThresholdMetric,
  op: z.enum(['>=', '>', '<=', '<', '=']),
  value: z.union([z.number(), z.string()]),
  unit: z.string().nullable(),
  /** The document's own words for what is measured (metric "other"). */
  subject: z.string().nullable().optional(),
});

export const Criterion = z.object({
  recipient: z.enum(['collective', 'individual']),
  conferrer: z.string().nullable(),
  text: z.string(),
  thresholds: z.array(Threshold),
});

export const DossierComponent = z.object({
  name: z.string(),
  form: z.string().nullable(),
  decree: z.string().nullable(),
});

export const Dossier = z.object({
  components: z.array(DossierComponent),
  copies: z.number().int().nullable(),
  copyKind: z.string().nullable(),
  submitTo: z.string().nullable(),
  deadline: z.string().nullable(),
  deadlineText: z.string().nullable(),
});

export const Task = z.object({
  no: z.union([z.number().int(), z.string()]).nullable(),
  content: z.string(),
  lead: z.array(z.string()),
  support: z.array(z.string()),
  when: z.object({ text: z.string().nullable(), from: z.string().nullable(), to: z.string().nullable() }),
});

export const Responsibility = z.object({ unit: z.string(), duties: z.array(z.string()) });

export const Signature = z.object({
  onBehalf: z.string().nullable(),
  deputyFor: z.string().nullable(),
  position: z.string().nullable(),
  rank: z.string().nullable(),
  name: z.string().nullable(),
});

export const PlanRecord = z.object({
  schema: z.literal(SCHEMA_ID),
  source: Source,
  document: DocumentId,
  basis: z.array(BasisEntry),
  period: Period,
  subjects: z.object({ collective: z.array(z.string()), individual: z.array(z.string()) }),
  contents: z.array(z.string()),
  awards: z.array(Award),
  criteria: z.array(Criterion),
  dossier: Dossier.nullable(),
  tasks: z.array(Task),
  responsibilities: z.array(Responsibility),
  recipients: z.array(z.string()),
  signature: Signature,
  diagnostics: z.array(Diagnostic),
  evidence: z.record(z.string(), Evidence),
  /** Version of the extractor that produced the record (library re-extraction). */
  extractor: z.string().optional(),
});

export type PlanRecord = z.infer<typeof PlanRecord>;
export type Award = z.infer<typeof Award>;
export type BreakdownItem = z.infer<typeof BreakdownItem>;
export type Criterion = z.infer<typeof Criterion>;
export type Threshold = z.infer<typeof Threshold>;
export type Dossier = z.infer<typeof Dossier>;
export type DossierComponent = z.infer<typeof DossierComponent>;
export type Task = z.infer<typeof Task>;
export type Responsibility = z.infer<typeof Responsibility>;
export type Signature = z.infer<typeof Signature>;
export type BasisEntry = z.infer<typeof BasisEntry>;
export type DocumentId = z.infer<typeof DocumentId>;
export type Period = z.infer<typeof Period>;
export type Source = z.infer<typeof Source>;
export type Evidence = z.infer<typeof Evidence>;
export type Diagnostic = z.infer<typeof Diagnostic>;
export type IssuerKind = z.infer<typeof IssuerKind>;
export type AdminLevel = z.infer<typeof AdminLevel>;
export type Occasion = z.infer<typeof Occasion>;
export type RecipientKind = z.infer<typeof RecipientKind>;
export type QuotaLimit = z.infer<typeof QuotaLimit>;

/** Parses and validates a record read from JSON; throws a ZodError listing what is off. */
export function parsePlanRecord(value: unknown): PlanRecord {
  return PlanRecord.parse(value);
}
