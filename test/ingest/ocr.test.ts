// Scans: a 200-dpi, slightly rotated, noisy image-only PDF of a corpus plan gives the record
// of its text (within 5 points of score.mjs) with OCR CER ≤ 1%; OCR never touches the network.
// OCR is CPU-heavy: one scanned document here, the rest in `npm run bench:ingest`.
import { spawnSync } from 'node:child_process';
import { existsSync, mkdtempSync, readFileSync, readdirSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { extractFile } from '../../pipeline/extract.js';
import { closeIngest, ingestFile } from '../../pipeline/ingest/index.js';
import { decodeImagePages } from '../../pipeline/ingest/image.js';
import { ROOT, SEEDS, VARIANTS, errorRates, scoreAgainst } from './helpers.js';

const ID = '001_bc94cfae2ebd58ab';

afterAll(async () => {
  await closeIngest();
});

describe('scanned PDF', () => {
  it('gives the record of the text version within 5 points, with OCR CER ≤ 1% per page', { timeout: 600_000 }, async () => {
    const scan = join(VARIANTS, `${ID}.scan.pdf`);
    const source = await ingestFile(scan, { quiet: true });
    expect(source.format).toBe('pdf');
    expect(source.ocr).toBe(true);
    expect(source.pages).toBe(4);
    expect(source.pageTexts.every((p) => p.ocr && (p.confidence ?? 0) > 80)).toBe(true);
    const digital = await ingestFile(join(VARIANTS, `${ID}.pdf`));
    for (const [i, page] of source.pageTexts.entries()) {
      const { cer } = errorRates(digital.pageTexts[i].text, page.text);
      expect(cer, `page ${page.number}`).toBeLessThanOrEqual(0.01);
    }
    const text = await extractFile(join(SEEDS, `${ID}.txt`), { allowNonPlan: true });
    const scanned = await extractFile(scan, { allowNonPlan: true, quiet: true });
    expect(scanned.record.source.ocr).toBe(true);
    const { percent, failures } = scoreAgainst(text.record, scanned.record);
    expect(percent, JSON.stringify(failures).slice(0, 800)).toBeGreaterThanOrEqual(95);
  });
});

describe('images', () => {
  it('decodes a multi-page CCITT G4 TIFF page by page with its resolution', async () => {
    const pages = await decodeImagePages('tiff', readFileSync(join(VARIANTS, '000_499ce2f91f22c4b0.tiff')), null);
    expect(pages.length).toBe(3);
    for (const p of pages) {
      expect(p.dpi).toBeCloseTo(200, 0);
      expect(p.image.width).toBeGreaterThan(1600);
    }
    const two = await decodeImagePages('tiff', readFileSync(join(VARIANTS, '000_499ce2f91f22c4b0.tiff')), null, { pageRange: { from: 2, to: 3 } });
    expect(two.length).toBe(2);
  });

  it('decodes a JPEG photo, a PNG scan and a WebP to grayscale pages', async () => {
    const [jpeg] = await decodeImagePages('jpeg', readFileSync(join(VARIANTS, '004_117274c581549a38.p1.jpg')), null);
    expect(jpeg.image.data.length).toBe(jpeg.image.width * jpeg.image.height);
    const [png] = await decodeImagePages('png', readFileSync(join(VARIANTS, `${ID}.p1.png`)), null);
    expect(png.dpi).toBeGreaterThan(150);
    const [webp] = await decodeImagePages('webp', readFileSync(join(ROOT, 'test/ingest/fixtures/blank.webp')), null);
    expect([webp.image.width, webp.image.height]).toEqual([800, 1100]);
  });
});

const canUnshare = spawnSync('unshare', ['-rn', 'true']).status === 0;

describe('offline', () => {
  it.skipIf(!canUnshare)('OCRs a PNG in a network namespace with no network, writing nothing to the working folder', { timeout: 300_000 }, () => {
    const entry = join(ROOT, 'dist/pipeline/ingest/index.js');
    expect(existsSync(entry), 'run `npx tsc -p tsconfig.json` first (npm test does)').toBe(true);
    const cwd = mkdtempSync(join(tmpdir(), 'thidua-offline-'));
    const script = `
      const { ingestFile } = await import(${JSON.stringify(entry)});
      const s = await ingestFile(${JSON.stringify(join(VARIANTS, `${ID}.p1.png`))}, { quiet: true });
      process.stdout.write(JSON.stringify({ format: s.format, ocr: s.ocr, text: s.pageTexts[0].text }));`;
    const run = spawnSync('unshare', ['-rn', process.execPath, '--input-type=module', '-e', script], { cwd, encoding: 'utf8', timeout: 240_000 });
    expect(run.status, run.stderr).toBe(0);
    const out = JSON.parse(run.stdout) as { format: string; ocr: boolean; text: string };
    expect(out.format).toBe('image');
    expect(out.ocr).toBe(true);
    expect(out.text).toContain('KẾ HOẠCH');
    expect(out.text).toContain('Phát động phong trào thi đua cải cách hành chính năm 2023');
    // cacheMethod 'none': no vie.traineddata left next to the user's files.
    expect(readdirSync(cwd)).toEqual([]);
  });
});
