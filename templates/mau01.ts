// Mẫu số 01 (Nghị định 152/2025/NĐ-CP): Tờ trình đề nghị khen thưởng — the submitting body's
// request to the conferring authority, with the list of nominees. The verbatim form of 152 was
// not available (see ../shared/reference/mau01.md); the skeleton follows the 98/2023 Mẫu 01,
// real Tờ trình and the Nghị định 30/2020 layout (văn bản có tên loại, Mẫu 1.4).
import { TEXT_WIDTH, mm, packDocx, paragraph, row, table } from './ooxml.js';
import { bodyParagraph, closingTable, draftMark, headerBlock, problemsPage } from './common.js';

/** Columns of the nominee list: STT | name | position, unit | kind, category. */
const LIST_COLUMNS = [mm(12), mm(55), mm(55), TEXT_WIDTH - mm(12) - mm(55) - mm(55)];

function cell(width: number, text: string, options: { bold?: boolean; align?: 'left' | 'center' } = {}) {
  return {
    width,
    verticalAlign: 'center' as const,
    content: [paragraph(text, { align: options.align ?? 'left', before: 2, after: 2, run: { size: 13, bold: options.bold } })],
  };
}

function nomineeTable(): string {
  const [no, name, unit, kind] = LIST_COLUMNS as [number, number, number, number];
  // The header row repeats on every page (w:tblHeader); a row never splits across pages.
  const header = row(
    [
      cell(no, 'STT', { bold: true, align: 'center' }),
      cell(name, 'Tên tập thể, họ và tên cá nhân', { bold: true, align: 'center' }),
      cell(unit, 'Chức vụ, đơn vị', { bold: true, align: 'center' }),
      cell(kind, 'Loại, nhóm', { bold: true, align: 'center' }),
    ],
    { header: true, cantSplit: true },
  );
  // One row per nominee: the loop tags sit in the first and last cells of the same row.
  const item = row(
    [
      cell(no, '{#nominees}{no}', { align: 'center' }),
      cell(name, '{name}'),
      cell(unit, '{positionUnit}'),
      cell(kind, '{kindCategory}{/nominees}'),
    ],
    { cantSplit: true },
  );
  return table({ columns: LIST_COLUMNS, borders: true, rows: [header, item], center: true });
}

export function mau01Body(): string[] {
  return [
    ...draftMark(),
    headerBlock({ upper: '{header.upper}', name: '{header.name}', numberLine: '{number}', placeDate: '{placeDate}' }),
    paragraph('', { after: 6 }),
    paragraph('TỜ TRÌNH', { align: 'center', before: 6, run: { size: 14, bold: true } }),
    paragraph('{subject}', { align: 'center', after: 4, run: { size: 14, bold: true } }),
    paragraph('', { ruleAbove: true, indentLeft: 62, indentRight: 62, after: 6, run: { size: 4 } }),
    paragraph('Kính gửi: {addressee}.', { align: 'center', before: 6, after: 12, run: { size: 14 } }),
    paragraph('{#basis}'),
    bodyParagraph('{line}', { italic: true }),
    paragraph('{/basis}'),
    bodyParagraph('{proposal}'),
    paragraph('{#hasNominees}'),
    paragraph('DANH SÁCH TẬP THỂ, CÁ NHÂN ĐỀ NGHỊ KHEN THƯỞNG', {
      align: 'center',
      before: 6,
      after: 6,
      keepNext: true,
      run: { size: 14, bold: true },
    }),
    paragraph('{/hasNominees}'),
    nomineeTable(),
    paragraph('', { after: 3 }),
    bodyParagraph('{enclosure}', { italic: true }),
    // The closing sentence stays on the page of the signature block.
    bodyParagraph('{closing}', { keepNext: true }),
    paragraph('', { after: 6, keepNext: true }),
    closingTable(
      [
        paragraph('Nơi nhận:', { run: { size: 12, bold: true, italic: true } }),
        paragraph('{#recipients}'),
        paragraph('{line}', { run: { size: 11 } }),
        paragraph('{/recipients}'),
      ],
      [
        paragraph('{#signer.lines}'),
        paragraph('{text}', { align: 'center', run: { size: 14, bold: true } }),
        paragraph('{/signer.lines}'),
        paragraph('', { after: 60 }),
        paragraph('{signer.name}', { align: 'center', run: { size: 14, bold: true } }),
      ],
    ),
    ...problemsPage('CÁC VẤN ĐỀ PHẢI XỬ LÝ TRƯỚC KHI TRÌNH KÝ'),
  ];
}

export function buildMau01(): Uint8Array {
  return packDocx(mau01Body(), { title: 'Mẫu số 01 — Tờ trình đề nghị khen thưởng' });
}
