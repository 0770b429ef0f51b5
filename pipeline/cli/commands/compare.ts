// `thidua compare A B`: checks plan B against plan A (usually A from above, B implementing it).
import { existsSync, statSync } from 'node:fs';
import type { Command } from 'commander';
import { UsageError } from '../../errors.js';
import { extractFile } from '../../extract.js';
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
    if (isFile(arg)) records.push(arg.toLowerCase().endsWith('.json') ? await readRecordFile(arg) : (await extractFile(arg, { quiet: true })).record);
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
    .description('compare plan B with plan A: citation, period, contents, awards and quotas, criteria, dossier')
    .argument('<a>', 'the reference plan (usually from above): library id, document number, or file')
    .argument('<b>', 'the plan checked against it: library id, document number, or file')
    .option('-f, --format <format>', 'text (terminal table), md, html (one self-contained file) or json', 'text')
    .option('-o, --out <file>', 'write to this file instead of standard output');
  addLibraryOptions(cmd)
    .addHelpText('after', '\nThe JSON has a top-level "differences" array; each item has an "aspect" (citation, period,\ncontents, awards, criteria, dossier), a "kind", and the two values compared ("a", "b").')
    .action(async (a: string, b: string, opts: LibraryCliOptions & { format: string; out?: string }) => {
      const format = opts.format as CompareFormat;
      if (!FORMATS.includes(format)) throw new UsageError(`--format takes ${FORMATS.join(', ')}, not "${opts.format}"`);
      const [ra, rb] = await loadPlans([a, b], opts);
      const text = renderComparison(comparePlans(ra, rb), format);
      if (opts.out) await writeFileAtomic(opts.out, text);
      else process.stdout.write(text);
    });
}
