// Hộp thư đến: drop one or many files; each is sent to POST /api/plans with its own line
// showing what happens to it (sending, pages read / OCR'd, stored or already there, or why
// it could not be read), and a link to review the plan.
import { h, mount } from '../dom.js';
import { t } from '../i18n.js';
import { uploadFile, watchProgress } from '../api.js';
import { planName } from './common.js';

/** Files received in this browser tab, newest first (kept while moving between pages). */
const received = [];
let listEl = null;

export async function inboxPage() {
  const input = h('input', { type: 'file', multiple: true, id: 'files', class: 'visually-hidden', onchange: () => take(input.files) });
  const zone = h(
    'label',
    { class: 'dropzone', for: 'files', tabindex: '0', 'data-testid': 'dropzone' },
    h('span', { class: 'dropzone-icon', 'aria-hidden': 'true' }, '⇪'),
    h('span', null, t('webui.inbox.drop')),
  );
  zone.addEventListener('dragover', (e) => {
    e.preventDefault();
    zone.classList.add('over');
  });
  zone.addEventListener('dragleave', () => zone.classList.remove('over'));
  zone.addEventListener('drop', (e) => {
    e.preventDefault();
    zone.classList.remove('over');
    take(e.dataTransfer.files);
  });
  zone.addEventListener('keydown', (e) => {
    if (e.key === 'Enter' || e.key === ' ') {
      e.preventDefault();
      input.click();
    }
  });
  listEl = h('ul', { class: 'uploads', 'aria-live': 'polite' });
  drawList();
  return h(
    'section',
    { class: 'page inbox' },
    h('h1', null, t('webui.inbox.title')),
    h('p', { class: 'intro' }, t('webui.inbox.intro')),
    zone,
    input,
    h('h2', null, t('webui.inbox.recent')),
    listEl,
  );
}

function take(fileList) {
  const files = [...fileList];
  const items = files.map((file) => ({ file, name: file.name, state: 'queued', detail: null, id: null, status: null }));
  received.unshift(...items.reverse());
  drawList();
  // One at a time: the server reads one file per core anyway, and the lines finish in order.
  (async () => {
    for (const item of items.reverse()) await send(item);
  })();
}

async function send(item) {
  item.state = 'uploading';
  item.percent = 0;
  drawItem(item);
  const ticket = crypto.randomUUID?.() ?? String(Math.random()).slice(2);
  item.stages = [];
  const watch = watchProgress(ticket, (p) => {
    if (p.stage && !item.stages.includes(p.stage)) item.stages.push(p.stage);
    if ((item.state === 'uploading' || item.state === 'reading') && p.stage !== 'done' && p.stage !== 'failed' && p.stage !== 'queued') {
      item.state = 'reading';
      item.pages = p;
      drawItem(item);
    }
  });
  await watch.ready;
  try {
    const { status, body } = await uploadFile(
      item.file,
      (p) => {
        if (p.phase === 'upload') item.percent = p.total ? Math.round((100 * p.loaded) / p.total) : 0;
        else if (item.state === 'uploading') item.state = 'reading';
        drawItem(item);
      },
      ticket,
    );
    item.id = body?.id ?? null;
    item.record = body?.record ?? null;
    item.state = status === 201 ? 'stored' : 'existing';
  } catch (error) {
    item.state = 'failed';
    item.detail = error.message;
    const problem = error.details?.problem;
    const advice = problem ? t(`webui.problem.${problem}`) : null;
    item.advice = advice && advice !== `webui.problem.${problem}` ? advice : null;
  } finally {
    watch.stop();
  }
  item.file = null;
  drawItem(item);
}

function drawList() {
  if (!listEl) return;
  mount(listEl, received.map((item) => (item.el = itemElement(item))));
}

function drawItem(item) {
  if (!item.el || !item.el.isConnected) return drawList();
  const next = itemElement(item);
  item.el.replaceWith(next);
  item.el = next;
}

function itemElement(item) {
  const status = (() => {
    switch (item.state) {
      case 'queued':
        return t('webui.inbox.queued');
      case 'uploading':
        return t('webui.inbox.uploading', { percent: item.percent ?? 0 });
      case 'reading': {
        const p = item.pages;
        if (p && p.total) return t(p.stage === 'ocr' ? 'webui.inbox.ocr-pages' : 'webui.inbox.pages', { done: p.done ?? 0, total: p.total });
        if (p?.stage === 'storing') return t('webui.inbox.storing');
        return t('webui.inbox.reading');
      }
      case 'stored':
        return t('webui.inbox.stored');
      case 'existing':
        return t('webui.inbox.existing');
      default:
        return t('webui.inbox.failed');
    }
  })();
  const busy = item.state === 'uploading' || item.state === 'reading' || item.state === 'queued';
  const fraction =
    item.state === 'uploading' ? (item.percent ?? 0) / 100 / 2 : item.state === 'reading' && item.pages?.total ? 0.5 + (item.pages.done ?? 0) / item.pages.total / 2 : null;
  return h(
    'li',
    { class: `upload upload-${item.state}`, 'data-state': item.state, 'data-stages': (item.stages ?? []).join(' ') },
    h('span', { class: 'upload-name' }, item.name),
    h('span', { class: 'upload-status' }, status),
    busy ? h('progress', { max: '1', value: fraction == null ? null : String(fraction) }) : null,
    item.record ? h('span', { class: 'upload-plan' }, planName(item.record)) : null,
    item.advice ? h('span', { class: 'upload-advice' }, item.advice) : null,
    item.detail ? h('span', { class: 'upload-error' }, item.detail) : null,
    item.id != null ? h('a', { href: `/plans/${encodeURIComponent(item.id)}`, class: 'button' }, t('webui.inbox.open')) : null,
  );
}
