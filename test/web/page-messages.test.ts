// The pages' words: every code the pages ask for is in the catalogue, in both languages, with
// the same parameters; the messages route gives the pages' entries and only those.
import { describe, expect, it } from 'vitest';
import { readdirSync, readFileSync } from 'node:fs';
import { join, resolve } from 'node:path';
import Fastify from 'fastify';
import { CATALOGUE } from '../../pipeline/messages/index.js';
import { pageMessages, registerPageRoutes } from '../../pipeline/web/pages-api.js';

const PUBLIC = resolve(import.meta.dirname, '../../web/public');

function sources(): Array<{ file: string; text: string }> {
  const out: Array<{ file: string; text: string }> = [];
  const walk = (dir: string) => {
    for (const entry of readdirSync(dir, { withFileTypes: true })) {
      const path = join(dir, entry.name);
      if (entry.isDirectory()) walk(path);
      else if (entry.name.endsWith('.js')) out.push({ file: path, text: readFileSync(path, 'utf8') });
    }
  };
  walk(PUBLIC);
  return out;
}

const params = (text: string) => [...text.matchAll(/\{(\w+)\}/g)].map((m) => m[1]).sort();

describe("the pages' messages", () => {
  it('every literal code the pages use is in the catalogue', () => {
    const missing: string[] = [];
    let used = 0;
    for (const { file, text } of sources()) {
      for (const m of text.matchAll(/\bt\(\s*'((?:webui|web)\.[a-z0-9.-]+)'/g)) {
        used++;
        if (!CATALOGUE[m[1]!]) missing.push(`${file}: ${m[1]}`);
      }
    }
    expect(used).toBeGreaterThan(80);
    expect(missing).toEqual([]);
  });

  it('webui entries have both languages with the same parameters', () => {
    for (const [code, entry] of Object.entries(CATALOGUE)) {
      if (!code.startsWith('webui.')) continue;
      expect(entry.vi.trim(), code).not.toBe('');
      expect(entry.en.trim(), code).not.toBe('');
      expect(params(entry.vi), code).toEqual(params(entry.en));
    }
  });

  it('the labels of closed vocabularies exist for every value the record allows', async () => {
    const { AdminLevel, IssuerKind, Occasion, RecipientKind, QuotaLimit, ThresholdMetric } = await import('../../pipeline/record/schema.js');
    const sets: Array<[string, readonly string[]]> = [
      ['webui.level', AdminLevel.options],
      ['webui.kind', IssuerKind.options],
      ['webui.occasion', Occasion.options],
      ['webui.recipient', RecipientKind.options],
      ['webui.limit', QuotaLimit.options],
      ['webui.metric', ThresholdMetric.options],
    ];
    for (const [prefix, values] of sets) for (const v of values) expect(CATALOGUE[`${prefix}.${v}`], `${prefix}.${v}`).toBeDefined();
  });

  it('GET /api/messages gives the pages’ entries in the language asked, Vietnamese by default', async () => {
    const app = Fastify();
    registerPageRoutes(app);
    const vi = (await app.inject({ url: '/api/messages' })).json() as { lang: string; messages: Record<string, string> };
    const en = (await app.inject({ url: '/api/messages?lang=en' })).json() as { lang: string; messages: Record<string, string> };
    expect(vi.lang).toBe('vi');
    expect(vi.messages['webui.nav.library']).toBe('Thư viện');
    expect(en.messages['webui.nav.library']).toBe('Library');
    expect(Object.keys(vi.messages).every((c) => c.startsWith('webui.') || c.startsWith('web.'))).toBe(true);
    expect(Object.keys(en.messages).sort()).toEqual(Object.keys(pageMessages('vi')).sort());
    expect((await app.inject({ url: '/api/messages?lang=fr' })).statusCode).toBe(400);
    await app.close();
  });
});
