// Dates, nominee lists (CSV / XLSX / JSON, English or Vietnamese headers), submitting body, plan.
import { readFileSync, writeFileSync } from 'node:fs';
import { parse as parseCsv } from 'csv-parse/sync';
import { setLang } from '../../pipeline/messages/index.js';
import { join } from 'node:path';
import PizZip from 'pizzip';
import { afterAll, describe, expect, it } from 'vitest';
import { longDate, parseIsoDate, shortDate } from '../../pipeline/forms/dates.js';
import { nomineesFromJson, readNominees } from '../../pipeline/forms/nominees.js';
import { parseSubmittingBody } from '../../pipeline/forms/body.js';
import { loadPlan } from '../../pipeline/forms/plan.js';
import { planCitation, campaignPhrase, fullConferrer } from '../../pipeline/forms/plan-words.js';
import { InputError } from '../../pipeline/errors.js';
import { BODY, FIXTURES, gold, runCli, tempDir, HAS_SOFFICE, unopenable } from './helpers.js';

const tmp = tempDir();
afterAll(() => tmp.cleanup());

describe('dates, the Nghị định 30 way', () => {
  const d = (s: string) => parseIsoDate(s)!;
  it('pads days below 10 and the months 1 and 2 only', () => {
    expect(longDate(d('2026-01-05'))).toBe('ngày 05 tháng 01 năm 2026');
    expect(longDate(d('2023-10-10'))).toBe('ngày 10 tháng 10 năm 2023');
    expect(longDate(d('2023-06-03'))).toBe('ngày 03 tháng 6 năm 2023');
    expect(longDate(d('2024-02-29'))).toBe('ngày 29 tháng 02 năm 2024');
    expect(longDate(d('2025-11-30'))).toBe('ngày 30 tháng 11 năm 2025');
    expect(shortDate(d('2023-03-07'))).toBe('07/3/2023');
    expect(shortDate(d('2026-01-30'))).toBe('30/01/2026');
  });
  it('refuses dates that do not exist', () => {
    expect(parseIsoDate('2023-02-30')).toBeNull();
    expect(parseIsoDate('2023-13-01')).toBeNull();
    expect(parseIsoDate('07/03/2023')).toBeNull();
  });
});

describe('nominee lists', () => {
  it('reads the Vietnamese-header CSV fixture with a multi-line cell', async () => {
    const { nominees, warnings } = await readNominees(join(FIXTURES, 'nominees-001.csv'));
    expect(nominees).toHaveLength(16);
    expect(warnings).toEqual([]);
    const first = nominees[0]!;
    expect(first).toMatchObject({
      recipient: 'collective',
      name: 'Phòng Tư pháp huyện',
      unit: 'Ủy ban nhân dân huyện Châu Thành',
      category: 'các cơ quan, ban ngành cấp huyện',
      taskCompletion: 100,
      satisfaction: 95,
      indexRating: 'tốt',
      indexGrowth: true,
      satisfactionGrowth: true,
    });
    expect(first.achievements).toContain('\nTham mưu xây dựng mô hình "một cửa" điện tử.');
    expect(nominees[6]).toMatchObject({ recipient: 'individual', name: 'Trần Thị Bích', position: 'Trưởng phòng', taskCompletion: null, indexRating: null, indexGrowth: null });
  });

  it('reads a CSV with a BOM, English keys, case- and diacritic-insensitive headers', async () => {
    const path = join(tmp.dir, 'en.csv');
    writeFileSync(path, '\uFEFFRECIPIENT,Name,Unit,TASK_COMPLETION,Satisfaction,index_rating,Index_Growth,Ghi chú\nindividual,Ann,Unit A,"99,5",88%,Khá,no,x\n');
    const { nominees, warnings } = await readNominees(path);
    expect(nominees[0]).toMatchObject({ recipient: 'individual', name: 'Ann', unit: 'Unit A', taskCompletion: 99.5, satisfaction: 88, indexRating: 'khá', indexGrowth: false });
    expect(warnings.join()).toContain('Ghi chú');
    const folded = join(tmp.dir, 'folded.csv');
    writeFileSync(folded, 'LOAI,HO VA TEN,CHUC VU\ncá nhân,Bình,Chuyên viên\n');
    expect((await readNominees(folded)).nominees[0]).toMatchObject({ recipient: 'individual', name: 'Bình', position: 'Chuyên viên' });
  });

  it('reads XLSX (first sheet)', async () => {
    const path = join(tmp.dir, 'list.xlsx');
    writeFileSync(path, minimalXlsx([
      ['Loại', 'Họ và tên', 'Đơn vị', 'Tỷ lệ hài lòng (%)'],
      ['tập thể', 'Phòng Tư pháp', 'UBND huyện', 97],
      ['cá nhân', 'Lê Thị Hoa', 'Phòng Tư pháp', ''],
    ]));
    const { nominees } = await readNominees(path);
    expect(nominees).toHaveLength(2);
    expect(nominees[0]).toMatchObject({ recipient: 'collective', name: 'Phòng Tư pháp', unit: 'UBND huyện', satisfaction: 97 });
    expect(nominees[1]).toMatchObject({ recipient: 'individual', name: 'Lê Thị Hoa', satisfaction: null });
  });

  it('reads JSON with English or Vietnamese keys', () => {
    const { nominees } = nomineesFromJson(
      [
        { recipient: 'collective', name: 'A', task_completion: 100 },
        { 'Loại': 'cá nhân', 'Họ và tên': 'B', 'Xếp loại chỉ số': 'xuất sắc', 'Chỉ số tăng so với năm trước': 'có' },
      ],
      'x.json',
    );
    expect(nominees[0]).toMatchObject({ recipient: 'collective', name: 'A', taskCompletion: 100 });
    expect(nominees[1]).toMatchObject({ recipient: 'individual', name: 'B', indexRating: 'xuất sắc', indexGrowth: true });
  });

  it('refuses bad rows with a message naming the file, the row, the column, what is wrong and a right value', async () => {
    const cases: [string, RegExp][] = [
      ['Loại,Tên\nđoàn thể,X\n', /dòng 2, cột "Loại": "đoàn thể" không phải "tập thể" hay "cá nhân" — ví dụ: cá nhân/],
      ['Loại,Tên\ntập thể,\n', /dòng 2, cột "Tên": đang trống — ghi đầy đủ họ và tên/],
      ['Loại,Tên,Tỷ lệ hài lòng (%)\ntập thể,X,nhiều\n', /dòng 2, cột "Tỷ lệ hài lòng \(%\)": "nhiều" không phải là số — ví dụ: 95/],
      ['Loại;Tên;Xếp loại chỉ số\ntập thể;X;giỏi\n', /dòng 2, cột "Xếp loại chỉ số": "giỏi" không phải mức xếp loại — ghi một trong: xuất sắc, tốt, khá, trung bình, yếu/],
      ['Loại,Họ và tên,Ngày sinh\ncá nhân,X,31/02/1980\n', /dòng 2, cột "Ngày sinh": "31\/02\/1980" không phải ngày hợp lệ — ghi ngày\/tháng\/năm, ví dụ: 12\/03\/1985/],
      ['Loại,Họ và tên,Giới tính\ncá nhân,X,khác\n', /cột "Giới tính": "khác" phải là "Nam" hoặc "Nữ"/],
      ['Tên\nX\n', /thiếu cột "Loại" \(ghi "tập thể" hoặc "cá nhân" cho từng dòng\); các cột đang có: Tên/],
      ['Loại,Tên\n', /không có tập thể, cá nhân nào/],
      ['Loại,Tên\ntập thể,"Phòng\n', /dấu ngoặc kép \("\) ở gần dòng 2 không đóng\. Hãy mở tệp bằng Excel và lưu lại dưới dạng CSV UTF-8 hoặc XLSX/],
    ];
    for (const [content, message] of cases) {
      const path = join(tmp.dir, 'bad.csv');
      writeFileSync(path, content);
      const error = await readNominees(path).catch((e: unknown) => e);
      expect(error).toBeInstanceOf(InputError);
      expect((error as InputError).toLine()).toMatch(message);
      expect((error as InputError).toLine()).toContain('bad.csv');
    }
    await expect(readNominees(join(tmp.dir, 'missing.csv'))).rejects.toThrow(/không có tệp danh sách/);
    // Files that are no list get what to do.
    for (const [bytes, why] of [
      [Buffer.from([0xd0, 0xcf, 0x11, 0xe0, 0xa1, 0xb1, 0x1a, 0xe1, 0, 0, 0]), /định dạng Excel cũ \(\.xls\)/],
      [Buffer.from('%PDF-1.7\n'), /tệp PDF/],
      [Buffer.from([0x50, 0x4b, 0x03, 0x04, 1, 2, 3, 4, 5]), /không phải sổ Excel/],
      [Buffer.from([1, 2, 0, 0, 7, 0, 200, 0, 0, 0, 3]), /không phải văn bản hay bảng tính/],
    ] as const) {
      const path = join(tmp.dir, 'list.csv');
      writeFileSync(path, bytes);
      const error = ((await readNominees(path).catch((e: unknown) => e)) as InputError).toLine();
      expect(error).toMatch(why);
      expect(error).toContain('lưu lại dưới dạng CSV UTF-8 hoặc XLSX');
      expect(error).not.toMatch(/\u0000/);
    }
  });

  it('says the same in English with THIDUA_LANG=en', async () => {
    setLang('en');
    try {
      const path = join(tmp.dir, 'bad-en.csv');
      writeFileSync(path, 'Loại,Tên,Tỷ lệ hài lòng (%)\ntập thể,X,nhiều\n');
      await expect(readNominees(path)).rejects.toThrow(/row 2, column "Tỷ lệ hài lòng \(%\)": "nhiều" is not a number — for example 95/);
    } finally {
      setLang(null);
    }
  });
});

describe('nominee lists as Excel saves them', () => {
  // The fixture as rows, written back in each format Excel offers in a Vietnamese locale.
  const rows = parseCsv(readFileSync(join(FIXTURES, 'nominees-001.csv')), { relax_column_count: true }) as string[][];
  const delimited = (delimiter: string) =>
    rows.map((r) => r.map((c) => (/["\n\r]/.test(c) || c.includes(delimiter) ? `"${c.replace(/"/g, '""')}"` : c)).join(delimiter)).join('\r\n') + '\r\n';
  const formats: Record<string, Uint8Array> = {
    'semicolon-utf8-bom.csv': Buffer.concat([Buffer.from([0xef, 0xbb, 0xbf]), Buffer.from(delimited(';'), 'utf8')]),
    'semicolon-windows-1258.csv': encodeWindows1258(delimited(';')),
    'unicode-text.txt': Buffer.concat([Buffer.from([0xff, 0xfe]), Buffer.from(delimited('\t'), 'utf16le')]),
    'workbook.xlsx': minimalXlsx(rows.map((r) => r.map((c, i) => (i >= 6 && i <= 7 && /^\d+$/.test(c) ? Number(c) : c)))),
  };

  it('reads each one as the comma-separated UTF-8 list, detected from the content', async () => {
    const reference = await readNominees(join(FIXTURES, 'nominees-001.csv'));
    for (const [name, bytes] of Object.entries(formats)) {
      const path = join(tmp.dir, name);
      writeFileSync(path, bytes);
      const list = await readNominees(path);
      expect(list.nominees, name).toEqual(reference.nominees);
      expect(list.warnings, name).toEqual([]);
    }
    // The Windows-1258 file really holds decomposed tone marks (not UTF-8).
    expect(() => new TextDecoder('utf-8', { fatal: true }).decode(formats['semicolon-windows-1258.csv'])).toThrow();
  });

  it('keeps a UTF-8 list with a damaged byte as UTF-8, and says so', async () => {
    const text = Buffer.from('Loại,Họ và tên,Đơn vị\ncá nhân,Nguyễn Thị Lan,Phòng Văn hóa - Xã hội\ncá nhân,Lê Văn Hùng,Phòng Kinh tế\n', 'utf8');
    const at = text.indexOf(Buffer.from('Hùng', 'utf8')) + 1;
    const damaged = Buffer.concat([text.subarray(0, at), Buffer.from([0xff]), text.subarray(at)]);
    const path = join(tmp.dir, 'damaged.csv');
    writeFileSync(path, damaged);
    const list = await readNominees(path);
    expect(list.nominees[0]!.name).toBe('Nguyễn Thị Lan');
    expect(list.nominees[1]!.name).toBe('Lê Văn H\uFFFDùng');
    expect(list.warnings[0]).toMatch(/tệp có 1 byte hỏng/);
  });

  it('renders mẫu 01 exactly as the comma-separated UTF-8 list does', async () => {
    const render = async (list: string, out: string) => {
      const r = await runCli(['render', 'mau01', '--plan', gold('001'), '--nominees', list, '--from', BODY, '--date', '2023-10-10', '--out', out, '-q']);
      expect(r.code, r.stderr).toBe(0);
      return new PizZip(readFileSync(out)).file('word/document.xml')!.asText();
    };
    const reference = await render(join(FIXTURES, 'nominees-001.csv'), join(tmp.dir, 'ref.docx'));
    for (const [name, bytes] of Object.entries(formats)) {
      const path = join(tmp.dir, `render-${name}`);
      writeFileSync(path, bytes);
      expect(await render(path, join(tmp.dir, `${name}.docx`)), name).toBe(reference);
    }
  });
});

describe('submitting body', () => {
  it('validates the JSON in the user\'s words: which field, what is wrong, an example', () => {
    expect(() => parseSubmittingBody({ name: 'X' }, 'b.json')).toThrow(/chữ viết tắt trong số ký hiệu "symbol" \(ví dụ: "PNV"\) còn thiếu/);
    expect(() => parseSubmittingBody({ name: 'X', symbol: 'A B', place: 'P', addressee: 'Q', signer: { position: 'P', name: 'N' } }, 'b.json')).toThrow(
      /"symbol" \(ví dụ: "PNV"\) "A B" chỉ được gồm chữ, số, dấu "\." và "-", không có khoảng trắng/,
    );
    expect(() => parseSubmittingBody({ name: 'X', symbol: 'PNV', place: 'P', addressee: 'Q', signer: { position: '', name: 'N' } }, 'b.json')).toThrow(
      /chức vụ người ký "signer.position" \(ví dụ: "Phó Trưởng phòng"\) đang trống/,
    );
    expect(() => parseSubmittingBody([], 'b.json')).toThrow(/phải là một đối tượng JSON/);
    const body = parseSubmittingBody({ name: 'X', symbol: 'PNV', place: 'P', addressee: 'Q', signer: { position: 'Trưởng phòng', name: 'N' } }, 'b.json');
    expect(body.signer.authority).toBeUndefined();
  });
  it('accepts "authority": null (the head signs in their own name)', () => {
    const body = parseSubmittingBody({ name: 'X', symbol: 'PNV', place: 'P', addressee: 'Q', signer: { authority: null, position: 'Trưởng phòng', name: 'N' } }, 'b.json');
    expect(body.signer.authority).toBeNull();
  });
});

describe('plan', () => {
  it('loads the gold records (hand-written: no evidence or diagnostics) and cites them in full', async () => {
    const plan = await loadPlan(gold('001'));
    expect(planCitation(plan.record)).toBe(
      'Kế hoạch số 44/KH-UBND ngày 07/3/2023 của Ủy ban nhân dân huyện Châu Thành về phát động phong trào thi đua cải cách hành chính năm 2023',
    );
    expect(campaignPhrase(plan.record)).toBe('phong trào thi đua cải cách hành chính năm 2023');
    expect(fullConferrer(plan.record, 'Chủ tịch Ủy ban nhân dân huyện')).toBe('Chủ tịch Ủy ban nhân dân huyện Châu Thành');
    const police = await loadPlan(gold('000'));
    expect(fullConferrer(police.record, 'Giám đốc Công an tỉnh')).toBe('Giám đốc Công an tỉnh');
    const noNumber = await loadPlan(gold('004'));
    expect(planCitation(noNumber.record)).toBe(
      'Kế hoạch của Ủy ban nhân dân phường Sóc Trăng về phát động phong trào thi đua đẩy mạnh công tác Cải cách hành chính nhà nước trên địa bàn phường Sóc Trăng năm 2025',
    );
  });
  it('refuses JSON that is not a plan record', async () => {
    const path = join(tmp.dir, 'notplan.json');
    writeFileSync(path, '{"schema":"thidua.plan/1","document":3}');
    await expect(loadPlan(path)).rejects.toThrow(/chưa đúng ở \/document/);
    writeFileSync(path, '[1,2]');
    await expect(loadPlan(path)).rejects.toThrow(/không phải bản ghi Kế hoạch/);
  });
});

/** A minimal XLSX (inline strings, numbers) for the reader test. */
function minimalXlsx(rows: (string | number)[][]): Uint8Array {
  const col = (i: number) => String.fromCharCode(65 + i);
  const esc = (s: string) => s.replace(/&/g, '&amp;').replace(/</g, '&lt;');
  const sheetRows = rows
    .map((cells, r) => `<row r="${r + 1}">${cells
      .map((v, c) => (v === '' ? '' : typeof v === 'number' ? `<c r="${col(c)}${r + 1}"><v>${v}</v></c>` : `<c r="${col(c)}${r + 1}" t="inlineStr"><is><t>${esc(v)}</t></is></c>`))
      .join('')}</row>`)
    .join('');
  const zip = new PizZip();
  zip.file('[Content_Types].xml', '<?xml version="1.0" encoding="UTF-8"?><Types xmlns="http://schemas.openxmlformats.org/package/2006/content-types"><Default Extension="rels" ContentType="application/vnd.openxmlformats-package.relationships+xml"/><Default Extension="xml" ContentType="application/xml"/><Override PartName="/xl/workbook.xml" ContentType="application/vnd.openxmlformats-officedocument.spreadsheetml.sheet.main+xml"/><Override PartName="/xl/worksheets/sheet1.xml" ContentType="application/vnd.openxmlformats-officedocument.spreadsheetml.worksheet+xml"/></Types>');
  zip.file('_rels/.rels', '<?xml version="1.0" encoding="UTF-8"?><Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships"><Relationship Id="rId1" Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/officeDocument" Target="xl/workbook.xml"/></Relationships>');
  zip.file('xl/workbook.xml', '<?xml version="1.0" encoding="UTF-8"?><workbook xmlns="http://schemas.openxmlformats.org/spreadsheetml/2006/main" xmlns:r="http://schemas.openxmlformats.org/officeDocument/2006/relationships"><sheets><sheet name="Danh sách" sheetId="1" r:id="rId1"/></sheets></workbook>');
  zip.file('xl/_rels/workbook.xml.rels', '<?xml version="1.0" encoding="UTF-8"?><Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships"><Relationship Id="rId1" Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/worksheet" Target="worksheets/sheet1.xml"/></Relationships>');
  zip.file('xl/worksheets/sheet1.xml', `<?xml version="1.0" encoding="UTF-8"?><worksheet xmlns="http://schemas.openxmlformats.org/spreadsheetml/2006/main"><sheetData>${sheetRows}</sheetData></worksheet>`);
  return zip.generate({ type: 'uint8array' });
}

/**
 * Text in Windows-1258 as Excel writes it: a letter the code page has whole is one byte; other
 * Vietnamese letters are the base letter (with its circumflex, breve or horn) and a combining
 * tone mark. The table is read off Node's own decoder.
 */
function encodeWindows1258(text: string): Uint8Array {
  const decoder = new TextDecoder('windows-1258');
  const byChar = new Map<string, number>();
  for (let b = 0; b < 256; b++) {
    const ch = decoder.decode(Uint8Array.of(b));
    if (!byChar.has(ch)) byChar.set(ch, b);
  }
  const tones = new Set(['\u0300', '\u0301', '\u0303', '\u0309', '\u0323']);
  const out: number[] = [];
  for (const ch of text.normalize('NFC')) {
    const whole = byChar.get(ch);
    if (whole !== undefined) {
      out.push(whole);
      continue;
    }
    const parts = [...ch.normalize('NFD')];
    const base = parts.filter((p) => !tones.has(p)).join('').normalize('NFC');
    const tone = parts.filter((p) => tones.has(p));
    const b = byChar.get(base);
    if (b === undefined || tone.some((x) => !byChar.has(x))) throw new Error(`not in Windows-1258: ${ch}`);
    out.push(b, ...tone.map((x) => byChar.get(x)!));
  }
  return Uint8Array.from(out);
}

describe.skipIf(!HAS_SOFFICE)('every generated file', () => {
  it('opens in LibreOffice', () => {
    const { count, failed } = unopenable(tmp.dir);
    expect(count).toBeGreaterThan(0);
    expect(failed).toEqual([]);
  }, 600_000);
});
