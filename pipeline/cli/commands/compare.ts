// `thidua compare A B`: checks plan B against plan A (usually A from above, B implementing it).
import { existsSync, statSync } from 'node:fs';
import type { Command } from 'commander';
import { UsageError } from '../../errors.js';
import { t } from '../../messages/index.js';
import { closeGuard, extractGuarded } from '../../guard.js';
import { comparePlans } from '../../compare/index.js';
import { renderComparison, type CompareFormat } from '../../compare/render.js';
import { addLibraryOptions, withLibrary, type LibraryCliOptions } from '../../library/cli.js';
import { readRecordFile } from '../../library/records.js';
import type { PlanRecord } from '../../record/schema.js';
import { writeFileAtomic } from '../io.js';
import { resolvePlanId } from './show.js';

const FORMATS: CompareFormat[] = ['text', 'md', 'html', 'json'];

function isFile(arg: string): boolean {
  return existsSync(arg) && statSync(arg).isFile();
}

/** A plan argument: a file (document or record JSON), else a library id or document number. */
async function loadPlans(args: string[], opts: LibraryCliOptions): Promise<PlanRecord[]> {
  const records: Array<PlanRecord | null> = [];
  for (const arg of args) {
    if (isFile(arg)) records.push(arg.toLowerCase().endsWith('.json') ? await readRecordFile(arg) : (await extractGuarded(arg, { quiet: true }).finally(closeGuard)).record);
    else records.push(null);
  }
  if (records.some((r) => r === null)) {
    await withLibrary(opts, async (lib) => {
      for (const [i, arg] of args.entries()) {
        if (records[i] === null) records[i] = (await lib.get(await resolvePlanId(lib, arg)))!.record;
      }
    });
  }
  return records as PlanRecord[];
}

export function registerCompare(program: Command): void {
  const cmd = program
    .command('compare')
    .description(t('cli.compare.description'))
    .argument('<a>', t('cli.compare.arg-a'))
    .argument('<b>', t('cli.compare.arg-b'))
    .option('-f, --format <format>', t('cli.compare.opt-format'), 'text')
    .option('-o, --out <file>', t('cli.compare.opt-out'));
  addLibraryOptions(cmd)
    .addHelpText('after', '\n' + t('cli.compare.help-after'))
    .action(async (a: string, b: string, opts: LibraryCliOptions & { format: string; out?: string }) => {
      const format = opts.format as CompareFormat;
      if (!FORMATS.includes(format)) throw new UsageError({ code: 'cli.err-format', params: { values: FORMATS.join(', '), value: opts.format } });
      const [ra, rb] = await loadPlans([a, b], opts);
      const text = renderComparison(comparePlans(ra, rb), format);
      if (opts.out) await writeFileAtomic(opts.out, text);
      else process.stdout.write(text);
    });
}
