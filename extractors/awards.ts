// awards: award forms and quotas per occasion (hàng năm: annual; sơ kết: midterm review;
// tổng kết: final review; đột xuất/chuyên đề: campaign), recipient kind and conferrer.
import type { VFile } from 'vfile';
import type { AdminRoot, BodyNode, Section, SectionRole, TextNode } from '../pipeline/parse/types.js';
import type { Award, BreakdownItem, Occasion, Period, QuotaLimit, RecipientKind } from '../pipeline/record/schema.js';
import { expandAbbreviations, parseConferrer } from '../pipeline/recognise/bodies.js';
import { findYearSpan } from '../pipeline/recognise/dates.js';
import { contentNodes, EvidenceSink, hasRole, looseFold, report, topNodes, trimPunct, walkSections } from './util.js';
import { LIMIT_WORDS, MAX_WORDS, MIN_WORDS, limitOf } from '../pipeline/recognise/limits.js';

// "không quá 02 tập thể", "15% số cá nhân", "10% tổng số công chức": a limit word, a count or share, whom it counts.
const QUOTA_CLAUSE = new RegExp(`(${LIMIT_WORDS})?\\s*(\\d{1,3}(?:[.,]\\d+)?)\\s*(%)?\\s*(?:(?:tong )?so\\s+)?(tap the|ca nhan|(?<=%\\s*(?:(?:tong )?so\\s+)?)(?:can bo|cong chuc|vien chuc|nguoi lao dong|dang vien|doan vien|hoi vien))\\b`, 'g');
const SINGLE_QUOTA = new RegExp(`(${LIMIT_WORDS})?\\s*(\\d{1,3})\\s+(tap the|ca nhan)\\b`);

// Award forms (hình thức khen thưởng, danh hiệu thi đua), table-driven. `re` runs on folded
// text; `title` names the form in the document's own words ("Chiến sỹ thi đua cơ sở" keeps its
// spelling), without the class of an order ("hạng Ba") or a conferrer that is not part of the name;
// `recipient` is the kind the form is for by its nature (a flag goes to a collective), else null.
interface AwardForm {
  re: RegExp;
  title: (original: string, m: RegExpExecArray) => string;
  recipient: RecipientKind | null;
}

const fixed = (title: string) => () => title;
/** The words matched, as written, with a capital first letter and curly quotes. */
const asWritten = (original: string, m: RegExpExecArray) => quoteCurly(original.slice(m.index, m.index + m[0].length).replace(/\s+/g, ' ')).replace(/^\p{Ll}/u, (c) => c.toUpperCase());
const quoted = (prefix: string) => (original: string, m: RegExpExecArray) => {
  const inner = original.slice(m.index + m[0].length - m[m.length - 1].length - 1, m.index + m[0].length - 1).replace(/\s+/g, ' ').trim();
  return `${prefix} “${inner.replace(/^9(?=\p{Ll})/u, 'V')}”`;
};
// Orders (huân chương) by name; the class ("hạng Nhất, Nhì, Ba") is not part of the form.
const ORDERS = 'lao dong|doc lap|bao ve to quoc|chien cong|dung cam|dai doan ket dan toc|huu nghi|ho chi minh|sao vang|quan cong';
// Titles of the law on emulation (danh hiệu thi đua) that stand without "Danh hiệu “…”".
const NAMED_TITLES = /^(tap the lao dong|lao dong tien tien|chien s[iy] (thi dua|tien tien)|don vi quyet thang|co thi dua)/;

const AWARD_FORMS: AwardForm[] = [
  { re: /\btap the lao dong xuat sac\b/, title: fixed('Tập thể lao động xuất sắc'), recipient: 'collective' },
  { re: /\btap the lao dong tien tien\b/, title: fixed('Tập thể lao động tiên tiến'), recipient: 'collective' },
  { re: /\blao dong tien tien\b/, title: fixed('Lao động tiên tiến'), recipient: 'individual' },
  { re: /\bchien s[iy] tien tien\b/, title: asWritten, recipient: 'individual' },
  { re: /\bdon vi quyet thang\b/, title: fixed('Đơn vị quyết thắng'), recipient: 'collective' },
  { re: /\bchien s[iy] thi dua(?: (?:toan quoc|co so|cap (?:tinh|bo|nganh|huyen|co so)|nganh(?: [a-z]+){1,3}?(?=\s*["“”';,.)]|\s*$)|nganh [a-z]+))?\b/, title: asWritten, recipient: 'individual' },
  // The flag of the Government and of a sector are forms of their own; "Cờ thi đua của UBND tỉnh" is the flag with its conferrer.
  { re: /\bco thi dua cua (?:chinh phu|nganh(?: [a-z]+){1,3}?(?=\s*["“”';,.)]|\s*$)|nganh [a-z]+)\b/, title: asWritten, recipient: 'collective' },
  { re: /\bco thi dua\b/, title: fixed('Cờ thi đua'), recipient: 'collective' },
  { re: new RegExp(`\\bhuan chuong (?:${ORDERS})\\b`), title: asWritten, recipient: null },
  { re: /\bhuan chuong\b/, title: fixed('Huân chương'), recipient: null },
  { re: /\bky niem chuong\s*["“”']([^"“”'\n]{2,60})["“”']/, title: quoted('Kỷ niệm chương'), recipient: 'individual' },
  { re: /\bky niem chuong\b/, title: fixed('Kỷ niệm chương'), recipient: 'individual' },
  { re: /\bdanh hieu\s*["“”']([^"“”'\n]{2,80})["“”']/, title: quoted('Danh hiệu'), recipient: null },
  { re: /\bbang khen\b/, title: fixed('Bằng khen'), recipient: null },
  { re: /\bgiay khen\b|\b[gq]i[a-z]{1,2}y khen\b/, title: fixed('Giấy khen'), recipient: null },
];

function quoteCurly(text: string): string {
  return text.replace(/["“](?=\S)/g, '“').replace(/(?<=\S)["”]/g, '”');
}

export interface AwardTitleHit {
  title: string;
  /** The kind of recipient the form is for by its nature, or null. */
  recipient: RecipientKind | null;
  index: number;
  length: number;
}

/** The first award form named in `key` (folded text); `original` gives the words as written. */
export function findAwardTitle(key: string, original: string = key, from = 0): AwardTitleHit | null {
  let best: AwardTitleHit | null = null;
  for (const form of AWARD_FORMS) {
    const re = new RegExp(form.re.source, 'g');
    re.lastIndex = from;
    const m = re.exec(key);
    if (!m) continue;
    // "Danh hiệu “Tập thể lao động xuất sắc”" is that title, not an honorary title of its own.
    if (form.re.source.startsWith('\\bdanh hieu') && NAMED_TITLES.test(m[1].trim())) continue;
    if (best && (m.index > best.index || (m.index === best.index && m[0].length <= best.length))) continue;
    best = { title: form.title(original, m), recipient: form.recipient, index: m.index, length: m[0].length };
  }
  return best;
}

/** Every award form named in `key`, left to right, not overlapping. */
export function findAwardTitles(key: string, original: string = key): AwardTitleHit[] {
  const out: AwardTitleHit[] = [];
  let at = 0;
  for (let hit = findAwardTitle(key, original, at); hit; hit = findAwardTitle(key, original, at)) {
    out.push(hit);
    at = hit.index + hit.length;
  }
  return out;
}

interface Quota {
  quantity: number | null;
  limit: QuotaLimit;
  ratio: number | null;
  per: string | null;
  index: number;
  length: number;
}

const NUM = '(\\d{1,4})';
const UNIT = '(giay khen|bang khen|tap the|ca nhan|truong hop|co thi dua|danh hieu|suat|nguoi|don vi|dia phuong|xa|phuong)';

/** The quota in a statement: "Tặng 06", "Tối đa 07 cá nhân", "không quá 10% tập thể". */
export function findQuota(original: string): Quota | null {
  const key = looseFold(original);
  let m: RegExpExecArray | null;
  const perOf = (): string | null => {
    const per = /\b(moi|mot)\s+([a-z ,]{2,40}?)\s+(chon|de nghi|xet|duoc|gioi thieu|lua chon|co)\b/.exec(key);
    if (per) return trimPunct(original.slice(per.index, per.index + per[1].length + 1 + per[2].length));
    // "Riêng cụm 1 (VKSND cấp cao 1, 2, 3) lựa chọn đề nghị không quá 01 tập thể": the exception's unit.
    const rieng = /\brieng\s+(.{2,100}?)\s+(lua chon|chon|de nghi|duoc|xet|khong qua|toi da)\b/.exec(key);
    if (rieng) {
      const at = rieng.index + rieng[0].indexOf(rieng[1], 5);
      return trimPunct(original.slice(at, at + rieng[1].length));
    }
    // "không quá 10 cá nhân trong 01 năm": per year (đợt: round, kỳ: term).
    const span = /\btrong\s+(?:01|1|mot|moi)\s+(nam|dot|ky)\b/.exec(key);
    if (span) return original.slice(span.index + span[0].length - span[1].length, span.index + span[0].length);
    const slash = /\d+\s*(?:ca nhan|tap the|truong hop)\s*\/\s*(\d+\s+[a-z]+(?: [a-z]+)?)/.exec(key);
    if (slash) {
      const at = key.indexOf(slash[1], slash.index);
      return trimPunct(original.slice(at, at + slash[1].length));
    }
    return null;
  };
  if ((m = new RegExp(`(${MAX_WORDS})?\\s*(\\d{1,3}(?:[.,]\\d+)?)\\s*%`).exec(key))) {
    const ratio = Number(m[2].replace(',', '.'));
    return { quantity: null, limit: m[1] ? 'max' : 'exact', ratio, per: perOf(), index: m.index, length: m[0].length };
  }
  if ((m = new RegExp(`(${MAX_WORDS})\\s*(la\\s*)?:?\\s*${NUM}`).exec(key))) {
    return { quantity: Number(m[3]), limit: 'max', ratio: null, per: perOf(), index: m.index, length: m[0].length };
  }
  if ((m = new RegExp(`(${MIN_WORDS})\\s*${NUM}`).exec(key))) {
    return { quantity: Number(m[2]), limit: 'min', ratio: null, per: perOf(), index: m.index, length: m[0].length };
  }
  if ((m = new RegExp(`(?<![\\d/.-])${NUM}\\s+${UNIT}\\b`).exec(key))) {
    return { quantity: Number(m[1]), limit: 'exact', ratio: null, per: perOf(), index: m.index, length: m[0].length };
  }
  if ((m = new RegExp(`\\b(tang|khen thuong|chon|xet tang)\\s+${NUM}\\b`).exec(key))) {
    return { quantity: Number(m[2]), limit: 'exact', ratio: null, per: perOf(), index: m.index, length: m[0].length };
  }
  return null;
}

/** Who an award statement is for: "Đối với tập thể", "04 tập thể", "(tập thể hoặc cá nhân)". */
export function findRecipient(key: string): RecipientKind | null {
  if (/tap the (?:hoac|va\/hoac) (?:\d+ )?ca nhan|ca nhan (?:hoac|va\/hoac) (?:\d+ )?tap the/.test(key)) return 'either';
  const head = key.replace(/^[^a-z]+/, '');
  if (/^(doi voi |khen thuong |danh cho |cho )?(cac )?tap the\b/.test(head)) return 'collective';
  if (/^(doi voi |khen thuong |danh cho |cho )?(cac )?ca nhan\b/.test(head)) return 'individual';
  const collective = /\btap the\b/.test(key);
  const individual = /\bca nhan\b/.test(key);
  if (collective && !individual) return 'collective';
  if (individual && !collective) return 'individual';
  return null;
}

function occasionOf(key: string): Occasion | null {
  if (/\bso ket\b/.test(key)) return 'midterm';
  if (/\btong ket\b/.test(key)) return 'final';
  if (/\bh[a]ng nam\b|\bhang nam\b|\bcuoi nam\b/.test(key)) return 'annual';
  if (/\bdot xuat\b|\bchuyen de\b|\btheo dot\b/.test(key)) return 'campaign';
  return null;
}

interface Scope {
  occasion: Occasion;
  span: string | null;
  nodes: Array<{ node: TextNode; section: Section | null }>;
  heading: TextNode | null;
}

/** A heading cut at an open quote or a dangling "của", joined with the paragraph that goes on with it. */
function wrappedHeading(s: Section): TextNode {
  const h = s.heading;
  const next = s.children[0];
  const open = (h.value.match(/“/g) ?? []).length > (h.value.match(/”/g) ?? []).length || /(?<!\p{L})(của|cua|do|cấp|cap|tặng|tang)\s*$/iu.test(h.value);
  if (!open || next?.type !== 'paragraph') return h;
  return { ...h, value: `${h.value} ${next.value}`, offsets: [...h.offsets, next.offsets[0], ...next.offsets], position: { start: h.position.start, end: next.position.end } };
}

/** A section headed by an award form ("2.2. Giấy khen của Chủ tịch UBND xã:", "1. Danh hiệu “Lao động tiên tiến”"). */
function isFormHeading(s: Section): boolean {
  if (!s.headingLike) return false;
  const head = s.heading.value.split(':')[0];
  if (head.length > 120) return false;
  const key = looseFold(head);
  return declaredForms(head, key, findAwardTitles(key, head)).length > 0;
}

/**
 * Sections about awards that are not inside the organising or criteria part, and sections headed
 * by an award form outside an awards part. A document that is not a plan (a decision that issues
 * a regulation) has its awards in the attachment too.
 */
function awardContainers(tree: AdminRoot): Section[] {
  const out: Section[] = [];
  walkSections(contentNodes(tree), (s, ancestors) => {
    if (ancestors.some((a) => out.includes(a))) return;
    if (hasRole(s, 'awards')) {
      if (ancestors.some((a) => hasRole(a, 'awards') || hasRole(a, 'organising') || hasRole(a, 'purpose') || hasRole(a, 'criteria'))) return;
      if (hasRole(s, 'organising')) return;
      out.push(s);
    } else if (isFormHeading(s) && !hasRole(s, 'dossier') && !ancestors.some((a) => ['organising', 'purpose', 'implementation', 'funding'].some((r) => hasRole(a, r as SectionRole)))) {
      out.push(s);
    }
  });
  return out;
}

/** Award statements under a section, skipping parts about criteria, dossier or money. */
function statementNodes(s: Section, out: Array<{ node: TextNode; section: Section | null }>): void {
  for (const c of s.children) {
    if (c.type === 'paragraph') out.push({ node: c, section: null });
    else if (c.type === 'section') {
      if ((hasRole(c, 'criteria') || hasRole(c, 'dossier') || hasRole(c, 'funding')) && !hasRole(c, 'awards')) continue;
      out.push({ node: c.heading, section: c });
      statementNodes(c, out);
    }
  }
}

export function extractAwards(tree: AdminRoot, file: VFile, ev: EvidenceSink, period: Period): Award[] {
  const awards: Award[] = [];
  const pointerOf = new Map<Award, { node: TextNode; from: number; to: number }>();
  const oneYear = period.from !== null && period.from === period.to;
  // A campaign to celebrate an event or on one theme ("thi đua lập thành tích chào mừng Đại hội …",
  // "đợt thi đua", "thi đua theo chuyên đề") rewards at its end: occasion `campaign`. Other plans
  // (a year's or a period's programme) reward yearly unless a part says sơ kết or tổng kết.
  const title = looseFold(tree.children.find((c) => c.type === 'title')?.value ?? '');
  const isCampaign = /\bchao mung\b|\bdot thi dua\b|\bthi dua (theo )?dot\b|\bchuyen de\b/.test(title);
  const defaultOccasion: Occasion = isCampaign ? 'campaign' : 'annual';
  const defaultSpan = isCampaign ? (period.from !== null && period.to !== null && period.from !== period.to ? `${period.from}-${period.to}` : null) : oneYear ? String(period.from) : null;

  // Title and conferrer carry over from statements that name them ("Giấy khen của Chủ tịch UBND phường: …"),
  // also into a following part ("Hình thức khen thưởng: …" then "Tỷ lệ khen thưởng: …").
  let context: { title: string | null; conferrer: string | null; recipient: RecipientKind | null } = { title: null, conferrer: null, recipient: null };
  for (const container of awardContainers(tree)) {
    // Occasion scopes: sub-sections headed by an occasion ("Khen thưởng sơ kết giai đoạn 2021-2025").
    const scopes: Scope[] = [];
    const rest: Scope = { occasion: occasionOf(looseFold(container.heading.value)) ?? defaultOccasion, span: null, nodes: [], heading: null };
    if (rest.occasion === defaultOccasion) rest.span = defaultSpan;
    // A section headed by a form states it in its heading (wrapped into the paragraph under it:
    // "Danh hiệu “Cờ thi đua của" / "Ủy ban nhân dân tỉnh”").
    if (!hasRole(container, 'awards')) rest.nodes.push({ node: wrappedHeading(container), section: null });
    for (const c of container.children) {
      if (c.type === 'section' && occasionOf(looseFold(c.heading.value)) && c.headingLike && !hasRole(c, 'criteria') && !hasRole(c, 'dossier')) {
        const key = looseFold(c.heading.value);
        const occasion = occasionOf(key)!;
        const span = findYearSpan(c.heading.value);
        const scope: Scope = {
          occasion,
          span: span ? `${span.from}-${span.to}` : occasion === 'annual' ? defaultSpan : null,
          nodes: [],
          heading: c.heading,
        };
        statementNodes(c, scope.nodes);
        scopes.push(scope);
      } else if (c.type === 'section') {
        if ((hasRole(c, 'criteria') || hasRole(c, 'dossier') || hasRole(c, 'funding')) && !hasRole(c, 'awards')) continue;
        rest.nodes.push({ node: c.heading, section: c });
        statementNodes(c, rest.nodes);
      } else if (c.type === 'paragraph') rest.nodes.push({ node: c, section: null });
    }
    if (rest.nodes.length) scopes.unshift(rest);
    checkOccasionLabels(scopes, period, file);
    for (const scope of scopes) {
      for (const statement of scope.nodes) {
       // Several quota sentences in one item ("Mỗi cụm đề nghị không quá 02 tập thể. Riêng cụm 1 …
       // không quá 01 tập thể."), each read on its own.
       for (const node of quotaPieces(statement.node)) {
        const section = statement.section;
        const key = looseFold(node.value);
        const titles = findAwardTitles(key, node.value);
        const titleHit = titles[0] ?? null;
        const conferrer = findConferrer(node.value, key, titleHit);
        const quota = findQuota(node.value);
        const declared = declaredForms(node.value, key, titles);
        if (titleHit || conferrer) {
          // A new form without a conferrer does not take the previous form's.
          const newForm = titleHit !== null && titleHit.title !== context.title;
          context = { title: titleHit?.title ?? context.title, conferrer: conferrer ?? (newForm ? null : context.conferrer), recipient: titleHit ? titleHit.recipient : context.recipient };
        }
        // A breakdown line is read with its parent statement, not on its own.
        if (isBreakdownLine(statement.node, section, scope)) continue;
        const base = { occasion: scope.occasion, span: scope.span, title: titleHit?.title ?? context.title, conferrer: conferrer ?? context.conferrer };
        // Quotas per category: "Đối với các phòng, ban: không quá 02 tập thể, 04 cá nhân; đối với …".
        const categories = categoryQuotas(node.value, key);
        if (categories.length >= 2) {
          for (const recipient of ['collective', 'individual', 'either'] as const) {
            const items = categories.flatMap((c) => c.clauses.filter((cl) => cl.recipient === recipient).map((cl) => ({ ...cl, category: c.category })));
            if (!items.length) continue;
            const award: Award = {
              ...base,
              recipient,
              quantity: null,
              limit: items.every((i) => i.limit === items[0].limit) ? items[0].limit : 'unspecified',
              per: null,
              ratio: null,
              breakdown: items.map((i) => ({ quantity: i.ratio === null ? i.quantity : null, limit: i.limit, per: null, category: i.category, recipient })),
            };
            pointerOf.set(award, { node, from: items[0].index, to: items[0].index + items[0].length });
            awards.push(award);
          }
          continue;
        }
        // One sentence, two quotas: "không quá 10% tập thể, 5% cá nhân".
        const clauses = quotaClauses(key);
        if (clauses.length >= 2) {
          const per = unitBefore(node.value, key, clauses[0].index) ?? quota?.per ?? null;
          for (const clause of clauses) {
            const award: Award = {
              ...base,
              recipient: clause.recipient,
              quantity: clause.ratio === null ? clause.quantity : null,
              limit: clause.limit,
              per,
              ratio: clause.ratio,
              breakdown: section ? breakdownOf(section, clause.recipient) : [],
            };
            if (awards.some((a) => sameAward(a, award) && a.quantity === award.quantity && a.ratio === award.ratio && a.per === award.per)) continue;
            pointerOf.set(award, { node, from: clause.index, to: clause.index + clause.length });
            awards.push(award);
          }
          continue;
        }
        // A list of forms without numbers ("- Huân chương Lao động;", "Hình thức khen thưởng: Bằng khen …, Giấy khen").
        if (!quota && declared.length) {
          const said = findRecipient(key);
          for (const d of declared) {
            const award: Award = {
              occasion: scope.occasion,
              span: scope.span,
              title: d.title,
              // "Bằng khen để tặng cho cá nhân …" under "2. Bằng khen của Chủ tịch UBND tỉnh": the same award.
              conferrer: d.conferrer ?? (d.title === context.title ? context.conferrer : null),
              recipient: d.recipient ?? said ?? 'either',
              quantity: null,
              limit: 'unspecified',
              per: null,
              ratio: null,
              breakdown: [],
            };
            if (awards.some((a) => sameAward(a, award))) continue;
            // A form restated for one kind refines the same form named without numbers: both kinds make it "either".
            const named = awards.find((a) => a.title === award.title && a.conferrer === award.conferrer && a.occasion === award.occasion && a.limit === 'unspecified' && a.quantity === null && a.ratio === null && !a.breakdown.length);
            if (named) {
              if (named.recipient !== award.recipient) named.recipient = 'either';
              continue;
            }
            pointerOf.set(award, { node, from: d.index, to: d.index + d.length });
            awards.push(award);
          }
          continue;
        }
        const recipient = findRecipient(key) ?? (quota ? titleHit?.recipient ?? (titleHit ? null : context.recipient) : null);
        if (!recipient) continue;
        // Without a number, a form counts where a line declares it (above) or where a statement
        // for one kind names it ("Đối với tập thể: Đề nghị Giám đốc Công an tỉnh tặng Giấy khen …"), not in passing.
        if (!quota && !((titleHit || conferrer) && RECIPIENT_LED.test(key))) continue;
        // Both kinds without a number ("khen thưởng cho các tập thể, cá nhân …") is no quota.
        const award: Award = {
          ...base,
          recipient,
          quantity: quota?.ratio != null ? null : quota?.quantity ?? null,
          limit: quota ? quota.limit : 'unspecified',
          per: quota ? unitBefore(node.value, key, quota.index) ?? quota.per : null,
          ratio: quota?.ratio ?? null,
          breakdown: section ? breakdownOf(section, recipient) : [],
        };
        if (award.ratio !== null && award.limit === 'exact') award.limit = 'max';
        // The same award with another unit or number ("Mỗi khối … 01 tập thể. Mỗi cụm … 02 tập thể") is an award of its own.
        const same = awards.find((a) => sameAward(a, award) && ((a.quantity === null && a.ratio === null) || (a.per === award.per && (award.per === null || (a.quantity === award.quantity && a.ratio === award.ratio)))));
        if (same) {
          if (same.quantity === null && same.ratio === null && (award.quantity !== null || award.ratio !== null)) {
            Object.assign(same, award);
            pointerOf.set(same, { node, from: quota?.index ?? 0, to: quota ? quota.index + quota.length : node.value.length });
          }
          continue;
        }
        pointerOf.set(award, { node, from: quota?.index ?? 0, to: quota ? quota.index + quota.length : node.value.length });
        awards.push(award);
       }
      }
    }
  }
  // A document without an awards part (a regulation's article of principles, a Tờ trình that
  // proposes an award) states its awards in sentences: a form with a quota ("Ủy ban nhân dân thành
  // phố xét, tặng danh hiệu “…” không quá 10 cá nhân trong 01 năm"), or a form asked of a conferrer
  // ("đề nghị Chủ tịch UBND tỉnh tặng Bằng khen cho tập thể và cá nhân").
  if (!awards.length && topNodes(tree, 'docType')[0]?.canonical !== 'Kế hoạch') {
    for (const node of statementsOutsideParts(contentNodes(tree))) {
      const key = looseFold(node.value);
      const titleHit = findAwardTitle(key, node.value);
      if (!titleHit) continue;
      const quota = findQuota(node.value);
      const conferrer = findConferrer(node.value, key, titleHit);
      const asked = conferrer !== null && /\b(de nghi|de xuat|kinh trinh|trinh)\b/.test(key.slice(0, titleHit.index));
      const counted = quota !== null && quota.limit !== 'exact' && quota.ratio === null;
      if (!counted && !asked) continue;
      const both = /\btap the\b/.test(key) && /\bca nhan\b/.test(key);
      const recipient = findRecipient(key) ?? (both ? 'either' : titleHit.recipient ?? 'either');
      const award: Award = {
        occasion: defaultOccasion,
        span: defaultSpan,
        title: titleHit.title,
        conferrer,
        recipient,
        quantity: counted ? quota!.quantity : null,
        limit: counted ? quota!.limit : 'unspecified',
        per: counted ? quota!.per : null,
        ratio: null,
        breakdown: [],
      };
      if (awards.some((a) => sameAward(a, award))) continue;
      pointerOf.set(award, { node, from: counted ? quota!.index : titleHit.index, to: counted ? quota!.index + quota!.length : titleHit.index + titleHit.length });
      awards.push(award);
    }
  }
  // Forms a dossier part is for ("Hồ sơ đề nghị tặng Bằng khen của Thủ tướng Chính phủ"): forms the
  // document deals with, when no part names them otherwise.
  walkSections(contentNodes(tree), (s) => {
    const head = wrappedHeading(s);
    const key = looseFold(head.value);
    if (!/^[^a-z]*(ho so de nghi|ve viec)\b/.test(key)) return;
    for (const d of declaredForms(head.value, key, findAwardTitles(key, head.value))) {
      if (awards.some((a) => a.title === d.title && (d.conferrer === null || a.conferrer === d.conferrer))) continue;
      const award: Award = { occasion: defaultOccasion, span: defaultSpan, title: d.title, conferrer: d.conferrer, recipient: d.recipient ?? 'either', quantity: null, limit: 'unspecified', per: null, ratio: null, breakdown: [] };
      pointerOf.set(award, { node: head, from: d.index, to: d.index + d.length });
      awards.push(award);
    }
  });
  // A form named without a number gives way to the same form with its quota.
  for (let i = awards.length - 1; i >= 0; i--) {
    const a = awards[i];
    if (a.limit !== 'unspecified' || a.quantity !== null || a.ratio !== null || a.breakdown.length) continue;
    if (awards.some((b) => b !== a && b.title === a.title && b.conferrer === a.conferrer && b.occasion === a.occasion && (b.quantity !== null || b.ratio !== null || b.breakdown.length))) awards.splice(i, 1);
  }
  unifyConferrers(awards);
  awards.forEach((a, i) => {
    const at = pointerOf.get(a);
    if (!at) return;
    ev.add(`/awards/${i}`, at.node);
    if (a.quantity !== null || a.ratio !== null) ev.add(`/awards/${i}/quantity`, at.node, at.from, at.to);
    const sum = a.breakdown.reduce((n, b) => n + (b.quantity ?? 0), 0);
    if (a.breakdown.length && a.quantity !== null && a.breakdown.every((b) => b.quantity !== null) && sum !== a.quantity && a.limit === 'exact') {
      report(file, 'warning', 'quota-sum', `the breakdown of ${a.title ?? 'the award'} (${a.recipient}, ${a.occasion}) adds up to ${sum}, not ${a.quantity}`, at.node.position);
    }
  });
  return awards;
}

/** A statement cut into its sentences when two or more carry a quota; "(riêng …)" is a sentence too. */
function quotaPieces(node: TextNode): TextNode[] {
  const cuts: number[] = [];
  for (const m of node.value.matchAll(/\.\s+(?=\p{Lu})|\(\s*(?=riêng\b|Riêng\b)|;\s*(?=riêng\b|Riêng\b)/gu)) cuts.push(m.index! + m[0].length);
  if (!cuts.length) return [node];
  const pieces: TextNode[] = [];
  let from = 0;
  for (const c of [...cuts, node.value.length]) {
    if (c > from) pieces.push({ ...node, value: node.value.slice(from, c), offsets: node.offsets.slice(from, c) });
    from = c;
  }
  return pieces.filter((p) => findQuota(p.value) !== null).length >= 2 ? pieces : [node];
}

/** Paragraphs and item headings outside the parts about the dossier, money or who does what. */
function statementsOutsideParts(nodes: BodyNode[]): TextNode[] {
  const out: TextNode[] = [];
  for (const n of nodes) {
    if (n.type === 'paragraph') out.push(n);
    else if (n.type === 'section') {
      if (['dossier', 'funding', 'implementation'].some((r) => hasRole(n, r as SectionRole))) continue;
      out.push(n.heading);
      out.push(...statementsOutsideParts(n.children));
    }
  }
  return out;
}

/** Several quotas for different recipients in one statement; a limit word carries over. */
function quotaClauses(key: string): Array<{ recipient: RecipientKind; quantity: number | null; ratio: number | null; limit: QuotaLimit; index: number; length: number }> {
  const out: Array<{ recipient: RecipientKind; quantity: number | null; ratio: number | null; limit: QuotaLimit; index: number; length: number }> = [];
  let limit: QuotaLimit = 'exact';
  // A share counts people by their kind too: "không quá 10% tổng số công chức, viên chức, người lao động".
  for (const m of key.matchAll(QUOTA_CLAUSE)) {
    if (m[1]) limit = limitOf(m[1]);
    const value = Number(m[2].replace(',', '.'));
    out.push({
      recipient: m[4] === 'tap the' ? 'collective' : 'individual',
      quantity: m[3] ? null : value,
      ratio: m[3] ? value : null,
      limit,
      index: m.index!,
      length: m[0].length,
    });
  }
  // "01 tập thể hoặc 01 cá nhân" is one quota for either kind.
  for (let k = 1; k < out.length; k++) if (/^\s*(hoac|va\/hoac)\s*$/.test(key.slice(out[k - 1].index + out[k - 1].length, out[k].index))) return [];
  return new Set(out.map((c) => c.recipient)).size === out.length ? out : [];
}

const RECIPIENT_LED = /^[^a-z]*(doi voi |danh cho |khen thuong )?(cac )?(tap the|ca nhan)\b/;

function sameAward(a: Award, b: Award): boolean {
  return a.occasion === b.occasion && a.span === b.span && a.title === b.title && a.conferrer === b.conferrer && a.recipient === b.recipient;
}

// What may stand before the forms a line declares: "Hình thức khen thưởng:", "Đối với tập thể:", "Tặng".
const LEAD_IN = /^[^a-z0-9"“”]*(?:(?:cac )?hinh thuc(?: khen thuong)?(?: gom| bao gom)?|danh hieu thi dua|khen thuong|de nghi|xet tang|tang|(?:doi voi |danh cho )?(?:cac )?(?:tap the|ca nhan)|ho so de nghi (?:xet,? )?(?:phong tang|xet tang|tang|cong nhan|khen thuong)|ve viec (?:xet )?(?:tang|khen thuong))?\s*:?\s*/;

interface DeclaredForm {
  title: string;
  conferrer: string | null;
  recipient: RecipientKind | null;
  index: number;
  length: number;
}

/**
 * The forms a line declares when it begins with one: "- Huân chương Lao động;", "2.2. Giấy khen
 * của Chủ tịch UBND xã:", "Hình thức khen thưởng: Bằng khen của Chủ tịch UBND tỉnh, Giấy khen
 * của Chủ tịch UBND huyện." A form named further on in a sentence is not declared.
 */
function declaredForms(value: string, key: string, titles: AwardTitleHit[]): DeclaredForm[] {
  if (!titles.length) return [];
  const lead = LEAD_IN.exec(key)![0].length;
  if (!/^\s*(danh hieu\s*)?["“”']?\s*$/.test(key.slice(lead, titles[0].index))) return [];
  const out: DeclaredForm[] = [];
  let end = 0;
  for (const hit of titles) {
    // The next form follows the previous one's conferrer after a comma, "và" or "hoặc".
    if (out.length && !/^\s*(?:["“”']\s*)?(,|;|va|hoac|\/)\s*(?:(?:xet |phong )?tang |cong nhan )?(?:danh hieu\s*)?["“”']?\s*$/.test(key.slice(end, hit.index))) break;
    const conf = conferrerAfter(value, key, hit);
    out.push({ title: hit.title, conferrer: conf?.text ?? null, recipient: hit.recipient, index: hit.index, length: hit.length });
    end = conf ? conf.end : hit.index + hit.length;
    // Several conferrers of one form: "Giấy khen của Chủ tịch UBND huyện, Giám đốc Công an huyện".
    for (let more = conf ? /^\s*(,|va|hoac)\s+/.exec(key.slice(end)) : null; more; more = /^\s*(,|va|hoac)\s+/.exec(key.slice(end))) {
      const at = end + more[0].length;
      if (findAwardTitle(key.slice(at, at + 20))?.index === 0) break;
      const next = parseConferrer(value.slice(at));
      if (!next || !/\s/.test(next.text)) break;
      out.push({ title: hit.title, conferrer: next.text, recipient: hit.recipient, index: hit.index, length: hit.length });
      end = at + next.length;
    }
  }
  return out;
}

/** The conferrer right after a form: "của Chủ tịch UBND tỉnh", "do Giám đốc Sở tặng", "cấp bộ, ban, ngành, tỉnh". */
function conferrerAfter(value: string, key: string, hit: { index: number; length: number }): { text: string; end: number } | null {
  const from = hit.index + hit.length;
  const after = key.slice(from);
  const cua = /^\s*(?:["“”']\s*)?(cua|do)\s+/.exec(after);
  if (cua) {
    const at = from + cua[0].length;
    const c = parseConferrer(value.slice(at));
    if (c) return { text: c.text, end: at + c.length };
    // A conferrer the lexicon does not know ("Viện trưởng VKSND tối cao"): its words to the end of the clause.
    const stop = /[,;:.()]|\s(cho|tang|theo|doi voi|ve|va)\s/.exec(key.slice(at));
    const raw = trimPunct(value.slice(at, at + (stop ? stop.index : Math.min(80, key.length - at))));
    if (raw && raw.split(/\s+/).length <= 10) return { text: expandAbbreviations(raw), end: at + raw.length };
    return null;
  }
  // "Bằng khen cấp bộ, ban, ngành, tỉnh": the level of the conferring body, in the document's words.
  const cap = /^\s*cap\s+/.exec(after);
  if (cap) {
    const at = from + cap[0].length;
    const stop = /[;:.()]|\s(cho|tang|theo|doi voi)\s/.exec(key.slice(at));
    const raw = trimPunct(value.slice(at, at + (stop ? stop.index : Math.min(80, key.length - at))));
    if (raw && !/^(nha nuoc|co so)$/.test(looseFold(raw))) return { text: raw, end: at + raw.length };
  }
  return null;
}

/**
 * The unit a quota "mỗi đơn vị …" is counted in, named before the colon: "VKSND cấp cao: Mỗi
 * đơn vị lựa chọn không quá 01 tập thể" → "VKSND cấp cao". Not an award form or a recipient kind.
 */
function unitBefore(value: string, key: string, index: number): string | null {
  const segStart = Math.max(key.lastIndexOf(';', index), key.lastIndexOf('. ', index)) + 1;
  const colon = key.lastIndexOf(':', index);
  if (colon < segStart) return null;
  if (!/\bmoi\b/.test(key.slice(colon, index + 1))) return null;
  const prev = Math.max(key.lastIndexOf(':', colon - 1) + 1, segStart);
  const category = categoryName(value.slice(prev, colon));
  return category;
}

/** A category before a colon, without "đối với"; null for an award form, a recipient kind or a long phrase. */
function categoryName(text: string): string | null {
  const trimmed = trimPunct(text.replace(/^[\s\-–+*•]+/, '').replace(/^(đối với|doi voi|riêng|rieng|với|voi)\s+/i, ''));
  const key = looseFold(trimmed);
  if (!trimmed || trimmed.length > 120 || findAwardTitle(key) || /^(cac )?(tap the|ca nhan)$/.test(key)) return null;
  return trimmed;
}

/** "Đối với các phòng, ban: không quá 02 tập thể, 04 cá nhân; đối với các thôn: …" — quotas per category. */
function categoryQuotas(value: string, key: string): Array<{ category: string; clauses: ReturnType<typeof quotaClauses> }> {
  const out: Array<{ category: string; clauses: ReturnType<typeof quotaClauses> }> = [];
  let at = 0;
  for (const part of key.split(';')) {
    const colon = part.lastIndexOf(':', part.search(/\d/) >= 0 ? part.search(/\d/) : undefined);
    if (colon > 0) {
      const prev = part.lastIndexOf(':', colon - 1) + 1;
      const category = categoryName(value.slice(at + prev, at + colon));
      const rest = part.slice(colon + 1);
      let clauses = quotaClauses(rest).map((c) => ({ ...c, index: c.index + at + colon + 1 }));
      if (!clauses.length) {
        const single = SINGLE_QUOTA.exec(rest);
        if (single) clauses = [{ recipient: single[3] === 'tap the' ? 'collective' : 'individual', quantity: Number(single[2]), ratio: null, limit: single[1] ? limitOf(single[1]) : 'exact', index: at + colon + 1 + single.index, length: single[0].length }];
      }
      if (category && clauses.length) out.push({ category, clauses });
    }
    at += part.length + 1;
  }
  return out;
}

/** "… Giấy khen của Chủ tịch UBND huyện", "Đề nghị Giám đốc Công an tỉnh tặng …". */
function findConferrer(value: string, key: string, titleHit: { index: number; length: number } | null): string | null {
  if (titleHit) {
    const c = conferrerAfter(value, key, titleHit);
    if (c) return c.text;
  }
  // "Đảng ủy xã tặng Giấy khen …", "Chủ tịch UBND huyện khen thưởng …": the conferrer as subject.
  const lead = parseConferrer(value);
  if (lead && /^\s+(xet,?\s+)?(tang|khen thuong|xet tang|trao tang)\b/.test(key.slice(lead.length))) return lead.text;
  for (const ask of key.matchAll(/\b(de nghi|de xuat|trinh)\s+/g)) {
    const c = parseConferrer(value.slice(ask.index! + ask[0].length));
    if (c && /\s(tang|khen thuong|xet)\b/.test(key.slice(ask.index! + ask[0].length + c.length, ask.index! + ask[0].length + c.length + 12))) return c.text;
  }
  return null;
}

/** "02 Giấy khen cho các xã, thị trấn" under a statement: a breakdown item. */
function isBreakdownLine(node: TextNode, section: Section | null, scope: Scope): boolean {
  if (!section) return false;
  const parent = scope.nodes.find((n) => n.section && n.section.children.includes(section));
  if (!parent) return false;
  const parentKey = looseFold(parent.node.value);
  // Under a statement with a quota ("… không quá 40 tập thể …, trong đó:") or a recipient.
  const parentHasQuota = findQuota(parent.node.value) !== null || quotaClauses(parentKey).length > 0;
  return (parentHasQuota || findRecipient(parentKey) !== null) && findQuota(node.value) !== null;
}

function breakdownOf(section: Section, recipient: RecipientKind): BreakdownItem[] {
  const items: BreakdownItem[] = [];
  for (const c of section.children) {
    if (c.type !== 'section') continue;
    const value = c.heading.value;
    const key = looseFold(value);
    // A line that splits both kinds ("Ủy ban Bầu cử tỉnh: không quá 05 tập thể, 10 cá nhân")
    // gives each award its own share.
    const clauses = quotaClauses(key);
    if (clauses.length >= 2) {
      const mine = clauses.find((cl) => cl.recipient === recipient);
      if (!mine) continue;
      const colon = key.indexOf(':');
      items.push({
        quantity: mine.quantity,
        limit: mine.limit,
        per: null,
        category: colon > 0 && colon < mine.index ? trimPunct(value.slice(0, colon)) : null,
        recipient,
      });
      continue;
    }
    const quota = findQuota(value);
    if (!quota || (quota.quantity === null && quota.ratio === null)) continue;
    const itemRecipient = findRecipient(key);
    if (itemRecipient && itemRecipient !== recipient && itemRecipient !== 'either' && recipient !== 'either') continue;
    // The category: after "cho"/"đối với"/"thuộc" or before a colon ("Ban Chỉ đạo bầu cử: không quá 05 cá nhân").
    let category: string | null = null;
    const cho = /\b(cho|doi voi|thuoc|danh cho)\s+/.exec(key.slice(quota.index));
    if (cho) category = trimPunct(value.slice(quota.index + cho.index + cho[0].length));
    else if (key.indexOf(':') > 0 && key.indexOf(':') < quota.index) category = trimPunct(value.slice(0, key.indexOf(':')));
    if (category === null && quota.per) category = quota.per;
    items.push({
      quantity: quota.quantity,
      limit: quota.limit,
      per: quota.per,
      category,
      recipient: itemRecipient ?? recipient,
    });
  }
  return items;
}

/** An occasion labelled "sơ kết" whose span is the whole period, after an earlier sơ kết, is the tổng kết. */
function checkOccasionLabels(scopes: Scope[], period: Period, file: VFile): void {
  const spanOf = (s: Scope) => (s.span ? s.span.split('-').map(Number) : null);
  for (let i = 0; i < scopes.length; i++) {
    const s = scopes[i];
    const span = spanOf(s);
    if (!span) continue;
    const earlierMidterm = scopes.slice(0, i).some((p) => p.occasion === 'midterm' && (spanOf(p)?.[1] ?? Infinity) < span[1]);
    if (s.occasion === 'midterm' && earlierMidterm && period.to !== null && span[1] >= period.to) {
      s.occasion = 'final';
      report(
        file,
        'warning',
        'occasion-label',
        `"${s.heading?.value ?? ''}" is labelled sơ kết (midterm) but covers the whole period ${s.span} after an earlier sơ kết: read as tổng kết (final)`,
        s.heading?.position,
      );
    }
  }
}

/** A conferrer cut short by OCR ("Chủ tịch Ủy ban nhân dân") takes the fuller form used elsewhere. */
function unifyConferrers(awards: Award[]): void {
  const names = awards.map((a) => a.conferrer).filter((c): c is string => !!c);
  for (const a of awards) {
    if (!a.conferrer) continue;
    const longer = names.filter((n) => n !== a.conferrer && n.startsWith(a.conferrer + ' '));
    if (longer.length) a.conferrer = longer.sort((x, y) => names.filter((n) => n === y).length - names.filter((n) => n === x).length)[0];
  }
}
