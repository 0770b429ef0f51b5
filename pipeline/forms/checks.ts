// Checks a nominee list against the plan before any form is written: the number of nominees
// against the plan's quotas for the occasion (exact / max / min, per-category breakdowns,
// per-unit and ratio quotas), each nominee's declared figures against the plan's criteria
// thresholds, and the Tờ trình's date against the dossier deadline. Every problem names the
// nominee (when there is one), the rule, and quotes the plan's words.
import type { Award, BreakdownItem, Criterion, Occasion, PlanRecord, Threshold } from '../record/schema.js';
import { InputError, UsageError } from '../errors.js';
import { currentLang, t, type Lang } from '../messages/index.js';
import { checkAuthority } from './authority.js';
import { compareDates, countText, parseIsoDate, shortDate, type CalendarDate } from './dates.js';
import { INDEX_RATINGS, matchKey, parseRating, whereText, type Nominee, type NomineeKind } from './nominees.js';
import type { SubmittingBody } from './body.js';
import type { LoadedPlan } from './plan.js';
import { awardName, awardWords, breakdownWords, planText, quotePlan } from './plan-words.js';

export type Severity = 'error' | 'warning';

/** A nominee a problem concerns, with the figure it declared (for grouped lines). */
export interface Concerned {
  name: string;
  where: Nominee['where'];
  declared?: string;
}

export interface Problem {
  severity: Severity;
  /** quota | quota-breakdown | quota-per-unit | quota-ratio | category | no-award | duplicate | criterion:<metric> | deadline | plan-date | addressee | submitting-body */
  rule: string;
  /** The nominee concerned, or null for a problem of the whole list. */
  nominee: string | null;
  /** One line in the given language (default: the current one): who, which rule, what was found, the plan's words. */
  text(lang?: Lang): string;
  /**
   * Problems of the same group (same criterion and threshold, same finding) are printed as one
   * line naming every nominee concerned and quoting the plan once (`groupedLines`).
   */
  group?: { key: string; who: Concerned; line(lang: Lang, members: string, count: number): string };
}

/** "Nguyễn Văn A (dòng 3)" or, with a declared figure, "Nguyễn Văn A (dòng 3): 85%". */
function memberText(c: Concerned, lang: Lang): string {
  return `${c.name} (${whereText(c.where, lang)})${c.declared ? `: ${c.declared}` : ''}`;
}

const MAX_MEMBERS = 8;

/**
 * The problems as lines to print: each group once, with the nominees it concerns (the first
 * eight, then how many in all), in the order of first appearance; `verbose` lists every problem.
 */
export function groupedLines(problems: Problem[], lang: Lang = currentLang(), verbose = false): { severity: Severity; rule: string; nominee: string | null; line: string }[] {
  const one = (p: Problem) => ({ severity: p.severity, rule: p.rule, nominee: p.nominee, line: p.text(lang) });
  if (verbose) return problems.map(one);
  const groups = new Map<string, Problem[]>();
  const order: (Problem | string)[] = [];
  for (const p of problems) {
    if (!p.group) {
      order.push(p);
      continue;
    }
    const key = `${p.severity}|${p.group.key}`;
    const members = groups.get(key);
    if (members) members.push(p);
    else {
      groups.set(key, [p]);
      order.push(key);
    }
  }
  return order.map((item) => {
    if (typeof item !== 'string') return one(item);
    const members = groups.get(item)!;
    const first = members[0]!;
    if (members.length === 1) return one(first);
    const shown = members.slice(0, MAX_MEMBERS).map((p) => memberText(p.group!.who, lang));
    const more = members.length > MAX_MEMBERS ? `; ${t('forms.more-members', { count: members.length }, lang)}` : '';
    return { severity: first.severity, rule: first.rule, nominee: null, line: first.group!.line(lang, shown.join('; ') + more, members.length) };
  });
}

const OCCASION_CODE: Record<Occasion, string> = {
  annual: 'forms.occasion-annual',
  midterm: 'forms.occasion-midterm',
  final: 'forms.occasion-final',
  campaign: 'forms.occasion-campaign',
};
export const occasionWords = (occasion: Occasion, lang?: Lang) => t(OCCASION_CODE[occasion], {}, lang);

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
      t('forms.plan-no-award', { plan: planLabel(record) }),
    );
  }
  if (requested) {
    if (!occasions.includes(requested)) {
      throw new InputError(
        plan.path,
        'violation',
        t('forms.plan-no-occasion', { occasion: requested, occasions: occasions.join(', ') }),
      );
    }
    return requested;
  }
  if (occasions.length > 1) {
    throw new UsageError(t('forms.plan-several-occasions', { occasions: occasions.join(', ') }));
  }
  return occasions[0]!;
}

function planLabel(record: PlanRecord): string {
  return record.document.number ? `Kế hoạch số ${record.document.number}` : (record.document.title ?? t('forms.plan-untitled'));
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
function compareCount(count: number, quota: Limit): { severity: Severity; verdict: (lang: Lang) => string } | null {
  if (quota.quantity === null || quota.limit === 'unspecified') return null;
  const q = countText(quota.quantity);
  const n = quota.quantity;
  const say = (code: string) => (lang: Lang) => t(code, { q }, lang);
  if (quota.limit === 'max' && count > n) return { severity: 'error', verdict: say('forms.count-over-max') };
  if (quota.limit === 'min' && count < n) return { severity: 'error', verdict: say('forms.count-under-min') };
  if (quota.limit === 'exact' && count > n) return { severity: 'error', verdict: say('forms.count-over-exact') };
  if (quota.limit === 'exact' && count < n) return { severity: 'warning', verdict: say('forms.count-under-exact') };
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

function names(nominees: Nominee[], lang: Lang): string {
  const list = nominees.slice(0, 5).map((n) => n.name);
  return list.join('; ') + (nominees.length > 5 ? `; ${t('forms.more-members', { count: nominees.length }, lang)}` : '');
}

const kindText = (kind: 'collective' | 'individual' | 'either', lang: Lang) => t(`forms.kind-${kind}`, {}, lang);

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
        text: (lang = currentLang()) =>
          t(
            'forms.no-award',
            {
              count: countText(ofKind.length),
              kind: kindText(kind, lang),
              names: names(ofKind, lang),
              occasion: occasionWords(occasion, lang),
              awards: awards.map((a) => quotePlan(plan, [`/awards/${a.index}`], awardWords(record, a.award), lang)).join('; '),
            },
            lang,
          ),
      });
    }
  }
  for (const { award, index } of awards) {
    const pool = nominees.filter((n) => appliesTo(award.recipient, n.recipient));
    if (pool.length === 0) continue;
    const base = (lang: Lang) => ({ kind: kindText(award.recipient, lang), award: awardName(record, award) });
    const quote = (lang: Lang) => quotePlan(plan, [`/awards/${index}/quantity`, `/awards/${index}/ratio`, `/awards/${index}`], awardWords(record, award), lang);
    // Ratio quota: a share of a population the plan does not count; the body's JSON gives it.
    if (award.ratio !== null) {
      const kind = award.recipient === 'either' ? null : award.recipient;
      const total = kind ? body?.totals?.[kind] : undefined;
      if (total === undefined) {
        problems.push({
          severity: 'warning',
          rule: 'quota-ratio',
          nominee: null,
          text: (lang = currentLang()) => t('forms.quota-ratio-unknown', { ...base(lang), ratio: award.ratio, quote: quote(lang) }, lang),
        });
      } else {
        const allowed = Math.floor((total * award.ratio) / 100);
        if (pool.length > allowed) {
          problems.push({
            severity: 'error',
            rule: 'quota-ratio',
            nominee: null,
            text: (lang = currentLang()) =>
              t('forms.quota-ratio', { ...base(lang), count: countText(pool.length), ratio: award.ratio, total, allowed: countText(allowed), quote: quote(lang) }, lang),
          });
        }
      }
    }
    // Count quota, for the whole plan or per unit ("mỗi xã, phường").
    if (award.quantity !== null) {
      if (award.per) {
        const per = planText(record, award.per);
        for (const n of pool.filter((x) => matchKey(x.unit) === '')) {
          const line = (lang: Lang, members: string) => t('forms.quota-per-unit-no-unit', { members, per, quote: quote(lang) }, lang);
          problems.push({
            severity: 'warning',
            rule: 'quota-per-unit',
            nominee: n.name,
            text: (lang = currentLang()) => line(lang, memberText(n, lang)),
            group: { key: `no-unit|${index}`, who: n, line: (lang, members) => line(lang, members) },
          });
        }
        for (const group of groupByUnit(pool).values()) {
          const verdict = compareCount(group.length, award);
          if (verdict?.severity === 'error') {
            problems.push({
              severity: 'error',
              rule: 'quota-per-unit',
              nominee: null,
              text: (lang = currentLang()) =>
                t('forms.quota-per-unit', { ...base(lang), count: countText(group.length), unit: group[0]!.unit, names: names(group, lang), verdict: verdict.verdict(lang), per, quote: quote(lang) }, lang),
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
            text: (lang = currentLang()) => t('forms.quota', { ...base(lang), count: countText(pool.length), verdict: verdict.verdict(lang), quote: quote(lang) }, lang),
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
  const categories = (lang: Lang) => award.breakdown.map((item) => `“${planText(record, item.category) || kindText(item.recipient, lang)}”`).join('; ');
  const name = awardName(record, award);
  const counted = new Map<BreakdownItem, Nominee[]>();
  for (const n of pool) {
    const items = award.breakdown.filter((item) => appliesTo(item.recipient, n.recipient));
    if (items.length === 0) continue;
    if (n.category === '') {
      const line = (lang: Lang, members: string) => t('forms.category-missing', { members, award: name, categories: categories(lang) }, lang);
      problems.push({
        severity: 'warning',
        rule: 'category',
        nominee: n.name,
        text: (lang = currentLang()) => line(lang, memberText(n, lang)),
        group: { key: `category-missing|${index}`, who: n, line },
      });
      continue;
    }
    const item = matchCategory(n.category, items);
    if (!item) {
      problems.push({
        severity: 'error',
        rule: 'category',
        nominee: n.name,
        text: (lang = currentLang()) => t('forms.category-unknown', { member: memberText(n, lang), category: n.category, award: name, categories: categories(lang) }, lang),
        group: {
          key: `category-unknown|${index}|${matchKey(n.category)}`,
          who: n,
          line: (lang, members, count) =>
            t('forms.category-unknown-group', { count: countText(count), category: n.category, members, award: name, categories: categories(lang) }, lang),
        },
      });
      continue;
    }
    counted.set(item, [...(counted.get(item) ?? []), n]);
  }
  award.breakdown.forEach((item, i) => {
    const members = counted.get(item) ?? [];
    const pointers = [`/awards/${index}/breakdown/${i}/quantity`, `/awards/${index}/breakdown/${i}`];
    const quote = (lang: Lang) => quotePlan(plan, pointers, breakdownWords(record, award, item), lang);
    const groups = item.per ? [...groupByUnit(members).values()] : [members];
    for (const group of groups) {
      const verdict = compareCount(group.length, item);
      if (!verdict || (verdict.severity === 'warning' && pool.some((n) => n.category === ''))) continue;
      problems.push({
        severity: verdict.severity,
        rule: 'quota-breakdown',
        nominee: null,
        text: (lang = currentLang()) =>
          t(
            'forms.quota-breakdown',
            { count: countText(group.length), category: planText(record, item.category), names: group.length ? ` (${names(group, lang)})` : '', verdict: verdict.verdict(lang), quote: quote(lang) },
            lang,
          ),
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

const metricWords = (metric: Threshold['metric'], lang: Lang) => t(`forms.metric-${metric}`, {}, lang);

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

/** "≥ 100%", "> 90%", "≥ khá", "cao hơn năm trước" / "higher than the previous year" */
export function thresholdWords(threshold: Threshold, lang: Lang = currentLang()): string {
  if (threshold.value === 'previous_year') return t('forms.previous-year', {}, lang);
  const op = { '>=': '≥', '>': '>', '<=': '≤', '<': '<', '=': '=' }[threshold.op];
  return `${op} ${threshold.value}${threshold.unit === '%' ? '%' : ''}`;
}

function checkCriteria(plan: LoadedPlan, nominees: Nominee[], occasion: Occasion): Problem[] {
  const problems: Problem[] = [];
  for (const nominee of nominees) {
    const seen = new Set<string>();
    for (const { criterion, index } of criteriaFor(plan.record, occasion, nominee)) {
      criterion.thresholds.forEach((threshold, ti) => {
        const verdict = judge(threshold, nominee);
        if (verdict.state === 'met' || verdict.state === 'unknown') return;
        const severity: Severity = verdict.state === 'failed' ? 'error' : 'warning';
        const key = `${threshold.metric}|${severity}`;
        if (severity === 'warning' && seen.has(key)) return;
        seen.add(key);
        const pointers = [`/criteria/${index}/thresholds/${ti}`, `/criteria/${index}/text`, `/criteria/${index}`];
        // Quote the sentence of the criterion that states this threshold.
        const hints = threshold.value === 'previous_year' ? ['năm trước', 'cao hơn'] : [`${threshold.value}%`, String(threshold.value)];
        const quote = (lang: Lang) => quotePlan(plan, pointers, planText(plan.record, criterion.text), lang, hints);
        const failed = verdict.state === 'failed';
        const who: Concerned = { name: nominee.name, where: nominee.where, declared: failed ? verdict.declared : undefined };
        const params = (lang: Lang) => ({ metric: metricWords(threshold.metric, lang), threshold: thresholdWords(threshold, lang), quote: quote(lang), kind: kindText(nominee.recipient, lang) });
        problems.push({
          severity,
          rule: `criterion:${threshold.metric}`,
          nominee: nominee.name,
          text: (lang = currentLang()) =>
            t(failed ? 'forms.criterion-failed' : 'forms.criterion-undeclared', { ...params(lang), member: memberText({ ...who, declared: undefined }, lang), declared: verdict.declared }, lang),
          group: {
            key: `criterion|${index}|${ti}|${verdict.state}`,
            who,
            line: (lang, members, count) => t(failed ? 'forms.criterion-failed-group' : 'forms.criterion-undeclared-group', { ...params(lang), members, count: countText(count) }, lang),
          },
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
        text: (lang = currentLang()) => t('forms.duplicate', { member: memberText(n, lang), first: whereText(first.where, lang) }, lang),
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
      text: (lang = currentLang()) =>
        t('forms.deadline', { date: shortDate(date), deadline: shortDate(deadline), quote: quotePlan(plan, ['/dossier/deadlineText', '/dossier/deadline'], words, lang) }, lang),
    });
  }
  const issued = record.document.date ? parseIsoDate(record.document.date) : null;
  if (issued && compareDates(date, issued) < 0) {
    problems.push({
      severity: 'warning',
      rule: 'plan-date',
      nominee: null,
      text: (lang = currentLang()) => t('forms.plan-date', { date: shortDate(date), issued: shortDate(issued) }, lang),
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
    ...(input.body ? checkAuthority(input.plan, input.occasion, input.body, input.nominees) : []),
  ];
  return [...problems.filter((p) => p.severity === 'error'), ...problems.filter((p) => p.severity === 'warning')];
}
