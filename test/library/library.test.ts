// The library on both databases it runs on (PGlite always; the PostgreSQL server when
// THIDUA_TEST_PG_URL is set): storing, idempotence, search, filters, links, tree.
import { afterAll, beforeAll, describe, expect, test } from 'vitest';
import type { Library } from '../../pipeline/library/library.js';
import { buildTree } from '../../pipeline/library/tree.js';
import type { PlanRecord } from '../../pipeline/record/schema.js';
import { BACKENDS, PG_URL, goldRecords, openFresh, type TestLibrary } from './helpers.js';

if (!PG_URL) console.warn('[thidua tests] THIDUA_TEST_PG_URL is not set: library tests against a PostgreSQL server are SKIPPED (PGlite only).');

const gold = goldRecords();
const store = (lib: Library, record: PlanRecord, extractor = 'test') =>
  lib.store({ record, sha256: record.source.sha256!, content: Buffer.from(JSON.stringify(record)), path: record.source.path, extractor });

// The provincial police plan the district police plan (gold 000) implements: gold 003 renumbered.
function provincialPolice(): PlanRecord {
  const r = structuredClone(gold['003']);
  r.document = { ...r.document, number: '128/KH-CAT', seq: 128, date: '2022-04-27', title: 'Phát động phong trào thi đua cải cách hành chính giai đoạn 2021-2030' };
  r.basis = [];
  r.source = { ...r.source, sha256: 'f'.repeat(64), path: 'synthetic/128-KH-CAT.json' };
  return r;
}

describe.each(BACKENDS)('library on %s', (backend) => {
  let lib: Library;
  let t: TestLibrary;
  const ids: Record<string, number> = {};

  beforeAll(async () => {
    ({ lib, t } = await openFresh(backend));
    for (const [name, r] of Object.entries(gold)) ids[name] = (await store(lib, r)).id;
  });
  afterAll(async () => {
    await lib?.close();
    await t?.cleanup();
  });

  test('stores each plan once: the same content again is unchanged, a new extractor version updates it', async () => {
    expect(await lib.count()).toBe(5);
    expect(await store(lib, gold['001'])).toEqual({ id: ids['001'], status: 'unchanged' });
    const changed = structuredClone(gold['001']);
    changed.document.title = 'Phát động phong trào thi đua khuyến nông năm 2023';
    expect(await store(lib, changed, 'test-2')).toEqual({ id: ids['001'], status: 'updated' });
    expect(await lib.count()).toBe(5);
    expect((await lib.search('khuyen nong')).hits.map((h) => h.id)).toEqual([ids['001']]);
    expect((await lib.get(ids['001']))!.extractor).toBe('test-2');
    await store(lib, gold['001'], 'test-3');
    const gone = await lib.search('khuyen nong');
    expect(gone.partial || !gone.hits.some((h) => h.id === ids['001'])).toBe(true);
  });

  test('a stored plan reads back as the same record, with its diagnostics', async () => {
    const p = (await lib.get(ids['002']))!;
    expect(p.record).toEqual(gold['002']);
    expect(p.diagnostics).toEqual(gold['002'].diagnostics);
    expect(p.number).toBe('50/KH-UBND');
  });

  test('search ignores diacritics and tolerates a typo: both spellings find the same plans', async () => {
    const plain = await lib.search('cai cach hanh chinh');
    const accented = await lib.search('cải cách hành chánh');
    expect(plain.hits.length).toBeGreaterThanOrEqual(4);
    expect(accented.hits.map((h) => h.id).sort()).toEqual(plain.hits.map((h) => h.id).sort());
    expect(accented.terms.find((x) => x.word === 'chanh')?.variants).toContain('chinh');
    expect((await lib.search('Ngã Năm')).hits[0].id).toBe(ids['002']);
    expect((await lib.search('nga nam')).hits[0].id).toBe(ids['002']);
    expect((await lib.search('qwxz')).hits).toEqual([]);
  });

  test('filters by issuer, level, kind and year', async () => {
    const idsOf = (xs: { id: number }[]) => xs.map((x) => x.id).sort((a, b) => a - b);
    expect(idsOf(await lib.list({ kind: 'police' }))).toEqual([ids['000'], ids['003']].sort((a, b) => a - b));
    expect(idsOf(await lib.list({ level: 'province' }))).toEqual([ids['003']]);
    expect(idsOf(await lib.list({ level: 'commune' }))).toEqual([ids['004']]);
    expect(idsOf(await lib.list({ issuer: 'chau thanh' }))).toEqual([ids['001']]);
    expect(idsOf(await lib.list({ year: 2023 }))).toEqual([ids['000'], ids['001'], ids['002']].sort((a, b) => a - b));
    const police2025 = await lib.search('cai cach hanh chinh', { kind: 'police', year: 2025 });
    expect(idsOf(police2025.hits)).toEqual([ids['000'], ids['003']].sort((a, b) => a - b));
  });

  test('finds plans by number, OCR-tolerant', async () => {
    expect((await lib.findByNumber('52/kh-cah')).map((p) => p.id)).toEqual([ids['000']]);
    expect((await lib.findByNumber('52 / KH-CAH')).map((p) => p.id)).toEqual([ids['000']]);
  });

  test('basis entries resolve to library plans; unresolved ones are missing parents', async () => {
    const before = (await lib.get(ids['000']))!;
    expect(before.links).toHaveLength(1);
    expect(before.links[0].parentId).toBeNull();
    // The parent arrives after the child: the child's missing parent is resolved.
    const parentId = (await store(lib, provincialPolice())).id;
    const after = (await lib.get(ids['000']))!;
    expect(after.links[0].parentId).toBe(parentId);
    expect((await lib.get(parentId))!.children.map((c) => c.id)).toEqual([ids['000']]);
    // A child arriving after its parent, citing it with OCR noise, resolves at once.
    const child = structuredClone(gold['000']);
    child.document = { ...child.document, number: '53/KH-CAH', seq: 53 };
    child.basis[0] = { ...child.basis[0], number: 'l28/KH-CAT', date: '2022-04-21' };
    child.source = { ...child.source, sha256: 'e'.repeat(64) };
    const childId = (await store(lib, child)).id;
    expect((await lib.get(childId))!.links[0].parentId).toBe(parentId);
    // The tree puts both district plans under the provincial police plan.
    const { plans, links } = await lib.allLinks();
    const police = buildTree(plans, links).find((l) => l.line === 'police')!;
    const root = police.roots.find((r) => r.plan?.id === parentId)!;
    expect(root.children.map((c) => c.plan!.id).sort()).toEqual([ids['000'], childId].sort());
    // Gold 002 cites the provincial UBND plan 52/KH-UBND, not in the library: a missing node.
    const ubnd = buildTree(plans, links).find((l) => l.line === 'people_committee')!;
    const missing = ubnd.roots.find((r) => r.missing?.number === '52/KH-UBND')!;
    expect(missing.children.map((c) => c.plan!.id)).toEqual([ids['002']]);
  });
});
