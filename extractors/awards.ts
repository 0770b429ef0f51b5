// awards: award forms and quotas per occasion (hàng năm: annual; sơ kết: midterm review;
// tổng kết: final review; đột xuất/chuyên đề: campaign), recipient kind and conferrer.
import type { VFile } from 'vfile';
import type { AdminRoot, Section, TextNode } from '../pipeline/parse/types.js';
import type { Award, BreakdownItem, Occasion, Period, QuotaLimit, RecipientKind } from '../pipeline/record/schema.js';
import { parseConferrer } from '../pipeline/recognise/bodies.js';
import { findYearSpan } from '../pipeline/recognise/dates.js';
import { bodyNodes, EvidenceSink, hasRole, looseFold, report, trimPunct, walkSections } from './util.js';

// Award forms (hình thức khen thưởng), canonical spelling; longest first.
const TITLES: Array<[RegExp, string]> = [
  [/\bhuan chuong lao dong hang (nhat|nhi|ba)\b/, 'Huân chương Lao động'],
  [/\bhuan chuong\b/, 'Huân chương'],
  [/\bco thi dua\b/, 'Cờ thi đua'],
  [/\bbang khen\b/, 'Bằng khen'],
  [/\bgiay khen\b|\b[gq]i[a-z]{1,2}y khen\b/, 'Giấy khen'],
  [/\bchien si thi dua\b/, 'Chiến sĩ thi đua'],
  [/\btap the lao dong xuat sac\b/, 'Tập thể lao động xuất sắc'],
];

export function findAwardTitle(key: string): { title: string; index: number; length: number } | null {
  let best: { title: string; index: number; length: number } | null = null;
  for (const [re, title] of TITLES) {
    const m = re.exec(key);
    if (m && (!best || m.index < best.index)) best = { title, index: m.index, length: m[0].length };
  }
  return best;
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
    const slash = /\d+\s*(?:ca nhan|tap the|truong hop)\s*\/\s*(\d+\s+[a-z]+(?: [a-z]+)?)/.exec(key);
    if (slash) {
      const at = key.indexOf(slash[1], slash.index);
      return trimPunct(original.slice(at, at + slash[1].length));
    }
    return null;
  };
  if ((m = new RegExp(`(khong qua|toi da|khong vuot qua)?\\s*(\\d{1,3}(?:[.,]\\d+)?)\\s*%`).exec(key))) {
    const ratio = Number(m[2].replace(',', '.'));
    return { quantity: null, limit: m[1] ? 'max' : 'exact', ratio, per: perOf(), index: m.index, length: m[0].length };
  }
  if ((m = new RegExp(`(toi da|khong qua|khong vuot qua|nhieu nhat)\\s*(la\\s*)?:?\\s*${NUM}`).exec(key))) {
    return { quantity: Number(m[3]), limit: 'max', ratio: null, per: perOf(), index: m.index, length: m[0].length };
  }
  if ((m = new RegExp(`(it nhat|toi thieu)\\s*${NUM}`).exec(key))) {
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
  if (/tap the hoac ca nhan|ca nhan hoac tap the/.test(key)) return 'either';
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

/** Sections about awards that are not inside the organising or criteria part. */
function awardContainers(tree: AdminRoot): Section[] {
  const out: Section[] = [];
  walkSections(bodyNodes(tree), (s, ancestors) => {
    if (!hasRole(s, 'awards')) return;
    if (ancestors.some((a) => hasRole(a, 'awards') || hasRole(a, 'organising') || hasRole(a, 'purpose') || hasRole(a, 'criteria'))) return;
    if (hasRole(s, 'organising')) return;
    out.push(s);
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

  for (const container of awardContainers(tree)) {
    // Occasion scopes: sub-sections headed by an occasion ("Khen thưởng sơ kết giai đoạn 2021-2025").
    const scopes: Scope[] = [];
    const rest: Scope = { occasion: occasionOf(looseFold(container.heading.value)) ?? defaultOccasion, span: null, nodes: [], heading: null };
    if (rest.occasion === defaultOccasion) rest.span = defaultSpan;
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
    // Title and conferrer carry over from statements that name them ("Giấy khen của Chủ tịch UBND phường: …").
    let context: { title: string | null; conferrer: string | null } = { title: null, conferrer: null };
    for (const scope of scopes) {
      for (const { node, section } of scope.nodes) {
        const key = looseFold(node.value);
        const titleHit = findAwardTitle(key);
        const conferrer = findConferrer(node.value, key, titleHit);
        const recipient = findRecipient(key);
        const quota = findQuota(node.value);
        if (titleHit || conferrer) {
          context = { title: titleHit?.title ?? context.title, conferrer: conferrer ?? context.conferrer };
        }
        // A breakdown line is read with its parent statement, not on its own.
        if (isBreakdownLine(node, section, scope)) continue;
        // One sentence, two quotas: "không quá 10% tập thể, 5% cá nhân".
        const clauses = quotaClauses(key);
        if (clauses.length >= 2) {
          for (const clause of clauses) {
            const award: Award = {
              occasion: scope.occasion,
              span: scope.span,
              title: titleHit?.title ?? context.title,
              conferrer: conferrer ?? context.conferrer,
              recipient: clause.recipient,
              quantity: clause.ratio === null ? clause.quantity : null,
              limit: clause.limit,
              per: null,
              ratio: clause.ratio,
              breakdown: section ? breakdownOf(section, clause.recipient) : [],
            };
            pointerOf.set(award, { node, from: clause.index, to: clause.index + clause.length });
            awards.push(award);
          }
          continue;
        }
        if (!recipient) continue;
        if (!quota && !titleHit && !conferrer) continue;
        // Both kinds without a number ("khen thưởng cho các tập thể, cá nhân …") is no quota.
        const award: Award = {
          occasion: scope.occasion,
          span: scope.span,
          title: titleHit?.title ?? context.title,
          conferrer: conferrer ?? context.conferrer,
          recipient,
          quantity: quota?.ratio != null ? null : quota?.quantity ?? null,
          limit: quota ? quota.limit : 'unspecified',
          per: quota?.per ?? null,
          ratio: quota?.ratio ?? null,
          breakdown: section ? breakdownOf(section, recipient) : [],
        };
        if (award.ratio !== null && award.limit === 'exact') award.limit = 'max';
        const same = awards.find((a) => a.occasion === award.occasion && a.recipient === award.recipient && a.conferrer === award.conferrer && a.span === award.span);
        if (same) {
          if (same.quantity === null && award.quantity !== null) Object.assign(same, award);
          continue;
        }
        pointerOf.set(award, { node, from: quota?.index ?? 0, to: quota ? quota.index + quota.length : node.value.length });
        awards.push(award);
      }
    }
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

/** Several quotas for different recipients in one statement; a limit word carries over. */
function quotaClauses(key: string): Array<{ recipient: RecipientKind; quantity: number | null; ratio: number | null; limit: QuotaLimit; index: number; length: number }> {
  const out: Array<{ recipient: RecipientKind; quantity: number | null; ratio: number | null; limit: QuotaLimit; index: number; length: number }> = [];
  let limit: QuotaLimit = 'exact';
  for (const m of key.matchAll(/(khong qua|toi da|khong vuot qua|it nhat|toi thieu)?\s*(\d{1,3}(?:[.,]\d+)?)\s*(%)?\s*(?:so\s+)?(tap the|ca nhan)\b/g)) {
    if (m[1]) limit = /it nhat|toi thieu/.test(m[1]) ? 'min' : 'max';
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
  return new Set(out.map((c) => c.recipient)).size === out.length ? out : [];
}

/** "… Giấy khen của Chủ tịch UBND huyện", "Đề nghị Giám đốc Công an tỉnh tặng …". */
function findConferrer(value: string, key: string, titleHit: { index: number; length: number } | null): string | null {
  if (titleHit) {
    const after = key.slice(titleHit.index + titleHit.length);
    const cua = /^\s*(cua|do)\s+/.exec(after);
    if (cua) {
      const at = titleHit.index + titleHit.length + cua[0].length;
      const c = parseConferrer(value.slice(at));
      if (c) return c.text;
    }
  }
  // "Đảng ủy xã tặng Giấy khen …", "Chủ tịch UBND huyện khen thưởng …": the conferrer as subject.
  const lead = parseConferrer(value);
  if (lead && /^\s+(tang|khen thuong|xet tang|trao tang)\b/.test(key.slice(lead.length))) return lead.text;
  const ask = /\b(de nghi|de xuat|trinh)\s+/.exec(key);
  if (ask) {
    const c = parseConferrer(value.slice(ask.index + ask[0].length));
    if (c && /\s(tang|khen thuong|xet)\b/.test(key.slice(ask.index + ask[0].length + c.length, ask.index + ask[0].length + c.length + 12))) return c.text;
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
