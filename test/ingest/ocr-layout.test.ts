// OCR layout without OCR: rulings found in an image, words placed in table cells, border
// artifacts dropped, misread row numbers repaired.
import { describe, expect, it } from 'vitest';
import type { OcrLine, OcrWord } from '../../pipeline/ingest/ocr.js';
import { ocrLayout, repairRowNumbers, stripBorderArtifacts } from '../../pipeline/ingest/page-ocr.js';
import { detectRulings } from '../../pipeline/ingest/rulings.js';
import type { GrayImage } from '../../pipeline/ingest/raster.js';

function gridImage(): GrayImage {
  // 1000×600 white page; a table with columns at x = 100, 200, 700, 900 and rows at y = 100,
  // 200, 400; lines 2 px thick and light grey (a blurred scan), one gap in a line.
  const width = 1000;
  const height = 600;
  const data = new Uint8Array(width * height).fill(255);
  const set = (x: number, y: number) => (data[y * width + x] = 170);
  for (const y of [100, 200, 400]) for (let x = 100; x <= 900; x++) if (x < 500 || x > 503) for (const d of [0, 1]) set(x, y + d);
  for (const x of [100, 200, 700, 900]) for (let y = 100; y <= 400; y++) for (const d of [0, 1]) set(x + d, y);
  // Some "text": short dark strokes, which are not rulings.
  for (let x = 220; x < 260; x++) for (let y = 140; y < 160; y++) if (x % 6 < 3) data[y * width + x] = 0;
  return { width, height, data };
}

const word = (text: string, x0: number, y0: number, x1: number, y1: number, confidence = 90): OcrWord => ({ text, confidence, x0, y0, x1, y1 });
const line = (...words: OcrWord[]): OcrLine => ({ text: words.map((w) => w.text).join(' '), words, confidence: 90, y0: Math.min(...words.map((w) => w.y0)), y1: Math.max(...words.map((w) => w.y1)) });

describe('detectRulings', () => {
  it('finds the table lines of a scan, thick lines merged, gaps bridged, text ignored', () => {
    const rulings = detectRulings(gridImage());
    const horizontal = rulings.filter((r) => r.y1 === r.y2).map((r) => Math.round(r.y1));
    const vertical = rulings.filter((r) => r.x1 === r.x2).map((r) => Math.round(r.x1));
    expect(horizontal).toEqual([101, 201, 401]);
    expect(vertical).toEqual([101, 201, 701, 901]);
  });
});

describe('ocrLayout', () => {
  it('reads the words of a ruled table row by row, one cell per TAB', () => {
    const rulings = detectRulings(gridImage());
    const lines = ocrLayout(
      [
        line(word('Căn', 100, 40, 160, 70), word('cứ', 170, 40, 200, 70)),
        line(word('STT', 110, 130, 160, 160), word('Nội', 210, 130, 260, 160), word('dung', 270, 130, 330, 160), word('|Thời', 705, 130, 790, 160), word('gian', 800, 130, 860, 160)),
        line(word('1', 110, 230, 125, 260), word('Hội', 210, 230, 260, 260), word('nghị', 270, 230, 330, 260), word('Quý', 710, 230, 770, 260), word('I', 780, 230, 790, 260)),
        line(word('triển', 210, 270, 280, 300), word('khai', 290, 270, 350, 300)),
      ],
      rulings,
    );
    expect(lines.map((l) => l.text)).toEqual(['Căn cứ', 'STT\tNội dung\tThời gian', '1\tHội nghị triển khai\tQuý I']);
  });
});

describe('border artifacts and row numbers', () => {
  it('drops marks a border was read as, and keeps real parentheses', () => {
    expect(stripBorderArtifacts(word('|', 195, 0, 205, 30), [200])).toBe('');
    expect(stripBorderArtifacts(word('¡2025', 205, 0, 280, 30), [200])).toBe('2025');
    expect(stripBorderArtifacts(word('(Công', 205, 0, 280, 30), [200])).toBe('Công');
    expect(stripBorderArtifacts(word('(CCHC)', 205, 0, 280, 30), [200])).toBe('(CCHC)');
    expect(stripBorderArtifacts(word('(Công', 405, 0, 480, 30), [200])).toBe('(Công');
  });

  it('repairs a misread number between its neighbours only', () => {
    const row = (text: string) => ({ text, y: 0, x0: 0, x1: 1, size: 10, row: true });
    const out = repairRowNumbers([row('6\ta\tb'), row('ÿj\tc\td'), row('8\te\tf'), row('x\tg\th'), row('12\ti\tj')]);
    expect(out.map((r) => r.text.split('\t')[0])).toEqual(['6', '7', '8', 'x', '12']);
  });
});
