// The legal basis a Tờ trình đề nghị khen thưởng cites first (Căn cứ): the Luật Thi đua, khen
// thưởng and the Government decree that details it, each as in force on the Tờ trình's date.
//
// Sources of the dates (../shared/reference, not copied here):
// - Luật Thi đua, khen thưởng số 06/2022/QH15 ngày 15/6/2022, hiệu lực 01/01/2024 (law page
//   metadata quoted in reference/law_notes.md §1: "Ngày ban hành: 15/06/2022 | Ngày hiệu lực:
//   01/01/2024"). Before it: the Luật of 26/11/2003 as amended on 14/6/2005 and 16/11/2013, cited
//   in that form by Quyết định 587/QĐ-TTg (2022) (shared/dev-plans); the 2013 amendment took
//   effect on 01/6/2014.
// - Nghị định 152/2025/NĐ-CP ngày 14/6/2025, hiệu lực 01/7/2025; it ends Nghị định 98/2023/NĐ-CP
//   from that day (Điều 59, quoted in reference/forms_index.md §A and sources/tvpl_qa_152-*).
// - Nghị định 98/2023/NĐ-CP ngày 31/12/2023 detailing the 2022 Luật, in force with it from
//   01/01/2024 (forms_index.md §B: "replaced by 152/2025 from 01/7/2025").
// - Nghị định 91/2017/NĐ-CP ngày 31/7/2017, in force from its signature (cited "Nghị định số
//   91/2017/NĐ-CP ngày 31/7/2017 của Chính phủ quy định chi tiết thi hành một số điều của Luật
//   Thi đua, khen thưởng" in Hướng dẫn 04/HD-VKSTC 2023, shared/dev-plans).
import { compareDates, parseIsoDate, type CalendarDate } from './dates.js';

export interface LegalText {
  /** First day in force (ISO). */
  from: string;
  /** How a Căn cứ line cites it (without "Căn cứ" and final punctuation). */
  citation: string;
  /** Folded words that identify it in a line someone else wrote (to avoid citing it twice). */
  keys: string[];
}

export const LAWS: LegalText[] = [
  {
    from: '2014-06-01',
    citation:
      'Luật Thi đua, khen thưởng ngày 26 tháng 11 năm 2003; Luật sửa đổi, bổ sung một số điều của Luật Thi đua, khen thưởng ngày 14 tháng 6 năm 2005 và ngày 16 tháng 11 năm 2013',
    keys: ['luat thi dua khen thuong'],
  },
  { from: '2024-01-01', citation: 'Luật Thi đua, khen thưởng ngày 15 tháng 6 năm 2022', keys: ['luat thi dua khen thuong'] },
];

export const DECREES: LegalText[] = [
  {
    from: '2017-07-31',
    citation: 'Nghị định số 91/2017/NĐ-CP ngày 31 tháng 7 năm 2017 của Chính phủ quy định chi tiết thi hành một số điều của Luật Thi đua, khen thưởng',
    keys: ['91 2017 nd cp'],
  },
  {
    from: '2024-01-01',
    citation: 'Nghị định số 98/2023/NĐ-CP ngày 31 tháng 12 năm 2023 của Chính phủ quy định chi tiết thi hành một số điều của Luật Thi đua, khen thưởng',
    keys: ['98 2023 nd cp'],
  },
  {
    from: '2025-07-01',
    citation:
      'Nghị định số 152/2025/NĐ-CP ngày 14 tháng 6 năm 2025 của Chính phủ quy định về phân cấp, phân quyền trong lĩnh vực thi đua, khen thưởng; quy định chi tiết và hướng dẫn thi hành một số điều của Luật Thi đua, khen thưởng',
    keys: ['152 2025 nd cp'],
  },
];

/** The text of a table in force on a date: the last one that took effect on or before it. */
export function inForce(table: LegalText[], date: CalendarDate): LegalText | null {
  let found: LegalText | null = null;
  for (const text of table) if (compareDates(parseIsoDate(text.from)!, date) <= 0) found = text;
  return found;
}

/** The law and the decree in force on the date (either may be null before the table begins). */
export function legalBasis(date: CalendarDate): LegalText[] {
  return [inForce(LAWS, date), inForce(DECREES, date)].filter((x): x is LegalText => x !== null);
}
