// Catalogue entries of `thidua text` (the text thidua reads, page by page).
import type { Entry } from './index.js';

export const TEXT: Record<string, Entry> = {
  'text.description': {
    vi: 'in văn bản thidua đọc được từ một tệp (văn bản, PDF, ảnh quét, DOCX), sau nhận dạng (OCR) và chuẩn hóa, có dấu ngắt trang',
    en: 'print the text thidua reads from a file (text, PDF, scan, DOCX), after OCR and normalisation, with page markers',
  },
  'text.argument-file': { vi: 'tệp văn bản cần đọc', en: 'the document to read' },
  'text.option-pages': { vi: 'chỉ đọc các trang này của PDF hoặc ảnh nhiều trang, ví dụ 1-3', en: 'only these pages of a PDF or multi-page image, e.g. 1-3' },
  'text.option-raw': {
    vi: 'văn bản trước khi chuẩn hóa (chưa khôi phục dấu, chưa giải mã TCVN3/VNI)',
    en: 'the text before normalisation (no diacritic restoration, no TCVN3/VNI decoding)',
  },
  'text.option-layout': {
    vi: 'giữ các dòng như trình phân tích đọc (hai cột trên một dòng, ngăn bằng TAB; số dòng khớp với "line" trong bản ghi)',
    en: 'keep the lines as the parser reads them (two columns on one line, separated by a TAB; line numbers match the record\'s "line")',
  },
  'text.option-out': { vi: 'ghi văn bản ra tệp này thay vì ra màn hình', en: 'write the text to this file instead of standard output' },
  'text.option-quiet': { vi: 'không in tiến độ và ghi chú OCR ra stderr', en: 'no progress and no OCR notes on standard error' },
  'text.help-after': {
    vi: '\nMặc định, khối hai cột (phần đầu văn bản, phần Nơi nhận và chữ ký) được in theo thứ tự đọc: hết cột trái rồi đến cột phải.\nMã thoát: 0 nếu thành công; 1 nếu tệp đầu vào hỏng (thông báo nêu tên tệp và lỗi); 2 nếu dùng sai lệnh.',
    en: '\nBy default a two-column block (the document header, the closing block) is printed in reading order: the left column, then the right one.\nExit status: 0 on success; 1 for a bad input (the message names the file and the problem); 2 for a usage error.',
  },
  'text.page-marker': { vi: '——— Trang {page} ———', en: '——— Page {page} ———' },
  'text.bad-pages': { vi: '--pages nhận một trang hoặc một khoảng như 1-3, không nhận "{value}"', en: '--pages takes a page or a range such as 1-3, not "{value}"' },
  'text.no-text': { vi: 'không đọc được chữ nào từ tệp', en: 'no text could be read from the file' },
};
