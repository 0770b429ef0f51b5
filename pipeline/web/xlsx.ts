// Exports to XLSX (ExcelJS): the library's plan list, and one plan's record sheet by sheet.
// Values are written as plain cells (a text starting with "=" stays text, never a formula).
import ExcelJS from 'exceljs';
import type { PlanSummary } from '../library/library.js';
import type { PlanRecord } from '../record/schema.js';
import type { Lang } from '../messages/index.js';

const H = {
  vi: {
    plans: 'Kế hoạch', id: 'ID', number: 'Số, ký hiệu', date: 'Ngày ban hành', level: 'Cấp', kind: 'Loại cơ quan', issuer: 'Cơ quan ban hành', period: 'Thời gian', title: 'Trích yếu',
    info: 'Thông tin', field: 'Trường', value: 'Giá trị', contents: 'Nội dung thi đua', awards: 'Khen thưởng', criteria: 'Tiêu chuẩn', diagnostics: 'Cảnh báo', basis: 'Căn cứ',
    occasion: 'Dịp', award: 'Hình thức', conferrer: 'Cấp khen', recipient: 'Đối tượng', quantity: 'Số lượng', limit: 'Giới hạn', text: 'Nội dung', severity: 'Mức', code: 'Mã', message: 'Thông báo', line: 'Dòng', relation: 'Quan hệ', type: 'Loại văn bản', subject: 'Trích yếu',
  },
  en: {
    plans: 'Plans', id: 'ID', number: 'Number', date: 'Date', level: 'Level', kind: 'Issuer kind', issuer: 'Issuer', period: 'Period', title: 'Title',
    info: 'Identification', field: 'Field', value: 'Value', contents: 'Contents', awards: 'Awards', criteria: 'Criteria', diagnostics: 'Diagnostics', basis: 'Basis',
    occasion: 'Occasion', award: 'Award', conferrer: 'Conferrer', recipient: 'Recipient', quantity: 'Quantity', limit: 'Limit', text: 'Text', severity: 'Severity', code: 'Code', message: 'Message', line: 'Line', relation: 'Relation', type: 'Type', subject: 'Subject',
  },
};

function period(from: number | null, to: number | null): string {
  if (from === null) return '';
  return to === null || to === from ? String(from) : `${from}–${to}`;
}

function sheet(book: ExcelJS.Workbook, name: string, headers: string[], rows: unknown[][], widths: number[]): void {
  const ws = book.addWorksheet(name.slice(0, 31));
  ws.columns = headers.map((header, i) => ({ header, width: widths[i] ?? 20 }));
  ws.getRow(1).font = { bold: true };
  ws.views = [{ state: 'frozen', ySplit: 1 }];
  for (const row of rows) ws.addRow(row.map((v) => (v === null || v === undefined ? '' : typeof v === 'number' ? v : String(v))));
}

export async function plansWorkbook(plans: PlanSummary[], lang: Lang): Promise<Uint8Array> {
  const h = H[lang];
  const book = new ExcelJS.Workbook();
  book.creator = 'thidua';
  sheet(
    book,
    h.plans,
    [h.id, h.number, h.date, h.level, h.kind, h.issuer, h.period, h.title],
    plans.map((p) => [p.id, p.number, p.date, p.level, p.kind, p.issuer, period(p.periodFrom, p.periodTo), p.title]),
    [8, 18, 12, 10, 16, 40, 12, 70],
  );
  return new Uint8Array(await book.xlsx.writeBuffer());
}

export async function planWorkbook(id: number, r: PlanRecord, lang: Lang): Promise<Uint8Array> {
  const h = H[lang];
  const d = r.document;
  const book = new ExcelJS.Workbook();
  book.creator = 'thidua';
  sheet(
    book,
    h.info,
    [h.field, h.value],
    [
      [h.id, id],
      [h.type, d.type],
      [h.number, d.number],
      [h.date, d.date],
      [h.issuer, d.issuer.name],
      [h.level, d.issuer.level],
      [h.title, d.title],
      [h.period, period(r.period.from, r.period.to)],
    ],
    [24, 90],
  );
  sheet(book, h.basis, [h.relation, h.type, h.number, h.date, h.issuer, h.subject], r.basis.map((b) => [b.relation, b.type, b.number, b.date, b.issuer, b.subject]), [12, 14, 18, 12, 40, 60]);
  sheet(book, h.contents, ['#', h.text], r.contents.map((c, i) => [i + 1, c]), [6, 120]);
  sheet(
    book,
    h.awards,
    [h.occasion, h.award, h.conferrer, h.recipient, h.quantity, h.limit],
    r.awards.map((a) => [a.occasion, a.title, a.conferrer, a.recipient, a.quantity, a.limit]),
    [12, 50, 40, 14, 10, 12],
  );
  sheet(book, h.criteria, [h.recipient, h.conferrer, h.text], r.criteria.map((c) => [c.recipient, c.conferrer, c.text]), [14, 40, 100]);
  sheet(book, h.diagnostics, [h.severity, h.code, h.message, h.line], r.diagnostics.map((g) => [g.severity, g.code, g.message, g.line]), [10, 24, 90, 8]);
  return new Uint8Array(await book.xlsx.writeBuffer());
}
