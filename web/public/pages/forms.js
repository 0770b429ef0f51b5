// Hồ sơ khen thưởng: choose the plan, upload the nominee list (XLSX or CSV), fill in the
// submitting body once (kept in this browser), see every check of the list against the plan in
// the plan's own words, then download mẫu 01 (Tờ trình) and mẫu 08 (Báo cáo thành tích) as
// DOCX, or PDF when the server has LibreOffice.
import { h, mount, notice } from '../dom.js';
import { label, t } from '../i18n.js';
import { api, download, request, withLang } from '../api.js';
import { planOption, plansOf } from './common.js';

const OCCASIONS = ['annual', 'midterm', 'final', 'campaign'];
const BODY_KEY = 'thidua.submittingBody';

export async function formsPage({ query: search }) {
  const [listed, health] = await Promise.all([api.listPlans({ limit: 1000 }), api.health().catch(() => ({}))]);
  const plans = plansOf(listed);
  const pdf = health?.pdf === true;
  const saved = loadBody();
  const status = h('div', { class: 'status-line', 'aria-live': 'polite' });
  const checks = h('div', { class: 'checks', 'data-testid': 'checks' });

  const planSelect = h(
    'select',
    { name: 'plan', required: true, 'data-testid': 'forms-plan' },
    h('option', { value: '' }, t('webui.compare.pick')),
    plans.map((p) => h('option', { value: String(p.id), selected: String(p.id) === search.get('plan') }, planOption(p))),
  );
  const fileInput = h('input', { type: 'file', name: 'nominees', accept: '.xlsx,.csv,text/csv,application/vnd.openxmlformats-officedocument.spreadsheetml.sheet', 'data-testid': 'forms-nominees' });
  const occasion = h('select', { name: 'occasion' }, h('option', { value: '' }, t('webui.forms.occasion-auto')), OCCASIONS.map((o) => h('option', { value: o }, label('webui.occasion', o))));
  const date = h('input', { type: 'date', name: 'date', value: new Date().toISOString().slice(0, 10) });
  const draft = h('input', { type: 'checkbox', name: 'draft' });
  const text = (name, value, attrs = {}) => h('input', { type: 'text', name, value: value ?? '', ...attrs });
  const bodyFields = {
    name: text('body.name', saved.name, { required: true, placeholder: 'Phòng Nội vụ …' }),
    parent: text('body.parent', saved.parent, { placeholder: 'Ủy ban nhân dân …' }),
    symbol: text('body.symbol', saved.symbol, { required: true, placeholder: 'PNV', size: '8' }),
    place: text('body.place', saved.place, { required: true }),
    addressee: text('body.addressee', saved.addressee, { required: true, placeholder: 'Chủ tịch Ủy ban nhân dân …' }),
    authority: text('body.signer.authority', Array.isArray(saved.signer?.authority) ? saved.signer.authority.join('; ') : saved.signer?.authority, { placeholder: 'KT. Trưởng phòng' }),
    position: text('body.signer.position', saved.signer?.position, { required: true }),
    signer: text('body.signer.name', saved.signer?.name, { required: true }),
  };
  const field = (code, control) => h('label', { class: 'field' }, h('span', null, t(code)), control);
  const bodyBox = h(
    'fieldset',
    { class: 'body' },
    h('legend', null, t('webui.forms.body')),
    field('webui.forms.body-name', bodyFields.name),
    field('webui.forms.body-parent', bodyFields.parent),
    field('webui.field.symbol', bodyFields.symbol),
    field('webui.forms.body-place', bodyFields.place),
    field('webui.forms.to', bodyFields.addressee),
    field('webui.forms.signer-authority', bodyFields.authority),
    field('webui.forms.signer-title', bodyFields.position),
    field('webui.forms.signer-name', bodyFields.signer),
  );

  const submittingBody = () => {
    const v = (el) => el.value.trim() || undefined;
    const authority = v(bodyFields.authority)?.split(/\s*;\s*/).filter(Boolean);
    const body = {
      name: v(bodyFields.name),
      parent: v(bodyFields.parent),
      symbol: v(bodyFields.symbol),
      place: v(bodyFields.place),
      addressee: v(bodyFields.addressee),
      signer: { authority: authority && (authority.length === 1 ? authority[0] : authority), position: v(bodyFields.position), name: v(bodyFields.signer) },
    };
    if (saved.recipients) body.recipients = saved.recipients;
    storeBody(body);
    return body;
  };

  /** The multipart form the forms endpoints take. */
  const formData = () => {
    if (!planSelect.value) throw new Error(t('webui.forms.need-plan'));
    const file = fileInput.files?.[0];
    if (!file) throw new Error(t('webui.forms.need-file'));
    const data = new FormData();
    data.append('body', JSON.stringify(submittingBody()));
    if (occasion.value) data.append('occasion', occasion.value);
    if (date.value) data.append('date', date.value);
    if (draft.checked) data.append('draft', 'true');
    data.append('nominees', file, file.name);
    return data;
  };

  const check = async () => {
    mount(status);
    try {
      // The checks come with mẫu 01 (JSON answer): the file itself is not kept here.
      const result = await request('POST', `/api/plans/${encodeURIComponent(planSelect.value)}/forms/mau01`, { body: formData() });
      mount(checks, checkTable(result));
      return result;
    } catch (error) {
      mount(checks, error.details?.checks ? checkTable(error.details.checks) : notice(error.message, 'error'));
      return null;
    }
  };

  const make = async (form, format) => {
    mount(status);
    try {
      const url = `/api/plans/${encodeURIComponent(planSelect.value)}/forms/${form}?format=${format}`;
      const response = await request('POST', withLang(url), { body: formData(), raw: true });
      const name = await download(response, `${form}.${form === 'mau08' ? 'zip' : format}`);
      mount(status, notice(t('webui.forms.downloaded', { name })));
    } catch (error) {
      if (error.details?.checks) {
        mount(checks, checkTable(error.details.checks));
        mount(status, notice(t('webui.forms.refused'), 'error'));
      } else mount(status, notice(error.message, 'error'));
    }
  };

  const button = (code, onclick, attrs = {}) => h('button', { type: 'button', onclick, ...attrs }, t(code));
  const form = h(
    'form',
    { class: 'forms-form', onsubmit: (e) => (e.preventDefault(), check()) },
    field('webui.forms.plan', planSelect),
    field('webui.forms.nominees', fileInput),
    h('div', { class: 'row' }, field('webui.forms.occasion', occasion), field('webui.forms.date', date)),
    bodyBox,
    h('label', { class: 'check' }, draft, ' ', t('webui.forms.draft')),
    h(
      'div',
      { class: 'buttons' },
      h('button', { type: 'submit', 'data-testid': 'forms-check' }, t('webui.forms.check')),
      button('webui.forms.download-mau01', () => make('mau01', 'docx'), { 'data-testid': 'download-mau01' }),
      button('webui.forms.download-mau08', () => make('mau08', 'docx'), { 'data-testid': 'download-mau08' }),
      pdf ? button('webui.forms.download-mau01-pdf', () => make('mau01', 'pdf'), { class: 'secondary', 'data-testid': 'download-mau01-pdf' }) : null,
      pdf ? button('webui.forms.download-mau08-pdf', () => make('mau08', 'pdf'), { class: 'secondary', 'data-testid': 'download-mau08-pdf' }) : null,
    ),
  );

  return h('section', { class: 'page forms' }, h('h1', null, t('webui.forms.title')), h('p', { class: 'intro' }, t('webui.forms.intro')), form, status, checks);
}

/** The checks of the list: each problem with the nominee, the rule and the plan's words. */
function checkTable(result) {
  const problems = result.problems ?? [];
  const inputWarnings = result.warnings ?? [];
  const errors = problems.filter((p) => p.severity === 'error').length;
  const warnings = problems.length - errors;
  return h(
    'section',
    null,
    h('h2', null, t('webui.forms.checks')),
    typeof result.nominees === 'number' ? h('p', null, t('webui.forms.nominee-count', { count: result.nominees })) : null,
    problems.length ? h('p', { class: errors ? 'bad' : 'warn' }, t('webui.forms.problems', { errors, warnings })) : h('p', { class: 'good' }, t('webui.forms.all-ok')),
    inputWarnings.length ? h('ul', { class: 'input-warnings' }, inputWarnings.map((w) => h('li', null, typeof w === 'string' ? w : w.message ?? JSON.stringify(w)))) : null,
    problems.length
      ? h(
          'table',
          { class: 'problems' },
          h('thead', null, h('tr', null, ['nominee', 'rule', 'message'].map((k) => h('th', { scope: 'col' }, t(`webui.forms.col.${k}`))))),
          h(
            'tbody',
            null,
            problems.map((p) =>
              h(
                'tr',
                { class: p.severity },
                h('td', null, p.nominee ?? h('em', null, t('webui.forms.whole-list'))),
                h('td', null, h('span', { class: `tag ${p.severity}` }, t(`webui.severity.${p.severity}`)), ' ', ruleWords(p.rule)),
                h('td', null, p.text ?? p.message),
              ),
            ),
          ),
        )
      : null,
  );
}

/** quota → "Số lượng khen thưởng", criterion:satisfaction → "Tiêu chuẩn: Tỷ lệ hài lòng". */
function ruleWords(rule) {
  const [head, metric] = String(rule ?? '').split(':');
  if (head === 'criterion') return t('webui.rule.criterion', { metric: label('webui.metric', metric ?? '') });
  return label('webui.rule', head);
}

function loadBody() {
  try {
    return JSON.parse(localStorage.getItem(BODY_KEY) ?? '{}') ?? {};
  } catch {
    return {};
  }
}

function storeBody(body) {
  try {
    localStorage.setItem(BODY_KEY, JSON.stringify(body));
  } catch {
    /* private mode */
  }
}
