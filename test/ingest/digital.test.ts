// Digital PDFs and DOCX of the corpus documents give the record of their text version;
// layout (two-column header, tables, closing block), DOCX numbering and text boxes.
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { extractFile } from '../../pipeline/extract.js';
import { ingestBytes, ingestFile } from '../../pipeline/ingest/index.js';
import { CORPUS_IDS, FIXTURES, SEEDS, VARIANTS, scoreAgainst } from './helpers.js';
import { makeDocx } from './zip-writer.js';

const options = { allowNonPlan: true, quiet: true };

describe.each(CORPUS_IDS)('corpus document %s', (id) => {
  it.each(['docx', 'pdf'])('its %s yields the record of its text (score.mjs ≥ 95%)', async (kind) => {
    const text = await extractFile(join(SEEDS, `${id}.txt`), options);
    const variant = await extractFile(join(VARIANTS, `${id}.${kind}`), options);
    const { percent, failures } = scoreAgainst(text.record, variant.record);
    expect(percent, JSON.stringify(failures).slice(0, 800)).toBeGreaterThanOrEqual(95);
    expect(variant.record.source.format).toBe(kind);
    expect(variant.record.source.ocr).toBe(false);
  });
});

describe('digital PDF', () => {
  it('keeps the page split, drops the running page numbers and gives evidence page numbers', async () => {
    const path = join(VARIANTS, '003_79ae1312620914b2.pdf');
    const source = await ingestFile(path);
    expect(source.format).toBe('pdf');
    expect(source.pages).toBe(7);
    expect(source.pageTexts.map((p) => p.number)).toEqual([1, 2, 3, 4, 5, 6, 7]);
    for (const page of source.pageTexts) {
      expect(page.ocr).toBe(false);
      // LibreOffice put the page number at the top of every page.
      expect(page.text.split('\n')[0].trim()).not.toBe(String(page.number));
    }
    expect(source.pageTexts[1].text.startsWith('II. ĐỐI TƯỢNG, PHẠM VI')).toBe(true);
    const { record } = await extractFile(path, options);
    const pages = Object.values(record.evidence ?? {}).map((span) => (span as { page?: number }).page);
    expect(pages.some((p) => p !== undefined && p > 1)).toBe(true);
  });

  it('reads the appendix table as TAB-separated rows', async () => {
    const source = await ingestFile(join(VARIANTS, '003_79ae1312620914b2.pdf'), { pageRange: { from: 6, to: 7 } });
    const rows = source.pageTexts.flatMap((p) => p.text.split('\n')).filter((l) => (l.match(/\t/g) ?? []).length >= 2);
    expect(rows.length).toBeGreaterThanOrEqual(10);
    expect(rows.some((r) => r.startsWith('6\tTổ chức cuộc thi tìm hiểu CCHC trong Công an tỉnh năm 2025\tPV01\t'))).toBe(true);
    expect(source.pageTexts.map((p) => p.number)).toEqual([6, 7]);
  });

  it.each(['pdf', 'docx'])('reads the two-column header, a ruled table and the closing block of a %s', async (kind) => {
    const source = await ingestFile(join(FIXTURES, `layout-sample.${kind}`));
    const lines = source.pageTexts[0].text.split('\n');
    expect(lines.slice(0, 3)).toEqual([
      'ỦY BAN NHÂN DÂN\tCỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM',
      'HUYỆN CHÂU THÀNH\tĐộc lập - Tự do - Hạnh phúc',
      'Số: 44/KH-UBND\tChâu Thành, ngày 07 tháng 3 năm 2023',
    ]);
    expect(lines).toContain('1\tTổ chức hội nghị triển khai công tác cải cách hành chính và chuyển đổi số năm 2023 của huyện\tQuý I');
    expect(lines).toContain('2\tSơ kết phong trào thi đua\tTháng 6/2023');
    expect(lines).toContain('Nơi nhận:\tTM. ỦY BAN NHÂN DÂN');
    expect(source.pageTexts[0].text).toContain('ứng dụng công nghệ thông tin');
  });
});

describe('DOCX', () => {
  const p = (text: string, numId?: number, ilvl = 0) =>
    `<w:p>${numId ? `<w:pPr><w:numPr><w:ilvl w:val="${ilvl}"/><w:numId w:val="${numId}"/></w:numPr></w:pPr>` : ''}<w:r><w:t xml:space="preserve">${text}</w:t></w:r></w:p>`;
  const numbering = `
    <w:abstractNum w:abstractNumId="0">
      <w:lvl w:ilvl="0"><w:start w:val="1"/><w:numFmt w:val="upperRoman"/><w:lvlText w:val="%1."/></w:lvl>
      <w:lvl w:ilvl="1"><w:start w:val="1"/><w:numFmt w:val="decimal"/><w:lvlText w:val="%2."/></w:lvl>
      <w:lvl w:ilvl="2"><w:start w:val="1"/><w:numFmt w:val="lowerLetter"/><w:lvlText w:val="%3)"/></w:lvl>
    </w:abstractNum>
    <w:abstractNum w:abstractNumId="1"><w:lvl w:ilvl="0"><w:numFmt w:val="bullet"/><w:lvlText w:val="-"/></w:lvl></w:abstractNum>
    <w:num w:numId="1"><w:abstractNumId w:val="0"/></w:num>
    <w:num w:numId="2"><w:abstractNumId w:val="1"/></w:num>`;

  it('writes the list labels Word draws, in document order with tables and text boxes', async () => {
    const textBox =
      '<w:p><w:r><w:t>Căn cứ Kế hoạch số 07/KH-UBND.</w:t></w:r><w:r><mc:AlternateContent xmlns:mc="http://schemas.openxmlformats.org/markup-compatibility/2006">' +
      '<mc:Choice Requires="wps"><w:drawing><w:txbxContent><w:p><w:r><w:t>DỰ THẢO</w:t></w:r></w:p></w:txbxContent></w:drawing></mc:Choice>' +
      '<mc:Fallback><w:pict><w:txbxContent><w:p><w:r><w:t>DỰ THẢO</w:t></w:r></w:p></w:txbxContent></w:pict></mc:Fallback></mc:AlternateContent></w:r></w:p>';
    const table =
      '<w:tbl><w:tr><w:tc><w:p><w:r><w:t>STT</w:t></w:r></w:p></w:tc><w:tc><w:p><w:r><w:t>Nội dung</w:t></w:r></w:p></w:tc><w:tc><w:p><w:r><w:t>Thời gian</w:t></w:r></w:p></w:tc></w:tr>' +
      '<w:tr><w:tc><w:p><w:r><w:t>1</w:t></w:r></w:p></w:tc><w:tc><w:p><w:r><w:t>Hội nghị</w:t></w:r></w:p><w:p><w:r><w:t>triển khai</w:t></w:r></w:p></w:tc><w:tc><w:p><w:r><w:t>Quý I</w:t></w:r></w:p></w:tc></w:tr></w:tbl>';
    const body = [
      textBox,
      p('MỤC ĐÍCH, YÊU CẦU', 1, 0),
      p('Mục đích', 1, 1),
      p('Tạo không khí thi đua', 1, 2),
      p('Biểu dương kịp thời', 1, 2),
      p('Yêu cầu', 1, 1),
      p('Thiết thực', 2),
      p('NỘI DUNG', 1, 0),
      p('Thi đua', 1, 1),
      table,
    ].join('');
    const source = await ingestBytes(makeDocx(body, numbering), 'sample.docx');
    const lines = source.pageTexts[0].text.split('\n').filter((l) => l !== '');
    expect(lines).toEqual([
      'Căn cứ Kế hoạch số 07/KH-UBND.',
      'DỰ THẢO',
      'I. MỤC ĐÍCH, YÊU CẦU',
      '1. Mục đích',
      'a) Tạo không khí thi đua',
      'b) Biểu dương kịp thời',
      '2. Yêu cầu',
      '- Thiết thực',
      'II. NỘI DUNG',
      '1. Thi đua',
      'STT\tNội dung\tThời gian',
      '1\tHội nghị triển khai\tQuý I',
    ]);
    expect(source.format).toBe('docx');
  });

  it('a DOCX without word/document.xml is invalid', async () => {
    const bytes = readFileSync(join(VARIANTS, '000_499ce2f91f22c4b0.docx'));
    await expect(ingestBytes(bytes.subarray(0, 200), 'cut.docx')).rejects.toThrow(/DOCX|zip/);
  });
});
