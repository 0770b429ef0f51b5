// Catalogue entries of the award forms (thidua render): the nominee list and submitting body
// validation, the checks against the plan, and what render says. Vietnamese is the default;
// `{name}` marks a parameter. Quotes of the plan stay in the plan's words in both languages.
import type { Entry } from './index.js';

const SAVE_AS = {
  vi: 'Hãy mở tệp bằng Excel và lưu lại dưới dạng CSV UTF-8 hoặc XLSX (Tệp → Lưu thành → "CSV UTF-8" hoặc "Sổ làm việc Excel"), rồi chạy lại.',
  en: 'Open it in Excel and save it again as "CSV UTF-8" or XLSX (File → Save As → "CSV UTF-8" or "Excel Workbook"), then run again.',
};

export const FORMS: Record<string, Entry> = {
  // --- where a nominee is -------------------------------------------------------------------
  'forms.where-row': { vi: 'dòng {n}', en: 'row {n}' },
  'forms.where-item': { vi: 'mục {n}', en: 'item {n}' },

  // --- reading the nominee list ---------------------------------------------------------------
  'forms.list-missing': { vi: 'không có tệp danh sách đề nghị khen thưởng này', en: 'the nominee list does not exist' },
  'forms.list-empty': { vi: 'tệp danh sách đề nghị khen thưởng trống', en: 'the nominee list is empty' },
  'forms.list-too-large': { vi: 'tệp danh sách lớn hơn {max} MB', en: 'the nominee list is larger than {max} MB' },
  'forms.list-unreadable': {
    vi: `không đọc được danh sách: {reason}. ${SAVE_AS.vi}`,
    en: `the nominee list cannot be read: {reason}. ${SAVE_AS.en}`,
  },
  'forms.reason-zip': { vi: 'tệp nén không phải sổ Excel (XLSX) đọc được', en: 'it is a zip file but not a readable Excel workbook (XLSX)' },
  'forms.reason-xls': { vi: 'đây là định dạng Excel cũ (.xls)', en: 'it is in the old Excel format (.xls)' },
  'forms.reason-pdf': { vi: 'đây là tệp PDF, không phải bảng danh sách', en: 'it is a PDF, not a table' },
  'forms.reason-binary': { vi: 'nội dung không phải văn bản hay bảng tính', en: 'its content is neither text nor a spreadsheet' },
  'forms.list-bad-json': { vi: 'danh sách dạng JSON bị lỗi cú pháp ({detail})', en: 'the nominee list is not valid JSON ({detail})' },
  'forms.list-json-shape': {
    vi: 'danh sách dạng JSON phải là một mảng, mỗi người/tập thể một đối tượng — ví dụ: [{"Loại": "cá nhân", "Họ và tên": "Nguyễn Văn A"}]',
    en: 'the nominee JSON must be an array with one object per nominee — for example [{"recipient": "individual", "name": "Nguyễn Văn A"}]',
  },
  'forms.list-json-item': { vi: '{where} không phải một đối tượng {…}', en: '{where} is not an object {…}' },
  'forms.list-bad-quotes': {
    vi: `dấu ngoặc kép (") ở gần dòng {line} không đóng. ${SAVE_AS.vi}`,
    en: `a double quote (") near line {line} is never closed. ${SAVE_AS.en}`,
  },
  'forms.list-no-header': { vi: 'danh sách không có dòng tiêu đề cột', en: 'the nominee list has no header row' },
  'forms.list-no-name-column': {
    vi: 'danh sách thiếu cột tên — dòng đầu phải có một cột "Họ và tên" (hoặc "Tên", "Tên tập thể"); các cột đang có: {found}',
    en: 'the list has no name column — its first row needs a column "Họ và tên" (or "Tên", "name"); its columns are: {found}',
  },
  'forms.list-no-kind-column': {
    vi: 'danh sách thiếu cột "Loại" (ghi "tập thể" hoặc "cá nhân" cho từng dòng); các cột đang có: {found}',
    en: 'the list has no "Loại" / "recipient" column ("tập thể"/collective or "cá nhân"/individual on each row); its columns are: {found}',
  },
  'forms.list-column-ignored': { vi: 'cột "{column}" không thuộc mẫu danh sách nên được bỏ qua', en: 'column "{column}" is not a known nominee field and is ignored' },
  'forms.list-key-ignored': { vi: 'khóa "{key}" không thuộc mẫu danh sách nên được bỏ qua', en: 'key "{key}" is not a known nominee field and is ignored' },
  'forms.list-no-nominee': { vi: 'danh sách không có tập thể, cá nhân nào', en: 'the nominee list holds no nominee' },
  'forms.list-too-many': { vi: 'danh sách có {count} dòng, nhiều hơn mức tối đa {max}', en: 'the nominee list holds {count} nominees (at most {max})' },

  // --- a bad value in the list: {where}, column, what is wrong and an example ---------------------
  'forms.value-bad': { vi: '{where}, cột "{column}": {problem}', en: '{where}, column "{column}": {problem}' },
  'forms.value-kind-empty': { vi: 'đang trống — ghi "tập thể" hoặc "cá nhân"', en: 'is empty — write "tập thể" (collective) or "cá nhân" (individual)' },
  'forms.value-kind': { vi: '"{value}" không phải "tập thể" hay "cá nhân" — ví dụ: cá nhân', en: '"{value}" is neither "tập thể" (collective) nor "cá nhân" (individual) — for example: cá nhân' },
  'forms.value-name-empty': { vi: 'đang trống — ghi đầy đủ họ và tên hoặc tên tập thể, ví dụ: Nguyễn Thị Lan', en: 'is empty — write the full name, for example: Nguyễn Thị Lan' },
  'forms.value-number': { vi: '"{value}" không phải là số — ví dụ: 95 hoặc 95,5 (để trống nếu không kê khai)', en: '"{value}" is not a number — for example 95 or 95.5 (leave it empty when not declared)' },
  'forms.value-percent': { vi: '"{value}" không phải tỷ lệ phần trăm — ví dụ: 100', en: '"{value}" is not a percentage — for example 100' },
  'forms.value-rating': { vi: '"{value}" không phải mức xếp loại — ghi một trong: xuất sắc, tốt, khá, trung bình, yếu', en: '"{value}" is not a rating — write one of: xuất sắc, tốt, khá, trung bình, yếu' },
  'forms.value-yes-no': { vi: '"{value}" phải là "có" hoặc "không" — ví dụ: có', en: '"{value}" must be "có" (yes) or "không" (no) — for example: có' },
  'forms.value-date': { vi: '"{value}" không phải ngày hợp lệ — ghi ngày/tháng/năm, ví dụ: 12/03/1985', en: '"{value}" is not a valid date — write day/month/year, for example 12/03/1985' },
  'forms.value-gender': { vi: '"{value}" phải là "Nam" hoặc "Nữ"', en: '"{value}" must be "Nam" (male) or "Nữ" (female)' },
  'forms.value-too-long': { vi: 'nội dung quá dài (hơn 20.000 ký tự) — hãy rút gọn', en: 'is too long (more than 20,000 characters) — shorten it' },
};

// --- the submitting body's JSON (--from) ---------------------------------------------------------
Object.assign(FORMS, {
  'forms.where-line': { vi: 'dòng thứ {n}', en: 'line {n}' },
  'forms.body-file-missing': { vi: 'không có tệp thông tin cơ quan trình này', en: 'the submitting body file does not exist' },
  'forms.body-file-empty': { vi: 'tệp thông tin cơ quan trình trống', en: 'the submitting body file is empty' },
  'forms.body-file-too-large': { vi: 'tệp thông tin cơ quan trình lớn hơn 1 MB', en: 'the submitting body file is larger than 1 MB' },
  'forms.body-bad-json': { vi: 'tệp thông tin cơ quan trình bị lỗi cú pháp JSON ({detail})', en: 'the submitting body is not valid JSON ({detail})' },
  'forms.body-not-object': {
    vi: 'tệp thông tin cơ quan trình phải là một đối tượng JSON {…} — xem ví dụ trong docs/forms.md',
    en: 'the submitting body must be a JSON object {…} — see the example in docs/forms.md',
  },
  'forms.body-invalid': { vi: 'thông tin cơ quan trình chưa đúng: {field} {problem}', en: 'the submitting body is not valid: {field} {problem}' },
  'forms.body-whole': { vi: 'tệp', en: 'the file' },
  'forms.body-missing': { vi: 'còn thiếu', en: 'is missing' },
  'forms.body-empty': { vi: 'đang trống', en: 'is empty' },
  'forms.body-too-long': { vi: 'quá dài (tối đa {max})', en: 'is too long (at most {max})' },
  'forms.body-bad-symbol': { vi: '"{value}" chỉ được gồm chữ, số, dấu "." và "-", không có khoảng trắng', en: '"{value}" may hold only letters, digits, "." and "-", no spaces' },
  'forms.body-wrong-kind': { vi: 'không đúng dạng ({value})', en: 'has the wrong form ({value})' },
  'forms.body-field-name': { vi: 'tên cơ quan trình "name" (ví dụ: "Phòng Nội vụ huyện Châu Thành")', en: 'the body\'s "name" (for example "Phòng Nội vụ huyện Châu Thành")' },
  'forms.body-field-parent': { vi: 'cơ quan chủ quản "parent" (ví dụ: "Ủy ban nhân dân huyện Châu Thành")', en: 'the parent body "parent" (for example "Ủy ban nhân dân huyện Châu Thành")' },
  'forms.body-field-symbol': { vi: 'chữ viết tắt trong số ký hiệu "symbol" (ví dụ: "PNV")', en: 'the abbreviation "symbol" (for example "PNV")' },
  'forms.body-field-place': { vi: 'địa danh "place" (ví dụ: "Châu Thành")', en: 'the place name "place" (for example "Châu Thành")' },
  'forms.body-field-addressee': { vi: 'nơi kính gửi "addressee" (ví dụ: "Chủ tịch Ủy ban nhân dân huyện Châu Thành")', en: 'the addressee "addressee" (for example "Chủ tịch Ủy ban nhân dân huyện Châu Thành")' },
  'forms.body-field-signer': { vi: 'người ký "signer" (ví dụ: {"position": "Trưởng phòng", "name": "Nguyễn Văn A"})', en: 'the signer "signer" (for example {"position": "Trưởng phòng", "name": "Nguyễn Văn A"})' },
  'forms.body-field-authority': { vi: 'thẩm quyền ký "signer.authority" (ví dụ: "KT. Trưởng phòng", hoặc ["TM. Ủy ban nhân dân", "KT. Chủ tịch"], hoặc null khi người đứng đầu ký)', en: 'the signing authority "signer.authority" (for example "KT. Trưởng phòng", or ["TM. Ủy ban nhân dân", "KT. Chủ tịch"], or null when the head signs)' },
  'forms.body-field-position': { vi: 'chức vụ người ký "signer.position" (ví dụ: "Phó Trưởng phòng")', en: 'the signer\'s position "signer.position" (for example "Phó Trưởng phòng")' },
  'forms.body-field-signer-name': { vi: 'họ tên người ký "signer.name" (ví dụ: "Nguyễn Văn A")', en: 'the signer\'s name "signer.name" (for example "Nguyễn Văn A")' },
  'forms.body-field-number': { vi: 'số văn bản "number" (ví dụ: 12)', en: 'the document number "number" (for example 12)' },
  'forms.body-field-recipients': { vi: 'nơi nhận "recipients" (ví dụ: ["Hội đồng Thi đua - Khen thưởng huyện"])', en: 'the recipients "recipients" (for example ["Hội đồng Thi đua - Khen thưởng huyện"])' },
  'forms.body-field-basis': { vi: 'căn cứ thêm "basis" (ví dụ: ["Biên bản họp Hội đồng Thi đua - Khen thưởng ngày 05/01/2026"])', en: 'the extra basis lines "basis" (for example ["Biên bản họp Hội đồng Thi đua - Khen thưởng ngày 05/01/2026"])' },
  'forms.body-field-archive': { vi: 'nơi lưu "archive" (ví dụ: "PNV")', en: 'the archive initials "archive" (for example "PNV")' },
  'forms.body-field-totals': { vi: 'tổng số để tính tỷ lệ "totals" (ví dụ: {"collective": 20, "individual": 150})', en: 'the totals for ratio quotas "totals" (for example {"collective": 20, "individual": 150})' },
} satisfies Record<string, Entry>);

// --- the checks against the plan -------------------------------------------------------------------
Object.assign(FORMS, {
  'forms.quote-line': { vi: '“{quote}” ({plan}, dòng {line})', en: '“{quote}” ({plan}, line {line})' },
  'forms.quote': { vi: '“{quote}” ({plan})', en: '“{quote}” ({plan})' },
  'forms.more-members': { vi: '… ({count} trường hợp)', en: '… ({count} in all)' },
  'forms.kind-collective': { vi: 'tập thể', en: 'collective(s)' },
  'forms.kind-individual': { vi: 'cá nhân', en: 'individual(s)' },
  'forms.kind-either': { vi: 'tập thể, cá nhân', en: 'collective(s) or individual(s)' },
  'forms.occasion-annual': { vi: 'khen thưởng hằng năm', en: 'annual awards' },
  'forms.occasion-midterm': { vi: 'khen thưởng sơ kết', en: 'midterm review awards (sơ kết)' },
  'forms.occasion-final': { vi: 'khen thưởng tổng kết', en: 'final review awards (tổng kết)' },
  'forms.occasion-campaign': { vi: 'khen thưởng theo đợt, chuyên đề', en: 'campaign awards (theo đợt, chuyên đề)' },
  'forms.plan-no-award': {
    vi: 'Kế hoạch ({plan}) không quy định hình thức khen thưởng nào nên không có gì để đề nghị',
    en: 'the plan ({plan}) names no award (hình thức khen thưởng): there is nothing a dossier could propose',
  },
  'forms.plan-no-occasion': { vi: 'Kế hoạch không có khen thưởng cho dịp "{occasion}"; chỉ có: {occasions}', en: 'the plan names no award for the occasion "{occasion}"; it has: {occasions}' },
  'forms.plan-several-occasions': {
    vi: 'Kế hoạch có khen thưởng cho nhiều dịp ({occasions}): hãy chọn một bằng --occasion',
    en: 'the plan names awards for several occasions ({occasions}): choose one with --occasion',
  },
  'forms.plan-untitled': { vi: 'Kế hoạch không tên', en: 'untitled plan' },
  'forms.count-over-max': { vi: 'vượt số lượng tối đa {q}', en: 'at most {q} allowed' },
  'forms.count-under-min': { vi: 'chưa đủ số lượng tối thiểu {q}', en: 'at least {q} required' },
  'forms.count-over-exact': { vi: 'vượt số lượng {q} của Kế hoạch', en: 'the plan awards {q}' },
  'forms.count-under-exact': { vi: 'ít hơn số lượng {q} của Kế hoạch', en: 'the plan awards {q}; fewer are proposed' },
  'forms.no-award': {
    vi: 'Kế hoạch không có hình thức khen thưởng cho {kind} ({occasion}) nhưng danh sách đề nghị {count} {kind} ({names}); Kế hoạch chỉ có: {awards}',
    en: 'no-award: {count} {kind} proposed ({names}), but the plan names no award for {kind} among its {occasion}; its awards are: {awards}',
  },
  'forms.quota': { vi: 'Đề nghị {count} {kind} nhận {award}: {verdict} — Kế hoạch: {quote}', en: 'quota: {count} {kind} proposed for {award}: {verdict} — the plan says {quote}' },
  'forms.quota-ratio-unknown': {
    vi: 'Chưa kiểm tra được tỷ lệ {ratio}% {kind} nhận {award}: chưa có tổng số để tính (ghi "totals" trong tệp cơ quan trình) — Kế hoạch: {quote}',
    en: 'quota-ratio: the plan caps {kind} for {award} at {ratio}%, but the number it is counted on is unknown (give "totals" in the submitting body\'s JSON); not verified — the plan says {quote}',
  },
  'forms.quota-ratio': {
    vi: 'Đề nghị {count} {kind} nhận {award}, vượt {ratio}% của {total} ({allowed}) — Kế hoạch: {quote}',
    en: 'quota-ratio: {count} {kind} proposed for {award}, more than {ratio}% of {total} ({allowed}) — the plan says {quote}',
  },
  'forms.quota-per-unit-no-unit': {
    vi: 'Chưa ghi đơn vị nên chưa kiểm tra được số lượng {per}: {members} — Kế hoạch: {quote}',
    en: 'quota-per-unit: no unit given, so the quota {per} cannot be checked: {members} — the plan says {quote}',
  },
  'forms.quota-per-unit': {
    vi: 'Đơn vị "{unit}" có {count} {kind} nhận {award} ({names}): {verdict} {per} — Kế hoạch: {quote}',
    en: 'quota-per-unit: {count} {kind} proposed for {award} from the unit "{unit}" ({names}): {verdict} {per} — the plan says {quote}',
  },
  'forms.category-missing': {
    vi: 'Chưa ghi nhóm nên chưa kiểm tra được cơ cấu {award}: {members}; các nhóm của Kế hoạch: {categories}',
    en: 'category: no category (Nhóm) given, so the plan\'s breakdown of {award} cannot be checked: {members}; the plan\'s categories are: {categories}',
  },
  'forms.category-unknown': {
    vi: '{member} thuộc nhóm "{category}", không phải nhóm nào của Kế hoạch cho {award}: {categories}',
    en: 'category: {member} counts under "{category}", which is none of the plan\'s categories for {award}: {categories}',
  },
  'forms.category-unknown-group': {
    vi: '{count} đề nghị thuộc nhóm "{category}", không phải nhóm nào của Kế hoạch cho {award}: {members}; các nhóm của Kế hoạch: {categories}',
    en: 'category: {count} nominees count under "{category}", which is none of the plan\'s categories for {award}: {members}; the plan\'s categories are: {categories}',
  },
  'forms.quota-breakdown': {
    vi: 'Nhóm “{category}” có {count} đề nghị{names}: {verdict} — Kế hoạch: {quote}',
    en: 'quota-breakdown: {count} proposed under the category “{category}”{names}: {verdict} — the plan says {quote}',
  },
  'forms.metric-task_completion': { vi: 'tỷ lệ hoàn thành nhiệm vụ', en: 'task completion (tỷ lệ hoàn thành nhiệm vụ)' },
  'forms.metric-satisfaction': { vi: 'tỷ lệ hài lòng', en: 'satisfaction (tỷ lệ hài lòng)' },
  'forms.metric-index_rating': { vi: 'xếp loại chỉ số', en: 'index rating (xếp loại chỉ số)' },
  'forms.metric-index_growth': { vi: 'chỉ số so với năm trước', en: 'index growth over the previous year (chỉ số tăng so với năm trước)' },
  'forms.metric-satisfaction_growth': { vi: 'tỷ lệ hài lòng so với năm trước', en: 'satisfaction growth over the previous year (tỷ lệ hài lòng tăng so với năm trước)' },
  'forms.metric-other': { vi: 'chỉ tiêu khác của Kế hoạch', en: 'another measure named by the plan' },
  'forms.previous-year': { vi: 'cao hơn năm trước', en: 'higher than the previous year' },
  'forms.criterion-failed': {
    vi: '{member}: {metric} kê khai {declared}, Kế hoạch yêu cầu {threshold} — Kế hoạch: {quote}',
    en: 'criterion: {member}: {metric} declared {declared}, the plan requires {threshold} — the plan says {quote}',
  },
  'forms.criterion-failed-group': {
    vi: '{count} {kind} không đạt {metric} (Kế hoạch yêu cầu {threshold}): {members} — Kế hoạch: {quote}',
    en: 'criterion: {count} {kind} below the {metric} the plan requires ({threshold}): {members} — the plan says {quote}',
  },
  'forms.criterion-undeclared': {
    vi: '{member}: chưa kê khai {metric} nên chưa kiểm tra được yêu cầu {threshold} — Kế hoạch: {quote}',
    en: 'criterion: {member}: {metric} not declared, so the requirement ({threshold}) is unverified — the plan says {quote}',
  },
  'forms.criterion-undeclared-group': {
    vi: '{count} {kind} chưa kê khai {metric} nên chưa kiểm tra được yêu cầu {threshold}: {members} — Kế hoạch: {quote}',
    en: 'criterion: {count} {kind} did not declare {metric}, so the requirement ({threshold}) is unverified: {members} — the plan says {quote}',
  },
  'forms.duplicate': { vi: '{member} trùng với {first}', en: 'duplicate: {member} is listed twice (also {first})' },
  'forms.deadline': {
    vi: 'Tờ trình ngày {date} quá thời hạn nộp hồ sơ {deadline} — Kế hoạch: {quote}',
    en: 'deadline: the Tờ trình is dated {date}, after the dossier deadline {deadline} — the plan says {quote}',
  },
  'forms.plan-date': { vi: 'Tờ trình ngày {date} sớm hơn ngày ban hành Kế hoạch ({issued})', en: 'plan-date: the Tờ trình is dated {date}, before the plan itself was issued ({issued})' },
  'forms.level-commune': { vi: 'cấp xã', en: 'commune level' },
  'forms.level-district': { vi: 'cấp huyện', en: 'district level' },
  'forms.level-province': { vi: 'cấp tỉnh', en: 'province level' },
  'forms.addressee-mismatch': {
    vi: 'Tờ trình kính gửi {addressee}, nhưng {award} do {conferrer} quyết định tặng: hãy kính gửi {conferrer} (hoặc cấp trên trực tiếp của cơ quan trình cùng ngành) — Kế hoạch: {quote}',
    en: 'addressee: the Tờ trình is addressed to {addressee}, but {award} is conferred by {conferrer}: address it to {conferrer} (or to the body\'s direct superior in the same branch) — the plan says {quote}',
  },
  'forms.body-above-conferrer': {
    vi: '{body} ({level}) không thể trình {award}: người quyết định tặng là {conferrer} ({conferrerLevel}), cấp dưới của cơ quan trình; hồ sơ phải do cơ quan, đơn vị của đơn vị hành chính đó trình — Kế hoạch: {quote}',
    en: 'submitting-body: {body} ({level}) cannot propose {award}: it is conferred by {conferrer} ({conferrerLevel}), below the submitting body; a body of that unit must submit it — the plan says {quote}',
  },
  'forms.body-other-unit': {
    vi: '{body} không thuộc đơn vị của {conferrer}, người quyết định tặng {award}; hồ sơ phải do cơ quan, đơn vị thuộc đơn vị đó trình — Kế hoạch: {quote}',
    en: 'submitting-body: {body} is not part of the unit of {conferrer}, who confers {award}; a body of that unit must submit it — the plan says {quote}',
  },
} satisfies Record<string, Entry>);

// --- what `thidua render` says ---------------------------------------------------------------------
Object.assign(FORMS, {
  'forms.error': { vi: 'lỗi', en: 'error' },
  'forms.warning': { vi: 'cảnh báo', en: 'warning' },
  'forms.refused': {
    vi: '{count} lỗi so với Kế hoạch: chưa ghi tệp nào (sửa danh sách, hoặc ghi bản DỰ THẢO có đánh dấu bằng --draft)',
    en: '{count} error(s) against the plan: no file written (fix the list, or write a marked draft with --draft)',
  },
  'forms.wrote-mau01': { vi: 'đã ghi {out}{pdf}{draft}: danh sách {count} tập thể, cá nhân đề nghị khen thưởng', en: 'wrote {out}{pdf}{draft}: {count} nominee(s)' },
  'forms.wrote-mau08': { vi: 'đã ghi {count} báo cáo vào {out}{pdf}{draft}', en: 'wrote {count} report(s) to {out}{pdf}{draft}' },
  'forms.with-pdf': { vi: ' (kèm bản PDF)', en: ' (and PDF)' },
  'forms.out-not-docx': { vi: '--out của mau01 phải là một tệp .docx, không phải "{out}"', en: '--out for mau01 is a .docx file, not "{out}"' },
  'forms.out-not-dir': { vi: '--out của mau08 là một thư mục, mà "{out}" là một tệp', en: '--out for mau08 is a directory, and "{out}" is a file' },
  'forms.bad-occasion': { vi: '--occasion nhận một trong {occasions}, không phải "{value}"', en: '--occasion takes one of {occasions}, not "{value}"' },
  'forms.bad-date': { vi: '--date nhận ngày dạng NNNN-TT-NN (ví dụ 2026-01-05), không phải "{value}"', en: '--date takes a date as YYYY-MM-DD (for example 2026-01-05), not "{value}"' },
  'forms.pdf-no-soffice': {
    vi: '--pdf cần LibreOffice để chuyển sang PDF nhưng máy chưa cài (cài bằng: sudo apt-get install libreoffice-writer-nogui fonts-liberation), hoặc bỏ --pdf để chỉ ghi DOCX; chưa ghi tệp nào',
    en: '--pdf needs LibreOffice to convert to PDF and it is not installed (install it: sudo apt-get install libreoffice-writer-nogui fonts-liberation), or drop --pdf to write the DOCX only; nothing was written',
  },
  'forms.pdf-failed': { vi: 'LibreOffice không chuyển được sang PDF ({detail}); chưa ghi tệp nào', en: 'LibreOffice could not convert to PDF ({detail}); nothing was written' },
  'forms.template-lacks': { vi: '{file}: mẫu thiếu {tag}', en: '{file}: the template lacks {tag}' },
} satisfies Record<string, Entry>);

// --- the plan and a province's own template ------------------------------------------------------
Object.assign(FORMS, {
  'forms.plan-missing': { vi: 'không có tệp Kế hoạch này', en: 'the plan does not exist' },
  'forms.plan-too-large': { vi: 'tệp bản ghi Kế hoạch lớn hơn 32 MB', en: 'the plan record is larger than 32 MB' },
  'forms.plan-bad-json': { vi: 'tệp Kế hoạch bị lỗi cú pháp JSON ({detail})', en: 'the plan is not valid JSON ({detail})' },
  'forms.plan-json-not-object': { vi: 'tệp JSON này không phải bản ghi Kế hoạch (không phải một đối tượng)', en: 'the plan JSON is not a plan record (not an object)' },
  'forms.plan-json-schema': { vi: 'tệp JSON này không phải bản ghi Kế hoạch ("schema" không phải "{schema}")', en: 'the plan JSON is not a plan record (its "schema" is not "{schema}")' },
  'forms.plan-invalid': { vi: 'bản ghi Kế hoạch chưa đúng ở {field}: {detail}', en: 'the plan record is not valid: {field}: {detail}' },
  'forms.template-missing': { vi: 'không có tệp mẫu này', en: 'the template does not exist' },
  'forms.template-empty': { vi: 'tệp mẫu trống', en: 'the template is empty' },
  'forms.template-too-large': { vi: 'tệp mẫu lớn hơn {max} MB', en: 'the template is larger than {max} MB' },
  'forms.template-unzips-too-large': { vi: 'tệp mẫu khi giải nén lớn hơn {max} MB', en: 'the template unzips to more than {max} MB' },
  'forms.template-not-zip': { vi: 'tệp mẫu không phải tệp DOCX ({detail}); hãy lưu mẫu bằng Word dưới dạng .docx', en: 'the template is not a DOCX (zip) file ({detail}); save it from Word as .docx' },
  'forms.template-not-word': { vi: 'tệp mẫu không phải văn bản Word (thiếu word/document.xml)', en: 'the template is not a Word document (it has no word/document.xml)' },
  'forms.template-malformed': { vi: 'thẻ trong mẫu viết sai: {detail}', en: "the template's tags are malformed: {detail}" },
  'forms.template-unknown-tags': {
    vi: 'mẫu dùng {count} thẻ không có trong dữ liệu của {form}: {tags} (xem docs/forms/data-model.md)',
    en: 'the template uses {count} tag(s) the {form} data model does not have: {tags} (see docs/forms/data-model.md)',
  },
  'forms.template-fill-failed': { vi: 'không điền được mẫu: {detail}', en: 'the template could not be filled: {detail}' },
} satisfies Record<string, Entry>);

Object.assign(FORMS, {
  'forms.list-damaged-utf8': {
    vi: 'tệp có {count} byte hỏng, không đọc được theo UTF-8: các chữ đó hiện thành "�" — hãy kiểm tra lại tên và nội dung trên các dòng bị ảnh hưởng',
    en: 'the file has {count} damaged byte(s) that are not UTF-8: those letters show as "�" — check the names and text on the affected rows',
  },
} satisfies Record<string, Entry>);
