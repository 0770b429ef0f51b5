// Incomplete input (contract revision 2): a text that starts mid-way or lacks its end, a fragment
// of a page. Never a cited document's number or date as the document's own; say what is missing.
import { describe, expect, it } from 'vitest';
import { extract, planWith } from './helpers.js';

describe('incomplete input', () => {
  it('a plan without its header takes no number or date from the documents it cites, and says what is missing', () => {
    const r = extract('Thực hiện Kế hoạch số 12/KH-UBND ngày 05/3/2025 của UBND tỉnh về phát động thi đua, UBND xã ban hành kế hoạch như sau:\n\nI. MỤC ĐÍCH\n\n1. Tăng cường công tác thi đua.\n');
    expect(r.document.number).toBeNull();
    expect(r.document.date).toBeNull();
    expect(r.source.complete).toBe(false);
    const warning = r.diagnostics.find((d) => d.code === 'incomplete-document');
    expect(warning?.severity).toBe('warning');
    expect(warning?.message).toMatch(/beginning/);
    expect(warning?.message).toMatch(/end/);
  });
  it('a first page with its header but no signature keeps its own number and date, and is marked incomplete at its end', () => {
    const page1 = planWith('I. MỤC ĐÍCH\n\n1. Tăng cường.').split('Nơi nhận:')[0];
    const r = extract(page1);
    expect(r.document).toMatchObject({ number: '12/KH-UBND', date: '2024-03-05' });
    expect(r.source.complete).toBe(false);
    expect(r.diagnostics.find((d) => d.code === 'incomplete-document')?.message).not.toMatch(/beginning/);
  });
  it('a fragment from the middle of a plan is read with warnings, not refused', () => {
    const r = extract('a) Tổ chức phát động phong trào thi đua theo Kế hoạch số 12/KH-UBND ngày 05/3/2025.\n\nb) Báo cáo kết quả trước ngày 15/12/2025.\n');
    const codes = r.diagnostics.map((d) => d.code);
    expect(codes).not.toContain('not-a-plan');
    expect(codes).toContain('incomplete-document');
    expect(r.document.number).toBeNull();
  });
  it('a whole plan is complete', () => {
    const r = extract(planWith('I. MỤC ĐÍCH\n\n1. Tăng cường.'));
    expect(r.source.complete).toBe(true);
    expect(r.diagnostics.map((d) => d.code)).not.toContain('incomplete-document');
  });
});
