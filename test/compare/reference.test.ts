// Matching a cited document to a plan, tolerating OCR noise but not confusing plans.
import { expect, test } from 'vitest';
import { issuerSimilarity, matchReference, numberKey } from '../../pipeline/compare/reference.js';
import { levenshtein, matchItems, textSimilarity } from '../../pipeline/compare/text.js';
import { compareThreshold } from '../../pipeline/compare/thresholds.js';

const plan = { number: '128/KH-CAT', date: '2022-04-27', issuer: 'Công an tỉnh Sóc Trăng' };

test('number keys fold case, spaces and OCR look-alike digits', () => {
  expect(numberKey('128/KH-CAT')).toBe(numberKey(' l28 / kh-cat '));
  expect(numberKey('O7/KH-UBND')).toBe(numberKey('7/KH-UBND'));
  expect(numberKey(null)).toBeNull();
});

test('a reference with OCR noise still resolves', () => {
  expect(matchReference(plan, plan).matches).toBe(true);
  expect(matchReference({ number: 'l28/KH-CAT', date: '2022-04-21', issuer: 'Cong an tinh Soc Trang' }, plan).matches).toBe(true);
});

test('the same number of another issuer, or of another year, does not resolve', () => {
  const a = { number: '44/KH-UBND', date: '2023-03-07', issuer: 'Ủy ban nhân dân huyện Châu Thành' };
  expect(matchReference({ ...a, issuer: 'Ủy ban nhân dân huyện Mỹ Tú' }, a).matches).toBe(false);
  expect(matchReference({ ...a, issuer: 'Ủy ban nhân dân tỉnh Châu Thành' }, a).matches).toBe(false);
  expect(matchReference({ ...a, date: '2024-06-11' }, a).matches).toBe(false);
  // One misread digit: tolerated only when date and issuer agree exactly.
  expect(matchReference({ ...a, number: '45/KH-UBND' }, a).matches).toBe(true);
  expect(matchReference({ ...a, number: '45/KH-UBND', date: '2023-03-01' }, a).matches).toBe(false);
  expect(matchReference({ ...a, number: '144/KH-UBND', date: '2023-03-08' }, a).matches).toBe(false);
  expect(matchReference({ ...a, number: '9/KH-UBND' }, a).matches).toBe(false);
});

test('issuers of another body or level are different', () => {
  expect(issuerSimilarity('Công an tỉnh Sóc Trăng', 'Ủy ban nhân dân tỉnh Sóc Trăng')).toBe(0);
  expect(issuerSimilarity('UBND tỉnh Sóc Trăng', 'Ủy ban nhân dân tỉnh Sóc Trăng')).toBe(1);
});

test('items pair by token overlap, one to one', () => {
  expect(textSimilarity('Thi đua thực hiện tốt việc cung ứng dịch vụ công.', 'thi dua thuc hien tot viec cung ung dich vu cong')).toBe(1);
  const m = matchItems(['cải cách thủ tục hành chính', 'chuyển đổi số'], ['chuyển đổi số toàn diện', 'phòng cháy chữa cháy'], (x) => x);
  expect(m.pairs).toEqual([{ a: 1, b: 0, score: expect.any(Number) }]);
  expect(m.missing).toEqual([0]);
  expect(m.added).toEqual([1]);
  expect(levenshtein('chanh', 'chinh')).toBe(1);
});

test('threshold strictness', () => {
  const t = (op: '>=' | '>' | '<=', value: number | string, unit: string | null = '%') => ({ metric: 'satisfaction' as const, op, value, unit });
  expect(compareThreshold(t('>', 90), t('>', 95))).toBe('stricter');
  expect(compareThreshold(t('>', 90), t('>=', 90))).toBe('looser');
  expect(compareThreshold(t('>=', 'khá', null), t('>=', 'tốt', null))).toBe('stricter');
  expect(compareThreshold(t('<=', 5), t('<=', 3))).toBe('stricter');
  expect(compareThreshold(t('>', 'previous_year', null), t('>', 'previous_year', null))).toBe('same');
});
