// The `thidua` command line. Each command lives in ./commands and registers itself here.
// Exit codes: 0 success, 1 bad input (one line naming the file and the problem),
// 2 usage error.
import { Command, CommanderError } from 'commander';
import { InputError, UsageError } from '../errors.js';
import { registerExtract } from './commands/extract.js';
import { registerBatch } from './commands/batch.js';
import { registerRender } from './commands/render.js';
import { registerIngest } from './commands/ingest.js';
import { registerList } from './commands/list.js';
import { registerShow } from './commands/show.js';
import { registerSearch } from './commands/search.js';
import { registerTree } from './commands/tree.js';
import { registerCompare } from './commands/compare.js';
import { registerRestore } from './commands/restore.js';
import { VERSION } from '../version.js';

export function buildProgram(): Command {
  const program = new Command();
  program
    .name('thidua')
    .description(
      'Reads Vietnamese plans on emulation campaigns and administrative reform (Kế hoạch phát động phong trào thi đua cải cách hành chính) into structured plan records, keeps a library of plans, compares them across levels of government and fills the award forms.',
    )
    .version(VERSION, '-V, --version')
    .showHelpAfterError('(add --help for usage)')
    .exitOverride()
    .configureOutput({ writeErr: (s) => process.stderr.write(s) });
  registerExtract(program);
  registerBatch(program);
  registerRender(program);
  registerIngest(program);
  registerList(program);
  registerShow(program);
  registerSearch(program);
  registerTree(program);
  registerCompare(program);
  registerRestore(program);
  for (const command of program.commands) command.exitOverride();
  return program;
}

/** Runs the CLI; resolves to the exit code. Never throws for user errors. */
export async function main(argv: string[]): Promise<number> {
  const program = buildProgram();
  if (argv.length <= 2) {
    program.outputHelp();
    return 2;
  }
  try {
    await program.parseAsync(argv);
    // A command may set a non-zero status without throwing (e.g. some files of a batch failed).
    return typeof process.exitCode === 'number' ? process.exitCode : 0;
  } catch (error) {
    return handleError(error);
  }
}

export function handleError(error: unknown): number {
  if (error instanceof CommanderError) {
    if (error.code === 'commander.helpDisplayed' || error.code === 'commander.version' || error.code === 'commander.help') return 0;
    return error.exitCode === 0 ? 0 : 2;
  }
  if (error instanceof UsageError) {
    process.stderr.write(`thidua: ${error.message}\n`);
    return 2;
  }
  if (error instanceof InputError) {
    process.stderr.write(`thidua: ${error.toLine()}\n`);
    return 1;
  }
  throw error;
}
