// `thidua tree`: the hierarchy of the library's plans (province → district → commune).
import type { Command } from 'commander';
import { addLibraryOptions, withLibrary, type LibraryCliOptions } from '../../library/cli.js';
import { buildTree, renderTree } from '../../library/tree.js';
import { t } from '../../messages/index.js';

export function registerTree(program: Command): void {
  const cmd = program.command('tree').description(t('cli.tree.description')).option('--json', t('cli.opt-json'));
  addLibraryOptions(cmd).action(async (opts: LibraryCliOptions & { json?: boolean }) => {
    const { plans, links } = await withLibrary(opts, (lib) => lib.allLinks());
    const lines = buildTree(plans, links);
    if (opts.json) process.stdout.write(JSON.stringify(lines, null, 2) + '\n');
    else process.stdout.write(plans.length ? renderTree(lines) : t('cli.tree.empty') + '\n');
  });
}
