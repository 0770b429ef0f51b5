// Mẫu số 08 (Nghị định 152/2025/NĐ-CP): Báo cáo thành tích đề nghị khen thưởng thi đua theo
// chuyên đề — one report per nominee (tập thể or cá nhân). The verbatim form of 152 was not
// available (see ../shared/reference/mau08.md §2): this is the reconstructed skeleton (sơ lược,
// thành tích đạt được measured against the plan's criteria, signatures and the submitting
// body's confirmation), laid out by Nghị định 30/2020.
import { TEXT_WIDTH, mm, packDocx, paragraph, row, table } from './ooxml.js';
import { bodyParagraph, closingTable, draftMark, headerBlock, heading, problemsPage } from './common.js';

/** Columns of the criteria table: STT | the plan's criterion | declared result | assessment. */
const CRITERIA_COLUMNS = [mm(12), mm(88), mm(35), TEXT_WIDTH - mm(12) - mm(88) - mm(35)];

function cell(width: number, text: string, options: { bold?: boolean; align?: 'left' | 'center' | 'both' } = {}) {
  return {
    width,
    verticalAlign: 'center' as const,
    content: [paragraph(text, { align: options.align ?? 'left', before: 2, after: 2, run: { size: 13, bold: options.bold } })],
  };
}

function criteriaTable(): string {
  const [no, text, result, assessment] = CRITERIA_COLUMNS as [number, number, number, number];
  const header = row(
    [
      cell(no, 'STT', { bold: true, align: 'center' }),
      cell(text, 'Tiêu chuẩn theo Kế hoạch', { bold: true, align: 'center' }),
      cell(result, 'Kết quả', { bold: true, align: 'center' }),
      cell(assessment, 'Đánh giá', { bold: true, align: 'center' }),
    ],
    { header: true, cantSplit: true },
  );
  // A criterion's row never splits across pages; the header row repeats on every page.
  const item = row(
    [
      cell(no, '{#criteria}{no}', { align: 'center' }),
      cell(text, '{text}', { align: 'both' }),
      cell(result, '{result}', { align: 'center' }),
      cell(assessment, '{assessment}{/criteria}', { align: 'center' }),
    ],
    { cantSplit: true },
  );
  return table({ columns: CRITERIA_COLUMNS, borders: true, rows: [header, item], center: true });
}

export function mau08Body(): string[] {
  return [
    ...draftMark(),
    headerBlock({ upper: '{header.upper}', name: '{header.name}', numberLine: null, placeDate: '{placeDate}' }),
    paragraph('', { after: 6 }),
    paragraph('BÁO CÁO THÀNH TÍCH', { align: 'center', before: 6, run: { size: 14, bold: true } }),
    paragraph('ĐỀ NGHỊ TẶNG {award.fullUpper}', { align: 'center', run: { size: 14, bold: true } }),
    paragraph('({campaignLine})', { align: 'center', before: 3, after: 5, run: { size: 14, italic: true } }),
    paragraph('', { ruleAbove: true, indentLeft: 62, indentRight: 62, after: 6, run: { size: 4 } }),
    paragraph('{nominee.kindLabel}: {nominee.name}', { align: 'center', before: 6, after: 6, run: { size: 14, bold: true } }),
    heading('I. {profileTitle}'),
    paragraph('{#profile}'),
    bodyParagraph('- {label}: {value}'),
    paragraph('{/profile}'),
    heading('II. THÀNH TÍCH ĐẠT ĐƯỢC'),
    heading('1. Kết quả thực hiện các tiêu chuẩn của {plan.reference}'),
    paragraph('{#hasCriteria}'),
    criteriaTable(),
    paragraph('{/hasCriteria}'),
    paragraph('{^hasCriteria}'),
    bodyParagraph('Kế hoạch không quy định tiêu chuẩn khen thưởng cho {nominee.kindPlural}.', { italic: true }),
    paragraph('{/hasCriteria}'),
    heading('2. Thành tích cụ thể'),
    bodyParagraph('{achievements}'),
    paragraph('', { after: 12 }),
    closingTable(
      [
        paragraph('XÁC NHẬN CỦA CẤP TRÌNH KHEN THƯỞNG', { align: 'center', run: { size: 13, bold: true } }),
        paragraph('{#confirmer.lines}'),
        paragraph('{text}', { align: 'center', run: { size: 13, bold: true } }),
        paragraph('{/confirmer.lines}'),
        paragraph('(Ký, đóng dấu)', { align: 'center', run: { size: 13, italic: true } }),
        paragraph('', { after: 60 }),
        paragraph('{confirmer.name}', { align: 'center', run: { size: 13, bold: true } }),
      ],
      [
        paragraph('{reporter.title}', { align: 'center', run: { size: 14, bold: true } }),
        paragraph('{reporter.hint}', { align: 'center', run: { size: 13, italic: true } }),
        paragraph('', { after: 60 }),
        paragraph('{reporter.name}', { align: 'center', run: { size: 14, bold: true } }),
      ],
    ),
    ...problemsPage('CÁC VẤN ĐỀ PHẢI XỬ LÝ TRƯỚC KHI TRÌNH KÝ'),
  ];
}

export function buildMau08(): Uint8Array {
  return packDocx(mau08Body(), { title: 'Mẫu số 08 — Báo cáo thành tích đề nghị khen thưởng thi đua theo chuyên đề' });
}
