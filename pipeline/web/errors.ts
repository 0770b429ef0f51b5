// Errors of the JSON API: a status, a catalogue code and its parameters. Every error a client
// sees is {error: {code, message}} with the message from the catalogue, never a stack trace.
import { t, type Lang, type Params } from '../messages/index.js';

export class ApiError extends Error {
  constructor(
    readonly statusCode: number,
    readonly code: string,
    readonly params: Params = {},
    readonly extra: Record<string, unknown> = {},
  ) {
    super(code);
    this.name = 'ApiError';
  }
}

export function errorBody(code: string, params: Params, lang: Lang, extra: Record<string, unknown> = {}) {
  return { error: { code, message: t(code, params, lang), ...extra } };
}

/** The language of a request: ?lang=en, else the first Accept-Language tag; Vietnamese by default. */
export function requestLang(query: unknown, acceptLanguage: string | undefined): Lang {
  const q = (query as { lang?: unknown } | undefined)?.lang;
  if (typeof q === 'string') return q.toLowerCase().startsWith('en') ? 'en' : 'vi';
  const first = (acceptLanguage ?? '').split(',')[0]?.trim().toLowerCase() ?? '';
  return first.startsWith('en') ? 'en' : 'vi';
}
