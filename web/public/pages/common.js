// Small pieces shared by the pages: how a plan is named, dates, levels.
import { h } from '../dom.js';
import { label, t } from '../i18n.js';

/** "Kế hoạch 44/KH-UBND (07/03/2023) · Ủy ban nhân dân huyện Châu Thành" from a record or a summary. */
export function planName(x) {
  if (!x) return '';
  const doc = x.document ?? x;
  const number = doc.number ?? null;
  const date = doc.date ?? null;
  const issuer = typeof doc.issuer === 'object' ? doc.issuer?.name : doc.issuer;
  const head = number ?? t('webui.library.no-number');
  return [head, date ? `(${viDate(date)})` : null, issuer ? `· ${issuer}` : null].filter(Boolean).join(' ');
}

/** A plan summary of the list as a short label for a picker. */
export function planOption(p) {
  const title = p.title ? ` — ${p.title.length > 80 ? `${p.title.slice(0, 79)}…` : p.title}` : '';
  return `${planName(p)}${title}`;
}

/** 2023-03-07 → 07/03/2023 (the way dates are written on Vietnamese documents). */
export function viDate(iso) {
  const m = /^(\d{4})-(\d{2})-(\d{2})/.exec(String(iso ?? ''));
  return m ? `${m[3]}/${m[2]}/${m[1]}` : String(iso ?? '');
}

export function period(p) {
  const from = p.periodFrom ?? p.period?.from ?? null;
  const to = p.periodTo ?? p.period?.to ?? null;
  if (from == null && to == null) return '';
  if (from === to || to == null) return String(from);
  if (from == null) return String(to);
  return `${from}–${to}`;
}

export function levelLabel(level) {
  return label('webui.level', level);
}

export function planLink(p) {
  return h('a', { href: `/plans/${encodeURIComponent(p.id)}` }, p.number ?? t('webui.library.no-number'));
}

/** The list of plans of the library (all pages of it), for pickers. */
export function plansOf(body) {
  if (Array.isArray(body)) return body;
  return body?.plans ?? body?.items ?? body?.hits ?? [];
}
