// Basis documents as unseen plans write them (issue 10, item 1, first bullet): one running
// paragraph joined by ";" and "và", wrapped mid-reference, every type and issuer, numbers
// without "số", a list under one type, laws cited with their number. Hand-written snippets.
import { describe, expect, it } from 'vitest';
import { extract, planWith } from './helpers.js';

const BODY = 'I. MỤC ĐÍCH\n\n1. Tăng cường công tác thi đua.';
const numbers = (preamble: string) => extract(planWith(BODY, { preamble })).basis.map((b) => b.number);

describe('basis in one running paragraph', () => {
  it('reads every reference joined by ";" and "và", wrapped mid-reference over blank lines', () => {
    const preamble = 'Thực hiện Thông báo kết luận số\n\n12-TB/TW ngày 05/3/2019 của Ban Bí thư về công tác thi đua; Chỉ thị số\n\n015/CT-UBND ngày 02/02/2024 của Ủy ban nhân dân tỉnh về cải cách hành chính; Hướng dẫn số 33/HD-BNV ngày 10/01/2024 của Bộ Nội vụ và Chỉ thị số 07-CT/TU ngày 11/4/2023 của Ban Thường vụ Tỉnh ủy về đẩy mạnh phong trào thi đua.';
    const r = extract(planWith(BODY, { preamble }));
    expect(r.basis.map((b) => [b.type, b.number, b.date])).toEqual([
      ['Kết luận', '12-TB/TW', '2019-03-05'],
      ['Chỉ thị', '015/CT-UBND', '2024-02-02'],
      ['Hướng dẫn', '33/HD-BNV', '2024-01-10'],
      ['Chỉ thị', '07-CT/TU', '2023-04-11'],
    ]);
    expect(r.basis[2].issuer).toBe('Bộ Nội vụ');
  });
  it('reads laws and resolutions of the National Assembly by their number, the reference starting at the law\'s name', () => {
    expect(numbers('Căn cứ Luật Thi đua, khen thưởng số 06/2022/QH15; Luật Ban hành văn bản quy phạm pháp luật số 64/2025/QH15; Nghị quyết số 190/2025/QH15 của Quốc hội;')).toEqual(['06/2022/QH15', '64/2025/QH15', '190/2025/QH15']);
  });
  it('leaves out a law cited by name alone, and documents inside another\'s subject, also after "và"', () => {
    expect(numbers('Căn cứ Luật Tổ chức chính quyền địa phương ngày 19/6/2015; Kế hoạch số 20/KH-UBND ngày 11/8/2025 của UBND tỉnh về thực hiện Nghị quyết số 71/NQ-CP của Chính phủ và Kế hoạch số 07-KH/TU của Tỉnh ủy.')).toEqual(['20/KH-UBND']);
  });
  it('reads numbers written without "số", with a letter suffix, and a list under one type ("các Thông tư …: Số …; Số …")', () => {
    expect(numbers('Căn cứ Quyết định 1229/QĐ-UBND ngày 28/02/2025 của UBND tỉnh; Quy chế ban hành kèm theo Quyết định số 346a/2017/QĐ-BCA ngày 01/3/2017.')).toEqual(['1229/QĐ-UBND', '346a/2017/QĐ-BCA']);
    expect(numbers('Căn cứ các Thông tư của Bộ trưởng Bộ Giáo dục và\n\nĐào tạo: Số 03/VBHN-BGDĐT ngày 03/5/2019 hợp nhất Thông tư về tuyển sinh; Số 20/VBHN-BGDĐT ngày 30/5/2014 hợp nhất Thông tư về trường chuyên;')).toEqual(['03/VBHN-BGDĐT', '20/VBHN-BGDĐT']);
  });
  it('reads basis paragraphs that open the body of a Tờ trình or a decision (no preamble zone), with markup', () => {
    const text = 'SỞ NỘI VỤ\n\nSố: 15/TTr-SNV\n\nAn Giang, ngày 01 tháng 10 năm 2024\n\nTỜ TRÌNH\nVề việc đề nghị tặng Bằng khen\n\n*Thực hiện Công văn số 2852/BNV-TĐKT ngày 09/8/2024 của Bộ Nội vụ về khen thưởng;*\n\nSở Nội vụ kính trình Chủ tịch UBND tỉnh xem xét.';
    expect(extract(text).basis.map((b) => b.number)).toEqual(['2852/BNV-TĐKT']);
  });
});
