// The comparison for people: a terminal table (default), Markdown, or one self-contained
// HTML file; and for programs, JSON with a top-level `differences` array. All four come
// from the same sections, so they always say the same thing.
import type { Award } from '../record/schema.js';
import { describeQuota, describeReference } from './index.js';
import { renderTable } from './table.js';
import { describeThreshold } from './thresholds.js';
import type { Comparison } from './types.js';

export type CompareFormat = 'text' | 'md' | 'html' | 'json';

interface Section {
  title: string;
  notes: string[];
  headers: string[];
  rows: string[][];
  widths?: number[];
}

const dash = (x: unknown) => (x === null || x === undefined || x === '' ? '—' : String(x));

function awardCell(x: Award | null): string {
  if (!x) return '—';
  const parts = [`${x.title ?? 'award'}: ${describeQuota(x)}`];
  if (x.per) parts.push(`per ${x.per}`);
  if (x.conferrer) parts.push(`by ${x.conferrer}`);
  if (x.breakdown.length) parts.push('split: ' + x.breakdown.map((i) => `${describeQuota({ quantity: i.quantity, limit: i.limit, ratio: null })} ${i.category ?? ''}`.trim()).join('; '));
  return parts.join(' · ');
}

function periodText(p: { from: number | null; to: number | null; reviews: Array<{ kind: string; year: number }> }): string {
  const years = p.from === null ? '—' : p.from === p.to ? String(p.from) : `${p.from}–${p.to ?? '?'}`;
  return years + (p.reviews.length ? ` (reviews: ${p.reviews.map((r) => `${r.kind} ${r.year}`).join(', ')})` : '');
}

export function sections(c: Comparison): Section[] {
  const out: Section[] = [];
  const idRow = (label: string, f: (x: Comparison['a']) => unknown) => [label, dash(f(c.a)), dash(f(c.b))];
  out.push({
    title: 'Identification',
    notes: [],
    headers: ['', 'A', 'B'],
    rows: [
      idRow('Number', (x) => x.number),
      idRow('Date', (x) => x.date),
      idRow('Issuer', (x) => x.issuer),
      idRow('Level', (x) => [x.level, x.kind].filter(Boolean).join(', ')),
      idRow('Title', (x) => x.title),
      idRow('Source', (x) => x.path),
    ],
    widths: [8, 45, 45],
  });
  const cit = c.citation;
  out.push({
    title: 'Citation',
    notes: [
      cit.sameDocument
        ? 'A and B are the same document (same number, date and issuer).'
        : cit.cites
          ? `B cites A: ${cit.entry!.relation} ${describeReference(cit.entry!)}.`
          : `B does not cite A.${cit.reverse ? ' A cites B: the plans may be given the wrong way round.' : ''}`,
    ],
    headers: [],
    rows: [],
  });
  out.push({
    title: 'Period',
    notes: [c.period.contained === null ? 'Containment unknown (a bound is missing).' : c.period.contained ? "B's period lies within A's." : "B's period is NOT within A's."],
    headers: ['', 'A', 'B'],
    rows: [['Years', periodText(c.period.a), periodText(c.period.b)]],
    widths: [8, 45, 45],
  });
  const missing = c.contents.filter((r) => r.b === null).length;
  const added = c.contents.filter((r) => r.a === null).length;
  out.push({
    title: 'Contents',
    notes: [`${c.contents.length - missing - added} of A's ${c.contents.length - added} contents matched in B; ${missing} missing; ${added} added by B.`],
    headers: ['A', 'B', 'Overlap'],
    rows: c.contents.map((r) => [dash(r.a), dash(r.b), r.score === null ? (r.a ? 'MISSING' : 'ADDED') : r.score.toFixed(2)]),
    widths: [48, 48, 7],
  });
  out.push({
    title: 'Awards and quotas',
    notes: c.awards.length ? [] : ['Neither plan names awards.'],
    headers: ['Occasion', 'Recipient', 'A', 'B'],
    rows: c.awards.map((r) => [r.occasion + (r.a?.span ?? r.b?.span ? ` ${r.a?.span ?? r.b?.span}` : ''), r.recipient, awardCell(r.a), awardCell(r.b)]),
    widths: [16, 11, 38, 38],
  });
  out.push({
    title: 'Criteria thresholds',
    notes: c.criteria.length ? [] : ['Neither plan sets criteria thresholds.'],
    headers: ['Recipient', 'Metric', 'A', 'B', 'B is'],
    rows: c.criteria.map((r) => [r.recipient, r.metric, r.a.map(describeThreshold).join('; ') || '—', r.b.map(describeThreshold).join('; ') || '—', r.verdict]),
    widths: [11, 20, 24, 24, 9],
  });
  if (c.criteriaTexts.length) {
    out.push({
      title: 'Criteria',
      notes: [],
      headers: ['Recipient', 'A', 'B', 'Overlap'],
      rows: c.criteriaTexts.map((r) => [r.recipient, dash(r.a), dash(r.b), r.score === null ? (r.a ? 'MISSING' : 'ADDED') : r.score.toFixed(2)]),
      widths: [11, 42, 42, 7],
    });
  }
  const d = c.dossier;
  const comp = (x: { name: string; form: string | null; decree: string | null } | null) => (x ? `${x.name}${x.form ? ` (form ${x.form}${x.decree ? ', ' + x.decree : ''})` : ''}` : '—');
  out.push({
    title: 'Dossier',
    notes: [
      !d.a && !d.b
        ? 'Neither plan describes a nomination dossier.'
        : d.deadlineBefore === null
          ? 'Deadline check: not possible (a deadline is missing).'
          : d.deadlineBefore
            ? "Deadline check: B's deadline falls before A's."
            : d.a?.deadline === d.b?.deadline
              ? 'Deadline check: same deadline.'
              : "Deadline check: B's deadline does NOT fall before A's.",
    ],
    headers: ['', 'A', 'B'],
    rows:
      d.a || d.b
        ? [
            ...d.components.map((r, i) => [`Component ${i + 1}`, comp(r.a), comp(r.b)]),
            ['Copies', dash(d.a?.copies) + (d.a?.copyKind ? ` (${d.a.copyKind})` : ''), dash(d.b?.copies) + (d.b?.copyKind ? ` (${d.b.copyKind})` : '')],
            ['Submit to', dash(d.a?.submitTo), dash(d.b?.submitTo)],
            ['Deadline', dash(d.a?.deadline) + (d.a?.deadlineText ? ` (${d.a.deadlineText})` : ''), dash(d.b?.deadline) + (d.b?.deadlineText ? ` (${d.b.deadlineText})` : '')],
          ]
        : [],
    widths: [12, 44, 44],
  });
  out.push({
    title: `Differences (${c.differences.length})`,
    notes: c.differences.length ? [] : ['No difference.'],
    headers: ['Aspect', 'Kind', 'Consistent', 'What'],
    rows: c.differences.map((x) => [x.aspect, x.kind, x.consistent === null ? '' : x.consistent ? 'yes' : 'NO', x.message]),
    widths: [9, 17, 10, 70],
  });
  return out;
}

export function renderComparison(c: Comparison, format: CompareFormat): string {
  switch (format) {
    case 'json':
      return JSON.stringify(c, null, 2) + '\n';
    case 'md':
      return renderMarkdown(c);
    case 'html':
      return renderHtml(c);
    default:
      return renderText(c);
  }
}

function renderText(c: Comparison): string {
  const out: string[] = [];
  for (const s of sections(c)) {
    out.push(`== ${s.title} ==`);
    for (const n of s.notes) out.push(n);
    if (s.rows.length) out.push(renderTable(s.headers, s.rows, { maxWidths: s.widths }));
    out.push('');
  }
  return out.join('\n');
}

const mdCell = (s: string) => s.replace(/\|/g, '\\|').replace(/\n/g, '<br>');

function renderMarkdown(c: Comparison): string {
  const out: string[] = [`# Comparison: ${dash(c.a.number)} (A) and ${dash(c.b.number)} (B)`, ''];
  for (const s of sections(c)) {
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

function renderHtml(c: Comparison): string {
  const body: string[] = [];
  for (const s of sections(c)) {
    body.push(`<section><h2>${esc(s.title)}</h2>`);
    for (const n of s.notes) body.push(`<p>${esc(n)}</p>`);
    if (s.rows.length) {
      body.push('<table><thead><tr>' + s.headers.map((h) => `<th>${esc(h)}</th>`).join('') + '</tr></thead><tbody>');
      for (const r of s.rows) {
        const flagged = r.some((x) => x === 'MISSING' || x === 'NO' || x === 'looser');
        body.push(`<tr${flagged ? ' class="flag"' : ''}>` + r.map((x) => `<td>${esc(x)}</td>`).join('') + '</tr>');
      }
      body.push('</tbody></table>');
    }
    body.push('</section>');
  }
  const title = `Comparison: ${dash(c.a.number)} (A) and ${dash(c.b.number)} (B)`;
  return `<!DOCTYPE html>
<html lang="vi"><head><meta charset="utf-8"><meta name="viewport" content="width=device-width, initial-scale=1">
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
