// Blocks shared by the two award forms, laid out by Nghị định 30/2020 (văn thư), Phụ lục I:
// the two-column header (cơ quan ban hành | Quốc hiệu, Tiêu ngữ), the số/ký hiệu and
// địa danh-ngày line, the DỰ THẢO mark and the closing page listing the problems of a draft.
// Tags are those of the data model in pipeline/forms/model.ts (docs/forms/data-model.md).
import { TEXT_WIDTH, mm, paragraph, row, run, table } from './ooxml.js';

/** Left column of the header (cơ quan) and right column (Quốc hiệu); ND30 puts ~40/60. */
export const HEADER_LEFT = mm(66);
export const HEADER_RIGHT = TEXT_WIDTH - HEADER_LEFT;

/** "DỰ THẢO" in a box at the top right, only when the data's `draft` is true. */
export function draftMark(): string[] {
  return [
    paragraph('{#draft}'),
    paragraph([run('DỰ THẢO', { bold: true, size: 13, boxed: true })], { align: 'right', after: 6 }),
    paragraph('{/draft}'),
  ];
}

/**
 * The two-column header. `upper` is the line above the body's name (cơ quan chủ quản, not
 * bold), `name` the body's name (bold) — both IN HOA, 13 pt — with a short rule under the
 * name; `numberLine` the "Số: …/TTr-…" line (omitted when null). On the right the Quốc hiệu
 * (13 pt bold), the Tiêu ngữ (14 pt bold) with a rule its own length, and the place-and-date
 * line in italics.
 */
export function headerBlock(tags: { upper: string; name: string; numberLine: string | null; placeDate: string }): string {
  if (!/^\{[\w.]+\}$/.test(tags.upper)) throw new Error('headerBlock: `upper` must be a single tag');
  // The upper line is a section on its own value: when it is empty, no blank line is left.
  const upperTag = tags.upper.replace(/^\{|\}$/g, '');
  const left = [
    paragraph(`{#${upperTag}}`),
    paragraph(tags.upper, { align: 'center', run: { size: 13 } }),
    paragraph(`{/${upperTag}}`),
    paragraph(tags.name, { align: 'center', after: 5, run: { size: 13, bold: true } }),
    // Short rule centred under the name: 1/3–1/2 of the text's length (ND30 Mục V, ô 2).
    paragraph('', { ruleAbove: true, indentLeft: 22, indentRight: 22, run: { size: 4 } }),
  ];
  const right = [
    paragraph('CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM', { align: 'center', run: { size: 13, bold: true } }),
    paragraph('Độc lập - Tự do - Hạnh phúc', { align: 'center', after: 2, run: { size: 14, bold: true } }),
    // Rule under the Tiêu ngữ, as long as the Tiêu ngữ itself (≈ 65 mm at 14 pt bold).
    paragraph('', { ruleAbove: true, indentLeft: 18.5, indentRight: 18.5, run: { size: 4 } }),
  ];
  const rows = [
    row([
      { width: HEADER_LEFT, content: left },
      { width: HEADER_RIGHT, content: right },
    ]),
    row([
      {
        width: HEADER_LEFT,
        content: [paragraph(tags.numberLine ?? '', { align: 'center', before: 6, run: { size: 13 } })],
      },
      { width: HEADER_RIGHT, content: [paragraph(tags.placeDate, { align: 'center', before: 6, run: { size: 14, italic: true } })] },
    ]),
  ];
  return table({ columns: [HEADER_LEFT, HEADER_RIGHT], borders: false, rows });
}

/** Body paragraph: justified, first line indented 1 cm, 6 pt between paragraphs (ND30 §II.6.e). */
export function bodyParagraph(text: string, options: { italic?: boolean; bold?: boolean; keepNext?: boolean } = {}): string {
  return paragraph(text, {
    align: 'both',
    firstLine: 10,
    before: 3,
    after: 3,
    line: 1.15,
    keepNext: options.keepNext,
    run: { size: 14, italic: options.italic, bold: options.bold },
  });
}

/** Section heading "I. …" (IN HOA, bold) or "1. …" (bold). */
export function heading(text: string): string {
  return paragraph(text, { align: 'both', firstLine: 10, before: 6, after: 3, keepNext: true, run: { size: 14, bold: true } });
}

/** The last page of a draft: every problem found by the checks, numbered. */
export function problemsPage(title: string): string[] {
  return [
    paragraph('{#draft}'),
    paragraph(title, { align: 'center', pageBreakBefore: true, after: 6, run: { size: 14, bold: true } }),
    paragraph(
      'Hồ sơ này là DỰ THẢO: các vấn đề dưới đây được phát hiện khi đối chiếu với Kế hoạch và phải được xử lý trước khi trình ký.',
      { align: 'both', after: 6, run: { size: 13, italic: true } },
    ),
    paragraph('{#problems}'),
    paragraph('{no}. [{severity}] {message}', { align: 'both', after: 4, run: { size: 13 } }),
    paragraph('{/problems}'),
    paragraph('{/draft}'),
  ];
}

/** A border-less two-column row for the closing block (Nơi nhận | chữ ký). */
export function closingTable(left: string[], right: string[]): string {
  const leftWidth = mm(75);
  const rightWidth = TEXT_WIDTH - leftWidth;
  return table({
    columns: [leftWidth, rightWidth],
    borders: false,
    rows: [
      row(
        [
          { width: leftWidth, content: left },
          { width: rightWidth, content: right },
        ],
        { cantSplit: true },
      ),
    ],
  });
}
