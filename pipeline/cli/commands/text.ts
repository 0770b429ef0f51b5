// `thidua text FILE [--pages R] [--raw] [--layout]`: the text thidua reads from a document —
// after ingest, OCR and normalisation (--raw: before normalisation) — with a marker before each
// page. What a person needs to check a record against its source or to get the words of a scan.
import type { Command } from 'commander';
import { UsageError } from '../../errors.js';
import { t } from '../../messages/index.js';
import { readDocumentText, requireText } from '../../pages.js';
import { readingOrder } from '../../text/reading-order.js';
import { parsePageRange, writeFileAtomic } from '../io.js';

export function registerText(program: Command): void {
  program
    .command('text')
    .description(t('text.description'))
    .argument('<file>', t('text.argument-file'))
    .option('--pages <range>', t('text.option-pages'))
    .option('--raw', t('text.option-raw'))
    .option('--layout', t('text.option-layout'))
    .option('-o, --out <file>', t('text.option-out'))
    .option('-q, --quiet', t('text.option-quiet'))
    .addHelpText('after', t('text.help-after'))
    .action(async (file: string, opts: { pages?: string; raw?: boolean; layout?: boolean; out?: string; quiet?: boolean }) => {
      const pageRange = opts.pages === undefined ? undefined : parsePageRange(opts.pages);
      if (pageRange === null) throw new UsageError(t('text.bad-pages', { value: opts.pages }));
      const doc = await readDocumentText(file, { pageRange, quiet: opts.quiet, raw: opts.raw });
      requireText(doc, t('text.no-text'));
      if (!opts.quiet) {
        for (const d of doc.diagnostics) {
          // (Ingest's notes name their page.)
          if (d.page === undefined) continue;
          process.stderr.write(`thidua: ${file}: ${d.message}\n`);
        }
      }
      const parts: string[] = [];
      for (const page of doc.pages) {
        // The header stands at the top of the first page.
        const body = opts.layout || (page.number !== null && page.number !== 1) ? page.text : readingOrder(page.text);
        parts.push(page.number === null ? body : `${t('text.page-marker', { page: page.number })}\n${body}`);
      }
      const out = parts.join('\n\n').normalize('NFC') + '\n';
      if (opts.out) await writeFileAtomic(opts.out, out);
      else process.stdout.write(out);
    });
}
