// Every message the forms print comes from the catalogue (pipeline/messages/forms.ts), in
// Vietnamese and in English, with the same parameters; no code used by the forms is missing.
import { readFileSync, readdirSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { CATALOGUE } from '../../pipeline/messages/index.js';
import { FORMS } from '../../pipeline/messages/forms.js';
import { ROOT } from './helpers.js';

const params = (text: string) => [...text.matchAll(/\{(\w+)\}/g)].map((m) => m[1]).sort();

describe('the forms catalogue', () => {
  it('has every entry in both languages with the same parameters', () => {
    for (const [code, entry] of Object.entries(FORMS)) {
      expect(code).toMatch(/^forms\.[a-z0-9_-]+$/);
      expect(entry.vi.trim(), code).not.toBe('');
      expect(entry.en.trim(), code).not.toBe('');
      expect(params(entry.vi), code).toEqual(params(entry.en));
      expect(CATALOGUE[code]).toBe(entry);
    }
  });

  it('holds every code the forms use', () => {
    const sources = [
      ...readdirSync(join(ROOT, 'pipeline', 'forms')).map((f) => join(ROOT, 'pipeline', 'forms', f)),
      join(ROOT, 'pipeline', 'cli', 'commands', 'render.ts'),
    ].filter((f) => f.endsWith('.ts'));
    const used = new Set<string>();
    for (const file of sources) for (const m of readFileSync(file, 'utf8').matchAll(/'(forms\.[a-z0-9_-]+)'/g)) used.add(m[1]!);
    // Codes built from a value: forms.metric-<metric>, forms.kind-<kind>.
    for (const m of ['task_completion', 'satisfaction', 'index_rating', 'index_growth', 'satisfaction_growth', 'other']) used.add(`forms.metric-${m}`);
    for (const k of ['collective', 'individual', 'either']) used.add(`forms.kind-${k}`);
    expect(used.size).toBeGreaterThan(80);
    expect([...used].filter((code) => !FORMS[code])).toEqual([]);
  });
});
