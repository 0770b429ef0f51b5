// The plan library: plans stored with their source file (by content hash), the extractor
// version and diagnostics; searched diacritic-insensitively and typo-tolerantly; linked to
// the plans they implement. Every write of a plan is one transaction.
import type { AdminLevel, IssuerKind, PlanRecord } from '../record/schema.js';
import { matchReference, numberKey, numberSeq, refOf } from '../compare/reference.js';
import { levenshtein } from '../compare/text.js';
import type { Identification } from '../compare/types.js';
import { coerceRecord } from './records.js';
import { openPglite, openPostgres, type Database, type Queryable } from './database.js';
import { migrate } from './migrations.js';
import { searchTexts, type SearchTexts } from './searchtext.js';
import { identifiedByNumber, recordDigest, sameDocument, sourceRank, textDigest } from './identity.js';
import { applyCorrections, applyNewPatch, validatePatch, type Correction, type PatchOperation } from './corrections.js';

export interface LibraryLocation {
  /** Data directory of the embedded database. */
  data?: string;
  /** postgres:// URL of a PostgreSQL server (wins over `data`). */
  db?: string;
}

export interface PlanFilters {
  /** Part of the issuer's name, any accents and case. */
  issuer?: string;
  level?: AdminLevel;
  kind?: IssuerKind;
  /** Plans whose period covers this year (or, without a period, dated in it). */
  year?: number;
}

/** A stored plan's identification (as the comparison shows it) and where it is in the library. */
export interface PlanSummary extends Identification {
  id: number;
  periodFrom: number | null;
  periodTo: number | null;
  sha256: string;
  extractor: string;
}

export interface SearchHit extends PlanSummary {
  rank: number;
}

export interface SearchResult {
  hits: SearchHit[];
  /** The query words and the library words each was widened to. */
  terms: Array<{ word: string; variants: string[] }>;
  /** No plan held every word: plans holding some of them, best first. */
  partial: boolean;
}

export interface BasisLink {
  n: number;
  relation: string;
  type: string | null;
  number: string | null;
  date: string | null;
  issuer: string | null;
  subject: string | null;
  parentId: number | null;
  score: number | null;
}

export interface StoredPlan extends PlanSummary {
  record: PlanRecord;
  ingestedAt: string;
  updatedAt: string;
  diagnostics: PlanRecord['diagnostics'];
  links: BasisLink[];
  /** Library plans whose basis resolves to this one. */
  children: PlanSummary[];
}

export interface StoreInput {
  record: PlanRecord;
  sha256: string;
  /** Bytes of the source file, kept by content hash. */
  content: Uint8Array | null;
  path: string | null;
  extractor: string;
  /** The plan is known to be stored already (e.g. by an earlier version). */
  stored?: boolean;
  /** The normalised text the record's evidence points into (kept for display; its digest identifies a plan without a number). */
  text?: string | null;
  /** First line of each page in `text`. */
  pageStarts?: number[] | null;
}

/** stored: a new plan; added: a new source of a plan already there; updated: a source re-extracted; unchanged: already stored. */
export type StoreStatus = 'stored' | 'added' | 'updated' | 'unchanged';

/** One source file of a plan. */
export interface SourceInfo {
  sha256: string;
  format: string;
  size: number;
  path: string | null;
  extractor: string | null;
  addedAt: string;
  pages: number | null;
  ocr: boolean;
  /** The normalised text is stored (for evidence highlighting). */
  hasText: boolean;
  /** This is the source the plan's record is taken from. */
  shown: boolean;
}

/** A plan id the library does not hold. */
export class PlanNotFound extends Error {
  constructor(readonly id: number) {
    super(`no plan with id ${id} in the library`);
    this.name = 'PlanNotFound';
  }
}

// Positions and weights stripped: search matches on this vector and ranks on `head`, so the
// smaller vector is cheaper to read for every candidate plan.
const SEARCH_SQL = `strip(to_tsvector('simple', coalesce(thidua_fold($16), '')) || to_tsvector('simple', coalesce(thidua_fold($17), '')) || to_tsvector('simple', coalesce(thidua_fold($18), '')))`;
const HEAD_SQL = `to_tsvector('simple', coalesce(thidua_fold($16), ''))`;

const SUMMARY_COLUMNS = `id, number, doc_date, title, issuer, issuer_kind, issuer_level, period_from, period_to, path, sha256, extractor`;

interface SummaryRow {
  id: number;
  number: string | null;
  doc_date: string | null;
  title: string | null;
  issuer: string | null;
  issuer_kind: string | null;
  issuer_level: string | null;
  period_from: number | null;
  period_to: number | null;
  path: string | null;
  sha256: string;
  extractor: string;
}

function toSummary(r: SummaryRow): PlanSummary {
  return {
    id: r.id,
    number: r.number,
    date: r.doc_date,
    title: r.title,
    issuer: r.issuer,
    kind: r.issuer_kind,
    level: r.issuer_level,
    periodFrom: r.period_from,
    periodTo: r.period_to,
    path: r.path,
    sha256: r.sha256,
    extractor: r.extractor,
  };
}

export class Library {
  /** The library's search vocabulary as far as this process knows it (loaded on the first store). */
  private vocabulary: Set<string> | null = null;

  private constructor(readonly db: Database) {}

  /** Opens the library (a server when `db` is given, else the data directory), migrating it. */
  static async open(location: LibraryLocation): Promise<Library> {
    const db = location.db ? await openPostgres(location.db) : await openPglite(location.data!);
    try {
      await migrate(db);
      // An embedded library is served to other thidua processes while this one holds it.
      await db.share?.();
    } catch (error) {
      await db.close().catch(() => {});
      throw error;
    }
    return new Library(db);
  }

  async close(): Promise<void> {
    await this.db.close();
  }

  /** The stored plans of many content hashes, in one query. */
  async findByShas(shas: string[]): Promise<Map<string, { id: number; extractor: string }>> {
    const found = new Map<string, { id: number; extractor: string }>();
    if (shas.length === 0) return found;
    const rows = await this.db.query<{ sha256: string; id: number; extractor: string }>(`SELECT sha256, plan_id AS id, extractor FROM sources WHERE sha256 = ANY($1::text[]) AND plan_id IS NOT NULL`, [shas]);
    for (const r of rows) found.set(r.sha256, { id: r.id, extractor: r.extractor });
    return found;
  }

  /**
   * Stores a source file's plan in one transaction: the source, and either a new plan (its
   * record, diagnostics, basis links, and links of other plans that were waiting for it) or,
   * when the library holds the same plan already (same issuer, number and date; else the same
   * text), the file as another source of that plan, the plan's record refreshed from its best
   * source with its corrections applied. A source already stored by the same extractor version
   * is left unchanged; with another version its record is updated.
   */
  async store(input: StoreInput): Promise<{ id: number; status: StoreStatus }> {
    const record = input.record;
    const digest = input.text ? textDigest(input.text) : recordDigest(record);
    const rank = sourceRank(record, input.extractor);
    const d = record.document;
    const seq = d.seq ?? numberSeq(d.number);
    const prepared = await this.prepare(record);
    const sourceValues = [input.sha256, input.path, input.extractor, JSON.stringify(record), input.text ?? null, input.pageStarts ?? null, d.number, seq, d.date, d.issuer.name, digest, rank];
    const sourceColumns = `path = $2, extractor = $3, record = $4::jsonb, text = $5, page_starts = $6::integer[], number = $7, seq = $8, doc_date = $9, issuer = $10, digest = $11, rank = $12`;
    let newWords: string[] = [];
    const result = await this.db.transaction(async (tx) => {
      // Finding the plan a file belongs to and adding it are one step: two processes storing
      // two formats of one plan at once (a shared server) must not make two plans.
      await this.lockPlans(tx);
      const existing = await tx.query<{ plan_id: number; extractor: string | null }>(`SELECT plan_id, extractor FROM sources WHERE sha256 = $1`, [input.sha256]);
      if (existing[0]) {
        if (existing[0].extractor === input.extractor) return { id: existing[0].plan_id, status: 'unchanged' as const };
        await tx.query(`UPDATE sources SET ${sourceColumns} WHERE sha256 = $1`, sourceValues);
        newWords = await this.refresh(tx, existing[0].plan_id);
        return { id: existing[0].plan_id, status: 'updated' as const };
      }
      const same = await this.findSamePlan(tx, record, digest);
      if (same !== null) {
        await tx.query(
          `INSERT INTO sources (sha256, format, size, content, first_path, plan_id, path, extractor, record, text, page_starts, number, seq, doc_date, issuer, digest, rank)
           VALUES ($1, $13, $14, decode($15, 'base64'), $2, $16, $2, $3, $4::jsonb, $5, $6::integer[], $7, $8, $9, $10, $11, $12)`,
          [...sourceValues, record.source.format, input.content?.length ?? 0, input.content ? Buffer.from(input.content).toString('base64') : null, same],
        );
        newWords = await this.refresh(tx, same);
        return { id: same, status: 'added' as const };
      }
      // A new plan (the common case) is one statement: its source and its plan together. The
      // foreign keys between the two are checked at the end of the statement, when both rows are there.
      const values = this.planValues(input.sha256, input.path, input.extractor, record, prepared);
      const inserted = await tx.query<{ id: number; words: string[] }>(
        `WITH plan AS (
           INSERT INTO plans (sha256, path, extractor, record, number, number_key, seq, doc_date, year, title, issuer, issuer_key, issuer_kind, issuer_level, period_from, period_to, search, head)
           VALUES ($1, $2, $3, $4::jsonb, $5, $6, $7, $8, $9, $10, $11, thidua_fold($11), $12, $13, $14, $15, ${SEARCH_SQL}, ${HEAD_SQL})
           RETURNING id, record, search
         ), source AS (
           -- Bytes travel as base64 text (encoded natively), decoded by the database.
           INSERT INTO sources (sha256, format, size, content, first_path, plan_id, path, extractor, record, text, page_starts, number, seq, doc_date, issuer, digest, rank)
           SELECT $1, $19, $20, decode($21, 'base64'), $2, plan.id, $2, $3, plan.record, $22, $23::integer[], $5, $7, $8, $11, $24, $25 FROM plan
         )
         SELECT id, tsvector_to_array(search) AS words FROM plan`,
        [
          ...values,
          record.source.format,
          input.content?.length ?? 0,
          input.content ? Buffer.from(input.content).toString('base64') : null,
          input.text ?? null,
          input.pageStarts ?? null,
          digest,
          rank,
        ],
      );
      const id = inserted[0].id;
      await this.insertDiagnostics(tx, id, record);
      newWords = await this.addWords(tx, inserted[0].words);
      await this.linkBasis(tx, id, record);
      await this.adoptWaitingChildren(tx, id, record, false);
      return { id, status: 'stored' as const };
    });
    // Only words of a committed transaction are known to be in the vocabulary.
    for (const w of newWords) this.vocabulary!.add(w);
    return result;
  }

  /**
   * Serialises the changes of plans (which plan a file belongs to, merges, corrections) across
   * processes sharing a server, until the transaction ends. An embedded database has one
   * connection, whose transactions already run one after the other.
   */
  private async lockPlans(tx: Queryable): Promise<void> {
    if (this.db.kind === 'postgres') await tx.query(`SELECT pg_advisory_xact_lock(728842)`);
  }

  /** Loads the vocabulary once; the search texts of a record. */
  private async prepare(record: PlanRecord): Promise<SearchTexts> {
    await this.loadVocabulary();
    return searchTexts(record);
  }

  private async loadVocabulary(): Promise<void> {
    if (!this.vocabulary) this.vocabulary = new Set((await this.db.query<{ word: string }>(`SELECT word FROM search_words`)).map((r) => r.word));
  }

  private planValues(sha256: string, path: string | null, extractor: string, record: PlanRecord, texts: SearchTexts): unknown[] {
    const d = record.document;
    const year = d.date ? Number(d.date.slice(0, 4)) : record.period.from;
    return [
      sha256,
      path,
      extractor,
      JSON.stringify(record),
      d.number,
      numberKey(d.number),
      d.seq ?? numberSeq(d.number),
      d.date,
      Number.isFinite(year) ? year : null,
      d.title,
      d.issuer.name,
      d.issuer.kind,
      d.issuer.level,
      record.period.from,
      record.period.to,
      texts.a,
      texts.b,
      texts.c,
    ];
  }

  private async insertDiagnostics(tx: Queryable, id: number, record: PlanRecord): Promise<void> {
    if (record.diagnostics.length === 0) return;
    await tx.query(
      `INSERT INTO diagnostics (plan_id, n, severity, code, message, line)
       SELECT $1, x.n, x.severity, x.code, x.message, x.line FROM jsonb_to_recordset($2::jsonb) AS x(n integer, severity text, code text, message text, line integer)`,
      [id, JSON.stringify(record.diagnostics.map((g, n) => ({ n, severity: g.severity, code: g.code, message: g.message, line: g.line })))],
    );
  }

  /** New words join the vocabulary that typo-tolerant search widens query words into. */
  private async addWords(tx: Queryable, words: string[]): Promise<string[]> {
    const vocabulary = this.vocabulary!;
    const fresh = words.filter((w) => /^[a-z]{2,}$/.test(w) && !vocabulary.has(w));
    if (fresh.length > 0) await tx.query(`INSERT INTO search_words (word) SELECT unnest($1::text[]) ON CONFLICT DO NOTHING`, [fresh]);
    return fresh;
  }

  /** The plan a new source belongs to: same document (number, date, issuer), else same text; null for a new plan. */
  private async findSamePlan(tx: Queryable, record: PlanRecord, digest: string): Promise<number | null> {
    const d = record.document;
    if (identifiedByNumber(record)) {
      const seq = d.seq ?? numberSeq(d.number);
      // What each stored source says it is, and what each plan is after corrections.
      // The same number means the same sequence number, and the date must be the same: both
      // indexed, so the candidates are the few documents sharing them.
      const candidates = await tx.query<{ plan_id: number; number: string | null; doc_date: string | null; issuer: string | null }>(
        `SELECT plan_id, number, doc_date, issuer FROM sources WHERE plan_id IS NOT NULL AND seq IS NOT DISTINCT FROM $1 AND doc_date IS NOT DISTINCT FROM $2
         UNION SELECT id, number, doc_date, issuer FROM plans WHERE seq IS NOT DISTINCT FROM $1 AND doc_date IS NOT DISTINCT FROM $2 LIMIT 2000`,
        [seq, d.date],
      );
      for (const c of candidates) if (sameDocument(record, { number: c.number, date: c.doc_date, issuer: c.issuer })) return c.plan_id;
      return null;
    }
    const rows = await tx.query<{ plan_id: number }>(`SELECT plan_id FROM sources WHERE digest = $1 AND plan_id IS NOT NULL LIMIT 1`, [digest]);
    return rows[0]?.plan_id ?? null;
  }

  /**
   * Rebuilds a plan from its sources and corrections: the best source's record with the
   * corrections applied becomes the plan's record, columns, diagnostics and basis links.
   * Returns the new search words.
   */
  private async refresh(tx: Queryable, id: number): Promise<string[]> {
    const best = (
      await tx.query<{ sha256: string; path: string | null; extractor: string; record: unknown }>(
        `SELECT sha256, path, extractor, record FROM sources WHERE plan_id = $1 AND record IS NOT NULL ORDER BY rank, added_at, sha256 LIMIT 1`,
        [id],
      )
    )[0];
    if (!best) throw new Error(`plan ${id} has no source`);
    const extracted = coerceRecord(typeof best.record === 'string' ? JSON.parse(best.record) : best.record);
    const { record } = applyCorrections(extracted, await this.correctionsOf(tx, id));
    const texts = await this.prepare(record);
    const values = this.planValues(best.sha256, best.path, best.extractor, record, texts);
    const updated = await tx.query<{ words: string[] }>(
      `UPDATE plans SET sha256 = $1, path = $2, extractor = $3, record = $4::jsonb, number = $5, number_key = $6, seq = $7, doc_date = $8, year = $9,
         title = $10, issuer = $11, issuer_key = thidua_fold($11), issuer_kind = $12, issuer_level = $13, period_from = $14, period_to = $15,
         search = ${SEARCH_SQL}, head = ${HEAD_SQL}, updated_at = now() WHERE id = $19 RETURNING tsvector_to_array(search) AS words`,
      [...values, id],
    );
    await tx.query(`DELETE FROM diagnostics WHERE plan_id = $1`, [id]);
    await tx.query(`DELETE FROM basis_links WHERE plan_id = $1`, [id]);
    await this.insertDiagnostics(tx, id, record);
    const words = await this.addWords(tx, updated[0].words);
    await this.linkBasis(tx, id, record);
    await this.adoptWaitingChildren(tx, id, record, true);
    return words;
  }

  private async correctionsOf(q: Queryable, id: number): Promise<Correction[]> {
    const rows = await q.query<{ id: number; ops: unknown; old: unknown; author: string | null; created_at: unknown; undone_at: unknown; undone_by: string | null }>(
      `SELECT id, ops, old, author, created_at, undone_at, undone_by FROM corrections WHERE plan_id = $1 ORDER BY id`,
      [id],
    );
    const json = (v: unknown) => (typeof v === 'string' ? JSON.parse(v) : v);
    return rows.map((r) => ({
      id: r.id,
      ops: json(r.ops) as PatchOperation[],
      old: json(r.old) as unknown[],
      author: r.author,
      at: new Date(r.created_at as string).toISOString(),
      undoneAt: r.undone_at ? new Date(r.undone_at as string).toISOString() : null,
      undoneBy: r.undone_by,
    }));
  }

  /** Runs `fn` in one transaction and refreshes the plan after it; learns the new search words once committed. */
  private async changePlan<T>(id: number, fn: (tx: Queryable) => Promise<T>): Promise<T> {
    await this.loadVocabulary();
    let words: string[] = [];
    const result = await this.db.transaction(async (tx) => {
      await this.lockPlans(tx);
      const found = await tx.query(`SELECT 1 FROM plans WHERE id = $1 FOR UPDATE`, [id]);
      if (found.length === 0) throw new PlanNotFound(id);
      const value = await fn(tx);
      words = await this.refresh(tx, id);
      return value;
    });
    for (const w of words) this.vocabulary?.add(w);
    return result;
  }

  /**
   * Corrects a plan: the patch is applied to the plan's record as it is now (all operations or
   * none, the result validated) and stored with who made it and the values it replaced.
   */
  async correct(id: number, ops: PatchOperation[], author: string | null): Promise<Correction> {
    validatePatch(ops);
    return this.changePlan(id, async (tx) => {
      const current = await tx.query<{ record: unknown }>(`SELECT record FROM plans WHERE id = $1`, [id]);
      const record = coerceRecord(typeof current[0].record === 'string' ? JSON.parse(current[0].record) : current[0].record);
      const { old } = applyNewPatch(record, ops);
      const rows = await tx.query<{ id: number; created_at: unknown }>(
        `INSERT INTO corrections (plan_id, ops, old, author) VALUES ($1, $2::jsonb, $3::jsonb, $4) RETURNING id, created_at`,
        [id, JSON.stringify(ops), JSON.stringify(old), author],
      );
      return { id: rows[0].id, ops, old, author, at: new Date(rows[0].created_at as string).toISOString(), undoneAt: null, undoneBy: null };
    });
  }

  /** Undoes a correction of a plan (the latest one still in force when no id is given); null when there is none. */
  async undoCorrection(id: number, correctionId: number | null, author: string | null): Promise<number | null> {
    return this.changePlan(id, async (tx) => {
      const rows = await tx.query<{ id: number }>(
        correctionId === null
          ? `SELECT id FROM corrections WHERE plan_id = $1 AND undone_at IS NULL ORDER BY id DESC LIMIT 1`
          : `SELECT id FROM corrections WHERE plan_id = $1 AND undone_at IS NULL AND id = $2`,
        correctionId === null ? [id] : [id, correctionId],
      );
      if (!rows[0]) return null;
      await tx.query(`UPDATE corrections SET undone_at = now(), undone_by = $2 WHERE id = $1`, [rows[0].id, author]);
      return rows[0].id;
    });
  }

  /** The corrections of a plan, oldest first, each marked with whether it applies to the record as now extracted. */
  async corrections(id: number): Promise<Correction[]> {
    const list = await this.correctionsOf(this.db, id);
    const best = await this.db.query<{ record: unknown }>(`SELECT record FROM sources WHERE plan_id = $1 AND record IS NOT NULL ORDER BY rank, added_at, sha256 LIMIT 1`, [id]);
    if (!best[0]) return list;
    const extracted = coerceRecord(typeof best[0].record === 'string' ? JSON.parse(best[0].record) : best[0].record);
    return applyCorrections(extracted, list).corrections;
  }

  /** The sources of a plan, the one shown first. */
  async sources(id: number): Promise<SourceInfo[]> {
    const rows = await this.db.query<{ sha256: string; format: string; size: number; path: string | null; extractor: string | null; added_at: unknown; pages: number | null; ocr: boolean | null; has_text: boolean }>(
      `SELECT sha256, format, size, path, extractor, added_at, (record->'source'->>'pages')::integer AS pages, (record->'source'->>'ocr')::boolean AS ocr, text IS NOT NULL AS has_text
       FROM sources WHERE plan_id = $1 ORDER BY rank, added_at, sha256`,
      [id],
    );
    return rows.map((r, i) => ({
      sha256: r.sha256, format: r.format, size: r.size, path: r.path, extractor: r.extractor, addedAt: new Date(r.added_at as string).toISOString(), pages: r.pages, ocr: r.ocr ?? false, hasText: r.has_text, shown: i === 0,
    }));
  }

  /** The normalised text of a plan's source (the shown one by default) and the first line of each page. */
  async sourceText(id: number, sha256?: string): Promise<{ sha256: string; text: string | null; pageStarts: number[] | null; evidence: PlanRecord['evidence'] | null } | null> {
    // By default the best source that has a text (a record file shown has none).
    const rows = await this.db.query<{ sha256: string; text: string | null; page_starts: number[] | null; evidence: unknown }>(
      sha256
        ? `SELECT sha256, text, page_starts, record->'evidence' AS evidence FROM sources WHERE plan_id = $1 AND sha256 = $2`
        : `SELECT sha256, text, page_starts, record->'evidence' AS evidence FROM sources WHERE plan_id = $1 ORDER BY (text IS NULL), rank, added_at, sha256 LIMIT 1`,
      sha256 ? [id, sha256] : [id],
    );
    const r = rows[0];
    if (!r) return null;
    const evidence = (typeof r.evidence === 'string' ? JSON.parse(r.evidence) : r.evidence) as PlanRecord['evidence'] | null;
    return { sha256: r.sha256, text: r.text, pageStarts: r.page_starts, evidence };
  }

  /** Keeps the normalised text of a source read again (a source stored before texts were kept). */
  async setSourceText(sha256: string, text: string, pageStarts: number[] | null): Promise<void> {
    await this.db.query(`UPDATE sources SET text = $2, page_starts = $3::integer[] WHERE sha256 = $1 AND text IS NULL`, [sha256, text, pageStarts]);
  }

  /** The bytes of one source of a plan. */
  async sourceContent(id: number, sha256?: string): Promise<{ sha256: string; format: string; content: Uint8Array | null; extractor: string | null; path: string | null } | null> {
    const rows = await this.db.query<{ sha256: string; format: string; content: Uint8Array | null; extractor: string | null; path: string | null }>(
      sha256
        ? `SELECT sha256, format, content, extractor, path FROM sources WHERE plan_id = $1 AND sha256 = $2`
        : `SELECT sha256, format, content, extractor, path FROM sources WHERE plan_id = $1 ORDER BY rank, added_at, sha256 LIMIT 1`,
      sha256 ? [id, sha256] : [id],
    );
    return rows[0] ?? null;
  }

  /** Deletes a plan with its sources, corrections, diagnostics and links (plans citing it see a missing parent again). */
  async delete(id: number): Promise<boolean> {
    return this.db.transaction(async (tx) => {
      await this.lockPlans(tx);
      const rows = await tx.query(`DELETE FROM plans WHERE id = $1 RETURNING id`, [id]);
      return rows.length > 0;
    });
  }

  /**
   * Merges plan `from` into plan `into` (the same plan stored twice): its sources and
   * corrections move over, plans citing it cite `into`, and it is deleted.
   */
  async merge(into: number, from: number): Promise<void> {
    if (into === from) return;
    await this.changePlan(into, async (tx) => {
      const found = await tx.query(`SELECT 1 FROM plans WHERE id = $1 FOR UPDATE`, [from]);
      if (found.length === 0) throw new PlanNotFound(from);
      await tx.query(`UPDATE sources SET plan_id = $1 WHERE plan_id = $2`, [into, from]);
      await tx.query(`UPDATE corrections SET plan_id = $1 WHERE plan_id = $2`, [into, from]);
      await tx.query(`UPDATE basis_links SET parent_id = $1 WHERE parent_id = $2`, [into, from]);
      await tx.query(`DELETE FROM plans WHERE id = $1`, [from]);
    });
  }

  /** Resolves each basis entry of plan `id` to a library plan, or records it as missing. */
  private async linkBasis(tx: Queryable, id: number, record: PlanRecord): Promise<void> {
    if (record.basis.length === 0) return;
    const entries = record.basis.map((entry, n) => ({ n, entry, ref: refOf(entry), key: numberKey(entry.number), seq: numberSeq(entry.number) }));
    // A misread number is only accepted with the exact date (see matchReference), so the
    // candidates are the plans of the same number or of the same date (both indexed): one
    // query for every entry of the plan.
    const keyed = entries.filter((e) => e.key);
    const seqs = [...new Set(keyed.map((e) => e.seq).filter((x): x is number => x !== null))];
    const dates = [...new Set(keyed.map((e) => e.entry.date).filter((x): x is string => x !== null))];
    const candidates =
      seqs.length + dates.length === 0
        ? []
        : await tx.query<{ id: number; number: string | null; doc_date: string | null; issuer: string | null; seq: number | null }>(
            `SELECT id, number, doc_date, issuer, seq FROM plans WHERE id <> $1 AND (seq = ANY($2::integer[]) OR doc_date = ANY($3::text[])) LIMIT $4`,
            [id, seqs, dates, 500 * keyed.length],
          );
    const rows = entries.map(({ n, entry, ref, key, seq }) => {
      let parent: { id: number; score: number } | null = null;
      if (key) {
        for (const c of candidates) {
          if (c.seq !== seq && c.doc_date !== entry.date) continue;
          const m = matchReference(ref, { number: c.number, date: c.doc_date, issuer: c.issuer });
          if (m.matches && (!parent || m.score > parent.score)) parent = { id: c.id, score: m.score };
        }
      }
      return {
        n,
        relation: entry.relation,
        type: entry.type,
        number: entry.number,
        number_key: key,
        seq,
        doc_date: entry.date,
        issuer: entry.issuer,
        subject: entry.subject,
        parent_id: parent?.id ?? null,
        score: parent?.score ?? null,
      };
    });
    await tx.query(
      `INSERT INTO basis_links (plan_id, n, relation, type, number, number_key, seq, doc_date, issuer, subject, parent_id, score)
       SELECT $1, x.n, x.relation, x.type, x.number, x.number_key, x.seq, x.doc_date, x.issuer, x.subject, x.parent_id, x.score
       FROM jsonb_to_recordset($2::jsonb) AS x(n integer, relation text, type text, number text, number_key text, seq integer, doc_date text, issuer text, subject text, parent_id integer, score real)`,
      [id, JSON.stringify(rows)],
    );
  }

  /** Points the missing parents of other plans that this plan is at it; unlinks stale ones on update. */
  private async adoptWaitingChildren(tx: Queryable, id: number, record: PlanRecord, updated: boolean): Promise<void> {
    const doc = refOf({ ...record.document, issuer: record.document.issuer.name });
    if (updated) {
      const linked = await tx.query<{ plan_id: number; n: number; number: string | null; doc_date: string | null; issuer: string | null }>(
        `SELECT plan_id, n, number, doc_date, issuer FROM basis_links WHERE parent_id = $1`,
        [id],
      );
      for (const l of linked) {
        if (!matchReference({ number: l.number, date: l.doc_date, issuer: l.issuer }, doc).matches) {
          await tx.query(`UPDATE basis_links SET parent_id = NULL, score = NULL WHERE plan_id = $1 AND n = $2`, [l.plan_id, l.n]);
        }
      }
    }
    const key = numberKey(doc.number);
    if (!key) return;
    const waiting = await tx.query<{ plan_id: number; n: number; number: string | null; doc_date: string | null; issuer: string | null }>(
      `SELECT plan_id, n, number, doc_date, issuer FROM basis_links
       WHERE parent_id IS NULL AND plan_id <> $1 AND (seq = $2 OR doc_date = $3)`,
      [id, record.document.seq ?? numberSeq(doc.number), doc.date],
    );
    for (const w of waiting) {
      const m = matchReference({ number: w.number, date: w.doc_date, issuer: w.issuer }, doc);
      if (m.matches) await tx.query(`UPDATE basis_links SET parent_id = $3, score = $4 WHERE plan_id = $1 AND n = $2`, [w.plan_id, w.n, id, m.score]);
    }
  }

  /** A stored plan with its diagnostics, links and children. */
  async get(id: number): Promise<StoredPlan | null> {
    const rows = await this.db.query<SummaryRow & { record: unknown; ingested_at: unknown; updated_at: unknown }>(
      `SELECT ${SUMMARY_COLUMNS}, record, ingested_at, updated_at FROM plans WHERE id = $1`,
      [id],
    );
    const row = rows[0];
    if (!row) return null;
    const record = coerceRecord(typeof row.record === 'string' ? JSON.parse(row.record) : row.record);
    const links = await this.db.query<{
      n: number; relation: string; type: string | null; number: string | null; doc_date: string | null; issuer: string | null; subject: string | null; parent_id: number | null; score: number | null;
    }>(`SELECT n, relation, type, number, doc_date, issuer, subject, parent_id, score FROM basis_links WHERE plan_id = $1 ORDER BY n`, [id]);
    const children = await this.db.query<SummaryRow>(
      `SELECT DISTINCT ${SUMMARY_COLUMNS.split(', ').map((c) => 'p.' + c).join(', ')} FROM basis_links l JOIN plans p ON p.id = l.plan_id WHERE l.parent_id = $1 ORDER BY p.doc_date, p.id`,
      [id],
    );
    return {
      ...toSummary(row),
      record,
      ingestedAt: new Date(row.ingested_at as string).toISOString(),
      updatedAt: new Date(row.updated_at as string).toISOString(),
      diagnostics: record.diagnostics,
      links: links.map((l) => ({
        n: l.n, relation: l.relation, type: l.type, number: l.number, date: l.doc_date, issuer: l.issuer, subject: l.subject, parentId: l.parent_id, score: l.score,
      })),
      children: children.map(toSummary),
    };
  }

  /** Plans whose number matches (OCR-tolerant: "52/KH-CAH", "52 / kh-cah"). */
  async findByNumber(number: string): Promise<PlanSummary[]> {
    const key = numberKey(number);
    if (!key) return [];
    const rows = await this.db.query<SummaryRow>(`SELECT ${SUMMARY_COLUMNS} FROM plans WHERE number_key = $1 ORDER BY doc_date, id`, [key]);
    return rows.map(toSummary);
  }

  private filterSql(filters: PlanFilters, params: unknown[]): string {
    const where: string[] = [];
    if (filters.issuer) {
      params.push(filters.issuer);
      const p = `$${params.length}`;
      // Folded once (a sub-select), matched as a part of the folded name.
      where.push(`issuer_key LIKE (SELECT '%' || thidua_fold(${p}::text) || '%')`);
    }
    if (filters.level) {
      params.push(filters.level);
      where.push(`issuer_level = $${params.length}`);
    }
    if (filters.kind) {
      params.push(filters.kind);
      where.push(`issuer_kind = $${params.length}`);
    }
    if (filters.year !== undefined) {
      params.push(filters.year);
      const p = `$${params.length}`;
      where.push(`(CASE WHEN period_from IS NOT NULL THEN ${p} BETWEEN period_from AND coalesce(period_to, period_from) ELSE year = ${p} END)`);
    }
    return where.length ? where.join(' AND ') : 'TRUE';
  }

  /** Plans in the library, newest first. */
  async list(filters: PlanFilters = {}, limit = 1000, offset = 0): Promise<PlanSummary[]> {
    const params: unknown[] = [];
    const where = this.filterSql(filters, params);
    params.push(limit, offset);
    const rows = await this.db.query<SummaryRow>(
      `SELECT ${SUMMARY_COLUMNS} FROM plans WHERE ${where} ORDER BY doc_date DESC NULLS LAST, id DESC LIMIT $${params.length - 1} OFFSET $${params.length}`,
      params,
    );
    return rows.map(toSummary);
  }

  async count(filters: PlanFilters = {}): Promise<number> {
    const params: unknown[] = [];
    const where = this.filterSql(filters, params);
    const rows = await this.db.query<{ n: number }>(`SELECT count(*)::integer AS n FROM plans WHERE ${where}`, params);
    return rows[0].n;
  }

  /**
   * Full-text search, diacritic-insensitive (both sides folded with unaccent) and
   * typo-tolerant: a query word the library does not hold is widened to the library words
   * within a small edit distance, found through the trigram index ("chánh" finds "chính").
   * Words the library holds are taken as they are, unless nothing matches them all; then
   * every word is widened; then plans holding some of the words are returned (`partial`).
   */
  async search(text: string, filters: PlanFilters = {}, limit = 20): Promise<SearchResult> {
    const words = (
      await this.db.query<{ w: string }>(`SELECT unnest(tsvector_to_array(to_tsvector('simple', thidua_fold($1)))) AS w`, [text.normalize('NFC')])
    ).map((r) => r.w);
    if (words.length === 0) return { hits: [], terms: [], partial: false };
    const plain = words.filter((w) => /^[a-z]{2,}$/.test(w));
    const variantsOf = new Map<string, string[]>(words.map((w) => [w, []]));
    const known = new Set<string>(words.filter((w) => !plain.includes(w)));
    if (plain.length > 0) {
      const similar = await this.db.query<{ q: string; word: string }>(
        `SELECT q, s.word FROM unnest($1::text[]) AS q JOIN search_words s ON s.word % q`,
        [plain],
      );
      for (const { q, word } of similar) {
        if (word === q) known.add(q);
        else if (levenshtein(word, q) <= allowedTypos(q)) variantsOf.get(q)!.push(word);
      }
    }
    const group = (w: string, widen: boolean) => '(' + [w, ...(widen ? variantsOf.get(w)! : [])].map(quoteLexeme).join(' | ') + ')';
    const attempt = async (widenAll: boolean, any: boolean) => {
      const widened = words.filter((w) => widenAll || !known.has(w));
      const query = words.map((w) => group(w, widened.includes(w))).join(any ? ' | ' : ' & ');
      return { hits: await this.runSearch(query, filters, limit), widened };
    };
    let result = await attempt(false, false);
    let partial = false;
    if (result.hits.length === 0 && words.some((w) => known.has(w) && variantsOf.get(w)!.length > 0)) result = await attempt(true, false);
    if (result.hits.length === 0 && words.length > 1) {
      result = await attempt(true, true);
      partial = result.hits.length > 0;
    }
    const terms = words.map((word) => ({ word, variants: result.widened.includes(word) ? variantsOf.get(word)! : [] }));
    return { hits: result.hits, terms, partial };
  }

  /**
   * Plans whose identification (number, title, issuer, place) holds the words come first,
   * ranked; then plans holding them only in their body, newest first. Neither step reads the
   * large full-text vectors of every match, so a query most plans match stays fast.
   */
  private async runSearch(tsquery: string, filters: PlanFilters, limit: number): Promise<SearchHit[]> {
    const params: unknown[] = [tsquery];
    const where = this.filterSql(filters, params);
    params.push(limit);
    const head = await this.db.query<SummaryRow & { rank: number }>(
      `SELECT ${SUMMARY_COLUMNS}, ts_rank(head, q) AS rank FROM plans, to_tsquery('simple', $1) AS q
       WHERE head @@ q AND ${where} ORDER BY rank DESC, doc_date DESC NULLS LAST, id DESC LIMIT $${params.length}`,
      params,
    );
    const hits = head.map((r) => ({ ...toSummary(r), rank: 1 + Number(r.rank) }));
    if (hits.length >= limit) return hits;
    params[params.length - 1] = limit - hits.length;
    const body = await this.db.query<SummaryRow>(
      `SELECT ${SUMMARY_COLUMNS} FROM plans, to_tsquery('simple', $1) AS q
       WHERE search @@ q AND NOT (head @@ q) AND ${where} ORDER BY doc_date DESC NULLS LAST, id DESC LIMIT $${params.length}`,
      params,
    );
    return [...hits, ...body.map((r) => ({ ...toSummary(r), rank: 0 }))];
  }

  /** Refreshes the planner's statistics (after a large ingest; a server's autovacuum does it too). */
  async analyze(): Promise<void> {
    await this.db.exec('ANALYZE plans');
    await this.db.exec('ANALYZE basis_links');
    await this.db.exec('ANALYZE search_words');
  }

  /** Every plan with its links, for the hierarchy. */
  async allLinks(): Promise<{ plans: PlanSummary[]; links: Array<BasisLink & { planId: number }> }> {
    const plans = (await this.db.query<SummaryRow>(`SELECT ${SUMMARY_COLUMNS} FROM plans ORDER BY id`)).map(toSummary);
    const links = await this.db.query<{
      plan_id: number; n: number; relation: string; type: string | null; number: string | null; doc_date: string | null; issuer: string | null; subject: string | null; parent_id: number | null; score: number | null;
    }>(`SELECT plan_id, n, relation, type, number, doc_date, issuer, subject, parent_id, score FROM basis_links ORDER BY plan_id, n`);
    return {
      plans,
      links: links.map((l) => ({
        planId: l.plan_id, n: l.n, relation: l.relation, type: l.type, number: l.number, date: l.doc_date, issuer: l.issuer, subject: l.subject, parentId: l.parent_id, score: l.score,
      })),
    };
  }
}

/** Edits a query word may be off by: none for words of up to 3 letters, one up to 7, two beyond. */
function allowedTypos(word: string): number {
  return word.length <= 3 ? 0 : word.length <= 7 ? 1 : 2;
}

function quoteLexeme(word: string): string {
  return `'${word.replace(/'/g, "''").replace(/\\/g, '\\\\')}'`;
}
