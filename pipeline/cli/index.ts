// The `thidua` command line. Each command lives in ./commands and registers itself here.
// Only the command being run is loaded (PDF, OCR, database and DOCX libraries are heavy), so
// a cold start stays fast; `--help` and unknown commands load them all.
// Every text a person reads comes from the message catalogue (pipeline/messages): Vietnamese
// by default, English with THIDUA_LANG=en or the global option `--lang en` — also commander's
// own words (help titles, its parse errors), which are translated here.
// Exit codes: 0 success, 1 bad input (one line naming the file and the problem),
// 2 usage error, 70 an internal error (a fault of thidua: one line, no stack trace unless
// THIDUA_DEBUG is set).
import { Command, CommanderError, type Help } from 'commander';
import { InputError, UsageError } from '../errors.js';
import { chosenLang, setLang, t } from '../messages/index.js';
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

const TITLES: Record<string, string> = {
  'Usage:': 'cli.title-usage',
  'Options:': 'cli.title-options',
  'Global Options:': 'cli.title-global-options',
  'Commands:': 'cli.title-commands',
  'Arguments:': 'cli.title-arguments',
};

interface Described {
  description: string;
  argChoices?: readonly string[];
  defaultValue?: unknown;
  defaultValueDescription?: string;
  envVar?: string;
  required?: boolean;
  optional?: boolean;
  negate?: boolean;
}

/** An option's or argument's description with its choices, default and variable, in the catalogue's words. */
function describe(item: Described, isOption: boolean): string {
  const extra: string[] = [];
  if (item.argChoices) extra.push(t('cli.help-choices', { values: item.argChoices.join(', ') }));
  if (item.defaultValue !== undefined && (!isOption || item.required || item.optional)) {
    extra.push(t('cli.help-default', { value: item.defaultValueDescription ?? JSON.stringify(item.defaultValue) }));
  }
  if (item.envVar) extra.push(t('cli.help-env', { name: item.envVar }));
  return extra.length ? `${item.description} (${extra.join('; ')})`.trim() : item.description;
}

/** commander's English parse errors in the catalogue's words. */
export function translateCommanderError(text: string): string {
  const body = text.replace(/^error: /, '').trimEnd();
  const suggestion = /\n\(Did you mean (?:one of )?(.+)\?\)$/.exec(body);
  const main = suggestion ? body.slice(0, suggestion.index) : body;
  const rules: [RegExp, (m: RegExpExecArray) => string][] = [
    [/^unknown option '(.+)'$/, (m) => t('cli.err-unknown-option', { option: m[1] })],
    [/^unknown command '(.+)'$/, (m) => t('cli.err-unknown-command', { command: m[1] })],
    [/^missing required argument '(.+)'$/, (m) => t('cli.err-missing-argument', { name: m[1] })],
    [/^option '(.+)' argument missing$/, (m) => t('cli.err-option-argument-missing', { option: m[1] })],
    [/^required option '(.+)' not specified$/, (m) => t('cli.err-required-option', { option: m[1] })],
    [/^too many arguments(?: for '.+')?\. Expected (\d+) arguments? but got (\d+)\.$/, (m) => t('cli.err-too-many-arguments', { expected: m[1], got: m[2] })],
    [/^option '(.+)' argument '(.*)' is invalid\.$/, (m) => t('cli.err-invalid-argument', { value: m[2], name: m[1] })],
    [/^command-argument value '(.*)' is invalid for argument '(.+)'\.$/, (m) => t('cli.err-invalid-argument', { value: m[1], name: m[2] })],
  ];
  let out = main;
  for (const [re, make] of rules) {
    const m = re.exec(main);
    if (m) {
      out = make(m);
      break;
    }
  }
  return `thidua: ${out}${suggestion ? '\n' + t('cli.err-did-you-mean', { suggestion: suggestion[1] }) : ''}\n`;
}

/** Applies the language and help settings to a command (subcommands created later inherit them). */
function localise(command: Command): Command {
  return command
    .helpOption('-h, --help', t('cli.opt-help'))
    .configureHelp({
      styleTitle: (title: string) => (TITLES[title] ? t(TITLES[title]) : title),
      optionDescription: (option) => describe(option as unknown as Described, true),
      argumentDescription: (argument) => describe(argument as unknown as Described, false),
    } satisfies Partial<Help>)
    .showHelpAfterError(t('cli.usage-hint'))
    .configureOutput({
      writeErr: (s) => process.stderr.write(s),
      outputError: (s, write) => write(translateCommanderError(s)),
    });
}

/**
 * Takes the global `--lang LANG` (or `--lang=LANG`) out of the arguments, wherever it stands,
 * and applies it before any text is made. Returns the remaining arguments.
 */
export function takeLang(argv: string[]): string[] {
  const out = argv.slice(0, 2);
  for (let i = 2; i < argv.length; i++) {
    const arg = argv[i];
    if (arg === '--') {
      out.push(...argv.slice(i));
      break;
    }
    let value: string | undefined;
    if (arg === '--lang') value = argv[++i] ?? '';
    else if (arg.startsWith('--lang=')) value = arg.slice('--lang='.length);
    else {
      out.push(arg);
      continue;
    }
    if (!/^(vi|en)$/i.test(value)) throw new UsageError({ code: 'cli.err-lang', params: { value } });
    setLang(value.toLowerCase());
  }
  return out;
}

/** The program with the given commands (all of them by default). */
export async function buildProgram(only?: string): Promise<Command> {
  const program = localise(new Command())
    .name('thidua')
    .description(t('cli.description'))
    .version(VERSION, '-V, --version', t('cli.opt-version'))
    .helpCommand('help [command]', t('cli.help-command'))
    .option('--lang <lang>', t('cli.opt-lang'))
    .addHelpText('after', '\n' + t('cli.help-footer'))
    .exitOverride();
  const names = only && COMMANDS[only] ? [only] : Object.keys(COMMANDS);
  for (const name of names) (await COMMANDS[name]())(program);
  const all = (c: Command): Command[] => [c, ...c.commands.flatMap(all)];
  for (const command of all(program).slice(1)) localise(command).exitOverride();
  return program;
}

/** Runs the CLI; resolves to the exit code. Never throws. */
export async function main(argv: string[]): Promise<number> {
  // `--lang` holds for this command only: a caller running several in one process keeps its own.
  const langBefore = chosenLang();
  try {
    const args = takeLang(argv);
    const name = args[2];
    const program = await buildProgram(name && !name.startsWith('-') ? name : undefined);
    if (args.length <= 2) {
      program.outputHelp();
      return 2;
    }
    await program.parseAsync(args);
    // A command may set a non-zero status without throwing (e.g. some files of a batch failed).
    return typeof process.exitCode === 'number' ? process.exitCode : 0;
  } catch (error) {
    return handleError(error);
  } finally {
    setLang(langBefore);
  }
}

export function handleError(error: unknown): number {
  if (error instanceof CommanderError) {
    if (error.code === 'commander.helpDisplayed' || error.code === 'commander.version' || error.code === 'commander.help') return 0;
    return error.exitCode === 0 ? 0 : 2;
  }
  if (error instanceof UsageError) {
    process.stderr.write(`thidua: ${error.text()}\n${t('cli.usage-hint')}\n`);
    return 2;
  }
  if (error instanceof InputError) {
    process.stderr.write(`thidua: ${error.toLine()}\n`);
    if (process.env.THIDUA_DEBUG && error.cause) process.stderr.write(`${(error.cause as Error)?.stack ?? String(error.cause)}\n`);
    return 1;
  }
  // A fault of thidua itself: one line, the details only on request.
  const e = error as (Error & { detail?: string }) | undefined;
  process.stderr.write(`thidua: ${t('cli.internal-error', { detail: firstLine(e?.message ?? String(error)) })}\n`);
  if (process.env.THIDUA_DEBUG) process.stderr.write(`${e?.detail ?? e?.stack ?? ''}\n`);
  else process.stderr.write(`${t('cli.debug-hint')}\n`);
  return 70;
}

function firstLine(text: string): string {
  return text.split('\n')[0].slice(0, 200);
}
