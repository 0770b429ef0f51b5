// One plan, several sources; corrections; delete and merge (issue 12).
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, test } from 'vitest';
import { ingestOne } from '../../pipeline/library/ingest.js';
import { Library } from '../../pipeline/library/library.js';
import { t as message } from '../../pipeline/messages/index.js';
import { extractText } from '../../pipeline/extract.js';
import { BACKENDS, freshLocation, goldRecords, type TestLibrary } from './helpers.js';

const ROOT = join(import.meta.dirname, '../..');
const SEED = join(ROOT, 'corpus/seeds/001_bc94cfae2ebd58ab.txt');
const VARIANTS = join(ROOT, 'corpus/variants/001_bc94cfae2ebd58ab');

const PLAN = `ỦY BAN NHÂN DÂN
XÃ AN BÌNH
Số: 12/KH-UBND
An Bình, ngày 05 tháng 3 năm 2024

KẾ HOẠCH
Phát động phong trào thi đua cải cách hành chính năm 2024

I. MỤC ĐÍCH, YÊU CẦU
1. Đẩy mạnh cải cách hành chính trên địa bàn xã.
II. NỘI DUNG THI ĐUA
1. Thực hiện tốt thủ tục hành chính.
`;

describe.each(BACKENDS)('one plan, several sources (%s)', (backend) => {
  let t: TestLibrary;
  let lib: Library;
  beforeAll(async () => {
    t = await freshLocation(backend);
    lib = await Library.open(t.location);
  });
  afterAll(async () => {
    await lib.close();
    await t.cleanup();
  });

  test('the DOCX and PDF of a plan stored from text are sources of the same plan; the text stays shown', async () => {
    const text = await ingestOne(lib, SEED);
    expect(text.status).toBe('stored');
    const docx = await ingestOne(lib, VARIANTS + '.docx');
    const pdf = await ingestOne(lib, VARIANTS + '.pdf');
    expect([docx.status, pdf.status]).toEqual(['added', 'added']);
    expect([docx.id, pdf.id]).toEqual([text.id, text.id]);
    expect(await lib.count()).toBe(1);
    const sources = await lib.sources(text.id!);
    expect(sources.map((s) => s.format).sort()).toEqual(['docx', 'markdown', 'pdf']);
    expect(sources[0]).toMatchObject({ format: 'markdown', shown: true, hasText: true });
    expect((await lib.findByNumber('44/KH-UBND')).map((p) => p.id)).toEqual([text.id]);
    const shown = await lib.sourceText(text.id!);
    expect(shown!.text).toMatch(/KẾ HOẠCH/);
    expect(shown!.pageStarts).toEqual([1]);
    // The same file again is unchanged.
    expect((await ingestOne(lib, VARIANTS + '.pdf')).status).toBe('unchanged');
  }, 120_000);

  test('a plan without a number is known by its text', async () => {
    const noNumber = PLAN.replace('Số: 12/KH-UBND\n', '');
    const a = await lib.store({ ...storeInputOf(noNumber), sha256: 'a'.repeat(64) });
    const b = await lib.store({ ...storeInputOf(noNumber.replace(/\n/g, '\n\n')), sha256: 'b'.repeat(64) });
    const c = await lib.store({ ...storeInputOf(noNumber + '\n2. Thêm một nội dung.\n'), sha256: 'c'.repeat(64) });
    expect(a.status).toBe('stored');
    expect(b).toEqual({ id: a.id, status: 'added' });
    expect(c.status).toBe('stored');
    expect(c.id).not.toBe(a.id);
  });

  test('corrections apply, survive a reopen and a re-extraction, and are undone', async () => {
    const first = await lib.store({ ...storeInputOf(PLAN), sha256: 'd'.repeat(64) });
    const id = first.id;
    const c = await lib.correct(id, [{ op: 'replace', path: '/document/title', value: 'Tiêu đề đã sửa' }], 'cán bộ A');
    expect(c.old).toEqual(['Phát động phong trào thi đua cải cách hành chính năm 2024']);
    expect((await lib.get(id))!.record.document.title).toBe('Tiêu đề đã sửa');
    expect((await lib.search('tieu de da sua')).hits.map((h) => h.id)).toContain(id);
    // A bad patch changes nothing.
    await expect(lib.correct(id, [{ op: 'replace', path: '/document/nope/x', value: 1 }], null)).rejects.toThrow(message('library.patch.failed', { n: 1, op: 'replace', path: '/document/nope/x', detail: '' }).replace(/: $/, ''));
    await expect(lib.correct(id, [{ op: 'replace', path: '/period/from', value: 'soon' }], null)).rejects.toThrow(/period/);
    await expect(lib.correct(id, [{ op: 'replace', path: '/source/sha256', value: 'x' }], null)).rejects.toThrow(message('library.patch.forbidden', { path: '/source/sha256' }));
    // Reopened, then re-extracted by a newer extractor: the correction still applies.
    await lib.close();
    lib = await Library.open(t.location);
    expect((await lib.get(id))!.record.document.title).toBe('Tiêu đề đã sửa');
    const again = await lib.store({ ...storeInputOf(PLAN), sha256: 'd'.repeat(64), extractor: 'newer' });
    expect(again).toEqual({ id, status: 'updated' });
    expect((await lib.get(id))!.record.document.title).toBe('Tiêu đề đã sửa');
    expect((await lib.corrections(id))[0]).toMatchObject({ author: 'cán bộ A', applied: true, undoneAt: null });
    expect(await lib.undoCorrection(id, null, 'cán bộ B')).toBe(c.id);
    expect((await lib.get(id))!.record.document.title).toBe('Phát động phong trào thi đua cải cách hành chính năm 2024');
    expect((await lib.corrections(id))[0]).toMatchObject({ undoneBy: 'cán bộ B', applied: false });
    expect(await lib.undoCorrection(id, null, null)).toBeNull();
  });

  test('merge moves sources, corrections and children; delete removes a plan whole', async () => {
    const gold = goldRecords();
    const parent = await lib.store({ record: gold['003'], sha256: '1'.repeat(64), content: null, path: 'p.json', extractor: 'record:x' });
    const twin = structuredClone(gold['003']);
    twin.document = { ...twin.document, number: '4l/KH-CAT-misread', date: '2025-02-05' };
    const dup = await lib.store({ record: twin, sha256: '2'.repeat(64), content: null, path: 'twin.json', extractor: 'record:x' });
    expect(dup.status).toBe('stored');
    await lib.correct(dup.id, [{ op: 'replace', path: '/document/title', value: 'Tên đã sửa' }], 'x');
    await lib.merge(parent.id, dup.id);
    expect(await lib.get(dup.id)).toBeNull();
    expect((await lib.sources(parent.id)).length).toBe(2);
    expect((await lib.get(parent.id))!.record.document.title).toBe('Tên đã sửa');
    const child = await lib.store({ record: gold['000'], sha256: '3'.repeat(64), content: null, path: 'c.json', extractor: 'record:x' });
    const before = await lib.count();
    expect(await lib.delete(parent.id)).toBe(true);
    expect(await lib.delete(parent.id)).toBe(false);
    expect(await lib.count()).toBe(before - 1);
    expect((await lib.get(child.id))!.links.every((l) => l.parentId !== parent.id)).toBe(true);
    const q = async (sql: string) => (await lib.db.query<{ n: number }>(sql))[0].n;
    expect(await q(`SELECT count(*)::int AS n FROM sources WHERE plan_id IS NULL OR plan_id NOT IN (SELECT id FROM plans)`)).toBe(0);
    expect(await q(`SELECT count(*)::int AS n FROM corrections WHERE plan_id NOT IN (SELECT id FROM plans)`)).toBe(0);
  });
});

function storeInputOf(text: string) {
  const { record, text: normalised } = extractText(text);
  return { record, text: normalised, pageStarts: [1], content: Buffer.from(text), path: 'plan.txt', extractor: 'test', sha256: '' };
}
