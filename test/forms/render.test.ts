// Every corpus plan with quotas renders a valid list as mẫu 01 and mẫu 08; each DOCX is read
// back and every field and every nominee is checked.
import { existsSync, readdirSync } from 'node:fs';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { BODIES, BODY, FIXTURES, collectives, gold, individuals, readDocx, runCli, tempDir, writeJson, type NomineeInput, HAS_SOFFICE, unopenable } from './helpers.js';

const tmp = tempDir();
afterAll(() => tmp.cleanup());

interface Case {
  plan: string;
  body: string;
  /** Header: parent (upper line) and the body's own name under it, IN HOA. */
  header: [string, string];
  /** Căn cứ: the law and the decree in force on the date. */
  legal: string[];
  addressee: string;
  bodyName: string;
  symbol: string;
  signer: string[];
  occasion?: string;
  date: string;
  nominees: NomineeInput[];
  citation: string;
  award: string;
  placeDate: string;
  counts: string;
}

const CASES: Record<string, Case> = {
  // 001: exact 06 collectives split 02/02/02 by category, exact 10 individuals; deadline 15/10/2023.
  '001': {
    plan: gold('001'),
    body: BODY,
    header: ['ỦY BAN NHÂN DÂN\nHUYỆN CHÂU THÀNH', 'PHÒNG NỘI VỤ'],
    legal: ['Căn cứ Luật Thi đua, khen thưởng ngày 26 tháng 11 năm 2003; Luật sửa đổi, bổ sung một số điều của Luật Thi đua, khen thưởng ngày 14 tháng 6 năm 2005 và ngày 16 tháng 11 năm 2013;', 'Căn cứ Nghị định số 91/2017/NĐ-CP ngày 31 tháng 7 năm 2017 của Chính phủ quy định chi tiết thi hành một số điều của Luật Thi đua, khen thưởng;'],
    addressee: 'Chủ tịch Ủy ban nhân dân huyện Châu Thành',
    bodyName: 'Phòng Nội vụ huyện Châu Thành',
    symbol: 'PNV',
    signer: ['KT. TRƯỞNG PHÒNG', 'PHÓ TRƯỞNG PHÒNG', 'Nguyễn Văn A'],
    date: '2023-10-10',
    nominees: [
      ...collectives(2, { category: 'các cơ quan, ban ngành cấp huyện' }, 'Phòng'),
      ...collectives(2, { category: 'cơ quan Trung ương, cơ quan tỉnh đóng trên địa bàn' }, 'Chi cục'),
      ...collectives(2, { category: 'xã, thị trấn' }, 'Ủy ban nhân dân xã'),
      ...individuals(10),
    ],
    citation: 'Căn cứ Kế hoạch số 44/KH-UBND ngày 07/3/2023 của Ủy ban nhân dân huyện Châu Thành về phát động phong trào thi đua cải cách hành chính năm 2023',
    award: 'Giấy khen của Chủ tịch Ủy ban nhân dân huyện Châu Thành',
    placeDate: 'Châu Thành, ngày 10 tháng 10 năm 2023',
    counts: '06 tập thể và 10 cá nhân',
  },
  // 002: several occasions; midterm = 05 collectives (02 ban/phòng + 03 xã/phường), 10 individuals.
  '002': {
    plan: gold('002'),
    body: BODIES['002']!,
    header: ['ỦY BAN NHÂN DÂN\nTHỊ XÃ NGÃ NĂM', 'PHÒNG NỘI VỤ'],
    legal: ['Căn cứ Luật Thi đua, khen thưởng ngày 15 tháng 6 năm 2022;', 'Căn cứ Nghị định số 98/2023/NĐ-CP ngày 31 tháng 12 năm 2023 của Chính phủ quy định chi tiết thi hành một số điều của Luật Thi đua, khen thưởng;'],
    addressee: 'Chủ tịch Ủy ban nhân dân thị xã Ngã Năm',
    bodyName: 'Phòng Nội vụ thị xã Ngã Năm',
    symbol: 'PNV',
    signer: ['KT. TRƯỞNG PHÒNG', 'PHÓ TRƯỞNG PHÒNG', 'Lâm Văn Ba'],
    occasion: 'midterm',
    date: '2025-06-02',
    nominees: [
      ...collectives(2, { category: 'ban, phòng ngành' }, 'Phòng'),
      ...collectives(3, { category: 'xã, phường' }, 'Ủy ban nhân dân phường'),
      ...individuals(10),
    ],
    citation: 'Căn cứ Kế hoạch số 50/KH-UBND ngày 23/5/2022 của Ủy ban nhân dân thị xã Ngã Năm về phát động phong trào thi đua cải cách hành chính giai đoạn 2021 - 2030',
    award: 'Giấy khen của Chủ tịch Ủy ban nhân dân thị xã Ngã Năm',
    placeDate: 'Ngã Năm, ngày 02 tháng 6 năm 2025',
    counts: '05 tập thể và 10 cá nhân',
  },
  // 004: exactly 04 collectives, at most 07 individuals; deadline 30/01/2026; no plan number.
  '004': {
    plan: gold('004'),
    body: BODIES['004']!,
    header: ['ỦY BAN NHÂN DÂN\nPHƯỜNG SÓC TRĂNG', 'VĂN PHÒNG HỘI ĐỒNG NHÂN DÂN VÀ ỦY BAN NHÂN DÂN'],
    legal: ['Căn cứ Luật Thi đua, khen thưởng ngày 15 tháng 6 năm 2022;', 'Căn cứ Nghị định số 152/2025/NĐ-CP ngày 14 tháng 6 năm 2025 của Chính phủ quy định về phân cấp, phân quyền trong lĩnh vực thi đua, khen thưởng; quy định chi tiết và hướng dẫn thi hành một số điều của Luật Thi đua, khen thưởng;'],
    addressee: 'Chủ tịch Ủy ban nhân dân phường Sóc Trăng',
    bodyName: 'Văn phòng Hội đồng nhân dân và Ủy ban nhân dân phường Sóc Trăng',
    symbol: 'VP',
    signer: ['CHÁNH VĂN PHÒNG', 'Trần Văn Tư'],
    date: '2026-01-05',
    nominees: [...collectives(4), ...individuals(5)],
    citation: 'Căn cứ Kế hoạch của Ủy ban nhân dân phường Sóc Trăng về phát động phong trào thi đua đẩy mạnh công tác Cải cách hành chính nhà nước trên địa bàn phường Sóc Trăng năm 2025',
    award: 'Giấy khen của Chủ tịch Ủy ban nhân dân phường Sóc Trăng',
    placeDate: 'Sóc Trăng, ngày 05 tháng 01 năm 2026',
    counts: '04 tập thể và 05 cá nhân',
  },
  // 000: awards without numbers (nothing to count against), three occasions.
  '000': {
    plan: gold('000'),
    body: BODIES['000']!,
    header: ['', 'CÔNG AN HUYỆN CÙ LAO DUNG'],
    legal: ['Căn cứ Luật Thi đua, khen thưởng ngày 26 tháng 11 năm 2003; Luật sửa đổi, bổ sung một số điều của Luật Thi đua, khen thưởng ngày 14 tháng 6 năm 2005 và ngày 16 tháng 11 năm 2013;', 'Căn cứ Nghị định số 91/2017/NĐ-CP ngày 31 tháng 7 năm 2017 của Chính phủ quy định chi tiết thi hành một số điều của Luật Thi đua, khen thưởng;'],
    addressee: 'Giám đốc Công an tỉnh Sóc Trăng',
    bodyName: 'Công an huyện Cù Lao Dung',
    symbol: 'CAH',
    signer: ['KT. TRƯỞNG CÔNG AN HUYỆN', 'PHÓ TRƯỞNG CÔNG AN HUYỆN', 'Trịnh Văn Năm'],
    occasion: 'annual',
    date: '2022-12-01',
    nominees: [...collectives(3), ...individuals(4)],
    citation: 'Căn cứ Kế hoạch số 52/KH-CAH ngày 29/4/2022 của Công an huyện Cù Lao Dung về phát động phong trào thi đua cải cách hành chính trong Công an huyện, giai đoạn 2021-2030',
    award: 'Giấy khen của Giám đốc Công an tỉnh',
    placeDate: 'Cù Lao Dung, ngày 01 tháng 12 năm 2022',
    counts: '03 tập thể và 04 cá nhân',
  },
};

function args(c: Case, form: string, nominees: string, out: string, extra: string[] = []): string[] {
  return ['render', form, '--plan', c.plan, '--nominees', nominees, '--from', c.body, '--date', c.date, '--out', out, ...(c.occasion ? ['--occasion', c.occasion] : []), ...extra];
}

describe.each(Object.entries(CASES))('plan %s: a valid list renders', (id, c) => {
  const nominees = writeJson(join(tmp.dir, `nominees-${id}.json`), c.nominees);

  it('mẫu 01: every field and every nominee', async () => {
    const out = join(tmp.dir, `mau01-${id}.docx`);
    const result = await runCli(args(c, 'mau01', nominees, out));
    expect(result.stderr).not.toMatch(/error/);
    expect(result.code).toBe(0);
    const doc = readDocx(out);
    expect(doc.text).not.toMatch(/undefined|null|\{|\}/);
    expect(doc.text).not.toContain('DỰ THẢO');
    const p = doc.paragraphs;
    // Header: parent and body IN HOA, Quốc hiệu, Tiêu ngữ, number and symbol, place and date.
    // The body's name under its parent without the place the parent already names.
    // (A line break in a value becomes a paragraph break: the header lines are paragraphs.)
    const header = [...(c.header[0] ? c.header[0].split('\n') : []), c.header[1]];
    expect(p.slice(0, header.length)).toEqual(header);
    expect(p).toContain('CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM');
    expect(p).toContain('Độc lập - Tự do - Hạnh phúc');
    expect(p).toContain(`Số:        /TTr-${c.symbol}`);
    expect(p).toContain(c.placeDate);
    // Title, trích yếu naming the award and conferrer from the plan, Kính gửi.
    expect(p).toContain('TỜ TRÌNH');
    expect(p.find((x) => x.startsWith('Về việc đề nghị tặng'))).toContain(c.award);
    expect(p).toContain(`Kính gửi: ${c.addressee}.`);
    // Căn cứ: the law and the decree in force on the date, then the plan cited in full, the last line ending with ".".
    const basis = p.filter((x) => x.startsWith('Căn cứ'));
    expect(basis).toEqual([...c.legal, `${c.citation}.`]);
    // The request: who asks whom, the award, how many collectives and individuals.
    const proposal = p.find((x) => x.startsWith(`${c.bodyName} kính trình`))!;
    expect(proposal).toContain(c.award);
    expect(proposal).toContain(c.counts);
    // The list: header, then every nominee with STT, name, position/unit, kind/category.
    expect(p).toContain('STT');
    c.nominees.forEach((n, i) => {
      const at = p.indexOf(n.name);
      expect(at, n.name).toBeGreaterThan(0);
      expect(p[at - 1]).toBe(String(i + 1));
      const unit = [n.position, n.unit].filter(Boolean).join(', ');
      if (unit) expect(p[at + 1]).toBe(unit);
      expect(p[at + (unit ? 2 : 1)]).toBe(n.category ? `${n.recipient === 'collective' ? 'Tập thể' : 'Cá nhân'} (${n.category})` : n.recipient === 'collective' ? 'Tập thể' : 'Cá nhân');
    });
    // The table's header row repeats on every page.
    expect(doc.xml).toContain('<w:tblHeader/>');
    // Closing, Nơi nhận, signature.
    expect(p).toContain(`${c.bodyName} kính trình ${c.addressee} xem xét, quyết định./.`);
    expect(p).toContain('Nơi nhận:');
    // "Như trên" first and "Lưu" last, each once, whatever the body's recipients hold.
    const from = p.indexOf('Nơi nhận:');
    const to = p.indexOf(c.signer[0]!);
    const recipients = p.slice(from + 1, to);
    expect(recipients[0]).toBe('- Như trên;');
    expect(recipients.at(-1)).toMatch(new RegExp(`^- Lưu: VT, ${c.symbol}\\.$`));
    expect(p.filter((x) => /Như trên/.test(x))).toHaveLength(1);
    expect(p.filter((x) => /^- Lưu/.test(x))).toHaveLength(1);
    expect(p.slice(to, to + c.signer.length)).toEqual(c.signer);
    // Layout: A4, Times New Roman.
    expect(doc.xml).toContain('<w:pgSz w:w="11906" w:h="16838"/>');
  });

  it('mẫu 08: one report per nominee, named after the nominee', async () => {
    const out = join(tmp.dir, `mau08-${id}`);
    const result = await runCli(args(c, 'mau08', nominees, out));
    expect(result.code).toBe(0);
    const files = readdirSync(out).sort();
    expect(files).toHaveLength(c.nominees.length);
    const ordered = [...c.nominees.filter((n) => n.recipient === 'collective'), ...c.nominees.filter((n) => n.recipient === 'individual')];
    ordered.forEach((n, i) => {
      const file = files[i]!;
      expect(file).toBe(`${String(i + 1).padStart(2, '0')} - ${n.name}.docx`);
      const doc = readDocx(join(out, file));
      const p = doc.paragraphs;
      expect(doc.text).not.toMatch(/undefined|null|\{|\}/);
      expect(p).toContain('BÁO CÁO THÀNH TÍCH');
      expect(p).toContain(`ĐỀ NGHỊ TẶNG ${c.award.toLocaleUpperCase('vi')}`);
      expect(p).toContain(c.placeDate);
      expect(p).toContain(`${n.recipient === 'collective' ? 'Tên tập thể' : 'Họ và tên'}: ${n.name}`);
      expect(p).toContain(n.achievements);
      if (n.unit) expect(p).toContain(n.recipient === 'collective' ? `- Đơn vị cấp trên trực tiếp: ${n.unit}` : `- Đơn vị công tác: ${n.unit}`);
      if (n.recipient === 'individual') {
        expect(p).toContain('NGƯỜI BÁO CÁO THÀNH TÍCH');
        expect(p.filter((x) => x === n.name)).toHaveLength(1); // signature name
      } else expect(p).toContain('THỦ TRƯỞNG ĐƠN VỊ');
      expect(p).toContain('XÁC NHẬN CỦA CẤP TRÌNH KHEN THƯỞNG');
    });
  });
});

describe('mẫu 08 measures each nominee against the plan criteria', () => {
  it('lists the criteria in the plan words with the declared results', async () => {
    const out = join(tmp.dir, 'mau08-fixture');
    const result = await runCli(['render', 'mau08', '--plan', gold('001'), '--nominees', join(FIXTURES, 'nominees-001.csv'), '--from', BODY, '--date', '2023-10-10', '--out', out]);
    expect(result.code).toBe(0);
    const doc = readDocx(join(out, '01 - Phòng Tư pháp huyện.docx'));
    const p = doc.paragraphs;
    // The collective under its parent unit, without the level word the parent already names.
    expect(p.slice(0, 3)).toEqual(['ỦY BAN NHÂN DÂN', 'HUYỆN CHÂU THÀNH', 'PHÒNG TƯ PHÁP']);
    const row = (start: string) => p.findIndex((x) => x.startsWith(start));
    const task = row('Các cơ quan, đơn vị triển khai thực hiện có hiệu quả');
    expect(p.slice(task + 1, task + 3)).toEqual(['100%', 'Đạt']);
    const index = row('Tham mưu thực hiện tốt các nội dung theo bộ tiêu chí');
    expect(p.slice(index + 1, index + 3)).toEqual(['tốt; tăng', 'Đạt']);
    // The xã-only criterion does not apply to a body of the "cơ quan, ban ngành" category.
    expect(row('Tổ chức triển khai tốt các nội dung theo bộ tiêu chí')).toBe(-1);
    const satisfaction = row('Thực hiện tốt việc cung ứng dịch vụ công');
    expect(p.slice(satisfaction + 1, satisfaction + 3)).toEqual(['95%; tăng', 'Đạt']);
    expect(doc.text).toContain('Tham mưu xây dựng mô hình "một cửa" điện tử.');
    // Individuals of plan 001 have no measurable criteria: the qualitative ones are listed.
    const person = readDocx(join(out, '07 - Trần Thị Bích.docx'));
    expect(person.paragraphs).toContain('Hoàn thành tốt các nhiệm vụ được giao trong năm 2023.');
    expect(existsSync(join(out, '16 - Lý Văn Long.docx'))).toBe(true);
  });
});

describe.skipIf(!HAS_SOFFICE)('every generated file', () => {
  it('opens in LibreOffice', () => {
    const { count, failed } = unopenable(tmp.dir);
    expect(count).toBeGreaterThan(0);
    expect(failed).toEqual([]);
  }, 600_000);
});
