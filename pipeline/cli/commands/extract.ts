// `thidua extract FILE`: prints the plan record of one document. The file is read in the
// guarded worker (pipeline/guard.ts): a reader that stalls is stopped at its time limit.
import type { Command } from 'commander';
import { UsageError } from '../../errors.js';
import { closeGuard, extractGuarded } from '../../guard.js';
import { t } from '../../messages/index.js';
import { parsePageRange, writeFileAtomic } from '../io.js';

export function registerExtract(program: Command): void {
  program
    .command('extract')
    .description(t('cli.extract.description'))
    .argument('<file>', t('cli.extract.arg-file'))
    .option('-o, --out <file>', t('cli.extract.opt-out'))
    .option('--no-restore', t('cli.opt-no-restore'))
    .option('--pages <range>', t('cli.extract.opt-pages'))
    .option('-q, --quiet', t('cli.opt-quiet'))
    .option('--compact', t('cli.extract.opt-compact'))
    .addHelpText('after', '\n' + t('cli.extract.exit-status'))
    .action(async (file: string, opts: { out?: string; restore: boolean; pages?: string; quiet?: boolean; compact?: boolean }) => {
      const pageRange = opts.pages === undefined ? undefined : parsePageRange(opts.pages);
      if (pageRange === null) throw new UsageError({ code: 'cli.err-pages', params: { value: opts.pages } });
      try {
        const result = await extractGuarded(file, { restore: opts.restore, pageRange, quiet: opts.quiet });
        const json = JSON.stringify(result.record, null, opts.compact ? 0 : 2).normalize('NFC') + '\n';
        if (opts.out) await writeFileAtomic(opts.out, json);
        else process.stdout.write(json);
      } finally {
        await closeGuard();
      }
    });
}
