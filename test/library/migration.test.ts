// A library made before migration 4 (one plan per file) opens with its plans intact: each
// plan's file becomes its one source, and new files of the same plan join it.
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { expect, test } from 'vitest';
import { openPglite } from '../../pipeline/library/database.js';
import { Library } from '../../pipeline/library/library.js';
import { MIGRATIONS } from '../../pipeline/library/migrations.js';
import { goldRecords } from './helpers.js';

test('migration 4 keeps a version-3 library: plans, their sources, search', async () => {
  const dir = mkdtempSync(join(tmpdir(), 'thidua-migrate-'));
  try {
    const record = goldRecords()['001'];
    const sha = 'ab'.repeat(32);
    const db = await openPglite(dir);
    try {
      await db.exec(`CREATE TABLE IF NOT EXISTS schema_migrations (version integer PRIMARY KEY, name text NOT NULL, applied_at timestamptz NOT NULL DEFAULT now())`);
      for (const m of MIGRATIONS.filter((x) => x.version <= 3)) {
        await db.exec(m.sql);
        await db.query(`INSERT INTO schema_migrations (version, name) VALUES ($1, $2)`, [m.version, m.name]);
      }
      // A plan as the version-3 library stored it.
      await db.query(`INSERT INTO sources (sha256, format, size, content, first_path) VALUES ($1, 'text', 3, 'abc'::bytea, 'old.txt')`, [sha]);
      await db.query(
        `INSERT INTO plans (sha256, path, extractor, record, number, number_key, seq, doc_date, year, title, issuer, issuer_key, search, head)
         VALUES ($1, 'old.txt', 'old', $2::jsonb, '44/KH-UBND', '44/kh-ubnd', 44, '2023-03-07', 2023, 'cũ', $3, thidua_fold($3), to_tsvector('simple', 'cai cach'), to_tsvector('simple', 'cai cach'))`,
        [sha, JSON.stringify(record), record.document.issuer.name],
      );
    } finally {
      await db.close();
    }
    const lib = await Library.open({ data: dir });
    try {
      const [plan] = await lib.list();
      expect(plan.number).toBe('44/KH-UBND');
      expect(await lib.sources(plan.id)).toMatchObject([{ sha256: sha, format: 'text', shown: true, hasText: false }]);
      expect((await lib.findByShas([sha])).get(sha)).toEqual({ id: plan.id, extractor: 'old' });
      // The same plan from another file joins it.
      const again = await lib.store({ record: { ...record, source: { ...record.source, format: 'pdf' } }, sha256: 'cd'.repeat(32), content: null, path: 'new.pdf', extractor: 'new' });
      expect(again).toEqual({ id: plan.id, status: 'added' });
    } finally {
      await lib.close();
    }
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
}, 60_000);
