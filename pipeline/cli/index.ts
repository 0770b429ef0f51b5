// The `thidua` command line. Each command lives in ./commands and registers itself here.
// Only the command being run is loaded (PDF, OCR, database and DOCX libraries are heavy), so
// a cold start stays fast; `--help` and unknown commands load them all.
// Exit codes: 0 success, 1 bad input (one line naming the file and the problem),
// 2 usage error.
import { Command, CommanderError } from 'commander';
import { InputError, UsageError } from '../errors.js';
import { VERSION } from '../version.js';

type Register = (program: Command) => void;

/** Command name → loader of its register function, in the order `--help` lists them. */
export const COMMANDS: Record<string, () => Promise<Register>> = {
  extract: async () => (await import('./commands/extract.js')).registerExtract,
  batch: async () => (await import('./commands/batch.js')).registerBatch,
  restore: async () => (await import('./commands/restore.js')).registerRestore,
  text: async () => (await import('./commands/text.js')).registerText,
  ingest: async () => (await import('./commands/ingest.js')).registerIngest,
  list: async () => (await import('./commands/list.js')).registerList,
  show: async () => (await import('./commands/show.js')).registerShow,
  search: async () => (await import('./commands/search.js')).registerSearch,
  tree: async () => (await import('./commands/tree.js')).registerTree,
  compare: async () => (await import('./commands/compare.js')).registerCompare,
  render: async () => (await import('./commands/render.js')).registerRender,
  serve: async () => (await import('./commands/serve.js')).registerServe,
  delete: async () => (await import('./commands/delete.js')).registerDelete,
  merge: async () => (await import('./commands/merge.js')).registerMerge,
  correct: async () => (await import('./commands/correct.js')).registerCorrect,
  queue: async () => (await import('./commands/queue.js')).registerQueue,
  worker: async () => (await import('./commands/worker.js')).registerWorker,
};

/** The program with the given commands (all of them by default). */
export async function buildProgram(only?: string): Promise<Command> {
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
  const names = only && COMMANDS[only] ? [only] : Object.keys(COMMANDS);
  for (const name of names) (await COMMANDS[name]())(program);
  for (const command of program.commands) command.exitOverride();
  return program;
}

/** Runs the CLI; resolves to the exit code. Never throws for user errors. */
export async function main(argv: string[]): Promise<number> {
  const name = argv[2];
  const program = await buildProgram(name && !name.startsWith('-') ? name : undefined);
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
