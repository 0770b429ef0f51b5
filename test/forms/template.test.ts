// A province's own template (tags inspected first), hostile nominee text, long lists, and the
// DOCX opening in LibreOffice.
import { execFileSync, spawnSync } from 'node:child_process';
import { existsSync, readdirSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { setLang } from '../../pipeline/messages/index.js';
import { packDocx, paragraph } from '../../templates/ooxml.js';
import PizZip from 'pizzip';
import { builtInTemplate, checkTags, prepareTemplate, renderDocx } from '../../pipeline/forms/render.js';
import { buildMau01 } from '../../templates/mau01.js';
import { BODIES, collectives, gold, individuals, readDocx, runCli, tempDir, writeJson, HAS_SOFFICE, unopenable } from './helpers.js';

const WARD = BODIES['004']!;
const POLICE = BODIES['000']!;

const tmp = tempDir();
beforeAll(() => setLang('en'));
afterAll(() => {
  setLang(null);
  tmp.cleanup();
});

function customTemplate(name: string, lines: string[]): string {
  const path = join(tmp.dir, name);
  writeFileSync(path, packDocx(lines.map((l) => paragraph(l)), { title: name }));
  return path;
}

const base = (list: string, out: string, form = 'mau01') => ['render', form, '--plan', gold('004'), '--nominees', list, '--from', WARD, '--date', '2026-01-05', '--out', out];

describe('--template', () => {
  const list = writeJson(join(tmp.dir, 'list.json'), [...collectives(4), ...individuals(2)]);

  it('fills a province form that uses the data model', async () => {
    const template = customTemplate('tinh.docx', [
      '{body.nameUpper}',
      'Số: {number}',
      '{placeDate}',
      'TỜ TRÌNH {subject}',
      'Kính gửi: {addressee}',
      '{#basis}{line}{/basis}',
      'Đề nghị {counts.collectives} tập thể, {counts.individuals} cá nhân nhận {award.full}.',
      '{#nominees}',
      '{no}) {name} — {kindCategory}',
      '{/nominees}',
      '{#body}Cơ quan: {name} ({symbol}){/body}',
      '{signer.name}',
    ]);
    const out = join(tmp.dir, 'tinh-out.docx');
    const r = await runCli([...base(list, out), '--template', template]);
    expect(r.stderr).not.toMatch(/lacks/);
    expect(r.code).toBe(0);
    const p = readDocx(out).paragraphs;
    expect(p).toContain('VĂN PHÒNG HỘI ĐỒNG NHÂN DÂN VÀ ỦY BAN NHÂN DÂN PHƯỜNG SÓC TRĂNG');
    expect(p).toContain('Sóc Trăng, ngày 05 tháng 01 năm 2026');
    expect(p).toContain('Đề nghị 04 tập thể, 02 cá nhân nhận Giấy khen của Chủ tịch Ủy ban nhân dân phường Sóc Trăng.');
    expect(p).toContain('1) Tập thể số 1 — Tập thể');
    expect(p).toContain('6) Nguyễn Văn Số2 — Cá nhân');
    expect(p).toContain('Cơ quan: Văn phòng Hội đồng nhân dân và Ủy ban nhân dân phường Sóc Trăng (VP)');
    expect(p).toContain('Trần Văn Tư');
  });

  it('refuses unknown tags, naming each and where it is', async () => {
    const template = customTemplate('unknown.docx', ['{placeDate}', '{ten_co_quan}', '{#nominees}{name} {hoTen}{/nominees}', '{addressee}{signer.name}{body.name}']);
    const out = join(tmp.dir, 'unknown-out.docx');
    const r = await runCli([...base(list, out), '--template', template]);
    expect(r.code).toBe(1);
    expect(r.stderr).toContain('unknown.docx: the template uses 2 tag(s) the mau01 data model does not have: {ten_co_quan}, {hoTen} inside {#nominees}');
    expect(existsSync(out)).toBe(false);
  });

  it('reports the essential tags a template lacks, and still renders', async () => {
    const template = customTemplate('thin.docx', ['{body.name}', '{placeDate}']);
    const out = join(tmp.dir, 'thin-out.docx');
    const r = await runCli([...base(list, out), '--template', template]);
    expect(r.code).toBe(0);
    expect(r.stderr).toContain('the template lacks {addressee}');
    expect(r.stderr).toContain('the template lacks {nominees}');
    expect(r.stderr).toContain('the template lacks {name} in {#nominees}');
    expect(r.stderr).toContain('the template lacks {signer.name}');
  });

  it('refuses malformed tags and files that are not DOCX', async () => {
    const template = customTemplate('broken.docx', ['{#nominees}{name}', '{placeDate']);
    const r = await runCli([...base(list, join(tmp.dir, 'b.docx')), '--template', template]);
    expect(r.code).toBe(1);
    expect(r.stderr).toMatch(/broken\.docx: the template's tags are malformed: /);
    const notZip = join(tmp.dir, 'plain.docx');
    writeFileSync(notZip, 'hello');
    const r2 = await runCli([...base(list, join(tmp.dir, 'c.docx')), '--template', notZip]);
    expect(r2.code).toBe(1);
    expect(r2.stderr).toContain('plain.docx: the template is not a DOCX (zip) file');
  });

  it('fills a province form for mẫu 08, one per nominee', async () => {
    const template = customTemplate('bctt.docx', [
      '{header.name}',
      'BÁO CÁO THÀNH TÍCH ĐỀ NGHỊ TẶNG {award.fullUpper}',
      '{nominee.kindLabel}: {nominee.name}',
      '{#criteria}',
      '{no}. {text} — {result} — {assessment}',
      '{/criteria}',
      '{achievements}',
      '{placeDate}',
      '{#nominee.isIndividual}Người báo cáo: {nominee.name}{/nominee.isIndividual}',
    ]);
    const out = join(tmp.dir, 'bctt-out');
    const r = await runCli([...base(list, out, 'mau08'), '--template', template]);
    expect(r.stderr).not.toMatch(/lacks/);
    expect(r.code).toBe(0);
    const files = readdirSync(out).sort();
    expect(files).toHaveLength(6);
    const collective = readDocx(join(out, files[0]!)).paragraphs;
    expect(collective).toContain('BÁO CÁO THÀNH TÍCH ĐỀ NGHỊ TẶNG GIẤY KHEN CỦA CHỦ TỊCH ỦY BAN NHÂN DÂN PHƯỜNG SÓC TRĂNG');
    expect(collective).toContain('Tên tập thể: Tập thể số 1');
    expect(collective.some((x) => /^1\. Nội bộ đoàn kết.* — {2}— $/.test(x))).toBe(true);
    expect(collective.some((x) => /^\d\. Các phòng, cơ quan chuyên môn.* — 100% — Đạt$/.test(x))).toBe(true);
    expect(collective.join('\n')).not.toContain('Người báo cáo');
    const person = readDocx(join(out, files[5]!)).paragraphs;
    expect(person).toContain('Họ và tên: Nguyễn Văn Số2');
    expect(person).toContain('Người báo cáo: Nguyễn Văn Số2');
  });

  it('checks mẫu 08 tags with the mẫu 08 model', () => {
    expect(checkTags('mau08', { 'nominee.name': {}, 'award.full': {}, achievements: {}, placeDate: {}, criteria: { text: {}, result: {}, bogus: {} } })).toEqual({
      unknown: ['{bogus} inside {#criteria}'],
      missing: [],
    });
    expect(checkTags('mau08', { nominees: {} }).unknown).toEqual(['{nominees}']);
  });
});

describe('hostile nominee text', () => {
  const hostile = [
    { recipient: 'collective', name: 'Phòng Tài chính & Kế hoạch <huyện> "Châu Thành"', unit: "Ủy ban nhân dân 'huyện'", achievements: 'Dòng 1 & <b>đậm</b>\nDòng 2 {placeDate} ]]> \u0007' },
    { recipient: 'collective', name: '{#nominees}{/nominees} </w:t></w:r></w:p>', unit: 'A&amp;B', achievements: '' },
    { recipient: 'collective', name: 'Đội "Tiên phong" – số 3 / 2025: tốt?*', unit: '' },
    { recipient: 'individual', name: "Nguyễn Thị O'Neil <script>", position: 'Chuyên viên & Kế toán', unit: 'Phòng <Nội vụ>' },
  ];
  const list = writeJson(join(tmp.dir, 'hostile.json'), hostile);

  it('prints names with "&", "<", quotes and braces as they are, in well-formed XML', async () => {
    const out = join(tmp.dir, 'hostile.docx');
    const r = await runCli(['render', 'mau01', '--plan', gold('000'), '--occasion', 'annual', '--nominees', list, '--from', POLICE, '--date', '2022-12-01', '--out', out]);
    expect(r.code).toBe(0);
    const doc = readDocx(out); // throws when the XML is not well-formed
    const p = doc.paragraphs;
    expect(p).toContain('Phòng Tài chính & Kế hoạch <huyện> "Châu Thành"');
    expect(p).toContain('{#nominees}{/nominees} </w:t></w:r></w:p>');
    expect(p).toContain('A&amp;B');
    expect(p).toContain("Chuyên viên & Kế toán, Phòng <Nội vụ>");
    expect(doc.xml).toContain('Phòng Tài chính &amp; Kế hoạch &lt;huyện&gt;');
    expect(doc.xml).not.toContain('<script>');
  });

  it('keeps line breaks of the achievements and drops control characters (mẫu 08), with safe file names', async () => {
    const out = join(tmp.dir, 'hostile-08');
    const r = await runCli(['render', 'mau08', '--plan', gold('000'), '--occasion', 'annual', '--nominees', list, '--from', POLICE, '--date', '2022-12-01', '--out', out]);
    expect(r.code).toBe(0);
    const files = readdirSync(out).sort();
    expect(files).toEqual([
      '01 - Phòng Tài chính & Kế hoạch huyện Châu Thành.docx',
      '02 - {#nominees}{ nominees} w t w r w p.docx',
      '03 - Đội Tiên phong – số 3 2025 tốt.docx',
      "04 - Nguyễn Thị O'Neil script.docx",
    ]);
    const doc = readDocx(join(out, files[0]!));
    // A line break in a value is a paragraph break (a justified line before a manual break would be stretched).
    expect(doc.paragraphs).toContain('Dòng 1 & <b>đậm</b>');
    expect(doc.paragraphs).toContain('Dòng 2 {placeDate} ]]>');
    expect(doc.text).not.toContain('\u0007');
    expect(doc.xml).not.toContain('<w:br/>');
  });
});

describe('long lists', () => {
  it('paginates 300 nominees with the table header repeated on every page', async () => {
    const list = writeJson(join(tmp.dir, 'long.json'), [...collectives(100), ...individuals(200)]);
    const out = join(tmp.dir, 'long.docx');
    const r = await runCli(['render', 'mau01', '--plan', gold('000'), '--occasion', 'annual', '--nominees', list, '--from', POLICE, '--date', '2022-12-01', '--out', out]);
    expect(r.code).toBe(0);
    const doc = readDocx(out);
    expect(doc.paragraphs).toContain('Nguyễn Văn Số200');
    expect(doc.paragraphs).toContain('300');
    expect(doc.xml.match(/<w:tblHeader\/>/g)).toHaveLength(1);
    expect(doc.xml.match(/<w:cantSplit\/>/g)!.length).toBeGreaterThanOrEqual(301);
  });
});

describe('a compiled template is reused from one render to the next', () => {
  it('gives the same documents as a fresh compilation, whatever was rendered before', () => {
    const data = (names: string[], draft: boolean) => ({
      draft,
      problems: draft ? [{ no: '1', severity: 'Lỗi', message: 'quota' }] : [],
      body: { nameUpper: 'PHÒNG & BAN' },
      placeDate: 'P, ngày 05 tháng 01 năm 2026',
      hasNominees: names.length > 0,
      nominees: names.map((name, i) => ({ no: String(i + 1), name, positionUnit: '', kindCategory: 'Cá nhân' })),
      signer: { lines: [{ text: 'GIÁM ĐỐC' }], name: 'N' },
    });
    const xml = (bytes: Uint8Array) => new PizZip(bytes).file('word/document.xml')!.asText();
    const a = data(['A <1>', 'B'], false);
    const b = data(Array.from({ length: 40 }, (_, i) => `Tên ${i}`), true);
    const c = data([], false);
    const reused = prepareTemplate('mau01', buildMau01(), 'test');
    const outputs = [a, b, c, a, b].map((d) => xml(renderDocx(reused, d)));
    const fresh = (d: object) => xml(renderDocx(prepareTemplate('mau01', buildMau01(), 'fresh'), d));
    expect(outputs[0]).toBe(fresh(a));
    expect(outputs[1]).toBe(fresh(b));
    expect(outputs[2]).toBe(fresh(c));
    expect(outputs[3]).toBe(outputs[0]);
    expect(outputs[4]).toBe(outputs[1]);
    expect(outputs[1]).toContain('Tên 39');
    expect(outputs[3]).not.toContain('Tên 39');
    expect(builtInTemplate('mau01')).toBe(builtInTemplate('mau01'));
  });
});

const soffice = spawnSync('soffice', ['--version'], { encoding: 'utf8' }).status === 0;

describe.skipIf(!soffice)('LibreOffice', () => {
  it('opens the forms without repair and converts them to PDF', async () => {
    const list = writeJson(join(tmp.dir, 'lo.json'), [...collectives(4), ...individuals(3)]);
    const out01 = join(tmp.dir, 'lo-mau01.docx');
    const out08 = join(tmp.dir, 'lo-mau08');
    expect((await runCli(['render', 'mau01', '--plan', gold('004'), '--nominees', list, '--from', WARD, '--date', '2026-01-05', '--out', out01])).code).toBe(0);
    expect((await runCli(['render', 'mau08', '--plan', gold('004'), '--nominees', list, '--from', WARD, '--date', '2026-01-05', '--out', out08, '--draft'])).code).toBe(0);
    const first08 = join(out08, readdirSync(out08).sort()[0]!);
    const pdfDir = join(tmp.dir, 'pdf');
    execFileSync('soffice', [`-env:UserInstallation=file://${join(tmp.dir, 'lo-profile')}`, '--headless', '--convert-to', 'pdf', '--outdir', pdfDir, out01, first08], {
      timeout: 120_000,
      stdio: 'pipe',
    });
    for (const name of ['lo-mau01.pdf', `${readdirSync(out08).sort()[0]!.replace(/\.docx$/, '')}.pdf`]) {
      const pdf = join(pdfDir, name);
      expect(existsSync(pdf), name).toBe(true);
      const info = execFileSync('pdfinfo', [pdf], { encoding: 'utf8' });
      expect(info).toMatch(/Page size:\s+595(\.\d+)? x 841(\.\d+)? pts \(A4\)/);
      const text = execFileSync('pdftotext', ['-layout', pdf, '-'], { encoding: 'utf8' });
      expect(text).toContain('CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM');
      const fonts = execFileSync('pdffonts', [pdf], { encoding: 'utf8' });
      // Times New Roman, or its metric-compatible substitute Liberation Serif.
      expect(fonts).toMatch(/Times|LiberationSerif/);
    }
  }, 180_000);

  it('repeats the list header on every page of a long Tờ trình', async () => {
    const list = writeJson(join(tmp.dir, 'lo-long.json'), [...collectives(30), ...individuals(90)]);
    const out = join(tmp.dir, 'lo-long.docx');
    expect((await runCli(['render', 'mau01', '--plan', gold('000'), '--occasion', 'annual', '--nominees', list, '--from', POLICE, '--date', '2022-12-01', '--out', out])).code).toBe(0);
    const pdfDir = join(tmp.dir, 'pdf-long');
    execFileSync('soffice', [`-env:UserInstallation=file://${join(tmp.dir, 'lo-profile')}`, '--headless', '--convert-to', 'pdf', '--outdir', pdfDir, out], { timeout: 120_000, stdio: 'pipe' });
    const text = execFileSync('pdftotext', ['-layout', join(pdfDir, 'lo-long.pdf'), '-'], { encoding: 'utf8' });
    const pages = text.split('\f').filter((page) => page.trim() !== '');
    expect(pages.length).toBeGreaterThanOrEqual(4);
    // Every page that shows nominees starts its table with the header row.
    const withRows = pages.filter((page) => /Nguyễn Văn Số\d+|Tập thể số \d+/.test(page));
    expect(withRows.length).toBeGreaterThanOrEqual(3);
    for (const page of withRows) {
      expect(page).toMatch(/\bSTT\b/);
      expect(page).toContain('Chức vụ, đơn vị');
      expect(page).toContain('Loại, nhóm');
    }
    expect(text).toContain('Nguyễn Văn Số90');
  }, 180_000);
});

describe('reviewable sources stay in sync', () => {
  it('the committed templates/*.docx are what templates/*.ts build', async () => {
    const { readFileSync } = await import('node:fs');
    const { buildMau08 } = await import('../../templates/mau08.js');
    const { ROOT } = await import('./helpers.js');
    const part = (bytes: Uint8Array) => new PizZip(bytes).file('word/document.xml')!.asText();
    expect(part(readFileSync(join(ROOT, 'templates', 'mau01.docx')))).toBe(part(buildMau01()));
    expect(part(readFileSync(join(ROOT, 'templates', 'mau08.docx')))).toBe(part(buildMau08()));
  });
  it('docs/forms/data-model.md is what fields.ts writes', async () => {
    const { readFileSync } = await import('node:fs');
    const { dataModelMarkdown } = await import('../../pipeline/forms/fields.js');
    const { ROOT } = await import('./helpers.js');
    expect(readFileSync(join(ROOT, 'docs', 'forms', 'data-model.md'), 'utf8')).toBe(dataModelMarkdown());
  });
  it('every tag of the built-in templates is in the data model', () => {
    for (const form of ['mau01', 'mau08'] as const) {
      expect(builtInTemplate(form).report).toEqual({ unknown: [], missing: [] });
    }
  });
});

describe('submitting body variants', () => {
  it('prints a registered number and a three-line signing authority', async () => {
    const body = writeJson(join(tmp.dir, 'body-ubnd.json'), {
      name: 'Ủy ban nhân dân phường Sóc Trăng',
      symbol: 'UBND',
      place: 'Sóc Trăng',
      addressee: 'Chủ tịch Ủy ban nhân dân phường Sóc Trăng',
      signer: { authority: ['TM. Ủy ban nhân dân', 'KT. Chủ tịch'], position: 'Phó Chủ tịch', name: 'Lê Văn Bảy' },
      number: 5,
    });
    const list = writeJson(join(tmp.dir, 'list-ubnd.json'), collectives(4));
    const out = join(tmp.dir, 'ubnd.docx');
    const r = await runCli(['render', 'mau01', '--plan', gold('004'), '--nominees', list, '--from', body, '--date', '2026-01-05', '--out', out]);
    expect(r.code).toBe(0);
    const p = readDocx(out).paragraphs;
    expect(p).toContain('Số: 05/TTr-UBND');
    expect(p).toContain('Sóc Trăng, ngày 05 tháng 01 năm 2026');
    const at = p.indexOf('TM. ỦY BAN NHÂN DÂN');
    expect(p.slice(at, at + 4)).toEqual(['TM. ỦY BAN NHÂN DÂN', 'KT. CHỦ TỊCH', 'PHÓ CHỦ TỊCH', 'Lê Văn Bảy']);
    // No parent body: no empty line above the body's name in the header.
    expect(p.slice(0, 2)).toEqual(['ỦY BAN NHÂN DÂN', 'PHƯỜNG SÓC TRĂNG']);
  });

  it('refuses a template that would unzip to a huge size', async () => {
    const zip = new PizZip();
    zip.file('word/document.xml', ' '.repeat(210 * 1024 * 1024));
    const path = join(tmp.dir, 'bomb.docx');
    writeFileSync(path, zip.generate({ type: 'uint8array', compression: 'DEFLATE' }));
    const list = writeJson(join(tmp.dir, 'list-bomb.json'), collectives(1));
    const r = await runCli(['render', 'mau01', '--plan', gold('004'), '--nominees', list, '--from', WARD, '--date', '2026-01-05', '--out', join(tmp.dir, 'bomb-out.docx'), '--template', path]);
    expect(r.code).toBe(1);
    expect(r.stderr).toContain('bomb.docx: the template unzips to more than 200 MB (too-large)');
  }, 60_000);
});

describe.skipIf(!HAS_SOFFICE)('every generated file', () => {
  it('opens in LibreOffice', () => {
    // The province templates written by the tests are inputs (some broken on purpose), not output.
    const { count, failed } = unopenable(tmp.dir, /\/(tinh|unknown|thin|broken|plain|bomb|bctt)\.docx$/);
    expect(count).toBeGreaterThan(0);
    expect(failed).toEqual([]);
  }, 600_000);
});
