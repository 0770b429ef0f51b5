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
import { searchTexts } from './searchtext.js';

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
  /** The plan is known to be stored already (e.g. by an earlier version): update it without trying to insert first. */
  stored?: boolean;
}

export type StoreStatus = 'stored' | 'updated' | 'unchanged';

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
    const rows = await this.db.query<{ sha256: string; id: number; extractor: string }>(`SELECT sha256, id, extractor FROM plans WHERE sha256 = ANY($1::text[])`, [shas]);
    for (const r of rows) found.set(r.sha256, { id: r.id, extractor: r.extractor });
    return found;
  }

  /**
   * Stores a plan in one transaction: the source, the record, its diagnostics, its basis
   * links, and links of other plans that were waiting for it. A plan already stored with the
   * same extractor version is left unchanged; with another version it is updated.
   */
  async store(input: StoreInput): Promise<{ id: number; status: StoreStatus }> {
    const record = input.record;
    const texts = searchTexts(record);
    const d = record.document;
    const year = d.date ? Number(d.date.slice(0, 4)) : record.period.from;
    if (!this.vocabulary) this.vocabulary = new Set((await this.db.query<{ word: string }>(`SELECT word FROM search_words`)).map((r) => r.word));
    const vocabulary = this.vocabulary;
    let newWords: string[] = [];
    const result = await this.db.transaction(async (tx) => {
      const values = [
        input.sha256,
        input.path,
        input.extractor,
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
      // Positions and weights stripped: search matches on this vector and ranks on `head`, so the
      // smaller vector is cheaper to read for every candidate plan.
      const searchSql = `strip(to_tsvector('simple', coalesce(thidua_fold($16), '')) || to_tsvector('simple', coalesce(thidua_fold($17), '')) || to_tsvector('simple', coalesce(thidua_fold($18), '')))`;
      const headSql = `to_tsvector('simple', coalesce(thidua_fold($16), ''))`;
      const selectExisting = () => tx.query<{ id: number; extractor: string }>(`SELECT id, extractor FROM plans WHERE sha256 = $1 FOR UPDATE`, [input.sha256]);
      // A plan the caller knows is stored goes straight to the update.
      let existing = input.stored ? await selectExisting() : [];
      // A new file (the common case) is one statement: its source and its plan together. The
      // foreign key from plans to sources is checked at the end of the statement, when the
      // source row is there. ON CONFLICT: the file is stored already, by an earlier run or by
      // another process at this very moment (a shared server).
      const inserted = existing[0] ? [] : await tx.query<{ id: number; words: string[] }>(
        `WITH source AS (
           -- Bytes travel as base64 text (encoded natively), decoded by the database.
           INSERT INTO sources (sha256, format, size, content, first_path) VALUES ($1, $19, $20, decode($21, 'base64'), $2) ON CONFLICT (sha256) DO NOTHING
         )
         INSERT INTO plans (sha256, path, extractor, record, number, number_key, seq, doc_date, year, title, issuer, issuer_key, issuer_kind, issuer_level, period_from, period_to, search, head)
         VALUES ($1, $2, $3, $4::jsonb, $5, $6, $7, $8, $9, $10, $11, thidua_fold($11), $12, $13, $14, $15, ${searchSql}, ${headSql})
         ON CONFLICT (sha256) DO NOTHING RETURNING id, tsvector_to_array(search) AS words`,
        [...values, record.source.format, input.content?.length ?? 0, input.content ? Buffer.from(input.content).toString('base64') : null],
      );
      let id: number;
      let status: StoreStatus;
      let words: string[];
      if (inserted[0]) {
        id = inserted[0].id;
        status = 'stored';
        words = inserted[0].words;
      } else {
        if (!existing[0]) existing = await selectExisting();
        if (!existing[0]) throw new Error(`the plan of ${input.sha256} was neither stored nor found`);
        if (existing[0].extractor === input.extractor) return { id: existing[0].id, status: 'unchanged' as const };
        id = existing[0].id;
        status = 'updated';
        const updatedRows = await tx.query<{ words: string[] }>(
          `UPDATE plans SET path = $2, extractor = $3, record = $4::jsonb, number = $5, number_key = $6, seq = $7, doc_date = $8, year = $9,
             title = $10, issuer = $11, issuer_key = thidua_fold($11), issuer_kind = $12, issuer_level = $13, period_from = $14, period_to = $15,
             search = ${searchSql}, head = ${headSql}, updated_at = now() WHERE sha256 = $1 RETURNING tsvector_to_array(search) AS words`,
          values,
        );
        words = updatedRows[0].words;
        await tx.query(`DELETE FROM diagnostics WHERE plan_id = $1`, [id]);
        await tx.query(`DELETE FROM basis_links WHERE plan_id = $1`, [id]);
      }
      if (record.diagnostics.length > 0) {
        await tx.query(
          `INSERT INTO diagnostics (plan_id, n, severity, code, message, line)
           SELECT $1, x.n, x.severity, x.code, x.message, x.line FROM jsonb_to_recordset($2::jsonb) AS x(n integer, severity text, code text, message text, line integer)`,
          [id, JSON.stringify(record.diagnostics.map((g, n) => ({ n, severity: g.severity, code: g.code, message: g.message, line: g.line })))],
        );
      }
      // New words join the vocabulary that typo-tolerant search widens query words into.
      newWords = words.filter((w) => /^[a-z]{2,}$/.test(w) && !vocabulary.has(w));
      if (newWords.length > 0) await tx.query(`INSERT INTO search_words (word) SELECT unnest($1::text[]) ON CONFLICT DO NOTHING`, [newWords]);
      await this.linkBasis(tx, id, record);
      await this.adoptWaitingChildren(tx, id, record, status === 'updated');
      return { id, status };
    });
    // Only words of a committed transaction are known to be in the vocabulary.
    for (const w of newWords) vocabulary.add(w);
    return result;
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

  async count(): Promise<number> {
    const rows = await this.db.query<{ n: number }>(`SELECT count(*)::integer AS n FROM plans`);
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
