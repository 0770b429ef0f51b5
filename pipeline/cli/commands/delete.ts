// `thidua delete PLAN`: removes a plan with its sources, corrections, diagnostics and links.
import type { Command } from 'commander';
import { addLibraryOptions, withLibrary, type LibraryCliOptions } from '../../library/cli.js';
import { t } from '../../messages/index.js';
import { resolvePlanId } from './show.js';

export function registerDelete(program: Command): void {
  const cmd = program
    .command('delete')
    .description(t('cli.delete.description'))
    .argument('<plan>', t('cli.arg-plan'));
  addLibraryOptions(cmd).action(async (arg: string, opts: LibraryCliOptions) => {
    await withLibrary(opts, async (lib) => {
      const id = await resolvePlanId(lib, arg);
      const plan = await lib.get(id);
      await lib.delete(id);
      process.stdout.write(t('library.deleted', { id, number: plan?.number ?? '—' }) + '\n');
    });
  });
}
