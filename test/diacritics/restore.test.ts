// Restoration of stripped text with the committed model: the seeds are not training data.
import { readFileSync, readdirSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { normaliseDiacritics, restorePhrase, restoreText, detectDiacritics } from '../../pipeline/diacritics/index.js';
import { tokenize } from '../../pipeline/diacritics/tokens.js';
import { isWellFormedSyllable, stripMarks, toOldStyle, toOldStyleAnyCase } from '../../pipeline/diacritics/vietnamese.js';

const SEEDS = join(__dirname, '../../corpus/seeds');
const cleanSeeds = readdirSync(SEEDS)
  .filter((f) => !f.startsWith('002'))
  .map((f) => ({ name: f, text: readFileSync(join(SEEDS, f), 'utf8').normalize('NFC') }));

function syllableAccuracy(original: string, restored: string): number {
  const a = tokenize(original);
  const b = tokenize(restored);
  expect(b.length).toBe(a.length);
  let n = 0;
  let ok = 0;
  a.forEach((t, i) => {
    if (t.kind !== 'word' || !isWellFormedSyllable(t.text.toLowerCase())) return;
    n++;
    if (toOldStyleAnyCase(t.text) === toOldStyleAnyCase(b[i].text)) ok++;
  });
  return ok / n;
}

describe('restoring stripped seeds', () => {
  for (const seed of cleanSeeds) {
    it(`${seed.name}: ≥ 97% of syllables, every token and line in place`, () => {
      const stripped = stripMarks(seed.text);
      const result = normaliseDiacritics(stripped, { restore: true });
      expect(result.diacritics).toBe('restored');
      expect(result.text.split('\n').length).toBe(stripped.split('\n').length);
      // Only letters change: the text stripped again is the input.
      expect(stripMarks(result.text)).toBe(stripped);
      expect(syllableAccuracy(seed.text, result.text)).toBeGreaterThanOrEqual(0.97);
      const info = result.diagnostics.find((d) => d.code === 'diacritics-restored');
      expect(info?.severity).toBe('info');
      expect(info?.message).toMatch(/\d+ of \d+ lines \(\d+%\)/);
    });
  }

  it('keeps document numbers, symbols, numbers and capitalisation', () => {
    const out = restoreText('So: 50/KH-UBND\nKE HOACH\nThuc hien Ke hoach so 52/KH-UBND ngay 06/4/2022 cua Uy ban nhan dan tinh Soc Trang giai doan 2021 - 2030; PV01');
    expect(out).toBe('Số: 50/KH-UBND\nKẾ HOẠCH\nThực hiện Kế hoạch số 52/KH-UBND ngày 06/4/2022 của Ủy ban nhân dân tỉnh Sóc Trăng giai đoạn 2021 - 2030; PV01');
  });

  it('keeps capitals of document symbols and introduced abbreviations', () => {
    expect(restoreText('So 128/KH-CAT ngay 27/4/2022 cua Cong an tinh (CAT)')).toBe('Số 128/KH-CAT ngày 27/4/2022 của Công an tỉnh (CAT)');
    expect(restoreText('THI DUA-KHEN THUONG')).toBe('THI ĐUA-KHEN THƯỞNG');
  });

  it('restores HĐND in stripped text and QĐ inside symbols only', () => {
    expect(restoreText('Thuong truc HDND tinh; Quyet dinh so 15/QD-UBND')).toBe('Thường trực HĐND tỉnh; Quyết định số 15/QĐ-UBND');
  });

  it('leaves clean Unicode text unchanged and says so', () => {
    for (const seed of cleanSeeds) {
      const result = normaliseDiacritics(seed.text, { restore: true });
      expect(result.text).toBe(seed.text);
      expect(result.diacritics).toBe('present');
    }
  });

  it('reports stripped text without restoring it when restore is off', () => {
    const stripped = stripMarks(cleanSeeds[0].text);
    const result = normaliseDiacritics(stripped, { restore: false });
    expect(result.text).toBe(stripped);
    expect(result.diacritics).toBe('stripped');
    expect(result.diagnostics.some((d) => d.code === 'diacritics-stripped')).toBe(true);
  });

  it('restores a short phrase for the forms', () => {
    expect(restorePhrase('Uy ban nhan dan thi xa Nga Nam')).toBe('Ủy ban nhân dân thị xã Ngã Năm');
    expect(restorePhrase('Chu tich Uy ban nhan dan tinh')).toBe('Chủ tịch Ủy ban nhân dân tỉnh');
    expect(restorePhrase('Ủy ban nhân dân')).toBe('Ủy ban nhân dân');
  });

  it('detects stripped and clean documents line by line', () => {
    const stripped = detectDiacritics(stripMarks(cleanSeeds[1].text));
    expect(stripped.document).toBe('stripped');
    expect(detectDiacritics(cleanSeeds[1].text).document).toBe('clean');
    const mixed = detectDiacritics(`${cleanSeeds[1].text}\n${stripMarks(cleanSeeds[2].text)}`);
    expect(mixed.document).toBe('mixed');
  });
});

describe('tone placement', () => {
  it('uses the old style for oa, oe, uy without a final consonant', () => {
    expect(toOldStyle('hoà')).toBe('hòa');
    expect(toOldStyle('thuỷ')).toBe('thủy');
    expect(toOldStyle('uỷ')).toBe('ủy');
    expect(toOldStyle('quý')).toBe('quý');
    expect(toOldStyle('hoàn')).toBe('hoàn');
  });
});

describe('list markers', () => {
  it('keeps one-letter list markers as they are', () => {
    const out = restoreText('a) Thi dua thuc hien tot\ne) Thi dua de xuat cac giai phap\nA. Muc dich');
    expect(out).toBe('a) Thi đua thực hiện tốt\ne) Thi đua đề xuất các giải pháp\nA. Mục đích');
  });
});

describe('names', () => {
  it('reads a line holding a name alone (or after a rank) as a name', () => {
    expect(restoreText('*Tran Van Hao*')).toBe('*Trần Văn Hào*');
    expect(restoreText('Dai ta Tran Van Duong')).toBe('Đại tá Trần Văn Dương');
  });
});

describe('mixed documents', () => {
  it('restores the stripped lines and leaves the clean ones as they are', () => {
    const clean = cleanSeeds[1].text;
    const strippedPart = stripMarks(cleanSeeds[2].text);
    const result = normaliseDiacritics(`${clean}\n${strippedPart}`, { restore: true });
    expect(result.diacritics).toBe('restored');
    const lines = result.text.split('\n');
    const cleanLines = clean.split('\n');
    expect(lines.slice(0, cleanLines.length)).toEqual(cleanLines);
    const restoredPart = lines.slice(cleanLines.length).join('\n');
    expect(syllableAccuracy(cleanSeeds[2].text, restoredPart)).toBeGreaterThanOrEqual(0.97);
  });
});
