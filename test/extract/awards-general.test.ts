// Awards, quotas, criteria thresholds and dossiers in the general forms real documents use
// (issue 10, item 1). Every snippet is hand-written for this test; none is a corpus text.
import { describe, expect, it } from 'vitest';
import { findAwardTitle, findQuota } from '../../extractors/awards.js';
import { findThresholds } from '../../extractors/criteria.js';
import { looseFold } from '../../extractors/util.js';
import { extract, planWith } from './helpers.js';

const plan = (body: string, title = 'Phát động phong trào thi đua năm 2025') => extract(planWith(body, { title }));
const titleOf = (text: string) => findAwardTitle(looseFold(text), text)?.title ?? null;

describe('award forms', () => {
  it('names the form in the document\'s words: orders, honorary titles, flags, medals', () => {
    expect(titleOf('Huân chương Lao động hạng Ba')).toBe('Huân chương Lao động');
    expect(titleOf('Huân chương Bảo vệ Tổ quốc hạng Nhì')).toBe('Huân chương Bảo vệ Tổ quốc');
    expect(titleOf('Danh hiệu "Gia đình hiếu học tiêu biểu"')).toBe('Danh hiệu “Gia đình hiếu học tiêu biểu”');
    expect(titleOf('danh hiệu “Tập thể lao động xuất sắc”')).toBe('Tập thể lao động xuất sắc');
    expect(titleOf('Danh hiệu “Lao động tiên tiến”')).toBe('Lao động tiên tiến');
    expect(titleOf('Danh hiệu Tập thể lao động tiên tiến')).toBe('Tập thể lao động tiên tiến');
    expect(titleOf('Chiến sỹ thi đua cơ sở')).toBe('Chiến sỹ thi đua cơ sở');
    expect(titleOf('danh hiệu Chiến sĩ thi đua cấp tỉnh')).toBe('Chiến sĩ thi đua cấp tỉnh');
    expect(titleOf('Cờ thi đua của Chính phủ')).toBe('Cờ thi đua của Chính phủ');
    expect(titleOf('Cờ thi đua của Ủy ban nhân dân tỉnh')).toBe('Cờ thi đua');
    expect(titleOf('Kỷ niệm chương "Vì sự nghiệp Giáo dục"')).toBe('Kỷ niệm chương “Vì sự nghiệp Giáo dục”');
    expect(titleOf('Giấy khen của Hiệu trưởng')).toBe('Giấy khen');
  });

  it('reads a list of forms without quotas, the recipient left open (either) unless the form says', () => {
    const r = plan(
      'III. HÌNH THỨC KHEN THƯỞNG\n\n1. Hình thức khen thưởng:\n\n- Huân chương Lao động hạng Ba;\n\n- Bằng khen của Thủ tướng Chính phủ;\n\n- Bằng khen cấp sở, ban, ngành, đoàn thể tỉnh;\n\n- Danh hiệu “Tập thể lao động xuất sắc”;\n\n- Giấy khen.',
      'Phát động phong trào thi đua giai đoạn 2024-2026',
    );
    expect(r.awards.map((a) => [a.title, a.conferrer, a.recipient, a.quantity, a.limit])).toEqual([
      ['Huân chương Lao động', null, 'either', null, 'unspecified'],
      ['Bằng khen', 'Thủ tướng Chính phủ', 'either', null, 'unspecified'],
      ['Bằng khen', 'sở, ban, ngành, đoàn thể tỉnh', 'either', null, 'unspecified'],
      ['Tập thể lao động xuất sắc', null, 'collective', null, 'unspecified'],
      ['Giấy khen', null, 'either', null, 'unspecified'],
    ]);
  });

  it('reads several forms and conferrers named on one line', () => {
    const r = plan('III. KHEN THƯỞNG\n\n- Hình thức khen thưởng: Bằng khen của Chủ tịch UBND tỉnh, Giấy khen của Chủ tịch UBND huyện.');
    expect(r.awards.map((a) => [a.title, a.conferrer])).toEqual([
      ['Bằng khen', 'Chủ tịch Ủy ban nhân dân tỉnh'],
      ['Giấy khen', 'Chủ tịch Ủy ban nhân dân huyện'],
    ]);
  });

  it('reads one form of several conferrers named on one line', () => {
    const r = plan('III. KHEN THƯỞNG\n\n- Giấy khen của Chủ tịch UBND huyện, Giám đốc Công an huyện và Bí thư Huyện ủy.');
    expect(r.awards.map((a) => [a.title, a.conferrer])).toEqual([
      ['Giấy khen', 'Chủ tịch Ủy ban nhân dân huyện'],
      ['Giấy khen', 'Giám đốc Công an huyện'],
      ['Giấy khen', 'Bí thư Huyện ủy'],
    ]);
  });

  it('reads a form and conferrer from a numbered, bold, wrapped sub-heading with the quota in the text under it', () => {
    const r = plan(
      'III. KHEN THƯỞNG\n\n**2.1. Bằng khen của Chủ tịch Ủy ban nhân dân tỉnh:** thực hiện theo Hướng dẫn số 15/HD-SNV ngày 02/01/2025 của Sở Nội vụ.\n\n**2.2. Giấy khen của Chủ tịch Ủy ban\nnhân dân xã:**\n\nMỗi thôn, tổ dân phố lựa chọn 01 tập thể hoặc 01 cá nhân tiêu biểu.',
    );
    expect(r.awards.map((a) => [a.title, a.conferrer, a.recipient, a.quantity, a.per])).toEqual([
      ['Bằng khen', 'Chủ tịch Ủy ban nhân dân tỉnh', 'either', null, null],
      ['Giấy khen', 'Chủ tịch Ủy ban nhân dân xã', 'either', 1, 'Mỗi thôn, tổ dân phố'],
    ]);
  });

  it('reads the forms a dossier part is for, when no other part names them', () => {
    const r = plan(
      'III. HỒ SƠ ĐỀ NGHỊ KHEN THƯỞNG\n\n1. Hồ sơ đề nghị tặng Bằng khen của Thủ tướng Chính phủ\n\nHồ sơ gồm 03 bộ.\n\n2. Hồ sơ đề nghị xét tặng danh hiệu “Cờ thi đua của ngành Giáo dục”; công nhận danh hiệu “Chiến sĩ thi đua cơ sở”.',
    );
    expect(r.awards.map((a) => [a.title, a.conferrer, a.recipient])).toEqual([
      ['Bằng khen', 'Thủ tướng Chính phủ', 'either'],
      ['Cờ thi đua của ngành Giáo dục', null, 'collective'],
      ['Chiến sĩ thi đua cơ sở', null, 'individual'],
    ]);
  });

  it('reads the quota under "Về việc tặng Giấy khen" inside the dossier part', () => {
    const r = plan('III. HỒ SƠ ĐỀ NGHỊ KHEN THƯỞNG\n\n1. Về việc tặng Giấy khen\n\n- Các trường học: mỗi đơn vị không quá 01 tập thể và 02 cá nhân.');
    expect(r.awards.map((a) => [a.title, a.recipient, a.quantity, a.per])).toEqual([
      ['Giấy khen', 'collective', 1, 'Các trường học'],
      ['Giấy khen', 'individual', 2, 'Các trường học'],
    ]);
  });

  it('keeps a form mentioned in passing out ("… theo quy định về Bằng khen")', () => {
    const r = plan('III. KHEN THƯỞNG\n\nViệc xét khen thưởng thực hiện theo quy định của Luật Thi đua, khen thưởng; không đề nghị Bằng khen cho cá nhân đã được khen trong năm.');
    expect(r.awards).toEqual([]);
  });
});

describe('quotas', () => {
  it('reads a quota per unit for either kind and "02 cá nhân/01 đơn vị"', () => {
    expect(findQuota('mỗi phường, xã lựa chọn 01 tập thể hoặc 01 cá nhân')).toMatchObject({ quantity: 1, per: 'mỗi phường, xã' });
    expect(findQuota('02 cá nhân/01 đơn vị')).toMatchObject({ quantity: 2, per: '01 đơn vị' });
  });

  it('reads a quota per year: "không quá 10 cá nhân trong 01 năm"', () => {
    const r = plan('III. KHEN THƯỞNG\n\nDanh hiệu “Công dân tiêu biểu của tỉnh” được xét tặng không quá 10 cá nhân trong 01 năm.');
    expect(r.awards).toHaveLength(1);
    expect(r.awards[0]).toMatchObject({ title: 'Danh hiệu “Công dân tiêu biểu của tỉnh”', recipient: 'individual', quantity: 10, limit: 'max', per: 'năm' });
  });

  it('reads quotas per category inside one award as its breakdown', () => {
    const r = plan(
      'III. KHEN THƯỞNG\n\n1. Giấy khen của Chủ tịch UBND huyện: Đối với các phòng, ban: không quá 02 tập thể, 04 cá nhân; đối với các thôn, tổ dân phố: không quá 01 tập thể, 02 cá nhân.',
    );
    const collective = r.awards.find((a) => a.recipient === 'collective')!;
    const individual = r.awards.find((a) => a.recipient === 'individual')!;
    expect(collective).toMatchObject({ title: 'Giấy khen', conferrer: 'Chủ tịch Ủy ban nhân dân huyện', limit: 'max' });
    expect(collective.breakdown.map((b) => [b.category, b.quantity, b.limit])).toEqual([
      ['các phòng, ban', 2, 'max'],
      ['các thôn, tổ dân phố', 1, 'max'],
    ]);
    expect(individual.breakdown.map((b) => [b.category, b.quantity])).toEqual([
      ['các phòng, ban', 4],
      ['các thôn, tổ dân phố', 2],
    ]);
  });

  it('reads a share of participants: "không quá 15% số tập thể, 8% số cá nhân tham gia"', () => {
    const r = plan('III. KHEN THƯỞNG\n\nGiấy khen của Giám đốc Sở: không quá 15% số tập thể, 8% số cá nhân tham gia phong trào.');
    expect(r.awards.map((a) => [a.recipient, a.ratio, a.quantity, a.limit])).toEqual([
      ['collective', 15, null, 'max'],
      ['individual', 8, null, 'max'],
    ]);
  });

  it('reads a share of the staff: "không quá 10% tổng số công chức, viên chức, người lao động"', () => {
    const r = plan('III. KHEN THƯỞNG\n\nBằng khen của Giám đốc Sở: đề nghị không quá 20% tổng số tập thể của đơn vị; không quá 10% tổng số công chức, viên chức, người lao động.');
    expect(r.awards.map((a) => [a.recipient, a.ratio, a.limit])).toEqual([
      ['collective', 20, 'max'],
      ['individual', 10, 'max'],
    ]);
  });

  it('reads several quota sentences in one item, each with its unit, and an exception "riêng …"', () => {
    const r = plan('III. KHEN THƯỞNG\n\n1. Bằng khen của Chủ tịch UBND tỉnh:\n\n- Mỗi khối thi đua đề nghị không quá 01 tập thể. Mỗi cụm thi đua đề nghị không quá 02 tập thể. Riêng cụm 3 (các huyện miền núi) lựa chọn đề nghị không quá 03 tập thể.');
    expect(r.awards.map((a) => [a.recipient, a.quantity, a.per])).toEqual([
      ['collective', 1, 'Mỗi khối thi đua'],
      ['collective', 2, 'Mỗi cụm thi đua'],
      ['collective', 3, 'cụm 3 (các huyện miền núi)'],
    ]);
  });

  it('reads "mỗi đơn vị … không quá 01 tập thể và 02 cá nhân" as two quotas per unit', () => {
    const r = plan('III. KHEN THƯỞNG\n\n- Bằng khen của Giám đốc Sở: các trường trung học: mỗi đơn vị lựa chọn đề nghị không quá 01 tập thể và 02 cá nhân.');
    expect(r.awards.map((a) => [a.recipient, a.quantity, a.limit, a.per ?? a.breakdown[0]?.category])).toEqual([
      ['collective', 1, 'max', 'các trường trung học'],
      ['individual', 2, 'max', 'các trường trung học'],
    ]);
  });
});

describe('thresholds outside the five named metrics', () => {
  it('keeps participation, points, vote shares, stars and yearly reductions as metric "other" with their subject', () => {
    expect(findThresholds('Tỷ lệ đoàn viên tham gia các hoạt động đạt trên 95%')).toEqual([
      { metric: 'other', op: '>', value: 95, unit: '%', subject: 'Tỷ lệ đoàn viên tham gia các hoạt động' },
    ]);
    expect(findThresholds('Kết quả chấm điểm thi đua đạt từ 85 điểm trở lên')).toEqual([
      { metric: 'other', op: '>=', value: 85, unit: 'điểm', subject: 'Kết quả chấm điểm thi đua' },
    ]);
    expect(findThresholds('Được Hội đồng bỏ phiếu kín với số phiếu đồng ý từ 90% trở lên')).toMatchObject([{ metric: 'other', op: '>=', value: 90, unit: '%' }]);
    expect(findThresholds('Có sản phẩm được xếp hạng từ 4 sao trở lên')).toMatchObject([{ metric: 'other', op: '>=', value: 4, unit: 'sao' }]);
    expect(findThresholds('Giảm tỷ lệ hộ nghèo từ 1,5%/năm trở lên')).toMatchObject([{ metric: 'other', op: '>=', value: 1.5, unit: '%/năm' }]);
    expect(findThresholds('trong đó có ít nhất là 60% cá nhân đạt danh hiệu')).toMatchObject([{ metric: 'other', op: '>=', value: 60, unit: '%' }]);
    expect(findThresholds('Hoàn thành 100% nhiệm vụ được giao')).toEqual([{ metric: 'task_completion', op: '>=', value: 100, unit: '%' }]);
  });

  it('reads criteria grouped by kind of unit, not only "tập thể / cá nhân"', () => {
    const r = plan(
      'III. TIÊU CHÍ THI ĐUA\n\n1. Đối với cấp xã:\n\n- Giảm tỷ lệ hộ nghèo từ 3%/năm trở lên.\n\n2. Đối với cán bộ, công chức:\n\n- Có sáng kiến được công nhận.',
    );
    expect(r.criteria.map((c) => [c.recipient, c.thresholds.map((t) => t.value)])).toEqual([
      ['collective', [3]],
      ['individual', []],
    ]);
  });

  it('does not read the plan\'s own targets as award thresholds', () => {
    const r = plan('I. MỤC TIÊU\n\n1. Phấn đấu tỷ lệ hài lòng đạt trên 90%; 100% xã đạt chuẩn.\n\nII. KHEN THƯỞNG\n\n- Giấy khen của Chủ tịch UBND huyện cho 05 tập thể.');
    expect(r.criteria).toEqual([]);
  });
});

describe('dossier in its general forms', () => {
  it('reads a dossier under "HỒ SƠ, THỦ TỤC VÀ THỜI HẠN ĐỀ NGHỊ": copies of two kinds, the channel, a body with its unit, the last day', () => {
    const r = plan(
      'IV. HỒ SƠ, THỦ TỤC VÀ THỜI HẠN ĐỀ NGHỊ\n\n1. Hồ sơ gồm: Tờ trình đề nghị khen thưởng; Báo cáo thành tích của tập thể, cá nhân.\n\n2. Số lượng: 02 bộ (01 bản giấy, 01 bản điện tử), gửi qua hệ thống quản lý văn bản về Sở Nội vụ (Ban Thi đua - Khen thưởng) chậm nhất ngày 15/12/2025.',
    );
    expect(r.dossier).toMatchObject({ copies: 2, copyKind: '01 bản giấy, 01 bản điện tử', submitTo: 'Sở Nội vụ (Ban Thi đua - Khen thưởng)', deadline: '2025-12-15' });
    expect(r.dossier!.components.map((c) => c.name)).toEqual(['Tờ trình đề nghị khen thưởng', 'Báo cáo thành tích của tập thể, cá nhân']);
  });

  it('reads the first dossier of a part that has one per award, not the award headings as documents', () => {
    const r = plan(
      'IV. HỒ SƠ ĐỀ NGHỊ KHEN THƯỞNG\n\n1. Hồ sơ đề nghị tặng Bằng khen của Chủ tịch UBND tỉnh\n\nHồ sơ được lập 02 bộ, gồm: Tờ trình đề nghị khen thưởng; biên bản họp Hội đồng Thi đua - Khen thưởng; báo cáo thành tích của tập thể, cá nhân.\n\n2. Hồ sơ đề nghị tặng Giấy khen\n\nHồ sơ lập 01 bộ, gồm: Tờ trình; báo cáo thành tích.',
    );
    expect(r.dossier!.components.map((c) => c.name)).toEqual(['Tờ trình đề nghị khen thưởng', 'Biên bản họp Hội đồng Thi đua - Khen thưởng', 'Báo cáo thành tích của tập thể, cá nhân']);
    expect(r.dossier!.copies).toBe(2);
  });

  it('invents no dossier from a report deadline', () => {
    const r = plan('III. TỔ CHỨC THỰC HIỆN\n\nCác phòng, ban báo cáo kết quả về Văn phòng trước ngày 10/12/2025.');
    expect(r.dossier).toBeNull();
  });
});

describe('a decision that issues a regulation (quy định) on awards', () => {
  const decision = [
    'ỦY BAN NHÂN DÂN\nTỈNH AN GIANG\n\nCỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM\nĐộc lập - Tự do - Hạnh phúc\n\nSố: 15/2025/QĐ-UBND\n\nAn Giang, ngày 10 tháng 12 năm 2025',
    '',
    'QUYẾT ĐỊNH',
    'Ban hành Quy định về công tác thi đua, khen thưởng',
    '',
    'Căn cứ Luật Thi đua, khen thưởng ngày 15 tháng 6 năm 2022;',
    '',
    'Điều 1. Ban hành kèm theo Quyết định này Quy định về công tác thi đua, khen thưởng.',
    '',
    'Điều 2. Quyết định này có hiệu lực kể từ ngày 20 tháng 12 năm 2025./.',
    '',
    'Nơi nhận:\n- Như Điều 2;\n- Lưu: VT.',
    '',
    'TM. ỦY BAN NHÂN DÂN\nCHỦ TỊCH\n\nTrần Văn Bình',
    '',
    'QUY ĐỊNH',
    'Về công tác thi đua, khen thưởng',
    '*(Ban hành kèm theo Quyết định số 15/2025/QĐ-UBND)*',
    '',
    'Chương I',
    'QUY ĐỊNH CHUNG',
    '',
    'Điều 1. Phạm vi điều chỉnh',
    'Quy định này quy định tiêu chuẩn các danh hiệu thi đua và hình thức khen thưởng.',
    '',
    'Điều 2. Tiêu chuẩn danh hiệu thi đua',
    '1. Danh hiệu “Tập thể lao động tiên tiến”',
    'a) Tiêu chuẩn: Danh hiệu “Tập thể lao động tiên tiến” để tặng hằng năm cho tập thể đạt các tiêu chuẩn sau:',
    'Hoàn thành tốt nhiệm vụ được giao;',
    'Có ít nhất là 60% cá nhân trong tập thể đạt danh hiệu “Lao động tiên tiến”.',
    '2. Bằng khen của Chủ tịch Ủy ban nhân dân tỉnh',
    'Bằng khen để tặng cho cá nhân có thành tích xuất sắc.',
    '',
    'Điều 3. Thời gian đề nghị khen thưởng',
    'Hồ sơ đề nghị khen thưởng tổng kết năm gửi đến Sở Nội vụ (qua Phòng Thi đua, khen thưởng) trước ngày 10/12 hằng năm.',
  ].join('\n\n');
  const r = extract(decision);
  it('reads its articles: the forms they head, their criteria and where the dossier goes', () => {
    expect(r.awards.map((a) => [a.title, a.conferrer, a.recipient])).toEqual([
      ['Tập thể lao động tiên tiến', null, 'collective'],
      ['Bằng khen', 'Chủ tịch Ủy ban nhân dân tỉnh', 'either'],
    ]);
    expect(r.criteria.flatMap((c) => c.thresholds.map((t) => [c.recipient, t.op, t.value, t.unit]))).toEqual([['collective', '>=', 60, '%']]);
    expect(r.dossier?.submitTo).toBe('Sở Nội vụ (qua Phòng Thi đua, khen thưởng)');
  });
});

describe('documents that are not plans', () => {
  const header = (type: string, number: string) =>
    `SỞ GIÁO DỤC VÀ ĐÀO TẠO\nTỈNH AN GIANG\n\nCỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM\nĐộc lập - Tự do - Hạnh phúc\n\nSố: ${number}\n\nAn Giang, ngày 02 tháng 10 năm 2024\n\n${type}`;
  it('reads a Tờ trình: the award it asks for and the dossier it heads', () => {
    const text = [
      header('TỜ TRÌNH', '45/TTr-SGDĐT'),
      'V/v đề nghị tặng Bằng khen',
      'Căn cứ kết quả phong trào thi đua năm học 2023 - 2024, Sở Giáo dục và Đào tạo đề nghị Chủ tịch UBND tỉnh tặng Bằng khen cho 03 tập thể và 05 cá nhân có thành tích xuất sắc.',
      '(Có Danh sách trích ngang và Báo cáo thành tích của các tập thể, cá nhân kèm theo).',
      'Sở Giáo dục và Đào tạo kính trình Hội đồng Thi đua - Khen thưởng tỉnh xem xét, quyết định./.',
      'Nơi nhận:\n- Như trên;\n- Lưu: VT.',
      'GIÁM ĐỐC\n\nLê Văn Cường',
    ].join('\n\n');
    const r = extract(text);
    expect(r.awards.map((a) => [a.title, a.conferrer, a.recipient])).toEqual([['Bằng khen', 'Chủ tịch Ủy ban nhân dân tỉnh', 'either']]);
    expect(r.dossier).toMatchObject({ submitTo: 'Hội đồng Thi đua - Khen thưởng tỉnh' });
    expect(r.dossier!.components.map((c) => c.name)).toEqual(['Danh sách trích ngang', 'Báo cáo thành tích của các tập thể, cá nhân']);
  });

  it('reads a regulation\'s principles: a quota stated in a sentence, a vote share, a dossier item naming two documents', () => {
    const text = [
      header('QUYẾT ĐỊNH', '20/2024/QĐ-UBND').replace('SỞ GIÁO DỤC VÀ ĐÀO TẠO\nTỈNH AN GIANG', 'ỦY BAN NHÂN DÂN\nTỈNH AN GIANG'),
      'Ban hành Quy chế xét tặng danh hiệu “Doanh nhân tiêu biểu”',
      'Điều 1. Ban hành kèm theo Quyết định này Quy chế xét tặng danh hiệu “Doanh nhân tiêu biểu”.',
      'Điều 2. Quyết định này có hiệu lực từ ngày ký./.',
      'Nơi nhận:\n- Như Điều 2;\n- Lưu: VT.',
      'TM. ỦY BAN NHÂN DÂN\nCHỦ TỊCH\n\nTrần Văn Bình',
      'QUY CHẾ',
      'Xét tặng danh hiệu “Doanh nhân tiêu biểu”',
      '(Ban hành kèm theo Quyết định số 20/2024/QĐ-UBND)',
      'Điều 1. Nguyên tắc xét tặng',
      '1. Ủy ban nhân dân tỉnh xét, tặng danh hiệu “Doanh nhân tiêu biểu” không quá 15 cá nhân trong 01 năm.',
      '2. Đối với cá nhân được đề nghị, phải có tỷ lệ phiếu đồng ý của Hội đồng từ 80% trở lên.',
      'Điều 2. Hồ sơ đề nghị xét tặng',
      '1. Hồ sơ gồm:',
      'a) Tờ trình, biên bản họp Hội đồng Thi đua - Khen thưởng của đơn vị.',
      'b) Báo cáo thành tích của cá nhân (theo mẫu số 01\nkèm theo).',
      'c) Tài liệu khác có liên quan (nếu có).',
    ].join('\n\n');
    const r = extract(text);
    expect(r.awards.map((a) => [a.title, a.conferrer, a.recipient, a.quantity, a.limit, a.per])).toEqual([
      ['Danh hiệu “Doanh nhân tiêu biểu”', 'Ủy ban nhân dân tỉnh', 'individual', 15, 'max', 'năm'],
    ]);
    expect(r.criteria.flatMap((c) => c.thresholds.map((t) => [c.recipient, t.op, t.value]))).toEqual([['individual', '>=', 80]]);
    expect(r.dossier!.components.map((c) => c.name)).toEqual([
      'Tờ trình',
      'Biên bản họp Hội đồng Thi đua - Khen thưởng của đơn vị',
      'Báo cáo thành tích của cá nhân',
      'Tài liệu khác có liên quan (nếu có)',
    ]);
  });
});
