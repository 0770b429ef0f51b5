// Re-ingesting with a newer extractor version updates the stored plans in place; with the
// same version nothing is extracted again.
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { expect, test } from 'vitest';
import { ingestFiles } from '../../pipeline/library/ingest.js';
import { Library } from '../../pipeline/library/library.js';
import type { PlanRecord } from '../../pipeline/record/schema.js';
import { writeTextPlans } from '../../scripts/gen-library.js';
import { goldRecords } from './helpers.js';

test('a newer extractor version updates each plan; the same version leaves it unchanged', async () => {
  const dir = mkdtempSync(join(tmpdir(), 'thidua-reingest-'));
  const gold = goldRecords();
  const files = writeTextPlans(join(dir, 'in'), 3);
  let calls = 0;
  // A stand-in extractor: the gold record of the seed each file was made from, titled by version.
  const extractor = (version: string) => async (path: string): Promise<PlanRecord> => {
    calls++;
    const r = structuredClone(gold[String(files.indexOf(path) % 5).padStart(3, '0')]);
    r.document.title = `${r.document.title} (extractor ${version})`;
    return r;
  };
  const lib = await Library.open({ data: join(dir, 'lib') });
  try {
    const v1 = await ingestFiles(lib, files, { extract: extractor('v1'), extractorVersion: 'v1' });
    expect(v1).toMatchObject({ stored: 3, updated: 0, unchanged: 0 });
    const ids = (await lib.list()).map((p) => p.id).sort();
    calls = 0;
    expect(await ingestFiles(lib, files, { extract: extractor('v1'), extractorVersion: 'v1' })).toMatchObject({ stored: 0, unchanged: 3 });
    expect(calls).toBe(0);
    expect(await ingestFiles(lib, files, { extract: extractor('v2'), extractorVersion: 'v2' })).toMatchObject({ stored: 0, updated: 3 });
    const after = await lib.list();
    expect(after.map((p) => p.id).sort()).toEqual(ids);
    expect(after.every((p) => p.extractor === 'v2' && p.title?.endsWith('(extractor v2)'))).toBe(true);
  } finally {
    await lib.close();
    rmSync(dir, { recursive: true, force: true });
  }
});
