// Comparison of two plan records, aspect by aspect: a pure function of the two records
// (no library, no files), so it can be tested on its own. A is the reference plan (the
// one from above), B the plan checked against it (the one implementing it).
import type { Award, Criterion, Dossier, DossierComponent, Period, PlanRecord, Threshold } from '../record/schema.js';
import { matchReference, refOf } from './reference.js';
import { matchItems, sameFolded } from './text.js';
import { matchKey } from '../text/fold.js';
import { compareThreshold, describeThreshold, strictestFirst } from './thresholds.js';
import { t, type Lang } from '../messages/index.js';
import type {
  AwardRow,
  CitationReport,
  Comparison,
  ContentRow,
  CriteriaRow,
  CriterionTextRow,
  Difference,
  DossierReport,
  DossierRow,
  Identification,
  PeriodReport,
  ThresholdVerdict,
} from './types.js';

export * from './types.js';
export { describeThreshold } from './thresholds.js';

/** Compares plan B against plan A. Identical plans yield no difference. */
export function comparePlans(a: PlanRecord, b: PlanRecord): Comparison {
  const differences: Difference[] = [];
  const citation = compareCitation(a, b, differences);
  const period = comparePeriod(a.period, b.period, differences);
  const contents = compareContents(a.contents, b.contents, differences);
  const awards = compareAwards(a.awards, b.awards, differences);
  const { rows: criteria, texts: criteriaTexts } = compareCriteria(a.criteria, b.criteria, differences);
  const dossier = compareDossier(a.dossier, b.dossier, differences);
  return { a: identify(a), b: identify(b), citation, period, contents, awards, criteria, criteriaTexts, dossier, differences };
}

export function identify(r: PlanRecord): Identification {
  return {
    number: r.document.number,
    date: r.document.date,
    title: r.document.title,
    issuer: r.document.issuer.name,
    kind: r.document.issuer.kind,
    level: r.document.issuer.level,
    path: r.source.path,
  };
}

/** "52/KH-CAH ngày 2022-04-29 của Công an huyện Cù Lao Dung" (parts that are known). */
export function describeReference(x: { number: string | null; date: string | null; issuer: string | null }, lang: Lang = 'en'): string {
  const parts = [x.number ?? t('compare.no-number', {}, lang)];
  if (x.date) parts.push(t('compare.reference.date', { date: x.date }, lang));
  if (x.issuer) parts.push(t('compare.reference.issuer', { issuer: x.issuer }, lang));
  return parts.join(' ');
}

// ---- citation ----

function compareCitation(a: PlanRecord, b: PlanRecord, out: Difference[]): CitationReport {
  const refA = refOf({ ...a.document, issuer: a.document.issuer.name });
  const refB = refOf({ ...b.document, issuer: b.document.issuer.name });
  const sameDocument = sameIdentification(a, b);
  const entry = b.basis.find((e) => matchReference(refOf(e), refA).matches) ?? null;
  const reverse = a.basis.some((e) => matchReference(refOf(e), refB).matches);
  const report: CitationReport = { cites: entry !== null, sameDocument, entry, reverse };
  if (!sameDocument && !entry) {
    out.push({
      aspect: 'citation',
      kind: 'not-cited',
      subject: 'basis',
      a: describeReference(refA),
      b: b.basis.map((e) => describeReference(refOf(e))),
      consistent: false,
      message: reverse
        ? `B does not cite A, but A cites B: the plans may be given the wrong way round`
        : `B does not cite A (${describeReference(refA)}) in its basis`,
    });
  }
  return report;
}

function sameIdentification(a: PlanRecord, b: PlanRecord): boolean {
  const da = a.document;
  const db = b.document;
  const eq = (x: string | null, y: string | null) => (x === null || y === null ? x === y : sameFolded(x, y));
  if (eq(da.number, db.number) && eq(da.date, db.date) && eq(da.issuer.name, db.issuer.name)) return true;
  return da.number !== null && matchReference(refOf({ ...da, issuer: da.issuer.name }), refOf({ ...db, issuer: db.issuer.name })).matches;
}

// ---- period ----

function describePeriod(p: Period): string {
  if (p.from === null && p.to === null) return '—';
  if (p.from === p.to) return String(p.from);
  return `${p.from ?? '?'}–${p.to ?? '?'}`;
}

function comparePeriod(a: Period, b: Period, out: Difference[]): PeriodReport {
  const known = a.from !== null && a.to !== null && b.from !== null && b.to !== null;
  const contained = known ? b.from! >= a.from! && b.to! <= a.to! : null;
  if (a.from !== b.from || a.to !== b.to) {
    const base = { aspect: 'period' as const, subject: 'years', a: describePeriod(a), b: describePeriod(b) };
    if (contained === false) {
      out.push({ ...base, kind: 'outside', consistent: false, message: `B's period ${base.b} is not within A's ${base.a}` });
    } else if (contained === true) {
      out.push({ ...base, kind: 'narrower', consistent: true, message: `B's period ${base.b} lies within A's ${base.a}` });
    } else {
      out.push({ ...base, kind: 'unknown', consistent: null, message: `period ${base.a} in A, ${base.b} in B (containment unknown)` });
    }
  }
  // Reviews (sơ kết: midterm, tổng kết: final) A holds within B's years that B does not hold.
  const inB = (year: number) => (b.from === null || year >= b.from) && (b.to === null || year <= b.to);
  const key = (r: { kind: string; year: number }) => `${r.kind} ${r.year}`;
  const bKeys = new Set(b.reviews.map(key));
  const aKeys = new Set(a.reviews.map(key));
  for (const r of a.reviews) {
    if (inB(r.year) && !bKeys.has(key(r))) {
      out.push({ aspect: 'period', kind: 'review-missing', subject: `${r.kind} review`, a: r, b: null, consistent: false, message: `A holds a ${r.kind} review in ${r.year}; B does not` });
    }
  }
  for (const r of b.reviews) {
    if (!aKeys.has(key(r))) {
      out.push({ aspect: 'period', kind: 'review-added', subject: `${r.kind} review`, a: null, b: r, consistent: null, message: `B holds a ${r.kind} review in ${r.year}; A does not` });
    }
  }
  return { a, b, contained };
}

// ---- contents ----

function compareContents(a: string[], b: string[], out: Difference[]): ContentRow[] {
  const m = matchItems(a, b, (x) => x);
  const rows: ContentRow[] = [];
  const pairByA = new Map(m.pairs.map((p) => [p.a, p]));
  for (let i = 0; i < a.length; i++) {
    const p = pairByA.get(i);
    if (p) {
      rows.push({ a: a[i], b: b[p.b], score: p.score });
      if (!sameFolded(a[i], b[p.b])) {
        out.push({ aspect: 'contents', kind: 'reworded', subject: `content ${i + 1}`, a: a[i], b: b[p.b], consistent: true, message: `A's content ${i + 1} is reworded in B (overlap ${p.score.toFixed(2)})` });
      }
    } else {
      rows.push({ a: a[i], b: null, score: null });
      out.push({ aspect: 'contents', kind: 'missing', subject: `content ${i + 1}`, a: a[i], b: null, consistent: false, message: `A's content ${i + 1} has no counterpart in B` });
    }
  }
  for (const j of m.added) {
    rows.push({ a: null, b: b[j], score: null });
    out.push({ aspect: 'contents', kind: 'added', subject: `content ${j + 1} of B`, a: null, b: b[j], consistent: null, message: `B's content ${j + 1} has no counterpart in A` });
  }
  return rows;
}

// ---- awards ----

const OCCASION_ORDER = ['annual', 'midterm', 'final', 'campaign'];
const RECIPIENT_ORDER = ['collective', 'individual', 'either'];

/** "6", "≤ 7", "≥ 2", "≤ 10%", "no number". */
export function describeQuota(x: Pick<Award, 'quantity' | 'limit' | 'ratio'> | null, lang: Lang = 'en'): string {
  if (!x) return '—';
  const sign = x.limit === 'max' ? '≤ ' : x.limit === 'min' ? '≥ ' : '';
  if (x.quantity !== null) return `${sign}${x.quantity}`;
  if (x.ratio !== null) return `${sign || '≤ '}${x.ratio}%`;
  return t('compare.quota.none', {}, lang);
}

function awardSubject(x: Award): string {
  return `${x.occasion}${x.span ? ' ' + x.span : ''} · ${x.recipient} · ${x.title ?? 'award'}`;
}

function breakdownKey(x: Award): string {
  return x.breakdown.map((i) => `${i.quantity ?? '?'} ${i.limit} ${i.recipient} ${i.category ?? ''} ${i.per ?? ''}`).join('; ');
}

function compareAwards(a: Award[], b: Award[], out: Difference[]): AwardRow[] {
  const groups = new Map<string, { occasion: Award['occasion']; recipient: Award['recipient']; a: Award[]; b: Award[] }>();
  const group = (x: Award) => {
    const key = `${x.occasion}|${x.recipient}`;
    let g = groups.get(key);
    if (!g) groups.set(key, (g = { occasion: x.occasion, recipient: x.recipient, a: [], b: [] }));
    return g;
  };
  for (const x of a) group(x).a.push(x);
  for (const x of b) group(x).b.push(x);
  const ordered = [...groups.values()].sort(
    (x, y) => OCCASION_ORDER.indexOf(x.occasion) - OCCASION_ORDER.indexOf(y.occasion) || RECIPIENT_ORDER.indexOf(x.recipient) - RECIPIENT_ORDER.indexOf(y.recipient),
  );
  const rows: AwardRow[] = [];
  for (const g of ordered) {
    // Within an occasion and recipient kind, pair awards by title and conferrer.
    const m = matchItems(g.a, g.b, (x) => `${x.title ?? ''} ${x.conferrer ?? ''}`, 0);
    const pairByA = new Map(m.pairs.map((p) => [p.a, p.b]));
    g.a.forEach((x, i) => {
      const j = pairByA.get(i);
      const y = j === undefined ? null : g.b[j];
      rows.push({ occasion: g.occasion, recipient: g.recipient, a: x, b: y });
      if (!y) {
        out.push({ aspect: 'awards', kind: 'missing', subject: awardSubject(x), a: describeQuota(x), b: null, consistent: null, message: `B has no ${awardSubject(x)} (A: ${describeQuota(x)})` });
        return;
      }
      const subject = awardSubject(x);
      const field = (kind: string, va: unknown, vb: unknown, message: string) =>
        out.push({ aspect: 'awards', kind, subject, a: va, b: vb, consistent: null, message });
      if (x.quantity !== y.quantity) {
        const dir = x.quantity !== null && y.quantity !== null ? (y.quantity > x.quantity ? ' (B higher)' : ' (B lower)') : '';
        field('quantity', x.quantity, y.quantity, `${subject}: quota ${describeQuota(x)} in A, ${describeQuota(y)} in B${dir}`);
      }
      if (x.limit !== y.limit) field('limit', x.limit, y.limit, `${subject}: quota kind ${x.limit} in A, ${y.limit} in B`);
      if (x.ratio !== y.ratio) field('ratio', x.ratio, y.ratio, `${subject}: ratio ${x.ratio ?? '—'}% in A, ${y.ratio ?? '—'}% in B`);
      if (!sameText(x.per, y.per)) field('per', x.per, y.per, `${subject}: counted per "${x.per ?? '—'}" in A, "${y.per ?? '—'}" in B`);
      if (!sameText(x.span, y.span)) field('span', x.span, y.span, `${subject}: span ${x.span ?? '—'} in A, ${y.span ?? '—'} in B`);
      if (!sameText(x.title, y.title)) field('title', x.title, y.title, `${subject}: award "${x.title ?? '—'}" in A, "${y.title ?? '—'}" in B`);
      if (!sameText(x.conferrer, y.conferrer)) field('conferrer', x.conferrer, y.conferrer, `${subject}: conferred by ${x.conferrer ?? '—'} in A, ${y.conferrer ?? '—'} in B`);
      if (breakdownKey(x) !== breakdownKey(y)) field('breakdown', x.breakdown, y.breakdown, `${subject}: the split of the quota differs`);
    });
    for (const j of m.added) {
      const y = g.b[j];
      rows.push({ occasion: g.occasion, recipient: g.recipient, a: null, b: y });
      out.push({ aspect: 'awards', kind: 'added', subject: awardSubject(y), a: null, b: describeQuota(y), consistent: null, message: `B adds ${awardSubject(y)} (${describeQuota(y)}) that A has not` });
    }
  }
  return rows;
}

function sameText(x: string | null, y: string | null): boolean {
  if (x === null || y === null) return x === y;
  return sameFolded(x, y);
}

// ---- criteria ----

const RECIPIENTS = ['collective', 'individual'] as const;

function compareCriteria(a: Criterion[], b: Criterion[], out: Difference[]): { rows: CriteriaRow[]; texts: CriterionTextRow[] } {
  const rows: CriteriaRow[] = [];
  const texts: CriterionTextRow[] = [];
  for (const recipient of RECIPIENTS) {
    const ca = a.filter((c) => c.recipient === recipient);
    const cb = b.filter((c) => c.recipient === recipient);
    // Thresholds side by side, per metric.
    const metrics: Threshold['metric'][] = [];
    for (const c of [...ca, ...cb]) for (const t of c.thresholds) if (!metrics.includes(t.metric)) metrics.push(t.metric);
    for (const metric of metrics) {
      const ta = strictestFirst(ca.flatMap((c) => c.thresholds.filter((t) => t.metric === metric)));
      const tb = strictestFirst(cb.flatMap((c) => c.thresholds.filter((t) => t.metric === metric)));
      const { verdict, pa, pb } = thresholdVerdict(ta, tb);
      rows.push({ recipient, metric, a: ta, b: tb, verdict });
      if (verdict !== 'same') {
        const subject = `${recipient} · ${metric}`;
        const message =
          verdict === 'missing'
            ? `${subject}: A requires ${describeThreshold(pa)}; B sets no threshold`
            : verdict === 'added'
              ? `${subject}: B requires ${describeThreshold(pb)}; A sets no threshold`
              : `${subject}: ${describeThreshold(pa)} in A, ${describeThreshold(pb)} in B (B ${verdict})`;
        out.push({ aspect: 'criteria', kind: verdict, subject, a: pa ?? null, b: pb ?? null, consistent: verdict === 'stricter' || verdict === 'added' ? true : verdict === 'changed' ? null : false, message });
      }
    }
    // Criterion lines matched on their words.
    const m = matchItems(ca, cb, (c) => c.text);
    const pairByA = new Map(m.pairs.map((p) => [p.a, p]));
    ca.forEach((c, i) => {
      const p = pairByA.get(i);
      if (p) {
        texts.push({ recipient, a: c.text, b: cb[p.b].text, score: p.score });
        if (!sameFolded(c.text, cb[p.b].text)) {
          out.push({ aspect: 'criteria', kind: 'reworded', subject: `${recipient} criterion`, a: c.text, b: cb[p.b].text, consistent: true, message: `a ${recipient} criterion is reworded in B (overlap ${p.score.toFixed(2)})` });
        }
      } else {
        texts.push({ recipient, a: c.text, b: null, score: null });
        out.push({ aspect: 'criteria', kind: 'criterion-missing', subject: `${recipient} criterion`, a: c.text, b: null, consistent: false, message: `a ${recipient} criterion of A has no counterpart in B` });
      }
    });
    for (const j of m.added) {
      texts.push({ recipient, a: null, b: cb[j].text, score: null });
      out.push({ aspect: 'criteria', kind: 'criterion-added', subject: `${recipient} criterion`, a: null, b: cb[j].text, consistent: null, message: `B adds a ${recipient} criterion that A has not` });
    }
  }
  return { rows, texts };
}

/** Compares strictest with strictest, then loosest with loosest. */
function thresholdVerdict(ta: Threshold[], tb: Threshold[]): { verdict: ThresholdVerdict; pa?: Threshold; pb?: Threshold } {
  if (tb.length === 0) return { verdict: 'missing', pa: ta[0] };
  if (ta.length === 0) return { verdict: 'added', pb: tb[0] };
  const strictest = compareThreshold(ta[0], tb[0]);
  if (strictest !== 'same') return { verdict: strictest, pa: ta[0], pb: tb[0] };
  const loosest = compareThreshold(ta[ta.length - 1], tb[tb.length - 1]);
  return { verdict: loosest, pa: ta[ta.length - 1], pb: tb[tb.length - 1] };
}

// ---- dossier ----

function describeComponent(c: DossierComponent): string {
  return `${c.name}${c.form ? ` (form ${c.form}${c.decree ? ' of ' + c.decree : ''})` : ''}`;
}

function compareDossier(a: Dossier | null, b: Dossier | null, out: Difference[]): DossierReport {
  const report: DossierReport = { a, b, components: [], deadlineBefore: null };
  if (!a && !b) return report;
  if (!a || !b) {
    out.push({
      aspect: 'dossier',
      kind: a ? 'missing' : 'added',
      subject: 'dossier',
      a: a ? a.components.map(describeComponent) : null,
      b: b ? b.components.map(describeComponent) : null,
      consistent: a ? false : null,
      message: a ? 'A describes the nomination dossier; B does not' : 'B describes a nomination dossier; A does not',
    });
    return report;
  }
  report.components = compareComponents(a.components, b.components, out);
  if (a.copies !== b.copies) {
    out.push({ aspect: 'dossier', kind: 'copies', subject: 'copies', a: a.copies, b: b.copies, consistent: null, message: `${a.copies ?? '—'} copies in A, ${b.copies ?? '—'} in B` });
  }
  if (!sameText(a.copyKind, b.copyKind)) {
    out.push({ aspect: 'dossier', kind: 'copy-kind', subject: 'copies', a: a.copyKind, b: b.copyKind, consistent: null, message: `copies as "${a.copyKind ?? '—'}" in A, "${b.copyKind ?? '—'}" in B` });
  }
  if (!sameText(a.submitTo, b.submitTo)) {
    out.push({ aspect: 'dossier', kind: 'submit-to', subject: 'submitted to', a: a.submitTo, b: b.submitTo, consistent: null, message: `submitted to ${a.submitTo ?? '—'} in A, ${b.submitTo ?? '—'} in B` });
  }
  if (a.deadline && b.deadline) {
    report.deadlineBefore = b.deadline < a.deadline;
    if (b.deadline > a.deadline) {
      out.push({ aspect: 'dossier', kind: 'deadline-late', subject: 'deadline', a: a.deadline, b: b.deadline, consistent: false, message: `B's deadline ${b.deadline} falls after A's ${a.deadline}: it must fall before` });
    } else if (b.deadline < a.deadline) {
      out.push({ aspect: 'dossier', kind: 'deadline', subject: 'deadline', a: a.deadline, b: b.deadline, consistent: true, message: `B's deadline ${b.deadline} falls before A's ${a.deadline}` });
    }
  } else if (a.deadline || b.deadline) {
    out.push({
      aspect: 'dossier',
      kind: a.deadline ? 'deadline-missing' : 'deadline-added',
      subject: 'deadline',
      a: a.deadline,
      b: b.deadline,
      consistent: a.deadline ? false : null,
      message: a.deadline ? `A sets a deadline (${a.deadline}); B sets none` : `B sets a deadline (${b.deadline}); A sets none`,
    });
  }
  return report;
}

function compareComponents(a: DossierComponent[], b: DossierComponent[], out: Difference[]): DossierRow[] {
  const rows: DossierRow[] = [];
  const usedB = new Set<number>();
  const pairOf = new Map<number, number>();
  // Same form number first, then the remaining ones by name.
  a.forEach((c, i) => {
    if (!c.form) return;
    const j = b.findIndex((d, k) => !usedB.has(k) && d.form === c.form);
    if (j >= 0) {
      pairOf.set(i, j);
      usedB.add(j);
    }
  });
  // Then the same kind of paper: the first two words name it (Tờ trình, Báo cáo, Biên bản).
  const kindOf = (c: DossierComponent) => matchKey(c.name).split(' ').slice(0, 2).join(' ');
  a.forEach((c, i) => {
    if (pairOf.has(i)) return;
    const j = b.findIndex((d, k) => !usedB.has(k) && kindOf(d) === kindOf(c));
    if (j >= 0) {
      pairOf.set(i, j);
      usedB.add(j);
    }
  });
  const restA = a.map((_, i) => i).filter((i) => !pairOf.has(i));
  const restB = b.map((_, j) => j).filter((j) => !usedB.has(j));
  const m = matchItems(restA.map((i) => a[i]), restB.map((j) => b[j]), (c) => c.name);
  for (const p of m.pairs) {
    pairOf.set(restA[p.a], restB[p.b]);
    usedB.add(restB[p.b]);
  }
  a.forEach((c, i) => {
    const j = pairOf.get(i);
    const d = j === undefined ? null : b[j];
    rows.push({ a: c, b: d });
    if (!d) {
      out.push({ aspect: 'dossier', kind: 'form-missing', subject: 'dossier component', a: describeComponent(c), b: null, consistent: false, message: `B's dossier lacks ${describeComponent(c)}` });
      return;
    }
    if ((c.form ?? null) !== (d.form ?? null) || !sameText(c.decree, d.decree)) {
      out.push({ aspect: 'dossier', kind: 'form', subject: 'dossier component', a: describeComponent(c), b: describeComponent(d), consistent: null, message: `${describeComponent(c)} in A, ${describeComponent(d)} in B` });
    }
  });
  b.forEach((d, j) => {
    if (usedB.has(j)) return;
    rows.push({ a: null, b: d });
    out.push({ aspect: 'dossier', kind: 'form-added', subject: 'dossier component', a: null, b: describeComponent(d), consistent: null, message: `B's dossier adds ${describeComponent(d)}` });
  });
  return rows;
}
