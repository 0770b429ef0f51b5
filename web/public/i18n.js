// The message catalogue in the browser: the server's catalogue (pipeline/messages) sent as JSON
// by GET /api/messages?lang=…; Vietnamese by default, the language kept in localStorage.
let texts = {};
let lang = 'vi';

export function currentLang() {
  return lang;
}

export async function loadMessages(wanted) {
  lang = wanted === 'en' ? 'en' : 'vi';
  const headers = { accept: 'application/json' };
  const response = await fetch(`/api/messages?lang=${lang}`, { headers });
  if (!response.ok) throw new Error(`messages: HTTP ${response.status}`);
  const body = await response.json();
  texts = body.messages ?? body;
  document.documentElement.lang = lang;
}

export function storedLang() {
  try {
    return localStorage.getItem('thidua.lang') === 'en' ? 'en' : 'vi';
  } catch {
    return 'vi';
  }
}

export function storeLang(value) {
  try {
    localStorage.setItem('thidua.lang', value);
  } catch {
    /* private mode: the choice lasts for the page */
  }
}

/** The text of a message, `{name}` parameters filled in; the code itself when it is unknown. */
export function t(code, params = {}) {
  const template = texts[code];
  if (template == null) return code;
  return template.replace(/\{(\w+)\}/g, (whole, name) => (params[name] == null ? whole : String(params[name])));
}

/** A label for a value of a closed set (`webui.level.district`), the value itself when there is none. */
export function label(prefix, value) {
  if (value == null) return '';
  const code = `${prefix}.${value}`;
  return texts[code] ?? String(value);
}
