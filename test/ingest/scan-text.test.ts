// Scans as they really come: OCR post-correction of marks, noise from stamps and signatures,
// the header's two columns, and `thidua text` (the text thidua reads, page by page).
import { spawnSync } from 'node:child_process';
import { existsSync, mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { correctOcrWords } from '../../pipeline/diacritics/ocr-correct.js';
import { requireModel } from '../../pipeline/diacritics/load.js';
import { isNoise, splitColumns, splitGluedNumber } from '../../pipeline/ingest/page-ocr.js';
import type { OcrLine, OcrWord } from '../../pipeline/ingest/ocr.js';
import { joinWords } from '../../pipeline/ingest/ocr.js';
import { documentText } from '../../pipeline/pages.js';
import { readingOrder } from '../../pipeline/text/reading-order.js';
import { judgeTextLayer, readableShare } from '../../pipeline/ingest/quality.js';
import { errorRates, FIXTURES, ROOT } from './helpers.js';

const BIN = join(ROOT, 'bin', 'thidua.js');
const REALSCAN = join(ROOT, '..', 'shared', 'realscan');

/** Words of a sentence as an OCR engine read them, all with the same confidence. */
const read = (sentence: string, confidence = 90) => sentence.split(' ').map((text) => ({ text, confidence }));
const corrected = (sentence: string, confidence = 90) => correctOcrWords(requireModel(), read(sentence, confidence)).texts.join(' ');

describe('OCR post-correction of marks', () => {
  it('gives back the tone a circumflex vowel lost', () => {
    expect(corrected('các đơn vị khân trương thực hiện')).toBe('các đơn vị khẩn trương thực hiện');
    expect(corrected('tăng cường các biện pháp phòng, chông dịch bệnh')).toBe('tăng cường các biện pháp phòng, chống dịch bệnh');
    expect(corrected('đề nghị các tô dân phô trên địa bàn')).toBe('đề nghị các tổ dân phố trên địa bàn');
    expect(corrected('báo cáo đê kịp thời xử lý')).toBe('báo cáo để kịp thời xử lý');
  });
  it('corrects a wrong tone on a circumflex vowel, keeping case and punctuation', () => {
    expect(corrected('phòng, chồng dịch COVID-19,')).toBe('phòng, chống dịch COVID-19,');
    expect(corrected('Bồ trí cán bộ trực')).toBe('Bố trí cán bộ trực');
    expect(corrected('UBND THÀNH PHÓ HÀ NỘI')).toBe('UBND THÀNH PHỐ HÀ NỘI');
  });
  it('keeps words that read right, and spellings the model does not know', () => {
    expect(corrected('Ông bà ta sống ở đây từ lâu')).toBe('Ông bà ta sống ở đây từ lâu');
    expect(corrected('rèn luyện kĩ năng sống')).toBe('rèn luyện kĩ năng sống');
    expect(corrected('Số: 1906 /SGDĐT-CTrTT')).toBe('Số: 1906 /SGDĐT-CTrTT');
  });
  it('trusts a confident engine more than an unsure one', () => {
    // "bàn ghế" and "bản ghế": the model alone would hesitate less than the channel allows.
    const model = requireModel();
    const sure = correctOcrWords(model, [{ text: 'sắp', confidence: 97 }, { text: 'xếp', confidence: 97 }, { text: 'bàn', confidence: 97 }, { text: 'ghế', confidence: 97 }]);
    expect(sure.texts.join(' ')).toBe('sắp xếp bàn ghế');
    expect(sure.corrections).toEqual([]);
  });
  it('restarts the context at a column gap', () => {
    const model = requireModel();
    const words = [...read('SỞ Y TẾ'), { text: 'Độc', confidence: 90, breakBefore: true }, ...read('lập')];
    expect(correctOcrWords(model, words).texts.join(' ')).toBe('SỞ Y TẾ Độc lập');
  });
});

const word = (text: string, x0: number, x1: number, confidence = 95, y0 = 100, y1 = 130): OcrWord => ({ text, confidence, x0, x1, y0, y1 });
const line = (words: OcrWord[]): OcrLine => ({ text: joinWords(words), words, confidence: 90, y0: words[0].y0, y1: words[0].y1 });

describe('noise of stamps and signatures', () => {
  it('drops unsure words that are no word', () => {
    expect(isNoise(word('noe22', 0, 10, 0))).toBe(true);
    expect(isNoise(word('coz', 0, 10, 12))).toBe(true);
    expect(isNoise(word('\\4_——Ừ', 0, 10, 26))).toBe(true);
    expect(isNoise(word('|sÌvà', 0, 10, 0))).toBe(true);
  });
  it('keeps numbers, codes and syllables however unsure, and every confident word', () => {
    expect(isNoise(word('1906', 0, 10, 12))).toBe(false);
    expect(isNoise(word('/SGDĐT-CTrTT', 0, 10, 30))).toBe(false);
    expect(isNoise(word('UBND', 0, 10, 5))).toBe(false);
    expect(isNoise(word('khẩn', 0, 10, 20))).toBe(false);
    expect(isNoise(word('trương,', 0, 10, 20))).toBe(false);
    expect(isNoise(word('coz', 0, 10, 90))).toBe(false);
  });
});

describe('a number glued to a word', () => {
  it('is split from a Vietnamese word, not from a code or a unit', () => {
    expect(splitGluedNumber(word('26tháng', 0, 10)).text).toBe('26 tháng');
    expect(splitGluedNumber(word('5G', 0, 10)).text).toBe('5G');
    expect(splitGluedNumber(word('20kV', 0, 10)).text).toBe('20kV');
    expect(splitGluedNumber(word('2025', 0, 10)).text).toBe('2025');
  });
});

describe('the header read as two columns', () => {
  it('splits a line whose column gap is narrow where its parts are centred on the columns', () => {
    // Left column centred at ~390 px, right at ~1055 px on a 1500 px page.
    const lines = [
      line([word('UBND', 127, 235), word('TỈNH', 243, 378), word('BẮC', 389, 465), word('NINH', 475, 650), word('CỘNG', 697, 800), word('HÒA', 811, 887), word('XÃ', 897, 945), word('HỘI', 956, 1019), word('CHỦ', 1029, 1105), word('NGHĨA', 1114, 1229), word('VIỆT', 1239, 1322), word('NAM', 1331, 1411)]),
      line([word('SỞ', 122, 175, 95, 170, 200), word('Y', 185, 291, 95, 170, 200), word('TẾ', 303, 653, 95, 170, 200), word('Độc', 810, 875, 95, 170, 200), word('lập', 887, 938, 95, 170, 200), word('-', 950, 963, 95, 170, 200), word('Tự', 973, 1026, 95, 170, 200), word('do', 1035, 1076, 95, 170, 200), word('-', 1087, 1100, 95, 170, 200), word('Hạnh', 1112, 1204, 95, 170, 200), word('phúc', 1217, 1300, 95, 170, 200)]),
      line([word('Số:', 165, 215, 95, 230, 260), word('12/SYT', 231, 610, 95, 230, 260), word('Bắc', 762, 809, 95, 230, 260), word('Ninh,', 821, 913, 95, 230, 260), word('ngày', 928, 1006, 95, 230, 260), word('2', 1018, 1148, 95, 230, 260), word('tháng', 1163, 1179, 95, 230, 260), word('7', 1189, 1256, 95, 230, 260), word('năm', 1269, 1348, 95, 230, 260)]),
    ];
    expect(lines[0].text).not.toContain('\t');
    splitColumns(lines, 1500);
    expect(lines[0].text).toBe('UBND TỈNH BẮC NINH\tCỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM');
  });
  it('leaves a line of running text alone', () => {
    const lines = [
      line([word('Thực', 120, 200), word('hiện', 210, 300), word('kế', 310, 350), word('hoạch', 360, 460), word('của', 470, 530), word('Ủy', 540, 580), word('ban', 590, 650), word('nhân', 660, 740), word('dân', 750, 810), word('tỉnh', 820, 900)]),
      line([word('A', 120, 200, 95, 170, 200), word('B', 800, 900, 95, 170, 200)]),
    ];
    splitColumns(lines, 1500);
    expect(lines[0].text).not.toContain('\t');
  });
});

describe('reading order', () => {
  it('prints the header column by column and the rest as it stands', () => {
    const text = [
      'ỦY BAN NHÂN DÂN\tCỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM',
      'XÃ AN BÌNH\tĐộc lập - Tự do - Hạnh phúc',
      'Số: 12/KH-UBND\tAn Bình, ngày 5 tháng 3 năm 2025',
      'V/v phát động phong trào thi đua',
      '',
      'Ủy ban nhân dân xã ban hành kế hoạch phát động phong trào thi đua năm 2025 như sau để các đơn vị thực hiện.',
      '',
      'Nơi nhận:\tTM. ỦY BAN NHÂN DÂN',
      '- Như trên;\tCHỦ TỊCH',
      '',
      'STT\tĐơn vị\tSố lượng',
    ].join('\n');
    expect(readingOrder(text).split('\n')).toEqual([
      'ỦY BAN NHÂN DÂN',
      'XÃ AN BÌNH',
      'Số: 12/KH-UBND',
      'V/v phát động phong trào thi đua',
      'CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM',
      'Độc lập - Tự do - Hạnh phúc',
      'An Bình, ngày 5 tháng 3 năm 2025',
      '',
      'Ủy ban nhân dân xã ban hành kế hoạch phát động phong trào thi đua năm 2025 như sau để các đơn vị thực hiện.',
      '',
      'Nơi nhận:\tTM. ỦY BAN NHÂN DÂN',
      '- Như trên;\tCHỦ TỊCH',
      '',
      'STT\tĐơn vị\tSố lượng',
    ]);
  });
});

describe('reading order of a header with gaps', () => {
  it('takes blank lines, a blank number and specks in its stride', () => {
    const text = [
      "'\tBỘ Y TẾ\tCỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM",
      '',
      'CỤC QUẢN LÝ DƯỢC\tĐộc lập - Tự do - Hạnh phúc',
      '',
      'Số:\t/QLD-ĐK\tHà Nội, ngày tháng 5 năm 2024',
      '',
      'V/v đăng ký thuốc',
      '',
      'Kính gửi: các cơ sở đăng ký thuốc.',
    ].join('\n');
    expect(readingOrder(text).split('\n')).toEqual([
      'BỘ Y TẾ',
      'CỤC QUẢN LÝ DƯỢC',
      'Số: /QLD-ĐK',
      'V/v đăng ký thuốc',
      'CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM',
      'Độc lập - Tự do - Hạnh phúc',
      'Hà Nội, ngày tháng 5 năm 2024',
      '',
      'Kính gửi: các cơ sở đăng ký thuốc.',
    ]);
  });
  it('leaves a title under the header after both columns, and a table alone', () => {
    const text = ['UBND XÃ AN BÌNH\tCỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM', 'Số: 5/KH-UBND\tĐộc lập - Tự do - Hạnh phúc', '', 'KẾ HOẠCH', 'Thi đua năm 2025'].join('\n');
    expect(readingOrder(text).split('\n')).toEqual(['UBND XÃ AN BÌNH', 'Số: 5/KH-UBND', 'CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM', 'Độc lập - Tự do - Hạnh phúc', '', 'KẾ HOẠCH', 'Thi đua năm 2025']);
    const table = 'STT\tĐơn vị\tSố lượng\tGhi chú\n1\tXã A\t2\t';
    expect(readingOrder(table)).toBe(table);
  });
});

describe('the text of a document, page by page', () => {
  const source = (pages: string[]) => ({
    path: 'x.pdf',
    sha256: '',
    format: 'pdf' as const,
    pages: pages.length,
    ocr: false,
    pageTexts: pages.map((text, i) => ({ number: i + 3, text, ocr: false })),
    diagnostics: [],
  });
  it('normalises the whole document and cuts it again at the pages', () => {
    const doc = documentText(source(['Ke hoach phat dong phong trao thi dua\ntrong toan xa', 'Uy ban nhan dan xa\n\nto chuc thuc hien']));
    expect(doc.pages.map((p) => p.number)).toEqual([3, 4]);
    expect(doc.pages[0].text).toBe('Kế hoạch phát động phong trào thi đua\ntrong toàn xã');
    expect(doc.pages[1].text).toBe('Ủy ban nhân dân xã\n\ntổ chức thực hiện');
  });
  it('gives the pages as read with raw', () => {
    const doc = documentText(source(['Ke hoach', 'Uy ban']), { raw: true });
    expect(doc.pages.map((p) => p.text)).toEqual(['Ke hoach', 'Uy ban']);
  });
});

function run(...args: string[]) {
  const r = spawnSync(process.execPath, [BIN, ...args], { encoding: 'utf8', timeout: 120_000, env: { ...process.env, THIDUA_LANG: '' } });
  return { code: r.status, stdout: r.stdout, stderr: r.stderr };
}

describe('thidua text', () => {
  const dir = mkdtempSync(join(tmpdir(), 'thidua-text-'));
  it('prints the normalised text of a text file, and the text as read with --raw', () => {
    const path = join(dir, 'stripped.txt');
    writeFileSync(path, 'UY BAN NHAN DAN XA\nKe hoach phat dong phong trao thi dua\n');
    const r = run('text', path);
    expect(r.code).toBe(0);
    expect(r.stdout).toBe('ỦY BAN NHÂN DÂN XÃ\nKế hoạch phát động phong trào thi đua\n');
    expect(run('text', path, '--raw').stdout).toBe('UY BAN NHAN DAN XA\nKe hoach phat dong phong trao thi dua\n');
  });
  it('marks each page of a PDF (in Vietnamese by default) and reads only the pages asked for', () => {
    const pdf = join(FIXTURES, 'layout-sample.pdf');
    const r = run('text', pdf, '--pages', '1');
    expect(r.code).toBe(0);
    expect(r.stdout.split('\n')[0]).toBe('——— Trang 1 ———');
    expect(r.stdout).not.toContain('Trang 2');
    const layout = run('text', pdf, '--pages', '1', '--layout');
    expect(layout.stdout).toContain('\t');
  });
  it('refuses a missing file in one line and a bad page range as a usage error', () => {
    const missing = run('text', join(dir, 'none.pdf'));
    expect(missing.code).toBe(1);
    expect(missing.stdout).toBe('');
    expect(missing.stderr.trim().split('\n')).toHaveLength(1);
    expect(missing.stderr).toContain('none.pdf');
    const bad = run('text', join(dir, 'none.pdf'), '--pages', 'x');
    expect(bad.code).toBe(2);
    expect(bad.stderr).toContain('--pages');
  });
  it('describes itself in Vietnamese by default and in English on request', () => {
    expect(run('text', '--help').stdout).toContain('văn bản thidua đọc được');
    const en = spawnSync(process.execPath, [BIN, 'text', '--help'], { encoding: 'utf8', env: { ...process.env, THIDUA_LANG: 'en' } });
    expect(en.stdout).toContain('the text thidua reads');
  });
});

describe('a text layer over a scan, judged by its words', () => {
  // What a scanner's Latin-language OCR makes of a Vietnamese page: a few marks right, many words
  // no Vietnamese syllable.
  const latinOcr = [
    'UY BAN NHAN DAN\tCONG HOA xA HQI CilU NGHIA VIT NAM',
    'HUYN BINH SON\tDc Ip - Tir do - Hnh phiic',
    'V/v thrc hin Thông báo sf3 12-TB/HU ngy 17/8/2023 ye Két 1un cüa Thuong trrc Huyn üy',
    'Tlurc hin Thông báo s 12-TB/HU v Kêt lun cia Thumg trçrc Huyn üy tii Hi ngh tong kCt',
    'các phông ban thuc UBND huyn triên khai thixc hiên các nhiêrn vu nliu san và báo cáo kt qua',
  ].join('\n');
  const clean = [
    'ỦY BAN NHÂN DÂN\tCỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM',
    'HUYỆN BÌNH SƠN\tĐộc lập - Tự do - Hạnh phúc',
    'V/v thực hiện Thông báo số 12-TB/HU ngày 17/8/2023 về Kết luận của Thường trực Huyện ủy',
    'Thực hiện Thông báo số 12-TB/HU về Kết luận của Thường trực Huyện ủy tại Hội nghị tổng kết',
    'các phòng ban thuộc UBND huyện triển khai thực hiện các nhiệm vụ như sau và báo cáo kết quả',
  ].join('\n');
  it('re-reads by OCR a layer of few Vietnamese words over a scan', () => {
    expect(readableShare(latinOcr)!).toBeLessThan(0.8);
    expect(judgeTextLayer(latinOcr, { imageCoverage: 0.95, vectorDrawing: false }).ocr).toBe(true);
  });
  it('keeps a good layer over a scan, and any layer of a digital page', () => {
    expect(readableShare(clean)!).toBeGreaterThan(0.9);
    expect(judgeTextLayer(clean, { imageCoverage: 0.95, vectorDrawing: false }).ocr).toBe(false);
    expect(judgeTextLayer(latinOcr, { imageCoverage: 0, vectorDrawing: false }).ocr).toBe(false);
  });
});

const tokens = (s: string) => s.normalize('NFC').split(/\s+/).filter((t) => /[\p{L}\p{N}]/u.test(t));

describe.skipIf(!existsSync(join(REALSCAN, '4_1.jpg')))('real scans (../shared/realscan)', () => {
  it('re-reads by OCR the page of a PDF whose text layer a Latin-language OCR made', () => {
    const r = run('text', '-q', '--pages', '1', join(REALSCAN, '3.pdf'));
    expect(r.code).toBe(0);
    expect(r.stdout).toContain('Thông báo số 496-TB/TU');
  }, 120_000);
  for (const name of ['4_1', '4_2']) {
    it(`reads ${name}.jpg with a word error rate of 8 % or less`, () => {
      const r = run('text', '-q', join(REALSCAN, `${name}.jpg`));
      expect(r.code).toBe(0);
      const truth = tokens(readFileSync(join(REALSCAN, `${name}_gt.txt`), 'utf8'));
      // The transcription stops before the page ends: compare with as many words of the text.
      const ours = tokens(r.stdout);
      const best = Math.min(...[-10, -5, 0, 5, 10].map((d) => errorRates(truth.join(' '), ours.slice(0, truth.length + d).join(' ')).wer));
      expect(best).toBeLessThanOrEqual(0.08);
    }, 120_000);
  }
});
