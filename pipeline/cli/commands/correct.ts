// `thidua correct PLAN /json/pointer VALUE`: corrects one value of a plan record (a JSON Patch
// stored with who and when, kept across re-extraction); `--undo [ID]` takes one back.
import { userInfo } from 'node:os';
import type { Command } from 'commander';
import { UsageError } from '../../errors.js';
import { addLibraryOptions, withLibrary, type LibraryCliOptions } from '../../library/cli.js';
import { CorrectionError, parseCliValue, setOperation } from '../../library/corrections.js';
import { t } from '../../messages/index.js';
import { resolvePlanId } from './show.js';

interface CorrectOptions extends LibraryCliOptions {
  undo?: string | boolean;
  by?: string;
  list?: boolean;
  json?: boolean;
}

function whoami(): string {
  try {
    return userInfo().username;
  } catch {
    return 'cli';
  }
}

export function registerCorrect(program: Command): void {
  const cmd = program
    .command('correct')
    .description(t('cli.correct.description'))
    .argument('<plan>', t('cli.arg-plan'))
    .argument('[pointer]', t('cli.correct.arg-pointer'))
    .argument('[value]', t('cli.correct.arg-value'))
    .option('--undo [id]', t('cli.correct.opt-undo'))
    .option('--by <name>', t('cli.correct.opt-by'))
    .option('--list', t('cli.correct.opt-list'))
    .option('--json', t('cli.correct.opt-json'));
  addLibraryOptions(cmd).action(async (arg: string, pointer: string | undefined, value: string | undefined, opts: CorrectOptions) => {
    await withLibrary(opts, async (lib) => {
      const id = await resolvePlanId(lib, arg);
      const by = opts.by ?? whoami();
      if (opts.list) {
        const list = await lib.corrections(id);
        if (opts.json) process.stdout.write(JSON.stringify(list, null, 2) + '\n');
        else for (const c of list) process.stdout.write(`#${c.id} ${c.at} ${c.author ?? ''}${c.undoneAt ? ' (undone)' : c.applied === false ? ' (not applied)' : ''}: ${c.ops.map((o) => `${o.op} ${o.path}${'value' in o ? ' = ' + JSON.stringify(o.value) : ''}`).join('; ')}\n`);
        return;
      }
      if (opts.undo !== undefined) {
        const which = opts.undo === true ? null : Number(opts.undo);
        if (which !== null && !Number.isInteger(which)) throw new UsageError(`--undo takes a correction id, not "${opts.undo}"`);
        const undone = await lib.undoCorrection(id, which, by);
        if (undone === null) throw new UsageError(which === null ? t('library.nothing-to-undo', { id }) : t('web.correction-not-found', { id: which }));
        process.stdout.write(t('library.undone', { id, correction: undone }) + '\n');
        return;
      }
      if (pointer === undefined || value === undefined) throw new UsageError(t('library.correct-usage'));
      if (!pointer.startsWith('/')) throw new UsageError(`the pointer starts with "/", e.g. /document/title, not "${pointer}"`);
      const plan = (await lib.get(id))!;
      const parsed = parseCliValue(value);
      try {
        const correction = await lib.correct(id, [setOperation(plan.record, pointer, parsed)], by);
        if (opts.json) process.stdout.write(JSON.stringify(correction, null, 2) + '\n');
        else process.stdout.write(t('library.corrected', { id, path: pointer, value: JSON.stringify(parsed), correction: correction.id }) + '\n');
      } catch (error) {
        if (error instanceof CorrectionError) throw new UsageError(t(`web.${error.code}`, { detail: error.detail() }));
        throw error;
      }
    });
  });
}
