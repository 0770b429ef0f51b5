// Thư viện: the library's plans, searched without caring for diacritics (the server folds both
// sides) and filtered by level, kind of body, issuer and year; each plan a link to its page;
// delete; export to XLSX; the tree of plans (province → district → commune) with links.
import { h, mount, notice } from '../dom.js';
import { label, t } from '../i18n.js';
import { api, query, withLang } from '../api.js';
import { levelLabel, period, planLink, planName, plansOf, viDate } from './common.js';

const LEVELS = ['province', 'district', 'commune', 'other'];
const KINDS = ['people_committee', 'police', 'party', 'other'];
const FILTERS = ['q', 'level', 'kind', 'issuer', 'year'];
/** Plans per page of the list (the tree shows them all). */
const PAGE = 100;

export async function libraryPage({ query: search, navigate }) {
  const params = Object.fromEntries(FILTERS.map((k) => [k, search.get(k) ?? '']));
  const offset = Math.max(0, Number(search.get('offset')) || 0);
  const listed = await api.listPlans({ ...params, limit: PAGE, offset: params.q ? null : offset });
  const plans = plansOf(listed);
  const status = h('div', { class: 'status-line' });

  const field = (name, control) => h('label', { class: 'field' }, h('span', null, t(`webui.library.${name === 'q' ? 'search' : name}`)), control);
  const select = (name, values, prefix) =>
    h(
      'select',
      { name },
      h('option', { value: '' }, t('webui.library.all')),
      values.map((v) => h('option', { value: v, selected: params[name] === v }, label(prefix, v))),
    );
  const form = h(
    'form',
    { class: 'filters', role: 'search' },
    field('q', h('input', { type: 'search', name: 'q', value: params.q, placeholder: 'cải cách hành chính / cai cach hanh chinh' })),
    field('level', select('level', LEVELS, 'webui.level')),
    field('kind', select('kind', KINDS, 'webui.kind')),
    field('issuer', h('input', { type: 'text', name: 'issuer', value: params.issuer })),
    field('year', h('input', { type: 'number', name: 'year', min: '1990', max: '2100', value: params.year, class: 'year' })),
    h('button', { type: 'submit' }, t('webui.library.search-button')),
  );
  form.addEventListener('submit', (e) => {
    e.preventDefault();
    const data = Object.fromEntries(new FormData(form).entries());
    navigate(`/library?${query(data)}`);
  });
  for (const s of form.querySelectorAll('select')) s.addEventListener('change', () => form.requestSubmit());

  const exportLink = h('a', { class: 'button', href: withLang(`/api/plans.xlsx?${query(params)}`), download: 'thu-vien-ke-hoach.xlsx' }, t('webui.library.export'));

  const rows = plans.map((p) => {
    const del = h('button', { type: 'button', class: 'danger small', 'data-action': 'delete' }, t('webui.library.delete'));
    const row = h(
      'tr',
      { 'data-plan': p.id },
      h('td', { class: 'nowrap' }, planLink(p)),
      h('td', { class: 'nowrap' }, p.date ? viDate(p.date) : ''),
      h('td', null, p.title ?? ''),
      h('td', null, p.issuer ?? '', p.level ? h('span', { class: 'tag' }, levelLabel(p.level)) : null),
      h('td', { class: 'nowrap' }, period(p)),
      h('td', null, del),
    );
    del.addEventListener('click', async () => {
      const name = planName(p);
      if (!confirm(t('webui.library.delete-confirm', { name }))) return;
      try {
        await api.deletePlan(p.id);
        row.remove();
        mount(status, notice(t('webui.library.deleted', { name })));
      } catch (error) {
        mount(status, notice(error.message, 'error'));
      }
    });
    return row;
  });

  const anyFilter = FILTERS.some((k) => params[k]);
  const table = plans.length
    ? h(
        'table',
        { class: 'plans' },
        h(
          'thead',
          null,
          h('tr', null, ['number', 'date', 'title', 'issuer', 'period', 'actions'].map((c) => h('th', { scope: 'col' }, t(`webui.library.col.${c}`)))),
        ),
        h('tbody', null, rows),
      )
    : notice(t(anyFilter ? 'webui.library.no-match' : 'webui.library.empty'));

  return h(
    'section',
    { class: 'page library' },
    h('div', { class: 'title-row' }, h('h1', null, t('webui.library.title')), exportLink),
    form,
    status,
    h('p', { class: 'count' }, t('webui.library.count', { count: listed?.total ?? plans.length })),
    listed?.partial ? notice(t('webui.library.partial')) : null,
    table,
    pager(params, offset, plans.length, listed?.total ?? plans.length),
    treeSection(listed?.total ?? plans.length),
  );
}

/** Earlier and later pages of a long list (a search gives its best hits on one page). */
function pager(params, offset, shown, total) {
  if (params.q || total <= PAGE) return null;
  const link = (to, code) => h('a', { class: 'button secondary', href: `/library?${query({ ...params, offset: to || null })}` }, t(code));
  return h(
    'nav',
    { class: 'pager', 'aria-label': t('webui.library.pages') },
    offset > 0 ? link(Math.max(0, offset - PAGE), 'webui.library.previous') : null,
    h('span', null, t('webui.library.range', { from: offset + 1, to: offset + shown, total })),
    offset + shown < total ? link(offset + PAGE, 'webui.library.next') : null,
  );
}

/**
 * The tree of the whole library, fetched when opened; open at once for a library small enough
 * to draw quickly (a ward's or a district's).
 */
function treeSection(total) {
  const body = h('div', { class: 'tree-body' });
  let loaded = false;
  const load = async () => {
    if (loaded) return;
    loaded = true;
    mount(body, h('p', { class: 'loading' }, t('webui.loading')));
    try {
      const tree = await api.tree();
      const lines = Array.isArray(tree) ? tree : (tree?.lines ?? []);
      mount(
        body,
        lines.length
          ? lines.map((line) => h('div', { class: 'tree-line' }, h('h3', null, label('webui.kind', line.line) || line.label), h('ul', null, line.roots.map(treeNode))))
          : h('p', { class: 'muted' }, t('webui.none')),
      );
    } catch (error) {
      mount(body, notice(error.message, 'error'));
    }
  };
  const details = h('details', { class: 'tree', open: total <= 200 }, h('summary', null, h('h2', null, t('webui.library.tree'))), body);
  details.addEventListener('toggle', () => details.open && load());
  if (details.open) load();
  return details;
}

function treeNode(node) {
  const head = node.plan
    ? h('span', null, planLink(node.plan), ' ', h('span', { class: 'muted' }, [node.plan.issuer, period(node.plan)].filter(Boolean).join(' · ')))
    : h(
        'span',
        { class: 'missing' },
        [node.missing?.number, node.missing?.date ? viDate(node.missing.date) : null, node.missing?.issuer].filter(Boolean).join(' · '),
        ' ',
        h('span', { class: 'tag warn' }, t('webui.library.tree-missing')),
      );
  return h('li', null, head, node.children?.length ? h('ul', null, node.children.map(treeNode)) : null);
}
