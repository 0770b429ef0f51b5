// What the pages (web/public) need beyond the plans API:
// - GET /api/messages?lang=vi|en: the pages' words from the one message catalogue, as
//   {lang, messages: {code: text}} — the pages' own entries (`webui.*`) and the server's (`web.*`:
//   upload stages, errors), not the whole catalogue;
// - GET /api/tree: the library's plans as the hierarchy `thidua tree` prints (province →
//   district → commune, one line of government each, cited plans missing from the library as
//   nodes of their own), for the library page.
import type { FastifyInstance } from 'fastify';
import type {} from '@fastify/swagger'; // the schema's tags and summary
import { CATALOGUE, type Lang } from '../messages/index.js';
import type { Library } from '../library/library.js';
import { buildTree } from '../library/tree.js';

const PREFIXES = ['webui.', 'web.'];

/** The catalogue entries the pages use, in one language. */
export function pageMessages(lang: Lang): Record<string, string> {
  const out: Record<string, string> = {};
  for (const [code, entry] of Object.entries(CATALOGUE)) {
    if (PREFIXES.some((p) => code.startsWith(p))) out[code] = entry[lang];
  }
  return out;
}

export function registerPageRoutes(app: FastifyInstance, lib: Library): void {
  app.get(
    '/api/messages',
    {
      schema: {
        tags: ['pages'],
        summary: 'The words of the web pages in one language (Vietnamese by default)',
        querystring: { type: 'object', properties: { lang: { type: 'string', enum: ['vi', 'en'] } } },
      },
    },
    async (req, reply) => {
      const lang: Lang = (req.query as { lang?: string }).lang === 'en' ? 'en' : 'vi';
      reply.header('Cache-Control', 'no-cache');
      return { lang, messages: pageMessages(lang) };
    },
  );

  app.get(
    '/api/tree',
    { schema: { tags: ['plans'], summary: 'The hierarchy of the library: each plan under the plan it implements, per line of government (UBND, police …); cited plans missing from the library as nodes with `missing`' } },
    async () => {
      const { plans, links } = await lib.allLinks();
      return { lines: buildTree(plans, links) };
    },
  );
}
