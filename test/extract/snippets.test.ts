// Each extractor on small hand-written snippets, one test per form real plans use (issue
// "Plan records from text", item 5). Snippets are written for these tests, not taken from
// the corpus, so that every rule is shown to work on a form other than a corpus document's.
import { describe, expect, it } from 'vitest';
import { findDates, findRelativeDate, parseWhen } from '../../pipeline/recognise/dates.js';
import { parseDocNumber } from '../../pipeline/recognise/numbers.js';
import { findThresholds } from '../../extractors/criteria.js';
import { findQuota, findRecipient } from '../../extractors/awards.js';
import { parseConferrer, parseBody } from '../../pipeline/recognise/bodies.js';
import { parseComponent } from '../../extractors/dossier.js';
import { splitUnits } from '../../extractors/tasks.js';
import { extract, planWith, stripDiacritics } from './helpers.js';

describe('dates', () => {
  it('reads "ngày 29 tháng 4 năm 2022", "27/4/2022" and a date wrapped over two lines', () => {
    expect(findDates('Hà Nội, ngày 29 tháng 4 năm 2022').map((d) => d.iso)).toEqual(['2022-04-29']);
    expect(findDates('Kế hoạch số 128/KH-CAT ngày 27/4/2022 của').map((d) => d.iso)).toEqual(['2022-04-27']);
    expect(findDates('ngày 18 /\ntháng 11 năm 2025').map((d) => d.iso)).toEqual(['2025-11-18']);
    expect(findDates('ngay 05 thang 01 nam 2026').map((d) => d.iso)).toEqual(['2026-01-05']);
    expect(findDates('ngày 31 tháng 2 năm 2025')).toEqual([]);
  });
  it('resolves relative years against the plan period', () => {
    expect(findRelativeDate('trước ngày 30 tháng 01 năm liền kề', 2025)?.iso).toBe('2026-01-30');
    expect(findRelativeDate('trước ngày 15/10 hằng năm', 2024)?.iso).toBe('2024-10-15');
  });
  it('reads task times: month, month range, quarter, year', () => {
    expect(parseWhen('Tháng 10/2023', null)).toEqual({ from: '2023-10', to: '2023-10' });
    expect(parseWhen('Từ tháng 02 đến 12/2025', null)).toEqual({ from: '2025-02', to: '2025-12' });
    expect(parseWhen('Trong quý 1/2025', null)).toEqual({ from: '2025-01', to: '2025-03' });
    expect(parseWhen('Quý IV/2025- Quý II/2026', null)).toEqual({ from: '2025-10', to: '2026-06' });
    expect(parseWhen('Tháng 6-9/2025', null)).toEqual({ from: '2025-06', to: '2025-09' });
    expect(parseWhen('Trong năm 2024', null)).toEqual({ from: '2024-01', to: '2024-12' });
    expect(parseWhen('Thường xuyên', 2025)).toEqual({ from: null, to: null });
  });
});

describe('document numbers', () => {
  it('reads numbers with leading zeros, party-style numbers and decrees', () => {
    expect(parseDocNumber('Số: 06/KH-UBND')?.number).toBe('06/KH-UBND');
    expect(parseDocNumber('0125/KH-UBND')).toMatchObject({ number: '0125/KH-UBND', seq: 125, symbol: 'KH-UBND' });
    expect(parseDocNumber('Chỉ thị số 46-CT/TW ngày')).toMatchObject({ number: '46-CT/TW', seq: 46 });
    expect(parseDocNumber('Nghị định số 152/2025/NĐ-CP')).toMatchObject({ number: '152/2025/NĐ-CP', seq: 152 });
    expect(parseDocNumber('52 /KH-CAH')?.number).toBe('52/KH-CAH');
  });
  it('takes a number that appears only in an appendix heading', () => {
    const text = planWith('I. MỤC ĐÍCH\n\n1. Tăng cường.', { header: '' }) + '\n\nPHỤ LỤC\n(Ban hành kèm theo Kế hoạch số 17 /KH-CAT ngày 04/02/2025 của Công an tỉnh)\n';
    const r = extract(text);
    expect(r.document.number).toBe('17/KH-CAT');
    expect(r.document.date).toBe('2025-02-04');
  });
  it('reads an OCR-garbled header "S6: 50 /KH-UBND", two columns flattened on one line', () => {
    const header = ' UY BAN NHAN DAN  CONG HOA XA HQI CHU NGHIA VIET NAM\nHUYEN AN PHU Péc lap - Tw do - Hanh phiic\nS6: 07 /KH-UBND An Phu, ngay 05 thang 03 nam 2024';
    const r = extract(planWith('I. MỤC ĐÍCH\n\n1. Tăng cường.', { header }), { restore: false });
    expect(r.document.number).toBe('07/KH-UBND');
    expect(r.document.date).toBe('2024-03-05');
    expect(r.document.issuer).toMatchObject({ kind: 'people_committee', level: 'district' });
    expect(stripDiacritics(r.document.issuer.name ?? '').toLowerCase()).toBe('uy ban nhan dan huyen an phu');
  });
  it('reports a missing number and date', () => {
    const r = extract(planWith('I. MỤC ĐÍCH\n\n1. Tăng cường.', { header: '' }));
    const codes = r.diagnostics.map((d) => d.code);
    expect(codes).toContain('missing-number');
    expect(codes).toContain('missing-date');
  });
});

describe('basis', () => {
  const basisOf = (preamble: string) => extract(planWith('I. MỤC ĐÍCH\n\n1. Tăng cường.', { preamble })).basis;
  it('reads documents of every type from every issuer', () => {
    const b = basisOf(
      'Căn cứ Luật Thi đua, khen thưởng ngày 15 tháng 6 năm 2022;\n\n' +
        'Căn cứ Nghị định số 152/2025/NĐ-CP ngày 14 tháng 6 năm 2025 của Chính phủ quy định chi tiết một số điều của Luật Thi đua, khen thưởng;\n\n' +
        'Căn cứ Quyết định số 12/QĐ-BNV ngày 02/01/2025 của Bộ Nội vụ về việc ban hành quy chế;\n\n' +
        'Thực hiện Chỉ thị số 05-CT/TU ngày 10/3/2025 của Ban Thường vụ Tỉnh ủy về tăng cường công tác thi đua;\n\n' +
        'Thực hiện Hướng dẫn số 03/HD-CAT ngày 20/01/2025 của Công an tỉnh Long An về công tác khen thưởng;\n\n' +
        'Thực hiện Thông báo số 88/TB-UBND ngày 01/02/2025 của UBND xã Tân Phú;\n\n' +
        'Thực hiện Nghị quyết số 57-NQ/TW ngày 22/12/2024 của Bộ Chính trị về đột phá phát triển khoa học; Chỉ thị số 32/CT-TTg ngày 21/10/2025 của Thủ tướng Chính phủ;\n\n' +
        'Ủy ban nhân dân huyện An Phú ban hành Kế hoạch như sau:',
    );
    const byNumber = Object.fromEntries(b.filter((x) => x.number).map((x) => [x.number, x]));
    expect(byNumber['152/2025/NĐ-CP']).toMatchObject({ relation: 'pursuant', type: 'Nghị định', date: '2025-06-14', issuer: 'Chính phủ' });
    expect(byNumber['12/QĐ-BNV']).toMatchObject({ type: 'Quyết định', issuer: 'Bộ Nội vụ', subject: 'việc ban hành quy chế' });
    expect(byNumber['05-CT/TU']).toMatchObject({ relation: 'implements', type: 'Chỉ thị', issuer: 'Ban Thường vụ Tỉnh ủy' });
    expect(byNumber['03/HD-CAT']).toMatchObject({ type: 'Hướng dẫn', issuer: 'Công an tỉnh Long An', date: '2025-01-20' });
    expect(byNumber['88/TB-UBND']).toMatchObject({ type: 'Thông báo', issuer: 'Ủy ban nhân dân xã Tân Phú' });
    expect(byNumber['57-NQ/TW']).toMatchObject({ type: 'Nghị quyết', issuer: 'Bộ Chính trị' });
    expect(byNumber['32/CT-TTg']).toMatchObject({ type: 'Chỉ thị', issuer: 'Thủ tướng Chính phủ' });
    // A law cited by name alone is not identified: no basis entry (only numbered documents are).
    expect(b.find((x) => x.type === 'Luật')).toBeUndefined();
  });
  it('keeps documents named inside another\'s subject out', () => {
    const b = basisOf('Thực hiện Kế hoạch số 139/KH-UBND ngày 16/5/2025 của UBND Thành phố về thực hiện Nghị quyết số 71/NQ-CP ngày 01/4/2025 của Chính phủ. UBND huyện An Phú ban hành Kế hoạch như sau:');
    expect(b.map((x) => x.number)).toEqual(['139/KH-UBND']);
  });
  it('reads two plans joined by "và", the second issuer completed from the document', () => {
    const b = basisOf('Thực hiện Kế hoạch số 19/KH-UBND ngày 22/01/2025 của Ủy ban nhân dân tỉnh Long An, về tuyên truyền năm 2025 và Kế hoạch số 26/KH-CAT ngày 20/01/2025 của Công an tỉnh, thực hiện công tác trong Công an tỉnh Long An năm 2025. Công an tỉnh ban hành Kế hoạch như sau:');
    expect(b.map((x) => [x.number, x.issuer])).toEqual([
      ['19/KH-UBND', 'Ủy ban nhân dân tỉnh Long An'],
      ['26/KH-CAT', 'Công an tỉnh Long An'],
    ]);
  });
});

describe('bodies and conferrers', () => {
  it('expands abbreviations and tells kind and level', () => {
    expect(parseBody('UBND huyện Châu Phú')).toMatchObject({ name: 'Ủy ban nhân dân huyện Châu Phú', kind: 'people_committee', level: 'district' });
    expect(parseBody('ỦY BAN NHÂN DÂN THÀNH PHỐ CẦN THƠ')).toMatchObject({ name: 'Ủy ban nhân dân thành phố Cần Thơ', level: 'province' });
    expect(parseBody('UBND thành phố Bạc Liêu')).toMatchObject({ level: 'province' });
    expect(parseBody('Ủy ban nhân dân phường Tân An')).toMatchObject({ level: 'commune' });
    expect(parseBody('CÔNG AN HUYỆN TÂN PHÚ')).toMatchObject({ name: 'Công an huyện Tân Phú', kind: 'police', level: 'district' });
    expect(parseBody('Huyện ủy Tân Phú')).toMatchObject({ kind: 'party' });
  });
  it('reads conferrers of every kind', () => {
    expect(parseConferrer('Thủ tướng Chính phủ tặng')?.text).toBe('Thủ tướng Chính phủ');
    expect(parseConferrer('Chủ tịch UBND tỉnh')?.text).toBe('Chủ tịch Ủy ban nhân dân tỉnh');
    expect(parseConferrer('Chủ tịch Ủy ban nhân dân xã cho')?.text).toBe('Chủ tịch Ủy ban nhân dân xã');
    expect(parseConferrer('Giám đốc Công an tỉnh tặng')?.text).toBe('Giám đốc Công an tỉnh');
    expect(parseConferrer('Chi tich UBND phuong')?.text).toBe('Chủ tịch Ủy ban nhân dân phuong'.replace('phuong', 'phường'));
  });
});

describe('awards', () => {
  it('reads exact counts, maxima, minima, per-unit quotas and ratios', () => {
    expect(findQuota('Tặng 06 Giấy khen')).toMatchObject({ quantity: 6, limit: 'exact' });
    expect(findQuota('Tối đa 07 cá nhân')).toMatchObject({ quantity: 7, limit: 'max' });
    expect(findQuota('không quá 05 cá nhân')).toMatchObject({ quantity: 5, limit: 'max' });
    expect(findQuota('ít nhất 02 tập thể')).toMatchObject({ quantity: 2, limit: 'min' });
    expect(findQuota('mỗi xã, phường chọn 02 trường hợp (tập thể hoặc cá nhân)')).toMatchObject({ quantity: 2, per: 'mỗi xã, phường' });
    expect(findQuota('01 cá nhân/01 ban')).toMatchObject({ quantity: 1, per: '01 ban' });
    expect(findQuota('không quá 10% tập thể')).toMatchObject({ ratio: 10, limit: 'max', quantity: null });
    expect(findRecipient('02 truong hop (tap the hoac ca nhan)')).toBe('either');
  });
  const awardsOf = (section: string, title = 'Phát động phong trào thi đua năm 2024') => extract(planWith(section, { title }));
  it('reads Bằng khen of the provincial chairman, a breakdown, and warns when it does not add up', () => {
    const r = awardsOf(
      'III. HÌNH THỨC KHEN THƯỞNG\n\n1. Khen thưởng tổng kết giai đoạn 2021-2025\n\na) Tập thể: Đề nghị Chủ tịch UBND tỉnh tặng Bằng khen cho 05 tập thể, trong đó:\n\n- 02 Bằng khen cho các phòng, ban;\n\n- 02 Bằng khen cho các xã, thị trấn.\n\nb) Cá nhân: Tặng 08 Bằng khen của Chủ tịch UBND tỉnh.',
      'Phát động phong trào thi đua giai đoạn 2021-2025',
    );
    const collective = r.awards.find((a) => a.recipient === 'collective');
    expect(collective).toMatchObject({ occasion: 'final', span: '2021-2025', title: 'Bằng khen', conferrer: 'Chủ tịch Ủy ban nhân dân tỉnh', quantity: 5, limit: 'exact' });
    expect(collective!.breakdown.map((b) => [b.quantity, b.category])).toEqual([
      [2, 'các phòng, ban'],
      [2, 'các xã, thị trấn'],
    ]);
    expect(r.awards.find((a) => a.recipient === 'individual')).toMatchObject({ quantity: 8, title: 'Bằng khen' });
    expect(r.diagnostics.map((d) => d.code)).toContain('quota-sum');
  });
  it('reads a per-unit quota for either kind, and a Giấy khen of the commune chairman', () => {
    const r = awardsOf('III. HÌNH THỨC KHEN THƯỞNG\n\n1. Khen thưởng hằng năm\n\nGiấy khen của Chủ tịch UBND xã: mỗi ấp chọn 02 trường hợp (tập thể hoặc cá nhân) tiêu biểu.');
    expect(r.awards).toHaveLength(1);
    expect(r.awards[0]).toMatchObject({ recipient: 'either', quantity: 2, per: 'mỗi ấp', conferrer: 'Chủ tịch Ủy ban nhân dân xã', title: 'Giấy khen', occasion: 'annual', span: '2024' });
  });
  it('reads ratio caps for collectives and individuals in one sentence', () => {
    const r = awardsOf('III. HÌNH THỨC KHEN THƯỞNG\n\n1. Khen thưởng hằng năm\n\nGiấy khen của Giám đốc Công an tỉnh: không quá 10% tập thể, 5% cá nhân của đơn vị.');
    expect(r.awards.map((a) => [a.recipient, a.ratio, a.limit])).toEqual([
      ['collective', 10, 'max'],
      ['individual', 5, 'max'],
    ]);
  });
  it('records a "sơ kết" that covers the whole period after an earlier sơ kết as final, with a warning', () => {
    const r = awardsOf(
      'III. HÌNH THỨC KHEN THƯỞNG\n\n1. Khen thưởng sơ kết giai đoạn 2026-2028\n\n- Đối với tập thể: Tặng 03 Giấy khen của Chủ tịch UBND huyện.\n\n2. Khen thưởng sơ kết giai đoạn 2026-2030\n\n- Đối với tập thể: Tặng 05 Giấy khen của Chủ tịch UBND huyện.',
      'Phát động phong trào thi đua giai đoạn 2026-2030',
    );
    expect(r.awards.map((a) => [a.occasion, a.span, a.quantity])).toEqual([
      ['midterm', '2026-2028', 3],
      ['final', '2026-2030', 5],
    ]);
    expect(r.diagnostics.find((d) => d.code === 'occasion-label')?.severity).toBe('warning');
  });
});

describe('criteria thresholds', () => {
  it('reads task completion, satisfaction, rating and growth', () => {
    expect(findThresholds('Hoàn thành 100% nhiệm vụ được giao')).toEqual([{ metric: 'task_completion', op: '>=', value: 100, unit: '%' }]);
    expect(findThresholds('Tỷ lệ hài lòng của người dân đạt tối thiểu trên 90%')).toEqual([{ metric: 'satisfaction', op: '>', value: 90, unit: '%' }]);
    expect(findThresholds('Tỷ lệ hài lòng đạt từ 98% trở lên')).toEqual([{ metric: 'satisfaction', op: '>=', value: 98, unit: '%' }]);
    expect(findThresholds('Chỉ số cải cách hành chính xếp loại từ "khá" trở lên')).toEqual([{ metric: 'index_rating', op: '>=', value: 'khá', unit: null }]);
    expect(findThresholds('Điểm chỉ số năm sau cao hơn năm trước')).toEqual([{ metric: 'index_growth', op: '>', value: 'previous_year', unit: null }]);
    expect(findThresholds('Tỷ lệ hài lòng trên 85% và tỷ lệ năm sau cao hơn năm trước').map((t) => t.metric)).toEqual(['satisfaction', 'satisfaction_growth']);
    expect(findThresholds('Có sáng kiến được công nhận')).toEqual([]);
  });
  it('groups criteria by recipient under "Đối với tập thể / cá nhân"', () => {
    const r = extract(
      planWith(
        'III. TIÊU CHUẨN KHEN THƯỞNG\n\n1. Đối với tập thể:\n\n- Hoàn thành 100% nhiệm vụ được giao.\n\n- Nội bộ đoàn kết.\n\n2. Đối với cá nhân:\n\n- Hoàn thành xuất sắc nhiệm vụ.',
      ),
    );
    expect(r.criteria.map((c) => [c.recipient, c.thresholds.length])).toEqual([
      ['collective', 1],
      ['collective', 0],
      ['individual', 0],
    ]);
  });
});

describe('dossier', () => {
  it('reads components with their forms and decree, copies, where and by when', () => {
    expect(parseComponent('Tờ trình đề nghị khen thưởng (theo mẫu số 01 ban hành kèm theo Nghị định số 152/2025/NĐ-CP);')).toEqual({
      name: 'Tờ trình đề nghị khen thưởng',
      form: '01',
      decree: '152/2025/NĐ-CP',
    });
    const r = extract(
      planWith(
        'IV. HỒ SƠ ĐỀ NGHỊ KHEN THƯỞNG\n\n1. Thành phần hồ sơ\n\n- Tờ trình đề nghị khen thưởng (mẫu số 01);\n\n- Báo cáo thành tích (mẫu số 08).\n\n2. Số lượng: 03 bộ (bản chính) gửi về Phòng Nội vụ huyện trước ngày 10/12/2024.',
      ),
    );
    expect(r.dossier).toMatchObject({ copies: 3, copyKind: 'bản chính', submitTo: 'Phòng Nội vụ huyện', deadline: '2024-12-10' });
    expect(r.dossier!.components.map((c) => c.form)).toEqual(['01', '08']);
  });
});

describe('tasks, recipients, signature', () => {
  it('splits units without breaking "Công an các đơn vị, địa phương"', () => {
    expect(splitUnits('PV01, PX03')).toEqual(['PV01', 'PX03']);
    expect(splitUnits('Công an các đơn vị, địa phương')).toEqual(['Công an các đơn vị, địa phương']);
  });
  it('reads a task table flattened one cell per line between | lines', () => {
    const table = ['|', 'TT', '|', 'Nội dung', '|', 'Cơ quan chủ trì', '|', 'Cơ quan phối hợp', '|', 'Thời gian', '|', '|', '1', '|', 'Tổ chức hội nghị', '|', 'Sở Nội vụ', '|', 'Các sở, ngành', '|', 'Quý II/2024', '|'].join('\n');
    const r = extract(planWith(`I. NHIỆM VỤ\n\n1. Các nhiệm vụ cụ thể:\n\n${table}\n`));
    expect(r.tasks).toEqual([
      { no: 1, content: 'Tổ chức hội nghị', lead: ['Sở Nội vụ'], support: ['Các sở, ngành'], when: { text: 'Quý II/2024', from: '2024-04', to: '2024-06' } },
    ]);
  });
  it('separates interleaved recipients, signature and a digital-signature stamp', () => {
    const closing =
      'Nơi nhận: TM. ỦY BAN NHÂN DÂN\n- Sở Nội vụ; KT. CHỦ TỊCH\n- Lưu: VT. PHÓ CHỦ TỊCH\nỦy ban nhân dân huyện An Phú\nTỉnh An Giang\n23-05-2024 18:30:38 +07:00\nLê Văn Bình';
    const text = planWith('I. MỤC ĐÍCH\n\n1. Tăng cường.').replace(/\nNơi nhận:[\s\S]*$/, '\n' + closing);
    const r = extract(text);
    expect(r.recipients).toEqual(['Sở Nội vụ;', 'Lưu: VT.']);
    expect(r.signature).toEqual({ onBehalf: 'TM. Ủy ban nhân dân', deputyFor: 'KT. Chủ tịch', position: 'Phó Chủ tịch', rank: null, name: 'Lê Văn Bình' });
  });
  it('reads a police signature with rank', () => {
    const text = planWith('I. MỤC ĐÍCH\n\n1. Tăng cường.').replace(/TM\. ỦY BAN NHÂN DÂN\nCHỦ TỊCH\n\nNguyễn Văn An/, 'KT. GIÁM ĐỐC\nPHÓ GIÁM ĐỐC\n\nThượng tá Trần Văn Hải');
    expect(extract(text).signature).toEqual({ onBehalf: null, deputyFor: 'KT. Giám đốc', position: 'Phó Giám đốc', rank: 'Thượng tá', name: 'Trần Văn Hải' });
  });
});

describe('not a plan', () => {
  it('reads a decree as a record of what it has, with a not-a-plan-type warning (contract revision 2)', () => {
    const r = extract('CHÍNH PHỦ\n\nSố: 10/2025/NĐ-CP\n\nNGHỊ ĐỊNH\nQuy định về thi đua\n\nĐiều 1. Phạm vi điều chỉnh');
    expect(r.diagnostics.find((d) => d.code === 'not-a-plan')).toBeUndefined();
    expect(r.diagnostics.find((d) => d.code === 'not-a-plan-type')?.severity).toBe('warning');
    expect(r.document).toMatchObject({ type: 'Nghị định', number: '10/2025/NĐ-CP' });
  });
  it('reads a Quyết định that promulgates a plan as the plan, attachment "Kế hoạch"', () => {
    const r = extract('ỦY BAN NHÂN DÂN\nTỈNH AN GIANG\n\nSố: 12/QĐ-UBND\n\nAn Giang, ngày 03 tháng 3 năm 2025\n\nQUYẾT ĐỊNH\nBan hành Kế hoạch phát động phong trào thi đua năm 2025\n\nĐiều 1. Ban hành kèm theo Quyết định này Kế hoạch phát động phong trào thi đua.\n\nĐiều 2. Quyết định có hiệu lực kể từ ngày ký.');
    expect(r.diagnostics.map((d) => d.code)).not.toContain('not-a-plan');
    expect(r.diagnostics.map((d) => d.code)).not.toContain('not-a-plan-type');
    expect(r.document).toMatchObject({ type: 'Quyết định', number: '12/QĐ-UBND', attachment: 'Kế hoạch' });
  });
  it('refuses prose that is no administrative document', () => {
    const r = extract('Hôm nay trời đẹp. Chúng tôi đi chơi công viên và ăn kem.');
    expect(r.diagnostics.find((d) => d.code === 'not-a-plan')?.severity).toBe('error');
  });
});

describe('forms first met in one corpus document, shown on other snippets', () => {
  it('reads the OCR form "K/ CHỦ TỊCH" as KT.', () => {
    const text = planWith('I. MỤC ĐÍCH\n\n1. Tăng cường.').replace(/TM\. ỦY BAN NHÂN DÂN\nCHỦ TỊCH/, 'TM. ỦY BAN NHÂN DÂN\nK/ CHỦ TỊCH\nPHÓ CHỦ TỊCH');
    expect(extract(text).signature).toMatchObject({ onBehalf: 'TM. Ủy ban nhân dân', deputyFor: 'KT. Chủ tịch', position: 'Phó Chủ tịch' });
  });
  it('takes the issuer from "Công an huyện ban hành …" completed with the place of the date line, with an info diagnostic', () => {
    const r = extract(planWith('I. MỤC ĐÍCH\n\n1. Tăng cường.', { header: 'Số: 31/KH-CAH\n\nTân Phú, ngày 02 tháng 3 năm 2024', preamble: 'Thực hiện Kế hoạch số 11/KH-CAT ngày 01/02/2024 của Công an tỉnh Đồng Nai. Công an huyện ban hành kế hoạch như sau:' }));
    expect(r.document.issuer).toEqual({ name: 'Công an huyện Tân Phú', kind: 'police', level: 'district' });
    expect(r.diagnostics.find((d) => d.code === 'issuer-inferred')?.severity).toBe('info');
  });
  it('corrects an OCR-damaged place name to the issuer\'s locality', () => {
    const header = 'UY BAN NHAN DAN\nHUYEN PHU TAN\n\nSo: 07/KH-UBND\n\nPhu Tgn, ngay 05 thang 03 nam 2024';
    const r = extract(planWith('I. MỤC ĐÍCH\n\n1. Tăng cường.', { header }), { restore: false });
    expect(r.document.place?.toLowerCase()).toBe('phu tan');
  });
  it('reads reviews: "sơ kết, tổng kết vào các năm …" and "tổng kết tháng 10/2024"', () => {
    const a = extract(planWith('II. THỜI GIAN\n\n1. Sơ kết, tổng kết: Ủy ban nhân dân huyện tổ chức sơ kết, tổng kết phong trào vào các năm 2027 và năm 2030.', { title: 'Phát động phong trào thi đua giai đoạn 2026-2030' }));
    expect(a.period).toEqual({ from: 2026, to: 2030, reviews: [{ kind: 'midterm', year: 2027 }, { kind: 'final', year: 2030 }] });
    const b = extract(planWith('II. THỜI GIAN THI ĐUA\n\nThời gian phát động và thực hiện trong năm 2024 (thời gian tổ chức tổng kết tháng 10/2024).'));
    expect(b.period).toEqual({ from: 2024, to: 2024, reviews: [{ kind: 'final', year: 2024 }] });
  });
  it('reads no awards from the part that organises the campaign, only from the awards part', () => {
    const r = extract(
      planWith('II. ĐỐI TƯỢNG, THỜI GIAN\n\n1. Tổ chức phong trào thi đua\n\n- Khen thưởng hàng năm: Đề xuất Chủ tịch UBND huyện khen thưởng tập thể có thành tích.\n\nIII. HÌNH THỨC KHEN THƯỞNG\n\n- Đối với tập thể: Tặng 02 Giấy khen của Chủ tịch UBND huyện.'),
    );
    expect(r.awards.map((a) => [a.recipient, a.quantity])).toEqual([['collective', 2]]);
  });
  it('splits subjects under "1.1. Tập thể" and "1.2. Cá nhân"', () => {
    const r = extract(planWith('II. ĐỐI TƯỢNG\n\n1. Đối tượng thi đua\n\n1.1. Tập thể\n\nCác phòng chuyên môn thuộc Ủy ban nhân dân xã.\n\n1.2. Cá nhân\n\nCông chức, viên chức các phòng chuyên môn.'));
    expect(r.subjects).toEqual({ collective: ['Các phòng chuyên môn thuộc Ủy ban nhân dân xã.'], individual: ['Công chức, viên chức các phòng chuyên môn.'] });
  });
  it('reads no campaign contents from "Nội dung tuyên truyền"', () => {
    const r = extract(planWith('III. NỘI DUNG, HÌNH THỨC TUYÊN TRUYỀN\n\n1. Nội dung tuyên truyền\n\n- Kết quả cải cách hành chính.\n\n- Chỉ số hài lòng.'));
    expect(r.contents).toEqual([]);
  });
  it('merges the duties of a unit named twice in "Tổ chức thực hiện"', () => {
    const r = extract(planWith('IV. TỔ CHỨC THỰC HIỆN\n\n1. Giao Văn phòng chủ trì, phối hợp với các phòng triển khai Kế hoạch.\n\n2. Văn phòng có trách nhiệm\n\nTổng hợp kết quả, báo cáo Ủy ban nhân dân xã.'));
    expect(r.responsibilities).toEqual([{ unit: 'Văn phòng', duties: ['Chủ trì, phối hợp với các phòng triển khai Kế hoạch', 'Tổng hợp kết quả, báo cáo Ủy ban nhân dân xã.'] }]);
  });
  it('finds an appendix headed by an OCR-garbled "Phụ lục" and its task table', () => {
    const text = planWith('I. MỤC ĐÍCH\n\n1. Tăng cường.') + '\n\nPhi lục\n\nSTT\tNội dung\tChủ trì\tPhối hợp\tThời gian\n1\tTập huấn\tPhòng Nội vụ\tCác xã\tTháng 5/2024\n';
    expect(extract(text).tasks.map((t) => [t.no, t.lead, t.when.from])).toEqual([[1, ['Phòng Nội vụ'], '2024-05']]);
  });
});

describe('issuers that are departments', () => {
  it('names a department under a local body with its place', () => {
    const header = 'ỦY BAN NHÂN DÂN TỈNH AN GIANG\nSỞ NỘI VỤ\n\nCỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM\nĐộc lập - Tự do - Hạnh phúc\n\nSố: 45/KH-SNV\n\nAn Giang, ngày 05 tháng 3 năm 2024';
    const r = extract(planWith('I. MỤC ĐÍCH\n\n1. Tăng cường.', { header, preamble: 'Sở Nội vụ ban hành Kế hoạch như sau:' }));
    // A department's level is "other" (contract revision 2: ministries, courts, departments).
    expect(r.document.issuer).toEqual({ name: 'Sở Nội vụ tỉnh An Giang', kind: 'other', level: 'other' });
  });
  it('names a police department under the provincial police', () => {
    const header = 'CÔNG AN TỈNH LONG AN\nPHÒNG THAM MƯU\n\nCỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM\nĐộc lập - Tự do - Hạnh phúc\n\nSố: 12/KH-PV01\n\nLong An, ngày 05 tháng 3 năm 2024';
    const r = extract(planWith('I. MỤC ĐÍCH\n\n1. Tăng cường.', { header, preamble: 'Phòng Tham mưu ban hành Kế hoạch như sau:' }));
    expect(r.document.issuer).toEqual({ name: 'Phòng Tham mưu', kind: 'police', level: 'province' });
  });
});
