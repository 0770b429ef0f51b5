// Messages of the library as the command line shows it (`thidua list`, `search`, `show`, `tree`)
// and the library's own errors. JSON output keeps its English field names.
import type { Entry } from './index.js';

export const LIBRARY: Record<string, Entry> = {
  // plan table (list, search)
  'library.col.id': { vi: 'Mã', en: 'ID' },
  'library.col.number': { vi: 'Số', en: 'Number' },
  'library.col.date': { vi: 'Ngày', en: 'Date' },
  'library.col.level': { vi: 'Cấp', en: 'Level' },
  'library.col.issuer': { vi: 'Cơ quan ban hành', en: 'Issuer' },
  'library.col.period': { vi: 'Thời gian', en: 'Period' },
  'library.col.title': { vi: 'Trích yếu', en: 'Title' },
  'library.col.rank': { vi: 'Độ khớp', en: 'Rank' },
  // tree
  'library.tree.line.people_committee': { vi: 'Ủy ban nhân dân (UBND)', en: 'People’s committees (UBND)' },
  'library.tree.line.police': { vi: 'Công an', en: 'Police (Công an)' },
  'library.tree.line.party': { vi: 'Đảng ủy', en: 'Party committees (Đảng ủy)' },
  'library.tree.line.other': { vi: 'Cơ quan khác', en: 'Other issuers' },
  'library.tree.missing': { vi: '[chưa có]', en: '[missing]' },
  'library.no-number': { vi: '(không số)', en: '(no number)' },
  'library.issuer-unknown': { vi: '(chưa rõ cơ quan)', en: '(issuer unknown)' },
  // show
  'library.show.plan': { vi: 'Kế hoạch', en: 'Plan' },
  'library.show.of-date': { vi: 'ngày {date}', en: 'of {date}' },
  'library.show.by-issuer': { vi: 'của {issuer}', en: 'by {issuer}' },
  'library.show.issuer': { vi: 'cơ quan:', en: 'issuer:' },
  'library.show.period': { vi: 'thời gian:', en: 'period:' },
  'library.show.reviews': { vi: 'các mốc {list}', en: 'reviews {list}' },
  'library.show.counts': {
    vi: 'nội dung: {contents} · khen thưởng: {awards} · tiêu chuẩn: {criteria} · hồ sơ: {dossier}',
    en: 'contents: {contents} · awards: {awards} · criteria: {criteria} · dossier: {dossier}',
  },
  'library.show.source': { vi: 'tệp:', en: 'source:' },
  'library.show.extractor': { vi: 'bộ đọc {extractor}', en: 'extractor {extractor}' },
  'library.show.ingested': { vi: 'nhập lúc:', en: 'ingested:' },
  'library.show.updated': { vi: 'sửa lúc {at}', en: 'updated {at}' },
  'library.show.basis': { vi: 'căn cứ:', en: 'basis:' },
  'library.show.missing-parent': { vi: 'CHƯA CÓ trong thư viện', en: 'MISSING from the library' },
  'library.show.missing-parents': { vi: 'văn bản căn cứ chưa có trong thư viện: {count}', en: 'missing parents: {count}' },
  'library.show.children': { vi: 'được thực hiện bởi:', en: 'implemented by:' },
  'library.show.diagnostics': { vi: 'chẩn đoán:', en: 'diagnostics:' },
  'library.show.line': { vi: 'dòng {line}', en: 'line {line}' },
  'library.yes': { vi: 'có', en: 'yes' },
  'library.no': { vi: 'không', en: 'no' },
  'library.relation.implements': { vi: 'thực hiện', en: 'implements' },
  'library.relation.pursuant': { vi: 'căn cứ', en: 'pursuant' },
  'library.severity.error': { vi: 'lỗi', en: 'error' },
  'library.severity.warning': { vi: 'cảnh báo', en: 'warning' },
  'library.severity.info': { vi: 'ghi chú', en: 'info' },
  // corrections (JSON Patch) refused
  'library.patch.empty': { vi: 'bản sửa (JSON Patch) phải là một danh sách thao tác, không rỗng', en: 'a JSON Patch is a non-empty array of operations' },
  'library.patch.too-many': { vi: 'quá nhiều thao tác trong một bản sửa (tối đa {max})', en: 'too many operations in one patch (at most {max})' },
  'library.patch.operation-invalid': { vi: '{name}: thao tác {n}', en: '{name}: operation {n}' },
  'library.patch.forbidden': { vi: 'không được sửa đường dẫn "{path}"', en: 'the path "{path}" cannot be corrected' },
  'library.patch.failed': { vi: 'thao tác {n} ({op} {path}): {detail}', en: 'operation {n} ({op} {path}): {detail}' },
  // the library's errors
  'library.err.create-dir': { vi: 'không tạo được thư mục thư viện ({code})', en: 'cannot create the library directory ({code})' },
  'library.err.open-db': { vi: 'không mở được cơ sở dữ liệu của thư viện ({detail})', en: 'cannot open the library database ({detail})' },
  'library.err.lock': { vi: 'không khóa được thư mục thư viện', en: 'cannot lock the library directory' },
  'library.err.schema-name': { vi: 'lược đồ "{name}" không phải một tên SQL thường, chữ thường', en: 'schema "{name}" is not a plain lower-case SQL name' },
  'library.err.not-postgres-url': { vi: 'không phải một địa chỉ postgres://', en: 'is not a postgres:// URL' },
  'library.err.connect': { vi: 'không kết nối được cơ sở dữ liệu của thư viện ({detail})', en: 'cannot connect to the library database ({detail})' },
};
