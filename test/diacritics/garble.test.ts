// Latin-OCR garble: the real scan seed 002 (Latin-only OCR) is repaired and restored in place.
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { detectDiacritics, garbleAlternatives, loadRestoreModel, normaliseDiacritics } from '../../pipeline/diacritics/index.js';
import { tokenize } from '../../pipeline/diacritics/tokens.js';

const seed = readFileSync(join(__dirname, '../../corpus/seeds/002_4f12695a239b332f.txt'), 'utf8').normalize('NFC');

describe('seed 002 (Latin-only OCR)', () => {
  const result = normaliseDiacritics(seed, { restore: true });

  it('is detected as garbled', () => {
    expect(detectDiacritics(seed).document).toBe('garbled');
    expect(result.diacritics).toBe('restored');
  });

  it('keeps every line and token in place', () => {
    expect(result.text.split('\n').length).toBe(seed.split('\n').length);
    const a = tokenize(seed);
    const b = tokenize(result.text);
    expect(b.length).toBe(a.length);
    a.forEach((t, i) => {
      if (t.kind !== 'word') expect(b[i].text).toBe(t.text);
    });
  });

  it('reads the heading, title and names as proper Vietnamese', () => {
    const text = result.text;
    expect(text).toContain('Số: 50 /KH-UBND');
    expect(text).toContain('Độc lập - Tự do - Hạnh phúc');
    expect(text).toContain('Phát động phong trào thi đua cải cách hành chính\ngiai đoạn 2021 - 2030');
    expect(text).toContain('Chủ tịch Ủy ban nhân dân thị xã');
    expect(text).toContain('Ủy ban nhân dân thị xã Ngã Năm phát động phong trào thi đua cải cách');
    expect(text).toContain('Đối với tập thể');
    expect(text).toContain('Giấy khen của Chủ tịch UBND thị xã');
    expect(text).toContain('c) Nội dung và tiêu chí thi đua');
  });

  it('reports uncertain repairs with their lines', () => {
    const uncertain = result.diagnostics.filter((d) => d.code === 'diacritics-uncertain-repair');
    expect(uncertain.length).toBeGreaterThan(0);
    for (const d of uncertain) expect(d.line).toBeGreaterThan(0);
  });
});

describe('garble channel', () => {
  const model = loadRestoreModel()!;
  const keys = (token: string) => (garbleAlternatives(model, token) ?? []).map((a) => a.key);
  it('maps typical OCR garble to the intended syllable keys', () => {
    expect(keys('S6')).toContain('so');
    expect(keys('Tw')).toContain('tu');
    expect(keys('ctia')).toContain('cua');
    expect(keys('chirc')).toContain('chuc');
    expect(keys('ngudi')).toContain('nguoi');
    expect(keys('x4')).toContain('xa');
    expect(keys('Qiéy')).toContain('giay');
    expect(keys('Péc')).toContain('doc');
    expect(keys('hi€u')).toContain('hieu');
  });
  it('leaves abbreviations and codes alone', () => {
    expect(garbleAlternatives(model, 'UBND')).toBeNull();
    expect(garbleAlternatives(model, 'HDND')).toBeNull();
    expect(garbleAlternatives(model, 'PV01')).toBeNull();
    expect(garbleAlternatives(model, 'e')).toBeNull();
  });
});

describe('seed 002 names and repeated garble', () => {
  const text = normaliseDiacritics(seed, { restore: true }).text;
  it('reads the signer and the party as proper Vietnamese', () => {
    expect(text).toMatch(/^Kim Thái Phong$/m);
    expect(text).toContain('chính sách của Đảng');
    expect(text).toContain('Người đứng đầu đơn vị');
    expect(text).toContain('Chỉ số thành phần');
  });
});
