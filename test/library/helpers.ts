// Shared helpers of the library tests: gold records, and the two databases the library
// runs on (PGlite always; a PostgreSQL server when THIDUA_TEST_PG_URL is set, as in CI).
import { mkdtempSync, readdirSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { createHash, randomBytes } from 'node:crypto';
import pg from 'pg';
import { vi } from 'vitest';
import { main } from '../../pipeline/cli/index.js';
import { coerceRecord } from '../../pipeline/library/records.js';
import { Library, type LibraryLocation } from '../../pipeline/library/library.js';
import type { PlanRecord } from '../../pipeline/record/schema.js';

export const GOLD_DIR = join(import.meta.dirname, '../../corpus/gold');

/** Gold records by their three-digit prefix ("000" … "004"), defaults filled. */
export function goldRecords(): Record<string, PlanRecord> {
  const out: Record<string, PlanRecord> = {};
  for (const f of readdirSync(GOLD_DIR).filter((f) => f.endsWith('.json')).sort()) {
    const bytes = readFileSync(join(GOLD_DIR, f));
    out[f.slice(0, 3)] = coerceRecord(JSON.parse(bytes.toString('utf8')), {
      path: `corpus/gold/${f}`,
      sha256: createHash('sha256').update(bytes).digest('hex'),
    });
  }
  return out;
}

export const PG_URL = process.env.THIDUA_TEST_PG_URL;


/** The backends to run the library tests on. */
export const BACKENDS: Array<'pglite' | 'postgres'> = PG_URL ? ['pglite', 'postgres'] : ['pglite'];

export interface TestLibrary {
  location: LibraryLocation;
  cleanup(): Promise<void>;
}

/** A fresh, empty library location on the given backend. */
export async function freshLocation(backend: 'pglite' | 'postgres'): Promise<TestLibrary> {
  if (backend === 'pglite') {
    const dir = mkdtempSync(join(tmpdir(), 'thidua-lib-'));
    return { location: { data: dir }, cleanup: async () => rmSync(dir, { recursive: true, force: true }) };
  }
  const schema = `t_${randomBytes(6).toString('hex')}`;
  const u = new URL(PG_URL!);
  u.searchParams.set('schema', schema);
  return {
    location: { db: u.toString() },
    cleanup: async () => {
      const client = new pg.Client({ connectionString: PG_URL });
      await client.connect();
      await client.query(`DROP SCHEMA IF EXISTS ${schema} CASCADE`);
      await client.end();
    },
  };
}

export async function openFresh(backend: 'pglite' | 'postgres'): Promise<{ lib: Library; t: TestLibrary }> {
  const t = await freshLocation(backend);
  return { lib: await Library.open(t.location), t };
}

/** Runs `thidua …` in this process; resolves to its exit code and what it printed. */
export async function runCli(...args: string[]): Promise<{ code: number; out: string; err: string }> {
  let out = '';
  let err = '';
  const o = vi.spyOn(process.stdout, 'write').mockImplementation((s: string | Uint8Array) => ((out += String(s)), true));
  const e = vi.spyOn(process.stderr, 'write').mockImplementation((s: string | Uint8Array) => ((err += String(s)), true));
  try {
    process.exitCode = undefined;
    const code = await main(['node', 'thidua', ...args]);
    return { code, out, err };
  } finally {
    process.exitCode = undefined;
    o.mockRestore();
    e.mockRestore();
  }
}
