// Generator of synthetic plan libraries, for the library bench and tests: plausible plan
// records (provinces → districts → communes, people's committees and police, a dozen
// campaign topics, quotas, thresholds, deadlines) built from the gold records, each
// citing its parent; and text plan files made from the seed texts.
//
//   node dist/scripts/gen-library.js --plans 10000 --data DIR     store N records in a library
//   node dist/scripts/gen-library.js --texts 200 --out DIR        write N text plans for `thidua ingest`
import { createHash } from 'node:crypto';
import { mkdirSync, readdirSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { pathToFileURL } from 'node:url';
import { Library } from '../pipeline/library/library.js';
import { coerceRecord } from '../pipeline/library/records.js';
import type { PlanRecord } from '../pipeline/record/schema.js';

const ROOT = join(import.meta.dirname, '..', ...(import.meta.dirname.includes('/dist/') ? ['..'] : []));
const GOLD = join(ROOT, 'corpus', 'gold');
const SEEDS = join(ROOT, 'corpus', 'seeds');

/** Small deterministic PRNG (mulberry32), so a seed always makes the same library. */
export function rng(seed: number): () => number {
  let a = seed >>> 0;
  return () => {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = a;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

const PROVINCES = ['Sóc Trăng', 'Cần Thơ', 'An Giang', 'Bạc Liêu', 'Cà Mau', 'Hậu Giang', 'Kiên Giang', 'Trà Vinh', 'Vĩnh Long', 'Bến Tre', 'Tiền Giang', 'Long An', 'Đồng Tháp', 'Bình Dương', 'Đồng Nai', 'Tây Ninh', 'Lâm Đồng', 'Khánh Hòa', 'Quảng Nam', 'Nghệ An'];
const DISTRICTS = ['Châu Thành', 'Mỹ Tú', 'Kế Sách', 'Long Phú', 'Cù Lao Dung', 'Trần Đề', 'Thạnh Trị', 'Mỹ Xuyên', 'Ngã Năm', 'Vĩnh Châu', 'Phong Điền', 'Cờ Đỏ', 'Thới Lai', 'Vĩnh Thạnh', 'Tân Phú', 'Hòa Bình', 'Phước Long', 'Giá Rai', 'Đông Hải', 'Năm Căn', 'Cái Nước', 'Trần Văn Thời', 'U Minh', 'Thới Bình', 'Tam Bình', 'Trà Ôn', 'Mang Thít', 'Bình Minh', 'Ba Tri', 'Giồng Trôm'];
const COMMUNES = ['An Hiệp', 'An Ninh', 'Phú Tâm', 'Thuận Hòa', 'Hồ Đắc Kiện', 'Thiện Mỹ', 'Long Hưng', 'Mỹ Hương', 'Mỹ Phước', 'Hưng Phú', 'Đại Tâm', 'Tham Đôn', 'Ngọc Tố', 'Gia Hòa', 'Phú Lộc', 'Vĩnh Quới', 'Tân Long', 'Mỹ Quới', 'Lai Hòa', 'Vĩnh Hải', 'Hòa Đông', 'Khánh Hòa', 'Vĩnh Tân', 'Lạc Hòa', 'Vĩnh Phước', 'Thạnh Tân', 'Châu Hưng', 'Tuân Tức', 'Lâm Kiết', 'Lâm Tân'];
const TOPICS = [
  'cải cách hành chính', 'chuyển đổi số', 'xây dựng nông thôn mới', 'bảo đảm an ninh trật tự', 'phòng cháy, chữa cháy', 'cải cách thủ tục hành chính',
  'xây dựng chính quyền điện tử', 'thực hiện Đề án 06', 'dân vận khéo', 'phòng, chống tội phạm', 'bảo vệ an ninh Tổ quốc', 'thi đua yêu nước',
  'giảm nghèo bền vững', 'an toàn giao thông', 'xây dựng đô thị văn minh',
];
const RATINGS = ['trung bình', 'khá', 'tốt', 'xuất sắc'];

function goldTemplates(): PlanRecord[] {
  return readdirSync(GOLD).filter((f) => f.endsWith('.json')).sort().map((f) => coerceRecord(JSON.parse(readFileSync(join(GOLD, f), 'utf8'))));
}

interface Issued {
  number: string;
  date: string;
  issuer: string;
  level: 'province' | 'district' | 'commune';
  kind: 'people_committee' | 'police';
  province: string;
  district: string | null;
}

/** Generates `count` synthetic plan records; most cite a plan generated before them. */
export function* generateRecords(count: number, seed = 1): Generator<PlanRecord> {
  const rand = rng(seed);
  const pick = <T>(xs: readonly T[]): T => xs[Math.floor(rand() * xs.length)];
  const int = (lo: number, hi: number) => lo + Math.floor(rand() * (hi - lo + 1));
  const templates = goldTemplates().filter((t) => t.contents.length > 0 && t.awards.length > 0);
  const allContents = templates.flatMap((t) => t.contents);
  const issued: Issued[] = [];
  const byProvince = new Map<string, Issued[]>();
  for (let i = 0; i < count; i++) {
    const t = structuredClone(pick(templates));
    const province = pick(PROVINCES);
    const kind = rand() < 0.3 ? 'police' : 'people_committee';
    const roll = rand();
    const level = roll < 0.15 ? 'province' : roll < 0.55 ? 'district' : 'commune';
    const district = level === 'province' ? null : pick(DISTRICTS);
    const commune = level === 'commune' ? pick(COMMUNES) : null;
    const place = commune ?? district ?? province;
    const body = kind === 'police' ? 'Công an' : 'Ủy ban nhân dân';
    const levelWord = level === 'province' ? 'tỉnh' : level === 'district' ? pick(['huyện', 'huyện', 'thị xã']) : pick(['xã', 'phường', 'thị trấn']);
    const issuer = `${body} ${levelWord} ${place}`;
    const year = int(2019, 2026);
    const date = `${year}-${String(int(1, 12)).padStart(2, '0')}-${String(int(1, 28)).padStart(2, '0')}`;
    const symbol = kind === 'police' ? (level === 'province' ? 'KH-CAT' : level === 'district' ? 'KH-CAH' : 'KH-CAX') : 'KH-UBND';
    const seq = int(1, 350);
    const topic = pick(TOPICS);
    const long = rand() < 0.35;
    const parents = (byProvince.get(province) ?? []).filter((p) => (level === 'district' ? p.level === 'province' : level === 'commune' ? p.level !== 'commune' : false) && p.date <= date);
    const parent = parents.length > 0 && rand() < 0.85 ? pick(parents) : null;
    const contents = [...t.contents].filter(() => rand() < 0.8);
    if (rand() < 0.5) contents.push(pick(allContents));
    contents.push(`Thi đua thực hiện tốt công tác ${topic} trên địa bàn ${levelWord} ${place}.`);
    const record: PlanRecord = {
      ...t,
      source: { path: `generated/${i}.json`, sha256: null, format: 'text', pages: null, ocr: false, diacritics: 'present' },
      document: {
        type: 'Kế hoạch',
        number: `${seq}/${symbol}`,
        seq,
        symbol,
        title: `Phát động phong trào thi đua ${topic} ${long ? 'giai đoạn 2021-2025' : 'năm ' + year}`,
        issuer: { name: issuer, kind, level },
        place,
        date,
      },
      basis: parent
        ? [{ relation: 'implements', type: 'Kế hoạch', number: parent.number, date: parent.date, issuer: parent.issuer, subject: `phát động phong trào thi đua ${topic}` }]
        : [],
      period: long ? { from: 2021, to: 2025, reviews: [{ kind: 'final', year: 2025 }] } : { from: year, to: year, reviews: [{ kind: 'final', year }] },
      contents,
      awards: t.awards.map((a) => ({ ...a, quantity: a.quantity === null ? null : Math.max(1, a.quantity + int(-2, 3)), conferrer: `${kind === 'police' ? 'Giám đốc Công an' : 'Chủ tịch Ủy ban nhân dân'} ${levelWord}` })),
      criteria: t.criteria.map((c) => ({
        ...c,
        thresholds: c.thresholds.map((h) => (typeof h.value === 'number' && h.metric === 'satisfaction' ? { ...h, value: pick([80, 85, 90, 95]) } : h.metric === 'index_rating' ? { ...h, value: pick(RATINGS) } : h)),
      })),
      dossier: t.dossier ? { ...t.dossier, deadline: `${year}-${String(int(9, 12)).padStart(2, '0')}-${String(int(1, 28)).padStart(2, '0')}` } : null,
      diagnostics: [],
      evidence: {},
    };
    const sha256 = createHash('sha256').update(JSON.stringify(record)).digest('hex');
    record.source.sha256 = sha256;
    const mine: Issued = { number: record.document.number!, date, issuer, level, kind, province, district };
    issued.push(mine);
    if (!byProvince.has(province)) byProvince.set(province, []);
    byProvince.get(province)!.push(mine);
    yield record;
  }
}

/** A seed text with its document number changed, so each variant is a distinct file. */
export function textVariant(seedText: string, i: number): string {
  // Each variant is another plan (the library knows a plan by its number, date and issuer):
  // its own number is changed where the header gives it ("Số:", "S6:" of a Latin-only OCR),
  // else where an appendix heading gives it ("kèm theo Kế hoạch số 41 /KH-CAT").
  const renumber = (re: RegExp) => seedText.replace(re, (_m, p: string) => `${p}${1000 + i}`);
  let replaced = renumber(/^([^\S\n]*(?:Số|S6|So)[^\S\n]*:[^\S\n]*)(\d+)/m);
  if (replaced === seedText) replaced = renumber(/(kèm theo (?:Kế hoạch|Quyết định) số[^\S\n]*)(\d+)/);
  // Without a number, a plan is known by its text: a line of its own makes it another plan.
  return replaced === seedText ? `${seedText}\n\nBản số ${i}.\n` : replaced;
}

/** Writes `count` text plans made from the seeds into `dir`; returns their paths. */
export function writeTextPlans(dir: string, count: number): string[] {
  mkdirSync(dir, { recursive: true });
  const seeds = readdirSync(SEEDS).filter((f) => f.endsWith('.txt')).sort().map((f) => readFileSync(join(SEEDS, f), 'utf8'));
  const paths: string[] = [];
  for (let i = 0; i < count; i++) {
    const p = join(dir, `plan-${String(i).padStart(5, '0')}.txt`);
    writeFileSync(p, textVariant(seeds[i % seeds.length], i));
    paths.push(p);
  }
  return paths;
}

/** Stores `count` generated records in `lib`, one transaction each; returns plans per second. */
export async function fillLibrary(lib: Library, count: number, seed = 1, onProgress?: (done: number) => void): Promise<number> {
  const started = performance.now();
  let done = 0;
  for (const record of generateRecords(count, seed)) {
    await lib.store({ record, sha256: record.source.sha256!, content: Buffer.from(JSON.stringify(record)), path: record.source.path, extractor: 'generated' });
    if (++done % 500 === 0) onProgress?.(done);
  }
  await lib.analyze();
  return count / ((performance.now() - started) / 1000);
}

async function main(argv: string[]): Promise<void> {
  const arg = (name: string) => {
    const i = argv.indexOf(name);
    return i >= 0 ? argv[i + 1] : undefined;
  };
  const plans = arg('--plans');
  const texts = arg('--texts');
  if (plans) {
    const data = arg('--data');
    const db = arg('--db');
    if (!data && !db) throw new Error('--plans needs --data DIR or --db URL');
    const lib = await Library.open({ data, db });
    try {
      const rate = await fillLibrary(lib, Number(plans), Number(arg('--seed') ?? 1), (n) => process.stderr.write(`\r${n} plans`));
      process.stderr.write(`\n${plans} plans stored at ${rate.toFixed(0)} plans/s\n`);
    } finally {
      await lib.close();
    }
  } else if (texts) {
    const out = arg('--out');
    if (!out) throw new Error('--texts needs --out DIR');
    writeTextPlans(out, Number(texts));
    process.stderr.write(`${texts} text plans written to ${out}\n`);
  } else {
    process.stderr.write('usage: gen-library --plans N (--data DIR | --db URL) [--seed S] | --texts N --out DIR\n');
    process.exitCode = 2;
  }
}

if (process.argv[1] && import.meta.url === pathToFileURL(process.argv[1]).href) {
  main(process.argv.slice(2)).catch((error) => {
    process.stderr.write(`gen-library: ${(error as Error).message}\n`);
    process.exitCode = 1;
  });
}
