// Lists the plan does not allow are refused — exit 1, a message naming the nominee and the rule
// and quoting the plan, and no file written — and `--draft` writes them marked DỰ THẢO.
import { existsSync, readdirSync } from 'node:fs';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { setLang } from '../../pipeline/messages/index.js';
import { BODIES, BODY, collectives, gold, individuals, readDocx, runCli, tempDir, writeJson, type NomineeInput, HAS_SOFFICE, unopenable } from './helpers.js';

const tmp = tempDir();
// The messages are asserted in English here (THIDUA_LANG=en); the draft's problems page is Vietnamese.
beforeAll(() => setLang('en'));
afterAll(() => {
  setLang(null);
  tmp.cleanup();
});

/** The body that may propose the plan's awards: plan 001 → the district's Phòng Nội vụ, else the ward's office (004 and plans made from it). */
const bodyFor = (plan: string) => (plan === gold('001') ? BODY : plan === gold('000') ? BODIES['000']! : plan === gold('002') ? BODIES['002']! : BODIES['004']!);
let counter = 0;

async function render(plan: string, nominees: NomineeInput[], options: { date: string; occasion?: string; form?: string; extra?: string[]; body?: string }) {
  const n = ++counter;
  const list = writeJson(join(tmp.dir, `list-${n}.json`), nominees);
  const out = options.form === 'mau08' ? join(tmp.dir, `out-${n}`) : join(tmp.dir, `out-${n}.docx`);
  const result = await runCli([
    'render',
    options.form ?? 'mau01',
    '--plan',
    plan,
    '--nominees',
    list,
    '--from',
    options.body ?? bodyFor(plan),
    '--date',
    options.date,
    '--out',
    out,
    ...(options.occasion ? ['--occasion', options.occasion] : []),
    ...(options.extra ?? []),
  ]);
  return { ...result, out, list };
}

const ok001 = () => [
  ...collectives(2, { category: 'các cơ quan, ban ngành cấp huyện' }, 'Phòng'),
  ...collectives(2, { category: 'các cơ quan Trung ương, cơ quan tỉnh đóng trên địa bàn' }, 'Chi cục'),
  ...collectives(2, { category: 'các xã, thị trấn' }, 'Xã'),
  ...individuals(10),
];

describe('quotas', () => {
  it('refuses more individuals than the plan allows (004: tối đa 07)', async () => {
    const r = await render(gold('004'), [...collectives(4), ...individuals(8)], { date: '2026-01-05' });
    expect(r.code).toBe(1);
    expect(existsSync(r.out)).toBe(false);
    expect(r.stderr).toContain('thidua: error: quota: 08 individual(s) proposed for Giấy khen của Chủ tịch Ủy ban nhân dân phường Sóc Trăng: at most 07 allowed');
    expect(r.stderr).toContain('the plan says “tối đa 07 Giấy khen của Chủ tịch Ủy ban nhân dân phường Sóc Trăng cho cá nhân”');
    expect(r.stderr).toMatch(/list-\d+\.json: 1 error\(s\) against the plan: no file written/);
  });

  it('refuses more collectives than an exact quota, and warns when it is not filled', async () => {
    const over = await render(gold('004'), [...collectives(5)], { date: '2026-01-05' });
    expect(over.code).toBe(1);
    expect(over.stderr).toContain('quota: 05 collective(s) proposed for Giấy khen của Chủ tịch Ủy ban nhân dân phường Sóc Trăng: the plan awards 04');
    const under = await render(gold('004'), [...collectives(3)], { date: '2026-01-05' });
    expect(under.code).toBe(0);
    expect(under.stderr).toContain('thidua: warning: quota: 03 collective(s)');
    expect(existsSync(under.out)).toBe(true);
  });

  it('refuses a breakdown category over its share (001: 02 for the xã, thị trấn)', async () => {
    const list = ok001();
    list[3] = { ...list[3]!, category: 'xã, thị trấn', name: 'Xã thứ ba' };
    const r = await render(gold('001'), list, { date: '2023-10-10' });
    expect(r.code).toBe(1);
    expect(r.stderr).toContain('quota-breakdown: 03 proposed under the category “các xã, thị trấn” (Xã thứ ba; Xã số 1; Xã số 2): the plan awards 02');
    expect(r.stderr).toContain('the plan says “02 Giấy khen cho các xã, thị trấn”');
    expect(existsSync(r.out)).toBe(false);
  });

  it('refuses a category the plan does not have, naming the nominee', async () => {
    const list = ok001();
    list[0] = { ...list[0]!, category: 'doanh nghiệp' };
    const r = await render(gold('001'), list, { date: '2023-10-10' });
    expect(r.code).toBe(1);
    expect(r.stderr).toContain('category: Phòng số 1 (item 1) counts under "doanh nghiệp", which is none of the plan\'s categories');
    expect(r.stderr).toContain('“các cơ quan, ban ngành cấp huyện”');
  });

  it('names every nominee under the same unknown category on one line (--verbose: one each)', async () => {
    const list = ok001();
    list[0] = { ...list[0]!, category: 'doanh nghiệp' };
    list[1] = { ...list[1]!, category: 'Doanh nghiệp' };
    const r = await render(gold('001'), list, { date: '2023-10-10' });
    expect(r.code).toBe(1);
    const lines = r.stderr.split('\n').filter((l) => l.includes('category:'));
    expect(lines).toHaveLength(1);
    expect(lines[0]).toContain('category: 02 nominees count under "doanh nghiệp", which is none of the plan\'s categories for Giấy khen của Chủ tịch Ủy ban nhân dân huyện Châu Thành: Phòng số 1 (item 1); Phòng số 2 (item 2)');
    const verbose = await render(gold('001'), list, { date: '2023-10-10', extra: ['--verbose'] });
    expect(verbose.stderr.split('\n').filter((l) => l.includes('category:'))).toHaveLength(2);
  });

  it('refuses individuals for an occasion whose awards are for collectives only', async () => {
    const plan = writeJson(join(tmp.dir, 'collective-only.json'), {
      ...(await import(gold('004'), { with: { type: 'json' } })).default,
      awards: [{ occasion: 'annual', span: null, title: 'Giấy khen', conferrer: 'Chủ tịch Ủy ban nhân dân phường', recipient: 'collective', quantity: 2, limit: 'max', per: null, ratio: null, breakdown: [] }],
    });
    const r = await render(plan, [...collectives(1), ...individuals(1)], { date: '2026-01-05' });
    expect(r.code).toBe(1);
    expect(r.stderr).toContain('no-award: 01 individual(s) proposed (Nguyễn Văn Số1), but the plan names no award for individual(s)');
  });

  it('checks per-unit and ratio quotas', async () => {
    const base = (await import(gold('004'), { with: { type: 'json' } })).default;
    const plan = writeJson(join(tmp.dir, 'per-unit.json'), {
      ...base,
      awards: [
        { occasion: 'annual', span: null, title: 'Giấy khen', conferrer: 'Chủ tịch Ủy ban nhân dân phường', recipient: 'individual', quantity: 1, limit: 'max', per: 'mỗi đơn vị', ratio: null, breakdown: [] },
        { occasion: 'annual', span: null, title: 'Giấy khen', conferrer: 'Chủ tịch Ủy ban nhân dân phường', recipient: 'collective', quantity: null, limit: 'max', per: null, ratio: 10, breakdown: [] },
      ],
    });
    const people = individuals(3).map((n, i) => ({ ...n, unit: i < 2 ? 'Phòng Văn hóa - Xã hội' : 'Phòng Kinh tế' }));
    const r = await render(plan, [...people, ...collectives(3)], { date: '2026-01-05' });
    expect(r.code).toBe(1);
    expect(r.stderr).toContain('quota-per-unit: 02 individual(s) proposed for Giấy khen của Chủ tịch Ủy ban nhân dân phường Sóc Trăng from the unit "Phòng Văn hóa - Xã hội" (Nguyễn Văn Số1; Nguyễn Văn Số2): at most 01 allowed mỗi đơn vị');
    expect(r.stderr).toContain('warning: quota-ratio: the plan caps collective(s)');
    const body = writeJson(join(tmp.dir, 'body-totals.json'), { ...(await import(BODIES['004']!, { with: { type: 'json' } })).default, totals: { collective: 20 } });
    const ratio = await render(plan, collectives(3), { date: '2026-01-05', body });
    expect(ratio.code).toBe(1);
    expect(ratio.stderr).toContain('quota-ratio: 03 collective(s) proposed for Giấy khen của Chủ tịch Ủy ban nhân dân phường Sóc Trăng, more than 10% of 20 (02)');
  });
});

describe('criteria', () => {
  it('refuses a nominee below a threshold, quoting the criterion', async () => {
    const list = ok001();
    list[4] = { ...list[4]!, satisfaction: 85 };
    list[5] = { ...list[5]!, index_rating: 'trung bình' };
    const r = await render(gold('001'), list, { date: '2023-10-10' });
    expect(r.code).toBe(1);
    expect(existsSync(r.out)).toBe(false);
    expect(r.stderr).toContain('criterion: Xã số 1 (item 5): satisfaction (tỷ lệ hài lòng) declared 85%, the plan requires > 90%');
    expect(r.stderr).toContain('“Thực hiện tốt việc cung ứng dịch vụ công, đảm bảo tỷ lệ hài lòng cá nhân, tổ chức');
    expect(r.stderr).toContain('criterion: Xã số 2 (item 6): index rating (xếp loại chỉ số) declared trung bình, the plan requires ≥ khá');
    expect(r.stderr).toContain('2 error(s) against the plan');
  });

  it('refuses a task completion below 100% and a "no" on growth', async () => {
    const r = await render(gold('004'), [...collectives(3), ...collectives(1, { task_completion: 98, index_growth: 'không' }, 'Phòng Kinh tế')], { date: '2026-01-05' });
    expect(r.code).toBe(1);
    expect(r.stderr).toContain('criterion: Phòng Kinh tế số 1 (item 4): task completion (tỷ lệ hoàn thành nhiệm vụ) declared 98%, the plan requires ≥ 100%');
    expect(r.stderr).toContain('criterion: Phòng Kinh tế số 1 (item 4): index growth over the previous year (chỉ số tăng so với năm trước) declared không tăng');
    expect(r.stderr).toContain('“Kết quả tỷ lệ Chỉ số thành phần CCHC năm 2025 tham mưu cao hơn năm trước liền kề');
  });

  it('only warns when a figure is not declared', async () => {
    const r = await render(gold('004'), [...collectives(3), ...collectives(1, { task_completion: '', index_growth: '' }, 'Phòng Kinh tế')], { date: '2026-01-05' });
    expect(r.code).toBe(0);
    expect(r.stderr).toContain('warning: criterion: Phòng Kinh tế số 1 (item 4): task completion (tỷ lệ hoàn thành nhiệm vụ) not declared, so the requirement (≥ 100%) is unverified');
    expect(r.stderr).toContain('warning: criterion: Phòng Kinh tế số 1 (item 4): index growth');
    expect(existsSync(r.out)).toBe(true);
  });
});

describe('deadline and plan', () => {
  it('refuses a Tờ trình dated after the dossier deadline', async () => {
    const r = await render(gold('004'), [...collectives(4)], { date: '2026-02-02' });
    expect(r.code).toBe(1);
    expect(r.stderr).toContain('deadline: the Tờ trình is dated 02/02/2026, after the dossier deadline 30/01/2026 — the plan says “trước ngày 30 tháng 01 năm liền kề”');
    const ok = await render(gold('001'), ok001(), { date: '2023-10-16' });
    expect(ok.code).toBe(1);
    expect(ok.stderr).toContain('“trước ngày 15/10/2023”');
  });

  it('refuses a plan without awards (003) clearly', async () => {
    const r = await render(gold('003'), [...collectives(1)], { date: '2025-06-01' });
    expect(r.code).toBe(1);
    expect(r.stderr).toContain('the plan (Kế hoạch số 41/KH-CAT) names no award (hình thức khen thưởng): there is nothing a dossier could propose');
    expect(existsSync(r.out)).toBe(false);
  });

  it('asks for --occasion when the plan has several, and refuses one it lacks', async () => {
    const r = await render(gold('002'), [...collectives(1)], { date: '2025-06-01' });
    expect(r.code).toBe(2);
    expect(r.stderr).toContain('choose one with --occasion');
    const wrong = await render(gold('004'), [...collectives(1)], { date: '2025-06-01', occasion: 'final' });
    expect(wrong.code).toBe(1);
    expect(wrong.stderr).toContain('the plan names no award for the occasion "final"; it has: annual');
    const bad = await render(gold('004'), [...collectives(1)], { date: '2025-13-01' });
    expect(bad.code).toBe(2);
  });
});

describe('--draft', () => {
  it('writes the refused list anyway, marked DỰ THẢO with the problems on a last page', async () => {
    const list = [...collectives(4), ...individuals(8)];
    list[0] = { ...list[0]!, task_completion: 90 };
    const r = await render(gold('004'), list, { date: '2026-02-02', extra: ['--draft'] });
    expect(r.code).toBe(0);
    const doc = readDocx(r.out);
    const p = doc.paragraphs;
    expect(p[0]).toBe('DỰ THẢO');
    const page = p.indexOf('CÁC VẤN ĐỀ PHẢI XỬ LÝ TRƯỚC KHI TRÌNH KÝ');
    expect(page).toBeGreaterThan(p.indexOf('Nguyễn Văn Số8'));
    const problems = p.slice(page + 2);
    // In Vietnamese, each quoting the plan.
    expect(problems).toContain(
      '1. [Lỗi] Đề nghị 08 cá nhân nhận Giấy khen của Chủ tịch Ủy ban nhân dân phường Sóc Trăng: vượt số lượng tối đa 07 — Kế hoạch: “tối đa 07 Giấy khen của Chủ tịch Ủy ban nhân dân phường Sóc Trăng cho cá nhân” (Kế hoạch)',
    );
    expect(problems.some((x) => /^\d\. \[Lỗi\] Tập thể số 1 \(mục 1\): tỷ lệ hoàn thành nhiệm vụ kê khai 90%, Kế hoạch yêu cầu ≥ 100% — Kế hoạch: “Các phòng, cơ quan chuyên môn/.test(x))).toBe(true);
    expect(problems.some((x) => /^\d\. \[Lỗi\] Tờ trình ngày 02\/02\/2026 quá thời hạn nộp hồ sơ 30\/01\/2026 — Kế hoạch: “trước ngày 30 tháng 01 năm liền kề”/.test(x))).toBe(true);
    expect(doc.text).not.toMatch(/the plan says|proposed|criterion /);
    expect(doc.xml).toContain('<w:pageBreakBefore/>');

    const reports = await render(gold('004'), list, { date: '2026-02-02', extra: ['--draft'], form: 'mau08' });
    expect(reports.code).toBe(0);
    const files = readdirSync(reports.out).sort();
    const first = readDocx(join(reports.out, files[0]!));
    expect(first.paragraphs[0]).toBe('DỰ THẢO');
    // A report lists its own nominee's problems and those of the whole list, not the others'.
    expect(first.text).toContain('Tập thể số 1 (mục 1): tỷ lệ hoàn thành nhiệm vụ kê khai 90%');
    expect(first.text).toContain('quá thời hạn nộp hồ sơ');
    const second = readDocx(join(reports.out, files[1]!));
    expect(second.text).not.toContain('Tập thể số 1 (mục 1)');
    // The criteria table says which criterion failed.
    expect(first.paragraphs).toContain('Chưa đạt (yêu cầu ≥ 100%)');
  });
});

describe('a plan whose diacritics were stripped', () => {
  it('prints its names, award and title with their marks restored', async () => {
    const base = (await import(gold('004'), { with: { type: 'json' } })).default;
    const strip = (s: string) => s.normalize('NFD').replace(/[\u0300-\u036f]/g, '').replace(/đ/g, 'd').replace(/Đ/g, 'D');
    const plan = writeJson(join(tmp.dir, 'stripped.json'), {
      ...base,
      source: { ...base.source, diacritics: 'stripped' },
      document: { ...base.document, title: strip(base.document.title), issuer: { ...base.document.issuer, name: strip(base.document.issuer.name) } },
      awards: base.awards.map((a: { title: string; conferrer: string }) => ({ ...a, title: strip(a.title), conferrer: strip(a.conferrer) })),
    });
    const r = await render(plan, [...collectives(4)], { date: '2026-01-05' });
    expect(r.code).toBe(0);
    const p = readDocx(r.out).paragraphs;
    expect(p.find((x) => x.startsWith('Về việc đề nghị tặng'))).toContain('Giấy khen của Chủ tịch Ủy ban nhân dân phường Sóc Trăng');
    expect(p.find((x) => x.startsWith('Căn cứ Kế hoạch'))).toContain('của Ủy ban nhân dân phường Sóc Trăng về phát động phong trào thi đua');
  }, 60_000);
});

describe('quoting an extracted plan', () => {
  it('quotes the source line the record evidence points to', async () => {
    const { planFromJson } = await import('../../pipeline/forms/plan.js');
    const { checkDossier } = await import('../../pipeline/forms/checks.js');
    const { nomineesFromJson } = await import('../../pipeline/forms/nominees.js');
    const base = (await import(gold('004'), { with: { type: 'json' } })).default;
    const text = ['KẾ HOẠCH', 'a) Tập thể: Tặng Giấy khen cho 04 tập thể tiêu biểu.', 'b) Cá nhân: Tặng Giấy khen tối đa cho 07 cá nhân có thành tích xuất sắc.'].join('\n');
    const record = planFromJson({ ...base, evidence: { '/awards/1/quantity': { line: 3, start: 50, end: 56 } } }, 'plan.txt');
    const plan = { record, text, path: 'plan.txt' };
    const { nominees } = nomineesFromJson(individuals(8), 'list.json');
    const problems = checkDossier({ plan, nominees, occasion: 'annual', date: { year: 2026, month: 1, day: 5 }, body: null });
    const quota = problems.find((p) => p.rule === 'quota')!;
    expect(quota.severity).toBe('error');
    expect(quota.text('en')).toContain('the plan says “b) Cá nhân: Tặng Giấy khen tối đa cho 07 cá nhân có thành tích xuất sắc.” (Kế hoạch, line 3)');
  });
});

describe.skipIf(!HAS_SOFFICE)('every generated file', () => {
  it('opens in LibreOffice', () => {
    const { count, failed } = unopenable(tmp.dir);
    expect(count).toBeGreaterThan(0);
    expect(failed).toEqual([]);
  }, 600_000);
});
