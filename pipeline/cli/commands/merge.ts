// `thidua merge PLAN OTHER`: the same plan stored twice (e.g. a scan whose number was misread)
// becomes one: OTHER's sources and corrections move to PLAN, plans citing OTHER cite PLAN.
import type { Command } from 'commander';
import { UsageError } from '../../errors.js';
import { addLibraryOptions, withLibrary, type LibraryCliOptions } from '../../library/cli.js';
import { t } from '../../messages/index.js';
import { resolvePlanId } from './show.js';

export function registerMerge(program: Command): void {
  const cmd = program
    .command('merge')
    .description(t('cli.merge.description'))
    .argument('<plan>', t('cli.merge.arg-plan'))
    .argument('<other>', t('cli.merge.arg-other'));
  addLibraryOptions(cmd).action(async (a: string, b: string, opts: LibraryCliOptions) => {
    await withLibrary(opts, async (lib) => {
      const into = await resolvePlanId(lib, a);
      const from = await resolvePlanId(lib, b);
      if (into === from) throw new UsageError(t('web.same-plan'));
      await lib.merge(into, from);
      process.stdout.write(t('library.merged', { into, from, sources: (await lib.sources(into)).length }) + '\n');
    });
  });
}
