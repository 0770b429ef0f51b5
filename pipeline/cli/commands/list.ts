// `thidua list`: the plans in the library, newest first, with filters.
import type { Command } from 'commander';
import { UsageError } from '../../errors.js';
import { addFilterOptions, addLibraryOptions, filtersFrom, renderPlanTable, withLibrary, type FilterCliOptions, type LibraryCliOptions } from '../../library/cli.js';

export function registerList(program: Command): void {
  const cmd = program.command('list').description('list the plans in the library, newest first').option('--json', 'print JSON').option('--limit <n>', 'at most this many plans', '1000');
  addFilterOptions(cmd);
  addLibraryOptions(cmd).action(async (opts: LibraryCliOptions & FilterCliOptions & { json?: boolean; limit: string }) => {
    const filters = filtersFrom(opts);
    const limit = Number(opts.limit);
    if (!Number.isInteger(limit) || limit < 1) throw new UsageError(`--limit takes a positive whole number, not "${opts.limit}"`);
    const plans = await withLibrary(opts, (lib) => lib.list(filters, limit));
    if (opts.json) process.stdout.write(JSON.stringify(plans, null, 2) + '\n');
    else process.stdout.write(plans.length ? renderPlanTable(plans) + '\n' : 'no plans\n');
  });
}
