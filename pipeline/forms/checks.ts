// Checks a nominee list against the plan before any form is written: the number of nominees
// against the plan's quotas for the occasion (exact / max / min, per-category breakdowns,
// per-unit and ratio quotas), each nominee's declared figures against the plan's criteria
// thresholds, and the Tờ trình's date against the dossier deadline. Every problem names the
// nominee (when there is one), the rule, and quotes the plan's words.
import type { Award, BreakdownItem, Criterion, Occasion, PlanRecord, Threshold } from '../record/schema.js';
import { InputError, UsageError } from '../errors.js';
import { compareDates, countText, isoDate, parseIsoDate, shortDate, type CalendarDate } from './dates.js';
import { INDEX_RATINGS, matchKey, parseRating, type Nominee, type NomineeKind } from './nominees.js';
import type { SubmittingBody } from './body.js';
import type { LoadedPlan } from './plan.js';
import { awardName, awardWords, breakdownWords, kindWords, planText, quotePlan } from './plan-words.js';

export type Severity = 'error' | 'warning';

export interface Problem {
  severity: Severity;
  /** quota | quota-breakdown | quota-per-unit | quota-ratio | category | no-award | duplicate | criterion:<metric> | deadline | plan-date */
  rule: string;
  /** The nominee concerned, or null for a problem of the whole list. */
  nominee: string | null;
  /** One line: who, which rule, what was found, and the plan's words. */
  message: string;
  /** The same in Vietnamese, for the problems page of a draft. */
  messageVi: string;
}

/** "row 3" → "dòng 3", "item 2" → "mục 2" */
const whereVi = (where: string) => where.replace(/^row /, 'dòng ').replace(/^item /, 'mục ');

export const OCCASION_WORDS: Record<Occasion, string> = {
  annual: 'hằng năm (annual)',
  midterm: 'sơ kết (midterm review)',
  final: 'tổng kết (final review)',
  campaign: 'theo đợt, chuyên đề (campaign)',
};

/**
 * The award occasion of the dossier: the one asked for, or the plan's only one. A plan with
 * no award at all is refused: there is nothing a Tờ trình could propose.
 */
export function selectOccasion(plan: LoadedPlan, requested: Occasion | undefined): Occasion {
  const { record } = plan;
  const occasions = [...new Set(record.awards.map((a) => a.occasion))];
  if (occasions.length === 0) {
    throw new InputError(
      plan.path,
      'violation',
      `the plan (${planLabel(record)}) names no award (hình thức khen thưởng): there is nothing a dossier could propose`,
    );
  }
  if (requested) {
    if (!occasions.includes(requested)) {
      throw new InputError(
        plan.path,
        'violation',
        `the plan names no award for the occasion "${requested}"; it has: ${occasions.join(', ')}`,
      );
    }
    return requested;
  }
  if (occasions.length > 1) {
    throw new UsageError(`the plan names awards for several occasions (${occasions.join(', ')}): choose one with --occasion`);
  }
  return occasions[0]!;
}

function planLabel(record: PlanRecord): string {
  return record.document.number ? `Kế hoạch số ${record.document.number}` : (record.document.title ?? 'untitled plan');
}

export function awardsFor(record: PlanRecord, occasion: Occasion): { award: Award; index: number }[] {
  return record.awards.map((award, index) => ({ award, index })).filter((a) => a.award.occasion === occasion);
}

function appliesTo(recipient: Award['recipient'], kind: NomineeKind): boolean {
  return recipient === 'either' || recipient === kind;
}

// Words that carry no meaning for matching a category ("các xã" = "xã").
const FILLER = new Set(['cac', 'nhung', 'moi', 'cua', 'doi', 'voi', 'tai']);
const phraseKey = (text: string) =>
  matchKey(text)
    .split(' ')
    .filter((w) => !FILLER.has(w))
    .join(' ');

/** Token-wise containment of folded phrases ("xã, thị trấn" in "các xã, thị trấn"; "các ban, ngành" in "cơ quan, ban ngành"). */
export function phraseMatches(a: string, b: string): boolean {
  const x = ` ${phraseKey(a)} `;
  const y = ` ${phraseKey(b)} `;
  if (x.trim() === '' || y.trim() === '') return false;
  return x.includes(y) || y.includes(x);
}

/** The breakdown item a nominee's category names, by best token overlap among matching items. */
export function matchCategory(category: string, items: BreakdownItem[]): BreakdownItem | null {
  let best: BreakdownItem | null = null;
  let bestScore = 0;
  for (const item of items) {
    if (!item.category || !phraseMatches(category, item.category)) continue;
    const a = new Set(matchKey(category).split(' '));
    const b = matchKey(item.category).split(' ');
    const score = b.filter((t) => a.has(t)).length / Math.max(a.size, b.length);
    if (score > bestScore) {
      best = item;
      bestScore = score;
    }
  }
  return best;
}

interface Limit {
  quantity: number | null;
  limit: Award['limit'];
}

/** error when the count breaks the quota, warning when an exact quota is not filled. */
function compareCount(count: number, quota: Limit): { severity: Severity; words: string; vi: string } | null {
  if (quota.quantity === null || quota.limit === 'unspecified') return null;
  const q = countText(quota.quantity);
  const n = quota.quantity;
  if (quota.limit === 'max' && count > n) return { severity: 'error', words: `at most ${q} allowed`, vi: `vượt số lượng tối đa ${q}` };
  if (quota.limit === 'min' && count < n) return { severity: 'error', words: `at least ${q} required`, vi: `chưa đủ số lượng tối thiểu ${q}` };
  if (quota.limit === 'exact' && count > n) return { severity: 'error', words: `the plan awards ${q}`, vi: `vượt số lượng ${q} của Kế hoạch` };
  if (quota.limit === 'exact' && count < n) return { severity: 'warning', words: `the plan awards ${q}; fewer are proposed`, vi: `ít hơn số lượng ${q} của Kế hoạch` };
  return null;
}

function groupByUnit(nominees: Nominee[]): Map<string, Nominee[]> {
  const groups = new Map<string, Nominee[]>();
  for (const n of nominees) {
    const key = matchKey(n.unit);
    if (key === '') continue;
    groups.set(key, [...(groups.get(key) ?? []), n]);
  }
  return groups;
}

function names(nominees: Nominee[]): string {
  const list = nominees.slice(0, 5).map((n) => n.name);
  return list.join('; ') + (nominees.length > 5 ? `; … (${nominees.length} in all)` : '');
}

function checkQuotas(plan: LoadedPlan, nominees: Nominee[], occasion: Occasion, body: SubmittingBody | null): Problem[] {
  const { record } = plan;
  const problems: Problem[] = [];
  const awards = awardsFor(record, occasion);
  for (const kind of ['collective', 'individual'] as const) {
    const ofKind = nominees.filter((n) => n.recipient === kind);
    if (ofKind.length && !awards.some((a) => appliesTo(a.award.recipient, kind))) {
      problems.push({
        severity: 'error',
        rule: 'no-award',
        nominee: ofKind.length === 1 ? ofKind[0]!.name : null,
        message: `no-award: ${countText(ofKind.length)} ${kindWords(kind)} proposed (${names(ofKind)}), but the plan names no award for ${kindWords(kind)} at the occasion ${OCCASION_WORDS[occasion]}; its awards are: ${awards.map((a) => quotePlan(plan, [`/awards/${a.index}`], awardWords(record, a.award))).join('; ')}`,
        messageVi: `Kế hoạch không có hình thức khen thưởng cho ${kindWords(kind)} (${OCCASION_WORDS[occasion].replace(/ \(.*\)$/, '')}) nhưng danh sách đề nghị ${countText(ofKind.length)} ${kindWords(kind)} (${names(ofKind)}); Kế hoạch chỉ có: ${awards.map((a) => quotePlan(plan, [`/awards/${a.index}`], awardWords(record, a.award), 'vi')).join('; ')}`,
      });
    }
  }
  for (const { award, index } of awards) {
    const pool = nominees.filter((n) => appliesTo(award.recipient, n.recipient));
    if (pool.length === 0) continue;
    const what = `${kindWords(award.recipient)} for ${awardName(record, award)}`;
    const whatVi = `${kindWords(award.recipient)} nhận ${awardName(record, award)}`;
    const quote = (lang: 'en' | 'vi' = 'en') =>
      quotePlan(plan, [`/awards/${index}/quantity`, `/awards/${index}/ratio`, `/awards/${index}`], awardWords(record, award), lang);
    // Ratio quota: a share of a population the plan does not count; the body's JSON gives it.
    if (award.ratio !== null) {
      const kind = award.recipient === 'either' ? null : award.recipient;
      const total = kind ? body?.totals?.[kind] : undefined;
      if (total === undefined) {
        problems.push({
          severity: 'warning',
          rule: 'quota-ratio',
          nominee: null,
          message: `quota-ratio: the plan caps ${what} at ${award.ratio}% — ${quote()} — but the number of ${kindWords(award.recipient)} it is counted on is unknown (give "totals" in the submitting body's JSON); not verified`,
          messageVi: `Chưa kiểm tra được tỷ lệ ${award.ratio}% ${whatVi}: chưa có tổng số ${kindWords(award.recipient)} để tính — Kế hoạch: ${quote('vi')}`,
        });
      } else {
        const allowed = Math.floor((total * award.ratio) / 100);
        if (pool.length > allowed) {
          problems.push({
            severity: 'error',
            rule: 'quota-ratio',
            nominee: null,
            message: `quota-ratio: ${countText(pool.length)} ${what} proposed, more than ${award.ratio}% of ${total} (${countText(allowed)}) — the plan says ${quote()}`,
            messageVi: `Đề nghị ${countText(pool.length)} ${whatVi}, vượt ${award.ratio}% của ${total} (${countText(allowed)}) — Kế hoạch: ${quote('vi')}`,
          });
        }
      }
    }
    // Count quota, for the whole plan or per unit ("mỗi xã, phường").
    if (award.quantity !== null) {
      if (award.per) {
        const missingUnit = pool.filter((n) => matchKey(n.unit) === '');
        for (const n of missingUnit) {
          problems.push({
            severity: 'warning',
            rule: 'quota-per-unit',
            nominee: n.name,
            message: `quota-per-unit: ${n.name} (${n.where}) has no unit, so the quota ${planText(record, award.per)} cannot be checked — the plan says ${quote()}`,
            messageVi: `${n.name} (${whereVi(n.where)}) chưa ghi đơn vị nên chưa kiểm tra được số lượng ${planText(record, award.per)} — Kế hoạch: ${quote('vi')}`,
          });
        }
        for (const group of groupByUnit(pool).values()) {
          const verdict = compareCount(group.length, award);
          if (verdict?.severity === 'error') {
            problems.push({
              severity: 'error',
              rule: 'quota-per-unit',
              nominee: null,
              message: `quota-per-unit: ${countText(group.length)} ${what} proposed from the unit "${group[0]!.unit}" (${names(group)}): ${verdict.words} ${planText(record, award.per)} — the plan says ${quote()}`,
              messageVi: `Đơn vị "${group[0]!.unit}" có ${countText(group.length)} ${whatVi} (${names(group)}): ${verdict.vi} ${planText(record, award.per)} — Kế hoạch: ${quote('vi')}`,
            });
          }
        }
      } else {
        const verdict = compareCount(pool.length, award);
        if (verdict) {
          problems.push({
            severity: verdict.severity,
            rule: 'quota',
            nominee: null,
            message: `quota: ${countText(pool.length)} ${what} proposed: ${verdict.words} — the plan says ${quote()}`,
            messageVi: `Đề nghị ${countText(pool.length)} ${whatVi}: ${verdict.vi} — Kế hoạch: ${quote('vi')}`,
          });
        }
      }
    }
    if (award.breakdown.length) problems.push(...checkBreakdown(plan, award, index, pool));
  }
  return problems;
}

function checkBreakdown(plan: LoadedPlan, award: Award, index: number, pool: Nominee[]): Problem[] {
  const { record } = plan;
  const problems: Problem[] = [];
  const categories = award.breakdown.map((item) => `“${planText(record, item.category) || kindWords(item.recipient)}”`).join('; ');
  const counted = new Map<BreakdownItem, Nominee[]>();
  for (const n of pool) {
    const items = award.breakdown.filter((item) => appliesTo(item.recipient, n.recipient));
    if (items.length === 0) continue;
    if (n.category === '') {
      problems.push({
        severity: 'warning',
        rule: 'category',
        nominee: n.name,
        message: `category: ${n.name} (${n.where}) names no category (Nhóm), so the plan's breakdown of ${awardName(record, award)} cannot be checked for it; the plan's categories are: ${categories}`,
        messageVi: `${n.name} (${whereVi(n.where)}) chưa ghi nhóm nên chưa kiểm tra được cơ cấu ${awardName(record, award)}; các nhóm của Kế hoạch: ${categories}`,
      });
      continue;
    }
    const item = matchCategory(n.category, items);
    if (!item) {
      problems.push({
        severity: 'error',
        rule: 'category',
        nominee: n.name,
        message: `category: ${n.name} (${n.where}) counts under "${n.category}", which is none of the plan's categories for ${awardName(record, award)}: ${categories}`,
        messageVi: `${n.name} (${whereVi(n.where)}) thuộc nhóm "${n.category}", không phải nhóm nào của Kế hoạch cho ${awardName(record, award)}: ${categories}`,
      });
      continue;
    }
    counted.set(item, [...(counted.get(item) ?? []), n]);
  }
  award.breakdown.forEach((item, i) => {
    const members = counted.get(item) ?? [];
    const pointers = [`/awards/${index}/breakdown/${i}/quantity`, `/awards/${index}/breakdown/${i}`];
    const quote = quotePlan(plan, pointers, breakdownWords(record, award, item));
    const quoteVi = quotePlan(plan, pointers, breakdownWords(record, award, item), 'vi');
    const groups = item.per ? [...groupByUnit(members).values()] : [members];
    for (const group of groups) {
      const verdict = compareCount(group.length, item);
      if (!verdict || (verdict.severity === 'warning' && pool.some((n) => n.category === ''))) continue;
      problems.push({
        severity: verdict.severity,
        rule: 'quota-breakdown',
        nominee: null,
        message: `quota-breakdown: ${countText(group.length)} proposed under the category “${planText(record, item.category)}”${group.length ? ` (${names(group)})` : ''}: ${verdict.words} — the plan says ${quote}`,
        messageVi: `Nhóm “${planText(record, item.category)}” có ${countText(group.length)} đề nghị${group.length ? ` (${names(group)})` : ''}: ${verdict.vi} — Kế hoạch: ${quoteVi}`,
      });
    }
  });
  return problems;
}

/** "(áp dụng đối với các xã, thị trấn)" in a criterion: the nominees it is limited to. */
export function criterionScope(text: string): string | null {
  const m = /áp dụng (?:đối )?với ([^)]+)\)/iu.exec(text);
  return m ? m[1]!.trim() : null;
}

function conferrerMatches(a: string | null, b: string | null): boolean {
  if (!a || !b) return true;
  const x = matchKey(a);
  const y = matchKey(b);
  return x === y || x.startsWith(y) || y.startsWith(x);
}

/** The criteria a nominee must meet: its kind, an award of the occasion, its category's scope. */
export function criteriaFor(record: PlanRecord, occasion: Occasion, nominee: Nominee): { criterion: Criterion; index: number }[] {
  const conferrers = awardsFor(record, occasion)
    .filter((a) => appliesTo(a.award.recipient, nominee.recipient))
    .map((a) => a.award.conferrer);
  return record.criteria
    .map((criterion, index) => ({ criterion, index }))
    .filter(({ criterion }) => {
      if (criterion.recipient !== nominee.recipient) return false;
      if (conferrers.length && !conferrers.some((c) => conferrerMatches(criterion.conferrer, c))) return false;
      const scope = criterionScope(criterion.text);
      if (scope && nominee.category && !phraseMatches(scope, nominee.category)) return false;
      return true;
    });
}

const METRIC_WORDS: Record<Threshold['metric'], string> = {
  task_completion: 'task completion (tỷ lệ hoàn thành nhiệm vụ)',
  satisfaction: 'satisfaction (tỷ lệ hài lòng)',
  index_rating: 'index rating (xếp loại chỉ số)',
  index_growth: 'index growth over the previous year (chỉ số tăng so với năm trước)',
  satisfaction_growth: 'satisfaction growth over the previous year (tỷ lệ hài lòng tăng so với năm trước)',
  other: 'another measure named by the plan',
};

const METRIC_WORDS_VI: Record<Threshold['metric'], string> = {
  task_completion: 'tỷ lệ hoàn thành nhiệm vụ',
  satisfaction: 'tỷ lệ hài lòng',
  index_rating: 'xếp loại chỉ số',
  index_growth: 'chỉ số so với năm trước',
  satisfaction_growth: 'tỷ lệ hài lòng so với năm trước',
  other: 'chỉ tiêu khác của kế hoạch',
};

export type Verdict = { state: 'met' | 'failed' | 'undeclared' | 'unknown'; declared: string };

function compare(op: Threshold['op'], a: number, b: number): boolean {
  switch (op) {
    case '>=':
      return a >= b;
    case '>':
      return a > b;
    case '<=':
      return a <= b;
    case '<':
      return a < b;
    default:
      return a === b;
  }
}

/** Judges one threshold against a nominee's declared figure. */
export function judge(threshold: Threshold, nominee: Nominee): Verdict {
  switch (threshold.metric) {
    case 'task_completion':
    case 'satisfaction': {
      const value = threshold.metric === 'task_completion' ? nominee.taskCompletion : nominee.satisfaction;
      if (value === null) return { state: 'undeclared', declared: '' };
      const bound = typeof threshold.value === 'number' ? threshold.value : Number(threshold.value);
      if (!Number.isFinite(bound)) return { state: 'unknown', declared: `${value}%` };
      return { state: compare(threshold.op, value, bound) ? 'met' : 'failed', declared: `${String(value).replace('.', ',')}%` };
    }
    case 'index_rating': {
      if (nominee.indexRating === null) return { state: 'undeclared', declared: '' };
      let bound: string | null = null;
      try {
        bound = parseRating(String(threshold.value));
      } catch {
        bound = null;
      }
      if (!bound) return { state: 'unknown', declared: nominee.indexRating };
      const rank = (r: string) => INDEX_RATINGS.indexOf(r as (typeof INDEX_RATINGS)[number]);
      return { state: compare(threshold.op, rank(nominee.indexRating), rank(bound)) ? 'met' : 'failed', declared: nominee.indexRating };
    }
    case 'index_growth':
    case 'satisfaction_growth': {
      const value = threshold.metric === 'index_growth' ? nominee.indexGrowth : nominee.satisfactionGrowth;
      if (value === null) return { state: 'undeclared', declared: '' };
      return { state: value ? 'met' : 'failed', declared: value ? 'tăng' : 'không tăng' };
    }
    case 'other':
      // A measure the nominee list has no column for: the officer checks it by hand.
      return { state: 'unknown', declared: '' };
  }
}

/** "≥ 100%", "> 90%", "≥ khá", "higher than the previous year" (vi: "cao hơn năm trước") */
export function thresholdWords(t: Threshold, lang: 'en' | 'vi' = 'en'): string {
  if (t.value === 'previous_year') return lang === 'vi' ? 'cao hơn năm trước' : 'higher than the previous year';
  const op = { '>=': '≥', '>': '>', '<=': '≤', '<': '<', '=': '=' }[t.op];
  return `${op} ${t.value}${t.unit === '%' ? '%' : ''}`;
}

function checkCriteria(plan: LoadedPlan, nominees: Nominee[], occasion: Occasion): Problem[] {
  const problems: Problem[] = [];
  for (const nominee of nominees) {
    const seen = new Set<string>();
    for (const { criterion, index } of criteriaFor(plan.record, occasion, nominee)) {
      criterion.thresholds.forEach((threshold, t) => {
        const verdict = judge(threshold, nominee);
        if (verdict.state === 'met' || verdict.state === 'unknown') return;
        const severity: Severity = verdict.state === 'failed' ? 'error' : 'warning';
        const key = `${threshold.metric}|${severity}`;
        if (severity === 'warning' && seen.has(key)) return;
        seen.add(key);
        const pointers = [`/criteria/${index}/thresholds/${t}`, `/criteria/${index}/text`, `/criteria/${index}`];
        const quote = quotePlan(plan, pointers, planText(plan.record, criterion.text));
        const quoteVi = quotePlan(plan, pointers, planText(plan.record, criterion.text), 'vi');
        const found =
          verdict.state === 'failed'
            ? `declared ${verdict.declared}, the plan requires ${thresholdWords(threshold)}`
            : `not declared, so the requirement (${thresholdWords(threshold)}) is unverified`;
        const foundVi =
          verdict.state === 'failed'
            ? `kê khai ${verdict.declared}, Kế hoạch yêu cầu ${thresholdWords(threshold, 'vi')}`
            : `chưa kê khai, chưa xác định được yêu cầu ${thresholdWords(threshold, 'vi')}`;
        problems.push({
          severity,
          rule: `criterion:${threshold.metric}`,
          nominee: nominee.name,
          message: `criterion ${threshold.metric}: ${nominee.name} (${nominee.where}): ${METRIC_WORDS[threshold.metric]} ${found} — the plan says ${quote}`,
          messageVi: `${nominee.name} (${whereVi(nominee.where)}): ${METRIC_WORDS_VI[threshold.metric]} ${foundVi} — Kế hoạch: ${quoteVi}`,
        });
      });
    }
  }
  return problems;
}

function checkDuplicates(nominees: Nominee[]): Problem[] {
  const seen = new Map<string, Nominee>();
  const problems: Problem[] = [];
  for (const n of nominees) {
    const key = `${n.recipient}|${matchKey(n.name)}|${matchKey(n.unit)}`;
    const first = seen.get(key);
    if (first) {
      problems.push({
        severity: 'error',
        rule: 'duplicate',
        nominee: n.name,
        message: `duplicate: ${n.name} (${n.where}) is listed twice (also ${first.where})`,
        messageVi: `${n.name} (${whereVi(n.where)}) trùng với ${whereVi(first.where)}`,
      });
    } else seen.set(key, n);
  }
  return problems;
}

function checkDates(plan: LoadedPlan, date: CalendarDate): Problem[] {
  const { record } = plan;
  const problems: Problem[] = [];
  const deadline = record.dossier?.deadline ? parseIsoDate(record.dossier.deadline) : null;
  if (deadline && compareDates(date, deadline) > 0) {
    const words = planText(record, record.dossier?.deadlineText) || `trước ngày ${record.dossier?.deadline}`;
    problems.push({
      severity: 'error',
      rule: 'deadline',
      nominee: null,
      message: `deadline: the Tờ trình is dated ${isoDate(date)}, after the dossier deadline ${isoDate(deadline)} — the plan says ${quotePlan(plan, ['/dossier/deadlineText', '/dossier/deadline'], words)}`,
      messageVi: `Tờ trình ngày ${shortDate(date)} quá thời hạn nộp hồ sơ ${shortDate(deadline)} — Kế hoạch: ${quotePlan(plan, ['/dossier/deadlineText', '/dossier/deadline'], words, 'vi')}`,
    });
  }
  const issued = record.document.date ? parseIsoDate(record.document.date) : null;
  if (issued && compareDates(date, issued) < 0) {
    problems.push({
      severity: 'warning',
      rule: 'plan-date',
      nominee: null,
      message: `plan-date: the Tờ trình is dated ${isoDate(date)}, before the plan itself was issued (${isoDate(issued)})`,
      messageVi: `Tờ trình ngày ${shortDate(date)} sớm hơn ngày ban hành Kế hoạch (${shortDate(issued)})`,
    });
  }
  return problems;
}

export interface CheckInput {
  plan: LoadedPlan;
  nominees: Nominee[];
  occasion: Occasion;
  date: CalendarDate;
  body: SubmittingBody | null;
}

/** All problems, errors first, in a stable order. */
export function checkDossier(input: CheckInput): Problem[] {
  const problems = [
    ...checkDuplicates(input.nominees),
    ...checkQuotas(input.plan, input.nominees, input.occasion, input.body),
    ...checkCriteria(input.plan, input.nominees, input.occasion),
    ...checkDates(input.plan, input.date),
  ];
  return [...problems.filter((p) => p.severity === 'error'), ...problems.filter((p) => p.severity === 'warning')];
}
