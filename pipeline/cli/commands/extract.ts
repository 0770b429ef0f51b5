// `thidua extract FILE`: prints the plan record of one document.
import type { Command } from 'commander';
import { extractFile } from '../../extract.js';
import { UsageError } from '../../errors.js';
import { parsePageRange, writeFileAtomic } from '../io.js';

export function registerExtract(program: Command): void {
  program
    .command('extract')
    .description('read a plan document (text, markdown, PDF, image, DOCX) and print its plan record as JSON')
    .argument('<file>', 'the plan document')
    .option('-o, --out <file>', 'write the record to this file instead of standard output')
    .option('--no-restore', 'keep stripped or garbled text as it is instead of restoring diacritics')
    .option('--pages <range>', 'only these pages of a PDF or multi-page image, e.g. 1-3')
    .option('-q, --quiet', 'no progress output on standard error')
    .option('--compact', 'print the JSON on one line')
    .addHelpText(
      'after',
      '\nExit status: 0 on success; 1 for a bad input (missing, empty, binary, not a plan: the\nmessage names the file and the problem); 2 for a usage error.',
    )
    .action(async (file: string, opts: { out?: string; restore: boolean; pages?: string; quiet?: boolean; compact?: boolean }) => {
      const pageRange = opts.pages === undefined ? undefined : parsePageRange(opts.pages);
      if (pageRange === null) throw new UsageError(`--pages takes a page or a range such as 1-3, not "${opts.pages}"`);
      const result = await extractFile(file, { restore: opts.restore, pageRange, quiet: opts.quiet });
      const json = JSON.stringify(result.record, null, opts.compact ? 0 : 2).normalize('NFC') + '\n';
      if (opts.out) await writeFileAtomic(opts.out, json);
      else process.stdout.write(json);
    });
}
