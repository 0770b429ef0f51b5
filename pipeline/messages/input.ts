// Catalogue entries for refused inputs (pipeline/errors.ts InputError): the file is named by
// the caller, these say what is wrong with it and, where there is one, what to do.
import type { Entry } from './index.js';

export const INPUT: Record<string, Entry> = {
  'input.stdin': { vi: '<đầu vào chuẩn>', en: '<stdin>' },
  // reaching the file
  'input.no-such-file': { vi: 'không có tệp này', en: 'no such file' },
  'input.is-directory': { vi: 'là một thư mục, không phải một tệp', en: 'is a directory, not a file' },
  'input.not-regular-file': { vi: 'không phải một tệp thông thường', en: 'is not a regular file' },
  'input.cannot-read': { vi: 'không đọc được tệp ({reason})', en: 'cannot read the file ({reason})' },
  'input.file-too-large': { vi: 'tệp có dung lượng {size}, vượt giới hạn {limit}', en: 'the file is {size}, over the limit of {limit}' },
  'input.input-too-large': { vi: 'dữ liệu vào có dung lượng {size}, vượt giới hạn {limit}', en: 'the input is {size}, over the limit of {limit}' },
  'input.empty': { vi: 'tệp rỗng', en: 'the file is empty' },
  'input.only-white-space': { vi: 'tệp chỉ chứa khoảng trắng', en: 'the file holds only white space' },
  'input.no-files': { vi: 'không tìm thấy tệp kế hoạch nào', en: 'no plan files found' },
  'input.too-many-files': { vi: 'có hơn {limit} tệp cần nạp', en: 'more than {limit} files to ingest' },
  // plan record files (JSON)
  'input.record-not-json': { vi: 'không phải JSON hợp lệ', en: 'is not valid JSON' },
  'input.record-not-plan': { vi: 'là JSON nhưng không phải bản ghi kế hoạch (thiếu "schema": "{schema}")', en: 'is JSON but not a plan record (no "schema": "{schema}")' },
  'input.record-invalid': { vi: 'không phải bản ghi kế hoạch hợp lệ: {field}: {problem}', en: 'is not a valid plan record: {field}: {problem}' },
  'input.record-too-large': { vi: 'tệp bản ghi lớn hơn {limit} MB', en: 'the record file is over {limit} MB' },
  // formats
  'input.xlsx': {
    vi: 'đây là bảng tính (XLSX), không phải văn bản kế hoạch; hãy dùng PDF, DOCX hoặc văn bản thuần',
    en: 'this is a spreadsheet (XLSX), not a plan document; use PDF, DOCX or text',
  },
  'input.pptx': {
    vi: 'đây là bài trình chiếu (PPTX), không phải văn bản kế hoạch; hãy dùng PDF, DOCX hoặc văn bản thuần',
    en: 'this is a presentation (PPTX), not a plan document; use PDF, DOCX or text',
  },
  'input.odf': {
    vi: 'không hỗ trợ tệp OpenDocument (ODT); hãy lưu lại dưới dạng DOCX hoặc PDF',
    en: 'OpenDocument files (ODT) are not supported; save it as DOCX or PDF',
  },
  'input.zip': {
    vi: 'đây là tệp nén zip, không phải văn bản; hãy giải nén và dùng tệp PDF hoặc DOCX bên trong',
    en: 'this is a zip archive, not a document; unpack it and give the PDF or DOCX inside',
  },
  'input.office-encrypted': {
    vi: 'tài liệu Office được bảo vệ bằng mật khẩu; hãy mở và lưu một bản không đặt mật khẩu',
    en: 'the Office document is protected by a password; open it and save an unprotected copy',
  },
  'input.old-office': { vi: 'đây là tệp Office cũ (DOC/XLS); hãy lưu lại dưới dạng DOCX hoặc PDF', en: 'this is an old Office file (DOC/XLS); save it as DOCX or PDF' },
  'input.rtf': { vi: 'không hỗ trợ RTF; hãy lưu lại dưới dạng DOCX hoặc PDF', en: 'RTF is not supported; save it as DOCX or PDF' },
  'input.image-format': { vi: 'không hỗ trợ ảnh {format}; hãy dùng PNG, JPEG, TIFF hoặc WebP', en: '{format} images are not supported; use PNG, JPEG, TIFF or WebP' },
  'input.binary': {
    vi: 'tệp nhị phân không thuộc định dạng nào được hỗ trợ (văn bản, markdown, PDF, DOCX, PNG, JPEG, TIFF, WebP)',
    en: 'the file is binary and of no supported format (text, markdown, PDF, DOCX, PNG, JPEG, TIFF, WebP)',
  },
  'input.not-text': { vi: 'dữ liệu vào là tệp nhị phân, không phải văn bản', en: 'the input is binary, not text' },
  // PDF
  'input.pdf-truncated': {
    vi: 'tệp PDF bị cắt cụt: thiếu dấu kết thúc tệp (tải về hoặc sao chép chưa xong?)',
    en: 'the PDF is truncated: it ends without its end-of-file marker (an incomplete download or copy?)',
  },
  'input.pdf-encrypted': {
    vi: 'tệp PDF được bảo vệ bằng mật khẩu; hãy mở và lưu một bản không đặt mật khẩu',
    en: 'the PDF is protected by a password; open it and save an unprotected copy',
  },
  'input.pdf-damaged': {
    vi: 'tệp PDF bị hỏng, không đọc được; hãy mở bằng một trình đọc PDF rồi lưu (hoặc in) lại thành tệp PDF mới',
    en: 'the PDF is damaged and cannot be read; open it in a PDF reader and save (or print) it again as a new PDF',
  },
  'input.pdf-too-many-pages': {
    vi: 'tệp PDF có {pages} trang, vượt giới hạn {limit} trang; hãy chọn các trang cần đọc bằng --pages',
    en: 'the PDF has {pages} pages, over the limit of {limit}; choose pages with --pages',
  },
  'input.no-such-page': { vi: 'tài liệu có {pages} trang; không có trang {page}', en: 'the document has {pages} page(s); there is no page {page}' },
  'input.too-many-pages-asked': { vi: 'yêu cầu đọc {count} trang, vượt giới hạn {limit} trang', en: '{count} pages asked for, over the limit of {limit}' },
  'input.page-image-too-large': {
    vi: 'trang {page} chứa ảnh {width}×{height} điểm ảnh, vượt giới hạn {limit} megapixel',
    en: 'page {page} holds an image of {width}×{height} pixels, over the limit of {limit} megapixels',
  },
  // images
  'input.image-too-large': {
    vi: 'ảnh có kích thước {width}×{height} điểm ảnh, vượt giới hạn {limit} megapixel',
    en: 'the image is {width}×{height} pixels, over the limit of {limit} megapixels',
  },
  'input.image-damaged': {
    vi: 'ảnh {format} bị hỏng, không giải mã được; hãy quét hoặc chụp lại, hoặc xuất lại ảnh',
    en: 'the {format} image is damaged and cannot be decoded; scan or photograph it again, or export it again',
  },
  'input.image-too-small': { vi: 'ảnh chỉ có {width}×{height} điểm ảnh: quá nhỏ để chứa chữ', en: 'the image is only {width}×{height} pixels: too small to hold text' },
  'input.image-one-page': { vi: 'ảnh chỉ có một trang; không có trang {page}', en: 'the image has one page; there is no page {page}' },
  'input.tiff-no-image': { vi: 'tệp TIFF không chứa ảnh nào', en: 'the TIFF file holds no image' },
  'input.tiff-too-many-pages': { vi: 'tệp TIFF có {pages} trang, vượt giới hạn {limit} trang', en: 'the TIFF has {pages} pages, over the limit of {limit}' },
  // DOCX and its zip
  'input.docx-damaged': {
    vi: 'tệp DOCX bị hỏng, không đọc được ({detail}); hãy mở bằng Word hoặc LibreOffice rồi lưu lại',
    en: 'the DOCX is damaged and cannot be read ({detail}); open it in Word or LibreOffice and save it again',
  },
  'input.docx-encrypted': { vi: 'tệp DOCX được mã hoá; hãy mở và lưu một bản không đặt mật khẩu', en: 'the DOCX is encrypted; open it and save an unprotected copy' },
  'input.docx-too-large': {
    vi: 'tệp DOCX giải nén ra nhiều hơn giới hạn {limit} (bom nén?)',
    en: 'the DOCX decompresses to more than the limit of {limit} (zip bomb?)',
  },
  'input.docx-too-many-entries': { vi: 'tệp DOCX chứa {count} mục nén, vượt giới hạn {limit}', en: 'the DOCX holds {count} zip entries, over the limit of {limit}' },
  'input.zip-no-directory': { vi: 'tệp nén không có thư mục trung tâm, có lẽ bị cắt cụt', en: 'the zip has no central directory, it is probably truncated' },
  'input.zip64': { vi: 'không hỗ trợ tệp nén ZIP64', en: 'ZIP64 archives are not supported' },
  'input.zip-directory-damaged': { vi: 'thư mục của tệp nén bị hỏng', en: 'the zip directory is damaged' },
  'input.zip-entry-damaged': { vi: 'mục {name} trong tệp nén bị hỏng', en: 'the zip entry {name} is damaged' },
  'input.zip-entry-cut': { vi: 'mục {name} trong tệp nén bị cắt ngắn', en: 'the zip entry {name} is cut short' },
  'input.zip-entry-inflate': { vi: 'mục {name} trong tệp nén không giải nén được', en: 'the zip entry {name} cannot be decompressed' },
  'input.zip-entry-method': { vi: 'mục {name} dùng phương thức nén không được hỗ trợ ({method})', en: 'the zip entry {name} uses an unsupported compression method ({method})' },
  'input.docx-no-document': { vi: 'không có phần word/document.xml', en: 'there is no word/document.xml' },
  'input.docx-bad-xml': { vi: 'phần {part} không phải XML hợp lệ', en: 'the part {part} is not well-formed XML' },
  'input.docx-no-body': { vi: 'không có thân văn bản', en: 'there is no document body' },
  // text and OCR
  'input.no-text': { vi: 'tài liệu không chứa chữ', en: 'the document holds no text' },
  'input.no-text-ocr': { vi: 'không đọc được chữ nào từ tài liệu (OCR không tìm thấy chữ)', en: 'no text could be read from the document (OCR found none)' },
  'input.ocr-failed': {
    vi: 'bộ nhận dạng chữ (OCR) không đọc được trang {page}; ảnh trang có thể bị hỏng',
    en: 'the OCR engine could not read page {page}; the page image may be damaged',
  },
  'input.ocr-timeout-before': { vi: 'OCR vượt quá thời gian cho phép (dừng trước trang {page})', en: 'OCR took longer than allowed (stopped before page {page})' },
  'input.ocr-timeout': { vi: 'OCR vượt quá thời gian cho phép (trang {page})', en: 'OCR took longer than allowed (page {page})' },
  'input.ocr-start-timeout': { vi: 'bộ OCR không khởi động được trong {seconds} giây', en: 'the OCR engine did not start within {seconds} s' },
  // limits of the guarded reader
  'input.timeout': {
    vi: 'việc đọc tệp vượt quá thời gian cho phép ({seconds} giây) nên đã bị dừng; tệp có thể bị hỏng',
    en: 'reading the file took longer than allowed ({seconds} s) and was stopped; the file may be damaged',
  },
  'input.stalled': {
    vi: 'một bước xử lý tệp ({stage}) chạy quá {seconds} giây nên đã bị dừng; tệp có thể bị hỏng hoặc quá lớn',
    en: 'one step of reading the file ({stage}) ran for more than {seconds} s and was stopped; the file may be damaged or too large',
  },
  'input.stage-read': { vi: 'đọc tệp', en: 'reading' },
  'input.stage-page': { vi: 'đọc và nhận dạng trang {page}/{total}', en: 'reading page {page} of {total}' },
  'input.stage-analyse': { vi: 'phân tích văn bản', en: 'analysing the text' },
  'input.out-of-memory': {
    vi: 'đọc tệp cần nhiều bộ nhớ hơn mức cho phép ({limit} MB) nên đã bị dừng; tệp có thể bị hỏng',
    en: 'reading the file needed more memory than allowed ({limit} MB) and was stopped; the file may be damaged',
  },
  'input.reader-failed': {
    vi: 'không đọc được tệp {format}: tệp có thể bị hỏng',
    en: 'the {format} file cannot be read: it may be damaged',
  },
};
