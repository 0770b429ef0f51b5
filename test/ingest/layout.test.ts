// Text-layer layout: lines in reading order, two columns side by side, ruled tables as TAB
// rows, running headers/footers and page numbers removed, pdf.js NFD spacing repaired.
import { describe, expect, it } from 'vitest';
import { findFurniture } from '../../pipeline/ingest/furniture.js';
import { buildLines, layoutPage, linesToText, overlayGlyphs, type TextRun } from '../../pipeline/ingest/layout.js';
import { parseTsv } from '../../pipeline/ingest/ocr.js';
import { judgeTextLayer } from '../../pipeline/ingest/quality.js';
import { repairPdfText } from '../../pipeline/ingest/unicode.js';

const run = (text: string, x: number, y: number, size = 13): TextRun => ({ text, x, y, width: text.length * size * 0.5, size });

describe('layoutPage', () => {
  it('puts the two columns of an administrative header side by side, separated by one TAB', () => {
    const runs = [
      run('CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM', 260, 60.8, 12),
      run('ỦY BAN NHÂN DÂN', 90, 60, 13),
      run('Độc lập - Tự do - Hạnh phúc', 290, 76, 13),
      run('HUYỆN CHÂU THÀNH', 88, 76, 13),
      run('Số: 44/KH-UBND', 95, 100, 13),
      run('Châu Thành, ngày 07 tháng 3 năm 2023', 280, 100.5, 13),
    ];
    const text = layoutPage(runs, []).map((l) => l.text);
    expect(text).toEqual([
      'ỦY BAN NHÂN DÂN\tCỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM',
      'HUYỆN CHÂU THÀNH\tĐộc lập - Tự do - Hạnh phúc',
      'Số: 44/KH-UBND\tChâu Thành, ngày 07 tháng 3 năm 2023',
    ]);
  });

  it('reads a ruled table as one line per row with the cells separated by TABs', () => {
    // Columns at x = 80 | 120 | 380 | 520; rows at y = 200 | 230 | 275.
    const rulings = [
      ...[80, 120, 380, 520].map((x) => ({ x1: x, y1: 200, x2: x, y2: 275 })),
      ...[200, 230, 275].map((y) => ({ x1: 80, y1: y, x2: 520, y2: y })),
    ];
    const runs = [
      run('STT', 85, 218),
      run('Nội dung', 130, 218),
      run('Thời gian', 390, 218),
      run('1', 85, 248),
      run('Tổ chức hội nghị triển khai', 130, 248),
      run('công tác năm 2023', 130, 264),
      run('Quý I', 390, 248),
      run('Đoạn văn sau bảng.', 80, 300),
    ];
    const lines = layoutPage(runs, rulings);
    expect(lines.map((l) => l.text)).toEqual(['STT\tNội dung\tThời gian', '1\tTổ chức hội nghị triển khai công tác năm 2023\tQuý I', 'Đoạn văn sau bảng.']);
    expect(lines.map((l) => l.row)).toEqual([true, true, false]);
  });

  it('joins the wrapped lines of a justified paragraph but keeps items and short lines apart', () => {
    const lines = layoutPage(
      [
        run('1. Mục đích', 80, 100),
        run('a) Tạo không khí thi đua sôi nổi, cổ vũ, tiếp thêm động lực, động', 80, 118),
        run('viên tập thể, cá nhân phấn đấu.', 80, 136),
        run('b) Nâng cao ý thức trách nhiệm.', 80, 154),
      ].map((r, i) => (i === 1 ? { ...r, width: 440 } : r)),
      [],
    );
    expect(linesToText(lines).split('\n')).toEqual([
      '1. Mục đích',
      'a) Tạo không khí thi đua sôi nổi, cổ vũ, tiếp thêm động lực, động viên tập thể, cá nhân phấn đấu.',
      'b) Nâng cao ý thức trách nhiệm.',
    ]);
  });
});

describe('findFurniture', () => {
  it('removes page numbers and a running header recurring on most pages, and nothing else', () => {
    const page = (n: number) => ({
      height: 842,
      lines: [
        { text: String(n), y: 40 },
        { text: 'KẾ HOẠCH THI ĐUA NĂM 2023', y: 60 },
        { text: `Nội dung trang ${n}`, y: 400 },
        { text: `Trang ${n}/3`, y: 820 },
      ],
    });
    const furniture = findFurniture([page(1), page(2), page(3)]);
    for (const f of furniture) expect([...f].sort()).toEqual([0, 1, 3]);
  });

  it('keeps a number in the middle of the page', () => {
    const furniture = findFurniture([{ height: 842, lines: [{ text: 'Tiêu đề', y: 100 }, { text: '12', y: 400 }, { text: 'Hết', y: 500 }] }]);
    expect(furniture[0].size).toBe(0);
  });
});

describe('repairPdfText', () => {
  it('composes NFD text and removes the stray spaces pdf.js leaves after combining marks', () => {
    expect(repairPdfText('ứ ng dụng')).toBe('ứng dụng');
    expect(repairPdfText('Tiế ng Việ t')).toBe('Tiếng Việt');
    expect(repairPdfText('Vie\u0323\u0302 t Nam')).toBe('Việt Nam');
    expect(repairPdfText('ca \u0301c')).toBe('các');
    expect(repairPdfText('ca\u0301c bo\u0323')).toBe('các bọ');
  });

  it('keeps real word boundaries after a marked vowel', () => {
    expect(repairPdfText('hoá đơn')).toBe('hoá đơn');
    expect(repairPdfText('để p/h chỉ đạo')).toBe('để p/h chỉ đạo');
    expect(repairPdfText('Bộ Công an')).toBe('Bộ Công an');
  });
});

describe('judgeTextLayer', () => {
  const vietnamese = 'Ủy ban nhân dân huyện Châu Thành phát động phong trào thi đua cải cách hành chính năm 2023 với những nội dung cụ thể như sau.';
  it('keeps a good Vietnamese text layer', () => {
    expect(judgeTextLayer(vietnamese, { imageCoverage: 0, vectorDrawing: false }).ocr).toBe(false);
    expect(judgeTextLayer(vietnamese, { imageCoverage: 0.95, vectorDrawing: false }).ocr).toBe(false);
  });
  it('OCRs a scan with no or too little text', () => {
    expect(judgeTextLayer('', { imageCoverage: 0.95, vectorDrawing: false })).toMatchObject({ ocr: true });
    expect(judgeTextLayer('12', { imageCoverage: 0.9, vectorDrawing: false }).reason).toMatch(/too little/);
    expect(judgeTextLayer('', { imageCoverage: 0, vectorDrawing: false }).ocr).toBe(false);
  });
  it('OCRs private-use glyphs, symbol garbage and a Latin-only layer over a scan', () => {
    const pua = [...vietnamese].map((c, i) => (i % 3 === 0 && c !== ' ' ? '\uE01A' : c)).join('');
    expect(judgeTextLayer(pua, { imageCoverage: 0, vectorDrawing: false }).reason).toMatch(/undecodable/);
    expect(judgeTextLayer('¸µ¶·¹ª©®¬¦§ '.repeat(10) + 'ab', { imageCoverage: 0, vectorDrawing: false }).ocr).toBe(true);
    const latin = 'Uy ban nhan dan huyen Chau Thanh phat dong phong trao thi dua cai cach hanh chinh nam 2023 voi nhung noi dung cu the nhu sau.';
    expect(judgeTextLayer(latin, { imageCoverage: 0.97, vectorDrawing: false }).reason).toMatch(/Latin-only/);
    // Stripped text without a scan under it is left to the diacritics stage.
    expect(judgeTextLayer(latin, { imageCoverage: 0, vectorDrawing: false }).ocr).toBe(false);
  });
});

describe('parseTsv', () => {
  it('groups words into lines with confidences and splits two columns with a TAB', () => {
    const row = (line: number, word: number, left: number, text: string, conf = 95) => `5\t1\t1\t1\t${line}\t${word}\t${left}\t100\t${text.length * 20}\t40\t${conf}\t${text}`;
    const tsv = ['level\tpage_num\tblock_num\tpar_num\tline_num\tword_num\tleft\ttop\twidth\theight\tconf\ttext', row(1, 1, 100, 'Số:'), row(1, 2, 170, '44/KH-UBND'), row(1, 3, 900, 'Châu', 40), row(1, 4, 990, 'Thành')].join('\n');
    const result = parseTsv(tsv);
    expect(result.lines.map((l) => l.text)).toEqual(['Số: 44/KH-UBND\tChâu Thành']);
    expect(result.lines[0].words.map((w) => w.confidence)).toEqual([95, 95, 40, 95]);
    expect(result.confidence).toBeCloseTo(81.25, 2);
  });
});

describe('judgeTextLayer on figures', () => {
  it('keeps a page that is mostly numbers', () => {
    const figures = 'STT 1 2 3 4 5 6 7 8 9 10 2021 2022 2023 2024 2025 100% 95% 90% 12/2025 01/2026 Tổng 1.250 3.400 5.600';
    expect(judgeTextLayer(figures, { imageCoverage: 0, vectorDrawing: false }).ocr).toBe(false);
  });
});

describe('glyphs drawn from a fallback font over blanks of the main run', () => {
  const at = (text: string, x: number, width: number): TextRun => ({ text, x, y: 700, width, size: 10 });
  it('puts each glyph back in its blank ("T NH" + "Ỉ" → "TỈNH"), not after the run', () => {
    const lines = buildLines([at('T NH LAI CHÂU', 56.8, 78), at('Ỉ', 62.8, 6)]);
    expect(lines.map((l) => l.text)).toEqual(['TỈNH LAI CHÂU']);
  });
  it('keeps the word space of a blank run that also holds the glyph ("TM." + " Ủ" + "Y BAN")', () => {
    const lines = buildLines([at('TM.', 56.8, 30), at(' ', 86.8, 14.4), at('Y BAN', 101.2, 30), at('Ủ', 92.8, 8.4)]);
    expect(lines.map((l) => l.text)).toEqual(['TM. ỦY BAN']);
  });
  it('drops control characters a fallback font maps to', () => {
    expect(overlayGlyphs([at('A\u0003B', 0, 18)]).map((r) => r.text)).toEqual(['AB']);
  });
});
