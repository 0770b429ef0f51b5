// Phrases built from a plan record for messages and forms: the plan's citation, the award's
// name, and the plan's own words for an award, a quota or a criterion (from the evidence span
// when the plan was extracted here, else rebuilt from the record's values — which are the
// document's words).
import type { Award, BreakdownItem, PlanRecord } from '../record/schema.js';
import { restorePhrase } from '../diacritics/index.js';
import { countText, parseIsoDate, shortDate } from './dates.js';
import type { LoadedPlan } from './plan.js';
import { currentLang, t, type Lang } from '../messages/index.js';
import { fold } from '../text/fold.js';

/**
 * A plan text value as it should print: names, titles and bodies of a plan whose diacritics
 * were stripped and not restored (`source.diacritics: "stripped"`, e.g. `extract --no-restore`)
 * get their marks back phrase by phrase; a phrase that has marks is kept as it is.
 */
export function planText(record: PlanRecord, value: string | null | undefined): string {
  if (!value) return '';
  const text = value.normalize('NFC');
  return record.source.diacritics === 'stripped' ? restorePhrase(text).normalize('NFC') : text;
}

/** First letter lower-cased unless the first word is an acronym ("Phát động …" → "phát động …"). */
export function lowerFirst(text: string): string {
  const first = text.split(/\s/, 1)[0] ?? '';
  if (first.length > 1 && first === first.toLocaleUpperCase('vi')) return text;
  return text.charAt(0).toLocaleLowerCase('vi') + text.slice(1);
}

/** "Kế hoạch số 44/KH-UBND" (or "Kế hoạch" alone when it has no number). */
export function planReference(record: PlanRecord): string {
  const type = planText(record, record.document.type) || 'Kế hoạch';
  return record.document.number ? `${type} số ${record.document.number}` : type;
}

/**
 * The first, full citation (Nghị định 30 §II.6.a): type, number, date, issuer and subject:
 * "Kế hoạch số 44/KH-UBND ngày 07/3/2023 của Ủy ban nhân dân huyện Châu Thành về phát động …".
 */
export function planCitation(record: PlanRecord): string {
  const parts = [planReference(record)];
  const date = record.document.date ? parseIsoDate(record.document.date) : null;
  if (date) parts.push(`ngày ${shortDate(date)}`);
  const issuer = planText(record, record.document.issuer.name);
  if (issuer) parts.push(`của ${issuer}`);
  const title = planText(record, record.document.title);
  if (title) parts.push(`về ${lowerFirst(title)}`);
  return parts.join(' ');
}

/**
 * The campaign the awards are for: "phong trào thi đua cải cách hành chính năm 2023" from a
 * title "Phát động phong trào thi đua …"; else "thực hiện Kế hoạch số …".
 */
export function campaignPhrase(record: PlanRecord): string {
  const title = planText(record, record.document.title);
  const m = /phong trào thi đua.*/iu.exec(title);
  if (m) return lowerFirst(m[0]);
  if (title) return `thực hiện ${planReference(record)} về ${lowerFirst(title)}`;
  return `thực hiện ${planReference(record)}`;
}

/**
 * The conferrer in full: the plan often says "Chủ tịch Ủy ban nhân dân huyện" where its issuer
 * is "Ủy ban nhân dân huyện Châu Thành"; the place name is then added.
 */
export function fullConferrer(record: PlanRecord, conferrer: string | null): string {
  const text = planText(record, conferrer);
  const issuer = planText(record, record.document.issuer.name);
  if (!text || !issuer) return text;
  const roleAt = text.indexOf(' ');
  for (let i = roleAt; i !== -1 && i < text.length; i = text.indexOf(' ', i + 1)) {
    const tail = text.slice(i + 1);
    if (tail && issuer.startsWith(tail) && issuer.length > tail.length && issuer[tail.length] === ' ') return `${text.slice(0, i + 1)}${issuer}`;
  }
  return text;
}

const AWARD_UNNAMED = 'hình thức khen thưởng';

/** "Giấy khen của Chủ tịch Ủy ban nhân dân huyện Châu Thành" */
export function awardName(record: PlanRecord, award: Pick<Award, 'title' | 'conferrer'>): string {
  // A plan that names no award form: say so generically rather than guess "Giấy khen".
  const title = planText(record, award.title) || AWARD_UNNAMED;
  const conferrer = fullConferrer(record, award.conferrer);
  return conferrer ? `${title} của ${conferrer}` : title;
}

const KIND_WORDS = { collective: 'tập thể', individual: 'cá nhân', either: 'tập thể hoặc cá nhân' } as const;
export function kindWords(kind: keyof typeof KIND_WORDS): string {
  return KIND_WORDS[kind];
}

function quotaWords(quantity: number | null, limit: Award['limit']): string {
  if (quantity === null) return '';
  const n = countText(quantity);
  return limit === 'max' ? `tối đa ${n}` : limit === 'min' ? `ít nhất ${n}` : `${n}`;
}

/** The plan's words for an award's quota, rebuilt from the record. */
export function awardWords(record: PlanRecord, award: Award): string {
  const name = awardName(record, { title: award.title, conferrer: award.conferrer });
  const counted = quotaWords(award.quantity, award.limit);
  // "Tặng 06 Giấy khen …" is how plans word an exact quota.
  const quota = award.ratio !== null ? `không quá ${award.ratio}% ${kindWords(award.recipient)}` : award.limit === 'exact' && counted ? `tặng ${counted}` : counted;
  const per = award.per ? ` ${planText(record, award.per)}` : '';
  const whom = award.ratio !== null ? '' : ` cho ${kindWords(award.recipient)}`;
  return `${quota ? `${quota} ` : ''}${name}${whom}${per}`.trim();
}

export function breakdownWords(record: PlanRecord, award: Award, item: BreakdownItem): string {
  const quota = quotaWords(item.quantity, item.limit);
  const per = item.per ? ` ${planText(record, item.per)}` : '';
  return `${quota ? `${quota} ` : ''}${planText(record, award.title) || AWARD_UNNAMED} cho ${planText(record, item.category) || kindWords(item.recipient)}${per}`;
}

/** Longest quote printed: a longer sentence is cut at a word with "…". */
export const MAX_QUOTE = 240;

function clip(text: string): string {
  if (text.length <= MAX_QUOTE) return text;
  const cut = text.lastIndexOf(' ', MAX_QUOTE);
  return `${text.slice(0, cut > MAX_QUOTE / 2 ? cut : MAX_QUOTE).replace(/[\s,;:]+$/, '')} …`;
}

/**
 * The words to quote for an evidence span: its whole line when short, else the sentence of the
 * line that holds the span (a long paragraph is quoted by the sentence that matters).
 */
function sentenceAt(text: string, lineNo: number, start: number, hints: string[] = []): string {
  let lineStart = 0;
  for (let i = 1; i < lineNo && lineStart !== -1; i++) {
    const next = text.indexOf('\n', lineStart);
    lineStart = next === -1 ? -1 : next + 1;
  }
  if (lineStart === -1) return '';
  let lineEnd = text.indexOf('\n', lineStart);
  if (lineEnd === -1) lineEnd = text.length;
  const line = text.slice(lineStart, lineEnd);
  if (line.trim().length <= MAX_QUOTE) return line.trim();
  // Sentences end with ". " / "; " before a capital letter or a digit.
  const at = start - lineStart;
  const bounds = [0, ...[...line.matchAll(/[.;]\s+(?=[\p{Lu}\d-])/gu)].map((m) => m.index! + m[0].length), line.length];
  // The sentence that holds the words of the rule ("90%", "năm trước"), when one does.
  const folded = hints.map((h) => fold(h.normalize('NFC')));
  for (let i = 0; folded.length && i < bounds.length - 1; i++) {
    const sentence = fold(line.slice(bounds[i], bounds[i + 1]));
    if (folded.some((h) => sentence.includes(h))) return line.slice(bounds[i], bounds[i + 1]).trim();
  }
  for (let i = 0; i < bounds.length - 1; i++) {
    if (at >= bounds[i]! && at < bounds[i + 1]!) return line.slice(bounds[i], bounds[i + 1]).trim();
  }
  return line.trim();
}

/**
 * The plan's own words at a JSON pointer of the record, when the plan was extracted here and
 * the record has evidence for it (the whole source line, trimmed); else `fallback`. Quoted with
 * the plan's reference and line: “…” (Kế hoạch số 44/KH-UBND, dòng 85).
 */
export function quotePlan(plan: LoadedPlan, pointers: string[], fallback: string, lang: Lang = currentLang(), hints: string[] = []): string {
  if (plan.text) {
    for (const pointer of pointers) {
      const span = plan.record.evidence[pointer];
      if (!span) continue;
      const quoted = sentenceAt(plan.text, span.line, span.start, hints) || plan.text.slice(span.start, span.end).trim();
      if (quoted) return t('forms.quote-line', { quote: clip(quoted), plan: planReference(plan.record), line: span.line }, lang);
    }
  }
  return t('forms.quote', { quote: clip(fallback), plan: planReference(plan.record) }, lang);
}

/**
 * Quotes the first sentence of the plan's text that holds `phrase` (case, diacritics and the
 * abbreviations UBND, HĐND aside), or falls back to `quotePlan` at the pointers.
 */
export function quotePhrase(plan: LoadedPlan, phrase: string, pointers: string[], fallback: string, lang: Lang = currentLang()): string {
  if (plan.text && phrase) {
    const norm = (x: string) =>
      fold(x.normalize('NFC').replace(/\bUBND\b/gu, 'Ủy ban nhân dân').replace(/\bHĐND\b/gu, 'Hội đồng nhân dân'))
        .replace(/[^a-z0-9]+/g, ' ')
        .trim();
    const wanted = norm(phrase);
    let offset = 0;
    const lines = plan.text.split('\n');
    for (let i = 0; i < lines.length; i++) {
      const line = lines[i]!;
      if (norm(line).includes(wanted)) {
        const sentence = sentenceAt(plan.text, i + 1, offset + Math.max(0, line.length - line.trimStart().length));
        return t('forms.quote-line', { quote: clip(sentence), plan: planReference(plan.record), line: i + 1 }, lang);
      }
      offset += line.length + 1;
    }
  }
  return quotePlan(plan, pointers, fallback, lang);
}
