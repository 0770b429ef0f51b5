// What the pages (web/public) need beyond the plans API: GET /api/messages?lang=vi|en, the
// pages' words from the one message catalogue, as {lang, messages: {code: text}} — the pages'
// own entries (`webui.*`) and the server's (`web.*`: upload stages, errors), not the whole
// catalogue.
import type { FastifyInstance } from 'fastify';
import type {} from '@fastify/swagger'; // the schema's tags and summary
import { CATALOGUE, type Lang } from '../messages/index.js';

const PREFIXES = ['webui.', 'web.'];

/** The catalogue entries the pages use, in one language. */
export function pageMessages(lang: Lang): Record<string, string> {
  const out: Record<string, string> = {};
  for (const [code, entry] of Object.entries(CATALOGUE)) {
    if (PREFIXES.some((p) => code.startsWith(p))) out[code] = entry[lang];
  }
  return out;
}

export function registerPageRoutes(app: FastifyInstance): void {
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

}
