// What a comparison of two plans reports. A is the reference plan (usually the one from
// above), B the plan checked against it (usually the one implementing it).
import type { Award, BasisEntry, Dossier, DossierComponent, Period, Threshold } from '../record/schema.js';

export const ASPECTS = ['citation', 'period', 'contents', 'awards', 'criteria', 'dossier'] as const;
export type Aspect = (typeof ASPECTS)[number];

/** One difference between A and B, with the two values compared. */
export interface Difference {
  aspect: Aspect;
  /** What kind of difference, e.g. `missing`, `added`, `quantity`, `stricter`, `deadline-late`. */
  kind: string;
  /** What was compared, e.g. "annual · collective · Giấy khen" or "collective · satisfaction". */
  subject: string;
  /** A's value (null when A has none). */
  a: unknown;
  /** B's value (null when B has none). */
  b: unknown;
  /**
   * Whether B is still consistent with A in this respect when B implements A (a narrower
   * period is; a later deadline is not); null when the difference is neither.
   */
  consistent: boolean | null;
  /** One line for people. */
  message: string;
}

export interface Identification {
  number: string | null;
  date: string | null;
  title: string | null;
  issuer: string | null;
  kind: string | null;
  level: string | null;
  path: string | null;
}

export interface CitationReport {
  /** B cites A in its basis. */
  cites: boolean;
  /** A and B are the same document (same number, date and issuer): citation does not apply. */
  sameDocument: boolean;
  /** B's basis entry that cites A. */
  entry: BasisEntry | null;
  /** The reverse: A cites B (the arguments may be the wrong way round). */
  reverse: boolean;
}

export interface PeriodReport {
  a: Period;
  b: Period;
  /** B's years lie within A's; null when a bound is missing. */
  contained: boolean | null;
}

export interface ContentRow {
  a: string | null;
  b: string | null;
  /** Token overlap of the pair, 0..1 (null for an unmatched item). */
  score: number | null;
}

export interface AwardRow {
  occasion: Award['occasion'];
  recipient: Award['recipient'];
  a: Award | null;
  b: Award | null;
}

export type ThresholdVerdict = 'same' | 'stricter' | 'looser' | 'changed' | 'missing' | 'added';

export interface CriteriaRow {
  recipient: 'collective' | 'individual';
  metric: Threshold['metric'];
  /** A's thresholds of this metric for this recipient kind, strictest first. */
  a: Threshold[];
  b: Threshold[];
  /** How B's strictest threshold compares with A's. */
  verdict: ThresholdVerdict;
}

export interface CriterionTextRow {
  recipient: 'collective' | 'individual';
  a: string | null;
  b: string | null;
  score: number | null;
}

export interface DossierRow {
  a: DossierComponent | null;
  b: DossierComponent | null;
}

export interface DossierReport {
  a: Dossier | null;
  b: Dossier | null;
  components: DossierRow[];
  /** B's deadline falls before A's; null when either has none. */
  deadlineBefore: boolean | null;
}

export interface Comparison {
  a: Identification;
  b: Identification;
  citation: CitationReport;
  period: PeriodReport;
  contents: ContentRow[];
  awards: AwardRow[];
  criteria: CriteriaRow[];
  criteriaTexts: CriterionTextRow[];
  dossier: DossierReport;
  differences: Difference[];
}
