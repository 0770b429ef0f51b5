// `thidua search TEXT`: full-text search of the library, diacritic-insensitive and typo-tolerant.
import type { Command } from 'commander';
import { UsageError } from '../../errors.js';
import { addFilterOptions, addLibraryOptions, filtersFrom, renderPlanTable, withLibrary, type FilterCliOptions, type LibraryCliOptions } from '../../library/cli.js';

export function registerSearch(program: Command): void {
  const cmd = program
    .command('search')
    .description('search the library: accents optional, small typos tolerated ("cai cach hanh chinh" = "cải cách hành chánh")')
    .argument('<text...>', 'words to look for')
    .option('--json', 'print JSON')
    .option('--limit <n>', 'at most this many plans', '20');
  addFilterOptions(cmd);
  addLibraryOptions(cmd).action(async (words: string[], opts: LibraryCliOptions & FilterCliOptions & { json?: boolean; limit: string }) => {
    const filters = filtersFrom(opts);
    const limit = Number(opts.limit);
    if (!Number.isInteger(limit) || limit < 1) throw new UsageError(`--limit takes a positive whole number, not "${opts.limit}"`);
    const text = words.join(' ');
    if (text.trim() === '') throw new UsageError('search needs some text');
    const result = await withLibrary(opts, (lib) => lib.search(text, filters, limit));
    if (opts.json) {
      process.stdout.write(JSON.stringify(result, null, 2) + '\n');
      return;
    }
    if (result.hits.length === 0) {
      process.stdout.write('no plan matches\n');
      return;
    }
    if (result.partial) process.stdout.write('no plan holds every word; plans holding some of them:\n');
    process.stdout.write(renderPlanTable(result.hits, { header: 'Rank', value: (p) => p.rank.toFixed(3) }) + '\n');
  });
}
