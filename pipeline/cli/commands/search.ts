// `thidua search TEXT`: full-text search of the library, diacritic-insensitive and typo-tolerant.
import type { Command } from 'commander';
import { UsageError } from '../../errors.js';
import { t } from '../../messages/index.js';
import { addFilterOptions, addLibraryOptions, filtersFrom, renderPlanTable, withLibrary, type FilterCliOptions, type LibraryCliOptions } from '../../library/cli.js';

export function registerSearch(program: Command): void {
  const cmd = program
    .command('search')
    .description(t('cli.search.description'))
    .argument('<text...>', t('cli.search.arg-text'))
    .option('--json', t('cli.opt-json'))
    .option('--limit <n>', t('cli.opt-limit'), '20');
  addFilterOptions(cmd);
  addLibraryOptions(cmd).action(async (words: string[], opts: LibraryCliOptions & FilterCliOptions & { json?: boolean; limit: string }) => {
    const filters = filtersFrom(opts);
    const limit = Number(opts.limit);
    if (!Number.isInteger(limit) || limit < 1) throw new UsageError({ code: 'cli.err-limit', params: { value: opts.limit } });
    const text = words.join(' ');
    if (text.trim() === '') throw new UsageError({ code: 'cli.search.empty' });
    const result = await withLibrary(opts, (lib) => lib.search(text, filters, limit));
    if (opts.json) {
      process.stdout.write(JSON.stringify(result, null, 2) + '\n');
      return;
    }
    if (result.hits.length === 0) {
      process.stdout.write(t('cli.search.none') + '\n');
      return;
    }
    if (result.partial) process.stdout.write(t('cli.search.partial') + '\n');
    process.stdout.write(renderPlanTable(result.hits, { header: t('library.col.rank'), value: (p) => p.rank.toFixed(3) }) + '\n');
  });
}
