// Dates, nominee lists (CSV / XLSX / JSON, English or Vietnamese headers), submitting body, plan.
import { writeFileSync } from 'node:fs';
import { join } from 'node:path';
import PizZip from 'pizzip';
import { afterAll, describe, expect, it } from 'vitest';
import { longDate, parseIsoDate, shortDate } from '../../pipeline/forms/dates.js';
import { nomineesFromJson, readNominees } from '../../pipeline/forms/nominees.js';
import { parseSubmittingBody } from '../../pipeline/forms/body.js';
import { loadPlan } from '../../pipeline/forms/plan.js';
import { planCitation, campaignPhrase, fullConferrer } from '../../pipeline/forms/plan-words.js';
import { InputError } from '../../pipeline/errors.js';
import { FIXTURES, gold, tempDir } from './helpers.js';

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

  it('refuses bad rows with a message naming the file, the row and the problem', async () => {
    const cases: [string, RegExp][] = [
      ['Loại,Tên\nđoàn thể,X\n', /row 2: the kind "đoàn thể" is neither/],
      ['Loại,Tên\ntập thể,\n', /row 2: the name .* is empty/],
      ['Loại,Tên,Tỷ lệ hài lòng (%)\ntập thể,X,nhiều\n', /row 2: the satisfaction rate "nhiều" is not a number/],
      ['Loại,Tên,Xếp loại chỉ số\ntập thể,X,giỏi\n', /row 2: the index rating "giỏi" is not one of/],
      ['Tên\nX\n', /no "recipient" \/ "Loại" column/],
      ['Loại,Tên\n', /holds no nominee/],
    ];
    for (const [content, message] of cases) {
      const path = join(tmp.dir, 'bad.csv');
      writeFileSync(path, content);
      const error = await readNominees(path).catch((e: unknown) => e);
      expect(error).toBeInstanceOf(InputError);
      expect((error as InputError).toLine()).toMatch(message);
      expect((error as InputError).toLine()).toContain('bad.csv');
    }
    await expect(readNominees(join(tmp.dir, 'missing.csv'))).rejects.toThrow(/does not exist/);
    writeFileSync(join(tmp.dir, 'list.txt'), 'x');
    await expect(readNominees(join(tmp.dir, 'list.txt'))).rejects.toThrow(/\.csv, \.xlsx or \.json/);
  });
});

describe('submitting body', () => {
  it('validates the JSON and names the bad field', () => {
    expect(() => parseSubmittingBody({ name: 'X' }, 'b.json')).toThrow(/symbol/);
    expect(() => parseSubmittingBody({ name: 'X', symbol: 'A B', place: 'P', addressee: 'Q', signer: { position: 'P', name: 'N' } }, 'b.json')).toThrow(/symbol/);
    const body = parseSubmittingBody({ name: 'X', symbol: 'PNV', place: 'P', addressee: 'Q', signer: { position: 'Trưởng phòng', name: 'N' } }, 'b.json');
    expect(body.signer.authority).toBeUndefined();
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
    await expect(loadPlan(path)).rejects.toThrow(/not valid: \/document/);
    writeFileSync(path, '[1,2]');
    await expect(loadPlan(path)).rejects.toThrow(/not a plan record/);
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
