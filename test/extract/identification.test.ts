// Identification on headers as real documents write them (issue 10, item 1, last bullet):
// headers split over many lines or flattened two columns, issuers that are not a UBND or police,
// a number or day left blank. Snippets are hand-written for these tests.
import { describe, expect, it } from 'vitest';
import { parseBody, parseConferrer } from '../../pipeline/recognise/bodies.js';
import { extract, planWith } from './helpers.js';

const BODY = 'I. MỤC ĐÍCH\n\n1. Tăng cường công tác thi đua.';

describe('headers split over many lines', () => {
  it('joins one-word lines and a broken Quốc hiệu ("ỦY" / "BAN NHÂN DÂN", "Số:" / "12/KH-UBND", "Hà" / "Nội, ngày …")', () => {
    const header = 'ỦY\n  BAN NHÂN DÂN\n  THÀNH PHỐ HẢI PHÒNG\n  -------\nCỘNG\n  HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM\n  Độc lập - Tự do - Hạnh phúc\nSố:\n  31/KH-UBND\nHải\n  Phòng, ngày 07 tháng 4 năm 2023';
    const r = extract(planWith(BODY, { header, preamble: 'Căn cứ tình hình thực tế.' }));
    expect(r.document).toMatchObject({ number: '31/KH-UBND', date: '2023-04-07', place: 'Hải Phòng' });
    expect(r.document.issuer).toEqual({ name: 'Ủy ban nhân dân thành phố Hải Phòng', kind: 'people_committee', level: 'province' });
  });
  it('reads a body name broken over three lines ("VIỆN KIỂM SÁT" / "NHÂN DÂN" / "TỐI CAO")', () => {
    const header = 'VIỆN KIỂM SÁT\n  NHÂN DÂN\n  TỐI CAO\nCỘNG HÒA XÃ HỘI\n  CHỦ NGHĨA VIỆT NAM\nĐộc lập - Tự do - Hạnh phúc\nSố: 09/HD-VKSTC\nHà Nội, ngày 10 tháng 01 năm 2024';
    const r = extract(planWith(BODY, { header, preamble: 'Căn cứ tình hình thực tế.' }));
    expect(r.document.issuer).toEqual({ name: 'Viện kiểm sát nhân dân tối cao', kind: 'other', level: 'other' });
    expect(r.document.number).toBe('09/HD-VKSTC');
  });
  it('does not take a number the issuer lines cite ("THEO QUYẾT ĐỊNH" / "SỐ 77/QĐ-SYT") as the document\'s own', () => {
    const header = '   SỞ Y TẾ                 CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM\n    ĐOÀN KIỂM TRA                  Độc lập - Tự do - Hạnh phúc\n  THEO QUYẾT ĐỊNH\n   SỐ 77/QĐ-SYT                      Cà Mau, ngày 02 tháng 5 năm 2025\n     Số: 15/KH-ĐKT';
    const r = extract(planWith(BODY, { header, preamble: 'Căn cứ tình hình thực tế.' }));
    expect(r.document).toMatchObject({ number: '15/KH-ĐKT', date: '2025-05-02', place: 'Cà Mau' });
    expect(r.document.issuer.name).toBe('Đoàn kiểm tra Sở Y tế');
    expect(r.document.issuer.level).toBe('other');
  });
});

describe('a number or a day left blank', () => {
  it('keeps the symbol of "Số:     /KH-…" without a number, and the place of "ngày    tháng 11 năm 2025" without a date', () => {
    const header = 'UỶ BAN MTTQ VIỆT NAM\nXÃ TÂN HÒA\nBAN THƯỜNG TRỰC\nSố:        /KH-MTTQ-BTT\nCỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM\nĐộc lập - Tự do - Hạnh phúc\n\nTân Hòa, ngày    tháng 11 năm 2025';
    const r = extract(planWith(BODY, { header, preamble: 'Căn cứ Kế hoạch số 15/KH-MTTQ ngày 02/10/2025 của Ban Thường trực Ủy ban MTTQ Việt Nam tỉnh.' }));
    expect(r.document).toMatchObject({ number: null, symbol: 'KH-MTTQ-BTT', date: null, place: 'Tân Hòa' });
    const codes = r.diagnostics.map((d) => d.code);
    expect(codes).toContain('missing-number');
    expect(codes).toContain('missing-date');
    expect(r.document.issuer).toEqual({ name: 'Ban Thường trực Ủy ban Mặt trận Tổ quốc Việt Nam xã Tân Hòa', kind: 'other', level: 'commune' });
  });
});

describe('issuers that are not a UBND or the police', () => {
  it('reads courts, procuracies, ministries and the Thủ tướng with level "other"', () => {
    expect(parseBody('TÒA ÁN NHÂN DÂN TỐI CAO')).toMatchObject({ name: 'Tòa án nhân dân tối cao', level: 'other' });
    expect(parseBody('Bộ Nội vụ')).toMatchObject({ name: 'Bộ Nội vụ', level: 'other' });
    expect(parseBody('Thủ tướng Chính phủ')).toMatchObject({ name: 'Thủ tướng Chính phủ', level: 'other' });
    expect(parseBody('Sở Tư pháp tỉnh Quảng Trị')).toMatchObject({ name: 'Sở Tư pháp tỉnh Quảng Trị', level: 'other', place: 'Quảng Trị' });
  });
  it('never reads "Số" as "Sở", nor "Bộ, ban, ngành" as a ministry', () => {
    expect(parseBody('Số: 12/KH-UBND')).toBeNull();
    expect(parseBody('Bộ, ban, ngành Trung ương')).toBeNull();
  });
  it('names a specialised department from its abbreviation ("PHÒNG TN&MT" under "UBND THỊ XÃ …")', () => {
    const header = ' UBND THỊ XÃ BÌNH MINH                     CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM\n      PHÒNG TN&MT\tĐộc lập - Tự do - Hạnh phúc\n  Số: 21/BC-PTNMT                                Bình Minh, ngày 21 tháng 4 năm 2022';
    const r = extract(planWith(BODY, { header, preamble: 'Căn cứ tình hình thực tế.' }));
    expect(r.document.issuer).toEqual({ name: 'Phòng Tài nguyên và Môi trường thị xã Bình Minh', kind: 'other', level: 'other' });
  });
  it('names a sub-committee with the committee above it, at that committee\'s level', () => {
    const header = 'ỦY BAN BẦU CỬ XÃ NA HANG\nTIỂU BAN TUYÊN TRUYỀN\n\nSố: 02/KH-TBTT\nCỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM\nĐộc lập - Tự do - Hạnh phúc\n\nNa Hang, ngày 10 tháng 12 năm 2025';
    const r = extract(planWith(BODY, { header, preamble: 'Căn cứ tình hình thực tế.' }));
    expect(r.document.issuer).toMatchObject({ name: 'Tiểu ban Tuyên truyền Ủy ban bầu cử xã Na Hang', level: 'commune' });
  });
});

describe('type line and signature broken over lines', () => {
  it('reads a type name broken inside a bold run ("**QUYẾT" / "ĐỊNH**") as the type line', () => {
    const text = '|\n**ỦY BAN NHÂN DÂN **\nTỈNH KIÊN GIANG\n|\n**CỘNG HÒA XÃ HỘI CHỦ\nNGHĨA VIỆT NAM**\nĐộc lập - Tự do - Hạnh phúc\n|\nSố: 11/2025/QĐ-UBND\n|\n*Kiên Giang, ngày 02 tháng\n5 năm 2025*\n|\n\n**QUYẾT\nĐỊNH**\n\nVỀ VIỆC BAN HÀNH QUY CHẾ THI ĐUA\n\n*Căn cứ Luật Thi đua, khen thưởng số 06/2022/QH15;*\n\n**QUYẾT ĐỊNH:**\n\n**Điều 1.** Ban hành kèm theo Quyết định này Quy chế thi đua.';
    const r = extract(text);
    expect(r.document).toMatchObject({ type: 'Quyết định', number: '11/2025/QĐ-UBND', date: '2025-05-02', place: 'Kiên Giang' });
    expect(r.basis.map((b) => b.number)).toEqual(['06/2022/QH15']);
  });
  it('takes the first mixed-case name under the signature, joined when broken after its first word, not an attachment heading after it', () => {
    const text = planWith(BODY).replace(/TM\. ỦY BAN NHÂN DÂN\nCHỦ TỊCH\n\nNguyễn Văn An/, 'TM. ỦY BAN NHÂN DÂN\nKT. CHỦ TỊCH\nPHÓ CHỦ TỊCH\n\nDương\nĐức Tuấn\n\nKẾ HOẠCH CHI TIẾT\nĐIỀU KHOẢN THI HÀNH');
    expect(extract(text).signature).toMatchObject({ deputyFor: 'KT. Chủ tịch', position: 'Phó Chủ tịch', name: 'Dương Đức Tuấn' });
  });
  it('reads a sub-committee\'s signature: "TM. TIỂU BAN" / "TRƯỞNG TIỂU BAN"', () => {
    const text = planWith(BODY).replace(/TM\. ỦY BAN NHÂN DÂN\nCHỦ TỊCH\n\nNguyễn Văn An/, 'TM. TIỂU BAN\nTRƯỞNG TIỂU BAN\n\nNguyễn Văn Hòa');
    expect(extract(text).signature).toMatchObject({ onBehalf: 'TM. Tiểu ban', position: 'Trưởng Tiểu ban', name: 'Nguyễn Văn Hòa' });
  });
});

describe('names read within their reach', () => {
  it('reads a body or conferrer at the start of a long text as at the start of a short one (callers pass the rest of a paragraph)', () => {
    const tail = ' về việc thực hiện phong trào thi đua'.repeat(20000);
    expect(parseBody('UBND huyện An Phú' + tail)).toMatchObject({ name: 'Ủy ban nhân dân huyện An Phú', length: 'UBND huyện An Phú'.length });
    expect(parseConferrer('Chủ tịch UBND tỉnh Đồng Tháp' + tail)?.text).toBe('Chủ tịch Ủy ban nhân dân tỉnh Đồng Tháp');
  });
});
