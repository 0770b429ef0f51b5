// The comparison of two plan records: synthetic parent/child pairs made by editing a gold
// record must be reported under the right aspect with both values; a plan compared with
// itself reports nothing; the real corpus pairs compare sensibly.
import { describe, expect, test } from 'vitest';
import { comparePlans, type Difference } from '../../pipeline/compare/index.js';
import { renderComparison } from '../../pipeline/compare/render.js';
import type { PlanRecord } from '../../pipeline/record/schema.js';
import { goldRecords } from '../library/helpers.js';

const gold = goldRecords();
const clone = (r: PlanRecord): PlanRecord => structuredClone(r);
const only = (ds: Difference[]) => {
  expect(ds, JSON.stringify(ds.map((d) => d.message), null, 1)).toHaveLength(1);
  return ds[0];
};

describe('a plan compared with itself', () => {
  for (const [name, record] of Object.entries(gold)) {
    test(`gold ${name}: no difference`, () => {
      const c = comparePlans(record, clone(record));
      expect(c.differences).toEqual([]);
      expect(c.citation.sameDocument).toBe(true);
      for (const format of ['text', 'md', 'html'] as const) {
        expect(renderComparison(c, format, 'vi')).toMatch(/Không có khác biệt/);
        expect(renderComparison(c, format, 'en')).toMatch(/No difference/);
      }
    });
  }
});

describe('synthetic child plans made by editing a gold record', () => {
  const a = gold['001']; // UBND huyện Châu Thành 2023: quotas, thresholds, dossier with a deadline

  test('a removed content is reported under contents with its text', () => {
    const b = clone(a);
    const [removed] = b.contents.splice(2, 1);
    const d = only(comparePlans(a, b).differences);
    expect(d).toMatchObject({ aspect: 'contents', kind: 'missing', a: removed, b: null, consistent: false });
  });

  test('an added content is reported under contents', () => {
    const b = clone(a);
    b.contents.push('Thi đua xây dựng chính quyền số, chuyển đổi số trong giải quyết thủ tục hành chính.');
    expect(only(comparePlans(a, b).differences)).toMatchObject({ aspect: 'contents', kind: 'added', a: null, b: b.contents.at(-1) });
  });

  test('a raised quota is reported under awards with both quantities', () => {
    const b = clone(a);
    const i = b.awards.findIndex((x) => x.recipient === 'individual');
    b.awards[i].quantity = a.awards[i].quantity! + 5;
    const d = only(comparePlans(a, b).differences);
    expect(d).toMatchObject({ aspect: 'awards', kind: 'quantity', a: a.awards[i].quantity, b: a.awards[i].quantity! + 5 });
    expect(d.subject).toMatch(/annual.*individual/);
    expect(d.message).toMatch(/B higher/);
  });

  test('a changed quota kind (exact → at most) is reported under awards', () => {
    const b = clone(a);
    b.awards[0].limit = 'max';
    expect(only(comparePlans(a, b).differences)).toMatchObject({ aspect: 'awards', kind: 'limit', a: 'exact', b: 'max' });
  });

  test('a dropped award is reported as missing', () => {
    const b = clone(a);
    b.awards.splice(1, 1);
    expect(only(comparePlans(a, b).differences)).toMatchObject({ aspect: 'awards', kind: 'missing', b: null });
  });

  test('a raised threshold is stricter, a lowered one looser, both values given', () => {
    const find = (r: PlanRecord) => r.criteria.flatMap((c) => c.thresholds).find((t) => t.metric === 'satisfaction')!;
    const stricter = clone(a);
    find(stricter).value = 95;
    expect(only(comparePlans(a, stricter).differences)).toMatchObject({
      aspect: 'criteria', kind: 'stricter', subject: 'collective · satisfaction', a: { op: '>', value: 90 }, b: { op: '>', value: 95 }, consistent: true,
    });
    const looser = clone(a);
    find(looser).value = 80;
    expect(only(comparePlans(a, looser).differences)).toMatchObject({ aspect: 'criteria', kind: 'looser', a: { value: 90 }, b: { value: 80 }, consistent: false });
  });

  test('a rating threshold lowered from khá to trung bình is looser', () => {
    const b = clone(a);
    for (const c of b.criteria) for (const t of c.thresholds) if (t.metric === 'index_rating') t.value = 'trung bình';
    expect(only(comparePlans(a, b).differences)).toMatchObject({ aspect: 'criteria', kind: 'looser', a: { value: 'khá' }, b: { value: 'trung bình' } });
  });

  test('a removed threshold is missing', () => {
    const b = clone(a);
    for (const c of b.criteria) c.thresholds = c.thresholds.filter((t) => t.metric !== 'task_completion');
    expect(only(comparePlans(a, b).differences)).toMatchObject({ aspect: 'criteria', kind: 'missing', a: { metric: 'task_completion', value: 100 }, b: null });
  });

  test('a later deadline is reported under dossier as inconsistent, with both dates', () => {
    const b = clone(a);
    b.dossier!.deadline = '2023-11-15';
    expect(only(comparePlans(a, b).differences)).toMatchObject({ aspect: 'dossier', kind: 'deadline-late', a: '2023-10-15', b: '2023-11-15', consistent: false });
    const c = comparePlans(a, b);
    expect(c.dossier.deadlineBefore).toBe(false);
  });

  test('an earlier deadline is reported as consistent', () => {
    const b = clone(a);
    b.dossier!.deadline = '2023-10-05';
    const c = comparePlans(a, b);
    expect(only(c.differences)).toMatchObject({ aspect: 'dossier', kind: 'deadline', consistent: true });
    expect(c.dossier.deadlineBefore).toBe(true);
  });

  test('fewer copies and a dropped form are reported under dossier', () => {
    const a4 = gold['004'];
    const b = clone(a4);
    b.dossier!.components = b.dossier!.components.filter((x) => x.form !== '08');
    expect(only(comparePlans(a4, b).differences)).toMatchObject({ aspect: 'dossier', kind: 'form-missing', b: null });
    const b2 = clone(a);
    b2.dossier!.copies = 1;
    expect(only(comparePlans(a, b2).differences)).toMatchObject({ aspect: 'dossier', kind: 'copies', a: a.dossier!.copies, b: 1 });
  });

  test('a period outside the parent is inconsistent; a narrower one is not', () => {
    const parent = gold['002']; // 2021–2030
    const outside = clone(parent);
    outside.period = { from: 2021, to: 2031, reviews: parent.period.reviews };
    expect(only(comparePlans(parent, outside).differences)).toMatchObject({ aspect: 'period', kind: 'outside', a: '2021–2030', b: '2021–2031', consistent: false });
    const narrower = clone(parent);
    narrower.period = { from: 2025, to: 2025, reviews: [{ kind: 'midterm', year: 2025 }] };
    const c = comparePlans(parent, narrower);
    expect(c.period.contained).toBe(true);
    expect(only(c.differences)).toMatchObject({ aspect: 'period', kind: 'narrower', consistent: true });
  });
});

describe('citation', () => {
  // A provincial police plan made to be the one the district police plan 000 implements.
  const parent = clone(gold['003']);
  parent.document = { ...parent.document, number: '128/KH-CAT', seq: 128, date: '2022-04-27' };

  test('B citing A (number, date, issuer) is recognised', () => {
    const c = comparePlans(parent, gold['000']);
    expect(c.citation.cites).toBe(true);
    expect(c.citation.entry?.number).toBe('128/KH-CAT');
    expect(c.differences.some((d) => d.aspect === 'citation')).toBe(false);
  });

  test('OCR noise in the cited number and date is tolerated', () => {
    const child = clone(gold['000']);
    child.basis[0] = { ...child.basis[0], number: 'l28/KH-CAT', date: '2022-04-21', issuer: 'Cong an tinh Soc Trang' };
    expect(comparePlans(parent, child).citation.cites).toBe(true);
  });

  test('a plan that does not cite A is reported, with both values', () => {
    const c = comparePlans(gold['003'], gold['000']);
    const d = c.differences.find((x) => x.aspect === 'citation')!;
    expect(d).toMatchObject({ kind: 'not-cited', a: expect.stringContaining('41/KH-CAT'), consistent: false });
    expect(d.b).toEqual([expect.stringContaining('128/KH-CAT')]);
  });

  test('the arguments given the wrong way round are pointed out', () => {
    const c = comparePlans(gold['000'], parent);
    expect(c.citation.reverse).toBe(true);
    expect(c.differences.find((x) => x.aspect === 'citation')?.message).toMatch(/wrong way round/);
  });
});

describe('corpus pairs', () => {
  test('the two police plans: both identified, province vs district', () => {
    const c = comparePlans(gold['003'], gold['000']);
    expect(c.a).toMatchObject({ number: '41/KH-CAT', level: 'province', kind: 'police' });
    expect(c.b).toMatchObject({ number: '52/KH-CAH', level: 'district', kind: 'police' });
    expect(c.period.contained).toBe(false); // 2021–2030 is not within 2025
  });

  test('the district and town plans: awards side by side per occasion and recipient kind', () => {
    const c = comparePlans(gold['001'], gold['002']);
    const annualCollective = c.awards.find((r) => r.occasion === 'annual' && r.recipient === 'collective')!;
    expect(annualCollective.a?.quantity).toBe(6);
    expect(annualCollective.b?.quantity).toBe(3);
    expect(c.differences).toContainEqual(expect.objectContaining({ aspect: 'awards', kind: 'quantity', a: 6, b: 3 }));
    // Both plans copy the provincial template: most contents match across them.
    const matched = c.contents.filter((r) => r.a && r.b).length;
    expect(matched).toBeGreaterThanOrEqual(4);
    // 002 (2021–2030) has sơ kết/tổng kết awards 001 (2023) has not.
    expect(c.differences.filter((d) => d.aspect === 'awards' && d.kind === 'added').length).toBeGreaterThan(0);
  });

  test('every difference names one of the six aspects and carries both values', () => {
    const c = comparePlans(gold['002'], gold['004']);
    const json = JSON.parse(renderComparison(c, 'json'));
    expect(Array.isArray(json.differences)).toBe(true);
    expect(json.differences.length).toBeGreaterThan(0);
    for (const d of json.differences) {
      expect(['citation', 'period', 'contents', 'awards', 'criteria', 'dossier']).toContain(d.aspect);
      expect(d).toHaveProperty('a');
      expect(d).toHaveProperty('b');
    }
    const aspects = new Set(json.differences.map((d: Difference) => d.aspect));
    for (const a of ['citation', 'period', 'contents', 'awards', 'criteria', 'dossier']) expect(aspects).toContain(a);
  });
});

describe('output formats', () => {
  const c = comparePlans(gold['001'], gold['002']);
  test('html is one self-contained file (no external resources) with escaped text', () => {
    const html = renderComparison(c, 'html');
    expect(html.startsWith('<!DOCTYPE html>')).toBe(true);
    expect(html).not.toMatch(/<(script|link|img)\b|src=|href=/i);
    expect(html).toContain('44/KH-UBND');
  });
  test('markdown has tables with escaped pipes', () => {
    const md = renderComparison(c, 'md', 'vi');
    expect(md).toMatch(/^\| Dịp \| Đối tượng \| A \| B \|$/m);
    expect(renderComparison(c, 'md', 'en')).toMatch(/^\| Occasion \| Recipient \| A \| B \|$/m);
  });
  test('the terminal table shows both plans', () => {
    const text = renderComparison(c, 'text', 'vi');
    expect(text).toContain('44/KH-UBND');
    expect(text).toContain('50/KH-UBND');
    expect(text).toMatch(/== Khác biệt \(\d+\) ==/);
    expect(renderComparison(c, 'text', 'en')).toMatch(/== Differences \(\d+\) ==/);
  });
  test('a person reads Vietnamese by default: titles, notes and record vocabulary; the JSON stays English', () => {
    const text = renderComparison(c, 'text', 'vi');
    for (const english of ['Identification', 'Citation', 'Contents', 'MISSING', "of A's", 'Number', 'Issuer', 'collective', 'annual'])
      expect(text, english).not.toContain(english);
    expect(text).toMatch(/== Thông tin văn bản ==/);
    expect(text).toMatch(/tập thể/);
    expect(text).toMatch(/hằng năm/);
    expect(text).toMatch(/nội dung của A có trong B/);
    const html = renderComparison(c, 'html', 'vi');
    expect(html).toContain('<html lang="vi">');
    expect(html).toContain('<title>So sánh: 44/KH-UBND (A) và 50/KH-UBND (B)</title>');
    expect(renderComparison(c, 'html', 'en')).toContain('<title>Comparison: 44/KH-UBND (A) and 50/KH-UBND (B)</title>');
    const json = JSON.parse(renderComparison(c, 'json', 'vi'));
    expect(json.awards.map((r: { recipient: string }) => r.recipient)).toContain('collective');
    expect(json.differences.every((d: Difference) => !/[ăâđêôơư]/i.test(d.kind))).toBe(true);
  });
});
