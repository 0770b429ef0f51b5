// GET /api/messages?lang=vi|en: the words of the pages (web/public), from the one message
// catalogue, as {lang, messages: {code: text}}. The pages' own entries (`webui.*`) and the
// server's (`web.*`: upload stages, errors) — not the whole catalogue.
import type { FastifyInstance } from 'fastify';
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

export function registerMessageRoutes(app: FastifyInstance): void {
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
