// The message catalogue: every message a person reads (CLI, web app, comparison, forms'
// warnings, refusals) comes from here, by a stable code, in Vietnamese by default and in
// English on request (THIDUA_LANG=en, `--lang en`, the web app's language switch).
// Each area keeps its entries in its own file; codes are unique across the catalogue.
// Record field names and diagnostic codes stay English; only the text a person reads changes.
import { CORE } from './core.js';
import { TEXT } from './text.js';
import { WEB } from './web.js';
import { QUEUE } from './queue.js';
import { FORMS } from './forms.js';
import { WEBUI } from './webui.js';
import { INPUT } from './input.js';
import { CLI } from './cli.js';
import { COMPARE } from './compare.js';
import { LIBRARY } from './library.js';

export type Lang = 'vi' | 'en';
/** One message: its Vietnamese and English text; `{name}` marks a parameter. */
export interface Entry {
  vi: string;
  en: string;
}
export type Params = Record<string, string | number | null | undefined>;

/** All entries, by code. Areas add their files here. */
export const CATALOGUE: Record<string, Entry> = {
  ...CORE,
  ...TEXT,
  ...WEB,
  ...QUEUE,
  ...FORMS,
  ...WEBUI,
  ...INPUT,
  ...CLI,
  ...COMPARE,
  ...LIBRARY,
};

let chosen: Lang | null = null;

/** The language messages are written in: `setLang`, else THIDUA_LANG, else Vietnamese. */
export function currentLang(): Lang {
  if (chosen) return chosen;
  const env = (process.env.THIDUA_LANG ?? '').toLowerCase();
  return env.startsWith('en') ? 'en' : 'vi';
}

/** The language set with `setLang`, or null when it follows THIDUA_LANG. */
export function chosenLang(): Lang | null {
  return chosen;
}

export function setLang(lang: Lang | string | null | undefined): void {
  chosen = lang == null ? null : String(lang).toLowerCase().startsWith('en') ? 'en' : 'vi';
}

/** The text of a message in the current (or given) language, its parameters filled in. */
export function t(code: string, params: Params = {}, lang: Lang = currentLang()): string {
  const entry = CATALOGUE[code];
  if (!entry) return code + (Object.keys(params).length ? ` ${JSON.stringify(params)}` : '');
  return fill(entry[lang], params);
}

function fill(template: string, params: Params): string {
  return template.replace(/\{(\w+)\}/g, (whole, name: string) => {
    const value = params[name];
    return value == null ? whole : String(value);
  });
}
