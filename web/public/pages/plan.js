// A plan's page (/plans/:id): the source (its text, or the page images of a PDF or scan) beside
// the record. Clicking a value highlights where it was read (record.evidence: JSON pointer →
// {line, start, end, page}, offsets into the normalised text); diagnostics sit on the lines and
// fields they concern; every value can be corrected — the correction goes to the server as a
// JSON Patch (RFC 6902) and is listed with who, when and the old value, and can be undone.
import { h, mount, notice } from '../dom.js';
import { label, t } from '../i18n.js';
import { api, currentUser, setCurrentUser } from '../api.js';
import { planName, viDate } from './common.js';

/** Parts of the record shown, in the order of a plan. */
const SECTIONS = ['document', 'basis', 'period', 'subjects', 'contents', 'awards', 'criteria', 'dossier', 'tasks', 'responsibilities', 'recipients', 'signature'];
/** Closed vocabularies of the record (pipeline/record/schema.ts): edited with a list. */
const ENUMS = {
  level: ['province', 'district', 'commune', 'other'],
  kind: ['people_committee', 'police', 'party', 'other'],
  occasion: ['annual', 'midterm', 'final', 'campaign'],
  recipient: ['collective', 'individual', 'either'],
  limit: ['exact', 'max', 'min', 'unspecified'],
  relation: ['implements', 'pursuant'],
  metric: ['task_completion', 'satisfaction', 'index_rating', 'index_growth', 'satisfaction_growth', 'other'],
  op: ['>=', '>', '<=', '<', '='],
};
/** Fields holding numbers (a null one gets a number when filled in). */
const NUMBERS = new Set(['seq', 'from', 'to', 'year', 'quantity', 'ratio', 'copies', 'pages']);
/** Lists of plain texts, to which an item can be added. */
const TEXT_LISTS = new Set(['contents', 'recipients', 'collective', 'individual', 'lead', 'support', 'duties']);

export async function planPage({ params }) {
  const id = params[0];
  const [plan, text] = await Promise.all([api.getPlan(id), api.planText(id).catch(() => null)]);
  return new PlanView(id, plan, text).root;
}

class PlanView {
  constructor(id, plan, text) {
    this.id = id;
    this.plan = plan;
    this.text = typeof text === 'string' ? text : text?.text ?? '';
    this.pageTexts = typeof text === 'object' && text ? text.pages ?? null : null;
    this.status = h('div', { class: 'status-line', 'aria-live': 'polite' });
    this.recordPane = h('div', { class: 'record', 'data-testid': 'record' });
    this.sidePane = h('div', { class: 'plan-side' });
    this.sourcePane = this.buildSource();
    this.head = h('div', { class: 'plan-head' });
    this.root = h(
      'section',
      { class: 'page plan' },
      this.head,
      this.status,
      h('div', { class: 'plan-grid' }, this.sourcePane, h('div', { class: 'record-column' }, h('h2', null, t('webui.plan.record')), h('p', { class: 'help' }, t('webui.plan.help')), this.recordPane)),
      this.sidePane,
    );
    this.draw();
  }

  get record() {
    return this.plan.record;
  }

  draw() {
    const r = this.record;
    mount(
      this.head,
      h('h1', null, t('webui.plan.title', { name: planName(r) })),
      r.document?.title ? h('p', { class: 'plan-title' }, r.document.title) : null,
      h(
        'div',
        { class: 'actions' },
        h('a', { class: 'button', href: `/compare?b=${encodeURIComponent(this.id)}&parent=1` }, t('webui.plan.compare-parent')),
        h('a', { class: 'button', href: `/forms?plan=${encodeURIComponent(this.id)}` }, t('webui.plan.make-forms')),
      ),
      this.diagnosticsList(),
    );
    mount(this.recordPane, SECTIONS.filter((k) => k in r).map((key) => this.section(key, r[key])));
    mount(this.sidePane, this.correctionsList(), this.sourcesList());
    this.markDiagnosticLines();
  }

  // ---- the source ---------------------------------------------------------------------------

  buildSource() {
    const r = this.record;
    this.lines = this.text.split('\n');
    this.lineStarts = [];
    let at = 0;
    for (const line of this.lines) {
      this.lineStarts.push(at);
      at += line.length + 1;
    }
    this.textView = h(
      'div',
      { class: 'source-text', 'data-testid': 'source-text' },
      this.lines.map((line, i) => h('div', { class: 'line', 'data-line': i + 1 }, h('span', { class: 'ln', 'aria-hidden': 'true' }, String(i + 1)), h('span', { class: 'lt' }, line || ' '))),
    );
    // Page images come from a PDF source: the shown one, else the first PDF among the sources
    // (the server picks the same one).
    const sources = this.plan.sources ?? [];
    const pdf = sources.find((s) => s.shown && s.format === 'pdf') ?? sources.find((s) => s.format === 'pdf') ?? null;
    const pages = pdf ? (pdf.pages ?? r.source?.pages ?? 0) : 0;
    const hasImages = pages > 0;
    this.pdfShown = Boolean(pdf?.shown);
    this.pageView = null;
    const body = h('div', { class: 'source-body' }, this.textView);
    const tabs = h('div', { class: 'tabs', role: 'tablist' });
    if (hasImages) {
      this.pageSelect = h(
        'select',
        { 'aria-label': t('webui.plan.source-pages'), onchange: () => this.showPage(Number(this.pageSelect.value)) },
        Array.from({ length: pages }, (_, i) => h('option', { value: String(i + 1) }, t('webui.plan.page', { page: i + 1 }))),
      );
      this.pageImage = h('img', { class: 'page-image', alt: '', 'data-testid': 'page-image' });
      this.pageView = h('div', { class: 'source-pages', hidden: true }, this.pageSelect, this.pageImage);
      body.appendChild(this.pageView);
      const textTab = h('button', { type: 'button', role: 'tab', 'aria-selected': 'true', onclick: () => this.showTab('text') }, t('webui.plan.source-text'));
      const pageTab = h('button', { type: 'button', role: 'tab', 'aria-selected': 'false', onclick: () => this.showTab('pages') }, t('webui.plan.source-pages'));
      this.tabs = { text: textTab, pages: pageTab };
      mount(tabs, textTab, pageTab);
    }
    return h('div', { class: 'source' }, h('h2', null, t('webui.plan.source')), tabs, body);
  }

  showTab(which) {
    if (!this.pageView) return;
    this.textView.hidden = which !== 'text';
    this.pageView.hidden = which !== 'pages';
    this.tabs.text.setAttribute('aria-selected', String(which === 'text'));
    this.tabs.pages.setAttribute('aria-selected', String(which === 'pages'));
    if (which === 'pages' && !this.pageImage.src) this.showPage(Number(this.pageSelect.value) || 1);
  }

  showPage(page) {
    if (!this.pageView) return;
    this.pageSelect.value = String(page);
    this.pageImage.src = api.pageImageUrl(this.id, page);
    this.pageImage.alt = t('webui.plan.page', { page });
  }

  clearHighlight() {
    for (const el of this.textView.querySelectorAll('.line.hl')) {
      el.classList.remove('hl');
      const lt = el.querySelector('.lt');
      mount(lt, this.lines[Number(el.dataset.line) - 1] || ' ');
    }
    for (const el of this.recordPane.querySelectorAll('.value.active')) el.classList.remove('active');
  }

  /** Marks [start, end) of the normalised text, line by line, and scrolls it into view. */
  highlight(start, end) {
    let first = null;
    for (let i = 0; i < this.lines.length; i++) {
      const from = this.lineStarts[i];
      const to = from + this.lines[i].length;
      if (to < start || from >= end) continue;
      if (to === start && this.lines[i].length > 0) continue;
      const el = this.textView.querySelector(`.line[data-line="${i + 1}"]`);
      const a = Math.max(0, start - from);
      const b = Math.min(this.lines[i].length, end - from);
      const line = this.lines[i];
      mount(el.querySelector('.lt'), line.slice(0, a), h('mark', null, line.slice(a, b) || ' '), line.slice(b));
      el.classList.add('hl');
      first ??= el;
    }
    first?.scrollIntoView({ block: 'center', behavior: 'smooth' });
  }

  highlightLine(line) {
    const i = line - 1;
    if (i < 0 || i >= this.lines.length) return;
    this.highlight(this.lineStarts[i], this.lineStarts[i] + Math.max(1, this.lines[i].length));
  }

  /** The evidence of a pointer, or of the nearest enclosing value that has one. */
  evidenceFor(pointer) {
    const evidence = this.record.evidence ?? {};
    let p = pointer;
    while (p) {
      if (evidence[p]) return evidence[p];
      p = p.slice(0, p.lastIndexOf('/'));
    }
    return null;
  }

  showEvidence(pointer, valueEl) {
    this.clearHighlight();
    valueEl?.classList.add('active');
    const ev = this.evidenceFor(pointer);
    if (!ev) {
      mount(this.status, notice(t('webui.plan.no-evidence')));
      return;
    }
    mount(this.status);
    // Evidence pages are pages of the shown source: they follow in the images when it is the PDF.
    if (this.pageView && this.pdfShown && ev.page && !this.pageView.hidden) this.showPage(ev.page);
    else if (this.pageView && this.pdfShown && ev.page) this.pageSelect.value = String(ev.page);
    if (this.textView.hidden) this.showTab('text');
    this.highlight(ev.start, ev.end);
  }

  // ---- diagnostics --------------------------------------------------------------------------

  diagnosticsList() {
    const list = this.record.diagnostics ?? [];
    if (!list.length) return h('p', { class: 'diagnostics-none muted' }, t('webui.plan.no-diagnostics'));
    const order = { error: 0, warning: 1, info: 2 };
    const sorted = [...list].sort((a, b) => (order[a.severity] ?? 3) - (order[b.severity] ?? 3));
    return h(
      'details',
      { class: 'diagnostics', open: sorted.some((d) => d.severity !== 'info') },
      h('summary', null, `${t('webui.plan.diagnostics')} (${list.length})`),
      h(
        'ul',
        null,
        sorted.map((d) =>
          h(
            'li',
            { class: `diag diag-${d.severity}` },
            h('span', { class: `tag ${d.severity}` }, t(`webui.severity.${d.severity}`)),
            ' ',
            d.message,
            d.line != null
              ? h('button', { type: 'button', class: 'link', onclick: () => (this.clearHighlight(), this.highlightLine(d.line)) }, ` (${t('webui.plan.diagnostic-line', { line: d.line })})`)
              : null,
          ),
        ),
      ),
    );
  }

  /** Diagnostics on the source lines they name, and on the fields read from those lines. */
  markDiagnosticLines() {
    const byLine = new Map();
    for (const d of this.record.diagnostics ?? []) if (d.line != null && d.severity !== 'info') (byLine.get(d.line) ?? byLine.set(d.line, []).get(d.line)).push(d);
    for (const el of this.textView.querySelectorAll('.line.diag-line')) {
      el.classList.remove('diag-line');
      el.removeAttribute('title');
    }
    for (const [line, ds] of byLine) {
      const el = this.textView.querySelector(`.line[data-line="${line}"]`);
      if (!el) continue;
      el.classList.add('diag-line');
      el.title = ds.map((d) => d.message).join('\n');
    }
    for (const el of this.recordPane.querySelectorAll('.value[data-pointer]')) {
      const ev = this.record.evidence?.[el.dataset.pointer];
      const ds = ev ? byLine.get(ev.line) : null;
      if (!ds) continue;
      el.parentElement.appendChild(h('span', { class: 'field-diag', title: ds.map((d) => d.message).join('\n') }, '⚠ ', ds.map((d) => d.message).join(' · ')));
    }
  }

  // ---- the record ---------------------------------------------------------------------------

  section(key, value) {
    return h('section', { class: `rec-section rec-${key}` }, h('h3', null, fieldLabel(key)), this.node(value, `/${key}`, key));
  }

  node(value, pointer, key) {
    if (Array.isArray(value)) return this.list(value, pointer, key);
    if (value && typeof value === 'object') {
      return h(
        'dl',
        { class: 'rec-object' },
        Object.entries(value).map(([k, v]) => [h('dt', null, fieldLabel(k)), h('dd', null, this.node(v, `${pointer}/${escapePointer(k)}`, k))]),
      );
    }
    return this.scalar(value, pointer, key);
  }

  list(items, pointer, key) {
    const add = TEXT_LISTS.has(key)
      ? h('button', { type: 'button', class: 'small', onclick: () => this.apply([{ op: 'add', path: `${pointer}/-`, value: '' }]) }, '+ ', t('webui.plan.add-item'))
      : null;
    if (!items.length) return h('div', { class: 'rec-list empty' }, h('span', { class: 'muted' }, t('webui.none')), ' ', add);
    return h(
      'div',
      { class: 'rec-list' },
      h(
        'ol',
        null,
        items.map((item, i) =>
          h(
            'li',
            null,
            this.node(item, `${pointer}/${i}`, key),
            h('button', { type: 'button', class: 'icon', title: t('webui.plan.remove-item'), 'aria-label': t('webui.plan.remove-item'), onclick: () => this.apply([{ op: 'remove', path: `${pointer}/${i}` }]) }, '✕'),
          ),
        ),
      ),
      add,
    );
  }

  scalar(value, pointer, key) {
    const shown = value == null || value === '' ? t('webui.unknown') : displayValue(key, value);
    const valueEl = h('span', { class: `value${value == null ? ' empty' : ''}`, 'data-pointer': pointer, tabindex: '0', role: 'button' }, shown);
    valueEl.addEventListener('click', () => this.showEvidence(pointer, valueEl));
    valueEl.addEventListener('keydown', (e) => e.key === 'Enter' && this.showEvidence(pointer, valueEl));
    const edit = h('button', { type: 'button', class: 'icon edit', title: t('webui.plan.edit'), 'aria-label': `${t('webui.plan.edit')} ${fieldLabel(key)}` }, '✎');
    const wrap = h('span', { class: 'fv' }, valueEl, ' ', edit);
    edit.addEventListener('click', () => wrap.replaceWith(this.editor(value, pointer, key, wrap)));
    return wrap;
  }

  editor(value, pointer, key, shownEl) {
    let control;
    const name = key in ENUMS ? key : null;
    if (name) {
      control = h('select', null, ENUMS[name].map((v) => h('option', { value: v, selected: v === value }, displayValue(key, v))));
    } else if (typeof value === 'boolean') {
      control = h('input', { type: 'checkbox', checked: value });
    } else if (typeof value === 'number' || (value == null && NUMBERS.has(key))) {
      control = h('input', { type: 'number', step: 'any', value: value == null ? '' : String(value) });
    } else if (typeof value === 'string' && value.length > 60) {
      control = h('textarea', { rows: String(Math.min(8, Math.ceil(value.length / 60))) }, value);
    } else {
      control = h('input', { type: 'text', value: value ?? '' });
    }
    control.classList.add('editor-control');
    const form = h(
      'form',
      { class: 'editor' },
      control,
      h('button', { type: 'submit' }, t('webui.save')),
      h('button', { type: 'button', class: 'secondary', onclick: () => form.replaceWith(shownEl) }, t('webui.cancel')),
    );
    form.addEventListener('submit', (e) => {
      e.preventDefault();
      let next;
      if (control.type === 'checkbox') next = control.checked;
      else if (control.type === 'number') {
        if (control.value.trim() === '') next = null;
        else {
          next = Number(control.value);
          if (!Number.isFinite(next)) return mount(this.status, notice(t('webui.plan.bad-value'), 'error'));
        }
      } else next = control.value === '' && value == null ? null : control.value;
      if (next === value) return form.replaceWith(shownEl);
      this.apply([{ op: 'replace', path: pointer, value: next }]);
    });
    setTimeout(() => control.focus(), 0);
    return form;
  }

  async apply(patch) {
    try {
      await api.patchPlan(this.id, patch);
      await this.reload();
      mount(this.status, notice(t('webui.plan.saved')));
    } catch (error) {
      mount(this.status, notice(error.message, 'error'));
    }
  }

  async reload() {
    this.plan = await api.getPlan(this.id);
    this.draw();
  }

  // ---- corrections and sources --------------------------------------------------------------

  correctionsList() {
    const list = (this.plan.corrections ?? []).filter((c) => !c.undoneAt);
    const items = [...list].reverse().map((c) =>
      h(
        'li',
        { 'data-correction': c.id },
        h('span', null, describeCorrection(c)),
        c.applied === false ? h('span', { class: 'tag warning', title: t('webui.plan.not-applied-help') }, t('webui.plan.not-applied')) : null,
        ' ',
        h(
          'button',
          {
            type: 'button',
            class: 'small',
            onclick: async () => {
              try {
                await api.undoCorrection(this.id, c.id);
                await this.reload();
                mount(this.status, notice(t('webui.plan.undone')));
              } catch (error) {
                mount(this.status, notice(error.message, 'error'));
              }
            },
          },
          t('webui.plan.undo'),
        ),
      ),
    );
    const who = h('input', { type: 'text', name: 'user', value: currentUser(), placeholder: 'Nguyễn Văn A', onchange: () => setCurrentUser(who.value) });
    return h(
      'section',
      { class: 'corrections' },
      h('h2', null, t('webui.plan.corrections')),
      h('label', { class: 'field' }, h('span', null, t('webui.plan.who')), who),
      items.length ? h('ul', null, items) : h('p', { class: 'muted' }, t('webui.plan.no-corrections')),
    );
  }

  sourcesList() {
    const sources = this.plan.sources ?? [];
    if (!sources.length) return null;
    return h(
      'section',
      { class: 'sources' },
      h('h2', null, t('webui.plan.sources')),
      h(
        'ul',
        null,
        sources.map((s) =>
          h(
            'li',
            { class: s.shown ? 'shown' : null },
            h('span', { class: 'source-name' }, s.path ?? s.sha256?.slice(0, 12) ?? ''),
            ' · ',
            [label('webui.format', s.format), s.pages ? t('webui.plan.source-pages-count', { pages: s.pages }) : null, s.ocr ? 'OCR' : null, s.addedAt ? new Date(s.addedAt).toLocaleString() : null]
              .filter(Boolean)
              .join(' · '),
            s.shown ? h('span', { class: 'tag ok' }, t('webui.plan.source-shown')) : null,
          ),
        ),
      ),
    );
  }
}

function escapePointer(key) {
  return String(key).replace(/~/g, '~0').replace(/\//g, '~1');
}

function fieldLabel(key) {
  return /^\d+$/.test(String(key)) ? String(Number(key) + 1) : label('webui.field', key);
}

function displayValue(key, value) {
  if (typeof value === 'boolean') return t(value ? 'webui.yes' : 'webui.no');
  if (key === 'date' || key === 'deadline') return viDate(value);
  if (key in ENUMS && key !== 'op') return label(`webui.${key}`, value);
  return String(value);
}

function describeCorrection(c) {
  const when = c.at ? new Date(c.at).toLocaleString() : '';
  return (c.ops ?? [])
    .map((op, i) => {
      const old = c.old?.[i];
      const fmt = (v) => (v == null ? '∅' : typeof v === 'object' ? JSON.stringify(v) : String(v));
      const path = op.path
        .split('/')
        .slice(1)
        .map((k) => fieldLabel(k.replace(/~1/g, '/').replace(/~0/g, '~')))
        .join(' › ');
      return t('webui.plan.correction-line', { when, who: c.author ?? '—', path, old: fmt(old), value: op.op === 'remove' ? '∅' : fmt(op.value) });
    })
    .join('; ');
}
