// Every corpus document against its gold record (score.mjs semantics), as given and with its
// diacritics stripped; plus field-by-field checks that name what is wrong.
import { existsSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { extract, grade, readGold, readSeed, ROOT, seedNames, stripDiacritics } from './helpers.js';
import { PlanRecord } from '../../pipeline/record/schema.js';

const fold = (s: unknown) =>
  String(s ?? '')
    .normalize('NFD')
    .replace(/[\u0300-\u036f]/g, '')
    .replace(/[đĐ]/g, 'd')
    .toLowerCase()
    .replace(/\s+/g, ' ')
    .trim();

describe.each(seedNames())('corpus document %s', (name) => {
  const gold = readGold(name);
  const record = extract(readSeed(name));

  it('is a valid plan record', () => {
    expect(() => PlanRecord.parse(record)).not.toThrow();
    expect(record.diagnostics.filter((d) => d.code === 'not-a-plan')).toEqual([]);
  });

  it('scores 100% against gold', () => {
    const g = grade(name, record);
    expect(g.failures).toEqual([]);
    expect(g.passed).toBe(g.total);
  });

  it('has the gold identification, field by field', () => {
    expect(record.document.number).toBe(gold.document.number);
    expect(record.document.seq).toBe(gold.document.seq);
    expect(record.document.date).toBe(gold.document.date);
    expect(fold(record.document.issuer.name)).toBe(fold(gold.document.issuer.name));
    expect(record.document.issuer.kind).toBe(gold.document.issuer.kind);
    expect(record.document.issuer.level).toBe(gold.document.issuer.level);
    expect(record.period.from).toBe(gold.period.from);
    expect(record.period.to).toBe(gold.period.to);
    expect(record.basis.map((b) => b.number)).toEqual(gold.basis.map((b: { number: string }) => b.number));
    expect(record.basis.map((b) => b.relation)).toEqual(gold.basis.map((b: { relation: string }) => b.relation));
  });

  it('has the gold awards and quotas', () => {
    for (const a of gold.awards) {
      const m = record.awards.find((x) => x.occasion === a.occasion && x.recipient === a.recipient && fold(x.conferrer) === fold(a.conferrer));
      expect(m, `${a.occasion}/${a.recipient}/${a.conferrer}`).toBeDefined();
      expect(m!.quantity).toBe(a.quantity);
      expect(m!.limit).toBe(a.limit);
      expect(m!.span).toBe(a.span);
      expect(m!.breakdown.map((b) => b.quantity)).toEqual(a.breakdown.map((b: { quantity: number }) => b.quantity));
    }
  });

  it('has the gold criteria thresholds and dossier', () => {
    expect(record.criteria.map((c) => c.recipient)).toEqual(gold.criteria.map((c: { recipient: string }) => c.recipient));
    record.criteria.forEach((c, i) => expect(c.thresholds.map((t) => `${t.metric}${t.op}${fold(t.value)}`)).toEqual(gold.criteria[i].thresholds.map((t: any) => `${t.metric}${t.op}${fold(t.value)}`)));
    expect(record.dossier?.deadline ?? null).toBe(gold.dossier?.deadline ?? null);
    expect(record.dossier?.copies ?? null).toBe(gold.dossier?.copies ?? null);
    expect((record.dossier?.components ?? []).map((c) => c.form)).toEqual((gold.dossier?.components ?? []).map((c: { form: string }) => c.form));
  });

  it('cites every value it extracted (evidence spans inside the text)', () => {
    const text = readSeed(name);
    for (const pointer of ['/document/number', '/document/date', '/document/title']) {
      if (gold.document[pointer.split('/')[2]] == null) continue;
      const span = record.evidence[pointer];
      expect(span, pointer).toBeDefined();
      expect(span.start).toBeGreaterThanOrEqual(0);
      expect(span.end).toBeLessThanOrEqual(text.length + 1);
    }
    if (record.document.number) {
      const span = record.evidence['/document/number'];
      expect(text.slice(span.start, span.end).replace(/\s+/g, '')).toContain(String(record.document.seq));
    }
    record.awards.forEach((_, i) => expect(record.evidence[`/awards/${i}`], `/awards/${i}`).toBeDefined());
  });

  it('has an evidence span for every value (at its pointer or a parent pointer)', () => {
    const missing: string[] = [];
    const walk = (v: unknown, ptr: string) => {
      if (v === null || v === undefined) return;
      if (typeof v === 'object') {
        for (const [k, x] of Object.entries(v as object)) walk(x, `${ptr}/${k}`);
        return;
      }
      for (let p = ptr; p; p = p.slice(0, p.lastIndexOf('/'))) if (record.evidence[p]) return;
      missing.push(ptr);
    };
    for (const [k, v] of Object.entries(record)) if (!['schema', 'source', 'diagnostics', 'evidence', 'extractor'].includes(k)) walk(v, `/${k}`);
    expect(missing).toEqual([]);
  });

  it('reports the diagnostics gold calls for', () => {
    for (const code of gold.expectedDiagnostics ?? []) expect(record.diagnostics.map((d) => d.code)).toContain(code);
  });

  it('gives the same record from diacritic-stripped text (≥ 95%, text compared without diacritics)', () => {
    const stripped = extract(stripDiacritics(readSeed(name)));
    const g = grade(name, stripped);
    expect(g.passed / g.total).toBeGreaterThanOrEqual(0.95);
    expect(stripped.document.number).toBe(record.document.number);
    expect(stripped.awards.map((a) => [a.occasion, a.recipient, a.quantity, a.limit])).toEqual(record.awards.map((a) => [a.occasion, a.recipient, a.quantity, a.limit]));
    expect(stripped.criteria.length).toBe(record.criteria.length);
    expect(stripped.source.diacritics).not.toBe('present');
  });

  it.runIf(gold.source?.diacritics === 'present')('reads stripped text without restoration, on folded matching alone (≥ 95%)', () => {
    const stripped = extract(stripDiacritics(readSeed(name)), { restore: false });
    const g = grade(name, stripped);
    expect(g.passed / g.total).toBeGreaterThanOrEqual(0.95);
    expect(stripped.source.diacritics).toBe('stripped');
  });
});

describe('the project grader', () => {
  it('is the same as ../shared/eval/score.mjs when that is present', () => {
    const shared = join(ROOT, '..', 'shared', 'eval', 'score.mjs');
    if (!existsSync(shared)) return;
    expect(readFileSync(join(ROOT, 'scripts', 'score.mjs'), 'utf8')).toBe(readFileSync(shared, 'utf8'));
  });
});
