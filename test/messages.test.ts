import { afterEach, describe, expect, it } from 'vitest';
import { CATALOGUE, setLang, t } from '../pipeline/messages/index.js';

describe('message catalogue', () => {
  afterEach(() => setLang(null));
  it('speaks Vietnamese by default and English on request, parameters filled in', () => {
    setLang(null);
    const before = process.env.THIDUA_LANG;
    delete process.env.THIDUA_LANG;
    expect(t('cli.internal-error', { detail: 'x' })).toMatch(/^lỗi nội bộ/);
    setLang('en');
    expect(t('cli.internal-error', { detail: 'x' })).toMatch(/^internal error in thidua: x\./);
    if (before !== undefined) process.env.THIDUA_LANG = before;
  });
  it('has both languages and the same parameters for every entry', () => {
    for (const [code, entry] of Object.entries(CATALOGUE)) {
      expect(entry.vi, code).toBeTruthy();
      expect(entry.en, code).toBeTruthy();
      const names = (s: string) => [...s.matchAll(/\{(\w+)\}/g)].map((m) => m[1]).sort();
      expect(names(entry.vi), code).toEqual(names(entry.en));
    }
  });
});
