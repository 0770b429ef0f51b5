// Synthetic plans (test/fixtures/synthetic, written for these tests, no gold, kept out of the
// accuracy figures): forms the corpus does not have.
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { extract, ROOT } from './helpers.js';

const fixture = (name: string) => readFileSync(join(ROOT, 'test', 'fixtures', 'synthetic', name), 'utf8');

describe('an election emulation plan laid out in flattened tables', () => {
  const r = extract(fixture('election-emulation-plan.md'));
  it('identifies the plan from a header in table cells', () => {
    expect(r.document).toMatchObject({ number: '0215/KH-UBND', seq: 215, date: '2025-12-12', place: 'An Giang' });
    expect(r.document.issuer).toEqual({ name: 'Ủy ban nhân dân tỉnh An Giang', kind: 'people_committee', level: 'province' });
  });
  it('reads a decree and a party directive as basis, not a law cited by name alone', () => {
    expect(r.basis.map((b) => [b.type, b.number, b.relation])).toEqual([
      ['Nghị định', '152/2025/NĐ-CP', 'pursuant'],
      ['Chỉ thị', '46-CT/TW', 'implements'],
    ]);
  });
  it('takes the campaign period from "Thời gian thi đua", not the term of office in the title', () => {
    expect(r.period).toMatchObject({ from: 2025, to: 2026 });
  });
  it('rewards at the end of the campaign (occasion campaign)', () => {
    expect(r.awards.map((a) => [a.occasion, a.span])).toEqual([
      ['campaign', '2025-2026'],
      ['campaign', '2025-2026'],
      ['campaign', '2025-2026'],
    ]);
  });
  it('reads quota maxima for both kinds in one sentence, with their breakdown', () => {
    expect(r.awards.map((a) => [a.recipient, a.title, a.conferrer, a.quantity, a.limit])).toEqual([
      ['collective', 'Bằng khen', 'Chủ tịch Ủy ban nhân dân tỉnh', 40, 'max'],
      ['individual', 'Bằng khen', 'Chủ tịch Ủy ban nhân dân tỉnh', 60, 'max'],
      // "2. Giấy khen của Chủ tịch UBND xã, phường: do Chủ tịch … quyết định": a form without a number.
      ['either', 'Giấy khen', 'Chủ tịch Ủy ban nhân dân xã', null, 'unspecified'],
    ]);
    expect(r.awards[0].breakdown.map((b) => [b.quantity, b.category])).toEqual([
      [5, 'Ủy ban Bầu cử tỉnh'],
      [1, 'Mỗi xã, phường'],
    ]);
    expect(r.awards[1].breakdown[0]).toMatchObject({ quantity: 10, limit: 'max' });
  });
  it('reads criteria written inline after "Đối với tập thể:" and a dossier listed inline', () => {
    expect(r.criteria.map((c) => c.recipient)).toEqual(['collective', 'individual']);
    expect(r.dossier).toMatchObject({ copies: 2, submitTo: 'Sở Nội vụ (qua Ban Thi đua - Khen thưởng)', deadline: '2026-05-15' });
    expect(r.dossier!.components.map((c) => [c.name, c.form])).toEqual([
      ['Tờ trình đề nghị khen thưởng', '01'],
      ['Báo cáo thành tích', '08'],
    ]);
  });
  it('reads subjects listed in one sentence', () => {
    expect(r.subjects.collective).toHaveLength(2);
    expect(r.subjects.individual).toHaveLength(1);
  });
});

describe('a commune party committee plan', () => {
  const r = extract(fixture('party-plan.txt'));
  it('reads the party header and number', () => {
    expect(r.document).toMatchObject({ number: '05-KH/ĐU', seq: 5, date: '2025-09-03' });
    expect(r.document.issuer).toEqual({ name: 'Đảng ủy xã Hòa Thành', kind: 'party', level: 'commune' });
  });
  it('stops the basis subject before the issuing clause', () => {
    expect(r.basis).toEqual([
      { relation: 'implements', type: 'Kế hoạch', number: '12-KH/TU', date: '2025-08-10', issuer: 'Ban Thường vụ Tỉnh ủy', subject: 'tổ chức đại hội đảng bộ các cấp' },
    ]);
  });
  it('separates an upper-case heading from the paragraph under it without a blank line', () => {
    expect(r.awards.map((a) => [a.recipient, a.quantity, a.limit, a.conferrer])).toEqual([
      ['collective', 5, 'max', 'Đảng ủy xã'],
      ['individual', 10, 'max', 'Đảng ủy xã'],
    ]);
  });
  it('reads "T/M ĐẢNG ỦY" as TM.', () => {
    expect(r.signature).toEqual({ onBehalf: 'TM. Đảng ủy', deputyFor: null, position: 'Bí thư', rank: null, name: 'Trần Văn Minh' });
  });
});

describe('a plan issued with a decision (Quyết định ban hành Kế hoạch)', () => {
  const r = extract(fixture('plan-attached-to-decision.txt'));
  it('is read as the plan, numbered and dated by the decision', () => {
    expect(r.diagnostics.map((d) => d.code)).not.toContain('not-a-plan');
    expect(r.document).toMatchObject({ type: 'Kế hoạch', number: '214/QĐ-UBND', date: '2026-02-10' });
    expect(r.document.title).toBe('Phát động phong trào thi đua thực hiện công tác bảo trợ xã hội năm 2026');
    expect(r.diagnostics.map((d) => d.code)).toContain('plan-in-decision');
  });
  it("takes the decision's basis and signature, and the plan's body", () => {
    expect(r.basis.map((b) => b.number)).toEqual(['31/KH-UBND']);
    expect(r.contents).toHaveLength(2);
    expect(r.awards.map((a) => [a.recipient, a.quantity, a.conferrer])).toEqual([
      ['collective', 3, 'Chủ tịch Ủy ban nhân dân xã'],
      ['individual', 5, 'Chủ tịch Ủy ban nhân dân xã'],
    ]);
    expect(r.signature).toMatchObject({ position: 'Chủ tịch', name: 'Lê Thị Hoa' });
    expect(r.recipients).toHaveLength(2);
  });
});
