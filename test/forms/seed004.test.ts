// Issue 13's "done when": the ward plan (seed 004, extracted from its text) with a ward body and
// a three-person list gives forms an officer can file as they are; the same list from a district
// body addressed to the district chairman is refused with nothing written. Plus --pdf, grouped
// messages and --verbose, and the sơ lược lý lịch of mẫu 08.
import { existsSync, readdirSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { BODIES, BODY, HAS_SOFFICE, ROOT, collectives, gold, individuals, readDocx, runCli, tempDir, unopenable, writeJson } from './helpers.js';

const tmp = tempDir();
afterAll(() => tmp.cleanup());

const SEED = join(ROOT, 'corpus', 'seeds', '004_117274c581549a38.txt');
const WARD = BODIES['004']!;
const DATE = '2025-12-10';

// Three people of the ward's offices, with the optional columns of the sơ lược lý lịch (one
// without them) and the index growth declared for one only.
const LIST = [
  'Loại,Họ và tên,Chức vụ,Đơn vị,Thành tích,Chỉ số tăng so với năm trước,Ngày sinh,Giới tính,Quê quán,Nơi thường trú,Trình độ chuyên môn',
  'cá nhân,Nguyễn Thị Lan,Chuyên viên,Phòng Văn hóa - Xã hội,"Tham mưu Kế hoạch cải cách hành chính năm 2025.\nTheo dõi Bộ Chỉ số cải cách hành chính của phường.",có,12/3/1985,Nữ,"xã An Ninh, tỉnh Sóc Trăng","phường Sóc Trăng, thành phố Cần Thơ",Cử nhân Luật',
  'cá nhân,Lê Văn Hùng,Phó Trưởng phòng,Phòng Kinh tế,Chỉ đạo số hóa hồ sơ thủ tục hành chính.,,05/11/1979,Nam,Cần Thơ,phường Sóc Trăng,Thạc sĩ Kinh tế',
  'cá nhân,Phạm Minh Tâm,Viên chức,Trung tâm Phục vụ hành chính công,Tiếp nhận và trả kết quả đúng hạn.,,,,,,',
].join('\n');
const list = join(tmp.dir, 'danh-sach.csv');
writeFileSync(list, `${LIST}\n`);

const args = (form: string, out: string, body = WARD, extra: string[] = []) => ['render', form, '--plan', SEED, '--nominees', list, '--from', body, '--date', DATE, '--out', out, ...extra];
const lines = (stderr: string) => stderr.split('\n').filter((l) => l.trim() !== '');

describe('seed 004, a ward body and a three-person list', () => {
  it('mẫu 01: Căn cứ cites the Luật and 152/2025/NĐ-CP, then the plan; Như trên and Lưu once; at most 12 lines of messages', async () => {
    const out = join(tmp.dir, 'to-trinh.docx');
    const r = await runCli(args('mau01', out));
    expect(r.code, r.stderr).toBe(0);
    expect(lines(r.stderr).length).toBeLessThanOrEqual(12);
    const p = readDocx(out).paragraphs;
    const basis = p.filter((x) => x.startsWith('Căn cứ'));
    expect(basis[0]).toBe('Căn cứ Luật Thi đua, khen thưởng ngày 15 tháng 6 năm 2022;');
    expect(basis[1]).toMatch(/^Căn cứ Nghị định số 152\/2025\/NĐ-CP ngày 14 tháng 6 năm 2025 của Chính phủ .*;$/);
    expect(basis[2]).toMatch(/^Căn cứ Kế hoạch của Ủy ban nhân dân phường Sóc Trăng về phát động phong trào thi đua/);
    // The ward body's own recipients hold "Như trên" and "Lưu: VT, VP" already.
    expect(p.filter((x) => /Như trên/i.test(x))).toEqual(['- Như trên;']);
    expect(p.filter((x) => /^- Lưu\b/.test(x))).toEqual(['- Lưu: VT, VP.']);
    expect(p).toContain('- Hội đồng Thi đua - Khen thưởng phường;');
    // The head of the office signs in their own name ("authority": null).
    expect(p[p.indexOf('Trần Văn Tư') - 1]).toBe('CHÁNH VĂN PHÒNG');
  });

  it('mẫu 08: the sơ lược lý lịch with dates of birth and home towns, blank labelled lines when absent, the criteria filled in', async () => {
    const out = join(tmp.dir, 'bao-cao');
    const r = await runCli(args('mau08', out));
    expect(r.code, r.stderr).toBe(0);
    expect(lines(r.stderr).length).toBeLessThanOrEqual(12);
    const files = readdirSync(out).sort();
    expect(files).toEqual(['01 - Nguyễn Thị Lan.docx', '02 - Lê Văn Hùng.docx', '03 - Phạm Minh Tâm.docx']);
    const lan = readDocx(join(out, files[0]!));
    const p = lan.paragraphs;
    expect(p).toContain('I. SƠ LƯỢC LÝ LỊCH');
    expect(p).toContain('- Ngày, tháng, năm sinh: 12/03/1985');
    expect(p).toContain('- Giới tính: Nữ');
    expect(p).toContain('- Quê quán: xã An Ninh, tỉnh Sóc Trăng');
    expect(p).toContain('- Nơi thường trú: phường Sóc Trăng, thành phố Cần Thơ');
    expect(p).toContain('- Đơn vị công tác: Phòng Văn hóa - Xã hội');
    expect(p).toContain('- Chức vụ: Chuyên viên');
    expect(p).toContain('- Trình độ chuyên môn, nghiệp vụ: Cử nhân Luật');
    // The criteria table: the declared figure and a plain-words assessment; rows never split.
    const growth = p.findIndex((x) => /cao hơn năm trước liền kề/.test(x));
    expect(p.slice(growth + 1, growth + 3)).toEqual(['tăng', 'Đạt']);
    expect(lan.xml.match(/<w:cantSplit\/>/g)!.length).toBeGreaterThanOrEqual(3);
    expect(lan.xml).toContain('<w:tblHeader/>');
    // A line break in the achievements is a new paragraph, not a stretched line.
    expect(p).toContain('Tham mưu Kế hoạch cải cách hành chính năm 2025.');
    expect(p).toContain('Theo dõi Bộ Chỉ số cải cách hành chính của phường.');
    expect(lan.xml).not.toContain('<w:br/>');
    const hung = readDocx(join(out, files[1]!)).paragraphs;
    expect(hung).toContain('- Ngày, tháng, năm sinh: 05/11/1979');
    expect(hung).toContain('- Quê quán: Cần Thơ');
    const g = hung.findIndex((x) => /cao hơn năm trước liền kề/.test(x));
    expect(hung[g + 1]).toBe('Chưa kê khai');
    // Nothing declared: the labels stay, with dots for filling in by hand.
    const tam = readDocx(join(out, files[2]!)).paragraphs;
    expect(tam).toContain('- Ngày, tháng, năm sinh: ……………………………………');
    expect(tam).toContain('- Quê quán: ……………………………………');
    expect(tam).toContain('- Giới tính: ……………………………………');
  });

  it('the same list from a district body addressed to the district chairman is refused, and no file is left', async () => {
    const out01 = join(tmp.dir, 'district.docx');
    const r = await runCli(args('mau01', out01, BODY));
    expect(r.code).toBe(1);
    expect(existsSync(out01)).toBe(false);
    expect(r.stderr).toContain(
      'lỗi: Tờ trình kính gửi Chủ tịch Ủy ban nhân dân huyện Châu Thành, nhưng Giấy khen do Chủ tịch Ủy ban nhân dân phường Sóc Trăng quyết định tặng',
    );
    expect(r.stderr).toContain('lỗi: Phòng Nội vụ huyện Châu Thành (cấp huyện) không thể trình Giấy khen của Chủ tịch Ủy ban nhân dân phường Sóc Trăng');
    // The plan's own words, with the line they are on.
    expect(r.stderr).toMatch(/Kế hoạch: “Giấy khen của Chủ tịch UBND phường: Căn cứ vào thành tích cụ thể .*” \(Kế hoạch, dòng \d+\)/);
    const out08 = join(tmp.dir, 'district-08');
    const r08 = await runCli(args('mau08', out08, BODY));
    expect(r08.code).toBe(1);
    expect(existsSync(out08)).toBe(false);
    // --draft writes it anyway, marked, with the problems on the last page.
    const draft = join(tmp.dir, 'district-draft.docx');
    expect((await runCli(args('mau01', draft, BODY, ['--draft']))).code).toBe(0);
    expect(readDocx(draft).text).toContain('[Lỗi] Tờ trình kính gửi Chủ tịch Ủy ban nhân dân huyện Châu Thành');
  });

  it('a ward body may address the ward chairman through the ward council; a body of another ward may not propose', async () => {
    const council = writeJson(join(tmp.dir, 'council.json'), {
      ...(await import(WARD, { with: { type: 'json' } })).default,
      addressee: 'Hội đồng Thi đua - Khen thưởng phường Sóc Trăng',
    });
    expect((await runCli(args('mau01', join(tmp.dir, 'council.docx'), council, ['-q']))).code).toBe(0);
    const other = writeJson(join(tmp.dir, 'other-ward.json'), {
      ...(await import(WARD, { with: { type: 'json' } })).default,
      name: 'Phòng Kinh tế phường Phú Lợi',
      parent: 'Ủy ban nhân dân phường Phú Lợi',
    });
    const r = await runCli(args('mau01', join(tmp.dir, 'other.docx'), other));
    expect(r.code).toBe(1);
    expect(r.stderr).toContain('lỗi: Phòng Kinh tế phường Phú Lợi không thuộc đơn vị của Chủ tịch Ủy ban nhân dân phường Sóc Trăng');
  });
});

describe('messages: one line per criterion and occasion, --verbose for all', () => {
  it('groups sixteen undeclared figures into one line quoting the plan once', async () => {
    const many = writeJson(join(tmp.dir, 'many.json'), [...collectives(4, { task_completion: '', index_growth: '' }), ...individuals(7, { index_growth: '' })]);
    const base = ['render', 'mau01', '--plan', SEED, '--nominees', many, '--from', WARD, '--date', DATE];
    const grouped = await runCli([...base, '--out', join(tmp.dir, 'many.docx')]);
    expect(grouped.code, grouped.stderr).toBe(0);
    const warnings = lines(grouped.stderr).filter((l) => l.includes('cảnh báo'));
    // Collectives: task completion and index growth; individuals: index growth — three lines.
    expect(warnings).toHaveLength(3);
    expect(warnings[0]).toMatch(/^thidua: cảnh báo: 04 tập thể chưa kê khai tỷ lệ hoàn thành nhiệm vụ nên chưa kiểm tra được yêu cầu ≥ 100%: Tập thể số 1 \(mục 1\); Tập thể số 2 \(mục 2\); Tập thể số 3 \(mục 3\); Tập thể số 4 \(mục 4\) — Kế hoạch: “/);
    expect(warnings.every((l) => (l.match(/“/g) ?? []).length === 1)).toBe(true);
    expect(warnings.find((l) => l.includes('07 cá nhân'))).toContain('Nguyễn Văn Số7 (mục 11)');
    const verbose = await runCli([...base, '--out', join(tmp.dir, 'many-v.docx'), '--verbose']);
    expect(lines(verbose.stderr).filter((l) => l.includes('cảnh báo'))).toHaveLength(4 * 2 + 7);
  });
});

describe('--pdf', () => {
  it('refuses clearly, writing nothing, when LibreOffice is not installed', async () => {
    const saved = process.env.THIDUA_SOFFICE;
    process.env.THIDUA_SOFFICE = '';
    try {
      const out = join(tmp.dir, 'no-lo.docx');
      const r = await runCli(args('mau01', out, WARD, ['--pdf']));
      expect(r.code).toBe(1);
      expect(r.stderr).toContain('--pdf cần LibreOffice');
      expect(r.stderr).toContain('apt-get install libreoffice-writer-nogui');
      expect(existsSync(out)).toBe(false);
    } finally {
      if (saved === undefined) delete process.env.THIDUA_SOFFICE;
      else process.env.THIDUA_SOFFICE = saved;
    }
  });

  it.skipIf(!HAS_SOFFICE)('writes a PDF beside each DOCX', async () => {
    const out = join(tmp.dir, 'pdf', 'to-trinh.docx');
    const r = await runCli(args('mau01', out, WARD, ['--pdf']));
    expect(r.code, r.stderr).toBe(0);
    expect(existsSync(out)).toBe(true);
    expect(existsSync(join(tmp.dir, 'pdf', 'to-trinh.pdf'))).toBe(true);
    const dir = join(tmp.dir, 'pdf-08');
    const r08 = await runCli(args('mau08', dir, WARD, ['--pdf']));
    expect(r08.code, r08.stderr).toBe(0);
    expect(readdirSync(dir).sort()).toEqual([
      '01 - Nguyễn Thị Lan.docx',
      '01 - Nguyễn Thị Lan.pdf',
      '02 - Lê Văn Hùng.docx',
      '02 - Lê Văn Hùng.pdf',
      '03 - Phạm Minh Tâm.docx',
      '03 - Phạm Minh Tâm.pdf',
    ]);
  }, 300_000);
});

describe.skipIf(!HAS_SOFFICE)('every generated file', () => {
  it('opens in LibreOffice', () => {
    const { count, failed } = unopenable(tmp.dir);
    expect(count).toBeGreaterThan(5);
    expect(failed).toEqual([]);
  }, 600_000);
});

// The gold record of the same plan gives the same Căn cứ (the law and decree depend on the date only).
it('the decree follows the date of the Tờ trình', async () => {
  const { legalBasis } = await import('../../pipeline/forms/law.js');
  const cite = (iso: string) => legalBasis({ year: Number(iso.slice(0, 4)), month: Number(iso.slice(5, 7)), day: Number(iso.slice(8, 10)) }).map((l) => l.citation.split(' ngày ')[0]);
  expect(cite('2025-12-10')).toEqual(['Luật Thi đua, khen thưởng', 'Nghị định số 152/2025/NĐ-CP']);
  expect(cite('2025-07-01')).toEqual(['Luật Thi đua, khen thưởng', 'Nghị định số 152/2025/NĐ-CP']);
  expect(cite('2025-06-30')).toEqual(['Luật Thi đua, khen thưởng', 'Nghị định số 98/2023/NĐ-CP']);
  expect(cite('2024-01-01')).toEqual(['Luật Thi đua, khen thưởng', 'Nghị định số 98/2023/NĐ-CP']);
  expect(cite('2023-12-31')).toEqual(['Luật Thi đua, khen thưởng', 'Nghị định số 91/2017/NĐ-CP']);
  expect(gold('004')).toContain('004_');
});
