// Clean Unicode text passes through unchanged: the corpus-vi documents (legal texts with English
// translations, tables, codes and units, and the plans) when ../shared is beside the checkout.
import { existsSync, readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { normaliseDiacritics } from '../../pipeline/diacritics/index.js';

const CORPUS = join(__dirname, '../../../shared/corpus-vi');

// Both folders must be there. vitest runs the body of a skipped describe too (to list its
// tests), so the folders are only read when they are present.
const present = existsSync(join(CORPUS, 'plans')) && existsSync(join(CORPUS, 'legal'));

describe.skipIf(!present)('clean corpus documents', () => {
  if (!present) {
    it.skip('../shared/corpus-vi is not beside the checkout', () => {});
    return;
  }
  const files = [
    ...readdirSync(join(CORPUS, 'plans')).map((f) => join(CORPUS, 'plans', f)),
    // Every fourth legal document (the whole set takes too long for the test run).
    ...readdirSync(join(CORPUS, 'legal'))
      .sort()
      .filter((_, i) => i % 4 === 0)
      .map((f) => join(CORPUS, 'legal', f)),
  ];
  it(`${files.length} documents come out exactly as they went in`, () => {
    const changed: string[] = [];
    for (const file of files) {
      const text = readFileSync(file, 'utf8').normalize('NFC');
      const result = normaliseDiacritics(text, { restore: true });
      if (result.text !== text || result.diacritics !== 'present') changed.push(file);
    }
    expect(changed).toEqual([]);
  });
});
