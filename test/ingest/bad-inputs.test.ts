// Bad inputs give one clear InputError naming the file and the problem, never a crash.
import { mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { InputError } from '../../pipeline/errors.js';
import { detectKind } from '../../pipeline/ingest/detect.js';
import { ingestBytes, ingestFile } from '../../pipeline/ingest/index.js';
import { FIXTURES, VARIANTS } from './helpers.js';
import { makeDocx, makeZip } from './zip-writer.js';

const dir = mkdtempSync(join(tmpdir(), 'thidua-ingest-bad-'));
const write = (name: string, data: Uint8Array | string) => {
  const path = join(dir, name);
  writeFileSync(path, data);
  return path;
};

async function inputError(promise: Promise<unknown>): Promise<InputError> {
  try {
    await promise;
  } catch (error) {
    expect(error).toBeInstanceOf(InputError);
    return error as InputError;
  }
  throw new Error('expected an InputError');
}

const digitalPdf = readFileSync(join(VARIANTS, '000_499ce2f91f22c4b0.pdf'));

describe('bad inputs', () => {
  it('a truncated PDF (cut at 60%) is refused as truncated, whatever its extension', async () => {
    const path = write('cut.txt', digitalPdf.subarray(0, Math.floor(digitalPdf.length * 0.6)));
    const error = await inputError(ingestFile(path));
    expect(error.problem).toBe('truncated');
    expect(error.toLine()).toContain(path);
    expect(error.code).toBe('input.pdf-truncated');
  });

  it('a password-protected PDF is refused as encrypted', async () => {
    const error = await inputError(ingestFile(join(FIXTURES, 'encrypted.pdf')));
    expect(error.problem).toBe('encrypted');
    expect(error.code).toBe('input.pdf-encrypted');
    expect(error.text('en')).toMatch(/password/);
    expect(error.text('vi')).toMatch(/mật khẩu/);
  });

  it('a PDF with a broken body is refused as damaged, not a crash', async () => {
    const broken = Buffer.concat([Buffer.from('%PDF-1.7\n1 0 obj\n<< /Type /Catalog >>\nendobj\ngarbage\n'), Buffer.from('%%EOF\n')]);
    const error = await inputError(ingestBytes(broken, 'broken.pdf'));
    expect(['damaged-pdf', 'no-text']).toContain(error.problem);
  });

  it('an XLSX is told apart from a DOCX and refused as a spreadsheet', async () => {
    const xlsx = makeZip([
      { name: '[Content_Types].xml', data: '<Types/>' },
      { name: 'xl/workbook.xml', data: '<workbook/>' },
    ]);
    expect(detectKind(xlsx)).toBe('xlsx');
    const error = await inputError(ingestFile(write('plan.docx', xlsx)));
    expect(error.problem).toBe('unsupported-format');
    expect(error.code).toBe('input.xlsx');
  });

  it('an old Word .doc is refused with advice to save it as DOCX or PDF', async () => {
    const error = await inputError(ingestFile(join(FIXTURES, 'old.doc')));
    expect(error.problem).toBe('unsupported-format');
    expect(error.code).toBe('input.old-office');
    expect(error.text('en')).toMatch(/DOCX or PDF/);
  });

  it('a plain zip is not taken for a document', async () => {
    const error = await inputError(ingestBytes(makeZip([{ name: 'a.txt', data: 'hello' }]), 'files.zip'));
    expect(error.code).toBe('input.zip');
  });

  it('an image with no text gives no-text without starting OCR', async () => {
    const error = await inputError(ingestFile(join(FIXTURES, 'blank.png')));
    expect(error.problem).toBe('no-text');
    expect(error.code).toBe('input.no-text-ocr');
  });

  it('a zip bomb DOCX is stopped at the decompression limit', async () => {
    const body = `<w:p><w:r><w:t>${'a'.repeat(30 * 1024 * 1024)}</w:t></w:r></w:p>`;
    const bomb = makeDocx(body);
    expect(bomb.length).toBeLessThan(200 * 1024);
    const error = await inputError(ingestBytes(bomb, 'bomb.docx', { limits: { maxDecompressedBytes: 8 * 1024 * 1024 } }));
    expect(error.problem).toBe('too-large');
    expect(error.code).toBe('input.docx-too-large');
  });

  it('a zip bomb that lies about its size in the headers is stopped all the same', async () => {
    const liar = makeZip([{ name: 'word/document.xml', data: 'x'.repeat(20 * 1024 * 1024), claimedSize: 100 }]);
    const error = await inputError(ingestBytes(liar, 'liar.docx', { limits: { maxDecompressedBytes: 4 * 1024 * 1024 } }));
    expect(error.problem).toBe('too-large');
  });

  it('an image over the pixel limit is refused before decoding', async () => {
    const png = readFileSync(join(FIXTURES, 'blank.png'));
    const error = await inputError(ingestBytes(png, 'huge.png', { limits: { maxPixels: 1000 } }));
    expect(error.problem).toBe('too-large');
    expect(error.code).toBe('input.image-too-large');
  });

  it('a PDF over the page limit is refused unless pages are chosen', async () => {
    const error = await inputError(ingestBytes(digitalPdf, 'long.pdf', { limits: { maxPages: 2 } }));
    expect(error.problem).toBe('too-large');
    expect(error.code).toBe('input.pdf-too-many-pages');
    expect(error.message).toMatch(/--pages/);
    const some = await ingestBytes(digitalPdf, 'long.pdf', { limits: { maxPages: 2 }, pageRange: { from: 2, to: 3 } });
    expect(some.pageTexts.map((p) => p.number)).toEqual([2, 3]);
  });
});
