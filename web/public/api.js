// The JSON API (pipeline/web) as the pages use it. Errors come back as {error: {code, message}}
// with the message already in the page's language; a failure to reach the server becomes a
// plain-words message too. State-changing requests carry the CSRF header.
import { currentLang, t } from './i18n.js';

export class ApiError extends Error {
  constructor(status, code, message, details) {
    super(message);
    this.status = status;
    this.code = code;
    this.details = details;
  }
}

/**
 * The server refuses a state-changing request from a browser without the X-Thidua-CSRF header
 * (a header another site's page cannot send without the server's leave). On a network the
 * access token travels in the cookie the server sets when the page is opened with ?token=….
 */
const CSRF_HEADER = 'x-thidua-csrf';

/** Who makes corrections from this browser (kept in it), sent as X-Thidua-User, URI-encoded. */
export function currentUser() {
  try {
    return localStorage.getItem('thidua.user') ?? '';
  } catch {
    return '';
  }
}

export function setCurrentUser(name) {
  try {
    localStorage.setItem('thidua.user', name.trim());
  } catch {
    /* private mode */
  }
}

function headersFor(method, extra = {}) {
  const headers = { accept: 'application/json', 'accept-language': currentLang(), ...extra };
  if (method !== 'GET' && method !== 'HEAD') {
    headers[CSRF_HEADER] = '1';
    const user = currentUser();
    if (user) headers['x-thidua-user'] = encodeURIComponent(user);
  }
  return headers;
}

async function failure(response) {
  let code = `http-${response.status}`;
  let message = response.statusText;
  let details;
  try {
    const body = await response.json();
    if (body?.error) {
      code = body.error.code ?? code;
      message = body.error.message ?? message;
      details = body.error;
    }
  } catch {
    /* not JSON */
  }
  return new ApiError(response.status, code, message, details);
}

/** fetch with the page's language and the CSRF header; JSON in, JSON (or the Response) out. */
export async function request(method, url, { json, body, headers, raw } = {}) {
  let response;
  try {
    const sent = json !== undefined ? JSON.stringify(json) : body;
    const extra = json !== undefined && !headers?.['content-type'] ? { 'content-type': 'application/json' } : {};
    response = await fetch(withLang(url), {
      method,
      body: sent,
      credentials: 'same-origin',
      headers: headersFor(method, { ...extra, ...headers }),
    });
  } catch {
    throw new ApiError(0, 'network', t('webui.error.network'));
  }
  if (!response.ok) throw await failure(response);
  if (raw) return response;
  if (response.status === 204) return null;
  const type = response.headers.get('content-type') ?? '';
  return type.includes('json') ? response.json() : response.text();
}

/** The page's language travels as ?lang= so that a downloaded file or a message is in it too. */
export function withLang(url) {
  const u = new URL(url, location.origin);
  if (!u.searchParams.has('lang')) u.searchParams.set('lang', currentLang());
  return u.pathname + u.search;
}

export const api = {
  health: () => request('GET', '/api/health'),
  listPlans: (params = {}) => request('GET', `/api/plans?${query(params)}`),
  getPlan: (id) => request('GET', `/api/plans/${encodeURIComponent(id)}`),
  planText: (id) => request('GET', `/api/plans/${encodeURIComponent(id)}/text`),
  patchPlan: (id, patch) =>
    request('PATCH', `/api/plans/${encodeURIComponent(id)}`, {
      body: JSON.stringify(patch),
      headers: { 'content-type': 'application/json-patch+json' },
    }),
  deletePlan: (id) => request('DELETE', `/api/plans/${encodeURIComponent(id)}`),
  compare: (a, b) => request('GET', `/api/compare?${query({ a, b })}`),
  tree: () => request('GET', '/api/tree'),
  undoCorrection: (id, correction) => request('DELETE', `/api/plans/${encodeURIComponent(id)}/corrections/${encodeURIComponent(correction)}`),
  pageImageUrl: (id, page) => `/api/plans/${encodeURIComponent(id)}/pages/${encodeURIComponent(page)}`,
};

export function query(params) {
  const q = new URLSearchParams();
  for (const [k, v] of Object.entries(params)) if (v != null && v !== '') q.set(k, String(v));
  return q.toString();
}

/**
 * Upload one file (multipart field `file`) with progress: onProgress({phase:'upload', loaded, total}).
 * XMLHttpRequest because fetch reports no upload progress.
 */
export async function uploadFile(file, onProgress, ticket = null, url = '/api/plans') {
  return new Promise((resolve, reject) => {
    const xhr = new XMLHttpRequest();
    xhr.open('POST', withLang(url));
    for (const [name, value] of Object.entries(headersFor('POST'))) xhr.setRequestHeader(name, value);
    if (ticket) xhr.setRequestHeader('x-upload-id', ticket);
    xhr.upload.onprogress = (e) => onProgress?.({ phase: 'upload', loaded: e.loaded, total: e.lengthComputable ? e.total : file.size });
    xhr.upload.onload = () => onProgress?.({ phase: 'read' });
    xhr.onerror = () => reject(new ApiError(0, 'network', t('webui.error.network')));
    xhr.onload = () => {
      let body = null;
      try {
        body = JSON.parse(xhr.responseText);
      } catch {
        /* not JSON */
      }
      if (xhr.status >= 200 && xhr.status < 300) resolve({ status: xhr.status, body });
      else reject(new ApiError(xhr.status, body?.error?.code ?? `http-${xhr.status}`, body?.error?.message ?? xhr.statusText, body?.error));
    };
    const form = new FormData();
    form.append('file', file, file.name);
    xhr.send(form);
  });
}

/** Download a response as a file (the name from Content-Disposition when the server gives one). */
export async function download(response, fallbackName) {
  const blob = await response.blob();
  const disposition = response.headers.get('content-disposition') ?? '';
  const star = /filename\*=UTF-8''([^;]+)/i.exec(disposition);
  const plain = /filename="?([^";]+)"?/i.exec(disposition);
  const name = star ? decodeURIComponent(star[1]) : plain ? plain[1] : fallbackName;
  const a = document.createElement('a');
  a.href = URL.createObjectURL(blob);
  a.download = name;
  document.body.appendChild(a);
  a.click();
  a.remove();
  setTimeout(() => URL.revokeObjectURL(a.href), 10_000);
  return name;
}

/**
 * Follow the server's reading of an upload (stage, pages read or OCR'd) by its ticket:
 * onProgress({stage, done, total}). Returns {stop, ready}: `ready` settles once the stream is
 * open (or after a short wait), so that an upload started then misses none of its stages.
 */
export function watchProgress(ticket, onProgress) {
  if (typeof EventSource === 'undefined') return { stop: () => {}, ready: Promise.resolve() };
  const source = new EventSource(`/api/uploads/${encodeURIComponent(ticket)}/events`);
  let opened;
  const ready = new Promise((resolve) => {
    opened = resolve;
    setTimeout(resolve, 2000);
  });
  source.onopen = () => opened();
  source.onmessage = (event) => {
    try {
      onProgress(JSON.parse(event.data));
    } catch {
      /* ignore a malformed event */
    }
  };
  source.onerror = () => {
    source.close();
    opened();
  };
  return { stop: () => source.close(), ready };
}
