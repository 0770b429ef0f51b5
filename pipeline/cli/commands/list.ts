// `thidua list`: the plans in the library, newest first, with filters.
import type { Command } from 'commander';
import { UsageError } from '../../errors.js';
import { t } from '../../messages/index.js';
import { addFilterOptions, addLibraryOptions, filtersFrom, renderPlanTable, withLibrary, type FilterCliOptions, type LibraryCliOptions } from '../../library/cli.js';

export function registerList(program: Command): void {
  const cmd = program.command('list').description(t('cli.list.description')).option('--json', t('cli.opt-json')).option('--limit <n>', t('cli.opt-limit'), '1000');
  addFilterOptions(cmd);
  addLibraryOptions(cmd).action(async (opts: LibraryCliOptions & FilterCliOptions & { json?: boolean; limit: string }) => {
    const filters = filtersFrom(opts);
    const limit = Number(opts.limit);
    if (!Number.isInteger(limit) || limit < 1) throw new UsageError({ code: 'cli.err-limit', params: { value: opts.limit } });
    const plans = await withLibrary(opts, (lib) => lib.list(filters, limit));
    if (opts.json) process.stdout.write(JSON.stringify(plans, null, 2) + '\n');
    else process.stdout.write(plans.length ? renderPlanTable(plans) + '\n' : t('cli.list.none') + '\n');
  });
}
