// ingestFiles reads, looks up and extracts files a batch at a time, ahead of the stores: the
// outcomes must still come one per file, in the order of the files, across batch boundaries,
// with bad files and files already stored in between.
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, test } from 'vitest';
import { ingestFiles, type FileOutcome } from '../../pipeline/library/ingest.js';
import { Library } from '../../pipeline/library/library.js';
import { writeTextPlans } from '../../scripts/gen-library.js';

describe('ingest in batches', () => {
  const dir = mkdtempSync(join(tmpdir(), 'thidua-batches-'));
  afterAll(() => rmSync(dir, { recursive: true, force: true }));

  test('outcomes follow the files in order over several batches; a second run changes nothing', async () => {
    const plans = writeTextPlans(join(dir, 'texts'), 70);
    writeFileSync(join(dir, 'empty.txt'), '');
    // Bad files and a file named twice, spread over the first and the third batch.
    const files = [...plans.slice(0, 5), join(dir, 'empty.txt'), ...plans.slice(5, 40), join(dir, 'missing.txt'), ...plans.slice(40), plans[3]];
    const lib = await Library.open({ data: join(dir, 'library') });
    try {
      const seen: FileOutcome[] = [];
      const first = await ingestFiles(lib, files, { onFile: (o) => seen.push(o) });
      expect(seen.map((o) => o.path)).toEqual(files);
      expect(first).toMatchObject({ stored: 70, unchanged: 1, updated: 0 });
      expect(first.failed.map((f) => f.path)).toEqual([join(dir, 'empty.txt'), join(dir, 'missing.txt')]);
      expect(seen.at(-1)).toMatchObject({ status: 'unchanged', id: seen[3].id });
      expect(await lib.count()).toBe(70);
      const again = await ingestFiles(lib, plans);
      expect(again).toMatchObject({ stored: 0, updated: 0, unchanged: 70 });
    } finally {
      await lib.close();
    }
  }, 120_000);
});
