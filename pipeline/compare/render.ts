// The comparison for people: a terminal table (default), Markdown, or one self-contained
// HTML file; and for programs, JSON with a top-level `differences` array. All four come
// from the same sections, so they always say the same thing.
import type { Award } from '../record/schema.js';
import { describeQuota, describeReference } from './index.js';
import { renderTable } from './table.js';
import { describeThreshold } from './thresholds.js';
import type { Comparison, Difference } from './types.js';
import { CATALOGUE, currentLang, t, type Lang } from '../messages/index.js';

export type CompareFormat = 'text' | 'md' | 'html' | 'json';

interface Section {
  title: string;
  notes: string[];
  headers: string[];
  rows: string[][];
  widths?: number[];
}

const dash = (x: unknown) => (x === null || x === undefined || x === '' ? '—' : String(x));

/** A record vocabulary value (annual, collective, district …) in words of the language. */
function word(group: string, value: string | null | undefined, lang: Lang): string {
  if (value == null) return '';
  const code = `compare.${group}.${value}`;
  return CATALOGUE[code] ? t(code, {}, lang) : value;
}

function awardCell(x: Award | null, lang: Lang): string {
  if (!x) return '—';
  const parts = [`${x.title ?? t('compare.award', {}, lang)}: ${describeQuota(x, lang)}`];
  if (x.per) parts.push(t('compare.award.per', { per: x.per }, lang));
  if (x.conferrer) parts.push(t('compare.award.by', { conferrer: x.conferrer }, lang));
  if (x.breakdown.length)
    parts.push(t('compare.award.split', { list: x.breakdown.map((i) => `${describeQuota({ quantity: i.quantity, limit: i.limit, ratio: null }, lang)} ${i.category ?? ''}`.trim()).join('; ') }, lang));
  return parts.join(' · ');
}

function periodText(p: { from: number | null; to: number | null; reviews: Array<{ kind: string; year: number }> }, lang: Lang): string {
  const years = p.from === null ? '—' : p.from === p.to ? String(p.from) : `${p.from}–${p.to ?? '?'}`;
  return years + (p.reviews.length ? ` (${t('compare.period.reviews', { list: p.reviews.map((r) => `${word('occasion', r.kind, lang)} ${r.year}`).join(', ') }, lang)})` : '');
}

/** A value of a difference, short, for the line that says what differs. */
function diffValue(x: unknown, lang: Lang): string {
  if (x === null || x === undefined || x === '') return '—';
  if (Array.isArray(x)) return x.map((v) => diffValue(v, lang)).join('; ');
  if (typeof x === 'object') {
    const o = x as Record<string, unknown>;
    if ('op' in o && 'value' in o) return describeThreshold(o as never, lang);
    if ('kind' in o && 'year' in o) return `${word('occasion', String(o.kind), lang)} ${o.year}`;
    if ('limit' in o && 'category' in o) return `${describeQuota({ quantity: (o.quantity as number | null) ?? null, limit: o.limit as Award['limit'], ratio: null }, lang)} ${o.category ?? ''}`.trim();
    return JSON.stringify(x);
  }
  return String(x);
}

/** What a difference is, in the language: the catalogue's line for its kind and the two values. */
function diffText(x: Difference, lang: Lang): string {
  if (lang === 'en') return x.message;
  const code = `webui.diff.${x.aspect}.${x.kind}`;
  if (!CATALOGUE[code]) return x.message;
  const line = t(code, {}, lang);
  // The citation section above names both references; a dossier's components are listed above.
  if (x.aspect === 'citation' || (x.aspect === 'dossier' && (x.kind === 'missing' || x.kind === 'added'))) return line;
  if (x.aspect === 'contents') return `${line} (${x.subject.replace(/^content (\d+)( of B)?$/, (_, n: string, b?: string) => t('webui.subject.content', { n }, lang) + (b ? ' ' + t('compare.of-b', {}, lang) : ''))})`;
  const subject = x.aspect === 'awards' || (x.aspect === 'criteria' && x.subject.includes(' · ')) ? ` (${subjectWords(x.subject, lang)})` : '';
  // A dossier component is described as "NAME (form 08 of DECREE)" in the JSON (describeComponent).
  const value = (v: unknown) =>
    x.aspect === 'dossier'
      ? diffValue(v, lang).replace(/\(form (\S+?)(?: of ([^)]+))?\)/g, (_, form: string, decree?: string) => `(${t('compare.form', { form }, lang)}${decree ? ', ' + decree : ''})`)
      : diffValue(v, lang);
  return `${line}${subject}: A ${value(x.a)}; B ${value(x.b)}`;
}

/** "annual 2023 · collective · Giấy khen" / "collective · satisfaction" in words of the language. */
function subjectWords(subject: string, lang: Lang): string {
  return subject
    .split(' · ')
    .map((part) => {
      const [first, ...rest] = part.split(' ');
      for (const group of ['occasion', 'recipient']) if (CATALOGUE[`compare.${group}.${first}`]) return [word(group, first, lang), ...rest].join(' ');
      return CATALOGUE[`webui.metric.${part}`] ? t(`webui.metric.${part}`, {}, lang) : part;
    })
    .join(' · ');
}

export function sections(c: Comparison, lang: Lang = currentLang()): Section[] {
  const out: Section[] = [];
  const m = (code: string, params: Record<string, string | number> = {}) => t(code, params, lang);
  const missingOrAdded = (a: unknown) => (a ? m('compare.missing') : m('compare.added'));
  const idRow = (label: string, f: (x: Comparison['a']) => unknown) => [m(`compare.row.${label}`), dash(f(c.a)), dash(f(c.b))];
  out.push({
    title: m('compare.section.identification'),
    notes: [],
    headers: ['', 'A', 'B'],
    rows: [
      idRow('number', (x) => x.number),
      idRow('date', (x) => x.date),
      idRow('issuer', (x) => x.issuer),
      idRow('level', (x) => [word('level', x.level, lang), word('kind', x.kind, lang)].filter(Boolean).join(', ')),
      idRow('title', (x) => x.title),
      idRow('source', (x) => x.path),
    ],
    widths: [10, 44, 44],
  });
  const cit = c.citation;
  out.push({
    title: m('compare.section.citation'),
    notes: [
      cit.sameDocument
        ? m('compare.same-document')
        : cit.cites
          ? m('compare.cites', { relation: word('relation', cit.entry!.relation, lang), reference: describeReference(cit.entry!, lang) })
          : m('compare.not-cited') + (cit.reverse ? ' ' + m('compare.reverse') : ''),
    ],
    headers: [],
    rows: [],
  });
  out.push({
    title: m('compare.section.period'),
    notes: [m(c.period.contained === null ? 'compare.period.unknown' : c.period.contained ? 'compare.period.within' : 'compare.period.outside')],
    headers: ['', 'A', 'B'],
    rows: [[m('compare.row.years'), periodText(c.period.a, lang), periodText(c.period.b, lang)]],
    widths: [10, 44, 44],
  });
  const missing = c.contents.filter((r) => r.b === null).length;
  const added = c.contents.filter((r) => r.a === null).length;
  out.push({
    title: m('compare.section.contents'),
    notes: [m('compare.contents.summary', { matched: c.contents.length - missing - added, total: c.contents.length - added, missing, added })],
    headers: ['A', 'B', m('compare.col.overlap')],
    rows: c.contents.map((r) => [dash(r.a), dash(r.b), r.score === null ? missingOrAdded(r.a) : r.score.toFixed(2)]),
    widths: [48, 48, 7],
  });
  out.push({
    title: m('compare.section.awards'),
    notes: c.awards.length ? [] : [m('compare.no-awards')],
    headers: [m('compare.col.occasion'), m('compare.col.recipient'), 'A', 'B'],
    rows: c.awards.map((r) => [word('occasion', r.occasion, lang) + (r.a?.span ?? r.b?.span ? ` ${r.a?.span ?? r.b?.span}` : ''), word('recipient', r.recipient, lang), awardCell(r.a, lang), awardCell(r.b, lang)]),
    widths: [16, 11, 38, 38],
  });
  out.push({
    title: m('compare.section.thresholds'),
    notes: c.criteria.length ? [] : [m('compare.no-thresholds')],
    headers: [m('compare.col.recipient'), m('compare.col.metric'), 'A', 'B', m('compare.col.b-is')],
    rows: c.criteria.map((r) => [
      word('recipient', r.recipient, lang),
      CATALOGUE[`webui.metric.${r.metric}`] ? t(`webui.metric.${r.metric}`, {}, lang) : r.metric,
      r.a.map((x) => describeThreshold(x, lang)).join('; ') || '—',
      r.b.map((x) => describeThreshold(x, lang)).join('; ') || '—',
      word('verdict', r.verdict, lang),
    ]),
    widths: [11, 20, 24, 24, 9],
  });
  if (c.criteriaTexts.length) {
    out.push({
      title: m('compare.section.criteria'),
      notes: [],
      headers: [m('compare.col.recipient'), 'A', 'B', m('compare.col.overlap')],
      rows: c.criteriaTexts.map((r) => [word('recipient', r.recipient, lang), dash(r.a), dash(r.b), r.score === null ? missingOrAdded(r.a) : r.score.toFixed(2)]),
      widths: [11, 42, 42, 7],
    });
  }
  const d = c.dossier;
  const comp = (x: { name: string; form: string | null; decree: string | null } | null) => (x ? `${x.name}${x.form ? ` (${m('compare.form', { form: x.form })}${x.decree ? ', ' + x.decree : ''})` : ''}` : '—');
  out.push({
    title: m('compare.section.dossier'),
    notes: [
      m(
        !d.a && !d.b
          ? 'compare.no-dossier'
          : d.deadlineBefore === null
            ? 'compare.deadline.unknown'
            : d.deadlineBefore
              ? 'compare.deadline.before'
              : d.a?.deadline === d.b?.deadline
                ? 'compare.deadline.same'
                : 'compare.deadline.after',
      ),
    ],
    headers: ['', 'A', 'B'],
    rows:
      d.a || d.b
        ? [
            ...d.components.map((r, i) => [m('compare.row.component', { n: i + 1 }), comp(r.a), comp(r.b)]),
            [m('compare.row.copies'), dash(d.a?.copies) + (d.a?.copyKind ? ` (${d.a.copyKind})` : ''), dash(d.b?.copies) + (d.b?.copyKind ? ` (${d.b.copyKind})` : '')],
            [m('compare.row.submit-to'), dash(d.a?.submitTo), dash(d.b?.submitTo)],
            [m('compare.row.deadline'), dash(d.a?.deadline) + (d.a?.deadlineText ? ` (${d.a.deadlineText})` : ''), dash(d.b?.deadline) + (d.b?.deadlineText ? ` (${d.b.deadlineText})` : '')],
          ]
        : [],
    widths: [12, 44, 44],
  });
  out.push({
    title: m('compare.section.differences', { count: c.differences.length }),
    notes: c.differences.length ? [] : [m('compare.no-difference')],
    // The kind of each difference is a code (it stays in the JSON); the line says it in words.
    headers: [m('compare.col.aspect'), m('compare.col.consistent'), m('compare.col.what')],
    rows: c.differences.map((x) => [word('aspect', x.aspect, lang), x.consistent === null ? '' : x.consistent ? m('compare.yes') : m('compare.no'), diffText(x, lang)]),
    widths: [11, 8, 80],
  });
  return out;
}

export function renderComparison(c: Comparison, format: CompareFormat, lang: Lang = currentLang()): string {
  switch (format) {
    case 'json':
      return JSON.stringify(c, null, 2) + '\n';
    case 'md':
      return renderMarkdown(c, lang);
    case 'html':
      return renderHtml(c, lang);
    default:
      return renderText(c, lang);
  }
}

function renderText(c: Comparison, lang: Lang): string {
  const out: string[] = [];
  for (const s of sections(c, lang)) {
    out.push(`== ${s.title} ==`);
    for (const n of s.notes) out.push(n);
    if (s.rows.length) out.push(renderTable(s.headers, s.rows, { maxWidths: s.widths }));
    out.push('');
  }
  return out.join('\n');
}

const mdCell = (s: string) => s.replace(/\|/g, '\\|').replace(/\n/g, '<br>');

function renderMarkdown(c: Comparison, lang: Lang): string {
  const out: string[] = [`# ${t('compare.heading', { a: dash(c.a.number), b: dash(c.b.number) }, lang)}`, ''];
  for (const s of sections(c, lang)) {
    out.push(`## ${s.title}`, '');
    for (const n of s.notes) out.push(n, '');
    if (s.rows.length) {
      out.push('| ' + s.headers.map(mdCell).join(' | ') + ' |', '|' + s.headers.map(() => ' --- |').join(''));
      for (const r of s.rows) out.push('| ' + r.map(mdCell).join(' | ') + ' |');
      out.push('');
    }
  }
  return out.join('\n');
}

const esc = (s: string) => s.replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;').replace(/"/g, '&quot;');

function renderHtml(c: Comparison, lang: Lang): string {
  const body: string[] = [];
  const flags = new Set([t('compare.missing', {}, lang), t('compare.no', {}, lang), t('compare.verdict.looser', {}, lang)]);
  for (const s of sections(c, lang)) {
    body.push(`<section><h2>${esc(s.title)}</h2>`);
    for (const n of s.notes) body.push(`<p>${esc(n)}</p>`);
    if (s.rows.length) {
      body.push('<table><thead><tr>' + s.headers.map((h) => `<th>${esc(h)}</th>`).join('') + '</tr></thead><tbody>');
      for (const r of s.rows) {
        const flagged = r.some((x) => flags.has(x));
        body.push(`<tr${flagged ? ' class="flag"' : ''}>` + r.map((x) => `<td>${esc(x)}</td>`).join('') + '</tr>');
      }
      body.push('</tbody></table>');
    }
    body.push('</section>');
  }
  const title = t('compare.heading', { a: dash(c.a.number), b: dash(c.b.number) }, lang);
  return `<!DOCTYPE html>
<html lang="${lang}"><head><meta charset="utf-8"><meta name="viewport" content="width=device-width, initial-scale=1">
<title>${esc(title)}</title>
<style>
body{font-family:system-ui,-apple-system,"Segoe UI",Roboto,sans-serif;margin:2rem auto;max-width:72rem;padding:0 1rem;color:#1b1b1b}
h1{font-size:1.4rem}h2{font-size:1.1rem;margin-top:2rem;border-bottom:1px solid #ccc}
table{border-collapse:collapse;width:100%;font-size:.9rem}th,td{border:1px solid #ddd;padding:.3rem .5rem;text-align:left;vertical-align:top}
th{background:#f3f3f3}tr.flag td{background:#fff2f0}
</style></head>
<body><h1>${esc(title)}</h1>
${body.join('\n')}
</body></html>
`;
}
