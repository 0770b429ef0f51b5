// So sánh: two plans, A from above (the reference) and B implementing it; or B and the plan
// it cites (its parent in the library). The summary first (does B cite A, how many
// differences, how many make B inconsistent with A), then each difference with both values.
import { h, mount, notice } from '../dom.js';
import { currentLang, label, t } from '../i18n.js';
import { api, query } from '../api.js';
import { planName, planOption, plansOf, viDate } from './common.js';

const ASPECTS = ['citation', 'period', 'contents', 'awards', 'criteria', 'dossier'];

export async function comparePage({ query: search, navigate }) {
  const plans = plansOf(await api.listPlans({ limit: 1000 }));
  let a = search.get('a') ?? '';
  const b = search.get('b') ?? '';
  let parentNote = null;
  if (search.get('parent') && b && !a) {
    a = (await parentOf(b)) ?? '';
    if (!a) parentNote = notice(t('webui.compare.no-parent'), 'warning');
  }
  const picker = (name, value) =>
    h(
      'select',
      { name, required: true, 'data-testid': `pick-${name}` },
      h('option', { value: '' }, t('webui.compare.pick')),
      plans.map((p) => h('option', { value: String(p.id), selected: String(p.id) === String(value) }, planOption(p))),
    );
  const pickA = picker('a', a);
  const pickB = picker('b', b);
  const form = h(
    'form',
    { class: 'compare-form' },
    h('label', { class: 'field' }, h('span', null, t('webui.compare.a')), pickA),
    h('label', { class: 'field' }, h('span', null, t('webui.compare.b')), pickB),
    h('div', { class: 'buttons' },
      h('button', { type: 'submit' }, t('webui.compare.run')),
      h('button', { type: 'button', class: 'secondary', onclick: () => navigate(`/compare?${query({ a: pickB.value, b: pickA.value })}`) }, t('webui.compare.swap')),
      h('button', { type: 'button', class: 'secondary', onclick: () => pickB.value && navigate(`/compare?${query({ b: pickB.value, parent: 1 })}`) }, t('webui.compare.parent')),
    ),
  );
  form.addEventListener('submit', (e) => {
    e.preventDefault();
    navigate(`/compare?${query({ a: pickA.value, b: pickB.value })}`);
  });

  let result = null;
  if (a && b) {
    try {
      result = comparison(await api.compare(a, b));
    } catch (error) {
      result = notice(error.message, 'error');
    }
  }
  return h('section', { class: 'page compare' }, h('h1', null, t('webui.compare.title')), h('p', { class: 'intro' }, t('webui.compare.intro')), form, parentNote, result);
}

/** The library plan B implements: the first of its basis links that resolves. */
async function parentOf(id) {
  const plan = await api.getPlan(id);
  const links = plan.links ?? plan.parents ?? [];
  const found = links.find((l) => l.parentId != null && l.relation === 'implements') ?? links.find((l) => l.parentId != null);
  if (found) return String(found.parentId);
  // Else from the tree: the node above B.
  const tree = await api.tree().catch(() => null);
  const lines = Array.isArray(tree) ? tree : tree?.lines ?? [];
  let parent = null;
  const walk = (node, above) => {
    if (node.plan && String(node.plan.id) === String(id) && above?.plan) parent = above.plan.id;
    for (const child of node.children ?? []) walk(child, node);
  };
  for (const line of lines) for (const root of line.roots ?? []) walk(root, null);
  return parent == null ? null : String(parent);
}

function comparison(body) {
  const c = body.comparison ?? body;
  const diffs = c.differences ?? [];
  const bad = diffs.filter((d) => d.consistent === false).length;
  const ok = diffs.filter((d) => d.consistent === true).length;
  const neutral = diffs.length - bad - ok;
  const cite = c.citation ?? {};
  const citeLine = cite.sameDocument
    ? t('webui.compare.same-document')
    : cite.cites
      ? t('webui.compare.cites')
      : cite.reverse
        ? t('webui.compare.reverse')
        : t('webui.compare.not-cites');
  const byAspect = ASPECTS.map((aspect) => [aspect, diffs.filter((d) => d.aspect === aspect)]).filter(([, list]) => list.length);
  return h(
    'div',
    { class: 'comparison', 'data-testid': 'comparison' },
    h(
      'section',
      { class: 'summary' },
      h('h2', null, t('webui.compare.summary')),
      h(
        'dl',
        { class: 'pair' },
        h('dt', null, 'A'),
        h('dd', null, body.a != null && body.comparison ? h('a', { href: `/plans/${encodeURIComponent(body.a)}` }, planName(c.a)) : planName(c.a)),
        h('dt', null, 'B'),
        h('dd', null, body.b != null && body.comparison ? h('a', { href: `/plans/${encodeURIComponent(body.b)}` }, planName(c.b)) : planName(c.b)),
      ),
      h('p', { class: cite.cites || cite.sameDocument ? 'good' : 'bad' }, citeLine),
      diffs.length ? h('p', null, t('webui.compare.totals', { count: diffs.length, bad, ok, neutral })) : h('p', { class: 'good' }, t('webui.compare.same')),
      byAspect.length
        ? h(
            'ul',
            { class: 'aspect-counts' },
            byAspect.map(([aspect, list]) =>
              h('li', null, h('a', { href: `#aspect-${aspect}` }, label('webui.aspect', aspect)), `: ${list.length}`, list.some((d) => d.consistent === false) ? h('span', { class: 'tag error' }, t('webui.compare.inconsistent')) : null),
            ),
          )
        : null,
    ),
    byAspect.map(([aspect, list]) =>
      h(
        'section',
        { class: 'aspect', id: `aspect-${aspect}` },
        h('h2', null, label('webui.aspect', aspect)),
        h(
          'table',
          { class: 'differences' },
          h('thead', null, h('tr', null, ['difference', 'a', 'b', 'verdict'].map((k) => h('th', { scope: 'col' }, t(`webui.compare.col.${k}`))))),
          h(
            'tbody',
            null,
            list.map((d) =>
              h(
                'tr',
                { class: d.consistent === false ? 'bad' : d.consistent === true ? 'good' : '' },
                h('td', null, differenceWords(d)),
                h('td', null, showValue(d.a)),
                h('td', null, showValue(d.b)),
                h('td', null, h('span', { class: `tag ${d.consistent === false ? 'error' : d.consistent === true ? 'ok' : 'warning'}` }, t(d.consistent === false ? 'webui.compare.inconsistent' : d.consistent === true ? 'webui.compare.consistent' : 'webui.compare.neutral'))),
              ),
            ),
          ),
        ),
      ),
    ),
  );
}

/** A compared value in words: texts as they are, records of the plan as their main parts. */
function showValue(v) {
  if (v == null) return h('span', { class: 'muted' }, '—');
  if (typeof v !== 'object') return words(v);
  if (Array.isArray(v)) return v.map((x) => (typeof x === 'object' ? compact(x) : words(x))).join('; ');
  return compact(v);
}

/** The comparison's own short values in the page's language: references, dates, "no number". */
function words(v) {
  if (typeof v !== 'string' || currentLang() === 'en') return String(v);
  const ref = /^(.*?)(?: of (\d{4}-\d{2}-\d{2}))?(?: by (.+))?$/.exec(v);
  if (ref && (ref[2] || ref[3])) {
    const number = ref[1] === '(no number)' ? t('webui.library.no-number') : ref[1];
    return [number, ref[2] ? t('webui.compare.ref-date', { date: viDate(ref[2]) }) : null, ref[3] ? t('webui.compare.ref-issuer', { issuer: ref[3] }) : null].filter(Boolean).join(' ');
  }
  if (/^\d{4}-\d{2}-\d{2}$/.test(v)) return viDate(v);
  if (v === 'no number') return t('webui.compare.no-quantity');
  return v;
}

function compact(o) {
  if (o == null) return '—';
  if (o.title || o.quantity != null) return [o.quantity != null ? `${label('webui.limit', o.limit ?? 'exact')} ${o.quantity}` : null, o.title, o.conferrer ? `(${o.conferrer})` : null].filter(Boolean).join(' ');
  if (o.kind && o.year != null && Object.keys(o).length === 2) return `${label('webui.review', o.kind)} ${o.year}`;
  if (o.metric) return `${label('webui.metric', o.metric)} ${o.op ?? ''} ${o.value ?? ''}${o.unit ?? ''}`;
  if (o.from !== undefined || o.to !== undefined) return [o.from, o.to].filter((x) => x != null).join('–');
  if (o.name) return [o.name, o.form, o.decree].filter(Boolean).join(' · ');
  if (o.number || o.issuer) return [o.number, o.date, o.issuer].filter(Boolean).join(' · ');
  return Object.entries(o)
    .filter(([, x]) => x != null && typeof x !== 'object')
    .map(([k, x]) => `${label('webui.field', k)}: ${x}`)
    .join(', ');
}

/** A difference in the page's language: the catalogue's words for its kind, then what it is about. */
function differenceWords(d) {
  if (currentLang() === 'en' && d.message) return d.message;
  const code = `webui.diff.${d.aspect}.${d.kind}`;
  const phrase = t(code);
  if (phrase === code) return d.message ?? `${d.kind} ${d.subject ?? ''}`;
  const subject = subjectWords(d);
  return subject ? `${phrase}: ${subject}` : phrase;
}

const CLOSED = [
  ['webui.occasion', ['annual', 'midterm', 'final', 'campaign']],
  ['webui.recipient', ['collective', 'individual', 'either']],
  ['webui.metric', ['task_completion', 'satisfaction', 'index_rating', 'index_growth', 'satisfaction_growth', 'other']],
];

function subjectWords(d) {
  const s = d.subject ?? '';
  let m;
  if ((m = /^content (\d+)/.exec(s))) return t('webui.subject.content', { n: m[1] });
  if ((m = /^(midterm|final) review$/.exec(s))) return t('webui.subject.review', { kind: label('webui.review', m[1]) });
  if ((m = /^(collective|individual) criterion$/.exec(s))) return t('webui.subject.criterion', { recipient: label('webui.recipient', m[1]).toLowerCase() });
  if (d.aspect !== 'awards' && d.aspect !== 'criteria') return '';
  return s
    .split(' · ')
    .map((part) => {
      const [head, ...rest] = part.split(' ');
      const set = CLOSED.find(([, values]) => values.includes(head));
      return set ? [label(set[0], head), ...rest].join(' ') : part;
    })
    .join(' · ');
}
