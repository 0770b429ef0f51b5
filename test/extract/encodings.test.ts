// The same plan in legacy font encodings gives the same record: TCVN3 (ABC, ".VnTime" fonts)
// and VNI bytes, as a text file of them reads (one character per byte, Windows-1252).
import { execFileSync } from 'node:child_process';
import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { encodeTcvn3, encodeVni } from '../../pipeline/diacritics/legacy.js';
import { grade, readSeed, ROOT, seedNames } from './helpers.js';

const dir = mkdtempSync(join(tmpdir(), 'thidua-enc-'));
/** The bytes of a legacy-encoded text: each character is one byte (code point < 256). */
const bytes = (text: string) => Buffer.from(Array.from(text, (c) => c.charCodeAt(0) & 0xff));

// Documents that carry diacritics (the Latin-OCR seed has none to encode).
const names = seedNames().filter((n) => /[àáảãạăâđêôơư]/i.test(readSeed(n)));

describe.each(names)('corpus document %s in legacy encodings', (name) => {
  for (const [encoding, encode] of [
    ['TCVN3', encodeTcvn3],
    ['VNI', encodeVni],
  ] as const) {
    it(`reads its ${encoding} bytes to the gold record (≥ 95%)`, () => {
      const path = join(dir, `${name}.${encoding}.txt`);
      writeFileSync(path, bytes(encode(readSeed(name))));
      const out = execFileSync(process.execPath, [join(ROOT, 'bin', 'thidua.js'), 'extract', path, '--quiet'], { encoding: 'utf8' });
      const record = JSON.parse(out);
      const g = grade(name, record);
      expect(g.passed / g.total).toBeGreaterThanOrEqual(0.95);
    });
  }
});
