// The officer's workbench: one page, five views chosen by the path (/inbox, /library,
// /plans/:id, /compare, /forms), links followed without reloading.
import { h, mount, notice } from './dom.js';
import { loadMessages, storedLang, storeLang, currentLang, t } from './i18n.js';
import { inboxPage } from './pages/inbox.js';
import { libraryPage } from './pages/library.js';
import { planPage } from './pages/plan.js';
import { comparePage } from './pages/compare.js';
import { formsPage } from './pages/forms.js';

const ROUTES = [
  { path: /^\/(?:inbox)?$/, nav: 'inbox', page: inboxPage },
  { path: /^\/library$/, nav: 'library', page: libraryPage },
  { path: /^\/plans\/([^/]+)$/, nav: 'library', page: planPage },
  { path: /^\/compare$/, nav: 'compare', page: comparePage },
  { path: /^\/forms$/, nav: 'forms', page: formsPage },
];
const NAV = [
  ['inbox', '/inbox'],
  ['library', '/library'],
  ['compare', '/compare'],
  ['forms', '/forms'],
];

const app = document.getElementById('app');
let generation = 0;

/** Go to a path inside the app (pushes history). */
export function navigate(path) {
  history.pushState(null, '', path);
  render();
}

async function render() {
  const mine = ++generation;
  const { pathname, searchParams } = new URL(location.href);
  const route = ROUTES.find((r) => r.path.test(pathname));
  drawNav(route?.nav);
  if (!route) {
    mount(app, notice(t('webui.not-found'), 'error'));
    return;
  }
  const params = pathname.match(route.path).slice(1).map(decodeURIComponent);
  mount(app, h('p', { class: 'loading' }, t('webui.loading')));
  try {
    const view = await route.page({ params, query: searchParams, navigate, isCurrent: () => mine === generation });
    if (mine !== generation) return;
    mount(app, view);
    document.title = `${app.querySelector('h1')?.textContent ?? ''} · thidua`;
  } catch (error) {
    if (mine !== generation) return;
    mount(app, notice(error?.message ?? String(error), 'error'));
  }
}

function drawNav(active) {
  const nav = document.getElementById('nav');
  mount(
    nav,
    NAV.map(([key, path]) =>
      h('a', { href: path, 'data-nav': true, class: key === active ? 'active' : null, 'aria-current': key === active ? 'page' : null }, t(`webui.nav.${key}`)),
    ),
  );
  const button = document.getElementById('lang');
  button.textContent = t('webui.lang.switch');
}

// Links inside the app are followed without reloading the page.
document.addEventListener('click', (event) => {
  const a = event.target.closest?.('a[href]');
  if (!a || a.target || a.hasAttribute('download') || event.ctrlKey || event.metaKey || event.shiftKey || event.button !== 0) return;
  const url = new URL(a.href, location.href);
  if (url.origin !== location.origin || url.pathname.startsWith('/api/')) return;
  event.preventDefault();
  navigate(url.pathname + url.search);
});
window.addEventListener('popstate', render);

document.getElementById('lang').addEventListener('click', async () => {
  const next = currentLang() === 'vi' ? 'en' : 'vi';
  storeLang(next);
  await loadMessages(next);
  render();
});

async function start() {
  try {
    await loadMessages(new URL(location.href).searchParams.get('lang') ?? storedLang());
  } catch {
    mount(app, notice('Không kết nối được với máy chủ thidua. / Cannot reach the thidua server.', 'error'));
    return;
  }
  render();
}
start();
